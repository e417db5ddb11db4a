#pragma once
#include "core/store.h"
#include "ui/kit/widgets.h"
#include "ui/screens/view.h"

namespace rc::ui {

// Import customers from a spreadsheet (issue 19): a file from the picker or dropped on the page,
// its columns as guessed (each can be mapped again), every row with what will happen to it,
// one confirmation, then the job's progress, a stop, and the report. Shown while the store's
// import is open, and again after a reload while one is going on.
class ImportDialog : public View {
public:
    void draw(Store& store) override;

private:
    void drawChoose(Store& store);
    void drawProblem(Store& store);
    void drawPreview(Store& store);
    void drawProgress(Store& store);
    ArrivalGuard stopArrival_;  // Stop, where the confirmation was
};

}  // namespace rc::ui
