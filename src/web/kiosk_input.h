// Kiosk mode's hold on input: every touch, click, key or wheel tells the store somebody is
// there; while "Still there?" shows, input answers that notice only, and the touch that
// answered it is held back until the finger lifts, so it cannot press what lies beneath.
#pragma once
#include <SDL.h>

#include "core/store.h"

namespace rc::web {

class KioskInputGate {
public:
    // Whether ImGui should see the event (always, outside kiosk mode).
    bool pass(const SDL_Event& event, Store& store);
    // A finger touched the screen at some point: the console switches to touch sizes.
    bool touchSeen() const { return touchSeen_; }

private:
    bool holding_ = false;  // a press that answered the notice, until its release
    bool touchSeen_ = false;
};

}  // namespace rc::web
