// The store's dashboard slice: the figures, the revenue chart, renewals and recent activity.
#pragma once
#include "core/store/context.h"

namespace rc {

class DashboardSlice : public Slice {
public:
    explicit DashboardSlice(StoreContext& ctx) : Slice(ctx) {}

    void load();
    // Shown: loaded unless its figures are here or on their way; the recent activity of `actor`
    // (a member's email; empty: everyone's), as the address says.
    void show(const std::string& actor = {});
    // The recent activity of one member (their email), or everyone's (empty); kept in the address.
    void filterActivity(const std::string& actor);

private:
    void loadRecent(const std::string& actor);
};

}  // namespace rc
