// Side-by-side editions with the price difference, a billing cycle, a preview; then a
// confirmation of what changes and what it costs before anything is charged.
#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

class PlanChangeDialog : public View {
public:
    void draw(Store& store) override;

private:
    void drawConfirmation(Store& store, const Subscription& sub, const PlanChangePreview& preview, bool close);
};

}  // namespace rc::ui
