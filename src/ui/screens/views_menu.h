#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

// The customer list's saved views (issue 19): a "Views" menu beside Import and Export that lists
// the member's own views and the team's shared ones (picking one sets the list to it and puts its
// link in the address), saves the list as it is now under a name, and renames, shares or deletes a
// view its maker (or an Admin) may change.
float viewsMenuWidth();
void viewsMenu(Store& store, float height);

// The form that names a view and shares it with the team (or not).
class ViewDialog : public View {
public:
    void draw(Store& store) override;
};

}  // namespace rc::ui
