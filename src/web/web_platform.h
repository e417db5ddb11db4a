// The store's Platform in the browser, and the page's events the console listens to (address
// bar, paste, Google sign-in). The JavaScript side is web/platform.js; this file's .cpp holds
// the only EM_JS stubs that call it and the exported functions it calls back.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "core/main_queue.h"
#include "core/platform.h"
#include "core/store.h"

namespace rc::web {

class WebPlatform : public rc::Platform {
public:
    // Results and page events are posted to `queue`; `wake` makes the main loop draw.
    WebPlatform(MainQueue& queue, std::function<void()> wake);
    ~WebPlatform() override;

    void saveSession(const std::string& json) override;
    std::string loadSession() override;
    void saveSetting(const std::string& key, const std::string& value) override;
    std::string loadSetting(const std::string& key) override;
    void setRoute(const std::string& hash, bool push) override;
    void copyText(const std::string& text) override;
    void download(const HttpRequest& request, const std::string& filename, DownloadDone done) override;
    void googleSignedOut() override;
    double now() override;
    std::string newIdempotencyKey() override;
    // Offline use (web_offline.cpp, web/offline.js and web/pwa.js).
    void storagePut(const std::string& key, const std::string& value, StorageDone done) override;
    void storageGet(const std::string& key, StorageValue done) override;
    void storageList(const std::string& prefix, StorageList done) override;
    void storageRemove(const std::string& key, StorageDone done) override;
    void storageRemovePrefix(const std::string& prefix, StorageDone done) override;
    std::int64_t epochMillis() override;
    int utcOffsetMinutes(std::int64_t epochMillis) override;
    void after(double seconds, std::function<void()> fn) override;
    void applyUpdate() override;
    void enterKioskMode() override;
    void openPage(const std::string& url) override;

    // --- page events, each delivered on the main queue (set these before the page can fire them)
    std::function<void(const std::string& hash)> onAddressChanged;
    std::function<void(const std::string& credential)> onGoogleCredential;
    // Called straight from the paste event (not through the queue): main.cpp puts it in SDL's
    // event queue, in order with the keys around it.
    std::function<void(const std::string& text)> onPaste;
    // Text that came without keypresses (input methods, dictation); like onPaste, called directly.
    std::function<void(const std::string& text)> onText;
    // While ImGui edits text, the page keeps a hidden textarea focused at the caret (x, y);
    // `numeric`: the field takes digits only (touch keyboards show their number pad).
    void textInput(bool active, float x, float y, bool numeric);

    // The address bar's fragment now ("#/customers"), read at start-up.
    static std::string currentHash();
    // Loads Google's client script once and renders its button when it arrives.
    void startGoogle(const std::string& clientId);
    // How the script fared: NotConfigured before startGoogle, then Loading, Ready or Unavailable.
    // The page is the truth here; the store's copy is kept in step by the main loop.
    GoogleStatus googleStatus() const { return googleStatus_; }
    // Where the sign-in screen wants Google's button (CSS pixels, canvas-relative); cheap to
    // call every frame: only a change reaches the page.
    void placeGoogleButton(bool visible, float x, float y, float w, float h, const std::string& locale);

    // The page's online/offline events and the service worker's "new version ready".
    std::function<void(bool online)> onBrowserOnline;
    std::function<void()> onUpdateReady;

    // Entry points for the exported rc_on_* functions.
    void deliverStorage(int id, int status, const std::string& payload);
    void deliverOfflineEvent(int kind);
    void deliverDownload(int id, int status, const std::string& body);
    void deliverAddress(const std::string& hash);
    void deliverGoogleCredential(const std::string& credential);
    void deliverGoogleStatus(int status);
    void deliverPaste(const std::string& text);

    static WebPlatform* instance() { return instance_; }

private:
    struct ButtonPlacement {
        bool visible = false;
        float x = 0, y = 0, w = 0, h = 0;
        std::string locale;
        bool operator==(const ButtonPlacement& o) const {
            return visible == o.visible && x == o.x && y == o.y && w == o.w && h == o.h && locale == o.locale;
        }
    };

    MainQueue& queue_;
    std::function<void()> wake_;
    std::map<int, DownloadDone> downloads_;
    int nextDownloadId_ = 1;
    // Storage calls waiting for the page's answer, by id; each gets the raw status and payload.
    std::map<int, std::function<void(StorageStatus, const std::string&)>> storageCalls_;
    int nextStorageId_ = 1;
    int storageCall(std::function<void(StorageStatus, const std::string&)> done);
    GoogleStatus googleStatus_ = GoogleStatus::NotConfigured;
    ButtonPlacement placed_;
    bool placedOnce_ = false;
    static WebPlatform* instance_;
};

// Small reads of the page.
std::string browserLanguage();
bool isMacPlatform();
// The page's main pointer is a finger (pointer: coarse).
bool isTouchScreen();
// Hides the loading overlay once the first frame is on screen.
void notifyFirstFrame();
// CSS size of the canvas and the devicePixelRatio.
void canvasCssSize(double& w, double& h);
double devicePixelRatio();

}  // namespace rc::web
