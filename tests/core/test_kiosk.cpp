// Kiosk mode in the store: it signs in to the demo account by itself, asks "Still there?"
// after the idle time, starts over for the next visitor (dialogs closed, typed text gone, the
// dashboard, the server asked to restore the demo data), drops every answer to what the last
// visitor asked, and refreshes a screen nobody touches on its timer.
#include <doctest/doctest.h>

#include "core/codec.h"
#include "core/kiosk.h"
#include "core/store.h"
#include "fake_platform.h"
#include "fake_transport.h"

using namespace rc;

namespace {

const char* kKioskConfig = R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true,
  "demo_email": "demo@reseller.example", "kiosk": {"enabled": true, "idle_seconds": 120, "reset_every_minutes": 30}})";
const char* kSession = R"({"token": "tok-1", "expires_at": "2026-11-27T06:00:00Z", "reseller": {"id": 1, "name": "Northwind", "email": "demo@reseller.example"}})";

struct Kiosk {
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    Store store{transport, platform};

    // Boots as a kiosk at `hash`; it signs in by itself.
    void boot(const std::string& hash = "") {
        store.start("config.json", hash);
        transport.respond(0, 200, kKioskConfig);
        queue.drain();
        REQUIRE(transport.count("/auth/demo") == 1);
        transport.answer("/auth/demo", 200, kSession);
        queue.drain();
        REQUIRE(store.state().phase == Phase::SignedIn);
    }

    void after(double seconds) {
        platform.clock += seconds;
        store.kiosk().tick();
        queue.drain();
    }

    // A visitor on customer 7's page, everything loaded.
    void onCustomer() {
        store.kiosk().input();
        Route r;
        r.screen = Screen::Customer;
        r.customerId = 7;
        store.navigate(r);
        transport.answer("/customers/7", 200, test::readContract("customer.json"));
        transport.answer("/plans", 200, test::readContract("plans.json"));
        queue.drain();
        REQUIRE(store.state().customer.customer.has_value());
    }
};

}  // namespace

TEST_CASE("kiosk rules: ask after the idle time, start over 10 seconds later, refresh an untouched screen on the timer") {
    KioskConfig config;
    config.enabled = true;
    config.idleSeconds = 120;
    config.resetEveryMinutes = 30;
    KioskState s;
    s.enabled = true;
    s.lastStart = s.lastInput = 1000;
    // Untouched since it started: nothing to ask; fresh data after 30 minutes.
    CHECK(kioskStepDue(s, config, 1000 + 500) == KioskStep::Nothing);
    CHECK(kioskNextCheck(s, config, 1500) == doctest::Approx(1000 + 1800));
    CHECK(kioskStepDue(s, config, 1000 + 1800) == KioskStep::StartOver);
    // Somebody used it: the question comes 120 s after the last touch, not before.
    s.usedSinceStart = true;
    s.lastInput = 2000;
    CHECK(kioskStepDue(s, config, 2119) == KioskStep::Nothing);
    CHECK(kioskNextCheck(s, config, 2119) == doctest::Approx(2120));
    CHECK(kioskStepDue(s, config, 2120) == KioskStep::AskStillThere);
    // While it asks: a tick every second for the countdown, and the start-over at 10 s.
    s.noticeSince = 2120;
    CHECK(kioskSecondsLeft(s, 2120) == 10);
    CHECK(kioskSecondsLeft(s, 2120.5) == 10);
    CHECK(kioskSecondsLeft(s, 2129.2) == 1);
    CHECK(kioskNextCheck(s, config, 2120.4) == doctest::Approx(2121));
    CHECK(kioskNextCheck(s, config, 2129.5) == doctest::Approx(2130));
    CHECK(kioskStepDue(s, config, 2129.9) == KioskStep::Nothing);
    CHECK(kioskStepDue(s, config, 2130) == KioskStep::StartOver);
    // While the server restores, nothing else happens; without the timer, an untouched screen stays.
    s.restoring = true;
    CHECK(kioskStepDue(s, config, 9999) == KioskStep::Nothing);
    s = KioskState{};
    s.enabled = true;
    config.resetEveryMinutes = 0;
    CHECK(kioskStepDue(s, config, 1e9) == KioskStep::Nothing);
    CHECK(kioskNextCheck(s, config, 1e9) == 0);
    s.enabled = false;
    s.usedSinceStart = true;
    CHECK(kioskStepDue(s, config, 1e9) == KioskStep::Nothing);
}

TEST_CASE("config.json's kiosk settings are read, and odd values fall back to safe defaults") {
    auto c = codec::decodeConfig(kKioskConfig);
    REQUIRE(c.ok());
    CHECK(c.value().kiosk.enabled);
    CHECK(c.value().kiosk.idleSeconds == 120);
    CHECK(c.value().kiosk.resetEveryMinutes == doctest::Approx(30));
    auto odd = codec::decodeConfig(R"({"api_base_url": "/api/v1", "kiosk": {"enabled": "yes", "idle_seconds": 3, "reset_every_minutes": -5}})");
    REQUIRE(odd.ok());
    CHECK_FALSE(odd.value().kiosk.enabled);
    CHECK(odd.value().kiosk.idleSeconds == 120);
    CHECK(odd.value().kiosk.resetEveryMinutes == 0);
    auto none = codec::decodeConfig(R"({"api_base_url": "/api/v1"})");
    REQUIRE(none.ok());
    CHECK_FALSE(none.value().kiosk.enabled);
}

TEST_CASE("a kiosk signs in to the demo account by itself, on the dashboard, and cannot sign out") {
    Kiosk k;
    k.boot();
    CHECK(k.platform.kioskModes == 1);
    CHECK(k.transport.sent[1].request.body.find("demo@reseller.example") != std::string::npos);
    CHECK(k.store.state().route.screen == Screen::Dashboard);
    CHECK(k.transport.count("/dashboard") == 1);
    k.store.session().signOut();
    CHECK(k.store.state().phase == Phase::SignedIn);
    CHECK(k.transport.count("/auth/logout") == 0);
}

TEST_CASE("a kiosk whose session ends signs in again by itself and stays on the same screen") {
    Kiosk k;
    k.boot("#/invoices");
    k.transport.answer("/invoices", 401, R"({"error": {"code": "session_expired", "message": "Expired."}})");
    k.queue.drain();
    CHECK(k.transport.count("/auth/demo") == 2);
    k.transport.answer("/auth/demo", 200, kSession);
    k.queue.drain();
    CHECK(k.store.state().phase == Phase::SignedIn);
    CHECK(k.store.state().route.screen == Screen::Invoices);
}

TEST_CASE("after the idle time the kiosk asks, a touch keeps everything, and silence starts over") {
    Kiosk k;
    k.boot();
    k.onCustomer();
    k.store.subscription().openCancel();
    k.store.subscription().editCancel("half-typed", "now", "A visitor's reason");
    k.after(119);
    CHECK(k.store.state().kiosk.noticeSince == 0);
    k.after(1);
    REQUIRE(k.store.state().kiosk.noticeSince > 0);
    // A touch: the visitor is still there, nothing is lost.
    k.store.kiosk().input();
    CHECK(k.store.state().kiosk.noticeSince == 0);
    CHECK(k.store.state().customer.cancel.typedDomain == "half-typed");
    k.after(120);
    REQUIRE(k.store.state().kiosk.noticeSince > 0);
    k.after(9.5);
    CHECK(k.transport.count("/kiosk/reset") == 0);
    k.after(0.5);
    // Started over: the dialog and what was typed are gone, back on the dashboard, the server asked.
    const AppState& st = k.store.state();
    CHECK(st.kiosk.startOvers == 1);
    CHECK(st.kiosk.noticeSince == 0);
    CHECK_FALSE(st.customer.cancel.open);
    CHECK(st.customer.cancel.typedDomain.empty());
    CHECK_FALSE(st.customer.customer.has_value());
    CHECK(st.route.screen == Screen::Dashboard);
    CHECK(k.platform.route == "#/dashboard");
    REQUIRE(k.transport.count("/kiosk/reset", "POST") == 1);
    // The dashboard waits for the restored data rather than showing the last visitor's.
    std::size_t dashboardsBefore = k.transport.count("/dashboard");
    k.queue.drain();
    CHECK(k.transport.count("/dashboard") == dashboardsBefore);
    CHECK(st.dashboard.remote.loading);
    k.transport.answer("/kiosk/reset", 200, R"({"restored_at": "2026-11-26T10:00:00Z", "snapshot_taken_at": "2026-11-26T09:00:00Z"})");
    k.queue.drain();
    CHECK(k.transport.count("/dashboard") == dashboardsBefore + 1);
    CHECK_FALSE(k.store.state().kiosk.restoring);
    // Nobody touched it since: no question, and (30 min timer) a fresh start later.
    k.after(600);
    CHECK(k.store.state().kiosk.noticeSince == 0);
    CHECK(k.transport.count("/kiosk/reset") == 1);
    k.after(1200);
    CHECK(k.transport.count("/kiosk/reset") == 2);
    CHECK(k.store.state().kiosk.noticeSince == 0);
}

TEST_CASE("a start-over while a request is on its way: its answer is ignored, nothing half-applied") {
    Kiosk k;
    k.boot();
    k.onCustomer();
    k.store.subscription().openLicenseOrder();
    k.store.subscription().setLicenseTarget(k.store.state().customer.customer->subscription->licenses + 5);
    k.transport.answer("/license-orders/preview", 200, test::readContract("license_order_preview.json"));
    k.queue.drain();
    k.store.subscription().requestOrderConfirmation();
    k.store.subscription().placeLicenseOrder();
    REQUIRE(k.transport.count("/license-orders", "POST") == 2);
    // The customers list and the invoice are still loading for the visitor too.
    Route r;
    r.screen = Screen::Customers;
    k.store.navigate(r);
    k.store.kiosk().startOver();
    REQUIRE(k.transport.count("/kiosk/reset") == 1);
    // The order's answer lands after the start-over: no toast, no subscription, no reload.
    std::size_t before = k.transport.sent.size();
    k.transport.answer("/subscription/license-orders", 201, test::readContract("license_order.json"));
    k.transport.answer("/customers?", 200, R"({"items": [], "total": 0, "next_cursor": null})");
    k.queue.drain();
    const AppState& st = k.store.state();
    CHECK(st.toasts.empty());
    CHECK_FALSE(st.customer.customer.has_value());
    CHECK_FALSE(st.customer.licenses.open);
    CHECK_FALSE(st.customers.loaded);
    CHECK(k.transport.sent.size() == before);  // nothing asked again because of it
    CHECK(st.route.screen == Screen::Dashboard);
    k.transport.answer("/kiosk/reset", 200, "{}");
    k.queue.drain();
    CHECK(k.transport.count("/dashboard") >= 2);
}

TEST_CASE("a reset the server refuses is said in a toast, and the console carries on") {
    Kiosk k;
    k.boot();
    k.store.kiosk().startOver();
    k.transport.answer("/kiosk/reset", 404, R"({"error": {"code": "not_found", "message": "There is no such API endpoint."}})");
    k.queue.drain();
    REQUIRE(k.store.state().toasts.size() == 1);
    CHECK(k.store.state().toasts[0].kind == ToastKind::Error);
    CHECK_FALSE(k.store.state().kiosk.restoring);
    CHECK(k.store.state().phase == Phase::SignedIn);
}

TEST_CASE("a reset that finds the session ended signs in again, then restores the demo data") {
    Kiosk k;
    k.boot();
    k.store.kiosk().startOver();
    k.transport.answer("/kiosk/reset", 401, R"({"error": {"code": "session_expired", "message": "Expired."}})");
    k.queue.drain();
    k.transport.answer("/auth/demo", 200, kSession);
    k.queue.drain();
    k.after(0);
    CHECK(k.transport.count("/kiosk/reset") == 2);
}

TEST_CASE("the invitation page opens in the kiosk's window with the way back to the customer") {
    Kiosk k;
    k.boot();
    std::string invited = test::readContract("customer.json");
    invited.replace(invited.find("\"url\": null"), 11, "\"url\": \"http://kiosk.test/invite/tok123\"");
    k.store.kiosk().input();
    Route r;
    r.screen = Screen::Customer;
    r.customerId = 7;
    k.store.navigate(r);
    k.transport.answer("/customers/7", 200, invited);
    k.queue.drain();
    k.store.kiosk().openInvitationPage();
    REQUIRE(k.platform.openedPages.size() == 1);
    CHECK(k.platform.openedPages[0].rfind("http://kiosk.test/invite/tok123?back=%23%2Fcustomers%2F", 0) == 0);
}

TEST_CASE("without kiosk settings nothing of this happens") {
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    Store store{transport, platform};
    store.start("config.json", "");
    transport.respond(0, 200, R"({"api_base_url": "/api/v1", "demo_sign_in": true, "demo_email": "demo@reseller.example"})");
    queue.drain();
    CHECK(store.state().phase == Phase::SignedOut);
    CHECK(transport.count("/auth/demo") == 0);
    CHECK(platform.kioskModes == 0);
    platform.clock += 100000;
    CHECK(store.kiosk().tick() == 0);
    store.kiosk().startOver();
    CHECK(transport.count("/kiosk/reset") == 0);
}

TEST_CASE("table columns: widths and hidden columns are kept on the device and read back at start") {
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    {
        Store store{transport, platform};
        store.start("config.json", "");
        store.columns().setWidth(Table::Customers, "domain", 310);
        store.columns().setHidden(Table::Customers, "plan", true);
        store.columns().setHidden(Table::Invoices, "due", true);
        store.columns().setWidth(Table::Customers, "status", -5);  // nonsense is ignored
        CHECK(store.state().customerColumns.widths.size() == 1);
    }
    Store again{transport, platform};
    again.start("config.json", "");
    CHECK(again.state().customerColumns.widths.at("domain") == doctest::Approx(310));
    CHECK(again.state().customerColumns.hidden.count("plan") == 1);
    CHECK(again.state().invoiceColumns.hidden.count("due") == 1);
    again.columns().setHidden(Table::Customers, "plan", false);
    again.columns().reset(Table::Invoices);
    Store third{transport, platform};
    third.start("config.json", "");
    CHECK(third.state().customerColumns.hidden.empty());
    CHECK(third.state().invoiceColumns == TableColumns{});
    // Whatever a browser extension left in storage decodes as no preferences, not a crash.
    CHECK(codec::decodeTableColumns("{\"widths\": {\"a\": \"wide\", \"b\": 1e9}, \"hidden\": [1, {}]}") == TableColumns{});
    CHECK(codec::decodeTableColumns("not json") == TableColumns{});
}
