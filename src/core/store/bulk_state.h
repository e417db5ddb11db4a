// What the customer list's selection and a bulk action over it show (issue 19): which customers
// are picked (one by one, or every one the list's filter matches), then one action's preview,
// confirmation, the job's progress and its result. Written by BulkSlice only.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "core/bulk_codec.h"
#include "core/bulk_model.h"
#include "core/model.h"

namespace rc {

// The customers picked in the list. They belong to the list's search and status: another search
// or status filter clears them (the reseller would otherwise act on customers no longer in sight).
struct BulkSelectionState {
    std::set<std::int64_t> ids;  // picked one by one (rows or a page's "select this page")
    bool allMatching = false;    // every customer the filter matches: the server acts by filter
    std::int64_t matching = 0;   // how many the list said match when they were all selected
    std::string q, status;       // the list's filter the selection was made under
    bool selectMode = false;     // phones: a tap on a card picks it instead of opening it

    std::int64_t count() const { return allMatching ? matching : static_cast<std::int64_t>(ids.size()); }
    bool empty() const { return count() == 0; }
    bool has(std::int64_t id) const { return allMatching || ids.count(id) > 0; }
};

enum class BulkPhase {
    Closed,
    Licenses,  // a license action: how many licenses, before its preview
    Preview,   // the server's preview (on its way, or shown with the button that starts the job)
    Running,   // the job is on the server: progress
    Finished,  // done or cancelled: counts and the report
};

struct BulkActionState {
    BulkPhase phase = BulkPhase::Closed;
    BulkAction action = BulkAction::AddLicenses;
    codec::BulkSelection selection;  // what the action covers, fixed when the dialog opened
    std::int64_t selected = 0;       // how many customers that was
    std::string licensesText;        // the license field as typed
    bool licensesInvalid = false;    // not a whole number in the plans' range (the dialog says which)
    int licenses = 0;                // the count the preview and the job use

    std::optional<BulkPreview> preview;
    bool previewing = false;         // the preview's request is on its way
    std::optional<ApiError> previewError;

    std::string idempotencyKey;      // one per preview: a double click or a retry starts one job
    bool starting = false;
    std::optional<ApiError> error;   // the job could not start (a changed selection, a refusal, offline)

    std::int64_t jobId = 0;
    std::optional<BulkJob> job;      // the latest progress
    bool offline = false;            // the connection is gone while following it (it goes on on the server)
    bool cancelling = false;
    bool downloading = false;        // the report
    std::optional<ApiError> reportError;
};

struct BulkState {
    BulkSelectionState selection;
    BulkActionState action;
};

}  // namespace rc
