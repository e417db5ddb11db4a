// The store's new-customer slice: the invitation form. It keeps what was typed until the
// invitation is sent (a failure loses nothing); offline, the invitation waits in the queue.
#pragma once
#include <string>

#include "core/store/context.h"

namespace rc {

class NewCustomerSlice : public Slice {
public:
    explicit NewCustomerSlice(StoreContext& ctx) : Slice(ctx) {}

    void open();
    void close();
    void edit(const std::string& name, const std::string& email, const std::string& domain, const std::string& organization);
    // The optional "Billing details" section: whether it is filled in, and its values.
    void editBilling(bool withBilling, const CustomerBilling& billing);
    void submit();
    // Checks one field with the server's rules when the reseller leaves it (name, email,
    // google_domain, organization); an empty field is only flagged on submit.
    void checkField(const std::string& field);
};

}  // namespace rc
