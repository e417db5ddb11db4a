// The dialogs: each draws from the store's state (open flag, drafts, errors) and emits intents.
#pragma once
#include "core/store.h"

namespace rc::ui {

class NewCustomerDialog {
public:
    void draw(Store& store);

private:
    bool wasOpen_ = false;
};

// Add or remove licenses: stepper, the server's price preview, Order now, then confirm.
class LicenseOrderDialog {
public:
    void draw(Store& store);
};

// Side-by-side editions with the price difference, a billing cycle, a preview, then confirm.
class PlanChangeDialog {
public:
    void draw(Store& store);
};

// Cancel on the customer's behalf: now or at the end of the term, confirmed by typing the domain.
class CancelDialog {
public:
    void draw(Store& store);

private:
    bool wasOpen_ = false;
};

// One invoice: lines, totals, Download PDF.
class InvoiceDialog {
public:
    void draw(Store& store);
};

}  // namespace rc::ui
