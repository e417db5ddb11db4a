// The kiosk's idle clock as plain data and pure rules: when to ask "Still there?", when to
// start over, and when a screen nobody touches is due for a fresh start. The store applies
// what these rules decide (src/core/store/kiosk.cpp); the page wakes the loop when they say.
#pragma once
#include <cstdint>
#include <optional>

#include "core/model.h"

namespace rc {

constexpr double kKioskNoticeSeconds = 10;  // how long "Still there?" waits for a touch

struct KioskState {
    bool enabled = false;
    double lastInput = 0;         // platform clock
    double noticeSince = 0;       // > 0: "Still there?" is on screen since then
    double lastStart = 0;         // when the console last started over (or first signed in)
    bool usedSinceStart = false;  // somebody touched it since
    bool restoring = false;       // the server is putting the demo data back
    bool startOverDue = false;    // the last start-over could not reach the server: again, once signed in
    std::uint64_t startOvers = 0; // views drop their own drafts and scroll positions when it changes
    int secondsLeft = 0;          // on the notice's countdown
};

enum class KioskStep { Nothing, AskStillThere, StartOver };

// What is due at `now`.
KioskStep kioskStepDue(const KioskState& state, const KioskConfig& config, double now);
// When to look again (platform clock; 0: nothing is pending). While the notice shows, once a
// second, so its countdown moves.
double kioskNextCheck(const KioskState& state, const KioskConfig& config, double now);
// Whole seconds left on the notice (10 .. 1).
int kioskSecondsLeft(const KioskState& state, double now);

}  // namespace rc
