// Cancel on the customer's behalf: now or at the end of the term, confirmed by typing the domain.
#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

class CancelDialog : public View {
public:
    void draw(Store& store) override;

private:
    bool wasOpen_ = false;
};

}  // namespace rc::ui
