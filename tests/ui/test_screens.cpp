// The screen registry (src/ui/screens/registry.*): every screen has its line and its view, and
// the navigation the shell draws from it is the same in the sidebar, the icon rail and the
// phone's menu — the destinations in order, the one lit for the screen shown, each going there.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../core/fake_platform.h"
#include "../core/fake_transport.h"
#include "core/i18n.h"
#include "core/screen_registry.h"
#include "ui/screens/customers_view.h"
#include "ui/screens/invoices_view.h"
#include "ui/screens/new_customer_dialog.h"
#include "ui/screens/registry.h"
#include "ui_harness.h"

using namespace rc;

namespace {

const char* kConfig = R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "demo@reseller.example"})";
const char* kSession = R"({"token": "t", "expires_at": "2026-11-27T06:00:00Z", "reseller": {"id": 1, "name": "Northwind Cloud Partners", "email": "demo@reseller.example"}})";

struct Shell {
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    Store store{transport, platform};
    test::UiHarness ui;

    Shell(float width, float height) : ui(store, queue, width, height) {
        setLanguage(Language::English);
        store.start("config.json", "#/dashboard");
        transport.respond(0, 200, kConfig);
        ui.frame(4);
        ui.click("Demo sign-in", "button");
        transport.answer("/auth/demo", 200, kSession);
        ui.frame(3);
        REQUIRE(store.state().phase == Phase::SignedIn);
    }

    // The navigation's entries as drawn, top to bottom.
    std::vector<std::string> entries() const {
        std::vector<ui::DrawnItem> menu;
        for (const auto& it : ui.items())
            if (it.kind == "menu") menu.push_back(it);
        std::sort(menu.begin(), menu.end(), [](const auto& a, const auto& b) { return a.y < b.y; });
        std::vector<std::string> out;
        for (const auto& it : menu) out.push_back(it.label);
        return out;
    }
    // The entry the mirror marks as where the reseller is (aria-current).
    std::string lit() {
        std::string out;
        for (const auto& n : ui.mirror().nodes())
            if (n.role == "link" && (n.states & ui::a11y::Current)) out += (out.empty() ? "" : ",") + n.name;
        return out;
    }
    void openMenuIfPhone() {
        if (ui.has("Menu", "button")) {
            ui.click("Menu", "button");
            ui.frame(2);
        }
    }
};

const std::vector<std::string> kEntries = {"Dashboard", "Customers", "Invoices"};

}  // namespace

TEST_CASE("every screen of the core's registry has one UI line, and its own view") {
    // The two halves join on Screen: a screen with an address but no view (or the reverse) fails here.
    const auto& core = screenRegistry();
    CHECK(ui::screenLines().size() == core.size());
    for (const ScreenSpec& spec : core) {
        CAPTURE(spec.path);
        int lines = 0;
        for (const ui::ScreenLine& line : ui::screenLines()) lines += line.screen == spec.screen;
        CHECK(lines == 1);
        CHECK(ui::screenLine(spec.screen).screen == spec.screen);
        // The entry it lights is one the navigation shows.
        CHECK(ui::screenLine(ui::screenLine(spec.screen).navigation).inNavigation());
    }
    ui::Views views;
    for (const ScreenSpec& a : core)
        for (const ScreenSpec& b : core)
            if (a.screen != b.screen) CHECK(&views.screen(a.screen) != &views.screen(b.screen));
    CHECK(views.dialogs().size() == 20);  // issue 23: Edit customer, Suspend, Resume, Start paid plan now, Renewal settings, Seat cap, Transfer out and in; Bulk action and saved view (19)
    // find<V> knows a view by its maker (the wasm has no RTTI); this build has, so check it.
    REQUIRE(views.find<ui::CustomersView>() != nullptr);
    CHECK(views.find<ui::CustomersView>() == &views.screen(Screen::Customers));
    CHECK(dynamic_cast<ui::CustomersView*>(&views.screen(Screen::Customers)) != nullptr);
    CHECK(views.find<ui::InvoicesView>() == &views.screen(Screen::Invoices));
    CHECK(views.find<ui::NewCustomerDialog>() == nullptr);  // a dialog is no screen
}

TEST_CASE("sidebar, icon rail and phone menu: the same destinations, the shown one lit, each going there") {
    struct Size {
        float w, h;
    };
    for (Size size : {Size{1440, 900}, Size{900, 800}, Size{390, 844}}) {
        CAPTURE(size.w);
        Shell s(size.w, size.h);
        s.openMenuIfPhone();
        CHECK(s.entries() == kEntries);
        CHECK(s.lit() == "Dashboard");
        const std::pair<const char*, Screen> go[] = {{"Invoices", Screen::Invoices}, {"Customers", Screen::Customers},
                                                     {"Dashboard", Screen::Dashboard}};
        for (const auto& [label, screen] : go) {
            s.openMenuIfPhone();
            s.ui.click(label, "menu");
            s.ui.frame(2);
            CHECK(s.store.state().route.screen == screen);
            s.openMenuIfPhone();
            CHECK(s.entries() == kEntries);
            CHECK(s.lit() == label);
            if (s.ui.has("Menu", "button")) {  // close the drawer again
                s.ui.click("Menu", "button");
                s.ui.frame(2);
            }
        }
    }
}

TEST_CASE("a customer's page lights Customers, its way back") {
    Shell s(1440, 900);
    Route r;
    r.screen = Screen::Customer;
    r.customerId = 1;
    s.store.navigate(r);
    s.transport.answer("/customers/1", 200, test::readContract("customer.json"));
    s.ui.frame(3);
    CHECK(s.entries() == kEntries);
    CHECK(s.lit() == "Customers");
}

TEST_CASE("Team and Billing are in the navigation for Admins only; others see their role in the account area") {
    for (const char* role : {"admin", "buyer", "sales", "viewer"}) {
        CAPTURE(role);
        for (float width : {1440.0f, 390.0f}) {
            CAPTURE(width);
            Shell s(width, 844);
            std::string me = test::readContract("me.json");
            me.replace(me.find("\"role\": \"admin\""), 15, std::string("\"role\": \"") + role + "\"");
            s.transport.answer("v1/me", 200, me);
            s.ui.frame(2);
            s.openMenuIfPhone();
            std::vector<std::string> want = kEntries;
            if (std::string(role) == "admin") want.push_back("Team");
            if (std::string(role) == "admin") want.push_back("Billing");
            CHECK(s.entries() == want);
            std::string label = std::string(role) == "admin" ? "Admin" : std::string(role) == "buyer" ? "Buyer"
                              : std::string(role) == "sales" ? "Sales" : "Viewer";
            // The top bar says "<Role> · <account>" (two items); the phone's menu "Your role: <Role>".
            if (width > 1000) CHECK((s.ui.has(label + " · ", "text") && s.ui.has("Demo", "text")));
            else CHECK(s.ui.has("Your role: " + label, "text"));
        }
    }
}

TEST_CASE("a saved view hides and shows the customer table's own hideable columns") {
    std::vector<std::string> hideable;
    for (const auto& column : ui::CustomersView::tableSpec().columns)
        if (column.spec.hideable) hideable.push_back(column.spec.key);
    CHECK(hideable == ViewsSlice::tableColumns());
}
