// Bulk work as the partner API returns it (issue 19): jobs over many customers or an import's
// rows, their previews, and the customer list's saved views. Plain data, in the reseller's words.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/model.h"

namespace rc {

// The actions POST /bulk-jobs takes (the API's words).
enum class BulkAction { AddLicenses, SetLicenses, ResendInvitations, RevokeInvitations, Invite };
const char* bulkActionName(BulkAction action);
std::optional<BulkAction> bulkActionFromName(const std::string& name);
inline bool takesLicenses(BulkAction a) { return a == BulkAction::AddLicenses || a == BulkAction::SetLicenses; }

struct BulkCounts {
    int total = 0, received = 0, done = 0, failed = 0, skipped = 0, pending = 0;
    int finished() const { return done + failed + skipped; }
};

struct BulkRowOutcome {
    int row = 0;
    std::string state;    // pending | done | failed | skipped
    std::string code;     // what happened, in one word (the single action's error code when refused)
    std::string message;  // the server's words for it (the report CSV carries them too)
    std::int64_t customerId = 0;
};

struct BulkJob {
    std::int64_t id = 0;
    std::string action;  // as the API names it
    std::string status;  // receiving | queued | running | done | cancelled
    int licenses = 0;
    std::string createdByName, createdAt, finishedAt, note;
    BulkCounts counts;
    // An import's rows the server has not received yet: [first, last] ranges, the first 50.
    std::vector<std::pair<int, int>> missingRows;
    std::vector<BulkRowOutcome> rows;

    bool finished() const { return status == "done" || status == "cancelled"; }
};

struct BulkJobList {
    std::vector<BulkJob> items;
};

// What an action would do to one selected customer (POST /bulk-jobs/preview).
struct BulkPreviewItem {
    std::int64_t customerId = 0;
    std::string name, organization, googleDomain;
    bool applies = false;
    std::string reason, message;  // why not, when it does not apply
    int licensesBefore = 0, licensesAfter = 0;
    std::optional<Money> prorated, monthlyBefore, monthlyAfter;  // license actions that apply
};

struct BulkPreview {
    std::string action;
    int licenses = 0;
    int total = 0, applicable = 0, notApplicable = 0;
    std::map<std::string, int> reasons;  // reason -> customers it keeps out
    Money prorated, monthlyChange;
    int shown = 0;
    std::vector<BulkPreviewItem> items;
};

// What importing one row would do, as the server sees it now (already a customer, imported before...).
struct ImportPreviewItem {
    int row = 0;
    std::string outcome;  // invite | invalid | already_imported | already_customer | domain_taken | duplicate
    std::string message;
    std::int64_t customerId = 0;
};

struct ImportPreview {
    std::vector<ImportPreviewItem> items;
};

struct SavedView {
    std::int64_t id = 0;
    std::string name;
    bool shared = false;
    bool mine = false;  // made by the member signed in (only they, or an Admin, change it)
    std::string ownerName;
    std::string q, status, sort;
    std::vector<std::string> columns;  // the table's column keys, in order; empty: as the device has them
};

struct SavedViewList {
    std::vector<SavedView> items;
};

}  // namespace rc
