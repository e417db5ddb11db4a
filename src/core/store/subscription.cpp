#include "core/store/subscription.h"

#include <algorithm>
#include <cctype>

#include "core/access.h"
#include "core/store.h"
#include "core/validation.h"

namespace rc {

const Subscription* SubscriptionSlice::changeable() const {
    // A role without manage_subscriptions sees the buttons disabled; an intent is refused here too.
    if (!allowed(state(), Capability::ManageSubscriptions)) return nullptr;
    const auto& c = state().customer.customer;
    if (!c || !c->subscription || c->subscription->isCancelled()) return nullptr;
    return &*c->subscription;
}

void SubscriptionSlice::applySubscription(const Subscription& s) {
    auto& page = state().customer;
    if (page.customer) page.customer->subscription = s;
    // Status, figures and history all change with the subscription.
    ctx_.changed(Change::SubscriptionChanged);
    store().customerPage().reload();
}

// --- licenses

void SubscriptionSlice::openLicenseOrder() {
    const Subscription* sub = changeable();
    if (!sub) return;
    LicenseOrderState o;
    o.open = true;
    o.target = sub->licenses;
    o.idempotencyKey = platform().newIdempotencyKey();
    state().customer.licenses = std::move(o);
}

void SubscriptionSlice::closeLicenseOrder() {
    if (state().customer.licenses.ordering) return;
    state().customer.licenses = LicenseOrderState{};
}

void SubscriptionSlice::setLicenseTarget(int target) {
    auto& o = state().customer.licenses;
    if (!o.open || o.ordering) return;
    target = licenseRange(state().plans).clamp(target);
    // A flexible plan's seat cap (issue 23): no order above it (the dialog says why).
    const auto& c = state().customer.customer;
    if (c && c->subscription && !c->subscription->isAnnual() && c->subscription->maxLicenses)
        target = std::min(target, std::max(*c->subscription->maxLicenses, c->subscription->licenses));
    if (target == o.target && (o.preview || o.previewRemote.loading)) return;
    o.target = target;
    o.confirming = false;
    o.orderError.reset();
    // A different count is a different order.
    o.idempotencyKey = platform().newIdempotencyKey();
    requestLicensePreview();
}

// Asks what a change would cost; only the newest answer for the page still open lands, and
// `fits` says whether it is still the change on screen. A failure leaves no price.
template <class Preview, class Ask, class Fits>
void SubscriptionSlice::askPreview(std::optional<Preview>& preview, Remote& remote, Ask ask, Fits fits) {
    remote = Remote{true, std::nullopt};
    std::uint64_t request = ++previewRequest_;
    std::int64_t id = state().customer.id;
    ask(id, ctx_.answer<Preview>(
                Landing::on(remote).onlyIf([this, request, id] { return request == previewRequest_ && state().customer.id == id; }),
                [&preview, fits](Preview p) {
                    if (fits(p)) preview = std::move(p);
                },
                [&preview](const ApiError&) { preview.reset(); }));
}

void SubscriptionSlice::requestLicensePreview() {
    auto& page = state().customer;
    auto& o = page.licenses;
    const auto& sub = page.customer->subscription;
    // Nothing to price; or explained on screen before asking: annual plans only go down at renewal.
    if (!sub || o.target == sub->licenses || (!sub->canReduceLicensesNow() && o.target < sub->licenses)) {
        o.preview.reset();
        o.previewRemote = Remote{};
        return;
    }
    int target = o.target;
    askPreview(
        o.preview, o.previewRemote,
        [this, target](std::int64_t id, ApiClient::Callback<LicensePreview> done) { api().previewLicenses(id, target, std::move(done)); },
        [this](const LicensePreview& p) { return p.licenses == state().customer.licenses.target; });
}

void SubscriptionSlice::requestOrderConfirmation() {
    auto& o = state().customer.licenses;
    if (!o.open || !o.preview || o.preview->licenses != o.target || o.previewRemote.loading) return;
    o.confirming = true;
    o.orderError.reset();
}

void SubscriptionSlice::cancelOrderConfirmation() {
    auto& o = state().customer.licenses;
    if (o.ordering) return;
    o.confirming = false;
}

void SubscriptionSlice::placeLicenseOrder() {
    auto& page = state().customer;
    auto& o = page.licenses;
    if (!o.open || !o.confirming || o.ordering) return;  // a double click orders once
    o.ordering = true;
    o.orderError.reset();
    std::int64_t id = page.id;
    int target = o.target;
    // The count the reseller saw: if someone else changed it meanwhile, nothing is ordered.
    int seen = page.customer && page.customer->subscription ? page.customer->subscription->licenses : 0;
    // The same key on a retry: if the first attempt reached the server, it answers with that order.
    api().orderLicenses(id, target, seen, o.idempotencyKey, ctx_.answer<OrderOutcome>(
        Landing::on(o.ordering).onlyIf([this, id] { return state().customer.id == id; }),
        [this, target, seen](OrderOutcome out) {
            // Said as what happened: "Lizenzanzahl auf 45 erhöht." (or verringert).
            const bool raised = target > seen, lowered = target < seen;
            if (out.invoice)
                ctx_.toast(ToastKind::Success, raised ? Text::ToastLicensesRaisedInvoice : Text::ToastLicensesOrderedInvoice,
                           {MessageArg::integer(target), MessageArg::plain(out.invoice->number)});
            else
                ctx_.toast(ToastKind::Success, raised ? Text::ToastLicensesRaised : lowered ? Text::ToastLicensesLowered : Text::ToastLicensesOrdered,
                           {MessageArg::integer(target)});
            state().customer.licenses = LicenseOrderState{};
            applySubscription(out.subscription);
        },
        [this](const ApiError& e) {
            if (e.isNetwork() && store().offline().canQueueWrites()) {
                store().offline().queueLicenseOrder();  // the same key: a replay never bills twice
                return;
            }
            state().customer.licenses.orderError = e;
            if (e.code == "licenses_changed" && e.currentLicenses) onLicensesChanged(*e.currentLicenses);
        }));
}

// Someone else changed the count: show the new one and ask again (the error stays on screen
// until the reseller picks a count); the next order is a new decision with a new key.
void SubscriptionSlice::onLicensesChanged(int licenses) {
    auto& page = state().customer;
    if (page.customer && page.customer->subscription) page.customer->subscription->licenses = licenses;
    auto& o = page.licenses;
    o.confirming = false;
    // The count picked was relative to the old one: start again from the new count, so a
    // hurried "Order now" can never turn an intended increase into a reduction.
    o.target = licenses;
    o.idempotencyKey = platform().newIdempotencyKey();
    o.preview.reset();
    requestLicensePreview();
    store().customerPage().reload();
}

// --- plan

void SubscriptionSlice::openPlanChange() {
    const Subscription* sub = changeable();
    if (!sub) return;
    PlanChangeState p;
    p.open = true;
    p.plan = sub->plan;
    p.billingCycle = sub->billingCycle;
    p.idempotencyKey = platform().newIdempotencyKey();
    state().customer.plan = std::move(p);
    if (!state().plans) store().customerPage().loadPlans();
}

void SubscriptionSlice::closePlanChange() {
    if (state().customer.plan.submitting) return;
    state().customer.plan = PlanChangeState{};
}

void SubscriptionSlice::choosePlan(const std::string& plan, const std::string& cycle) {
    auto& p = state().customer.plan;
    if (!p.open || p.submitting) return;
    if (plan == p.plan && cycle == p.billingCycle && (p.preview || p.previewRemote.loading)) return;
    p.plan = plan;
    p.billingCycle = cycle;
    p.confirming = false;
    p.error.reset();
    p.idempotencyKey = platform().newIdempotencyKey();
    requestPlanPreview();
}

void SubscriptionSlice::reviewPlanChange() {
    auto& p = state().customer.plan;
    // Only a priced choice: the confirmation says what it costs.
    // (A choice made since drops the older preview's answer: askPreview.)
    if (!p.open || p.submitting || !p.preview || p.previewRemote.loading) return;
    p.confirming = true;
    p.error.reset();
}

void SubscriptionSlice::backToPlanChoice() {
    auto& p = state().customer.plan;
    if (p.submitting) return;
    p.confirming = false;
}

void SubscriptionSlice::requestPlanPreview() {
    auto& page = state().customer;
    auto& p = page.plan;
    const auto& sub = page.customer->subscription;
    if (!sub || (p.plan == sub->plan && p.billingCycle == sub->billingCycle)) {
        p.preview.reset();
        p.previewRemote = Remote{};
        return;
    }
    askPreview(
        p.preview, p.previewRemote,
        [this, plan = p.plan, cycle = p.billingCycle](std::int64_t id, ApiClient::Callback<PlanChangePreview> done) {
            api().previewPlan(id, plan, cycle, std::move(done));
        },
        [](const PlanChangePreview&) { return true; });
}

void SubscriptionSlice::confirmPlanChange() {
    auto& page = state().customer;
    auto& p = page.plan;
    // Never straight from the choice: the reseller has seen the confirmation (a double click
    // sends once: submitting).
    if (!p.open || !p.confirming || p.submitting || !p.preview || p.previewRemote.loading) return;
    if (!page.customer || !page.customer->subscription) return;
    p.submitting = true;
    p.error.reset();
    std::int64_t id = page.id;
    std::string plan = p.plan;
    const Subscription& seen = *page.customer->subscription;
    api().changePlan(id, p.plan, p.billingCycle, seen.plan, seen.billingCycle, p.idempotencyKey, ctx_.answer<OrderOutcome>(
        Landing::on(p.submitting, &p.error).onlyIf([this, id] { return state().customer.id == id; }),
        [this, plan](OrderOutcome out) {
            const Subscription& s = out.subscription;
            if (s.scheduledChange)
                ctx_.toast(ToastKind::Success, Text::ToastPlanScheduled,
                           {MessageArg::plan(plan), MessageArg::date(s.scheduledChange->effectiveOn)});
            else
                ctx_.toast(ToastKind::Success, Text::ToastPlanChanged, {MessageArg::plan(plan)});
            state().customer.plan = PlanChangeState{};
            applySubscription(s);
        },
        [this](const ApiError& e) {
            if (e.code == "plan_changed" && !e.currentPlan.empty()) onPlanChanged(e);
        }));
}

// Someone else changed the plan: show what it is now; the reseller chooses again.
void SubscriptionSlice::onPlanChanged(const ApiError& error) {
    auto& page = state().customer;
    if (page.customer && page.customer->subscription) {
        page.customer->subscription->plan = error.currentPlan;
        page.customer->subscription->billingCycle = error.currentBillingCycle;
    }
    auto& p = page.plan;
    p.confirming = false;  // back to the choice: the plan it starts from is another now
    p.idempotencyKey = platform().newIdempotencyKey();
    p.preview.reset();
    requestPlanPreview();
    store().customerPage().reload();
}

// --- cancel

void SubscriptionSlice::openCancel() {
    if (!changeable()) return;
    CancelState c;
    c.open = true;
    // The server's table allows "at the end of the term" for a trial or an active subscription only.
    if (changeable()->isSuspended()) c.when = "now";
    c.idempotencyKey = platform().newIdempotencyKey();
    state().customer.cancel = std::move(c);
}

void SubscriptionSlice::closeCancel() {
    if (state().customer.cancel.submitting) return;
    state().customer.cancel = CancelState{};
}

void SubscriptionSlice::editCancel(const std::string& typedDomain, const std::string& when, const std::string& reason) {
    auto& c = state().customer.cancel;
    if (c.submitting) return;
    if (c.when != when) c.idempotencyKey = platform().newIdempotencyKey();
    c.typedDomain = typedDomain;
    const auto& customer = state().customer.customer;
    bool suspended = customer && customer->subscription && customer->subscription->isSuspended();
    c.when = when == "now" || suspended ? "now" : "end_of_term";
    c.reason = reason;
    c.error.reset();
}

void SubscriptionSlice::confirmCancel() {
    auto& page = state().customer;
    auto& c = page.cancel;
    if (!c.open || c.submitting || !page.customer) return;
    // Typing the domain is the confirmation: nothing is sent until it matches.
    std::string typed = validate::trim(c.typedDomain);
    std::transform(typed.begin(), typed.end(), typed.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    if (typed != page.customer->googleDomain) return;
    c.submitting = true;
    c.error.reset();
    std::int64_t id = page.id;
    std::string when = c.when;
    api().cancel(id, c.when, validate::trim(c.reason), c.idempotencyKey, ctx_.answer<Subscription>(
        Landing::on(c.submitting, &c.error).onlyIf([this, id] { return state().customer.id == id; }),
        [this, when](Subscription s) {
            if (when == "now") ctx_.toast(ToastKind::Info, Text::ToastCancelledNow);
            else ctx_.toast(ToastKind::Info, Text::ToastCancelScheduled, {MessageArg::date(s.termEnd)});
            state().customer.cancel = CancelState{};
            applySubscription(s);
        }));
}

void SubscriptionSlice::reactivate() {
    if (!allowed(state(), Capability::ManageSubscriptions)) return;
    store().customerPage().action<Subscription>(
        [this](std::int64_t id, const std::string& key, ApiClient::Callback<Subscription> done) {
            api().reactivate(id, key, std::move(done));
        },
        [this](Subscription sub) {
            ctx_.toast(ToastKind::Success, Text::ToastReactivated);
            applySubscription(sub);
        });
}

}  // namespace rc
