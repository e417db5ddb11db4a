// Bulk work on screen (issue 19): the customer list's Import opens the import dialog; a file's
// rows are previewed with what will happen to each, Invite sends them once as a job, and the
// progress and report follow; a file that cannot be read says why and changes nothing.
#include <doctest/doctest.h>

#include "../core/fake_platform.h"
#include "../core/fake_transport.h"
#include "core/i18n.h"
#include "ui_harness.h"

using namespace rc;

namespace {

const char* kConfig = R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "demo@reseller.example"})";

struct Console {
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    Store store{transport, platform};
    test::UiHarness ui;

    explicit Console(float width = 1280, float height = 800) : ui(store, queue, width, height) {
        setLanguage(Language::English);
        store.start("config.json", "#/customers");
        transport.respond(0, 200, kConfig);
        ui.frame(4);
        ui.click("Demo sign-in", "button");
        transport.answer("/auth/demo", 200, test::readContract("auth_demo.json"));
        ui.frame(2);
        REQUIRE(store.state().phase == Phase::SignedIn);
        transport.answer("v1/me", 200, test::readContract("me.json"));
        transport.answer("/customers?", 200, test::readContract("customers_page.json"));
        ui.frame(3);
    }
};

// Two good rows, one without a name, one repeating the first's domain.
const char* kFile =
    "Name;E-Mail;Google-Domain;Organisation\r\n"
    "Jana Hartmann;jana@hartmann-it.de;hartmann-it.de;Hartmann IT GmbH\r\n"
    ";it@ohne-name.de;ohne-name.de;Ohne Name KG\r\n"
    "Tom Fischer;tom@fischer-bau.de;fischer-bau.de;Fischer Bau AG\r\n"
    "Jana H.;jana2@hartmann-it.de;hartmann-it.de;Hartmann IT GmbH\r\n";

}  // namespace

TEST_CASE("Import: choose a file, see every row's outcome, invite once, follow the job to its report") {
    Console c;
    c.ui.click("Import", "button");
    REQUIRE(c.store.state().importer.phase == ImportPhase::Choose);
    CHECK(c.ui.has("Import customers", "heading"));
    c.ui.click("Choose file…", "button");
    REQUIRE(c.platform.filePickers.size() == 1);
    CHECK(c.platform.filePickers[0].find(".csv") != std::string::npos);

    c.store.importer().chooseFile("kunden.csv", kFile);
    c.transport.answer("/bulk-jobs/preview", 200, R"({"items": [{"row": 3, "outcome": "already_customer", "message": "", "customer_id": 4}]})");
    c.ui.frame(3);
    REQUIRE(c.store.state().importer.phase == ImportPhase::Preview);
    CHECK(c.ui.has("Jana Hartmann", "cell"));
    CHECK(c.ui.has("Error: Contact name: This field is required.", "cell"));
    CHECK(c.ui.has("Duplicate of row 1", "cell"));
    CHECK(c.ui.has("Already a customer", "cell"));
    CHECK(c.ui.has("Invite", "cell"));
    // Guessed from the German header: each field says its column.
    CHECK(c.ui.has("E-Mail  \xef\x83\x97", "button"));
    // Two rows pass the file's checks; the server says one of them is a customer already.
    REQUIRE(c.ui.has("Invite 1 customer", "button"));
    c.ui.doubleClick("Invite 1 customer", "button");
    c.ui.frame(2);
    std::size_t posts = 0;
    for (const auto& s : c.transport.sent) {
        const std::string& url = s.request.url;
        if (s.request.method == "POST" && url.size() >= 10 && url.compare(url.size() - 10, 10, "/bulk-jobs") == 0) ++posts;
    }
    CHECK(posts == 1);  // a double click sends one job
    REQUIRE(c.store.state().importer.phase == ImportPhase::Sending);
    c.transport.answer("/bulk-jobs", 202, R"({"id": 5, "action": "invite", "status": "running", "missing_rows": [],
        "counts": {"total": 4, "received": 4, "done": 1, "failed": 0, "skipped": 0, "pending": 3}})");
    c.ui.frame(2);
    CHECK(c.ui.has("1 of 4 rows done", "status"));
    CHECK(c.ui.has("Stop import", "button"));
    // Stop is drawn where Invite was: a click on it this soon (a double click's second one, on a
    // slow machine) stops nothing.
    c.ui.click("Stop import", "button");
    CHECK_FALSE(c.store.state().importer.cancelling);
    c.platform.fireTimers();
    c.ui.frame(1);
    c.transport.answer("/bulk-jobs/5", 200, R"({"id": 5, "action": "invite", "status": "done", "missing_rows": [],
        "counts": {"total": 4, "received": 4, "done": 1, "failed": 2, "skipped": 1, "pending": 0}})");
    c.ui.frame(3);
    REQUIRE(c.store.state().importer.phase == ImportPhase::Finished);
    CHECK(c.ui.has("Import finished"));
    CHECK(c.ui.has("4 of 4 rows done", "status"));
    c.ui.click("Download report (CSV)", "button");
    REQUIRE(c.platform.downloads.size() == 1);
    CHECK(c.platform.downloads[0].request.url.find("/bulk-jobs/5/report.csv") != std::string::npos);
    c.ui.click("Close", "button");
    CHECK(c.store.state().importer.phase == ImportPhase::Closed);
}

TEST_CASE("Import: a file that cannot be read, or one too large to read, says why and changes nothing") {
    Console c;
    c.ui.click("Import", "button");
    c.store.importer().chooseFile("bild.csv", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    c.ui.frame(2);
    CHECK(c.ui.has("This is not a text file. Save the spreadsheet as CSV and choose that file."));
    CHECK(c.ui.has("Nothing was imported."));
    c.store.importer().fileTooLarge("riesig.csv");
    c.ui.frame(2);
    CHECK(c.ui.has("This file is larger than 20 MB. Split it into smaller files."));
    CHECK(c.transport.count("/bulk-jobs") == 0);
    c.ui.click("Choose another file…", "button");
    CHECK(c.platform.filePickers.size() == 1);
    c.ui.click("Cancel", "button");
    CHECK(c.store.state().importer.phase == ImportPhase::Closed);
}

TEST_CASE("Import: Stop stops the job once it has been on screen longer than a double click") {
    Console c;
    c.ui.click("Import", "button");
    c.store.importer().chooseFile("kunden.csv", kFile);
    c.transport.answer("/bulk-jobs/preview", 200, R"({"items": []})");
    c.ui.frame(3);
    REQUIRE(c.store.state().importer.phase == ImportPhase::Preview);
    c.ui.click("Invite 2 customers", "button");
    c.transport.answer("/bulk-jobs", 202, R"({"id": 5, "action": "invite", "status": "running", "missing_rows": [],
        "counts": {"total": 4, "received": 4, "done": 0, "failed": 0, "skipped": 0, "pending": 4}})");
    c.ui.frame(40);  // two thirds of a second
    c.ui.click("Stop import", "button");
    CHECK(c.store.state().importer.cancelling);
}

TEST_CASE("Bulk action: its progress is the import's (one kit part): N of M, Stop needs the connection, then Report and Close") {
    Console c;
    c.store.bulk().toggle(2);
    c.store.bulk().open(BulkAction::RevokeInvitations);
    c.transport.answer("/bulk-jobs/preview", 200, R"({"action": "revoke_invitations", "licenses": null, "total": 1, "applicable": 1,
        "not_applicable": 0, "reasons": {}, "prorated_amount": {"amount": 0, "currency": "USD"},
        "monthly_value_change": {"amount": 0, "currency": "USD"}, "shown": 0, "items": []})");
    c.ui.frame(3);
    REQUIRE(c.store.state().bulk.action.phase == BulkPhase::Preview);
    c.ui.click("Revoke 1 invitations", "button");
    c.transport.answer("/bulk-jobs", 202, R"({"id": 12, "action": "revoke_invitations", "status": "running",
        "counts": {"total": 1, "received": 1, "done": 0, "failed": 0, "skipped": 0, "pending": 1}})");
    c.ui.frame(40);  // two thirds of a second: Stop has settled where the confirmation was
    CHECK(c.ui.has("0 of 1 customers done", "status"));
    CHECK(c.ui.has("Done: 0 · Failed: 0 · Skipped: 0"));
    CHECK(c.ui.has("The job runs on the server: you can close this page and come back to its progress."));
    // The connection goes while it is followed: it says so, and Stop (which needs the server) is off.
    c.platform.fireTimers();
    c.ui.frame(1);
    c.transport.answer("/bulk-jobs/12", 0, "");
    c.ui.frame(3);
    REQUIRE(c.store.state().bulk.action.offline);
    CHECK(c.ui.has("The connection is gone. The job goes on on the server; its progress shows again when the connection is back."));
    auto stop = c.ui.find("Stop", "button");
    REQUIRE(stop.has_value());
    CHECK(stop->disabled);
    c.ui.click("Stop", "button");
    CHECK_FALSE(c.store.state().bulk.action.cancelling);
    // Back, and done: how it ended, the report, Close.
    c.platform.fireTimers();
    c.ui.frame(1);
    c.transport.answer("/bulk-jobs/12", 200, R"({"id": 12, "action": "revoke_invitations", "status": "done",
        "counts": {"total": 1, "received": 1, "done": 1, "failed": 0, "skipped": 0, "pending": 0}})");
    c.ui.frame(3);
    REQUIRE(c.store.state().bulk.action.phase == BulkPhase::Finished);
    CHECK(c.ui.has("Finished"));
    CHECK(c.ui.has("1 of 1 customers done", "status"));
    CHECK_FALSE(c.ui.has("Stop", "button"));
    c.ui.click("Download report (CSV)", "button");
    REQUIRE(c.platform.downloads.size() == 1);
    CHECK(c.platform.downloads[0].request.url.find("/bulk-jobs/12/report.csv") != std::string::npos);
    c.ui.click("Close", "button");
    CHECK(c.store.state().bulk.action.phase == BulkPhase::Closed);
}

TEST_CASE("Tablet: a row's checkbox takes a click anywhere in its cell (32 px and more, 44 on touch); a near miss opens no customer") {
    Console c(768, 1024);
    auto box = c.ui.find("Select Emily Clarke", "checkbox");
    REQUIRE(box.has_value());
    CHECK(box->w >= 32);
    CHECK(box->w <= 40);  // the column is no wider than its 38 px
    CHECK(box->h >= 44);
    // Near the cell's corner, well off the 20 px box drawn in its middle: it ticks, nothing opens.
    float cx = box->x + box->w * 0.5f, cy = box->y + box->h * 0.5f;
    c.ui.mouseDrag(cx - 14, cy - 20, cx - 14, cy - 20, 1);
    c.ui.frame(2);
    CHECK(c.store.state().bulk.selection.count() == 1);
    CHECK(c.store.state().route.screen == Screen::Customers);
    // A touch screen: the column is a finger wide, no wider.
    c.ui.touchScreen(true);
    c.ui.frame(3);
    box = c.ui.find("Select Emily Clarke", "checkbox");
    REQUIRE(box.has_value());
    CHECK(box->w >= 44);
    CHECK(box->w <= 46);
    CHECK(box->h >= 44);
    cx = box->x + box->w * 0.5f, cy = box->y + box->h * 0.5f;
    c.ui.touchDrag(cx + 19, cy + 22, cx + 19, cy + 22, 1);
    c.ui.frame(2);
    CHECK(c.store.state().bulk.selection.count() == 0);
    CHECK(c.store.state().route.screen == Screen::Customers);
    auto page = c.ui.find("Select all on this page", "checkbox");
    REQUIRE(page.has_value());
    CHECK(page->w >= 44);
    CHECK(page->h >= 44);
}
