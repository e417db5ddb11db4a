// Touch: a drag scrolls the list under the finger without opening the row it started on, a
// flick keeps scrolling after the finger lifts and slows to a stop, a tap still opens a row;
// rotating or resizing with a dialog open keeps what was typed.
#include <doctest/doctest.h>

#include "../core/fake_platform.h"
#include "../core/fake_transport.h"
#include "core/i18n.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/kit/touch_scroll.h"
#include "ui_harness.h"

using namespace rc;

namespace {

const char* kConfig = R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "demo@reseller.example"})";
const char* kSession = R"({"token": "t", "expires_at": "2026-11-27T06:00:00Z", "reseller": {"id": 1, "name": "Northwind Cloud Partners", "email": "demo@reseller.example"}})";

std::string manyCustomers(int n) {
    std::string items;
    for (int i = 1; i <= n; ++i) {
        if (i > 1) items += ",";
        items += R"({"id": )" + std::to_string(i) + R"(, "name": "Customer )" + std::to_string(i) +
                 R"(", "email": "x@y.de", "google_domain": "y)" + std::to_string(i) +
                 R"(.de", "organization": "Org", "status": "invited", "invitation": null, "subscription": null})";
    }
    return R"({"items": [)" + items + R"(], "total": )" + std::to_string(n) + R"(, "next_cursor": null})";
}

struct Console {
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    Store store{transport, platform};
    test::UiHarness ui{store, queue, 768, 1024};

    Console() {
        setLanguage(Language::English);
        store.start("config.json", "#/customers");
        transport.respond(0, 200, kConfig);
        ui.frame(4);
        ui.click("Demo sign-in", "button");
        transport.answer("/auth/demo", 200, kSession);
        ui.frame(2);
        transport.answer("/customers?", 200, manyCustomers(40));
        ui.frame(3);
    }

    // Where row 1 would be drawn (it may be scrolled off): from any row that is drawn.
    float firstRowY() {
        for (const auto& it : ui.items())
            if (it.kind == "cell" && it.label.rfind("Customer ", 0) == 0) {
                int n = std::stoi(it.label.substr(9));
                return it.y - static_cast<float>(n - 1) * 56.0f;
            }
        return -1e9f;
    }
};

}  // namespace

TEST_CASE("momentum: the speed of the last moments of a drag, slowing down exponentially to a stop") {
    ui::Momentum m;
    m.start(0, 500, 0.0);
    for (int i = 1; i <= 10; ++i) m.move(0, 500 - 20.0f * i, i / 60.0);  // 1200 px/s upwards
    m.release(10 / 60.0 + 0.01);
    REQUIRE(m.coasting());
    CHECK(m.velocity()[1] == doctest::Approx(-1200).epsilon(0.01));
    float travelled = 0;
    int frames = 0;
    while (m.coasting() && frames < 1000) {
        travelled += m.coast(1 / 60.0)[1];
        ++frames;
    }
    // v·τ in total (less the bit below the stop speed), in about two seconds.
    CHECK(travelled == doctest::Approx(-1200 * ui::Momentum::kTimeConstant).epsilon(0.03));
    CHECK(frames > 60);
    CHECK(frames < 200);
    // A finger that stops before it lifts does not fling.
    m.start(0, 500, 0.0);
    for (int i = 1; i <= 10; ++i) m.move(0, 500 - 20.0f * i, i / 60.0);
    m.release(10 / 60.0 + 0.3);
    CHECK_FALSE(m.coasting());
}

TEST_CASE("a finger drags the customer list, opens nothing, and a flick keeps it going") {
    Console c;
    float before = c.firstRowY();
    REQUIRE(before > 0);
    // Slow drag up by 200 px, starting on a row.
    c.ui.touchDrag(400, 600, 400, 400, 20);
    float after = c.firstRowY();
    CHECK(after < before - 150);
    CHECK(c.store.state().route.screen == Screen::Customers);  // the row it started on was not opened
    // A flick: the list keeps moving after the finger lifts, then stops.
    float y0 = c.firstRowY();
    c.ui.touchDrag(400, 700, 400, 600, 4);
    float lifted = c.firstRowY();
    c.ui.frame(10);
    float coasted = c.firstRowY();
    CHECK(coasted < lifted - 20);
    CHECK(lifted < y0);
    c.ui.frame(200);
    float settled = c.firstRowY();
    c.ui.frame(10);
    CHECK(c.firstRowY() == settled);
    CHECK(c.store.state().route.screen == Screen::Customers);
}

TEST_CASE("a tap still opens a row") {
    Console c;
    c.ui.tap("Customer 3", "cell");
    CHECK(c.store.state().route.screen == Screen::Customer);
    CHECK(c.store.state().route.customerId == 3);
}

TEST_CASE("rotating or resizing with a dialog open keeps what was typed") {
    Console c;
    c.ui.click("+  New customer", "button");
    c.ui.frame(2);
    c.ui.typeText("Jürgen Mül");
    REQUIRE(c.store.state().newCustomer.name == "Jürgen Mül");
    c.ui.resize(1024, 768);
    c.ui.resize(390, 844);
    c.ui.typeText("ler");
    CHECK(c.store.state().newCustomer.name == "Jürgen Müller");
    CHECK(c.ui.has("Invite a new customer", "heading"));
    c.ui.resize(768, 1024);
    CHECK(c.store.state().newCustomer.open);
    CHECK(c.store.state().newCustomer.name == "Jürgen Müller");
}

TEST_CASE("taps alone order licenses: the stepper, then Order now asks to confirm") {
    Console c;
    c.ui.tap("Customer 3", "cell");
    c.transport.answer("/customers/3", 200, test::readContract("customer.json"));
    c.transport.answer("/plans", 200, test::readContract("plans.json"));
    c.ui.frame(3);
    c.ui.tap("Add licenses", "button");
    int current = c.store.state().customer.customer->subscription->licenses;
    c.ui.tap("+", "button");
    std::string preview = test::readContract("license_order_preview.json");
    auto at = preview.find("\"licenses\": 30");
    preview.replace(at, 14, "\"licenses\": " + std::to_string(current + 1));
    c.transport.answer("license-orders/preview", 200, preview);
    c.ui.frame(30);
    c.ui.tap("Order now", "button");
    c.ui.frame(3);
    CHECK(c.store.state().customer.licenses.confirming);
    CHECK(c.ui.has("Confirm the order", "heading"));
}
