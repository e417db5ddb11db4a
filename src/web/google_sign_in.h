// The one owner of Sign in with Google in the browser. The store asks for it once its config
// names a client id (Platform::startGoogleSignIn); web/google.js loads Google's script and
// reports how it fared, and this pushes each change (store.session().setGoogleStatus) and each
// credential (store.session().signInWithGoogle) to the store through the main queue. Nothing is
// polled per frame and no copy of the status is kept here: the page knows how its script fared,
// the store keeps what the sign-in screen shows.
#pragma once
#include <functional>
#include <string>

#include "core/main_queue.h"
#include "core/store.h"

namespace rc::web {

class GoogleSignIn {
public:
    // Reports are posted to `queue`; `wake` makes the loop draw a frame to apply them.
    GoogleSignIn(MainQueue& queue, std::function<void()> wake) : queue_(queue), wake_(std::move(wake)) {}
    // Where the status and the credentials go.
    void attach(Store& store) { store_ = &store; }

    // Loads Google's script for `clientId` (once; asked again, the page reports its status again).
    void start(const std::string& clientId);
    // Stops Google from signing the reseller straight back in after a sign-out.
    void signedOut();
    // Where the sign-in screen kept room for Google's button (CSS pixels, canvas-relative); called
    // after each drawn frame, only a change reaches the page.
    void placeButton(bool visible, float x, float y, float w, float h, const std::string& locale);

    // From the page (exports.cpp): the script's status (a GoogleStatus code), a credential.
    void statusChanged(int code);
    void credentialArrived(const std::string& credential);

private:
    struct Placement {
        bool visible = false;
        float x = 0, y = 0, w = 0, h = 0;
        std::string locale;
        bool operator==(const Placement& o) const {
            return visible == o.visible && x == o.x && y == o.y && w == o.w && h == o.h && locale == o.locale;
        }
    };

    MainQueue& queue_;
    std::function<void()> wake_;
    Store* store_ = nullptr;
    Placement placed_;
    bool placedOnce_ = false;
};

}  // namespace rc::web
