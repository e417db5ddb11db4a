#include <doctest/doctest.h>

#include <cstring>

#include "../core/fake_platform.h"
#include "../core/fake_transport.h"
#include "core/i18n.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/text/glyph_ranges.h"
#include "ui_harness.h"

using namespace rc;

namespace {

const char* kConfig = R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "demo@reseller.example"})";
const char* kConfigNoDemo = R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": false, "demo_email": ""})";
const char* kSession = R"({"token": "t", "expires_at": "2026-11-27T06:00:00Z", "reseller": {"id": 1, "name": "Northwind Cloud Partners", "email": "demo@reseller.example"}})";

struct Console {
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    Store store{transport, platform};
    test::UiHarness ui{store, queue};

    explicit Console(const char* config = kConfig, const std::string& hash = "#/customers") {
        setLanguage(Language::English);
        store.start("config.json", hash);
        transport.respond(0, 200, config);
        ui.frame(4);  // the sign-in card measures itself, then centres
    }

    void signIn() {
        ui.click("Demo sign-in", "button");
        transport.answer("/auth/demo", 200, kSession);
        ui.frame(2);
        REQUIRE(store.state().phase == Phase::SignedIn);
    }

    // Signed in, on customer 1's page (the contract's active customer), everything answered.
    void onCustomer() {
        signIn();
        Route r;
        r.screen = Screen::Customer;
        r.customerId = 1;
        store.navigate(r);
        transport.answer("/customers/1", 200, test::readContract("customer.json"));
        transport.answer("/plans", 200, test::readContract("plans.json"));
        transport.answer("/activity", 200, test::readContract("activity_page.json"));
        transport.answer("/invoices?", 200, test::readContract("invoices_page.json"));
        ui.frame(3);
    }
};

}  // namespace

TEST_CASE("the sign-in screen offers demo sign-in, and Google's button only when it is set up") {
    Console c;
    auto google = c.ui.find(std::string("\xef\x86\xa0  Sign in with Google"), "button");
    REQUIRE(google.has_value());
    CHECK(google->disabled);
    CHECK(c.ui.has("Demo sign-in", "button"));
    CHECK(c.ui.has("Demo account email", "input"));
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
    c.transport.answer("/auth/demo", 200, kSession);
    c.ui.frame(2);
    CHECK(c.ui.has("Northwind Cloud Partners"));
    c.transport.answer("/customers?", 200, test::readContract("customers_page.json"));
    c.ui.frame(2);
    CHECK(c.ui.has("Jürgen Müller", "cell"));
    CHECK(c.ui.has("Müller Bau GmbH", "cell"));
    CHECK(c.ui.has("Invited", "badge"));
    CHECK(c.ui.has("Active", "badge"));
    CHECK(c.ui.has("Manage", "button"));
}

TEST_CASE("Manage opens the customer's page") {
    Console c;
    c.signIn();
    c.transport.answer("/customers?", 200, test::readContract("customers_page.json"));
    c.ui.frame(2);
    c.ui.click("Manage", "button");
    CHECK(c.store.state().route.screen == Screen::Customer);
    CHECK(c.platform.history.back().rfind("#/customers/", 0) == 0);
}

TEST_CASE("a failed customers load shows the error with Retry, and Retry asks again") {
    Console c;
    c.signIn();
    c.transport.answer("/customers?", 503, R"({"error": {"code": "unavailable", "message": "down"}})");
    c.ui.frame(2);
    c.ui.click("Retry", "button");
    CHECK(c.transport.count("/customers?") == 2);
}

TEST_CASE("new customer: inline validation, errors on their fields, one invitation for a double click") {
    Console c;
    c.signIn();
    c.transport.answer("/customers?", 200, test::readContract("customers_page.json"));
    c.ui.frame(2);
    c.ui.click("+  New customer", "button");
    c.ui.frame(2);
    REQUIRE(c.ui.has("Invite a new customer", "heading"));
    // The first field has the keyboard; type a name, leave the rest wrong or empty.
    c.ui.typeText("Zoë Harper");
    c.ui.click("Email", "input");
    c.ui.typeText("zoe(at)harpercafe");
    c.ui.click("Send invitation", "button");
    CHECK(c.transport.count("/customers", "POST") == 0);  // nothing sent
    CHECK(c.ui.has("Enter an email address such as name@example.com.", "error"));
    CHECK(c.ui.has("This field is required.", "error"));

    c.ui.click("Email", "input");
    c.ui.pressKey(ImGuiMod_Ctrl, ImGuiKey_A);
    c.ui.typeText("zoe@harpercafe.com");
    c.ui.click("Google Workspace domain", "input");
    c.ui.typeText("harpercafe.com");
    c.ui.click("Organization", "input");
    c.ui.typeText("Harper Café");
    c.ui.doubleClick("Send invitation", "button");
    REQUIRE(c.transport.count("/customers", "POST") == 1);
    std::size_t post = c.transport.last("/customers", "POST");
    CHECK(c.transport.sent[post].request.body.find("\"name\":\"Zoë Harper\"") != std::string::npos);
    c.ui.frame();
    CHECK(c.ui.has("Sending…", "button"));
    c.transport.respond(post, 409, R"({"error": {"code": "domain_taken", "message": "taken"}})");
    c.ui.frame(2);
    CHECK(c.ui.has("This Google domain already belongs to a customer.", "error"));
    CHECK(c.store.state().newCustomer.name == "Zoë Harper");  // nothing typed is lost
    c.ui.pressKey(ImGuiKey_Escape);
    CHECK_FALSE(c.store.state().newCustomer.open);
}

TEST_CASE("license stepper: + asks for a price, Order now asks to confirm, Confirm orders once") {
    Console c;
    c.onCustomer();
    REQUIRE(c.ui.has("Add licenses", "button"));
    c.ui.click("Add licenses", "button");
    c.ui.frame(2);
    int current = c.store.state().customer.customer->subscription->licenses;
    auto order = c.ui.find("Order now", "button");
    REQUIRE(order.has_value());
    CHECK(order->disabled);  // no change, no price, nothing to order
    for (int i = 0; i < 5; ++i) c.ui.click("+", "button");
    CHECK(c.store.state().customer.licenses.target == current + 5);
    std::string preview = test::readContract("license_order_preview.json");
    auto at = preview.find("\"licenses\": 30");
    preview.replace(at, 14, "\"licenses\": " + std::to_string(current + 5));
    c.transport.answer("license-orders/preview", 200, preview);
    c.ui.frame(2);
    CHECK(c.ui.has("Due now", "label"));
    CHECK(c.ui.has("$4.30", "figure"));
    c.ui.click("Order now", "button");
    c.ui.frame();
    REQUIRE(c.ui.has("Confirm the order", "heading"));
    c.ui.doubleClick("Confirm order", "button");
    std::size_t orders = c.transport.count("/license-orders") - c.transport.count("license-orders/preview");
    CHECK(orders == 1);
    c.transport.answer("subscription/license-orders", 201, test::readContract("license_order.json"));
    c.ui.frame(2);
    CHECK_FALSE(c.store.state().customer.licenses.open);
    CHECK(c.ui.has("Licenses set to " + std::to_string(current + 5) + ". Invoice INV-000002 issued.", "toast"));
}

TEST_CASE("license stepper: a count typed past the limit shows the limit while the field has the focus") {
    Console c;
    c.onCustomer();
    c.ui.click("Add licenses", "button");
    c.ui.frame(2);
    auto field = c.ui.find(tr(Text::LicensesNew), "input");
    REQUIRE(field.has_value());
    c.ui.click(tr(Text::LicensesNew), "input");
    c.ui.frame();
    c.ui.pressKey(ImGuiMod_Ctrl, ImGuiKey_A);
    c.ui.typeText("99999");
    c.ui.frame(2);
    const int target = c.store.state().customer.licenses.target;
    CHECK(target < 99999);
    CHECK(target > c.store.state().customer.customer->subscription->licenses);
    // The field is still being edited, and what it shows is the count that would be ordered.
    ImGuiContext& g = *ImGui::GetCurrentContext();
    REQUIRE(g.ActiveId != 0);
    CHECK(g.ActiveId == g.InputTextState.ID);
    CHECK(std::string(g.InputTextState.TextA.Data) == std::to_string(target));
    // Typing on goes from there: one digit more is still the limit.
    c.ui.typeText("7");
    c.ui.frame(2);
    CHECK(c.store.state().customer.licenses.target == target);
    CHECK(std::string(g.InputTextState.TextA.Data) == std::to_string(target));
}

TEST_CASE("cancel: the button stays disabled until the domain is typed") {
    Console c;
    c.onCustomer();
    c.ui.click("Cancel subscription", "button");
    c.ui.frame(2);
    auto confirm = c.ui.find("Cancel subscription", "button");
    // Two buttons carry the words: the page's and the dialog's; the dialog's is the disabled one.
    bool sawDisabled = false;
    for (const auto& it : c.ui.items())
        if (it.label == "Cancel subscription" && it.kind == "button" && it.disabled) sawDisabled = true;
    CHECK(sawDisabled);
    c.ui.typeText("mueller-bau.de");
    c.ui.frame();
    c.ui.click("Now", "radio");
    CHECK(c.store.state().customer.cancel.when == "now");
    bool enabled = false;
    for (const auto& it : c.ui.items())
        if (it.label == "Cancel subscription" && it.kind == "button" && !it.disabled && it.y > 100) enabled = true;
    CHECK(enabled);
    c.ui.pressKey(ImGuiKey_Enter);
    CHECK(c.transport.count("/cancel") == 1);
    CHECK(c.transport.sent[c.transport.last("/cancel")].request.body.find("\"now\"") != std::string::npos);
}

TEST_CASE("the language switch leaves no untranslated label on any screen") {
    Console c;
    c.onCustomer();
    c.ui.click("\xef\x82\xac  Deutsch", "button");
    c.ui.frame(2);
    CHECK(language() == Language::German);
    auto untranslated = [&]() {
        std::vector<std::string> bad;
        for (const auto& item : c.ui.items()) {
            std::string label = item.label;
            if (label.rfind("\xef", 0) == 0) label = label.substr(3);  // a leading icon glyph
            while (!label.empty() && label[0] == ' ') label.erase(0, 1);
            for (std::size_t i = 0; i < static_cast<std::size_t>(Text::Count_); ++i) {
                std::string en = tr(static_cast<Text>(i), Language::English);
                if (label == en && en != tr(static_cast<Text>(i), Language::German)) bad.push_back(item.label);
            }
        }
        return bad;
    };
    CHECK(c.ui.has("Kunden", "menu"));
    CHECK(c.ui.has("Lizenzen hinzufügen", "button"));
    CHECK(untranslated().empty());
    c.ui.click("Lizenzen hinzufügen", "button");
    c.ui.frame(2);
    CHECK(untranslated().empty());
    c.ui.pressKey(ImGuiKey_Escape);
    c.ui.click("Tarif wechseln", "button");
    c.ui.frame(2);
    CHECK(untranslated().empty());
    c.ui.pressKey(ImGuiKey_Escape);
    c.ui.click("Kunden", "menu");
    c.transport.answer("/customers?", 200, test::readContract("customers_page.json"));
    c.ui.frame(2);
    CHECK(c.ui.has("Eingeladen", "badge"));
    CHECK(untranslated().empty());
    c.ui.click("Rechnungen", "menu");
    c.transport.answer("/invoices?", 200, test::readContract("invoices_page.json"));
    c.ui.frame(2);
    CHECK(c.ui.has("Offen", "badge"));
    CHECK(untranslated().empty());
    c.ui.click("Übersicht", "menu");
    c.transport.answer("/dashboard", 200, test::readContract("dashboard.json"));
    c.ui.frame(2);
    CHECK(c.ui.has("Offene Rechnungen", "label"));
    CHECK(untranslated().empty());
    for (const auto& s : untranslated()) MESSAGE("untranslated: " << s);
    setLanguage(Language::English);
}

TEST_CASE("Ctrl+K jumps to the customer search from any screen") {
    Console c(kConfig, "#/dashboard");
    c.signIn();
    c.ui.pressKey(ImGuiMod_Ctrl, ImGuiKey_K);
    c.ui.frame(2);
    CHECK(c.store.state().route.screen == Screen::Customers);
    c.ui.typeText("müller");
    CHECK(c.store.state().route.customers.search == "müller");
}

TEST_CASE("sign out returns to the sign-in screen and tells the server") {
    Console c;
    c.signIn();
    c.ui.click("\xef\x82\x8b  Sign out", "button");
    CHECK(c.transport.count("/auth/logout") == 1);
    CHECK(c.store.state().phase == Phase::SignedOut);
    c.ui.frame();
    CHECK(c.ui.has("Demo sign-in", "button"));
}

TEST_CASE("new customer: a field is checked as soon as the reseller leaves it") {
    Console c;
    c.signIn();
    c.ui.click("+  New customer", "button");
    c.ui.click("Google Workspace domain", "input");
    c.ui.typeText("https://harpercafe.com/");
    CHECK_FALSE(c.ui.has("Enter a bare domain such as example.com (no https://, path, spaces or @).", "error"));  // not while typing
    c.ui.click("Organization", "input");
    CHECK(c.ui.has("Enter a bare domain such as example.com (no https://, path, spaces or @).", "error"));
    CHECK_FALSE(c.ui.has("This field is required.", "error"));  // fields not filled yet are not flagged
    c.ui.click("Google Workspace domain", "input");
    c.ui.pressKey(ImGuiMod_Ctrl, ImGuiKey_A);
    c.ui.typeText("harpercafe.com");
    c.ui.click("Organization", "input");
    CHECK_FALSE(c.ui.has("Enter a bare domain such as example.com (no https://, path, spaces or @).", "error"));
    CHECK(c.transport.count("/customers", "POST") == 0);
}

TEST_CASE("every character of every text is in the fonts' glyph ranges (the build cuts the fonts to them)") {
    auto covered = [](unsigned cp) {
        for (const ImWchar* r = rc::ui::kTextGlyphs; r[0]; r += 2)
            if (cp >= r[0] && cp <= r[1]) return true;
        return false;
    };
    for (std::size_t i = 0; i < static_cast<std::size_t>(Text::Count_); ++i) {
        for (Language lang : {Language::English, Language::German}) {
            const char* s = tr(static_cast<Text>(i), lang);
            while (*s) {
                unsigned int cp = 0;
                int n = ImTextCharFromUtf8(&cp, s, nullptr);
                std::string text = tr(static_cast<Text>(i), lang);
                CAPTURE(text);
                CHECK_MESSAGE(covered(cp), "code point " << cp << " is not in kTextGlyphs");
                s += n > 0 ? n : 1;
            }
        }
    }
}

TEST_CASE("a deep link to a customer that is not the reseller's says so, with no Retry") {
    Console c(kConfig, "#/customers/999");
    c.signIn();
    c.transport.answer("/customers/999", 404, R"({"error": {"code": "not_found", "message": "No such customer."}})");
    c.ui.frame(2);
    CHECK(c.ui.has("This customer does not exist or belongs to another account.", "alert"));
    CHECK_FALSE(c.ui.has("Retry", "button"));
    CHECK(c.ui.has("Customers", "menu"));  // the way back is there
}

TEST_CASE("a kiosk: the Demo ribbon, no Sign out, the language switch, and Still there? over an open dialog") {
    const char* kiosk = R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "demo@reseller.example",
                            "kiosk": {"enabled": true, "idle_seconds": 120, "reset_every_minutes": 0}})";
    Console c(kiosk, "#/customers");
    c.transport.answer("/auth/demo", 200, kSession);
    c.ui.frame(3);
    REQUIRE(c.store.state().phase == Phase::SignedIn);
    CHECK(c.ui.has("Demo", "ribbon"));
    CHECK(c.ui.has("Sample data · starts over after 2 min without use", "text"));
    CHECK_FALSE(c.ui.has("Sign out"));
    bool languageSwitch = false;
    for (const auto& it : c.ui.items()) languageSwitch |= it.kind == "button" && it.label.find("Deutsch") != std::string::npos;
    CHECK(languageSwitch);
    c.store.kiosk().input();
    c.store.newCustomer().open();
    c.ui.frame(2);
    c.platform.clock += 121;
    c.store.kiosk().tick();
    c.ui.frame(2);
    CHECK(c.ui.has("Still there?", "heading"));
    CHECK(c.ui.has("The demo starts over in 10 seconds for the next visitor.", "text"));
    CHECK(c.ui.has("Invite a new customer", "heading"));  // the dialog waits beneath
    c.store.kiosk().input();
    c.ui.frame(2);
    CHECK_FALSE(c.ui.has("Still there?", "heading"));
}

TEST_CASE("a toast on screen is re-worded by the language switch, not dropped") {
    Console c;
    c.signIn();
    c.store.invoices().exportCsv();
    c.platform.finishDownload(0, 200);
    c.ui.frame(2);
    REQUIRE(c.ui.has("invoices.csv downloaded.", "toast"));
    c.ui.click("\xef\x82\xac  Deutsch", "button");
    c.ui.frame(2);
    CHECK(c.ui.has("invoices.csv heruntergeladen.", "toast"));
    CHECK_FALSE(c.ui.has("invoices.csv downloaded.", "toast"));
    setLanguage(Language::English);
}

TEST_CASE("a customer's page starts at the top when entered again, not where the last visit left it") {
    Console c;
    c.ui.resize(1280, 520);  // the page scrolls
    c.onCustomer();
    auto area = [] {
        for (ImGuiWindow* w : GImGui->Windows)
            if (std::strstr(w->Name, "customer-scroll") && w->Active) return w;
        return static_cast<ImGuiWindow*>(nullptr);
    };
    REQUIRE(area());
    REQUIRE(area()->ScrollMax.y > 100);
    ImGui::SetScrollY(area(), 100);
    c.ui.frame(2);
    CHECK(area()->Scroll.y == doctest::Approx(100));  // drawn on: it stays where the reseller put it
    Route list;
    list.screen = Screen::Customers;
    c.store.navigate(list);
    c.ui.frame(2);
    Route again;  // the same customer again, from the list
    again.screen = Screen::Customer;
    again.customerId = 1;
    c.store.navigate(again);
    c.ui.frame(1);
    // Answered as before, whatever the page asks again.
    auto answerIfAsked = [&](const char* url, const char* contract) {
        for (const auto& s : c.transport.sent)
            if (!s.answered && s.request.url.find(url) != std::string::npos) return c.transport.answer(url, 200, test::readContract(contract));
    };
    answerIfAsked("/customers/1", "customer.json");
    answerIfAsked("/activity", "activity_page.json");
    answerIfAsked("/invoices?", "invoices_page.json");
    c.ui.frame(3);
    REQUIRE(area());
    CHECK(area()->Scroll.y == doctest::Approx(0));
}

TEST_CASE("Ctrl+K: letters typed before the search has the keyboard are kept, the first one too") {
    for (bool sameFrame : {false, true})
    for (const char* start : {"#/dashboard", "#/customers"}) {
        CAPTURE(std::string(start));
        CAPTURE(sameFrame);
        Console c(kConfig, start);
        c.signIn();
        c.ui.frame(2);
        // Typed in the frames right after the shortcut (or with it), as a fast typist or a test does.
        ImGuiIO& io = ImGui::GetIO();
        io.AddKeyEvent(ImGuiMod_Ctrl, true);
        io.AddKeyEvent(ImGuiKey_K, true);
        io.AddKeyEvent(ImGuiKey_K, false);
        io.AddKeyEvent(ImGuiMod_Ctrl, false);
        if (sameFrame) io.AddInputCharactersUTF8("H");
        c.ui.frame();
        c.ui.typeText(sameFrame ? "an" : "Han");
        c.ui.typeText("nah");
        c.ui.frame(2);
        CHECK(c.store.state().route.screen == Screen::Customers);
        CHECK(c.store.state().route.customers.search == "Hannah");
    }
}
