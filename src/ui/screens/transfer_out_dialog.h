// Transfer to another reseller (issue 23), from the customer's page: what a transfer moves and
// what stays, then the one-time transfer code, shown once (selectable, Copy code), how long it
// is valid and what the other reseller does with it.
#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

class TransferOutDialog : public View {
public:
    void draw(Store& store) override;
};

}  // namespace rc::ui
