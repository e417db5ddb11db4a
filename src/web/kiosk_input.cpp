#include "web/kiosk_input.h"

namespace rc::web {

bool KioskInputGate::pass(const SDL_Event& event, Store& store) {
    if (event.type == SDL_FINGERDOWN) touchSeen_ = true;
    if (!store.state().kiosk.enabled) return true;
    bool press = false, release = false;
    switch (event.type) {
        case SDL_MOUSEBUTTONDOWN:
        case SDL_FINGERDOWN:
            press = true;
            break;
        case SDL_MOUSEBUTTONUP:
        case SDL_FINGERUP:
            release = true;
            break;
        case SDL_MOUSEMOTION:
        case SDL_FINGERMOTION:
        case SDL_MOUSEWHEEL:
        case SDL_KEYDOWN:
        case SDL_KEYUP:
        case SDL_TEXTINPUT:
        case SDL_TEXTEDITING:
            break;
        default:
            return true;  // not a person's input (window, resize, our own queued events)
    }
    bool noticeShowing = store.state().kiosk.noticeSince > 0;
    store.kiosk().input();
    if (holding_) {
        if (release) holding_ = false;
        return false;
    }
    if (noticeShowing) {
        if (press) holding_ = true;
        return false;
    }
    return true;
}

}  // namespace rc::web
