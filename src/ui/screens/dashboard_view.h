#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

// Key figures from the server's dashboard, revenue over 12 months, renewals and recent activity.
class DashboardView : public View {
public:
    void draw(Store& store) override;

private:
    int pinnedMonth_ = -1;  // the chart's month chosen by a tap
};

}  // namespace rc::ui
