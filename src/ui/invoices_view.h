#pragma once
#include "core/store.h"

namespace rc::ui {

// Invoices need the partner API's invoice endpoints; until the console uses them this screen
// says plainly that it cannot show them, rather than pretending there are none.
class InvoicesView {
public:
    void draw(Store& store);
};

}  // namespace rc::ui
