// New customer: name, email, Google domain and organization, each checked with the server's own
// rules when the reseller leaves it; Send invitation.
#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

class NewCustomerDialog : public View {
public:
    void draw(Store& store) override;

private:
    bool wasOpen_ = false;
};

}  // namespace rc::ui
