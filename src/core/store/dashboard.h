// The store's dashboard slice: the figures, the revenue chart, renewals and recent activity.
#pragma once
#include "core/store/context.h"

namespace rc {

class DashboardSlice : public Slice {
public:
    explicit DashboardSlice(StoreContext& ctx) : Slice(ctx) {}

    void load();
    // Shown: loaded unless its figures are here or on their way.
    void show();
};

}  // namespace rc
