#pragma once
#include "core/store.h"
#include "ui/kit/widgets.h"
#include "ui/screens/view.h"

namespace rc::ui {

// A bulk action over the customers selected in the list (issue 19): the license count for a
// license action, then the server's preview (whom it applies to, whom not and why, the price
// change per customer and in total), one confirmation, the job's progress (N of M, done, failed,
// skipped), a stop, the result and its report. Shown again after a reload while the job runs.
class BulkDialog : public View {
public:
    void draw(Store& store) override;

private:
    void drawLicenses(Store& store);
    void drawPreview(Store& store);
    void drawProgress(Store& store);
    ArrivalGuard stopArrival_;  // Stop, where the confirmation was
};

}  // namespace rc::ui
