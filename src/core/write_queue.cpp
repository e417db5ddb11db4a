#include "core/write_queue.h"

#include <cctype>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

namespace rc::write_queue {
namespace {

constexpr int kFormat = 1;

const char* kindName(WriteKind k) { return k == WriteKind::NewCustomer ? "new_customer" : "license_order"; }

}  // namespace

std::string keyPrefix(std::int64_t resellerId) { return "outbox/" + std::to_string(resellerId) + "/"; }

std::string storageKey(std::int64_t resellerId, std::int64_t queuedAt, const std::string& idempotencyKey) {
    char stamp[24];
    std::snprintf(stamp, sizeof stamp, "%016lld", static_cast<long long>(queuedAt < 0 ? 0 : queuedAt));
    return keyPrefix(resellerId) + stamp + "-" + idempotencyKey;
}

std::string encode(const QueuedWrite& w) {
    nlohmann::json j = {
        {"format", kFormat},
        {"reseller", w.resellerId},
        {"member", w.memberId},
        {"kind", kindName(w.kind)},
        {"method", "POST"},
        {"path", w.path},
        {"body", w.body},
        {"idempotency_key", w.idempotencyKey},
        {"queued_at", w.queuedAt},
        {"customer_id", w.customerId},
        {"customer_name", w.customerName},
        {"email", w.email},
        {"google_domain", w.googleDomain},
        {"organization", w.organization},
        {"licenses", w.licenses},
        {"licenses_before", w.licensesBefore},
        {"state", w.state == WriteState::Failed ? "failed" : "waiting"},
        {"attempts", w.attempts},
    };
    if (w.error) {
        nlohmann::json fields = nlohmann::json::object();
        for (const auto& [field, message] : w.error->fields) fields[field] = message;
        j["error"] = {{"status", w.error->status}, {"code", w.error->code}, {"message", w.error->message}, {"fields", fields},
                      {"required_role", w.error->requiredRoles}};
    }
    // Never throws: text that is not UTF-8 (typed or pasted) is kept with U+FFFD in its place.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<QueuedWrite> decode(const std::string& key, const std::string& stored) {
    // No exceptions: the wasm build cannot catch them. Every field is checked before use.
    nlohmann::json j = nlohmann::json::parse(stored, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    bool ok = true;
    auto str = [&](const nlohmann::json& o, const char* name, bool required) {
        auto it = o.find(name);
        if (it == o.end() || !it->is_string()) {
            ok = ok && !required;
            return std::string();
        }
        return it->get<std::string>();
    };
    auto num = [&](const nlohmann::json& o, const char* name, bool required) {
        auto it = o.find(name);
        if (it == o.end() || !it->is_number_integer()) {
            ok = ok && !required;
            return std::int64_t{0};
        }
        return it->get<std::int64_t>();
    };
    QueuedWrite w;
    w.storageKey = key;
    if (num(j, "format", true) != kFormat) return std::nullopt;
    w.resellerId = num(j, "reseller", true);
    w.memberId = num(j, "member", false);  // absent: saved before teams
    if (w.memberId < 0) return std::nullopt;
    std::string kind = str(j, "kind", true);
    if (kind == "new_customer") w.kind = WriteKind::NewCustomer;
    else if (kind == "license_order") w.kind = WriteKind::LicenseOrder;
    else return std::nullopt;
    if (str(j, "method", true) != "POST") return std::nullopt;
    w.path = str(j, "path", true);
    w.body = str(j, "body", true);
    w.idempotencyKey = str(j, "idempotency_key", true);
    w.queuedAt = num(j, "queued_at", true);
    w.customerId = num(j, "customer_id", false);
    w.customerName = str(j, "customer_name", false);
    w.email = str(j, "email", false);
    w.googleDomain = str(j, "google_domain", false);
    w.organization = str(j, "organization", false);
    // Saved data can be corrupt or edited: counts stay in range (classify adds to attempts).
    std::int64_t licenses = num(j, "licenses", false), before = num(j, "licenses_before", false),
                 attempts = num(j, "attempts", false);
    if (licenses < 0 || licenses > kMaxCount || before < 0 || before > kMaxCount || attempts < 0 || attempts > kMaxAttempts)
        return std::nullopt;
    w.licenses = static_cast<int>(licenses);
    w.licensesBefore = static_cast<int>(before);
    w.attempts = static_cast<int>(attempts);
    std::string state = str(j, "state", true);
    if (state == "failed") w.state = WriteState::Failed;
    else if (state == "waiting") w.state = WriteState::Waiting;
    else return std::nullopt;
    if (auto e = j.find("error"); e != j.end() && e->is_object()) {
        ApiError err;
        err.status = static_cast<int>(num(*e, "status", false));
        err.code = str(*e, "code", false);
        err.message = str(*e, "message", false);
        if (auto f = e->find("fields"); f != e->end() && f->is_object())
            for (auto it = f->begin(); it != f->end(); ++it)
                if (it->is_string()) err.fields.emplace_back(it.key(), it->get<std::string>());
        // A refusal by role says after a reload too which roles it needs.
        if (auto r = e->find("required_role"); r != e->end() && r->is_array())
            for (const auto& role : *r)
                if (role.is_string() && err.requiredRoles.size() < 8) err.requiredRoles.push_back(role.get<std::string>());
        w.error = std::move(err);
    }
    if (!ok) return std::nullopt;
    // The key names its reseller: an entry saved under another reseller's key is foreign.
    if (key != storageKey(w.resellerId, w.queuedAt, w.idempotencyKey)) return std::nullopt;
    if (w.path.empty() || w.path[0] != '/' || w.idempotencyKey.empty() || !nlohmann::json::accept(w.body))
        return std::nullopt;
    // The key goes into a header and the path into a URL as they are: nothing a browser refuses.
    for (char c : w.idempotencyKey)
        if (c <= 0x20 || c >= 0x7f) return std::nullopt;
    for (char c : w.path)
        if (c == '\0' || (!std::isalnum(static_cast<unsigned char>(c)) && !std::strchr("/-_.~%?=&", c))) return std::nullopt;
    return w;
}

bool belongsTo(const QueuedWrite& w, const Owner& owner) {
    if (w.resellerId != owner.resellerId) return false;
    return w.memberId == 0 ? owner.accountsOwnEmail : w.memberId == owner.memberId;
}

QueuedWrite* next(std::vector<QueuedWrite>& writes, const Owner& owner) {
    QueuedWrite* first = nullptr;
    for (auto& w : writes) {
        if (!belongsTo(w, owner)) continue;
        if (w.state == WriteState::Sending) return nullptr;
        if (!first && w.state == WriteState::Waiting) first = &w;
    }
    return first;
}

bool tooOldToSend(const QueuedWrite& w, std::int64_t nowMs) { return nowMs - w.queuedAt > kReplayWindowMs; }

Outcome classify(const HttpResponse& res, int attemptsSoFar) {
    if (res.status >= 200 && res.status < 300) return Outcome::Done;
    if (res.status == 0) return Outcome::KeepWaiting;
    if (res.status == 401) return Outcome::SignInAgain;
    bool transient = res.status == 408 || res.status == 429 || res.status >= 500;
    if (transient && attemptsSoFar + 1 < kMaxAttempts) return Outcome::KeepWaiting;
    return Outcome::Failed;
}

}  // namespace rc::write_queue
