#include "core/store/dashboard.h"

#include <utility>

namespace rc {

void DashboardSlice::load() {
    if (!signedIn()) return;
    auto& d = state().dashboard;
    d.remote = Remote{true, std::nullopt};
    api().dashboard(ctx_.answer<Dashboard>(Landing::on(d.remote), [this](Dashboard v) { state().dashboard.data = std::move(v); }));
    // The figures above carry any error; the activity list stays empty without one.
    api().activity(0, 8, ctx_.answer<ActivityPage>(Landing::quiet(), [this](ActivityPage p) {
        state().dashboard.recent = std::move(p.items);
    }));
}

void DashboardSlice::show() {
    const auto& d = state().dashboard;
    if (!d.data && !d.remote.loading) load();
}

}  // namespace rc
