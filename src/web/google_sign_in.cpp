#include "web/google_sign_in.h"

#include <emscripten.h>

EM_JS(void, rc_js_google_start, (const char* clientId), { rcWeb.google.start(UTF8ToString(clientId)); });
EM_JS(void, rc_js_google_place, (int visible, float x, float y, float w, float h, const char* locale), {
    rcWeb.google.place(!!visible, x, y, w, h, UTF8ToString(locale));
});
EM_JS(void, rc_js_google_signed_out, (), { rcWeb.google.signedOut(); });

namespace rc::web {

void GoogleSignIn::start(const std::string& clientId) {
    if (!clientId.empty()) rc_js_google_start(clientId.c_str());
}

void GoogleSignIn::signedOut() { rc_js_google_signed_out(); }

void GoogleSignIn::placeButton(bool visible, float x, float y, float w, float h, const std::string& locale) {
    Placement next{visible, x, y, w, h, locale};
    if (!visible) next = Placement{false, 0, 0, 0, 0, locale};  // a hidden button has no place
    if (placedOnce_ && next == placed_) return;
    placed_ = next;
    placedOnce_ = true;
    rc_js_google_place(visible ? 1 : 0, x, y, w, h, locale.c_str());
}

void GoogleSignIn::statusChanged(int code) {
    // Only how the script fared comes from the page; anything else is not a status.
    GoogleStatus status;
    if (code == static_cast<int>(GoogleStatus::Ready)) status = GoogleStatus::Ready;
    else if (code == static_cast<int>(GoogleStatus::Unavailable)) status = GoogleStatus::Unavailable;
    else return;
    if (!store_) return;
    queue_.post([store = store_, status] { store->session().setGoogleStatus(status); });
    wake_();
}

void GoogleSignIn::credentialArrived(const std::string& credential) {
    if (!store_) return;
    queue_.post([store = store_, credential] { store->session().signInWithGoogle(credential); });
    wake_();
}

}  // namespace rc::web
