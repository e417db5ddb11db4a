#include "core/kiosk.h"

#include <algorithm>
#include <cmath>

namespace rc {
namespace {

double resetEverySeconds(const KioskConfig& config) { return config.resetEveryMinutes * 60.0; }

}  // namespace

KioskStep kioskStepDue(const KioskState& s, const KioskConfig& config, double now) {
    if (!s.enabled || s.restoring) return KioskStep::Nothing;
    if (s.startOverDue) return KioskStep::StartOver;
    if (s.noticeSince > 0) return now >= s.noticeSince + kKioskNoticeSeconds ? KioskStep::StartOver : KioskStep::Nothing;
    // Somebody used it and walked away: ask first, they may only be reading.
    if (s.usedSinceStart && now >= s.lastInput + config.idleSeconds) return KioskStep::AskStillThere;
    // Nobody touched it since it last started over: fresh data on the timer, no question asked.
    if (!s.usedSinceStart && config.resetEveryMinutes > 0 && now >= s.lastStart + resetEverySeconds(config))
        return KioskStep::StartOver;
    return KioskStep::Nothing;
}

double kioskNextCheck(const KioskState& s, const KioskConfig& config, double now) {
    if (!s.enabled || s.restoring) return 0;
    if (s.startOverDue) return now;
    if (s.noticeSince > 0) {
        double end = s.noticeSince + kKioskNoticeSeconds;
        // The next whole second of the countdown, or its end.
        double elapsed = now - s.noticeSince;
        double tick = s.noticeSince + std::floor(elapsed) + 1.0;
        return std::min(std::max(tick, now), end);
    }
    if (s.usedSinceStart) return s.lastInput + config.idleSeconds;
    if (config.resetEveryMinutes > 0) return s.lastStart + resetEverySeconds(config);
    return 0;
}

int kioskSecondsLeft(const KioskState& s, double now) {
    if (s.noticeSince <= 0) return 0;
    double left = s.noticeSince + kKioskNoticeSeconds - now;
    return std::clamp(static_cast<int>(std::ceil(left - 1e-6)), 1, static_cast<int>(kKioskNoticeSeconds));
}

}  // namespace rc
