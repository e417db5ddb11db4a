#include "core/store/offline.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "core/codec.h"
#include "core/screen_registry.h"
#include "core/store.h"
#include "core/validation.h"

namespace rc {
namespace {

// While offline, the console asks the server again this often (the browser's "online" event
// is only a hint: a hotel network can be "online" and still not reach the server).
constexpr double kProbeSeconds = 20.0;

OfflineStorage fromReads(OfflineReads::Storage s) {
    switch (s) {
        case OfflineReads::Storage::Available: return OfflineStorage::Available;
        case OfflineReads::Storage::Unavailable: return OfflineStorage::Unavailable;
        case OfflineReads::Storage::Full: return OfflineStorage::Full;
        case OfflineReads::Storage::Unknown: break;
    }
    return OfflineStorage::Unknown;
}

// This browser could not keep the write: the form says so (describeError), nothing was sent.
ApiError offlineUnavailable() {
    ApiError e;
    e.code = "offline_unavailable";
    return e;
}

// Email addresses as the server compares them (ASCII case does not matter).
bool sameEmail(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

}  // namespace

OfflineSlice::OfflineSlice(StoreContext& ctx, OfflineReads& reads) : Slice(ctx), reads_(reads) {
    reads_.onAnswer = [this](const OfflineReads::Answer& a) { onReadAnswer(a); };
    reads_.onStorage = [this](OfflineReads::Storage s) {
        OfflineStorage next = fromReads(s);
        // "Full" stays until a reload: one successful small write does not free the disk.
        if (state().offline.storage == OfflineStorage::Full && next == OfflineStorage::Available) return;
        state().offline.storage = next;
    };
}

void OfflineSlice::onReadAnswer(const OfflineReads::Answer& a) {
    auto& o = state().offline;
    std::int64_t now = platform().epochMillis();
    o.utcOffsetMinutes = platform().utcOffsetMinutes(now);
    o.checkedAt = now;
    if (a.reachedServer) {
        o.lastFreshAt = now;
        if (!o.online) {
            o.online = true;
            o.dataFrom = 0;
            // Back: send what waited, and replace saved data with fresh answers.
            pumpOutbox();
            ctx_.refreshScreen();
        }
        return;
    }
    if (o.online) {
        o.online = false;
        // What is on screen came from the last fresh answer, if there was one.
        o.dataFrom = o.lastFreshAt;
    }
    if (a.cachedAt) o.dataFrom = o.dataFrom ? std::min(o.dataFrom, a.cachedAt) : a.cachedAt;
    scheduleProbe();
}

void OfflineSlice::setBrowserOnline(bool online) {
    if (!online) {
        if (state().offline.online) onReadAnswer(OfflineReads::Answer{false, 0});
        return;
    }
    store().signOut().endOwedSessions();  // a Sign out made offline reaches the server now
    // The browser thinks the network is back: the server has the last word.
    retryConnection();
}

void OfflineSlice::retryConnection() {
    if (state().offline.online || !state().session) return;
    // onReadAnswer learns whether it reached the server; a 401 ends the session.
    api().me(ctx_.answer<Me>(Landing::quiet(), [this](Me me) { store().session().applyMe(std::move(me)); }));
}

void OfflineSlice::scheduleProbe() {
    if (state().offline.probing || !state().session) return;
    state().offline.probing = true;
    platform().after(kProbeSeconds, [this] {
        state().offline.probing = false;
        if (state().offline.online || !state().session) return;
        retryConnection();
    });
}

void OfflineSlice::setUpdateReady() { state().offline.updateReady = true; }

void OfflineSlice::applyUpdate() {
    if (state().offline.updateReady) platform().applyUpdate();
}

void OfflineSlice::dismissStorageNote() { state().offline.storageNoteDismissed = true; }

// ---------------------------------------------------------------------------------------------
// Session

void OfflineSlice::signedIn() {
    reads_.setReseller(state().session->reseller.id, state().config.apiBaseUrl);
    loadOutbox();
}

void OfflineSlice::signedOut() {
    reads_.setReseller(0, state().config.apiBaseUrl);
    // Queued writes stay in storage only while their member may come back (a reload, a tab
    // closed while signed in); signing out and a dead session remove them (forgetMember).
    state().offline.outbox.clear();
    state().offline.outboxLoaded = false;
}

write_queue::Owner OfflineSlice::owner() const {
    write_queue::Owner o;
    if (!state().session) return o;
    const Session& s = *state().session;
    o.resellerId = s.reseller.id;
    if (s.member) {
        o.memberId = s.member->id;
        o.accountsOwnEmail = sameEmail(s.member->email, s.reseller.email);
    } else {
        o.accountsOwnEmail = true;  // a session from before teams: the account's own email
    }
    return o;
}

void OfflineSlice::forgetMember(std::function<void(int removed)> removed) {
    if (!state().session) return;
    write_queue::Owner who = owner();
    reads_.drop(who.resellerId);
    // From storage, not only the list on screen: it may not have been read yet.
    platform().storageList(write_queue::keyPrefix(who.resellerId), [this, who, removed](Platform::StorageStatus,
                                                                                          Platform::StorageEntries entries) {
        int n = 0;
        for (auto& [key, value] : entries) {
            auto w = write_queue::decode(key, value);
            if (!w || !write_queue::belongsTo(*w, who)) continue;  // another member's, or unreadable
            platform().storageRemove(key, [](Platform::StorageStatus) {});
            ++n;
        }
        removed(n);
    });
    auto& list = state().offline.outbox;
    list.erase(std::remove_if(list.begin(), list.end(), [&](const QueuedWrite& w) { return write_queue::belongsTo(w, who); }),
               list.end());
}

// ---------------------------------------------------------------------------------------------
// The write queue

void OfflineSlice::loadOutbox() {
    write_queue::Owner who = owner();
    std::uint64_t generation = ctx_.generation();
    state().offline.outboxLoaded = false;
    platform().storageList(write_queue::keyPrefix(who.resellerId), [this, generation, who](Platform::StorageStatus status,
                                                                                           Platform::StorageEntries entries) {
        if (!ctx_.isCurrent(generation)) return;
        auto& o = state().offline;
        if (status == Platform::StorageStatus::Unavailable) o.storage = OfflineStorage::Unavailable;
        // Writes queued in this session before the list arrived stay; the saved ones go first.
        std::vector<QueuedWrite> loaded;
        for (auto& [key, value] : entries) {
            auto w = write_queue::decode(key, value);
            // Unreadable, another account's or another member's: never shown, never sent.
            if (!w || !write_queue::belongsTo(*w, who)) continue;
            if (findWrite(w->storageKey)) continue;
            loaded.push_back(std::move(*w));
        }
        for (auto& w : o.outbox) loaded.push_back(std::move(w));
        std::stable_sort(loaded.begin(), loaded.end(),
                         [](const QueuedWrite& a, const QueuedWrite& b) { return a.storageKey < b.storageKey; });
        o.outbox = std::move(loaded);
        o.outboxLoaded = true;
        pumpOutbox();
    });
}

QueuedWrite* OfflineSlice::findWrite(const std::string& key) {
    for (auto& w : state().offline.outbox)
        if (w.storageKey == key) return &w;
    return nullptr;
}

QueuedWrite OfflineSlice::newCustomerWrite(const NewCustomerForm& f, const std::string& body) const {
    QueuedWrite w;
    w.resellerId = state().session->reseller.id;
    w.memberId = owner().memberId;
    w.kind = WriteKind::NewCustomer;
    w.path = "/customers";
    w.body = body;
    w.idempotencyKey = f.idempotencyKey;
    w.queuedAt = platform().epochMillis();
    w.customerName = validate::trim(f.name);
    w.email = validate::trim(f.email);
    w.googleDomain = validate::trim(f.googleDomain);
    w.organization = validate::trim(f.organization);
    w.storageKey = write_queue::storageKey(w.resellerId, w.queuedAt, w.idempotencyKey);
    return w;
}

QueuedWrite OfflineSlice::licenseOrderWrite(std::int64_t customerId, int target) const {
    const auto& page = state().customer;
    QueuedWrite w;
    w.resellerId = state().session->reseller.id;
    w.memberId = owner().memberId;
    w.kind = WriteKind::LicenseOrder;
    w.path = "/customers/" + std::to_string(customerId) + "/subscription/license-orders";
    w.idempotencyKey = page.licenses.idempotencyKey;
    w.queuedAt = platform().epochMillis();
    w.customerId = customerId;
    if (page.customer) {
        w.customerName = page.customer->name;
        w.organization = page.customer->organization;
        w.googleDomain = page.customer->googleDomain;
        if (page.customer->subscription) w.licensesBefore = page.customer->subscription->licenses;
    }
    w.licenses = target;
    // The count the reseller saw: replayed after someone else changed it, the server refuses
    // (409 licenses_changed) and the queued order ends failed with what the count is now.
    w.body = codec::encodeLicenses(target, w.licensesBefore);
    w.storageKey = write_queue::storageKey(w.resellerId, w.queuedAt, w.idempotencyKey);
    return w;
}

void OfflineSlice::queueWrite(QueuedWrite write, std::function<void(bool saved)> saved) {
    if (!canQueueWrites()) {
        saved(false);
        return;
    }
    std::uint64_t generation = ctx_.generation();
    std::string encoded = write_queue::encode(write);
    platform().storagePut(write.storageKey, encoded, [this, generation, write, saved](Platform::StorageStatus status) {
        if (!ctx_.isCurrent(generation)) return;
        if (status != Platform::StorageStatus::Ok) {
            if (status == Platform::StorageStatus::QuotaExceeded) state().offline.storage = OfflineStorage::Full;
            if (status == Platform::StorageStatus::Unavailable) state().offline.storage = OfflineStorage::Unavailable;
            saved(false);
            return;
        }
        if (state().offline.storage == OfflineStorage::Unknown) state().offline.storage = OfflineStorage::Available;
        if (!findWrite(write.storageKey)) state().offline.outbox.push_back(write);
        saved(true);
        pumpOutbox();
    });
}

void OfflineSlice::saveWrite(const QueuedWrite& write) {
    platform().storagePut(write.storageKey, write_queue::encode(write), [](Platform::StorageStatus) {});
}

void OfflineSlice::pumpOutbox() {
    auto& o = state().offline;
    if (!state().session || !o.outboxLoaded || !o.online) return;
    QueuedWrite* w = write_queue::next(o.outbox, owner());
    // Kept longer than the server remembers its key: sent now it could be applied twice.
    while (w && write_queue::tooOldToSend(*w, platform().epochMillis())) {
        w->state = WriteState::Failed;
        w->error = ApiError{};
        w->error->code = write_queue::kTooOldCode;
        saveWrite(*w);
        std::string who = w->kind == WriteKind::NewCustomer ? w->email : w->customerName;
        ctx_.toast(ToastKind::Error, w->kind == WriteKind::NewCustomer ? Text::QueuedInvitationFailed : Text::QueuedOrderFailed,
                   {MessageArg::plain(who), MessageArg::failure(*w->error)});
        w = write_queue::next(o.outbox, owner());
    }
    if (!w) return;
    w->state = WriteState::Sending;
    std::string key = w->storageKey;
    std::uint64_t generation = ctx_.generation();
    api().sendWrite(w->path, w->body, w->idempotencyKey,
                   [this, key, generation](const HttpResponse& res) { onWriteAnswered(key, generation, res); });
}

void OfflineSlice::onWriteAnswered(const std::string& key, std::uint64_t generation, const HttpResponse& res) {
    if (!ctx_.isCurrent(generation)) return;  // kept in storage; sent again after sign-in
    QueuedWrite* w = findWrite(key);
    if (!w) return;
    switch (write_queue::classify(res, w->attempts)) {
        case write_queue::Outcome::Done: {
            QueuedWrite done = *w;
            auto& list = state().offline.outbox;
            list.erase(std::remove_if(list.begin(), list.end(), [&](const QueuedWrite& x) { return x.storageKey == key; }),
                       list.end());
            platform().storageRemove(key, [](Platform::StorageStatus) {});
            if (done.kind == WriteKind::NewCustomer) {
                ctx_.toast(ToastKind::Success, Text::ToastInvitationSent, {MessageArg::plain(done.email)});
                ctx_.changed(Change::CustomerInvited);
            } else {
                ctx_.toast(ToastKind::Success, Text::QueuedOrderSent,
                           {MessageArg::plain(done.customerName), MessageArg::integer(done.licenses)});
                ctx_.changed(Change::SubscriptionChanged);
            }
            // What is on screen is refreshed when the write concerns it (screen_registry.cpp).
            const Route& route = state().route;
            if (state().phase == Phase::SignedIn && screenSpec(route.screen).refreshAfterWrite(route, done.customerId))
                ctx_.refreshScreen();
            break;
        }
        case write_queue::Outcome::Failed: {
            w->state = WriteState::Failed;
            w->error = codec::decodeError(res);
            // Refused by the member's role (it changed since the write was queued): it stays, failed
            // with that reason, and the controls are brought up to date.
            if (w->error->isForbiddenByRole()) store().session().loadMe();
            // Kept in the server's words; describeError() puts known codes (domain_taken) into the
            // reseller's language when it is drawn.
            saveWrite(*w);
            std::string who = w->kind == WriteKind::NewCustomer ? w->email : w->customerName;
            ctx_.toast(ToastKind::Error, w->kind == WriteKind::NewCustomer ? Text::QueuedInvitationFailed : Text::QueuedOrderFailed,
                       {MessageArg::plain(who), MessageArg::failure(*w->error)});
            break;
        }
        case write_queue::Outcome::KeepWaiting:
            w->state = WriteState::Waiting;
            if (res.status != 0) {
                ++w->attempts;
                saveWrite(*w);
            }
            // No answer: onReadAnswer has marked the console offline and set a retry timer.
            // A "try later" answer: try again on the same timer.
            if (res.status != 0) scheduleProbe();
            return;
        case write_queue::Outcome::SignInAgain:
            w->state = WriteState::Waiting;
            ctx_.handleAuth(codec::decodeError(res));
            return;
    }
    pumpOutbox();
    if (state().offline.waitingCount() == 0) store().signOut().writesSettled();
}

void OfflineSlice::retryWrite(const std::string& key) {
    QueuedWrite* w = findWrite(key);
    if (!w || w->state != WriteState::Failed) return;
    if (write_queue::tooOldToSend(*w, platform().epochMillis())) return;  // it would fail the same way
    w->state = WriteState::Waiting;
    w->error.reset();
    w->attempts = 0;
    saveWrite(*w);
    if (!state().offline.online) retryConnection();
    pumpOutbox();
}

void OfflineSlice::discardWrite(const std::string& key) {
    QueuedWrite* w = findWrite(key);
    if (!w || w->state == WriteState::Sending) return;  // on its way: its answer decides
    platform().storageRemove(key, [](Platform::StorageStatus) {});
    auto& list = state().offline.outbox;
    list.erase(std::remove_if(list.begin(), list.end(), [&](const QueuedWrite& x) { return x.storageKey == key; }), list.end());
}

void OfflineSlice::queueNewCustomer(const std::string& body) {
    auto& f = state().newCustomer;
    f.submitting = true;
    queueWrite(newCustomerWrite(f, body), [this](bool saved) {
        auto& f = state().newCustomer;
        f.submitting = false;
        if (!saved) {
            f.error = offlineUnavailable();
            return;
        }
        ctx_.toast(ToastKind::Info, Text::QueuedInvitation, {MessageArg::plain(validate::trim(f.email))});
        state().newCustomer = NewCustomerForm{};
        // The waiting invitation shows at the top of the customer list.
        Route r;
        r.screen = Screen::Customers;
        r.customers = state().customers.filter;
        store().navigate(r);
    });
}

void OfflineSlice::queueLicenseOrder() {
    auto& page = state().customer;
    auto& o = page.licenses;
    if (!o.open || o.ordering || !page.customer || !page.customer->subscription || !state().session) return;
    const Subscription& sub = *page.customer->subscription;
    if (o.target == sub.licenses || (!sub.canReduceLicensesNow() && o.target < sub.licenses)) return;
    o.ordering = true;
    o.orderError.reset();
    std::int64_t id = page.id;
    int target = o.target;
    queueWrite(licenseOrderWrite(id, target), [this, id, target](bool saved) {
        if (state().customer.id != id) return;
        auto& o = state().customer.licenses;
        o.ordering = false;
        if (!saved) {
            o.orderError = offlineUnavailable();
            return;
        }
        ctx_.toast(ToastKind::Info, Text::QueuedOrder, {MessageArg::integer(target)});
        state().customer.licenses = LicenseOrderState{};
    });
}

}  // namespace rc
