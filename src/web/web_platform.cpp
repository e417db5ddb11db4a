#include "web/web_platform.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/codec.h"
#include "core/i18n.h"

// --- the page's side: one-line calls into window.rcPlatform (web/platform.js) ---------------
// Strings coming back are malloc'ed by rcPlatform.toHeap and freed by takeString().

EM_JS(char*, rc_js_load_session, (), {
    return rcPlatform.toHeap(rcPlatform.session.load());
});
EM_JS(void, rc_js_save_session, (const char* json), { rcPlatform.session.save(UTF8ToString(json)); });
EM_JS(char*, rc_js_load_setting, (const char* key), {
    return rcPlatform.toHeap(rcPlatform.settings.load(UTF8ToString(key)));
});
EM_JS(void, rc_js_save_setting, (const char* key, const char* value), {
    rcPlatform.settings.save(UTF8ToString(key), UTF8ToString(value));
});
EM_JS(char*, rc_js_current_hash, (), {
    return rcPlatform.toHeap(rcPlatform.route.current());
});
EM_JS(void, rc_js_set_route, (const char* hash, int push), { rcPlatform.route.set(UTF8ToString(hash), !!push); });
EM_JS(void, rc_js_text_input, (int active, float x, float y, int numeric), { rcPlatform.textInput(!!active, x, y, !!numeric); });
EM_JS(void, rc_js_copy_text, (const char* text), { rcPlatform.copyText(UTF8ToString(text)); });
EM_JS(void, rc_js_download,
      (int id, const char* method, const char* url, const char* headers, const char* body, const char* filename), {
    rcPlatform.download(id, UTF8ToString(method), UTF8ToString(url), UTF8ToString(headers), UTF8ToString(body),
                        UTF8ToString(filename));
});
EM_JS(void, rc_js_google_start, (const char* clientId), { rcPlatform.google.start(UTF8ToString(clientId)); });
EM_JS(void, rc_js_google_place, (int visible, float x, float y, float w, float h, const char* locale), {
    rcPlatform.google.place(!!visible, x, y, w, h, UTF8ToString(locale));
});
EM_JS(void, rc_js_google_signed_out, (), { rcPlatform.google.signedOut(); });
EM_JS(char*, rc_js_random_hex, (int bytes), {
    return rcPlatform.toHeap(rcPlatform.randomHex(bytes));
});
EM_JS(int, rc_js_is_mac, (), { return rcPlatform.isMac() ? 1 : 0; });
EM_JS(int, rc_js_is_touch_screen, (), { return rcPlatform.isTouchScreen() ? 1 : 0; });
EM_JS(void, rc_js_enter_kiosk, (), { rcPlatform.kiosk.enter(); });
EM_JS(void, rc_js_open_page, (const char* url), { rcPlatform.openPage(UTF8ToString(url)); });
EM_JS(char*, rc_js_language, (), {
    return rcPlatform.toHeap(rcPlatform.language());
});
EM_JS(void, rc_js_first_frame, (), {
    if (Module.onFirstFrame) Module.onFirstFrame();
});

namespace rc::web {
namespace {

std::string takeString(char* p) {
    std::string s = p ? p : "";
    std::free(p);
    return s;
}

}  // namespace

WebPlatform* WebPlatform::instance_ = nullptr;

WebPlatform::WebPlatform(MainQueue& queue, std::function<void()> wake) : queue_(queue), wake_(std::move(wake)) {
    instance_ = this;
}

WebPlatform::~WebPlatform() {
    if (instance_ == this) instance_ = nullptr;
}

void WebPlatform::saveSession(const std::string& json) { rc_js_save_session(json.c_str()); }

std::string WebPlatform::loadSession() { return takeString(rc_js_load_session()); }

void WebPlatform::saveSetting(const std::string& key, const std::string& value) { rc_js_save_setting(key.c_str(), value.c_str()); }

std::string WebPlatform::loadSetting(const std::string& key) { return takeString(rc_js_load_setting(key.c_str())); }

void WebPlatform::setRoute(const std::string& hash, bool push) { rc_js_set_route(hash.c_str(), push ? 1 : 0); }

void WebPlatform::copyText(const std::string& text) { rc_js_copy_text(text.c_str()); }

void WebPlatform::textInput(bool active, float x, float y, bool numeric) {
    rc_js_text_input(active ? 1 : 0, x, y, numeric ? 1 : 0);
}

void WebPlatform::download(const HttpRequest& request, const std::string& filename, DownloadDone done) {
    int id = nextDownloadId_++;
    downloads_[id] = std::move(done);
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : request.headers) headers[name] = value;
    rc_js_download(id, request.method.c_str(), request.url.c_str(), headers.dump().c_str(), request.body.c_str(),
                   filename.c_str());
}

void WebPlatform::googleSignedOut() { rc_js_google_signed_out(); }

double WebPlatform::now() { return emscripten_get_now() / 1000.0; }

std::string WebPlatform::newIdempotencyKey() { return takeString(rc_js_random_hex(16)); }

void WebPlatform::enterKioskMode() { rc_js_enter_kiosk(); }

void WebPlatform::openPage(const std::string& url) { rc_js_open_page(url.c_str()); }

std::string WebPlatform::currentHash() { return takeString(rc_js_current_hash()); }

void WebPlatform::startGoogle(const std::string& clientId) {
    if (googleStatus_ != GoogleStatus::NotConfigured || clientId.empty()) return;
    googleStatus_ = GoogleStatus::Loading;
    rc_js_google_start(clientId.c_str());
}

void WebPlatform::placeGoogleButton(bool visible, float x, float y, float w, float h, const std::string& locale) {
    ButtonPlacement next{visible, x, y, w, h, locale};
    if (!visible) next = ButtonPlacement{false, 0, 0, 0, 0, locale};  // a hidden button has no place
    if (placedOnce_ && next == placed_) return;
    placed_ = next;
    placedOnce_ = true;
    rc_js_google_place(visible ? 1 : 0, x, y, w, h, locale.c_str());
}

void WebPlatform::deliverDownload(int id, int status, const std::string& body) {
    auto it = downloads_.find(id);
    if (it == downloads_.end()) return;
    auto done = std::move(it->second);
    downloads_.erase(it);
    std::optional<ApiError> error;
    if (status < 200 || status >= 300) {
        HttpResponse response;
        response.status = status;
        response.body = body;
        error = codec::decodeError(response);
    }
    queue_.post([done = std::move(done), error = std::move(error)] { done(error); });
    wake_();
}

void WebPlatform::deliverAddress(const std::string& hash) {
    if (!onAddressChanged) return;
    queue_.post([this, hash] { onAddressChanged(hash); });
    wake_();
}

void WebPlatform::deliverGoogleCredential(const std::string& credential) {
    if (!onGoogleCredential) return;
    queue_.post([this, credential] { onGoogleCredential(credential); });
    wake_();
}

void WebPlatform::deliverGoogleStatus(int status) {
    if (status == static_cast<int>(GoogleStatus::Ready)) googleStatus_ = GoogleStatus::Ready;
    else if (status == static_cast<int>(GoogleStatus::Unavailable)) googleStatus_ = GoogleStatus::Unavailable;
    wake_();
}

void WebPlatform::deliverPaste(const std::string& text) {
    if (!onPaste) return;
    onPaste(text);
    wake_();
}

std::string browserLanguage() {
    std::string tag = takeString(rc_js_language());
    return tag.empty() ? "en" : tag;
}

bool isMacPlatform() { return rc_js_is_mac() != 0; }

bool isTouchScreen() { return rc_js_is_touch_screen() != 0; }

void notifyFirstFrame() { rc_js_first_frame(); }

void canvasCssSize(double& w, double& h) { emscripten_get_element_css_size("#canvas", &w, &h); }

double devicePixelRatio() { return emscripten_get_device_pixel_ratio(); }

}  // namespace rc::web

// --- the page calls these (web/platform.js); every one forwards to the one WebPlatform ------

extern "C" {

EMSCRIPTEN_KEEPALIVE void rc_on_download_done(int id, int status, const char* body) {
    if (auto* p = rc::web::WebPlatform::instance()) p->deliverDownload(id, status, body ? body : "");
}

EMSCRIPTEN_KEEPALIVE void rc_on_address_changed(const char* hash) {
    if (auto* p = rc::web::WebPlatform::instance()) p->deliverAddress(hash ? hash : "");
}

EMSCRIPTEN_KEEPALIVE void rc_on_google_credential(const char* credential) {
    if (auto* p = rc::web::WebPlatform::instance()) p->deliverGoogleCredential(credential ? credential : "");
}

EMSCRIPTEN_KEEPALIVE void rc_on_google_status(int status) {
    if (auto* p = rc::web::WebPlatform::instance()) p->deliverGoogleStatus(status);
}

EMSCRIPTEN_KEEPALIVE void rc_on_paste(const char* text) {
    if (auto* p = rc::web::WebPlatform::instance()) p->deliverPaste(text ? text : "");
}

EMSCRIPTEN_KEEPALIVE void rc_on_text(const char* text) {
    if (auto* p = rc::web::WebPlatform::instance(); p && p->onText) p->onText(text ? text : "");
}

}  // extern "C"
