// What the import of customers from a spreadsheet shows (issue 19): the file's problem or its
// rows with what will happen to each, then the job's progress. Written by ImportSlice only.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bulk_model.h"
#include "core/import_rows.h"
#include "core/model.h"
#include "core/sheet.h"

namespace rc {

enum class ImportPhase {
    Closed,
    Choose,    // waiting for a file (picker or drop)
    Problem,   // the file cannot be read: one plain message, nothing changed
    Preview,   // every row with what will happen; columns can be mapped again
    Sending,   // confirmed: batches going out, then the server working the rows
    Finished,  // done or cancelled: counts and the report
};

struct ImportState {
    ImportPhase phase = ImportPhase::Closed;
    std::string fileName;
    sheet::Problem problem = sheet::Problem::None;
    std::size_t problemLine = 0;

    // Preview
    std::vector<std::string> header;
    import::ColumnMap map;
    std::vector<import::Row> rows;
    import::Summary summary;
    // The server's verdict on each row once checked (index: row number - 1; empty outcome: not yet).
    std::vector<ImportPreviewItem> server;
    std::size_t checked = 0;       // rows the server has looked at
    bool checking = false;
    std::optional<ApiError> checkError;  // the server could not check them (the rows can still be sent)
    int alreadyThere = 0;          // rows the server says need no invitation (already a customer, imported before)

    // Sending
    std::string idempotencyKey;    // the job's: a POST sent again after a lost answer makes no second job
    std::int64_t jobId = 0;
    std::size_t rowsSent = 0;      // rows the server has confirmed receiving
    std::optional<BulkJob> job;    // the latest progress
    bool offline = false;          // the connection is gone: it resumes by itself when it is back
    bool resumable = true;         // the rows are in the page's storage (a reload picks them up)
    bool cancelling = false;
    std::optional<ApiError> error; // what stopped it (a conflict, a refusal)
    bool downloading = false;      // the report
    std::optional<ApiError> reportError;
};

}  // namespace rc
