// The offline slice of AppState: whether the server can be reached, how old the data on
// screen is, whether this browser can keep data for offline use, the writes waiting to be
// sent, and whether a new version of the console is ready. Plain data.
#pragma once
#include <cstdint>
#include <vector>

#include "core/write_queue.h"

namespace rc {

enum class OfflineStorage { Unknown, Available, Unavailable, Full };

struct OfflineState {
    bool online = true;             // the last request reached the server (and the browser agrees)
    std::int64_t dataFrom = 0;      // offline: when the data on screen was fresh (ms since 1970)
    std::int64_t lastFreshAt = 0;   // the last answer straight from the server
    std::int64_t checkedAt = 0;     // when the last answer (or its absence) came
    int utcOffsetMinutes = 0;       // for saying dataFrom in the reseller's own time
    OfflineStorage storage = OfflineStorage::Unknown;
    bool storageNoteDismissed = false;
    bool updateReady = false;       // the service worker holds a newer version of the console
    bool probing = false;           // a retry timer is set while offline
    std::vector<QueuedWrite> outbox;  // this reseller's waiting or failed writes, in order
    bool outboxLoaded = false;

    bool offlineUseUnavailable() const {
        return storage == OfflineStorage::Unavailable || storage == OfflineStorage::Full;
    }
    std::size_t waitingCount() const {
        std::size_t n = 0;
        for (const auto& w : outbox) n += w.state != WriteState::Failed;
        return n;
    }
};

}  // namespace rc
