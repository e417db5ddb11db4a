// The store's subscription slice: on a customer's page, the license order (with its price
// preview and confirmation), the plan change, cancelling and undoing a cancellation.
#pragma once
#include <cstdint>
#include <string>

#include "core/store/context.h"

namespace rc {

class SubscriptionSlice : public Slice {
public:
    explicit SubscriptionSlice(StoreContext& ctx) : Slice(ctx) {}

    void openLicenseOrder();
    void closeLicenseOrder();
    void setLicenseTarget(int target);  // asks the server for a price preview
    void requestOrderConfirmation();
    void cancelOrderConfirmation();
    void placeLicenseOrder();

    void openPlanChange();
    void closePlanChange();
    void choosePlan(const std::string& plan, const std::string& billingCycle);
    // A plan change asks before it charges (issue 25): review shows what changes, the amount due
    // now, the new recurring amount and from when; only then does confirm send it.
    void reviewPlanChange();
    void backToPlanChoice();
    void confirmPlanChange();

    void openCancel();
    void closeCancel();
    void editCancel(const std::string& typedDomain, const std::string& when, const std::string& reason);
    void confirmCancel();
    void reactivate();

private:
    // The subscription on the page if its dialogs may open: there is one and it is not cancelled.
    const Subscription* changeable() const;
    void applySubscription(const Subscription& s);
    template <class Preview, class Ask, class Fits>
    void askPreview(std::optional<Preview>& preview, Remote& remote, Ask ask, Fits fits);
    void requestLicensePreview();
    void requestPlanPreview();
    void onLicensesChanged(int licenses);
    void onPlanChanged(const ApiError& error);

    std::uint64_t previewRequest_ = 0;  // the latest preview: older answers are dropped
};

}  // namespace rc
