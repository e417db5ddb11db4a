// The store's offline slice: whether the server can be reached and how old the data on screen
// is, the queue of writes made offline (saved, sent in order when the network is back, each
// ending done or failed), the storage note and the new-version prompt.
#include <algorithm>
#include <utility>

#include "core/codec.h"
#include "core/format.h"
#include "core/i18n.h"
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

}  // namespace

void Store::connectOffline() {
    reads_.onAnswer = [this](const OfflineReads::Answer& a) { onReadAnswer(a); };
    reads_.onStorage = [this](OfflineReads::Storage s) {
        OfflineStorage next = fromReads(s);
        // "Full" stays until a reload: one successful small write does not free the disk.
        if (state_.offline.storage == OfflineStorage::Full && next == OfflineStorage::Available) return;
        state_.offline.storage = next;
    };
}

void Store::onReadAnswer(const OfflineReads::Answer& a) {
    auto& o = state_.offline;
    std::int64_t now = platform_.epochMillis();
    o.utcOffsetMinutes = platform_.utcOffsetMinutes(now);
    o.checkedAt = now;
    if (a.reachedServer) {
        o.lastFreshAt = now;
        if (!o.online) {
            o.online = true;
            o.dataFrom = 0;
            // Back: send what waited, and replace saved data with fresh answers.
            pumpOutbox();
            refreshScreen();
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

void Store::setBrowserOnline(bool online) {
    if (!online) {
        if (state_.offline.online) onReadAnswer(OfflineReads::Answer{false, 0});
        return;
    }
    // The browser thinks the network is back: the server has the last word.
    retryConnection();
}

void Store::retryConnection() {
    if (state_.offline.online || !state_.session) return;
    std::uint64_t generation = sessionGeneration_;
    api_.me([this, generation](Result<Reseller> r) {
        if (!isCurrentSession(generation)) return;
        if (!r.ok()) handleAuth(r.error());  // onReadAnswer already knows whether it reached the server
    });
}

void Store::scheduleProbe() {
    if (state_.offline.probing || !state_.session) return;
    state_.offline.probing = true;
    platform_.after(kProbeSeconds, [this] {
        state_.offline.probing = false;
        if (state_.offline.online || !state_.session) return;
        retryConnection();
    });
}

void Store::refreshScreen() {
    if (state_.phase != Phase::SignedIn) return;
    switch (state_.route.screen) {
        case Screen::Dashboard: loadDashboard(); break;
        case Screen::Customers: reloadCustomers(); break;
        case Screen::Customer: reloadCustomer(); break;
        case Screen::Invoices:
            reloadInvoices();
            if (state_.invoice.id) openInvoice(state_.invoice.id);
            break;
    }
}

void Store::setUpdateReady() { state_.offline.updateReady = true; }

void Store::applyUpdate() {
    if (state_.offline.updateReady) platform_.applyUpdate();
}

void Store::dismissStorageNote() { state_.offline.storageNoteDismissed = true; }

// ---------------------------------------------------------------------------------------------
// Session

void Store::offlineSignedIn() {
    reads_.setReseller(state_.session->reseller.id, state_.config.apiBaseUrl);
    loadOutbox();
}

void Store::offlineSignedOut(bool dropData) {
    if (dropData && state_.session) reads_.drop(state_.session->reseller.id);
    reads_.setReseller(0, state_.config.apiBaseUrl);
    // Queued writes stay in storage: they are sent when this reseller signs in again, and are
    // never shown to, or sent for, anyone else.
    state_.offline.outbox.clear();
    state_.offline.outboxLoaded = false;
}

// ---------------------------------------------------------------------------------------------
// The write queue

void Store::loadOutbox() {
    std::int64_t reseller = state_.session->reseller.id;
    std::uint64_t generation = sessionGeneration_;
    state_.offline.outboxLoaded = false;
    platform_.storageList(write_queue::keyPrefix(reseller), [this, generation, reseller](Platform::StorageStatus status,
                                                                                         Platform::StorageEntries entries) {
        if (!isCurrentSession(generation)) return;
        auto& o = state_.offline;
        if (status == Platform::StorageStatus::Unavailable) o.storage = OfflineStorage::Unavailable;
        // Writes queued in this session before the list arrived stay; the saved ones go first.
        std::vector<QueuedWrite> loaded;
        for (auto& [key, value] : entries) {
            auto w = write_queue::decode(key, value);
            if (!w || w->resellerId != reseller) continue;  // unreadable or foreign: never sent
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

QueuedWrite* Store::findWrite(const std::string& key) {
    for (auto& w : state_.offline.outbox)
        if (w.storageKey == key) return &w;
    return nullptr;
}

QueuedWrite Store::newCustomerWrite(const NewCustomerForm& f, const std::string& body) const {
    QueuedWrite w;
    w.resellerId = state_.session->reseller.id;
    w.kind = WriteKind::NewCustomer;
    w.path = "/customers";
    w.body = body;
    w.idempotencyKey = f.idempotencyKey;
    w.queuedAt = platform_.epochMillis();
    w.customerName = validate::trim(f.name);
    w.email = validate::trim(f.email);
    w.googleDomain = validate::trim(f.googleDomain);
    w.organization = validate::trim(f.organization);
    w.storageKey = write_queue::storageKey(w.resellerId, w.queuedAt, w.idempotencyKey);
    return w;
}

QueuedWrite Store::licenseOrderWrite(std::int64_t customerId, int target) const {
    const auto& page = state_.customer;
    QueuedWrite w;
    w.resellerId = state_.session->reseller.id;
    w.kind = WriteKind::LicenseOrder;
    w.path = "/customers/" + std::to_string(customerId) + "/subscription/license-orders";
    w.idempotencyKey = page.licenses.idempotencyKey;
    w.queuedAt = platform_.epochMillis();
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

void Store::queueWrite(QueuedWrite write, std::function<void(bool saved)> saved) {
    if (!canQueueWrites()) {
        saved(false);
        return;
    }
    std::uint64_t generation = sessionGeneration_;
    std::string encoded = write_queue::encode(write);
    platform_.storagePut(write.storageKey, encoded, [this, generation, write, saved](Platform::StorageStatus status) {
        if (!isCurrentSession(generation)) return;
        if (status != Platform::StorageStatus::Ok) {
            if (status == Platform::StorageStatus::QuotaExceeded) state_.offline.storage = OfflineStorage::Full;
            if (status == Platform::StorageStatus::Unavailable) state_.offline.storage = OfflineStorage::Unavailable;
            saved(false);
            return;
        }
        if (state_.offline.storage == OfflineStorage::Unknown) state_.offline.storage = OfflineStorage::Available;
        if (!findWrite(write.storageKey)) state_.offline.outbox.push_back(write);
        saved(true);
        pumpOutbox();
    });
}

void Store::saveWrite(const QueuedWrite& write) {
    platform_.storagePut(write.storageKey, write_queue::encode(write), [](Platform::StorageStatus) {});
}

void Store::pumpOutbox() {
    auto& o = state_.offline;
    if (!state_.session || !o.outboxLoaded || !o.online) return;
    QueuedWrite* w = write_queue::next(o.outbox, state_.session->reseller.id);
    if (!w) return;
    w->state = WriteState::Sending;
    std::string key = w->storageKey;
    std::uint64_t generation = sessionGeneration_;
    api_.sendWrite(w->path, w->body, w->idempotencyKey,
                   [this, key, generation](const HttpResponse& res) { onWriteAnswered(key, generation, res); });
}

void Store::onWriteAnswered(const std::string& key, std::uint64_t generation, const HttpResponse& res) {
    if (!isCurrentSession(generation)) return;  // kept in storage; sent again after sign-in
    QueuedWrite* w = findWrite(key);
    if (!w) return;
    switch (write_queue::classify(res, w->attempts)) {
        case write_queue::Outcome::Done: {
            QueuedWrite done = *w;
            auto& list = state_.offline.outbox;
            list.erase(std::remove_if(list.begin(), list.end(), [&](const QueuedWrite& x) { return x.storageKey == key; }),
                       list.end());
            platform_.storageRemove(key, [](Platform::StorageStatus) {});
            if (done.kind == WriteKind::NewCustomer) {
                toast(ToastKind::Success, format::fill(tr(Text::ToastInvitationSent), done.email));
            } else {
                toast(ToastKind::Success,
                      format::fill(tr(Text::QueuedOrderSent), done.customerName, format::integer(done.licenses)));
            }
            // Lists, figures and the customer's page all changed.
            state_.customers.stale = true;
            state_.dashboard.data.reset();
            state_.invoices.stale = true;
            if (state_.phase == Phase::SignedIn &&
                (state_.route.screen != Screen::Customer || state_.route.customerId == done.customerId || !done.customerId))
                refreshScreen();
            break;
        }
        case write_queue::Outcome::Failed: {
            w->state = WriteState::Failed;
            w->error = codec::decodeError(res);
            if (w->error->code == "domain_taken") w->error->message = tr(Text::ErrDomainTaken);
            saveWrite(*w);
            std::string who = w->kind == WriteKind::NewCustomer ? w->email : w->customerName;
            toast(ToastKind::Error, format::fill(tr(w->kind == WriteKind::NewCustomer ? Text::QueuedInvitationFailed
                                                                                       : Text::QueuedOrderFailed),
                                                 who, describeError(*w->error)));
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
            handleAuth(codec::decodeError(res));
            return;
    }
    pumpOutbox();
}

void Store::retryQueuedWrite(const std::string& key) {
    QueuedWrite* w = findWrite(key);
    if (!w || w->state != WriteState::Failed) return;
    w->state = WriteState::Waiting;
    w->error.reset();
    w->attempts = 0;
    saveWrite(*w);
    if (!state_.offline.online) retryConnection();
    pumpOutbox();
}

void Store::discardQueuedWrite(const std::string& key) {
    QueuedWrite* w = findWrite(key);
    if (!w || w->state == WriteState::Sending) return;  // on its way: its answer decides
    platform_.storageRemove(key, [](Platform::StorageStatus) {});
    auto& list = state_.offline.outbox;
    list.erase(std::remove_if(list.begin(), list.end(), [&](const QueuedWrite& x) { return x.storageKey == key; }), list.end());
}

void Store::queueNewCustomer(const std::string& body) {
    auto& f = state_.newCustomer;
    f.submitting = true;
    queueWrite(newCustomerWrite(f, body), [this](bool saved) {
        auto& f = state_.newCustomer;
        f.submitting = false;
        if (!saved) {
            f.error = ApiError{0, "offline_unavailable", "", {}};
            return;
        }
        toast(ToastKind::Info, format::fill(tr(Text::QueuedInvitation), validate::trim(f.email)));
        state_.newCustomer = NewCustomerForm{};
        // The waiting invitation shows at the top of the customer list.
        Route r;
        r.screen = Screen::Customers;
        r.customers = state_.customers.filter;
        navigate(r);
    });
}

void Store::queueLicenseOrder() {
    auto& page = state_.customer;
    auto& o = page.licenses;
    if (!o.open || o.ordering || !page.customer || !page.customer->subscription || !state_.session) return;
    const Subscription& sub = *page.customer->subscription;
    if (o.target == sub.licenses || (!canReduceLicensesNow(sub) && o.target < sub.licenses)) return;
    o.ordering = true;
    o.orderError.reset();
    std::int64_t id = page.id;
    int target = o.target;
    queueWrite(licenseOrderWrite(id, target), [this, id, target](bool saved) {
        if (state_.customer.id != id) return;
        auto& o = state_.customer.licenses;
        o.ordering = false;
        if (!saved) {
            o.orderError = ApiError{0, "offline_unavailable", "", {}};
            return;
        }
        toast(ToastKind::Info, format::fill(tr(Text::QueuedOrder), format::integer(target)));
        state_.customer.licenses = LicenseOrderState{};
    });
}

}  // namespace rc
