#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

// One customer: who they are, the invitation until it is accepted, the subscription's terms
// with its actions (licenses, plan, cancel), their invoices and their history.
class CustomerView : public View {
public:
    void draw(Store& store) override;
};

}  // namespace rc::ui
