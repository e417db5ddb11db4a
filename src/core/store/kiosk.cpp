// The store's kiosk slice: signing in to the demo account by itself, the idle clock's
// decisions (src/core/kiosk.h) applied to the state, and starting over for the next visitor.
#include "core/format.h"
#include "core/i18n.h"
#include "core/store.h"

namespace rc {

void Store::kioskSignIn() {
    state_.signIn.email = state_.config.demoEmail;
    state_.kiosk.lastStart = platform_.now();
    signInDemo();
}

void Store::kioskInput() {
    auto& k = state_.kiosk;
    if (!k.enabled) return;
    k.lastInput = platform_.now();
    k.usedSinceStart = true;
    k.noticeSince = 0;  // "Touch to continue": touched
}

double Store::kioskTick() {
    auto& k = state_.kiosk;
    if (!k.enabled) return 0;
    double now = platform_.now();
    if (state_.phase == Phase::SignedOut) {
        // The demo sign-in failed (the server was away?): try again now and then.
        constexpr double kRetrySeconds = 30;
        if (!state_.signIn.pending && now >= k.lastStart + kRetrySeconds) kioskSignIn();
        return k.lastStart + kRetrySeconds;
    }
    if (state_.phase != Phase::SignedIn) return 0;
    switch (kioskStepDue(k, state_.config.kiosk, now)) {
        case KioskStep::AskStillThere: k.noticeSince = now; break;
        case KioskStep::StartOver: kioskStartOver(); break;
        case KioskStep::Nothing: break;
    }
    k.secondsLeft = kioskSecondsLeft(k, now);
    return kioskNextCheck(k, state_.config.kiosk, now);
}

void Store::kioskStartOver() {
    auto& k = state_.kiosk;
    if (!k.enabled || state_.phase != Phase::SignedIn) return;
    double now = platform_.now();
    // Whatever is still on its way was asked for by the last visitor: its answer is dropped.
    ++sessionGeneration_;
    k.noticeSince = 0;
    k.startOverDue = false;
    k.lastStart = k.lastInput = now;
    k.usedSinceStart = false;
    ++k.startOvers;
    forgetScreens();
    state_.download = Remote{};
    state_.toasts.clear();
    state_.route = Route{};
    platform_.setRoute(state_.route.toHash(), false);
    // The dashboard waits for the restored data rather than showing the last visitor's.
    k.restoring = true;
    state_.dashboard.remote.loading = true;
    std::uint64_t generation = sessionGeneration_;
    api_.kioskReset([this, generation](Result<Unit> r) {
        if (!isCurrentSession(generation)) return;
        state_.kiosk.restoring = false;
        state_.dashboard.remote.loading = false;
        if (!r.ok()) {
            if (handleAuth(r.error())) {
                // It signs in again by itself; then the next visitor still gets fresh data.
                state_.kiosk.startOverDue = true;
                return;
            }
            toast(ToastKind::Error, format::fill(tr(Text::KioskRestoreFailed), describeError(r.error())));
        }
        enterRoute();
    });
}

void Store::openInvitationPage() {
    const auto& c = state_.customer.customer;
    if (!c || !c->invitation || c->invitation->url.empty()) return;
    Route back;
    back.screen = Screen::Customer;
    back.customerId = c->id;
    const std::string& url = c->invitation->url;
    platform_.openPage(url + (url.find('?') == std::string::npos ? "?" : "&") + "back=" +
                       ApiClient::encodeQueryValue(back.toHash()));
}

}  // namespace rc
