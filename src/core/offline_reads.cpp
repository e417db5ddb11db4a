#include "core/offline_reads.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

namespace rc {
namespace {

constexpr int kFormat = 1;

}  // namespace

std::string OfflineReads::keyPrefix(std::int64_t resellerId) { return "reads/" + std::to_string(resellerId) + "/"; }

std::string OfflineReads::encodeEntry(std::int64_t resellerId, const std::string& path, std::int64_t savedAt,
                                      const std::string& body) {
    nlohmann::json j = {{"format", kFormat}, {"reseller", resellerId}, {"path", path}, {"saved_at", savedAt}, {"body", body}};
    // Never throws: a path or body that is not UTF-8 is kept with U+FFFD and so never matches again.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool OfflineReads::decodeEntry(const std::string& stored, std::int64_t resellerId, const std::string& path,
                               std::int64_t& savedAt, std::string& body) {
    nlohmann::json j = nlohmann::json::parse(stored, nullptr, false);
    if (!j.is_object()) return false;
    auto field = [&](const char* name) -> const nlohmann::json* {
        auto it = j.find(name);
        return it == j.end() ? nullptr : &*it;
    };
    const auto *format = field("format"), *reseller = field("reseller"), *p = field("path"), *at = field("saved_at"),
               *b = field("body");
    if (!format || !format->is_number_integer() || format->get<int>() != kFormat) return false;
    if (!reseller || !reseller->is_number_integer() || reseller->get<std::int64_t>() != resellerId) return false;
    if (!p || !p->is_string() || p->get<std::string>() != path) return false;
    if (!at || !at->is_number_integer() || at->get<std::int64_t>() <= 0) return false;
    if (!b || !b->is_string() || !nlohmann::json::accept(b->get_ref<const std::string&>())) return false;
    savedAt = at->get<std::int64_t>();
    body = b->get<std::string>();
    return true;
}

void OfflineReads::setStorage(Storage s) {
    if (storage_ == s) return;
    storage_ = s;
    if (onStorage) onStorage(s);
}

void OfflineReads::setReseller(std::int64_t resellerId, const std::string& apiBase) {
    apiBase_ = apiBase;
    if (resellerId == reseller_ && (loaded_ || resellerId == 0)) return;
    std::uint64_t generation = ++generation_;
    reseller_ = resellerId;
    saved_.clear();
    bytes_ = 0;
    loaded_ = resellerId == 0;
    for (auto& w : waiting_) w.done(w.failure);
    waiting_.clear();
    if (resellerId == 0) return;
    std::string prefix = keyPrefix(resellerId);
    platform_.storageList(prefix, [this, generation, resellerId, prefix](Platform::StorageStatus status,
                                                                          Platform::StorageEntries entries) {
        if (generation != generation_) return;
        loaded_ = true;
        if (status == Platform::StorageStatus::Unavailable) setStorage(Storage::Unavailable);
        else if (status == Platform::StorageStatus::Ok && storage_ == Storage::Unknown) setStorage(Storage::Available);
        for (auto& [key, value] : entries) {
            std::string path = key.substr(prefix.size());
            Saved s;
            if (key.compare(0, prefix.size(), prefix) == 0 && decodeEntry(value, resellerId, path, s.savedAt, s.body)) {
                bytes_ += s.body.size();
                saved_[path] = std::move(s);
            } else {
                // Corrupt, another format, or another reseller's answer under this one's name.
                platform_.storageRemove(key, [](Platform::StorageStatus) {});
            }
        }
        trim();
        auto waiting = std::move(waiting_);
        waiting_.clear();
        for (auto& w : waiting) answerFromCache(w.path, w.failure, w.done);
    });
}

void OfflineReads::drop(std::int64_t resellerId) {
    if (resellerId == 0) return;
    if (resellerId == reseller_) {
        saved_.clear();
        bytes_ = 0;
    }
    platform_.storageRemovePrefix(keyPrefix(resellerId), [](Platform::StorageStatus) {});
}

bool OfflineReads::cacheable(const HttpRequest& request, std::string& path) const {
    if (reseller_ == 0 || request.method != "GET" || apiBase_.empty()) return false;
    if (request.url.compare(0, apiBase_.size(), apiBase_) != 0) return false;
    path = request.url.substr(apiBase_.size());
    if (path.empty() || path[0] != '/' || path.compare(0, 6, "/auth/") == 0) return false;
    return true;
}

void OfflineReads::send(const HttpRequest& request, Completion done) {
    std::string path;
    if (!cacheable(request, path)) {
        network_.send(request, [this, done = std::move(done)](const HttpResponse& res) {
            if (onAnswer) onAnswer(Answer{res.status != 0, 0});
            done(res);
        });
        return;
    }
    std::int64_t reseller = reseller_;
    network_.send(request, [this, done = std::move(done), path, reseller](const HttpResponse& res) {
        if (reseller != reseller_) {  // the reseller changed meanwhile: keep nothing, serve nothing
            done(res);
            return;
        }
        if (res.status != 0) {
            if (res.status >= 200 && res.status < 300) remember(path, res.body);
            if (onAnswer) onAnswer(Answer{true, 0});
            done(res);
            return;
        }
        if (!loaded_) {
            waiting_.push_back({path, res, done});
            return;
        }
        answerFromCache(path, res, done);
    });
}

void OfflineReads::answerFromCache(const std::string& path, const HttpResponse& failure, const Completion& done) {
    auto it = saved_.find(path);
    if (it == saved_.end()) {
        if (onAnswer) onAnswer(Answer{false, 0});
        done(failure);
        return;
    }
    HttpResponse res;
    res.status = 200;
    res.body = it->second.body;
    res.statusText = "OK (saved)";
    res.cachedAt = it->second.savedAt;
    if (onAnswer) onAnswer(Answer{false, res.cachedAt});
    done(res);
}

void OfflineReads::remember(const std::string& path, const std::string& body) {
    if (!nlohmann::json::accept(body) || body.size() > kMaxBytes / 4) return;
    std::int64_t now = platform_.epochMillis();
    auto& s = saved_[path];
    bytes_ = bytes_ - s.body.size() + body.size();
    s.savedAt = now;
    s.body = body;
    trim();
    if (storage_ == Storage::Unavailable || storage_ == Storage::Full) return;
    std::uint64_t generation = generation_;
    platform_.storagePut(keyPrefix(reseller_) + path, encodeEntry(reseller_, path, now, body),
                         [this, generation](Platform::StorageStatus status) {
                             if (generation != generation_) return;
                             if (status == Platform::StorageStatus::Ok) setStorage(Storage::Available);
                             else if (status == Platform::StorageStatus::QuotaExceeded) setStorage(Storage::Full);
                             else if (status == Platform::StorageStatus::Unavailable) setStorage(Storage::Unavailable);
                         });
}

void OfflineReads::trim() {
    while (bytes_ > kMaxBytes && !saved_.empty()) {
        auto oldest = std::min_element(saved_.begin(), saved_.end(),
                                       [](const auto& a, const auto& b) { return a.second.savedAt < b.second.savedAt; });
        bytes_ -= oldest->second.body.size();
        platform_.storageRemove(keyPrefix(reseller_) + oldest->first, [](Platform::StorageStatus) {});
        saved_.erase(oldest);
    }
}

}  // namespace rc
