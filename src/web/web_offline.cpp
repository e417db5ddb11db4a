// WebPlatform's offline half: durable storage (IndexedDB through web/offline.js), the wall
// clock, timers, and the service worker's updates (web/pwa.js). Answers come back through
// rc_on_storage_done and rc_on_offline_event (exports.cpp) and are posted to the main queue;
// their codes are Platform::StorageStatus and PageEvent, which web/codes.js is generated from.
#include <emscripten.h>
#include <emscripten/eventloop.h>

#include <ctime>
#include <memory>
#include <nlohmann/json.hpp>
#include <utility>

#include "web/page_codes.h"
#include "web/web_platform.h"

EM_JS(void, rc_js_storage_put, (int id, const char* key, const char* value), {
    rcWeb.offline.put(id, UTF8ToString(key), UTF8ToString(value));
});
EM_JS(void, rc_js_storage_get, (int id, const char* key), { rcWeb.offline.get(id, UTF8ToString(key)); });
EM_JS(void, rc_js_storage_list, (int id, const char* prefix), { rcWeb.offline.list(id, UTF8ToString(prefix)); });
EM_JS(void, rc_js_storage_remove, (int id, const char* key), { rcWeb.offline.remove(id, UTF8ToString(key)); });
EM_JS(void, rc_js_storage_remove_prefix, (int id, const char* prefix), { rcWeb.offline.removePrefix(id, UTF8ToString(prefix)); });
EM_JS(double, rc_js_epoch_millis, (), { return Date.now(); });
EM_JS(int, rc_js_utc_offset_minutes, (double at), { return -new Date(at).getTimezoneOffset(); });
EM_JS(void, rc_js_apply_update, (), { rcWeb.pwa.applyUpdate(); });

namespace rc::web {
namespace {

// The page sends a StorageStatus code (codes.StorageStatus); anything else is a failure.
Platform::StorageStatus statusFrom(int code) {
    using S = Platform::StorageStatus;
    if (code < static_cast<int>(S::Ok) || code > static_cast<int>(S::Failed)) return S::Failed;
    return static_cast<S>(code);
}

struct Timer {
    MainQueue* queue;
    std::function<void()> wake;
    std::function<void()> fn;
};

void onTimer(void* data) {
    std::unique_ptr<Timer> t(static_cast<Timer*>(data));
    t->queue->post(std::move(t->fn));
    t->wake();
}

}  // namespace

int WebPlatform::storageCall(std::function<void(StorageStatus, const std::string&)> done) {
    int id = nextStorageId_++;
    storageCalls_[id] = std::move(done);
    return id;
}

void WebPlatform::storagePut(const std::string& key, const std::string& value, StorageDone done) {
    int id = storageCall([done = std::move(done)](StorageStatus s, const std::string&) { done(s); });
    rc_js_storage_put(id, key.c_str(), value.c_str());
}

void WebPlatform::storageGet(const std::string& key, StorageValue done) {
    int id = storageCall([done = std::move(done)](StorageStatus s, const std::string& v) { done(s, v); });
    rc_js_storage_get(id, key.c_str());
}

void WebPlatform::storageList(const std::string& prefix, StorageList done) {
    int id = storageCall([done = std::move(done)](StorageStatus s, const std::string& payload) {
        StorageEntries entries;
        if (s == StorageStatus::Ok) {
            // [[key, value], ...] in key order; anything else is a failed read.
            nlohmann::json j = nlohmann::json::parse(payload, nullptr, false);
            if (!j.is_array()) s = StorageStatus::Failed;
            else
                for (const auto& e : j)
                    if (e.is_array() && e.size() == 2 && e[0].is_string() && e[1].is_string())
                        entries.emplace_back(e[0].get<std::string>(), e[1].get<std::string>());
        }
        done(s, std::move(entries));
    });
    rc_js_storage_list(id, prefix.c_str());
}

void WebPlatform::storageRemove(const std::string& key, StorageDone done) {
    int id = storageCall([done = std::move(done)](StorageStatus s, const std::string&) { done(s); });
    rc_js_storage_remove(id, key.c_str());
}

void WebPlatform::storageRemovePrefix(const std::string& prefix, StorageDone done) {
    int id = storageCall([done = std::move(done)](StorageStatus s, const std::string&) { done(s); });
    rc_js_storage_remove_prefix(id, prefix.c_str());
}

void WebPlatform::deliverStorage(int id, int status, const std::string& payload) {
    auto it = storageCalls_.find(id);
    if (it == storageCalls_.end()) return;
    auto done = std::move(it->second);
    storageCalls_.erase(it);
    queue_.post([done = std::move(done), s = statusFrom(status), payload] { done(s, payload); });
    wake_();
}

std::int64_t WebPlatform::epochMillis() { return static_cast<std::int64_t>(rc_js_epoch_millis()); }

int WebPlatform::utcOffsetMinutes(std::int64_t at) { return rc_js_utc_offset_minutes(static_cast<double>(at)); }

void WebPlatform::after(double seconds, std::function<void()> fn) {
    emscripten_set_timeout(onTimer, seconds * 1000.0, new Timer{&queue_, wake_, std::move(fn)});
}

void WebPlatform::applyUpdate() { rc_js_apply_update(); }

void WebPlatform::deliverOfflineEvent(int kind) {
    std::function<void()> fn;
    if (kind == static_cast<int>(PageEvent::Online) && onBrowserOnline) fn = [this] { onBrowserOnline(true); };
    if (kind == static_cast<int>(PageEvent::Offline) && onBrowserOnline) fn = [this] { onBrowserOnline(false); };
    if (kind == static_cast<int>(PageEvent::UpdateReady) && onUpdateReady) fn = [this] { onUpdateReady(); };
    if (!fn) return;
    queue_.post(std::move(fn));
    wake_();
}

}  // namespace rc::web
