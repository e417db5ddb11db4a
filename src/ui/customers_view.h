#pragma once
#include "core/store.h"

namespace rc::ui {

// The Customers screen: search, status filter, sortable columns, and every customer of the
// signed-in reseller in one table, paged from the server as the reseller scrolls.
class CustomersView {
public:
    void draw(Store& store);
    // Ctrl+K / Cmd+K: put the keyboard in the search field on the next frame.
    void focusSearch() { focusSearch_ = true; }

private:
    bool focusSearch_ = false;
    int focusAttempts_ = 0;
};

}  // namespace rc::ui
