// Suspend and Resume (issue 23), each a dialog on the customer's page with the server's preview:
// suspending asks for the reason (and a note) and says what it is charged meanwhile; resuming
// says what is due now (prorated) and the recurring amount after.
#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

class SuspendDialog : public View {
public:
    void draw(Store& store) override;
};

class ResumeDialog : public View {
public:
    void draw(Store& store) override;
};

}  // namespace rc::ui
