#include "core/store/billing.h"

#include "core/access.h"
#include "core/store.h"

namespace rc {

namespace {
void takeFieldErrors(const ApiError& e, std::map<std::string, std::string>& fieldErrors, std::optional<ApiError>& error) {
    if (e.fields.empty()) {
        error = e;
        return;
    }
    for (const auto& [field, message] : e.fields) fieldErrors[field] = message;
}
}  // namespace

bool BillingSlice::refuseOffline(std::optional<ApiError>& error) {
    // Not queued: a profile or an address saved later, after invoices were issued without it,
    // would surprise; the form keeps what was typed until the connection is back.
    if (!store().offline().isOffline()) return false;
    ApiError e;
    e.code = "network_error";
    error = e;
    return true;
}

void BillingSlice::showProfile() {
    auto& b = state().billingProfile;
    if (!b.profile && !b.remote.loading) loadProfile();
}

void BillingSlice::loadProfile() {
    if (!signedIn()) return;
    auto& b = state().billingProfile;
    b.remote = Remote{true, std::nullopt};
    api().billingProfile(ctx_.answer<BillingProfile>(Landing::on(b.remote), [this](BillingProfile p) {
        auto& b = state().billingProfile;
        if (!b.dirty) b.draft = p;  // what the Admin typed stays until saved or discarded
        b.profile = std::move(p);
    }));
}

void BillingSlice::editProfile(const BillingProfile& draft) {
    auto& b = state().billingProfile;
    if (b.saving) return;
    auto changed = [&](bool differs, const char* field) {
        if (differs) b.fieldErrors.erase(field);
    };
    changed(draft.legalName != b.draft.legalName, "legal_name");
    changed(draft.address.street != b.draft.address.street, "address.street");
    changed(draft.address.postalCode != b.draft.address.postalCode, "address.postal_code");
    changed(draft.address.city != b.draft.address.city, "address.city");
    changed(draft.address.country != b.draft.address.country, "address.country");
    if (!(draft.address == b.draft.address)) b.fieldErrors.erase("address");
    changed(draft.vatId != b.draft.vatId, "vat_id");
    changed(draft.taxNumber != b.draft.taxNumber, "tax_number");
    changed(draft.currency != b.draft.currency, "currency");
    changed(draft.invoicePrefix != b.draft.invoicePrefix, "invoice_prefix");
    changed(draft.paymentTermsDays != b.draft.paymentTermsDays, "payment_terms_days");
    changed(draft.iban != b.draft.iban, "iban");
    changed(draft.bic != b.draft.bic, "bic");
    changed(draft.email != b.draft.email, "email");
    changed(draft.phone != b.draft.phone, "phone");
    changed(draft.taxBasisPoints != b.draft.taxBasisPoints, "tax_basis_points");
    b.draft = draft;
    b.dirty = true;
    b.error.reset();
}

void BillingSlice::discardProfile() {
    auto& b = state().billingProfile;
    if (b.saving) return;
    if (b.profile) b.draft = *b.profile;
    b.dirty = false;
    b.fieldErrors.clear();
    b.error.reset();
}

void BillingSlice::saveProfile() {
    auto& b = state().billingProfile;
    if (!signedIn() || b.saving || !b.profile || !allowed(state(), Capability::ManageAccount)) return;  // a double click saves once
    if (refuseOffline(b.error)) return;
    b.saving = true;
    b.error.reset();
    b.fieldErrors.clear();
    api().saveBillingProfile(b.draft, ctx_.answer<BillingProfile>(
        Landing::on(b.saving),
        [this](BillingProfile p) {
            auto& b = state().billingProfile;
            b.profile = p;
            b.draft = std::move(p);
            b.dirty = false;
            ctx_.toast(ToastKind::Success, Text::ToastBillingProfileSaved);
        },
        [this](const ApiError& e) {
            auto& b = state().billingProfile;
            if (e.code == "currency_locked") b.fieldErrors["currency"] = describeError(e);
            else takeFieldErrors(e, b.fieldErrors, b.error);
        }));
}

void BillingSlice::openDetails() {
    auto& page = state().customer;
    if (!page.customer || page.billing.open || !allowed(state(), Capability::ManageCustomers)) return;
    BillingDetailsEdit edit;
    edit.open = true;
    if (page.customer->billing) edit.draft = *page.customer->billing;
    edit.idempotencyKey = platform().newIdempotencyKey();
    page.billing = std::move(edit);
}

void BillingSlice::editDetails(const CustomerBilling& draft) {
    auto& edit = state().customer.billing;
    if (!edit.open || edit.submitting) return;
    bool hadProblem = edit.error.has_value() || !edit.fieldErrors.empty();
    auto changed = [&](bool differs, const char* field) {
        if (differs) edit.fieldErrors.erase(field);
    };
    changed(draft.address.street != edit.draft.address.street, "billing.address.street");
    changed(draft.address.postalCode != edit.draft.address.postalCode, "billing.address.postal_code");
    changed(draft.address.city != edit.draft.address.city, "billing.address.city");
    changed(draft.address.country != edit.draft.address.country, "billing.address.country");
    changed(draft.vatId != edit.draft.vatId, "billing.vat_id");
    changed(draft.language != edit.draft.language, "billing.language");
    changed(draft.email != edit.draft.email, "billing.email");
    changed(draft.buyerReference != edit.draft.buyerReference, "billing.buyer_reference");
    // Other details are another change: a new key, so the server does not answer with the first.
    if (hadProblem && !(draft == edit.draft)) edit.idempotencyKey = platform().newIdempotencyKey();
    edit.error.reset();
    edit.draft = draft;
}

void BillingSlice::saveDetails() { sendDetails(state().customer.billing.draft); }

void BillingSlice::removeDetails() { sendDetails(std::nullopt); }

void BillingSlice::sendDetails(const std::optional<CustomerBilling>& billing) {
    auto& page = state().customer;
    auto& edit = page.billing;
    if (!signedIn() || !page.customer || !edit.open || edit.submitting || !allowed(state(), Capability::ManageCustomers)) return;
    if (refuseOffline(edit.error)) return;
    edit.submitting = true;
    edit.error.reset();
    edit.fieldErrors.clear();
    std::int64_t pageId = page.id;  // the answer lands only on the page it was sent from
    api().updateCustomerBilling(page.customer->id, billing, edit.idempotencyKey, ctx_.answer<Customer>(
        Landing::on(edit.submitting).onlyIf([this, pageId] { return state().customer.id == pageId; }),
        [this](Customer c) {
            auto& page = state().customer;
            page.billing = BillingDetailsEdit{};
            page.customer = std::move(c);
            ctx_.toast(ToastKind::Success, Text::ToastBillingDetailsSaved);
        },
        [this](const ApiError& e) {
            auto& edit = state().customer.billing;
            takeFieldErrors(e, edit.fieldErrors, edit.error);
        }));
}

void BillingSlice::closeDetails() {
    auto& edit = state().customer.billing;
    if (edit.submitting) return;
    edit = BillingDetailsEdit{};
}

}  // namespace rc
