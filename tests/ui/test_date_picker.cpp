// The invoice filter's date picker (src/ui/kit/date_picker.*): opened from the mirror or a tap,
// moved with the keys, picked with Enter, a tap or the mirror; German and English weeks; the
// mirror's dialog, grid, day names and selected day.
#include <doctest/doctest.h>

#include "../core/fake_platform.h"
#include "../core/fake_transport.h"
#include "core/i18n.h"
#include "imgui_internal.h"
#include "ui_harness.h"

using namespace rc;
using ui::a11y::Node;

namespace {

const char* kConfig = R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "demo@reseller.example"})";
const char* kSession = R"({"token": "t", "expires_at": "2026-11-27T06:00:00Z", "reseller": {"id": 1, "name": "Northwind Cloud Partners", "email": "demo@reseller.example"}})";

struct Invoices {
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    Store store{transport, platform};
    test::UiHarness ui{store, queue};

    explicit Invoices(Language lang) {
        setLanguage(lang);
        store.start("config.json", "#/invoices");
        transport.respond(0, 200, kConfig);
        ui.frame(4);
        ui.mirror().activate(find("button", lang == Language::German ? "Demo-Anmeldung" : "Demo sign-in")->key);
        ui.frame(2);
        transport.answer("/auth/demo", 200, kSession);
        ui.frame(2);
        REQUIRE(store.state().phase == Phase::SignedIn);
        answer();
    }
    ~Invoices() { setLanguage(Language::English); }
    // Answers every invoice list asked for so far (the filter asks again for each change).
    void answer() {
        for (int round = 0; round < 3; ++round) {
            for (std::size_t i = 0; i < transport.sent.size(); ++i)
                if (!transport.sent[i].answered && transport.sent[i].request.url.find("/invoices?") != std::string::npos)
                    transport.respond(i, 200, test::readContract("invoices_page.json"));
            ui.frame(2);
        }
    }
    const Node* find(const std::string& role, const std::string& name) {
        for (const Node& n : ui.mirror().nodes())
            if (n.role == role && n.name == name) return &n;
        return nullptr;
    }
    const Node* byKey(std::uint32_t key) {
        for (const Node& n : ui.mirror().nodes())
            if (n.key == key) return &n;
        return nullptr;
    }
    // The day the keys move from (the one Tab stop of the month).
    std::string current() {
        for (const Node& n : ui.mirror().nodes())
            if (n.role == "button" && (n.states & ui::a11y::Current)) return n.name;
        return {};
    }
    std::string focused() {
        for (const Node& n : ui.mirror().nodes())
            if (n.id && n.id == ImGui::GetCurrentContext()->NavId) return n.name;
        return {};
    }
    void type(const std::string& field, const std::string& text) {
        const Node* f = find("textbox", field);
        REQUIRE(f);
        ui.mirror().setText(f->key, text);
        ui.frame(2);
    }
};

}  // namespace

TEST_CASE("date picker, German: the mirror opens it on the field's day, the keys move it, Enter picks, the filter follows") {
    Invoices c(Language::German);
    c.type("Von", "01.11.2026");
    const Node* opener = c.find("button", "Datum f\xc3\xbcr \xe2\x80\x9eVon\xe2\x80\x9c ausw\xc3\xa4hlen");
    REQUIRE(opener);
    c.ui.mirror().activate(opener->key);
    c.ui.frame(3);
    const Node* dialog = c.find("dialog", "Datum ausw\xc3\xa4hlen");
    REQUIRE(dialog);
    CHECK(dialog->parent == 0);  // the page's top level, not inside the main landmark the page makes inert
    const Node* grid = c.find("grid", "November 2026");
    REQUIRE(grid);
    CHECK(grid->attrs.find("\"calendar\":1") != std::string::npos);
    CHECK(grid->parent == dialog->key);
    // The week starts on Monday; 1 November 2026 is a Sunday, the last column of the first row.
    const Node* monday = c.find("columnheader", "Mo");
    REQUIRE(monday);
    CHECK(c.find("columnheader", "So"));
    const Node* first = c.find("button", "Sonntag, 1. November 2026");
    REQUIRE(first);
    const Node* cell = c.byKey(first->parent);
    REQUIRE(cell);
    CHECK(cell->role == "gridcell");
    CHECK((cell->states & ui::a11y::Selected) != 0);  // the field's day
    CHECK(first->x > monday->x + 5 * 36);
    CHECK(c.current() == "Sonntag, 1. November 2026");
    CHECK(c.focused() == "Sonntag, 1. November 2026");  // the page's focus goes there too
    CHECK(c.find("button", "Vorheriger Monat"));
    CHECK(c.find("button", "N\xc3\xa4" "chster Monat"));

    c.ui.pressKey(ImGuiKey_RightArrow);
    CHECK(c.current() == "Montag, 2. November 2026");
    CHECK(c.focused() == "Montag, 2. November 2026");
    c.ui.pressKey(ImGuiKey_DownArrow);
    CHECK(c.current() == "Montag, 9. November 2026");
    c.ui.pressKey(ImGuiKey_PageDown);
    CHECK(c.current() == "Mittwoch, 9. Dezember 2026");
    CHECK(c.find("grid", "Dezember 2026"));
    CHECK(c.focused() == "Mittwoch, 9. Dezember 2026");
    c.ui.pressKey(ImGuiMod_Shift, ImGuiKey_PageUp);
    c.ui.frame(2);
    CHECK(c.current() == "Dienstag, 9. Dezember 2025");
    c.ui.pressKey(ImGuiMod_Shift, ImGuiKey_PageDown);
    c.ui.frame(2);
    c.ui.pressKey(ImGuiKey_Home);
    CHECK(c.current() == "Montag, 7. Dezember 2026");
    c.ui.pressKey(ImGuiKey_End);
    CHECK(c.current() == "Sonntag, 13. Dezember 2026");
    // Nothing is filtered while the calendar is only moved.
    CHECK(c.store.state().route.invoices.from == "2026-11-01");
    c.ui.pressKey(ImGuiKey_Enter);
    c.ui.frame(2);
    CHECK_FALSE(c.find("dialog", "Datum ausw\xc3\xa4hlen"));
    CHECK(c.find("textbox", "Von")->value == "13.12.2026");
    CHECK(c.store.state().route.invoices.from == "2026-12-13");
    // The focus is back on the button that opened it.
    CHECK(c.focused() == "Datum f\xc3\xbcr \xe2\x80\x9eVon\xe2\x80\x9c ausw\xc3\xa4hlen");
}

TEST_CASE("date picker: Esc closes it unchanged; a tap on a day picks it; the mirror's day picks it; \"To\" too") {
    Invoices c(Language::German);
    c.type("Von", "01.11.2026");
    const std::string openFrom = "Datum f\xc3\xbcr \xe2\x80\x9eVon\xe2\x80\x9c ausw\xc3\xa4hlen";
    c.ui.mirror().activate(c.find("button", openFrom)->key);
    c.ui.frame(3);
    c.ui.pressKey(ImGuiKey_RightArrow);
    c.ui.pressKey(ImGuiKey_Escape);
    c.ui.frame(2);
    CHECK_FALSE(c.find("grid", "November 2026"));
    CHECK(c.find("textbox", "Von")->value == "01.11.2026");

    // A finger: the button, then a day.
    c.ui.tap("\xef\x81\xb3", "button");  // the calendar's icon: the first one is From's
    c.ui.frame(2);
    REQUIRE(c.find("grid", "November 2026"));
    auto day = c.ui.find("14", "button");
    REQUIRE(day);
    CHECK(day->w >= 36);
    c.ui.tap("14", "button");
    c.ui.frame(2);
    CHECK_FALSE(c.find("grid", "November 2026"));
    CHECK(c.find("textbox", "Von")->value == "14.11.2026");
    CHECK(c.store.state().route.invoices.from == "2026-11-14");

    // "To", empty: the mirror picks a day of the month after, reached with its button.
    c.ui.mirror().activate(c.find("button", "Datum f\xc3\xbcr \xe2\x80\x9e" "Bis\xe2\x80\x9c ausw\xc3\xa4hlen")->key);
    c.ui.frame(3);
    REQUIRE(c.find("dialog", "Datum ausw\xc3\xa4hlen"));
    c.ui.mirror().activate(c.find("button", "N\xc3\xa4" "chster Monat")->key);
    c.ui.frame(3);
    c.ui.mirror().activate(c.find("button", "Vorheriger Monat")->key);
    c.ui.frame(3);
    // Whatever month today is, the field had no day: pick the 20th of the month shown.
    std::string picked;
    for (const Node& n : c.ui.mirror().nodes())
        if (n.role == "button" && n.name.find(", 20. ") != std::string::npos) picked = n.name;
    REQUIRE(!picked.empty());
    c.ui.mirror().activate(c.find("button", picked)->key);
    c.ui.frame(3);
    CHECK_FALSE(c.find("dialog", "Datum ausw\xc3\xa4hlen"));
    CHECK(c.find("textbox", "Bis")->value.substr(0, 3) == "20.");
}

TEST_CASE("date picker, English: the week starts on Sunday, days are named the English way") {
    Invoices c(Language::English);
    c.type("From", "Nov 1, 2026");
    c.ui.mirror().activate(c.find("button", "Choose the \xe2\x80\x9c" "From\xe2\x80\x9d date")->key);
    c.ui.frame(3);
    REQUIRE(c.find("dialog", "Choose a date"));
    const Node* sunday = c.find("columnheader", "Su");
    const Node* saturday = c.find("columnheader", "Sa");
    REQUIRE(sunday);
    REQUIRE(saturday);
    CHECK(sunday->x < saturday->x);
    const Node* first = c.find("button", "Sunday, November 1, 2026");
    REQUIRE(first);
    CHECK(first->x < sunday->x + 36);  // the first column
    c.ui.pressKey(ImGuiKey_UpArrow);
    CHECK(c.current() == "Sunday, October 25, 2026");
    c.ui.pressKey(ImGuiKey_Enter);
    c.ui.frame(2);
    CHECK(c.find("textbox", "From")->value == "Oct 25, 2026");
    CHECK(c.store.state().route.invoices.from == "2026-10-25");
}
