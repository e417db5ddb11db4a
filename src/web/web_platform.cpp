#include "web/web_platform.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/codec.h"

// --- the page's side: one-line calls into window.rcWeb (web/*.js) ----------------------------
// Strings coming back are malloc'ed by rcWeb.bridge.toHeap and freed by takeString().

EM_JS(char*, rc_js_load_session, (), {
    return rcWeb.bridge.toHeap(rcWeb.session.load());
});
EM_JS(void, rc_js_save_session, (const char* json), { rcWeb.session.save(UTF8ToString(json)); });
EM_JS(char*, rc_js_load_setting, (const char* key), {
    return rcWeb.bridge.toHeap(rcWeb.settings.load(UTF8ToString(key)));
});
EM_JS(void, rc_js_save_setting, (const char* key, const char* value), {
    rcWeb.settings.save(UTF8ToString(key), UTF8ToString(value));
});
EM_JS(void, rc_js_forget_cached_answers, (), { rcWeb.settings.forgetCachedAnswers(); });
EM_JS(char*, rc_js_current_hash, (), {
    return rcWeb.bridge.toHeap(rcWeb.history.current());
});
EM_JS(void, rc_js_set_route, (const char* hash, int push), { rcWeb.history.set(UTF8ToString(hash), !!push); });
EM_JS(void, rc_js_copy_text, (const char* text), { rcWeb.clipboard.copy(UTF8ToString(text)); });
EM_JS(void, rc_js_download,
      (int id, const char* method, const char* url, const char* headers, const char* body, const char* filename), {
    rcWeb.downloads.start(id, UTF8ToString(method), UTF8ToString(url), UTF8ToString(headers), UTF8ToString(body),
                          UTF8ToString(filename));
});
EM_JS(void, rc_js_choose_file, (const char* accept), { rcWeb.files.choose(UTF8ToString(accept)); });
EM_JS(char*, rc_js_random_hex, (int bytes), {
    return rcWeb.bridge.toHeap(rcWeb.device.randomHex(bytes));
});
EM_JS(int, rc_js_is_mac, (), { return rcWeb.device.isMac() ? 1 : 0; });
EM_JS(int, rc_js_is_touch_screen, (), { return rcWeb.device.isTouchScreen() ? 1 : 0; });
EM_JS(int, rc_js_preferences, (), { return rcWeb.device.preferences(); });
EM_JS(char*, rc_js_language, (), {
    return rcWeb.bridge.toHeap(rcWeb.device.language());
});
EM_JS(void, rc_js_enter_kiosk, (), { rcWeb.kiosk.enter(); });
EM_JS(void, rc_js_open_page, (const char* url), { rcWeb.kiosk.openPage(UTF8ToString(url)); });
EM_JS(void, rc_js_a11y_apply, (const char* diff), {
    if (rcWeb.a11y) rcWeb.a11y.apply(UTF8ToString(diff));
});
EM_JS(void, rc_js_first_frame, (), {
    if (Module.onFirstFrame) Module.onFirstFrame();
});
EM_JS(void, rc_js_mark, (const char* step), {
    if (self.performance && performance.mark) performance.mark("rc:" + UTF8ToString(step));
});

namespace rc::web {
namespace {

std::string takeString(char* p) {
    std::string s = p ? p : "";
    std::free(p);
    return s;
}

}  // namespace

WebPlatform::WebPlatform(MainQueue& queue, std::function<void()> wake, GoogleSignIn& google)
    : queue_(queue), wake_(std::move(wake)), google_(google) {}

void WebPlatform::saveSession(const std::string& json) { rc_js_save_session(json.c_str()); }

std::string WebPlatform::loadSession() { return takeString(rc_js_load_session()); }

void WebPlatform::forgetCachedAnswers() { rc_js_forget_cached_answers(); }

void WebPlatform::saveSetting(const std::string& key, const std::string& value) { rc_js_save_setting(key.c_str(), value.c_str()); }

std::string WebPlatform::loadSetting(const std::string& key) { return takeString(rc_js_load_setting(key.c_str())); }

void WebPlatform::setRoute(const std::string& hash, bool push) { rc_js_set_route(hash.c_str(), push ? 1 : 0); }

void WebPlatform::copyText(const std::string& text) { rc_js_copy_text(text.c_str()); }

void WebPlatform::download(const HttpRequest& request, const std::string& filename, DownloadDone done) {
    int id = nextDownloadId_++;
    downloads_[id] = std::move(done);
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : request.headers) headers[name] = value;
    rc_js_download(id, request.method.c_str(), request.url.c_str(), headers.dump().c_str(), request.body.c_str(),
                   filename.c_str());
}

void WebPlatform::chooseFile(const std::string& accept) { rc_js_choose_file(accept.c_str()); }

void WebPlatform::startGoogleSignIn(const std::string& clientId) { google_.start(clientId); }

void WebPlatform::googleSignedOut() { google_.signedOut(); }

double WebPlatform::now() { return emscripten_get_now() / 1000.0; }

std::string WebPlatform::newIdempotencyKey() { return takeString(rc_js_random_hex(16)); }

void WebPlatform::enterKioskMode() { rc_js_enter_kiosk(); }

void WebPlatform::openPage(const std::string& url) { rc_js_open_page(url.c_str()); }

std::string WebPlatform::currentHash() { return takeString(rc_js_current_hash()); }

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

std::string browserLanguage() {
    std::string tag = takeString(rc_js_language());
    return tag.empty() ? "en" : tag;
}

bool isMacPlatform() { return rc_js_is_mac() != 0; }

bool isTouchScreen() { return rc_js_is_touch_screen() != 0; }

int browserPreferences() { return rc_js_preferences(); }

void applyA11yDiff(const std::string& diff) { rc_js_a11y_apply(diff.c_str()); }

void notifyFirstFrame() { rc_js_first_frame(); }

void startupMark(const char* step) { rc_js_mark(step); }

void canvasCssSize(double& w, double& h) { emscripten_get_element_css_size("#canvas", &w, &h); }

double devicePixelRatio() { return emscripten_get_device_pixel_ratio(); }

}  // namespace rc::web
