#include "core/store/new_customer.h"

#include <iterator>

#include "core/access.h"
#include "core/codec.h"
#include "core/store.h"
#include "core/validation.h"

namespace rc {

void NewCustomerSlice::open() {
    auto& f = state().newCustomer;
    if (f.open || !allowed(state(), Capability::ManageCustomers)) return;
    // Reopening after a failure keeps what was typed; after a success the form starts empty.
    f.open = true;
    f.error.reset();
    if (f.idempotencyKey.empty()) f.idempotencyKey = platform().newIdempotencyKey();
}

void NewCustomerSlice::close() {
    if (state().newCustomer.submitting) return;
    state().newCustomer.open = false;
}

void NewCustomerSlice::edit(const std::string& name, const std::string& email, const std::string& domain,
                            const std::string& organization) {
    auto& f = state().newCustomer;
    if (f.submitting) return;
    bool hadProblem = f.error.has_value() || !f.fieldErrors.empty();
    auto changed = [&](const std::string& a, const std::string& b, const char* field) {
        if (a != b) f.fieldErrors.erase(field);
    };
    changed(f.name, name, "name");
    changed(f.email, email, "email");
    changed(f.googleDomain, domain, "google_domain");
    changed(f.organization, organization, "organization");
    if (f.name != name || f.email != email || f.googleDomain != domain || f.organization != organization) {
        // Different details are a different invitation: a new key, so the server does not answer
        // with the first attempt's result.
        if (hadProblem) f.idempotencyKey = platform().newIdempotencyKey();
        f.error.reset();
    }
    f.name = name, f.email = email, f.googleDomain = domain, f.organization = organization;
}

void NewCustomerSlice::editBilling(bool withBilling, const CustomerBilling& billing) {
    auto& f = state().newCustomer;
    if (f.submitting) return;
    if (f.withBilling == withBilling && f.billing == billing) return;
    bool hadProblem = f.error.has_value() || !f.fieldErrors.empty();
    // The server names billing fields billing.address.city...: any change there clears them all.
    for (auto it = f.fieldErrors.begin(); it != f.fieldErrors.end();)
        it = it->first.rfind("billing", 0) == 0 ? f.fieldErrors.erase(it) : std::next(it);
    if (hadProblem) f.idempotencyKey = platform().newIdempotencyKey();
    f.error.reset();
    f.withBilling = withBilling;
    f.billing = billing;
}

void NewCustomerSlice::checkField(const std::string& field) {
    auto& f = state().newCustomer;
    if (!f.open || f.submitting) return;
    const std::string* value = field == "name" ? &f.name : field == "email" ? &f.email
                             : field == "google_domain" ? &f.googleDomain : field == "organization" ? &f.organization : nullptr;
    if (!value) return;
    if (validate::trim(*value).empty()) return;  // leaving a field empty is not yet a mistake
    std::optional<std::string> problem = field == "email" ? validate::email(*value)
                                       : field == "google_domain" ? validate::googleDomain(*value) : validate::name(*value);
    if (problem) f.fieldErrors[field] = *problem;
    else f.fieldErrors.erase(field);
}

void NewCustomerSlice::submit() {
    auto& f = state().newCustomer;
    if (!f.open || f.submitting || !signedIn()) return;  // a double click sends one invitation
    f.fieldErrors.clear();
    if (auto e = validate::name(f.name)) f.fieldErrors["name"] = *e;
    if (auto e = validate::email(f.email)) f.fieldErrors["email"] = *e;
    if (auto e = validate::googleDomain(f.googleDomain)) f.fieldErrors["google_domain"] = *e;
    if (auto e = validate::name(f.organization)) f.fieldErrors["organization"] = *e;
    if (!f.fieldErrors.empty()) return;
    f.submitting = true;
    f.error.reset();
    if (f.idempotencyKey.empty()) f.idempotencyKey = platform().newIdempotencyKey();
    std::string body = codec::encodeNewCustomer(validate::trim(f.name), validate::trim(f.email),
                                                validate::trim(f.googleDomain), validate::trim(f.organization),
                                                f.withBilling ? std::optional<CustomerBilling>(f.billing) : std::nullopt);
    if (store().offline().isOffline()) {
        store().offline().queueNewCustomer(body);
        return;
    }
    api().createCustomer(body, f.idempotencyKey, ctx_.answer<Customer>(
        Landing::on(f.submitting),
        [this](Customer c) {
            ctx_.toast(ToastKind::Success, Text::ToastInvitationSent, {MessageArg::plain(c.email)});
            state().newCustomer = NewCustomerForm{};
            // The new customer appears in the list; their page is one click away.
            ctx_.changed(Change::CustomerInvited);
            if (state().route.screen == Screen::Customers) store().customers().reload();
            store().openCustomer(c.id);
        },
        [this, body](const ApiError& e) {
            auto& f = state().newCustomer;
            // No answer: it waits for the network with the same key (if the server did get it,
            // the replay gets the first answer back and invites nobody twice).
            if (e.isNetwork() && store().offline().canQueueWrites()) {
                f.submitting = true;
                store().offline().queueNewCustomer(body);
            } else if (e.code == "domain_taken") {
                f.fieldErrors["google_domain"] = tr(Text::ErrDomainTaken);
            } else if (!e.fields.empty()) {
                for (const auto& [field, message] : e.fields) f.fieldErrors[field] = message;
            } else {
                f.error = e;
            }
        }));
}

}  // namespace rc
