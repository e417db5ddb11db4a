#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

// Adding a member to the team: their Google email, name and role (each role says what it may do),
// errors on their fields, one member for a double click.
class AddMemberDialog : public View {
public:
    void draw(Store& store) override;

private:
    bool wasOpen_ = false;  // the dialog just opened: the first field takes the keyboard
};

// Changing a member's role, or removing them: the dialog is the confirmation, and says that the
// member is signed out at once (the Admin themselves too, when it is them).
class MemberChangeDialog : public View {
public:
    void draw(Store& store) override;
};

// A role to choose, as a radio card with what the role may do (the add and change dialogs).
bool roleOption(const std::string& role, bool selected, bool disabled);

}  // namespace rc::ui
