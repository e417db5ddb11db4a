// Offline use on screen: the notice with the data's time, "Waiting to send" rows with Retry and
// Discard, buttons that need the network saying so, the license dialog's offline order, the
// new-version prompt and the storage note.
#include <doctest/doctest.h>

#include "../core/fake_platform.h"
#include "../core/fake_transport.h"
#include "core/i18n.h"
#include "ui_harness.h"

using namespace rc;

namespace {

const char* kConfig = R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "demo@reseller.example"})";
const char* kSession = R"({"token": "t", "expires_at": "2026-11-27T06:00:00Z", "reseller": {"id": 1, "name": "Northwind Cloud Partners", "email": "demo@reseller.example"}})";
const char* kMe = R"({"id": 1, "name": "Northwind Cloud Partners", "email": "demo@reseller.example"})";

struct Console {
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    Store store{transport, platform};
    test::UiHarness ui{store, queue};

    explicit Console(const std::string& hash = "#/customers") {
        setLanguage(Language::English);
        store.start("config.json", hash);
        transport.respond(0, 200, kConfig);
        ui.frame(4);
        ui.click("Demo sign-in", "button");
        transport.answer("/auth/demo", 200, kSession);
        ui.frame(2);
        REQUIRE(store.state().phase == Phase::SignedIn);
    }

    // The customers load while online (kept), then the network goes.
    void customersThenOffline() {
        transport.answer("/customers?", 200, test::readContract("customers_page.json"));
        ui.frame(2);
        store.customers().reload();
        transport.answer("/customers?", 0, "");
        ui.frame(3);
        REQUIRE(store.offline().isOffline());
    }
};

}  // namespace

TEST_CASE("offline: a calm notice with the data's time, the list still there, and Retry asks the server") {
    Console c;
    c.customersThenOffline();
    // 08:02 UTC is 09:02 for this reseller (UTC+1).
    CHECK(c.ui.has("Offline — showing data from 09:02", "notice"));
    CHECK(c.ui.has("Manage", "button"));
    bool toast = false;
    for (const auto& it : c.ui.items()) toast = toast || it.kind == "toast";
    CHECK_FALSE(toast);
    std::size_t before = c.transport.count("/me");
    c.ui.click("Retry", "button");
    CHECK(c.transport.count("/me") == before + 1);
    c.transport.answer("/me", 200, kMe);
    c.ui.frame(3);
    CHECK_FALSE(c.ui.has("Offline — showing data from 09:02", "notice"));

    setLanguage(Language::German);
    c.store.customers().reload();
    c.transport.answer("/customers?", 0, "");
    c.ui.frame(3);
    CHECK(c.ui.has("Offline – Stand der Daten: 09:02", "notice"));
    setLanguage(Language::English);
}

TEST_CASE("an invitation made offline waits in the list; a refused one shows why, with Retry and Discard") {
    Console c;
    c.customersThenOffline();
    c.ui.click("+  New customer", "button");
    c.ui.typeText("Zoë Harper");
    c.store.newCustomer().edit("Zoë Harper", "zoe@harper.example", "harper.example", "Harper Café");
    c.ui.frame(2);
    c.ui.click("Send invitation", "button");
    c.ui.frame(3);
    CHECK(c.ui.has("Zoë Harper", "cell"));
    CHECK(c.ui.has("Waiting to send", "badge"));
    CHECK(c.ui.has("Offline — showing data from 09:02  ·  1 change waiting to send", "notice"));

    // Back: sent; the server refuses it; the row says so and offers Retry and Discard.
    c.ui.click("Retry", "button");
    c.transport.answer("/me", 200, kMe);
    c.ui.frame(2);
    c.transport.respond(c.transport.last("/api/v1/customers", "POST"), 409,
                        R"({"error": {"code": "domain_taken", "message": "A customer with this Google domain already exists."}})");
    c.ui.frame(3);
    CHECK(c.ui.has("Not sent", "badge"));
    CHECK(c.ui.has("This Google domain already belongs to a customer.", "alert"));
    CHECK(c.ui.has("Retry", "button"));
    c.ui.click("Discard", "button");
    c.ui.frame(2);
    CHECK_FALSE(c.ui.has("Zoë Harper", "cell"));
    CHECK(c.store.state().offline.outbox.empty());
}

TEST_CASE("offline on a customer's page: plan, cancel, resend and PDF say they need the network; licenses can wait") {
    Console c("#/customers/1");
    c.transport.answer("/customers/1", 200, test::readContract("customer.json"));
    c.transport.answer("/plans", 200, test::readContract("plans.json"));
    c.ui.frame(3);
    c.store.customerPage().reload();
    c.transport.answer("/customers/1", 0, "");
    c.ui.frame(3);
    REQUIRE(c.store.offline().isOffline());
    CHECK(c.ui.has("Needs a connection — you are offline.", "note"));
    std::size_t opened = c.transport.sent.size();
    c.ui.click("Upgrade plan", "button");
    CHECK_FALSE(c.store.state().customer.plan.open);
    c.ui.click("Cancel subscription", "button");
    CHECK_FALSE(c.store.state().customer.cancel.open);
    CHECK(c.transport.sent.size() == opened);

    c.ui.click("Add licenses", "button");
    REQUIRE(c.store.state().customer.licenses.open);
    c.ui.click("+", "button");
    c.transport.answer("license-orders/preview", 0, "");
    c.ui.frame(3);
    CHECK(c.ui.has("You are offline. The order is sent, and priced by the server, when you are back online.", "text"));
    c.ui.click("Order when back online", "button");
    c.ui.frame(3);
    CHECK_FALSE(c.store.state().customer.licenses.open);
    int before = c.store.state().customer.customer->subscription->licenses;
    CHECK(c.ui.has(std::to_string(before + 1) + " licenses (now " + std::to_string(before) + ")", "text"));
    CHECK(c.ui.has("Waiting to send", "badge"));
}

TEST_CASE("a new version: the notice offers Reload; storage trouble: a note that can be dismissed") {
    Console c;
    c.platform.storageMode = test::FakePlatform::StorageMode::Unavailable;
    c.transport.answer("/customers?", 200, test::readContract("customers_page.json"));
    c.ui.frame(3);
    CHECK(c.ui.has(tr(Text::StorageUnavailable), "notice"));
    CHECK(c.ui.has("Manage", "button"));  // online, everything works
    c.ui.click("Dismiss", "button");
    CHECK_FALSE(c.ui.has(tr(Text::StorageUnavailable), "notice"));

    c.store.offline().setUpdateReady();
    c.ui.frame(2);
    CHECK(c.ui.has("A new version is ready", "notice"));
    c.ui.click("Reload", "button");
    CHECK(c.platform.updatesApplied == 1);
    // Also before anyone signs in; the offline notices are about a reseller's data and stay away.
    c.store.session().signOut();
    c.ui.frame(3);
    CHECK(c.ui.has("Demo sign-in", "button"));
    CHECK(c.ui.has("A new version is ready", "notice"));
    CHECK_FALSE(c.ui.has(tr(Text::StorageUnavailable), "notice"));
    c.ui.click("Reload", "button");
    CHECK(c.platform.updatesApplied == 2);
}
