// What the store needs from the page it runs in: storage, the address bar, the clipboard,
// file downloads, Google's sign-in library, clocks, durable storage for offline use and the
// service worker's updates. The browser implementation is in src/web; native tests use a fake.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/http.h"
#include "core/model.h"

namespace rc {

class Platform {
public:
    virtual ~Platform() = default;

    // The signed-in session, kept across reloads (empty string: none).
    virtual void saveSession(const std::string& json) = 0;
    virtual std::string loadSession() = 0;

    // The address bar's #fragment. push=false replaces the current history entry.
    virtual void setRoute(const std::string& hash, bool push) = 0;

    virtual void copyText(const std::string& text) = 0;

    // Downloads the answer to `request` as a file called `filename` (a real browser download).
    // `done` is called later, from the main queue, with nothing on success or what went wrong
    // (a 401 among them, so an expired session still sends the reseller to sign in).
    using DownloadDone = std::function<void(const std::optional<ApiError>& error)>;
    virtual void download(const HttpRequest& request, const std::string& filename, DownloadDone done) = 0;

    // Opens the browser's file picker for these types (an <input type=file> "accept"); the file
    // chosen, or one dropped on the page, reaches the store's import (src/web/exports.cpp).
    virtual void chooseFile(const std::string& accept) { (void)accept; }

    // Loads Google's sign-in for this client id; how it fares comes back as setGoogleStatus.
    virtual void startGoogleSignIn(const std::string& clientId) { (void)clientId; }
    // Stops Google from signing the reseller straight back in after a sign-out.
    virtual void googleSignedOut() = 0;

    // Seconds since some fixed point; only differences matter (toast lifetimes).
    virtual double now() = 0;

    // A fresh unguessable key for Idempotency-Key headers.
    virtual std::string newIdempotencyKey() = 0;

    // --- offline use -------------------------------------------------------------------------
    // Durable key/value storage (IndexedDB in the browser) for the offline data: kept across
    // reloads and closed tabs. Every call answers later, through the main queue.
    enum class StorageStatus { Ok, NotFound, Unavailable, QuotaExceeded, Failed };
    using StorageDone = std::function<void(StorageStatus status)>;
    using StorageValue = std::function<void(StorageStatus status, std::string value)>;
    using StorageEntries = std::vector<std::pair<std::string, std::string>>;
    using StorageList = std::function<void(StorageStatus status, StorageEntries entries)>;  // in key order
    virtual void storagePut(const std::string& key, const std::string& value, StorageDone done) = 0;
    virtual void storageGet(const std::string& key, StorageValue done) = 0;
    virtual void storageList(const std::string& prefix, StorageList done) = 0;
    virtual void storageRemove(const std::string& key, StorageDone done) = 0;
    virtual void storageRemovePrefix(const std::string& prefix, StorageDone done) = 0;

    // Milliseconds since 1970 (UTC), and the local clock's offset from UTC at that moment, in
    // minutes: "showing data from 10:42" is the reseller's own time.
    virtual std::int64_t epochMillis() = 0;
    virtual int utcOffsetMinutes(std::int64_t epochMillis) = 0;

    // Calls `fn` from the main queue after `seconds` (retrying the network while offline).
    virtual void after(double seconds, std::function<void()> fn) = 0;

    // Reloads the page into the new version the service worker has ready.
    virtual void applyUpdate() = 0;
    // Small settings of this device (how the reseller arranged a table), by key; "" when none.
    virtual void saveSetting(const std::string& key, const std::string& value) { (void)key, (void)value; }
    virtual std::string loadSetting(const std::string& key) { (void)key; return {}; }
    // Sign-out: removes whatever the browser's caches (Cache Storage) hold of the API's answers
    // (the service worker keeps none; this makes sure of it on a shared computer).
    virtual void forgetCachedAnswers() {}

    // Kiosk mode: full screen on the first touch (browsers allow it only in answer to one).
    virtual void enterKioskMode() {}
    // Leaves the console for another page in the same window (a kiosk has no other window).
    virtual void openPage(const std::string& url) { (void)url; }
};

}  // namespace rc
