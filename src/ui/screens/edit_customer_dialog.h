// Edit customer (issue 23): name, contact email and organization; the Google domain only while
// the invitation is open (else shown with why not). Sent with the details it opened with.
#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

class EditCustomerDialog : public View {
public:
    void draw(Store& store) override;

private:
    bool wasOpen_ = false;
};

}  // namespace rc::ui
