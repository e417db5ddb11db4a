#include "core/store/kiosk.h"

#include "core/store.h"

namespace rc {

void KioskSlice::signIn() {
    state().signIn.email = state().config.demoEmail;
    state().kiosk.lastStart = platform().now();
    store().session().signInDemo();
}

void KioskSlice::input() {
    auto& k = state().kiosk;
    if (!k.enabled) return;
    k.lastInput = platform().now();
    k.usedSinceStart = true;
    k.noticeSince = 0;  // "Touch to continue": touched
}

double KioskSlice::tick() {
    auto& k = state().kiosk;
    if (!k.enabled) return 0;
    double now = platform().now();
    if (state().phase == Phase::SignedOut) {
        // The demo sign-in failed (the server was away?): try again now and then.
        constexpr double kRetrySeconds = 30;
        if (!state().signIn.pending && now >= k.lastStart + kRetrySeconds) signIn();
        return k.lastStart + kRetrySeconds;
    }
    if (state().phase != Phase::SignedIn) return 0;
    switch (kioskStepDue(k, state().config.kiosk, now)) {
        case KioskStep::AskStillThere: k.noticeSince = now; break;
        case KioskStep::StartOver: startOver(); break;
        case KioskStep::Nothing: break;
    }
    k.secondsLeft = kioskSecondsLeft(k, now);
    return kioskNextCheck(k, state().config.kiosk, now);
}

void KioskSlice::startOver() {
    auto& k = state().kiosk;
    if (!k.enabled || state().phase != Phase::SignedIn) return;
    double now = platform().now();
    // Whatever is still on its way was asked for by the last visitor: its answer is dropped.
    ctx_.newGeneration();
    k.noticeSince = 0;
    k.startOverDue = false;
    k.lastStart = k.lastInput = now;
    k.usedSinceStart = false;
    ++k.startOvers;
    store().session().forgetScreens();
    state().download = Remote{};
    store().toasts().clear();
    state().route = Route{};
    platform().setRoute(state().route.toHash(), false);
    // The dashboard waits for the restored data rather than showing the last visitor's.
    k.restoring = true;
    state().dashboard.remote.loading = true;
    api().kioskReset(ctx_.answer<Unit>(
        Landing::on(k.restoring).onSessionEnded([this] {
            // It signs in again by itself; then the next visitor still gets fresh data.
            state().dashboard.remote.loading = false;
            state().kiosk.startOverDue = true;
        }),
        [this](Unit) {
            state().dashboard.remote.loading = false;
            ctx_.enterRoute();
        },
        [this](const ApiError& e) {
            state().dashboard.remote.loading = false;
            ctx_.toast(ToastKind::Error, Text::KioskRestoreFailed, {MessageArg::failure(e)});
            ctx_.enterRoute();
        }));
}

void KioskSlice::openInvitationPage() {
    const auto& c = state().customer.customer;
    if (!c || !c->invitation || c->invitation->url.empty()) return;
    Route back;
    back.screen = Screen::Customer;
    back.customerId = c->id;
    const std::string& url = c->invitation->url;
    platform().openPage(url + (url.find('?') == std::string::npos ? "?" : "&") + "back=" +
                        ApiClient::encodeQueryValue(back.toHash()));
}

}  // namespace rc
