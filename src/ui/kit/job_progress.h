// A job's progress in a dialog, the same for an import's rows and a bulk action's customers:
// how it ended (once it has), the bar with "N of M done" (its accessible name and the status
// line), the counts, a note (offline, or that it goes on without the page), what went wrong, and
// the buttons: Stop while it runs (taking clicks only once it has settled where the confirmation
// was, so a double click on Start does not stop), then Report and Close.
#pragma once
#include <string>

#include "core/store.h"
#include "imgui.h"
#include "ui/kit/gated.h"
#include "ui/kit/widgets.h"

namespace rc::ui {

struct JobProgress {
    const char* id = "job";          // the buttons' ids: ##<id>-stop, ##<id>-report, ##<id>-close
    bool finished = false;
    std::string heading;             // once finished: how it ended
    std::string subject;             // a line under it (the file's name); empty: none
    int done = 0, total = 0;
    std::string progress;            // "N of M … done"
    std::string sending;             // while rows still go out; empty: none
    std::string counts;              // done, failed, skipped; empty: none yet
    std::string note;                // offline, or that it goes on without the page; empty: none
    bool noteWarns = false;          // the note as a warning (offline), else muted
    const ApiError* error = nullptr;
    const ApiError* reportError = nullptr;
    std::string stop;                // Stop's label ("Stopping…" while cancelling)
    bool cancelling = false;
    Gate stopGate;                   // open: Stop may be pressed
    bool hasReport = false;          // finished with a job on the server: Report, then Close
    bool downloading = false;
    Gate reportGate;
    std::string report, close;       // the two buttons' labels once finished
};

enum class JobButton { None, Stop, Report, Close };

JobButton jobProgress(const JobProgress& p, ArrivalGuard& stopArrival);

}  // namespace rc::ui
