// The store's Platform in the browser, and the page's events the store listens to (address bar,
// network, new version). The JavaScript side is web/session.js, history.js, clipboard.js,
// downloads.js, kiosk.js and device.js (web_offline.cpp: offline.js and pwa.js); Google's
// sign-in is google_sign_in.*; the page's answers come in through exports.cpp.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "core/main_queue.h"
#include "core/platform.h"
#include "core/store.h"
#include "web/google_sign_in.h"

namespace rc::web {

class WebPlatform : public rc::Platform {
public:
    // Results and page events are posted to `queue`; `wake` makes the main loop draw. Google's
    // sign-in is `google`'s.
    WebPlatform(MainQueue& queue, std::function<void()> wake, GoogleSignIn& google);

    void saveSession(const std::string& json) override;
    std::string loadSession() override;
    void saveSetting(const std::string& key, const std::string& value) override;
    void forgetCachedAnswers() override;
    std::string loadSetting(const std::string& key) override;
    void setRoute(const std::string& hash, bool push) override;
    void copyText(const std::string& text) override;
    void download(const HttpRequest& request, const std::string& filename, DownloadDone done) override;
    void chooseFile(const std::string& accept) override;
    void startGoogleSignIn(const std::string& clientId) override;
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
    // The address bar's fragment now ("#/customers"), read at start-up.
    static std::string currentHash();

    // The page's online/offline events and the service worker's "new version ready".
    std::function<void(bool online)> onBrowserOnline;
    std::function<void()> onUpdateReady;

    // The page's answers and events (from exports.cpp).
    void deliverStorage(int id, int status, const std::string& payload);
    void deliverOfflineEvent(int kind);
    void deliverDownload(int id, int status, const std::string& body);
    void deliverAddress(const std::string& hash);

private:
    MainQueue& queue_;
    std::function<void()> wake_;
    GoogleSignIn& google_;
    std::map<int, DownloadDone> downloads_;
    int nextDownloadId_ = 1;
    // Storage calls waiting for the page's answer, by id; each gets the raw status and payload.
    std::map<int, std::function<void(StorageStatus, const std::string&)>> storageCalls_;
    int nextStorageId_ = 1;
    int storageCall(std::function<void(StorageStatus, const std::string&)> done);
};

// Small reads of the page.
std::string browserLanguage();
bool isMacPlatform();
// The page's main pointer is a finger (pointer: coarse).
bool isTouchScreen();
// prefers-reduced-motion and prefers-contrast: more now, as Preference bits (page_codes.h).
int browserPreferences();
// Hands a frame's accessibility diff to web/a11y.js (called only for frames whose tree changed).
void applyA11yDiff(const std::string& diff);
// Hides the loading overlay once the first frame is on screen.
void notifyFirstFrame();
// A step of start-up ("main", "fonts-built", "first-frame", "rows"...) as the page's
// performance mark "rc:<step>"; the scroll benchmark prints them as the start-up trace.
void startupMark(const char* step);
// CSS size of the canvas and the devicePixelRatio.
void canvasCssSize(double& w, double& h);
double devicePixelRatio();

}  // namespace rc::web
