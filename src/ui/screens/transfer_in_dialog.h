// Take over a customer from another reseller (issue 23), from the customer list: the transfer
// code -> the server's preview (the customer, its domain, the subscription with plan, licenses
// and renewal date, the price at this reseller's terms; the invoices stay with the reseller that
// issued them) -> Take over customer, which opens the moved customer. Refusals in plain words.
#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

class TransferInDialog : public View {
public:
    void draw(Store& store) override;

private:
    bool wasOpen_ = false;
};

}  // namespace rc::ui
