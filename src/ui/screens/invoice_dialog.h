// One invoice: lines, totals, Download PDF.
#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

class InvoiceDialog : public View {
public:
    void draw(Store& store) override;
};

}  // namespace rc::ui
