// Add or remove licenses: stepper, the server's price preview, Order now, then confirm.
#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

class LicenseOrderDialog : public View {
public:
    void draw(Store& store) override;
};

}  // namespace rc::ui
