#pragma once
#include "core/store.h"

namespace rc::ui {

// Key figures from the server's dashboard, revenue over 12 months, renewals and recent activity.
class DashboardView {
public:
    void draw(Store& store);

private:
    int pinnedMonth_ = -1;  // the chart's month chosen by a tap
};

}  // namespace rc::ui
