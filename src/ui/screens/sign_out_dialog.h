#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

// Sign out while writes made offline still wait (a shared computer): lists them, and offers to
// send them first (then signs out by itself) or to discard them and sign out.
class SignOutDialog : public View {
public:
    void draw(Store& store) override;
};

}  // namespace rc::ui
