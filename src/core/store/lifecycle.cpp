#include "core/store/lifecycle.h"

#include "core/access.h"
#include "core/error_text.h"
#include "core/i18n.h"
#include "core/lifecycle_codec.h"
#include "core/store.h"
#include "core/validation.h"

namespace rc {

namespace {
CustomerDetails detailsOf(const Customer& c) { return {c.name, c.email, c.organization, c.googleDomain}; }
}  // namespace

bool LifecycleSlice::refuseOffline(std::optional<ApiError>& error) {
    if (!store().offline().isOffline()) return false;
    ApiError e;
    e.code = "network_error";
    error = e;
    return true;
}

// --- Edit customer

void LifecycleSlice::openEdit() {
    auto& page = state().customer;
    if (!page.customer || page.edit.open || !allowed(state(), Capability::ManageCustomers)) return;
    CustomerEdit edit;
    edit.open = true;
    edit.seen = edit.draft = detailsOf(*page.customer);
    edit.domainEditable = page.customer->status == CustomerStatus::Invited;
    edit.idempotencyKey = platform().newIdempotencyKey();
    page.edit = std::move(edit);
}

void LifecycleSlice::editDraft(const CustomerDetails& draft) {
    auto& edit = state().customer.edit;
    if (!edit.open || edit.submitting) return;
    bool hadProblem = edit.error.has_value() || !edit.fieldErrors.empty();
    auto changed = [&](const std::string& a, const std::string& b, const char* field) {
        if (a != b) edit.fieldErrors.erase(field);
    };
    changed(draft.name, edit.draft.name, "name");
    changed(draft.email, edit.draft.email, "email");
    changed(draft.organization, edit.draft.organization, "organization");
    changed(draft.googleDomain, edit.draft.googleDomain, "google_domain");
    // Other details are another change: a new key, so the server does not answer with the first.
    if (hadProblem && draft != edit.draft) edit.idempotencyKey = platform().newIdempotencyKey();
    edit.error.reset();
    edit.draft = draft;
    if (!edit.domainEditable) edit.draft.googleDomain = edit.seen.googleDomain;
}

void LifecycleSlice::saveEdit() {
    auto& page = state().customer;
    auto& edit = page.edit;
    if (!signedIn() || !page.customer || !edit.open || edit.submitting || !allowed(state(), Capability::ManageCustomers)) return;
    if (!codec::customerEditChanges(edit.seen, edit.draft, edit.domainEditable)) return;  // nothing to save
    // The same rules as New customer, before anything is sent.
    edit.fieldErrors.clear();
    if (auto e = validate::name(edit.draft.name)) edit.fieldErrors["name"] = *e;
    if (auto e = validate::email(edit.draft.email)) edit.fieldErrors["email"] = *e;
    if (auto e = validate::name(edit.draft.organization)) edit.fieldErrors["organization"] = *e;
    if (edit.domainEditable)
        if (auto e = validate::googleDomain(edit.draft.googleDomain)) edit.fieldErrors["google_domain"] = *e;
    if (!edit.fieldErrors.empty()) return;
    if (refuseOffline(edit.error)) return;
    edit.submitting = true;
    edit.error.reset();
    std::int64_t pageId = page.id;  // the answer lands only on the page it was sent from
    api().updateCustomer(page.id, codec::encodeCustomerEdit(edit.seen, edit.draft, edit.domainEditable), edit.idempotencyKey,
                         ctx_.answer<Customer>(
                             Landing::on(edit.submitting).onlyIf([this, pageId] { return state().customer.id == pageId; }),
                             [this](Customer c) {
                                 auto& page = state().customer;
                                 page.edit = CustomerEdit{};
                                 page.customer = std::move(c);
                                 std::int64_t id = page.customer->id;
                                 state().customers.rows.forEachLoaded([&](Customer& row) {
                                     if (row.id == id) row = *page.customer;
                                 });
                                 ctx_.changed(Change::CustomerEdited);
                                 ctx_.toast(ToastKind::Success, Text::ToastCustomerSaved);
                                 store().customerPage().reload();  // the history names the change
                             },
                             [this](const ApiError& e) {
                                 auto& page = state().customer;
                                 auto& edit = page.edit;
                                 if (e.code == "customer_changed" && e.currentDetails) {
                                     // Someone else's change: the fields not touched here take it,
                                     // the typed ones stay; the next Save expects what is there now.
                                     const CustomerDetails& now = *e.currentDetails;
                                     if (edit.draft.name == edit.seen.name) edit.draft.name = now.name;
                                     if (edit.draft.email == edit.seen.email) edit.draft.email = now.email;
                                     if (edit.draft.organization == edit.seen.organization) edit.draft.organization = now.organization;
                                     if (edit.draft.googleDomain == edit.seen.googleDomain) edit.draft.googleDomain = now.googleDomain;
                                     edit.seen = now;
                                     edit.idempotencyKey = platform().newIdempotencyKey();
                                     edit.error = e;
                                     store().customerPage().reload();
                                     return;
                                 }
                                 if (e.code == "domain_taken") {
                                     edit.fieldErrors["google_domain"] = describeError(e);
                                     return;
                                 }
                                 if (e.fields.empty()) {
                                     edit.error = e;
                                     return;
                                 }
                                 for (const auto& [field, message] : e.fields) edit.fieldErrors[field] = describeFieldError(field, message);
                             }));
}

void LifecycleSlice::closeEdit() {
    auto& edit = state().customer.edit;
    if (edit.submitting) return;
    edit = CustomerEdit{};
}

// --- Suspend and Resume

namespace {
// The subscription on the page, if it is in `status` (the buttons show only then; the server's
// table refuses the rest with a 409 anyway).
const Subscription* subscriptionIn(const AppState& st, const char* status) {
    const auto& c = st.customer.customer;
    if (!c || !c->subscription || c->subscription->status != status) return nullptr;
    return &*c->subscription;
}
}  // namespace

void LifecycleSlice::openSuspend() {
    auto& page = state().customer;
    if (page.suspend.open || !allowed(state(), Capability::ManageSubscriptions) || !subscriptionIn(state(), "active")) return;
    SuspendState s;
    s.open = true;
    s.idempotencyKey = platform().newIdempotencyKey();
    page.suspend = std::move(s);
    if (refuseOffline(page.suspend.error)) return;
    auto& sp = page.suspend;
    sp.previewRemote = Remote{true, std::nullopt};
    std::int64_t id = page.id;
    api().previewSuspend(id, sp.reason, {}, ctx_.answer<SuspendPreview>(
        Landing::on(sp.previewRemote).onlyIf([this, id] { return state().customer.id == id && state().customer.suspend.open; }),
        [this](SuspendPreview p) { state().customer.suspend.preview = std::move(p); }));
}

void LifecycleSlice::editSuspend(const std::string& reason, const std::string& note) {
    auto& s = state().customer.suspend;
    if (!s.open || s.submitting) return;
    if (reason != "non_payment" && reason != "customer_request") return;
    if (s.error) s.idempotencyKey = platform().newIdempotencyKey();  // another try is another request
    s.error.reset();
    s.reason = reason;
    s.note = note;
}

void LifecycleSlice::confirmSuspend() {
    auto& page = state().customer;
    auto& s = page.suspend;
    if (!s.open || s.submitting || !s.preview || !allowed(state(), Capability::ManageSubscriptions)) return;  // a double click suspends once
    if (refuseOffline(s.error)) return;
    s.submitting = true;
    s.error.reset();
    std::int64_t id = page.id;
    api().suspend(id, s.reason, validate::trim(s.note), s.idempotencyKey, ctx_.answer<OrderOutcome>(
        Landing::on(s.submitting, &s.error).onlyIf([this, id] { return state().customer.id == id; }),
        [this](OrderOutcome out) {
            auto& page = state().customer;
            page.suspend = SuspendState{};
            if (page.customer) page.customer->subscription = std::move(out.subscription);
            ctx_.changed(Change::SubscriptionChanged);
            ctx_.toast(ToastKind::Info, Text::ToastSuspended);
            store().customerPage().reload();  // the customer's status and history change with it
        }));
}

void LifecycleSlice::closeSuspend() {
    auto& s = state().customer.suspend;
    if (s.submitting) return;
    s = SuspendState{};
}

void LifecycleSlice::openResume() {
    auto& page = state().customer;
    if (page.resume.open || !allowed(state(), Capability::ManageSubscriptions) || !subscriptionIn(state(), "suspended")) return;
    ResumeState r;
    r.open = true;
    r.idempotencyKey = platform().newIdempotencyKey();
    page.resume = std::move(r);
    if (refuseOffline(page.resume.error)) return;
    auto& rp = page.resume;
    rp.previewRemote = Remote{true, std::nullopt};
    std::int64_t id = page.id;
    api().previewResume(id, ctx_.answer<ResumePreview>(
        Landing::on(rp.previewRemote).onlyIf([this, id] { return state().customer.id == id && state().customer.resume.open; }),
        [this](ResumePreview p) { state().customer.resume.preview = std::move(p); }));
}

void LifecycleSlice::confirmResume() {
    auto& page = state().customer;
    auto& r = page.resume;
    if (!r.open || r.submitting || !r.preview || !allowed(state(), Capability::ManageSubscriptions)) return;  // a double click resumes once
    if (refuseOffline(r.error)) return;
    r.submitting = true;
    r.error.reset();
    std::int64_t id = page.id;
    api().resume(id, r.idempotencyKey, ctx_.answer<OrderOutcome>(
        Landing::on(r.submitting, &r.error).onlyIf([this, id] { return state().customer.id == id; }),
        [this](OrderOutcome out) {
            auto& page = state().customer;
            page.resume = ResumeState{};
            if (page.customer) page.customer->subscription = std::move(out.subscription);
            ctx_.changed(Change::SubscriptionChanged);
            if (out.invoice) ctx_.toast(ToastKind::Success, Text::ToastResumedInvoice, {MessageArg::plain(out.invoice->number)});
            else ctx_.toast(ToastKind::Success, Text::ToastResumed);
            store().customerPage().reload();
        }));
}

void LifecycleSlice::closeResume() {
    auto& r = state().customer.resume;
    if (r.submitting) return;
    r = ResumeState{};
}

// --- Start paid plan now

void LifecycleSlice::openStartPaid() {
    auto& page = state().customer;
    const Subscription* sub = subscriptionIn(state(), "trial");
    if (page.startPaid.open || !allowed(state(), Capability::ManageSubscriptions) || !sub) return;
    StartPaidState sp;
    sp.open = true;
    sp.plan = sub->plan;
    sp.billingCycle = sub->billingCycle;
    sp.licenses = licenseRange(state().plans).clamp(sub->licenses);
    sp.idempotencyKey = platform().newIdempotencyKey();
    page.startPaid = std::move(sp);
    if (refuseOffline(page.startPaid.error)) return;
    previewStartPaid();
}

void LifecycleSlice::chooseStartPaid(const std::string& plan, const std::string& cycle, int licenses) {
    auto& sp = state().customer.startPaid;
    if (!sp.open || sp.submitting) return;
    if (plan != "basic" && plan != "professional" && plan != "enterprise") return;
    if (cycle != "flexible" && cycle != "annual_monthly" && cycle != "annual_yearly") return;
    licenses = licenseRange(state().plans).clamp(licenses);
    if (plan == sp.plan && cycle == sp.billingCycle && licenses == sp.licenses && (sp.preview || sp.previewRemote.loading)) return;
    sp.plan = plan;
    sp.billingCycle = cycle;
    sp.licenses = licenses;
    sp.preview.reset();  // the price on screen is always the choice's
    sp.error.reset();
    if (refuseOffline(sp.error)) return;
    previewStartPaid();
}

void LifecycleSlice::previewStartPaid() {
    auto& sp = state().customer.startPaid;
    sp.previewRemote = Remote{true, std::nullopt};
    std::uint64_t request = ++startPaidRequest_;
    std::int64_t id = state().customer.id;
    api().previewStartPaid(id, sp.plan, sp.billingCycle, sp.licenses, ctx_.answer<StartPaidPreview>(
        Landing::on(sp.previewRemote).onlyIf([this, request, id] {
            return request == startPaidRequest_ && state().customer.id == id && state().customer.startPaid.open;
        }),
        [this](StartPaidPreview p) {
            auto& sp = state().customer.startPaid;
            if (p.plan == sp.plan && p.billingCycle == sp.billingCycle && p.licenses == sp.licenses) sp.preview = std::move(p);
        }));
}

void LifecycleSlice::confirmStartPaid() {
    auto& page = state().customer;
    auto& sp = page.startPaid;
    // Only what was priced, once: a double click, or a click while the price is being asked, sends nothing more.
    if (!sp.open || sp.submitting || !sp.preview || sp.previewRemote.loading || !allowed(state(), Capability::ManageSubscriptions))
        return;
    if (refuseOffline(sp.error)) return;
    sp.submitting = true;
    sp.error.reset();
    std::int64_t id = page.id;
    api().startPaid(id, sp.plan, sp.billingCycle, sp.licenses, sp.idempotencyKey, ctx_.answer<OrderOutcome>(
        Landing::on(sp.submitting, &sp.error).onlyIf([this, id] { return state().customer.id == id; }),
        [this](OrderOutcome out) {
            auto& page = state().customer;
            page.startPaid = StartPaidState{};
            if (page.customer) page.customer->subscription = std::move(out.subscription);
            ctx_.changed(Change::SubscriptionChanged);
            if (out.invoice) ctx_.toast(ToastKind::Success, Text::ToastStartedPaidInvoice, {MessageArg::plain(out.invoice->number)});
            else ctx_.toast(ToastKind::Success, Text::ToastStartedPaid);
            store().customerPage().reload();  // the status, the list and the history change with it
        }));
}

void LifecycleSlice::closeStartPaid() {
    auto& sp = state().customer.startPaid;
    if (sp.submitting) return;
    sp = StartPaidState{};
}

}  // namespace rc
