#pragma once
#include "core/store.h"

namespace rc::ui {

// The Customers screen: every customer of the signed-in reseller in one table, loaded page by
// page from the server as the reseller scrolls.
class CustomersView {
public:
    void draw(Store& store);
};

}  // namespace rc::ui
