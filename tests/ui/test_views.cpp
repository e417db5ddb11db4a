#include <doctest/doctest.h>

#include "../core/fake_transport.h"
#include "core/i18n.h"
#include "imgui.h"
#include "ui_harness.h"

using namespace rc;

namespace {

const char* kConfig = R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "demo@reseller.example"})";
const char* kConfigNoDemo = R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": false, "demo_email": ""})";
const char* kSession = R"({"token": "t", "expires_at": "2026-11-27T06:00:00Z", "reseller": {"id": 1, "name": "Northwind Cloud Partners", "email": "demo@reseller.example"}})";
const char* kPage = R"({"items": [
  {"id": 1, "name": "Jürgen Müller", "email": "j@mueller-bau.de", "google_domain": "mueller-bau.de", "organization": "Müller Bau GmbH",
   "status": "active", "created_at": "2026-01-01T00:00:00Z", "invitation": null,
   "subscription": {"id": 1, "plan": "professional", "billing_cycle": "flexible", "licenses": 12, "status": "active",
     "started_at": "2026-01-01T00:00:00Z", "term_start": "2026-11-01", "term_end": "2026-11-30", "renews_at": "2026-12-01",
     "auto_renew": true, "unit_price": {"amount": 103, "currency": "USD"}, "recurring_amount": {"amount": 1236, "currency": "USD"},
     "monthly_value": {"amount": 1236, "currency": "USD"}}},
  {"id": 2, "name": "Sarah O'Brien", "email": "sarah@brightleaf.io", "google_domain": "brightleaf.io", "organization": "Brightleaf Studio",
   "status": "invited", "created_at": "2026-11-20T00:00:00Z",
   "invitation": {"status": "pending", "url": "http://x/invite/abc", "sent_at": "2026-11-20T00:00:00Z", "expires_at": "2026-12-04T00:00:00Z", "accepted_at": null},
   "subscription": null}], "total": 2, "next_cursor": null})";

struct Console {
    MainQueue queue;
    test::FakeTransport transport{queue};
    Store store{transport};
    test::UiHarness ui{store, queue};

    Console(const char* config = kConfig) {
        setLanguage(Language::English);
        store.start("config.json");
        transport.respond(0, 200, config);
        ui.frame(4);  // the sign-in card measures itself, then centres
    }
};

}  // namespace

TEST_CASE("the sign-in screen offers demo sign-in and a disabled Google button") {
    Console c;
    auto google = c.ui.find(std::string("\xef\x86\xa0  Sign in with Google"), "button");
    REQUIRE(google.has_value());
    CHECK(google->disabled);
    CHECK(c.ui.has("Google sign-in is not set up for this deployment yet.") == false);  // wrapped text is not an item
    CHECK(c.ui.has("Demo sign-in", "button"));
    CHECK(c.ui.has("Sign in to your partner account", "heading"));
}

TEST_CASE("without demo sign-in on the server there is no demo button") {
    Console c(kConfigNoDemo);
    CHECK_FALSE(c.ui.has("Demo sign-in", "button"));
}

TEST_CASE("clicking Demo sign-in twice sends one request, then shows customers in the table") {
    Console c;
    c.ui.doubleClick("Demo sign-in", "button");
    REQUIRE(c.transport.count("/auth/demo") == 1);
    c.ui.frame();
    CHECK(c.ui.has("Signing in…", "button"));
    c.transport.respond(1, 200, kSession);
    c.ui.frame(2);
    CHECK(c.store.state().phase == Phase::SignedIn);
    CHECK(c.ui.has("Northwind Cloud Partners"));
    c.ui.click("Customers", "menu");
    REQUIRE(c.transport.count("/customers") == 1);  // loaded once, not again on navigation
    c.transport.respond(2, 200, kPage);
    c.ui.frame(2);
    CHECK(c.ui.has("Jürgen Müller", "cell"));
    CHECK(c.ui.has("Müller Bau GmbH", "cell"));
    CHECK(c.ui.has("brightleaf.io", "cell"));
    CHECK(c.ui.has("Invited", "badge"));
    CHECK(c.ui.has("Active", "badge"));
    CHECK(c.ui.has("$12.36", "cell"));
    CHECK(c.ui.has("Dec 1, 2026", "cell"));
}

TEST_CASE("a failed customers load shows the error with Retry, and Retry asks again") {
    Console c;
    c.ui.click("Demo sign-in", "button");
    c.transport.respond(1, 200, kSession);
    c.ui.frame(2);
    c.ui.click("Customers", "menu");
    c.transport.respond(2, 503, R"({"error": {"code": "unavailable", "message": "down"}})");
    c.ui.frame(2);
    CHECK(c.ui.has("Retry", "button"));
    c.ui.click("Retry", "button");
    CHECK(c.transport.count("/customers") == 2);
}

TEST_CASE("the language switch turns every label German") {
    Console c;
    c.ui.click("Demo sign-in", "button");
    c.transport.respond(1, 200, kSession);
    c.ui.frame(2);
    c.ui.click("Customers", "menu");
    c.transport.respond(2, 200, kPage);
    c.ui.frame(2);
    c.ui.click("\xef\x82\xac  Deutsch", "button");
    c.ui.frame(2);
    CHECK(language() == Language::German);
    CHECK(c.ui.has("Kunden", "menu"));
    CHECK(c.ui.has("Übersicht", "menu"));
    CHECK(c.ui.has("Eingeladen", "badge"));
    CHECK(c.ui.has("Organisation", "header"));
    // No label on screen is still the English text of an entry that has a German one.
    for (const auto& item : c.ui.items()) {
        std::string label = item.label;
        if (label.rfind("\xef", 0) == 0) label = label.substr(3);  // a leading icon glyph
        while (!label.empty() && label[0] == ' ') label.erase(0, 1);
        for (std::size_t i = 0; i < static_cast<std::size_t>(Text::Count_); ++i) {
            std::string en = tr(static_cast<Text>(i), Language::English);
            bool untranslated = label == en && en != tr(static_cast<Text>(i), Language::German);
            CHECK_MESSAGE(!untranslated, "untranslated: " << item.label);
        }
    }
    setLanguage(Language::English);
}

TEST_CASE("sign out returns to the sign-in screen and tells the server") {
    Console c;
    c.ui.click("Demo sign-in", "button");
    c.transport.respond(1, 200, kSession);
    c.ui.frame(2);
    c.ui.click("\xef\x82\x8b  Sign out", "button");
    CHECK(c.transport.count("/auth/logout") == 1);
    CHECK(c.store.state().phase == Phase::SignedOut);
    c.ui.frame();
    CHECK(c.ui.has("Demo sign-in", "button"));
}
