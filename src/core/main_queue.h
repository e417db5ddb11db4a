// Results of background work wait here and are applied at the start of the next frame,
// so state only changes between frames (as Tracy's RunQueue and ImHex's doLater do).
#pragma once
#include <cstddef>
#include <deque>
#include <functional>
#include <utility>

namespace rc {

class MainQueue {
public:
    void post(std::function<void()> fn) { pending_.push_back(std::move(fn)); }
    bool empty() const { return pending_.empty(); }

    // Runs what was queued before the call; work posted while draining waits for the next frame.
    std::size_t drain() {
        std::deque<std::function<void()>> now;
        now.swap(pending_);
        for (auto& fn : now) fn();
        return now.size();
    }

private:
    std::deque<std::function<void()>> pending_;
};

}  // namespace rc
