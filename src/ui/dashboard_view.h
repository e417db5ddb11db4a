#pragma once
#include "core/store.h"

namespace rc::ui {

// Key figures of the reseller's customers. Until the server's dashboard endpoint is used, the
// figures come from the customers loaded so far, and the screen says so when that is not all.
class DashboardView {
public:
    void draw(Store& store);
};

}  // namespace rc::ui
