// Start paid plan now (issue 23): a trial's plan, term and number of licenses, with the server's
// preview (from when, the first period and what it costs with tax, the recurring amount) and what
// happens at the trial's end otherwise; one request on confirming.
#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

class StartPaidDialog : public View {
public:
    void draw(Store& store) override;
};

}  // namespace rc::ui
