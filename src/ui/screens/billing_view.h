#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

// The reseller's billing profile (Admins; in the navigation for them): company and address, tax
// IDs and currency, invoice numbering and terms, bank account. Other roles see it, and are told
// who may change it.
class BillingView : public View {
public:
    void draw(Store& store) override;
};

}  // namespace rc::ui
