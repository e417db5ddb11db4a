#include "core/bulk_codec.h"

#include <nlohmann/json.hpp>

#include "core/json_read.h"

namespace rc {

namespace {
constexpr struct {
    BulkAction action;
    const char* name;
} kActions[] = {{BulkAction::AddLicenses, "add_licenses"},
                {BulkAction::SetLicenses, "set_licenses"},
                {BulkAction::ResendInvitations, "resend_invitations"},
                {BulkAction::RevokeInvitations, "revoke_invitations"},
                {BulkAction::Invite, "invite"}};
}  // namespace

const char* bulkActionName(BulkAction action) {
    for (const auto& a : kActions)
        if (a.action == action) return a.name;
    return "";
}

std::optional<BulkAction> bulkActionFromName(const std::string& name) {
    for (const auto& a : kActions)
        if (name == a.name) return a.action;
    return std::nullopt;
}

namespace codec {
namespace {

using nlohmann::json;
using namespace json_read;

bool present(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && !it->is_null();
}

// A customer id that may be null (a row whose customer was never made).
std::int64_t optId(const json& j, const char* key) { return present(j, key) ? id(j, key) : 0; }
int optCount(const json& j, const char* key) { return present(j, key) ? count(j, key) : 0; }

BulkCounts counts(const json& j) {
    const json& c = member(j, "counts");
    BulkCounts n{count(c, "total"), count(c, "received"), count(c, "done"),
                 count(c, "failed"), count(c, "skipped"), count(c, "pending")};
    if (n.finished() + n.pending != n.received || n.received > n.total) throw ShapeError{"counts that do not add up"};
    return n;
}

BulkJob job(const json& j) {
    BulkJob b;
    b.id = id(j, "id");
    b.action = str(j, "action");
    if (!bulkActionFromName(b.action)) throw ShapeError{"an unknown bulk action"};
    b.status = str(j, "status");
    b.licenses = optCount(j, "licenses");
    if (present(j, "created_by")) b.createdByName = optStr(member(j, "created_by"), "name");
    b.createdAt = optStr(j, "created_at");
    b.finishedAt = optStr(j, "finished_at");
    b.note = optStr(j, "note");
    b.counts = counts(j);
    if (present(j, "missing_rows"))
        for (const json& range : list(j, "missing_rows")) {
            auto row = [&](std::size_t at) {
                if (!range.is_array() || range.size() != 2 || !range[at].is_number_integer()) return std::int64_t{0};
                return range[at].get<std::int64_t>();
            };
            std::int64_t first = row(0), last = row(1);
            if (first < 1 || last < first || last > b.counts.total)
                throw ShapeError{"missing rows that are not a range of the job's"};
            b.missingRows.emplace_back(static_cast<int>(first), static_cast<int>(last));
        }
    if (present(j, "rows"))
        for (const json& r : list(j, "rows"))
            b.rows.push_back({count(r, "row"), str(r, "state"), optStr(r, "code"), optStr(r, "message"),
                              optId(r, "customer_id")});
    return b;
}

SavedView savedView(const json& j) {
    SavedView v;
    v.id = id(j, "id");
    v.name = str(j, "name");
    v.shared = boolean(j, "shared");
    v.mine = boolean(j, "mine");
    if (present(j, "owner")) v.ownerName = optStr(member(j, "owner"), "name");
    v.q = optStr(j, "q");
    v.status = optStr(j, "status");
    v.sort = optStr(j, "sort");
    if (present(j, "columns"))
        for (const json& c : list(j, "columns")) {
            if (!c.is_string()) throw ShapeError{"a column that is not a string"};
            v.columns.push_back(c.get<std::string>());
        }
    return v;
}

// Rows are JSON objects already (import::rowJson); they are parsed back so a batch is one valid document.
json rowsArray(const std::vector<std::string>& rows) {
    json a = json::array();
    for (const std::string& r : rows) a.push_back(json::parse(r));
    return a;
}

}  // namespace

Result<BulkJob> decodeBulkJob(const std::string& body) {
    return decode<BulkJob>(body, [](const json& j) { return job(j); });
}

Result<BulkJobList> decodeBulkJobList(const std::string& body) {
    return decode<BulkJobList>(body, [](const json& j) {
        BulkJobList l;
        for (const json& item : list(j, "items")) l.items.push_back(job(item));
        return l;
    });
}

Result<BulkPreview> decodeBulkPreview(const std::string& body) {
    return decode<BulkPreview>(body, [](const json& j) {
        BulkPreview p;
        p.action = str(j, "action");
        p.licenses = optCount(j, "licenses");
        p.total = count(j, "total");
        p.applicable = count(j, "applicable");
        p.notApplicable = count(j, "not_applicable");
        if (p.applicable + p.notApplicable != p.total) throw ShapeError{"a preview whose counts do not add up"};
        const json& reasons = member(j, "reasons");
        if (!reasons.is_object()) throw ShapeError{"\"reasons\" is not an object"};
        for (auto it = reasons.begin(); it != reasons.end(); ++it) p.reasons[it.key()] = count(reasons, it.key().c_str());
        p.prorated = money(j, "prorated_amount");
        p.monthlyChange = money(j, "monthly_value_change");
        p.shown = count(j, "shown");
        for (const json& i : list(j, "items")) {
            BulkPreviewItem item;
            item.customerId = id(i, "customer_id");
            item.name = optStr(i, "name");
            item.organization = optStr(i, "organization");
            item.googleDomain = optStr(i, "google_domain");
            item.applies = boolean(i, "applies");
            item.reason = optStr(i, "reason");
            item.message = optStr(i, "message");
            item.licensesBefore = optCount(i, "licenses_before");
            item.licensesAfter = optCount(i, "licenses_after");
            if (present(i, "prorated_amount")) item.prorated = money(i, "prorated_amount");
            if (present(i, "monthly_value_before")) item.monthlyBefore = money(i, "monthly_value_before");
            if (present(i, "monthly_value_after")) item.monthlyAfter = money(i, "monthly_value_after");
            p.items.push_back(std::move(item));
        }
        return p;
    });
}

Result<ImportPreview> decodeImportPreview(const std::string& body) {
    return decode<ImportPreview>(body, [](const json& j) {
        ImportPreview p;
        for (const json& i : list(j, "items"))
            p.items.push_back({count(i, "row"), str(i, "outcome"), optStr(i, "message"), optId(i, "customer_id")});
        return p;
    });
}

Result<SavedView> decodeSavedView(const std::string& body) {
    return decode<SavedView>(body, [](const json& j) { return savedView(j); });
}

Result<SavedViewList> decodeSavedViewList(const std::string& body) {
    return decode<SavedViewList>(body, [](const json& j) {
        SavedViewList l;
        for (const json& item : list(j, "items")) l.items.push_back(savedView(item));
        return l;
    });
}

namespace {
json bulkJobJson(BulkAction action, const BulkSelection& selection, int licenses) {
    json j{{"action", bulkActionName(action)}};
    if (selection.byFilter) {
        json filter{{"q", selection.q}};
        if (!selection.status.empty()) filter["status"] = selection.status;
        j["filter"] = filter;
        if (selection.expectedTotal >= 0) j["expected_total"] = selection.expectedTotal;
    } else {
        j["ids"] = selection.ids;
    }
    if (takesLicenses(action)) j["licenses"] = licenses;
    return j;
}
}  // namespace

std::string encodeBulkJob(BulkAction action, const BulkSelection& selection, int licenses) {
    return bulkJobJson(action, selection, licenses).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeBulkPreview(BulkAction action, const BulkSelection& selection, int licenses, int limit) {
    json j = bulkJobJson(action, selection, licenses);
    j["limit"] = limit;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeImportJob(int total, const std::string& fileName, const std::vector<std::string>& rows) {
    json j{{"action", "invite"}, {"total", total}, {"rows", rowsArray(rows)}};
    if (!fileName.empty()) j["file_name"] = fileName;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeImportRows(const std::vector<std::string>& rows) {
    return json{{"rows", rowsArray(rows)}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeImportPreview(const std::vector<std::string>& rows) {
    return json{{"action", "invite"}, {"rows", rowsArray(rows)}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeViewChange(const std::string& name, bool shared) {
    return json{{"name", name}, {"shared", shared}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeSavedView(const SavedView& view) {
    json j{{"name", view.name}, {"shared", view.shared}, {"q", view.q}, {"sort", view.sort.empty() ? "name" : view.sort}};
    j["status"] = view.status.empty() ? json(nullptr) : json(view.status);
    j["columns"] = view.columns.empty() ? json(nullptr) : json(view.columns);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeKeptImport(const KeptImport& kept) {
    json j{{"v", 1}, {"key", kept.idempotencyKey}, {"file", kept.fileName}, {"job", kept.jobId},
           {"rows", rowsArray(kept.rows)}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<KeptImport> decodeKeptImport(const std::string& text) {
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    try {
        if (integer(j, "v") != 1) return std::nullopt;
        KeptImport kept;
        kept.idempotencyKey = str(j, "key");
        kept.fileName = optStr(j, "file");
        kept.jobId = integer(j, "job");
        for (const json& row : list(j, "rows")) {
            if (!row.is_object()) return std::nullopt;
            kept.rows.push_back(row.dump(-1, ' ', false, json::error_handler_t::replace));
        }
        if (kept.idempotencyKey.empty() || kept.jobId < 0 || kept.rows.empty()) return std::nullopt;
        return kept;
    } catch (const ShapeError&) {
        return std::nullopt;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

}  // namespace codec
}  // namespace rc
