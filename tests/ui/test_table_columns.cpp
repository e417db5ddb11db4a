// The customer table's columns on screen: names and domains get their room before status and
// plan, low-priority columns drop out in a fixed order as the screen narrows and a name is never
// cut while one of them shows, and the reseller's resized and hidden columns are kept on this
// device (across a restart) until reset.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "../core/fake_platform.h"
#include "../core/fake_transport.h"
#include "core/i18n.h"
#include "ui/kit/theme.h"
#include "ui_harness.h"

using namespace rc;

namespace {

const char* kConfig = R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "demo@reseller.example"})";
const char* kSession = R"({"token": "t", "expires_at": "2026-11-27T06:00:00Z", "reseller": {"id": 1, "name": "Northwind Cloud Partners", "email": "demo@reseller.example"}})";

// Long names, organizations and domains, as long as the demo data's longest.
std::string customers() {
    const char* people[][3] = {
        {"Amelia Brooks-Whitfield", "Brooks Veterinary Clinic", "grant-engineering.co.uk"},
        {"Friedrich-Wilhelm Baumgartner", "Baumgartner Maschinenbau GmbH", "baeckerei-sonnenschein.de"},
        {"Charlotte Hughes", "Hughes & Cooper Rechtsanwälte", "koehler-maschinenbau.de"},
        {"Jürgen Müller", "Müller Elektrotechnik", "mueller-elektro.de"},
    };
    std::string items;
    for (int i = 0; i < 4; ++i) {
        if (i) items += ",";
        items += R"({"id": )" + std::to_string(i + 1) + R"(, "name": ")" + people[i][0] + R"(", "email": "a@b.de", "google_domain": ")" +
                 people[i][2] + R"(", "organization": ")" + people[i][1] +
                 R"(", "status": "active", "created_at": "2026-11-26T11:00:00Z", "invitation": null, "subscription": {"id": )" +
                 std::to_string(i + 1) + R"(, "customer_id": )" + std::to_string(i + 1) +
                 R"(, "plan": "enterprise", "billing_cycle": "annual_monthly", "licenses": 125, "status": "active", "started_at": "2026-11-26T11:00:00Z", "term_start": "2026-11-26", "term_end": "2027-11-25", "renews_at": "2027-11-26", "auto_renew": true, "unit_price": {"amount": 103, "currency": "USD"}, "recurring_amount": {"amount": 12875, "currency": "USD"}, "monthly_value": {"amount": 12875, "currency": "USD"}, "scheduled_change": null, "cancel_reason": null}})";
    }
    return R"({"items": [)" + items + R"(], "total": 4, "next_cursor": null})";
}

// One visit of the console; the platform (this device's storage) outlives it.
struct Console {
    MainQueue& queue;
    test::FakeTransport transport{queue};
    test::FakePlatform& platform;
    Store store{transport, platform};
    test::UiHarness ui;

    Console(MainQueue& q, test::FakePlatform& p, float width, float height, Language lang = Language::German)
        : queue(q), platform(p), ui(store, queue, width, height) {
        setLanguage(lang);
        store.start("config.json", "#/customers");
        transport.respond(0, 200, kConfig);
        ui.frame(4);
        if (ui.has(tr(Text::DemoSignIn), "button")) {  // else the session saved on this device goes on
            ui.click(tr(Text::DemoSignIn), "button");
            transport.answer("/auth/demo", 200, kSession);
            ui.frame(2);
        }
        transport.answer("/customers?", 200, customers());
        ui.frame(4);
    }

    std::set<std::string> headers() const {
        std::set<std::string> out;
        for (const auto& it : ui.items())
            if (it.kind == "header") out.insert(it.label);
        return out;
    }
    bool header(Text t) const { return headers().count(tr(t)) > 0; }
    std::vector<ui::DrawnItem> cells(const std::set<std::string>& labels) const {
        std::vector<ui::DrawnItem> out;
        for (const auto& it : ui.items())
            if (it.kind == "cell" && labels.count(it.label)) out.push_back(it);
        return out;
    }
};

const std::set<std::string> kNames = {"Amelia Brooks-Whitfield", "Friedrich-Wilhelm Baumgartner", "Charlotte Hughes", "Jürgen Müller"};
const std::set<std::string> kDomains = {"grant-engineering.co.uk", "baeckerei-sonnenschein.de", "koehler-maschinenbau.de",
                                        "mueller-elektro.de"};

}  // namespace

TEST_CASE("1280x720 in German: names, organizations and domains whole, status and plan still shown") {
    MainQueue q;
    test::FakePlatform platform{q};
    Console c(q, platform, 1280, 720);
    auto names = c.cells(kNames);
    REQUIRE(names.size() == 4);
    for (const auto& it : names) CHECK_MESSAGE(!it.clipped, it.label);
    for (const auto& it : c.cells(kDomains)) CHECK_MESSAGE(!it.clipped, it.label);
    CHECK(c.header(Text::ColStatus));
    CHECK(c.header(Text::ColPlan));
}

TEST_CASE("narrowing the screen drops monthly value, renewal, plan in that order, and never cuts a name while they show") {
    MainQueue q;
    test::FakePlatform platform{q};
    Console c(q, platform, 1440, 900);
    const Text order[] = {Text::ColMonthly, Text::ColRenewal, Text::ColPlan};
    int mostDropped = 0;
    for (float w = 1440; w >= 700; w -= 20) {
        c.ui.resize(w, 900);
        int dropped = 0;
        while (dropped < 3 && !c.header(order[dropped])) ++dropped;
        // Dropped ones stay dropped, and in order: nothing after a shown one is gone.
        for (int i = dropped; i < 3; ++i) CHECK_MESSAGE(c.header(order[i]), "width " << w << ": " << tr(order[i]));
        mostDropped = std::max(mostDropped, dropped);
        bool lowerShown = dropped < 3;
        if (lowerShown)
            for (const auto& it : c.cells(kNames)) CHECK_MESSAGE(!it.clipped, "width " << w << ": " << it.label);
        CHECK(c.header(Text::ColCustomer));
    }
    CHECK(mostDropped >= 2);  // a tablet's width has no room for all of them
}

TEST_CASE("a Google domain is never cut while the license count still shows (a tablet drops licenses first)") {
    MainQueue q;
    test::FakePlatform platform{q};
    Console c(q, platform, 1440, 900);
    bool licensesDropped = false;
    for (float w = 1440; w >= 700; w -= 20) {
        c.ui.resize(w, 1024);
        if (!c.header(Text::ColLicenses)) {
            licensesDropped = true;
            continue;
        }
        for (const auto& it : c.cells(kDomains)) CHECK_MESSAGE(!it.clipped, "width " << w << ": " << it.label);
    }
    CHECK(licensesDropped);  // somewhere down to a tablet, the count gives way
}

TEST_CASE("hidden and resized columns are kept on this device, across a restart, until reset") {
    MainQueue q;
    test::FakePlatform platform{q};
    {
        Console c(q, platform, 1440, 900, Language::English);
        REQUIRE(c.header(Text::ColPlan));
        c.ui.click(std::string("Columns  ") + ui::icon::CaretDown, "button");
        c.ui.click("Plan", "checkbox");
        c.ui.pressKey(ImGuiKey_Escape);
        c.ui.frame(2);
        CHECK_FALSE(c.header(Text::ColPlan));
        // The domain column's right edge, dragged 80 px to the right.
        auto domain = c.ui.find("Google domain", "header");
        auto status = c.ui.find("Status", "header");
        REQUIRE(domain);
        REQUIRE(status);
        float before = status->x - domain->x;
        float edge = status->x - 12;
        c.ui.mouseDrag(edge, domain->y + domain->h * 0.5f, edge + 80, domain->y + domain->h * 0.5f, 6);
        auto domain2 = c.ui.find("Google domain", "header");
        auto status2 = c.ui.find("Status", "header");
        REQUIRE(domain2);
        REQUIRE(status2);
        CHECK(status2->x - domain2->x == doctest::Approx(before + 80).epsilon(0.02));
    }
    REQUIRE(platform.settings.count("resellerConsole.columns.customers"));
    const std::string saved = platform.settings["resellerConsole.columns.customers"];
    CHECK(saved.find("plan") != std::string::npos);
    CHECK(saved.find("domain") != std::string::npos);
    {
        Console c(q, platform, 1440, 900, Language::English);  // the next visit on this device
        CHECK_FALSE(c.header(Text::ColPlan));
        c.ui.click(std::string("Columns  ") + ui::icon::CaretDown, "button");
        c.ui.click("Reset columns", "button");
        c.ui.frame(2);
        CHECK(c.header(Text::ColPlan));
    }
}
