#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

// The team (Admins): each member with their role and last sign-in, adding one, changing a role,
// removing one, and what each role may do. Other roles are told who manages the team.
class TeamView : public View {
public:
    void draw(Store& store) override;
};

}  // namespace rc::ui
