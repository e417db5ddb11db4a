// Bulk work in the console's core (issue 19): the codecs against the server's contract examples,
// and the import slice: batches under the request limit, a job made once, a reload that sends
// only what the server lacks, a lost connection, cancel, and a file that cannot be read.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/bulk_codec.h"
#include "store_fixture.h"

using namespace rc;

TEST_CASE("bulk jobs, previews and saved views decode from the server's contract examples") {
    auto job = codec::decodeBulkJob(test::readContract("bulk_job.json"));
    REQUIRE(job.ok());
    CHECK(job.value().action == "add_licenses");
    CHECK(job.value().finished());
    CHECK(job.value().counts.total > 0);
    CHECK(job.value().counts.finished() == job.value().counts.total);
    REQUIRE(job.value().rows.size() == 4);  // a page of the rows: the example asks for 4
    for (const BulkRowOutcome& row : job.value().rows) {
        CHECK_FALSE(row.code.empty());
        if (row.state == "skipped") CHECK_FALSE(row.message.empty());  // the reason, in the server's words
    }

    auto receiving = codec::decodeBulkJob(test::readContract("bulk_import_receiving.json"));
    REQUIRE(receiving.ok());
    CHECK(receiving.value().status == "receiving");
    CHECK_FALSE(receiving.value().missingRows.empty());
    CHECK(receiving.value().counts.received < receiving.value().counts.total);

    auto preview = codec::decodeBulkPreview(test::readContract("bulk_preview.json"));
    REQUIRE(preview.ok());
    const BulkPreview& p = preview.value();
    CHECK(p.applicable + p.notApplicable == p.total);
    int kept = 0;
    for (const auto& [reason, n] : p.reasons) kept += n;
    CHECK(kept == p.notApplicable);
    int applying = 0;
    for (const BulkPreviewItem& item : p.items) {
        if (!item.applies) {
            CHECK_FALSE(item.reason.empty());
            continue;
        }
        ++applying;
        REQUIRE(item.prorated.has_value());
        CHECK(item.licensesAfter > item.licensesBefore);
    }
    CHECK(applying <= p.applicable);  // the items are a page of the selection

    auto imported = codec::decodeImportPreview(test::readContract("bulk_import_preview.json"));
    REQUIRE(imported.ok());
    REQUIRE(imported.value().items.size() == 3);
    CHECK(imported.value().items[1].outcome == "invalid");
    CHECK(imported.value().items[2].customerId == 1);

    auto views = codec::decodeSavedViewList(test::readContract("saved_views.json"));
    REQUIRE(views.ok());
    REQUIRE(views.value().items.size() == 2);
    CHECK(views.value().items[0].name == "Große Kunden");
    CHECK(views.value().items[0].columns == std::vector<std::string>{"customer", "licenses", "monthly"});
    CHECK(views.value().items[1].columns.empty());
}

TEST_CASE("a bulk answer of the wrong shape is a bad_response, never a crash") {
    const char* bad[] = {
        "", "[]", R"({"id": 1})",
        R"({"id": 1, "action": "delete_everything", "status": "done", "counts": {"total": 1, "received": 1, "done": 1, "failed": 0, "skipped": 0, "pending": 0}})",
        // counts that do not add up
        R"({"id": 1, "action": "invite", "status": "done", "counts": {"total": 1, "received": 1, "done": 5, "failed": 0, "skipped": 0, "pending": 0}})",
        // a missing row beyond the job
        R"({"id": 1, "action": "invite", "status": "receiving", "missing_rows": [[2, 9]], "counts": {"total": 2, "received": 1, "done": 0, "failed": 0, "skipped": 0, "pending": 1}})",
    };
    for (const char* body : bad) {
        auto r = codec::decodeBulkJob(body);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "bad_response");
    }
    CHECK_FALSE(codec::decodeBulkPreview(R"({"action": "add_licenses", "total": 3, "applicable": 1, "not_applicable": 1})").ok());
    CHECK_FALSE(codec::decodeSavedViewList(R"({"items": [{"id": 0, "name": "x", "shared": false, "mine": true}]})").ok());
}

TEST_CASE("a bulk request names its selection: by filter with the count seen, or by ids") {
    codec::BulkSelection byFilter;
    byFilter.q = "müller";
    byFilter.status = "active";
    byFilter.expectedTotal = 41;
    CHECK(codec::encodeBulkJob(BulkAction::AddLicenses, byFilter, 3) ==
          R"({"action":"add_licenses","expected_total":41,"filter":{"q":"müller","status":"active"},"licenses":3})");
    codec::BulkSelection byIds;
    byIds.byFilter = false;
    byIds.ids = {4, 9};
    CHECK(codec::encodeBulkJob(BulkAction::RevokeInvitations, byIds, 3) == R"({"action":"revoke_invitations","ids":[4,9]})");
    CHECK(codec::encodeBulkPreview(BulkAction::SetLicenses, byIds, 7, 500) ==
          R"({"action":"set_licenses","ids":[4,9],"licenses":7,"limit":500})");
}

TEST_CASE("an import kept in the page's storage reads back, and anything odd is none") {
    codec::KeptImport kept{"key-7", "kunden.csv", 12, {R"({"row":1,"name":"A"})", R"({"row":2,"name":"B"})"}};
    auto back = codec::decodeKeptImport(codec::encodeKeptImport(kept));
    REQUIRE(back.has_value());
    CHECK(back->idempotencyKey == "key-7");
    CHECK(back->jobId == 12);
    REQUIRE(back->rows.size() == 2);
    CHECK(back->rows[0] == R"({"name":"A","row":1})");  // the same object (its keys in JSON's order)
    for (const char* odd : {"", "{}", "[1]", R"({"v": 2, "key": "k", "job": 0, "rows": [{}]})",
                            R"({"v": 1, "key": "", "job": 0, "rows": [{}]})", R"({"v": 1, "key": "k", "job": 0, "rows": []})",
                            R"({"v": 1, "key": "k", "job": 0, "rows": [3]})"})
        CHECK_FALSE(codec::decodeKeptImport(odd).has_value());
}

TEST_CASE("an import's batches stay under the request limit by rows and by bytes") {
    std::vector<std::string> rows(12001, std::string(50, 'x'));
    auto batches = ImportSlice::batches(rows);
    REQUIRE(batches.size() == 3);
    CHECK(batches[0] == std::make_pair<std::size_t, std::size_t>(0, 5000));
    CHECK(batches[2].second == 12001);
    std::vector<std::string> wide(3000, std::string(1000, 'y'));  // ~1 KB a row: bytes decide
    auto byBytes = ImportSlice::batches(wide);
    CHECK(byBytes.size() == 4);
    for (auto [first, last] : byBytes) CHECK((last - first) * 1001 <= ImportSlice::kBatchBytes);
    CHECK(ImportSlice::batches({}).empty());
}

namespace {

std::string csvOf(int rows, int firstBad = 0) {
    std::string csv = "Name;E-Mail;Google-Domain;Organisation\r\n";
    for (int n = 1; n <= rows; ++n) {
        std::string d = "firma-" + std::to_string(n) + ".de";
        csv += (n == firstBad ? std::string() : "Kunde " + std::to_string(n)) + ";it@" + d + ";" + d + ";Firma " +
               std::to_string(n) + " GmbH\r\n";
    }
    return csv;
}

std::string jobJson(int id, const std::string& status, int total, int received, int done, const std::string& missing = "[]") {
    int pending = received - done;
    return "{\"id\": " + std::to_string(id) + ", \"action\": \"invite\", \"status\": \"" + status +
           "\", \"missing_rows\": " + missing + ", \"counts\": {\"total\": " + std::to_string(total) +
           ", \"received\": " + std::to_string(received) + ", \"done\": " + std::to_string(done) +
           ", \"failed\": 0, \"skipped\": 0, \"pending\": " + std::to_string(pending) + "}}";
}

struct ImportFixture : test::Fixture {
    ImportState& s() { return const_cast<ImportState&>(store.state().importer); }
    void choose(const std::string& bytes, const std::string& name = "kunden.csv") {
        store.importer().open();
        store.importer().chooseFile(name, bytes);
    }
};

}  // namespace

TEST_CASE_FIXTURE(ImportFixture, "a chosen file is read at once, its columns guessed and its rows checked by the server") {
    signIn();
    choose(csvOf(3, /*firstBad=*/2));
    REQUIRE(s().phase == ImportPhase::Preview);
    CHECK(s().summary.invite == 2);
    CHECK(s().summary.invalid == 1);
    CHECK(s().checking);
    std::size_t at = transport.last("/bulk-jobs/preview", "POST");
    CHECK(transport.sent[at].request.body.find("\"row\":3") != std::string::npos);
    transport.respond(at, 200, R"({"action": "invite", "items": [{"row": 1, "outcome": "invite", "message": null, "customer_id": null},
        {"row": 2, "outcome": "invalid", "message": "name: Must not be empty.", "customer_id": null},
        {"row": 3, "outcome": "already_customer", "message": "The Google domain firma-3.de already belongs to one of your customers.", "customer_id": 9}]})");
    queue.drain();
    CHECK_FALSE(s().checking);
    CHECK(s().checked == 3);
    CHECK(s().alreadyThere == 1);
    CHECK(s().server[2].customerId == 9);
}

TEST_CASE_FIXTURE(ImportFixture, "a file that cannot be read says why and keeps nothing") {
    signIn();
    std::size_t before = transport.sent.size();
    choose(std::string("\x89PNG\r\n\x1a\n\0\0\0", 11), "logo.png");
    CHECK(s().phase == ImportPhase::Problem);
    CHECK(s().problem == sheet::Problem::Binary);
    CHECK(s().rows.empty());
    store.importer().confirm();
    CHECK(transport.sent.size() == before);  // nothing sent
    choose("");
    CHECK(s().problem == sheet::Problem::Empty);
}

TEST_CASE_FIXTURE(ImportFixture, "confirmed once, rows go out in batches as one job; a double click sends one") {
    signIn();
    choose(csvOf(12000));
    transport.answer("/bulk-jobs/preview", 200, R"({"action": "invite", "items": []})");
    queue.drain();
    transport.answer("/bulk-jobs/preview", 200, R"({"action": "invite", "items": []})");
    queue.drain();
    transport.answer("/bulk-jobs/preview", 200, R"({"action": "invite", "items": []})");
    queue.drain();
    store.importer().confirm();
    store.importer().confirm();
    CHECK(s().phase == ImportPhase::Sending);
    REQUIRE(transport.count("/bulk-jobs", "POST") - transport.count("/bulk-jobs/preview") == 1);
    std::size_t first = transport.last("/bulk-jobs", "POST");
    CHECK(transport.header(first, "Idempotency-Key") == s().idempotencyKey);
    CHECK(transport.sent[first].request.body.find("\"total\":12000") != std::string::npos);
    CHECK(transport.sent[first].request.body.size() < 1024 * 1024);
    queue.drain();
    CHECK(platform.stored.count("bulk-import:1") == 1);  // kept before anything could be lost
    transport.respond(first, 202, jobJson(31, "receiving", 12000, 5000, 0, "[[5001, 12000]]"));
    queue.drain();
    CHECK(s().jobId == 31);
    std::size_t second = transport.last("/bulk-jobs/31/rows", "POST");
    CHECK(transport.sent[second].request.body.find("\"row\":5001") != std::string::npos);
    transport.respond(second, 200, jobJson(31, "receiving", 12000, 10000, 400, "[[10001, 12000]]"));
    queue.drain();
    transport.answer("/bulk-jobs/31/rows", 200, jobJson(31, "running", 12000, 12000, 900));
    queue.drain();
    CHECK(s().rowsSent == 12000);
    CHECK(transport.count("/bulk-jobs/31/rows") == 2);
    // Then the progress is followed until the job ends.
    platform.fireTimers();
    queue.drain();
    transport.answer("/bulk-jobs/31?limit=0", 200, jobJson(31, "done", 12000, 12000, 12000));
    queue.drain();
    CHECK(s().phase == ImportPhase::Finished);
    CHECK(platform.stored.count("bulk-import:1") == 0);
    store.importer().downloadReport(true);
    REQUIRE(platform.downloads.size() == 1);
    CHECK(platform.downloads[0].request.url == "/api/v1/bulk-jobs/31/report.csv?format=excel-de");
}

TEST_CASE_FIXTURE(ImportFixture, "a reload resumes the import at sign-in: only the batches the server lacks go out") {
    signIn();
    choose(csvOf(7000));
    store.importer().confirm();
    queue.drain();
    transport.answer("/bulk-jobs", 202, jobJson(44, "receiving", 7000, 5000, 10, "[[5001, 7000]]"));
    queue.drain();
    std::string kept = platform.stored.at("bulk-import:1");
    // The page reloads before the second batch's answer: a new store, the same page storage.
    test::Fixture again;
    again.platform.stored["bulk-import:1"] = kept;
    again.signIn();  // signing in (a reload's restored session too) resumes it by itself
    again.queue.drain();
    REQUIRE(again.store.state().importer.phase == ImportPhase::Sending);
    again.transport.answer("/bulk-jobs/44?limit=0", 200, jobJson(44, "receiving", 7000, 5000, 20, "[[5001, 7000]]"));
    again.queue.drain();
    std::size_t rows = again.transport.last("/bulk-jobs/44/rows", "POST");
    const std::string& body = again.transport.sent[rows].request.body;
    CHECK(body.find("\"row\":5001") != std::string::npos);
    CHECK(body.find("\"row\":1,") == std::string::npos);  // the first batch is not sent again
    CHECK(again.transport.count("/bulk-jobs", "POST") == 1);  // and no second job
}

TEST_CASE_FIXTURE(ImportFixture, "a lost connection pauses the import and it goes on by itself") {
    signIn();
    choose(csvOf(3));
    store.importer().confirm();
    queue.drain();
    std::size_t first = transport.last("/bulk-jobs", "POST");
    transport.respond(first, 0, "");
    queue.drain();
    CHECK(s().offline);
    CHECK(s().phase == ImportPhase::Sending);
    platform.fireTimers();
    queue.drain();
    std::size_t again = transport.last("/bulk-jobs", "POST");
    CHECK(again != first);
    CHECK(transport.header(again, "Idempotency-Key") == transport.header(first, "Idempotency-Key"));
    transport.respond(again, 202, jobJson(5, "queued", 3, 3, 0));
    queue.drain();
    CHECK_FALSE(s().offline);
    CHECK(s().jobId == 5);
}

TEST_CASE_FIXTURE(ImportFixture, "cancel before the job's first answer cancels the job that answer names") {
    signIn();
    choose(csvOf(3));
    store.importer().confirm();
    store.importer().cancel();
    queue.drain();
    CHECK(transport.count("/cancel") == 0);  // no id yet
    transport.answer("/bulk-jobs", 202, jobJson(8, "queued", 3, 3, 0));
    queue.drain();
    std::size_t cancel = transport.last("/bulk-jobs/8/cancel", "POST");
    transport.respond(cancel, 200, R"({"id": 8, "action": "invite", "status": "cancelled", "counts": {"total": 3, "received": 3, "done": 1, "failed": 0, "skipped": 2, "pending": 0}})");
    queue.drain();
    CHECK(s().phase == ImportPhase::Finished);
    CHECK(s().job->counts.skipped == 2);
    CHECK(platform.stored.count("bulk-import:1") == 0);
}

TEST_CASE_FIXTURE(ImportFixture, "a refused batch stops the import and says why") {
    signIn();
    choose(csvOf(3));
    store.importer().confirm();
    queue.drain();
    transport.answer("/bulk-jobs", 403, R"({"error": {"code": "forbidden", "message": "Needs the Sales or Admin role.", "required_role": ["sales", "admin"]}})");
    queue.drain();
    CHECK(s().phase == ImportPhase::Finished);
    REQUIRE(s().error.has_value());
    CHECK(s().error->code == "forbidden");
    CHECK(platform.stored.count("bulk-import:1") == 0);
}

TEST_CASE_FIXTURE(test::Fixture, "Export CSV downloads what the list shows: its search, status and sort, in the chosen format") {
    signInAs("buyer", "#/customers?q=m%C3%BCller&status=active&sort=-licenses");
    store.customers().exportCsv(/*excelDe=*/true);
    store.customers().exportCsv(/*excelDe=*/true);  // a double click: one download
    REQUIRE(platform.downloads.size() == 1);
    const std::string& url = platform.downloads[0].request.url;
    CHECK(url.find("/customers/export.csv?sort=-licenses") != std::string::npos);
    CHECK(url.find("&q=m%C3%BCller") != std::string::npos);
    CHECK(url.find("&status=active") != std::string::npos);
    CHECK(url.find("&format=excel-de") != std::string::npos);
    CHECK(platform.downloads[0].filename == "customers-excel.csv");
    platform.finishDownload(0, 200);
    queue.drain();
    CHECK_FALSE(store.state().download.loading);
    CHECK(store.state().toasts.back().kind == ToastKind::Success);
    // A search typed but still in its pause is what the field shows: the export takes it.
    CustomerFilter f = store.state().route.customers;
    f.search = "schmidt";
    store.customers().setFilter(f);
    store.customers().exportCsv(/*excelDe=*/false);
    REQUIRE(platform.downloads.size() == 2);
    CHECK(platform.downloads[1].request.url.find("q=schmidt") != std::string::npos);
    CHECK(platform.downloads[1].request.url.find("format=") == std::string::npos);
    CHECK(platform.downloads[1].filename == "customers.csv");
}

TEST_CASE_FIXTURE(test::Fixture, "Export CSV leaves out the columns the reseller hid in the list") {
    signInAs("buyer", "#/customers");
    store.customers().exportCsv(false);
    REQUIRE(platform.downloads.size() == 1);
    CHECK(platform.downloads[0].request.url.find("columns=") == std::string::npos);  // nothing hidden: all
    platform.finishDownload(0, 200);
    queue.drain();
    store.columns().setHidden(Table::Customers, "plan", true);
    store.columns().setHidden(Table::Customers, "monthly", true);
    store.customers().exportCsv(false);
    REQUIRE(platform.downloads.size() == 2);
    CHECK(platform.downloads[1].request.url.find(
              "&columns=name%2Corganization%2Cemail%2Cgoogle_domain%2Cstatus%2Csubscription_status%2Clicenses%2Crenews_at%2Ccreated_at%2Cid")
          != std::string::npos);
    // Every name it can send is one the server knows (CUSTOMER_COLUMNS in customers_csv.py).
    for (const std::string& c : CustomersSlice::exportColumns({"domain", "status", "plan", "licenses", "renewal", "monthly"}))
        CHECK(std::string(" name organization email created_at id ").find(" " + c + " ") != std::string::npos);
}

TEST_CASE_FIXTURE(test::Fixture, "a Viewer cannot export the customer list (export_billing)") {
    signInAs("viewer");
    store.customers().exportCsv(/*excelDe=*/false);
    CHECK(platform.downloads.empty());
    CHECK_FALSE(store.state().download.loading);
}

TEST_CASE_FIXTURE(ImportFixture, "the file picker opens only while the import waits for a file; one too large to read says so") {
    signIn();
    store.importer().browse();
    CHECK(platform.filePickers.empty());  // the dialog is closed
    store.importer().open();
    store.importer().browse();
    REQUIRE(platform.filePickers.size() == 1);
    store.importer().fileTooLarge("riesig.csv");
    CHECK(s().phase == ImportPhase::Problem);
    CHECK(s().problem == sheet::Problem::TooLarge);
    CHECK(s().fileName == "riesig.csv");
    CHECK(transport.count("/bulk-jobs") == 0);
    // A file dropped while rows go out changes nothing.
    choose(csvOf(3));
    store.importer().confirm();
    store.importer().fileTooLarge("other.csv");
    store.importer().chooseFile("other.csv", csvOf(2));
    CHECK(s().phase == ImportPhase::Sending);
    CHECK(s().fileName == "kunden.csv");
}

TEST_CASE_FIXTURE(ImportFixture, "signing out takes the import off the screen; the page keeps it for this account") {
    signIn();
    choose(csvOf(3));
    store.importer().confirm();
    queue.drain();
    REQUIRE(platform.stored.count("bulk-import:1") == 1);
    store.session().ended(/*expired=*/true);
    CHECK(s().phase == ImportPhase::Closed);
    CHECK(platform.stored.count("bulk-import:1") == 1);
}

// --- the customer list's selection and a bulk action over it (BulkSlice)
namespace {

std::string actionJobJson(int id, const std::string& status, int total, int done, int skipped = 0) {
    int pending = total - done - skipped;
    return "{\"id\": " + std::to_string(id) + ", \"action\": \"add_licenses\", \"status\": \"" + status +
           "\", \"licenses\": 3, \"counts\": {\"total\": " + std::to_string(total) + ", \"received\": " + std::to_string(total) +
           ", \"done\": " + std::to_string(done) + ", \"failed\": 0, \"skipped\": " + std::to_string(skipped) +
           ", \"pending\": " + std::to_string(pending) + "}}";
}

struct BulkFixture : test::Fixture {
    const BulkState& b() { return store.state().bulk; }
    // Signed in on the list with its first block in: customers 1..3 of `total`.
    void onList(int total = 40, const std::string& role = "") {
        if (role.empty()) signIn();
        else signInAs(role);
        transport.answer("/customers?", 200, test::page({"Ada Lovelace", "Ben Ames", "Cy Twombly"}, total, "c1"));
        queue.drain();
        REQUIRE(store.state().customers.loaded);
    }
    std::size_t jobPosts() { return transport.count("/bulk-jobs", "POST") - transport.count("/bulk-jobs/preview", "POST"); }
};

}  // namespace

TEST_CASE_FIXTURE(BulkFixture, "customers are picked one by one, a page at a time, or all matching; another search clears them") {
    onList();
    store.bulk().toggle(1);
    store.bulk().selectPage({1, 2, 3}, true);
    CHECK(b().selection.count() == 3);
    store.bulk().toggle(2);
    CHECK(b().selection.count() == 2);
    CHECK_FALSE(b().selection.has(2));
    store.bulk().selectAllMatching();
    CHECK(b().selection.allMatching);
    CHECK(b().selection.count() == 40);  // as many as the list says match, not only those fetched
    store.bulk().selectPage({1, 2, 3}, false);
    CHECK(b().selection.empty());
    store.bulk().toggle(3);
    // The status filter changes: the customers picked under the old one are let go.
    CustomerFilter f = store.state().route.customers;
    f.status = "active";
    store.customers().setFilter(f);
    CHECK(b().selection.empty());
    CHECK(b().selection.status == "active");
}

TEST_CASE_FIXTURE(BulkFixture, "add licenses to all matching: the count checked, the server's preview, one job for a double click, its progress to the end") {
    onList();
    store.bulk().selectAllMatching();
    store.bulk().open(BulkAction::AddLicenses);
    REQUIRE(b().action.phase == BulkPhase::Licenses);
    store.bulk().setLicenses("zwei");
    store.bulk().preview();
    CHECK(b().action.licensesInvalid);
    CHECK(transport.count("/bulk-jobs/preview") == 0);
    store.bulk().setLicenses("3");
    store.bulk().preview();
    REQUIRE(b().action.phase == BulkPhase::Preview);
    std::size_t at = transport.last("/bulk-jobs/preview", "POST");
    const std::string& body = transport.sent[at].request.body;
    CHECK(body.find("\"filter\"") != std::string::npos);  // by filter, never 40 ids
    CHECK(body.find("\"ids\"") == std::string::npos);
    CHECK(body.find("\"expected_total\":40") != std::string::npos);
    CHECK(body.find("\"licenses\":3") != std::string::npos);
    transport.respond(at, 200, test::readContract("bulk_preview.json"));
    queue.drain();
    REQUIRE(b().action.preview.has_value());
    CHECK(b().action.preview->applicable == 5);
    CHECK(b().action.selection.expectedTotal == 9);  // what the preview showed is what is confirmed

    store.bulk().confirm();
    store.bulk().confirm();
    REQUIRE(jobPosts() == 1);
    std::size_t post = transport.last("/bulk-jobs", "POST");
    CHECK(transport.header(post, "Idempotency-Key") == b().action.idempotencyKey);
    CHECK(transport.sent[post].request.body.find("\"expected_total\":9") != std::string::npos);
    transport.respond(post, 202, actionJobJson(12, "running", 9, 2));
    queue.drain();
    CHECK(b().action.phase == BulkPhase::Running);
    CHECK(b().selection.empty());  // the selection did its work
    queue.drain();
    CHECK(platform.stored.at("bulk-job:1") == "12");  // a reload follows it again
    store.bulk().close();
    CHECK(b().action.phase == BulkPhase::Running);  // not closed while it runs
    platform.fireTimers();
    queue.drain();
    transport.answer("/bulk-jobs/12?limit=0", 200, actionJobJson(12, "done", 9, 5, 4));
    queue.drain();
    CHECK(b().action.phase == BulkPhase::Finished);
    CHECK(b().action.job->counts.skipped == 4);
    CHECK(platform.stored.count("bulk-job:1") == 0);
    CHECK(store.state().customers.stale);  // the list shows the new license counts
    store.bulk().downloadReport(false);
    REQUIRE(platform.downloads.size() == 1);
    CHECK(platform.downloads[0].request.url == "/api/v1/bulk-jobs/12/report.csv");
    store.bulk().close();
    CHECK(b().action.phase == BulkPhase::Closed);
}

TEST_CASE_FIXTURE(BulkFixture, "customers picked one by one go as ids; a changed selection is previewed again") {
    onList();
    store.bulk().toggle(2);
    store.bulk().toggle(3);
    store.bulk().open(BulkAction::RevokeInvitations);
    REQUIRE(b().action.phase == BulkPhase::Preview);  // no count to ask: the preview at once
    std::size_t at = transport.last("/bulk-jobs/preview", "POST");
    CHECK(transport.sent[at].request.body.find("\"ids\":[2,3]") != std::string::npos);
    transport.respond(at, 200, R"({"action": "revoke_invitations", "licenses": null, "total": 2, "applicable": 1, "not_applicable": 1,
        "reasons": {"not_invited": 1}, "prorated_amount": {"amount": 0, "currency": "USD"}, "monthly_value_change": {"amount": 0, "currency": "USD"},
        "shown": 2, "items": []})");
    queue.drain();
    REQUIRE(b().action.preview.has_value());
    std::string key = b().action.idempotencyKey;
    store.bulk().confirm();
    transport.answer("/bulk-jobs", 409, R"({"error": {"code": "selection_changed", "message": "The selection changed.", "current_total": 3}})");
    queue.drain();
    REQUIRE(b().action.error.has_value());
    CHECK(b().action.error->code == "selection_changed");
    CHECK(b().action.phase == BulkPhase::Preview);
    CHECK(transport.count("/bulk-jobs/preview") == 2);  // asked again, with a new key for the new proposal
    CHECK(b().action.idempotencyKey != key);
}

TEST_CASE_FIXTURE(BulkFixture, "a reload follows the job again; a Viewer starts none") {
    platform.stored["bulk-job:1"] = "77";
    onList(40, "viewer");
    platform.fireTimers();
    queue.drain();
    REQUIRE(b().action.phase == BulkPhase::Running);
    transport.answer("/bulk-jobs/77?limit=0", 200, actionJobJson(77, "running", 9, 3));
    queue.drain();
    CHECK(b().action.job->counts.done == 3);
    platform.fireTimers();
    queue.drain();
    transport.answer("/bulk-jobs/77?limit=0", 200, actionJobJson(77, "done", 9, 9));
    queue.drain();
    CHECK(b().action.phase == BulkPhase::Finished);
    CHECK(platform.stored.count("bulk-job:1") == 0);
    store.bulk().close();

    store.bulk().toggle(1);
    store.bulk().open(BulkAction::AddLicenses);
    store.bulk().open(BulkAction::ResendInvitations);
    CHECK(b().action.phase == BulkPhase::Closed);
    CHECK(transport.count("/bulk-jobs/preview") == 0);
}

// --- saved views (ViewsSlice)
namespace {
struct ViewsFixture : test::Fixture {
    const SavedViewsState& v() { return store.state().views; }
    void withViews() {
        store.views().load();
        transport.answer("/views", 200, test::readContract("saved_views.json"));
        queue.drain();
        REQUIRE(v().loaded);
    }
};
}  // namespace

TEST_CASE_FIXTURE(ViewsFixture, "a saved view sets the list's search, status, sort and columns and puts its link in the address; another search leaves it") {
    signIn();
    withViews();
    store.views().pick(1);  // "Große Kunden": active, most licenses first, three columns
    CHECK(store.state().route.customers.status == "active");
    CHECK(store.state().route.customers.sort == "-licenses");
    CHECK(store.state().route.view == 1);
    CHECK(v().active == 1);
    CHECK(platform.route.find("view=1") != std::string::npos);
    const auto& hidden = store.state().customerColumns.hidden;
    CHECK(hidden.count("domain") == 1);
    CHECK(hidden.count("renewal") == 1);
    CHECK(hidden.count("licenses") == 0);
    CHECK(hidden.count("monthly") == 0);
    // The reseller searches: the list is no longer the view, and the address stops naming it.
    CustomerFilter f = store.state().route.customers;
    f.search = "Müller";
    store.customers().setFilter(f);
    CHECK(v().active == 0);
    CHECK(store.state().route.view == 0);
    CHECK(platform.route.find("view=") == std::string::npos);
}

TEST_CASE_FIXTURE(ViewsFixture, "a view's link opens the list as the view once the views have arrived") {
    signIn("#/customers?view=2");
    transport.answer("/views", 200, test::readContract("saved_views.json"));
    queue.drain();
    CHECK(v().active == 2);
    CHECK(store.state().route.view == 2);
    CHECK(store.state().route.customers.status == "invited");
}

TEST_CASE_FIXTURE(ViewsFixture, "the list saved under a name once for a double click, renamed and shared, deleted") {
    signIn("#/customers?status=invited&q=Bau");
    withViews();
    store.columns().setHidden(Table::Customers, "plan", true);
    store.views().newView();
    store.views().editForm("Baustellen", true);
    store.views().save({"customer", "domain", "status"});
    store.views().save({"customer", "domain", "status"});
    REQUIRE(transport.count("/views", "POST") == 1);
    std::size_t at = transport.last("/views", "POST");
    const std::string& body = transport.sent[at].request.body;
    CHECK(body.find("\"name\":\"Baustellen\"") != std::string::npos);
    CHECK(body.find("\"shared\":true") != std::string::npos);
    CHECK(body.find("\"q\":\"Bau\"") != std::string::npos);
    CHECK(body.find("\"status\":\"invited\"") != std::string::npos);
    transport.respond(at, 201, R"({"id": 9, "name": "Baustellen", "shared": true, "mine": true, "owner": {"name": "Demo", "email": "demo@reseller.example"},
        "q": "Bau", "status": "invited", "sort": "name", "columns": ["customer", "domain", "status"], "created_at": "2027-02-19T11:00:00Z", "updated_at": "2027-02-19T11:00:00Z"})");
    queue.drain();
    CHECK_FALSE(v().form.open);
    CHECK(v().items.size() == 3);
    CHECK(v().active == 9);
    CHECK(platform.route.find("view=9") != std::string::npos);

    store.views().editView(9);
    store.views().editForm("Baustellen Nord", false);
    store.views().save({});
    std::size_t patch = transport.last("/views/9", "PATCH");
    CHECK(transport.sent[patch].request.body == R"({"name":"Baustellen Nord","shared":false})");
    transport.respond(patch, 200, R"({"id": 9, "name": "Baustellen Nord", "shared": false, "mine": true, "owner": {"name": "Demo", "email": "demo@reseller.example"},
        "q": "Bau", "status": "invited", "sort": "name", "columns": null, "created_at": "2027-02-19T11:00:00Z", "updated_at": "2027-02-19T11:00:00Z"})");
    queue.drain();
    REQUIRE(v().find(9));
    CHECK(v().find(9)->name == "Baustellen Nord");

    store.views().remove(9);
    store.views().remove(9);
    CHECK(transport.count("/views/9", "DELETE") == 1);
    transport.answer("/views/9", 204, "");
    queue.drain();
    CHECK_FALSE(v().find(9));
    CHECK(v().active == 0);
    CHECK(platform.route.find("view=") == std::string::npos);
}
