#include "core/store/toasts.h"

#include <algorithm>
#include <utility>

namespace rc {

void ToastsSlice::show(ToastKind kind, Message message) {
    auto& t = state().toasts;
    t.push_back(Toast{nextId_++, kind, std::move(message), platform().now() + kSeconds});
    if (t.size() > kMaxShown) t.erase(t.begin());
}

void ToastsSlice::clear() { state().toasts.clear(); }

void ToastsSlice::dismiss(std::uint64_t id) {
    auto& t = state().toasts;
    t.erase(std::remove_if(t.begin(), t.end(), [id](const Toast& x) { return x.id == id; }), t.end());
}

double ToastsSlice::expire() {
    double now = platform().now();
    auto& t = state().toasts;
    t.erase(std::remove_if(t.begin(), t.end(), [now](const Toast& x) { return x.expiresAt <= now; }), t.end());
    double next = 0;
    for (const auto& x : t) next = next == 0 ? x.expiresAt : std::min(next, x.expiresAt);
    return next;
}

}  // namespace rc
