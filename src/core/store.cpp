#include "core/store.h"

#include <algorithm>
#include <utility>

#include "core/status_presentation.h"

namespace rc {

Store::Store(Transport& transport, Platform& platform)
    : reads_(transport, platform), api_(reads_), ctx_(*this, state_, api_, platform), offline_(ctx_, reads_) {
    api_.onServerDate([this](std::int64_t serverMillis) { state_.serverClockOffsetMs = serverMillis - ctx_.platform.epochMillis(); });
}

std::string Store::today() const {
    return isoDay(static_cast<double>(ctx_.platform.epochMillis() + state_.serverClockOffsetMs));
}

void Store::start(std::string configUrl, std::string initialHash) {
    columns_.load();
    session_.start(std::move(configUrl), std::move(initialHash));
}

void Store::navigate(const Route& route, bool push) {
    bool same = route == state_.route;
    state_.route = route;
    if (state_.phase != Phase::SignedIn) return;
    if (push && !same) ctx_.platform.setRoute(route.toHash(), true);
    ctx_.enterRoute();
}

void Store::openCustomer(std::int64_t id) {
    Route r;
    r.screen = Screen::Customer;
    r.customerId = id;
    navigate(r);
}

double Store::runTimers() {
    double next = toasts_.expire();
    if (double search = customers_.runSearchTimer(); search > 0) next = next > 0 ? std::min(next, search) : search;
    return next;
}

}  // namespace rc
