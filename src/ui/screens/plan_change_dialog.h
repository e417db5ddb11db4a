// Side-by-side editions with the price difference, a billing cycle, a preview, then confirm.
#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

class PlanChangeDialog : public View {
public:
    void draw(Store& store) override;
};

}  // namespace rc::ui
