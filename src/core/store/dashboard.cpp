#include "core/store/dashboard.h"

#include <utility>

namespace rc {

void DashboardSlice::load() {
    if (!signedIn()) return;
    auto& d = state().dashboard;
    d.remote = Remote{true, std::nullopt};
    api().dashboard(ctx_.answer<Dashboard>(Landing::on(d.remote), [this](Dashboard v) { state().dashboard.data = std::move(v); }));
    loadRecent(state().route.actor);
}

void DashboardSlice::loadRecent(const std::string& actor) {
    auto& d = state().dashboard;
    d.recentActor = actor;
    d.recentRemote = Remote{true, std::nullopt};
    // The figures above carry a failure to load at all; the list says its own.
    api().activity(0, 8, ctx_.answer<ActivityPage>(
        Landing::on(d.recentRemote).onlyIf([this, actor] { return state().dashboard.recentActor == actor; }),
        [this](ActivityPage p) { state().dashboard.recent = std::move(p.items); }), actor);
}

void DashboardSlice::show(const std::string& actor) {
    const auto& d = state().dashboard;
    if (!d.data && !d.remote.loading) {
        load();
        return;
    }
    if (d.recentActor != actor) loadRecent(actor);
}

void DashboardSlice::filterActivity(const std::string& actor) {
    if (!signedIn() || state().route.screen != Screen::Dashboard || state().route.actor == actor) return;
    state().route.actor = actor;
    // The address says whose activity is shown: a reload or a link shows the same.
    platform().setRoute(state().route.toHash(), false);
    state().dashboard.recent.clear();
    loadRecent(actor);
}

}  // namespace rc
