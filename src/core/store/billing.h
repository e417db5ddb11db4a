// The store's billing slice (issue 18): the reseller's billing profile (read by every member,
// saved whole by an Admin) and a customer's billing details, edited in their own dialog on the
// customer's page.
#pragma once
#include <optional>

#include "core/store/context.h"

namespace rc {

class BillingSlice : public Slice {
public:
    explicit BillingSlice(StoreContext& ctx) : Slice(ctx) {}

    // --- the billing profile screen
    void showProfile();  // loads it when missing
    void loadProfile();
    void editProfile(const BillingProfile& draft);
    void saveProfile();
    void discardProfile();  // the form back to what the server has

    // --- a customer's billing details (the customer on the page)
    void openDetails();
    void editDetails(const CustomerBilling& draft);
    void saveDetails();
    void removeDetails();  // sends "billing": null
    void closeDetails();

private:
    void sendDetails(const std::optional<CustomerBilling>& billing);
    bool refuseOffline(std::optional<ApiError>& error);
};

}  // namespace rc
