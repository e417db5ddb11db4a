#pragma once
#include <vector>

#include "core/store.h"
#include "ui/kit/paged_table.h"
#include "ui/screens/view.h"

namespace rc::ui {

// The Customers screen: search, status filter, sortable columns, and every customer of the
// signed-in reseller in one table whose scroll bar spans them all; the rows on screen are
// fetched in blocks as the reseller scrolls or jumps.
class CustomersView : public View {
public:
    void draw(Store& store) override;
    // Ctrl+K / Cmd+K: put the keyboard in the search field on the next frame.
    void focusSearch() { focusSearch_ = true; }
    // A kiosk's next visitor starts at the top, with the keyboard nowhere.
    void forgetVisitor() override { focusSearch_ = false, focusAttempts_ = 0, heldChars_.clear(), table_.toTop(); }

    static PagedTableSpec tableSpec();  // its columns and what it says

private:
    bool focusSearch_ = false;
    int focusAttempts_ = 0;
    // Letters typed after Ctrl+K before the search has the keyboard: ImGui drops what arrives in
    // the frame a focus request activates a field, so they wait here and go in once it is active.
    std::vector<unsigned> heldChars_;
    bool searchActive_ = false;
    PagedList<Customer, CustomerFilter> table_{tableSpec()};
};

}  // namespace rc::ui
