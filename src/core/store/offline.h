// The store's offline slice: whether the server can be reached and how old the data on screen
// is, the queue of writes made offline (saved, sent in order when the network is back, each
// ending done or failed), the storage note and the new-version prompt.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "core/offline_reads.h"
#include "core/store/context.h"

namespace rc {

class OfflineSlice : public Slice {
public:
    OfflineSlice(StoreContext& ctx, OfflineReads& reads);

    // The page's online/offline events: a hint; answers (or their absence) are the truth.
    void setBrowserOnline(bool online);
    void retryConnection();  // "Try again" on the offline banner
    void setUpdateReady();   // the service worker has a new version of the console
    void applyUpdate();      // "Reload" into it
    void dismissStorageNote();
    void retryWrite(const std::string& storageKey);
    void discardWrite(const std::string& storageKey);
    // Offline, the license dialog queues the order without a price (the server prices it).
    void queueLicenseOrder();

    bool isOffline() const { return !state().offline.online; }
    // Writes wait for the network only where this browser can keep them across a reload.
    bool canQueueWrites() const { return !state().offline.offlineUseUnavailable(); }

    // --- for the other slices
    void signedIn();
    void signedOut();  // forgets the queue in memory; what is in storage stays
    // The signed-in member, whose writes these are (core/write_queue.h).
    write_queue::Owner owner() const;
    // Removes the signed-in member's saved answers and queued writes, in memory and in storage;
    // `removed` is told how many queued writes went.
    void forgetMember(std::function<void(int removed)> removed);
    // Sends what waits now (the network is known to be there).
    void sendWaiting() { pumpOutbox(); }
    // The new-customer form's invitation waits for the network (the form says when it is saved).
    void queueNewCustomer(const std::string& body);

private:
    void onReadAnswer(const OfflineReads::Answer& answer);
    void loadOutbox();
    // Saves a write for later; `saved` is told whether storage took it.
    void queueWrite(QueuedWrite write, std::function<void(bool saved)> saved);
    void saveWrite(const QueuedWrite& write);
    void pumpOutbox();
    void onWriteAnswered(const std::string& storageKey, std::uint64_t generation, const HttpResponse& response);
    void scheduleProbe();
    QueuedWrite* findWrite(const std::string& storageKey);
    QueuedWrite newCustomerWrite(const NewCustomerForm& form, const std::string& body) const;
    QueuedWrite licenseOrderWrite(std::int64_t customerId, int target) const;

    OfflineReads& reads_;
};

}  // namespace rc
