// Writes made while the server cannot be reached (new-customer invitations and license
// orders), kept in durable storage until they are sent: the entry type, its saved form, the
// order they go in and what each answer means. The store sends them; this decides.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/http.h"
#include "core/model.h"

namespace rc {

enum class WriteKind { NewCustomer, LicenseOrder };
enum class WriteState { Waiting, Sending, Failed };

struct QueuedWrite {
    std::string storageKey;  // also its identity on screen
    std::int64_t resellerId = 0;
    // The member who made it: it is sent only in their session, so the server judges it by
    // their role (0: queued before teams, when the account was one person, its first Admin).
    std::int64_t memberId = 0;
    WriteKind kind = WriteKind::NewCustomer;
    std::string path;            // after the API base, e.g. /customers
    std::string body;            // the JSON as first built; never rebuilt
    std::string idempotencyKey;  // the same on every attempt: the server applies it once
    std::int64_t queuedAt = 0;   // ms since 1970
    // What the reseller sees: the invitation's customer, or the order's customer and count.
    std::int64_t customerId = 0;
    std::string customerName, email, googleDomain, organization;
    int licenses = 0, licensesBefore = 0;
    WriteState state = WriteState::Waiting;
    std::optional<ApiError> error;  // why it failed, in the server's words
    int attempts = 0;               // answers that said "try later" (5xx, 429, 408)
};

namespace write_queue {

// Transient answers (5xx, 429, 408) are tried again this many times, then the entry fails.
constexpr int kMaxAttempts = 5;

// The server keeps an Idempotency-Key's answer 30 days: a write sent later than that could be
// applied a second time. One kept longer than this (a day's margin for the device's clock) is not
// sent; it fails with code kTooOldCode, and the reseller checks and makes the change again.
constexpr std::int64_t kReplayWindowMs = 29LL * 24 * 60 * 60 * 1000;
constexpr const char* kTooOldCode = "queued_too_long";
bool tooOldToSend(const QueuedWrite& write, std::int64_t nowMs);

std::string keyPrefix(std::int64_t resellerId);
// Keys sort in the order the writes were made (time, then the idempotency key).
std::string storageKey(std::int64_t resellerId, std::int64_t queuedAt, const std::string& idempotencyKey);

// The saved form (versioned JSON). A Sending entry is saved as Waiting: if the tab closes
// while it is on its way, it is sent again with the same key.
std::string encode(const QueuedWrite& write);
// nullopt for anything corrupt, of another format, or saved under another reseller's key.
std::optional<QueuedWrite> decode(const std::string& key, const std::string& stored);

// Whether `write` is this member's: made by them, or (made before teams) by the account's own
// email, which became its first Admin.
struct Owner {
    std::int64_t resellerId = 0, memberId = 0;
    bool accountsOwnEmail = false;  // the member's email is the account's
};
bool belongsTo(const QueuedWrite& write, const Owner& owner);

// The entry to send next for this member: the first Waiting one in order, and none while
// one is on its way (one at a time, so they reach the server in the order they were made).
QueuedWrite* next(std::vector<QueuedWrite>& writes, const Owner& owner);

enum class Outcome {
    Done,         // 2xx: applied (or applied before, and replayed by the server)
    Failed,       // the server refused it: show its reason, offer retry or discard
    KeepWaiting,  // no answer, or "try later": send again when the network is back
    SignInAgain,  // 401: keep it until this reseller signs in again
};
Outcome classify(const HttpResponse& response, int attemptsSoFar);

}  // namespace write_queue
}  // namespace rc
