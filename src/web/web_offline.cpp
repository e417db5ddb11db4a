// WebPlatform's offline half: durable storage (IndexedDB through web/offline.js), the wall
// clock, timers, and the service worker's updates (web/pwa.js). Answers come back through
// the exported rc_on_storage_done and rc_on_offline_event and are posted to the main queue.
#include <emscripten.h>
#include <emscripten/eventloop.h>

#include <ctime>
#include <memory>
#include <nlohmann/json.hpp>
#include <utility>

#include "web/web_platform.h"

EM_JS(void, rc_js_storage_put, (int id, const char* key, const char* value), {
    rcOffline.put(id, UTF8ToString(key), UTF8ToString(value));
});
EM_JS(void, rc_js_storage_get, (int id, const char* key), { rcOffline.get(id, UTF8ToString(key)); });
EM_JS(void, rc_js_storage_list, (int id, const char* prefix), { rcOffline.list(id, UTF8ToString(prefix)); });
EM_JS(void, rc_js_storage_remove, (int id, const char* key), { rcOffline.remove(id, UTF8ToString(key)); });
EM_JS(void, rc_js_storage_remove_prefix, (int id, const char* prefix), { rcOffline.removePrefix(id, UTF8ToString(prefix)); });
EM_JS(double, rc_js_epoch_millis, (), { return Date.now(); });
EM_JS(int, rc_js_utc_offset_minutes, (double at), { return -new Date(at).getTimezoneOffset(); });
EM_JS(void, rc_js_apply_update, (), { rcPwa.applyUpdate(); });

namespace rc::web {
namespace {

// Must match web/offline.js.
Platform::StorageStatus statusFrom(int code) {
    switch (code) {
        case 0: return Platform::StorageStatus::Ok;
        case 1: return Platform::StorageStatus::NotFound;
        case 2: return Platform::StorageStatus::Unavailable;
        case 3: return Platform::StorageStatus::QuotaExceeded;
        default: return Platform::StorageStatus::Failed;
    }
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

// Must match web/offline.js and web/pwa.js.
void WebPlatform::deliverOfflineEvent(int kind) {
    std::function<void()> fn;
    if (kind == 1 && onBrowserOnline) fn = [this] { onBrowserOnline(true); };
    if (kind == 2 && onBrowserOnline) fn = [this] { onBrowserOnline(false); };
    if (kind == 3 && onUpdateReady) fn = [this] { onUpdateReady(); };
    if (!fn) return;
    queue_.post(std::move(fn));
    wake_();
}

}  // namespace rc::web

extern "C" {

EMSCRIPTEN_KEEPALIVE void rc_on_storage_done(int id, int status, const char* payload) {
    if (auto* p = rc::web::WebPlatform::instance()) p->deliverStorage(id, status, payload ? payload : "");
}

EMSCRIPTEN_KEEPALIVE void rc_on_offline_event(int kind) {
    if (auto* p = rc::web::WebPlatform::instance()) p->deliverOfflineEvent(kind);
}

}  // extern "C"
