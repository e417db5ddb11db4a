// The store's toasts slice: short notes about what just happened, gone after a few seconds.
// Each is a text id and its arguments (core/message.h), put into words when it is drawn.
#pragma once
#include <cstdint>

#include "core/store/context.h"

namespace rc {

class ToastsSlice : public Slice {
public:
    explicit ToastsSlice(StoreContext& ctx) : Slice(ctx) {}

    void dismiss(std::uint64_t id);
    // Removes expired toasts; returns the time the next one expires (0: none left).
    double expire();

    // --- for the other slices (StoreContext::toast)
    void show(ToastKind kind, Message message);
    void clear();

    static constexpr double kSeconds = 5.0;  // on screen this long
    static constexpr std::size_t kMaxShown = 4;  // a fifth pushes out the oldest

private:
    std::uint64_t nextId_ = 1;
};

}  // namespace rc
