// The lifecycle slice's terms of a subscription (issue 23): an annual plan's renewal settings and
// a flexible plan's seat cap. Each dialog opens with what the subscription has; Save sends only a
// change, once (the dialog's Idempotency-Key), never offline.
#include "core/access.h"
#include "core/lifecycle_codec.h"
#include "core/store.h"
#include "core/store/lifecycle.h"

namespace rc {

namespace {
const Subscription* pageSubscription(const AppState& st) {
    const auto& c = st.customer.customer;
    return c && c->subscription ? &*c->subscription : nullptr;
}

bool isAction(const std::string& a) {
    return a == "auto_renew" || a == "renew_with_count" || a == "switch_to_flexible" || a == "cancel_at_end";
}
}  // namespace

// --- Renewal settings

void LifecycleSlice::openRenewal() {
    auto& page = state().customer;
    const Subscription* sub = pageSubscription(state());
    // The server's table: a paid annual subscription that has not ended.
    if (page.renewal.open || !allowed(state(), Capability::ManageSubscriptions) || !sub || !sub->isAnnual() ||
        (sub->status != "active" && sub->status != "pending_cancel" && sub->status != "suspended"))
        return;
    RenewalState r;
    r.open = true;
    r.action = sub->status == "pending_cancel" ? "cancel_at_end" : (sub->renewal ? sub->renewal->action : "auto_renew");
    if (!isAction(r.action)) r.action = "auto_renew";
    r.licenses = licenseRange(state().plans).clamp(r.action == "renew_with_count" && sub->renewal ? sub->renewal->licenses : sub->licenses);
    r.seenAction = r.action;
    r.seenLicenses = r.licenses;
    r.idempotencyKey = platform().newIdempotencyKey();
    page.renewal = std::move(r);
    refuseOffline(page.renewal.error);
}

void LifecycleSlice::editRenewal(const std::string& action, int licenses) {
    auto& r = state().customer.renewal;
    if (!r.open || r.submitting || !isAction(action)) return;
    if (r.error) r.idempotencyKey = platform().newIdempotencyKey();  // another try is another request
    r.error.reset();
    r.action = action;
    r.licenses = licenseRange(state().plans).clamp(licenses);
}

bool LifecycleSlice::renewalChanged() const {
    const auto& r = state().customer.renewal;
    return r.action != r.seenAction || (r.action == "renew_with_count" && r.licenses != r.seenLicenses);
}

void LifecycleSlice::saveRenewal() {
    auto& page = state().customer;
    auto& r = page.renewal;
    if (!r.open || r.submitting || !renewalChanged() || !allowed(state(), Capability::ManageSubscriptions)) return;  // a double click saves once
    if (refuseOffline(r.error)) return;
    r.submitting = true;
    r.error.reset();
    std::int64_t id = page.id;
    api().setRenewal(id, codec::encodeRenewal(r.action, r.licenses), r.idempotencyKey, ctx_.answer<Subscription>(
        Landing::on(r.submitting, &r.error).onlyIf([this, id] { return state().customer.id == id; }),
        [this](Subscription s) {
            auto& page = state().customer;
            page.renewal = RenewalState{};
            if (page.customer) page.customer->subscription = std::move(s);
            ctx_.changed(Change::SubscriptionChanged);
            ctx_.toast(ToastKind::Success, Text::ToastRenewalSaved);
            store().customerPage().reload();  // the status (set to cancel or not) and the history
        }));
}

void LifecycleSlice::closeRenewal() {
    auto& r = state().customer.renewal;
    if (r.submitting) return;
    r = RenewalState{};
}

// --- Seat cap

void LifecycleSlice::openSeatCap() {
    auto& page = state().customer;
    const Subscription* sub = pageSubscription(state());
    if (page.seatCap.open || !allowed(state(), Capability::ManageSubscriptions) || !sub || sub->isAnnual() || sub->isCancelled()) return;
    SeatCapState c;
    c.open = true;
    c.capped = c.seenCapped = sub->maxLicenses.has_value();
    c.cap = c.seenCap = sub->maxLicenses.value_or(sub->licenses);
    c.idempotencyKey = platform().newIdempotencyKey();
    page.seatCap = std::move(c);
    refuseOffline(page.seatCap.error);
}

void LifecycleSlice::editSeatCap(bool capped, int cap) {
    auto& c = state().customer.seatCap;
    const Subscription* sub = pageSubscription(state());
    if (!c.open || c.submitting || !sub) return;
    if (c.error) c.idempotencyKey = platform().newIdempotencyKey();
    c.error.reset();
    c.capped = capped;
    // Never below the licenses the subscription has now (the server refuses that too).
    auto range = licenseRange(state().plans);
    c.cap = std::max(range.clamp(cap), sub->licenses);
}

bool LifecycleSlice::seatCapChanged() const {
    const auto& c = state().customer.seatCap;
    return c.capped != c.seenCapped || (c.capped && c.cap != c.seenCap);
}

void LifecycleSlice::saveSeatCap() {
    auto& page = state().customer;
    auto& c = page.seatCap;
    if (!c.open || c.submitting || !seatCapChanged() || !allowed(state(), Capability::ManageSubscriptions)) return;
    if (refuseOffline(c.error)) return;
    c.submitting = true;
    c.error.reset();
    std::int64_t id = page.id;
    bool clearing = !c.capped;
    api().setSeatCap(id, codec::encodeSeatCap(c.capped ? std::optional<int>(c.cap) : std::nullopt), c.idempotencyKey,
                     ctx_.answer<Subscription>(
                         Landing::on(c.submitting, &c.error).onlyIf([this, id] { return state().customer.id == id; }),
                         [this, clearing](Subscription s) {
                             auto& page = state().customer;
                             page.seatCap = SeatCapState{};
                             if (page.customer) page.customer->subscription = std::move(s);
                             ctx_.changed(Change::SubscriptionChanged);
                             ctx_.toast(ToastKind::Success, clearing ? Text::ToastSeatCapCleared : Text::ToastSeatCapSaved);
                             store().customerPage().reload();
                         }));
}

void LifecycleSlice::closeSeatCap() {
    auto& c = state().customer.seatCap;
    if (c.submitting) return;
    c = SeatCapState{};
}

}  // namespace rc
