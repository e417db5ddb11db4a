// The page, for native tests: storage, address bar, clipboard and downloads are recorded.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/main_queue.h"
#include "core/platform.h"

namespace rc::test {

class FakePlatform : public Platform {
public:
    explicit FakePlatform(MainQueue& queue) : queue_(queue) {}

    void saveSession(const std::string& json) override { session = json; }
    std::string loadSession() override { return session; }
    void setRoute(const std::string& hash, bool push) override {
        route = hash;
        if (push) history.push_back(hash);
    }
    void copyText(const std::string& text) override { clipboard = text; }
    void download(const HttpRequest& request, const std::string& filename, DownloadDone done) override {
        downloads.push_back({request, filename, std::move(done)});
    }
    void chooseFile(const std::string& accept) override { filePickers.push_back(accept); }
    void startGoogleSignIn(const std::string& clientId) override { googleStarts.push_back(clientId); }
    void googleSignedOut() override { ++googleSignOuts; }
    double now() override { return clock; }
    std::string newIdempotencyKey() override { return "key-" + std::to_string(++keys); }
    void enterKioskMode() override { ++kioskModes; }
    // As the browser's: an empty value removes the key.
    void saveSetting(const std::string& key, const std::string& value) override {
        if (value.empty()) settings.erase(key);
        else settings[key] = value;
    }
    void forgetCachedAnswers() override { ++cachesForgotten; }
    std::string loadSetting(const std::string& key) override { return settings.count(key) ? settings[key] : std::string(); }
    void openPage(const std::string& url) override { openedPages.push_back(url); }

    // Durable storage: a sorted map, answered through the main queue like IndexedDB's events.
    // `storageMode` makes it behave like a browser whose storage is off or full.
    void storagePut(const std::string& key, const std::string& value, StorageDone done) override {
        StorageStatus status = writeStatus();
        if (status == StorageStatus::Ok) stored[key] = value;
        ++storageWrites;
        queue_.post([done, status] { done(status); });
    }
    void storageGet(const std::string& key, StorageValue done) override {
        StorageStatus status = readStatus();
        std::string value;
        if (status == StorageStatus::Ok) {
            auto it = stored.find(key);
            if (it == stored.end()) status = StorageStatus::NotFound;
            else value = it->second;
        }
        queue_.post([done, status, value] { done(status, value); });
    }
    void storageList(const std::string& prefix, StorageList done) override {
        StorageStatus status = readStatus();
        StorageEntries entries;
        if (status == StorageStatus::Ok)
            for (auto it = stored.lower_bound(prefix); it != stored.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
                entries.push_back(*it);
        queue_.post([done, status, entries] { done(status, entries); });
    }
    void storageRemove(const std::string& key, StorageDone done) override {
        StorageStatus status = readStatus();
        if (status == StorageStatus::Ok) stored.erase(key);
        queue_.post([done, status] { done(status); });
    }
    void storageRemovePrefix(const std::string& prefix, StorageDone done) override {
        StorageStatus status = readStatus();
        if (status == StorageStatus::Ok)
            for (auto it = stored.lower_bound(prefix); it != stored.end() && it->first.compare(0, prefix.size(), prefix) == 0;)
                it = stored.erase(it);
        queue_.post([done, status] { done(status); });
    }
    std::int64_t epochMillis() override { return wallClock; }
    int utcOffsetMinutes(std::int64_t) override { return utcOffset; }
    void after(double seconds, std::function<void()> fn) override { timers.push_back({seconds, std::move(fn)}); }
    void applyUpdate() override { ++updatesApplied; }

    // Fires the timers set so far, through the main queue.
    void fireTimers() {
        auto due = std::move(timers);
        timers.clear();
        for (auto& t : due) queue_.post(t.fn);
    }

    enum class StorageMode { Working, Unavailable, Full };
    StorageMode storageMode = StorageMode::Working;
    std::map<std::string, std::string> stored;
    int storageWrites = 0;
    struct Timer {
        double seconds;
        std::function<void()> fn;
    };
    std::vector<Timer> timers;
    std::int64_t wallClock = 1764230520000;  // 2025-11-27 08:02 UTC
    int utcOffset = 60;
    int updatesApplied = 0;
    int cachesForgotten = 0;

    // Finishes download `index` through the main queue, as the browser does (status 200: done).
    void finishDownload(std::size_t index, int status, const std::string& code = {}) {
        auto done = downloads.at(index).done;
        std::optional<ApiError> error;
        if (status != 200) error = ApiError{status, code, "", {}};
        queue_.post([done, error] { done(error); });
    }

    struct Download {
        HttpRequest request;
        std::string filename;
        DownloadDone done;
    };

    std::string session;
    std::string route;
    std::vector<std::string> history;
    std::string clipboard;
    std::vector<Download> downloads;
    std::vector<std::string> filePickers;  // the file picker opened, for these types
    int googleSignOuts = 0;
    std::vector<std::string> googleStarts;  // client ids Google's sign-in was started for
    double clock = 1000.0;
    int keys = 0;
    int kioskModes = 0;
    std::map<std::string, std::string> settings;
    std::vector<std::string> openedPages;

private:
    StorageStatus readStatus() const {
        return storageMode == StorageMode::Unavailable ? StorageStatus::Unavailable : StorageStatus::Ok;
    }
    StorageStatus writeStatus() const {
        return storageMode == StorageMode::Unavailable ? StorageStatus::Unavailable
             : storageMode == StorageMode::Full        ? StorageStatus::QuotaExceeded
                                                       : StorageStatus::Ok;
    }

    MainQueue& queue_;
};

}  // namespace rc::test
