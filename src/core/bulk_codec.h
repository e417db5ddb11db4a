// JSON <-> bulk work (issue 19): jobs, previews, an import's batches, saved views. Decoders check
// every type as core/codec.h does; anything unexpected is an ApiError "bad_response".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bulk_model.h"
#include "core/model.h"
#include "core/result.h"

namespace rc::codec {

Result<BulkJob> decodeBulkJob(const std::string& body);
Result<BulkJobList> decodeBulkJobList(const std::string& body);
Result<BulkPreview> decodeBulkPreview(const std::string& body);
Result<ImportPreview> decodeImportPreview(const std::string& body);
Result<SavedView> decodeSavedView(const std::string& body);
Result<SavedViewList> decodeSavedViewList(const std::string& body);

// What a bulk action selects: the list's search and status (with the count the reseller saw, so
// the server refuses a filter that now selects others), or customers by id.
struct BulkSelection {
    bool byFilter = true;
    std::string q, status;
    std::int64_t expectedTotal = -1;  // -1: none
    std::vector<std::int64_t> ids;
};
// POST /bulk-jobs (and its preview) for an action over customers; licenses only for license actions.
std::string encodeBulkJob(BulkAction action, const BulkSelection& selection, int licenses);
// POST /bulk-jobs/preview: the same, and how many customers' lines to send (the totals cover all).
std::string encodeBulkPreview(BulkAction action, const BulkSelection& selection, int licenses, int limit);
// POST /bulk-jobs for an import: its total and first batch; `rows` are import::rowJson texts.
std::string encodeImportJob(int total, const std::string& fileName, const std::vector<std::string>& rows);
// POST /bulk-jobs/{id}/rows and POST /bulk-jobs/preview for an import.
std::string encodeImportRows(const std::vector<std::string>& rows);
std::string encodeImportPreview(const std::vector<std::string>& rows);
std::string encodeSavedView(const SavedView& view);  // POST /views (name, shared, q, status, sort, columns)
std::string encodeViewChange(const std::string& name, bool shared);  // PATCH /views/{id}

// An import the page keeps in its storage until its job ends, so a reload resumes it.
struct KeptImport {
    std::string idempotencyKey, fileName;
    std::int64_t jobId = 0;          // 0: the job's POST has had no answer yet (sent again with the same key)
    std::vector<std::string> rows;  // import::rowJson texts
};
std::string encodeKeptImport(const KeptImport& kept);
std::optional<KeptImport> decodeKeptImport(const std::string& json);  // nullopt for anything odd

}  // namespace rc::codec
