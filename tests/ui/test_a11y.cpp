// The accessibility mirror (src/ui/a11y/a11y_tree.*) built from real frames: roles, names, values,
// structure, the diff (nothing while idle), and the page's requests acting like a pointer.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

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

struct Mirrored {
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    Store store{transport, platform};
    test::UiHarness ui{store, queue};

    Mirrored() {
        setLanguage(Language::English);
        store.start("config.json", "#/customers");
        transport.respond(0, 200, kConfig);
        ui.frame(4);
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
    void signIn() {
        const Node* b = find("button", "Demo sign-in");
        REQUIRE(b);
        ui.mirror().activate(b->key);
        ui.frame(2);
        transport.answer("/auth/demo", 200, kSession);
        ui.frame(2);
        REQUIRE(store.state().phase == Phase::SignedIn);
        transport.answer("/customers?", 200, test::readContract("customers_page.json"));
        ui.frame(3);
    }
};

}  // namespace

TEST_CASE("mirror: the sign-in screen's button and field, with value and placeholder") {
    Mirrored m;
    const Node* button = m.find("button", "Demo sign-in");
    REQUIRE(button);
    CHECK(button->w > 0);
    CHECK(button->h > 0);
    const Node* field = m.find("textbox", "Demo account email");
    REQUIRE(field);
    CHECK(field->value == "demo@reseller.example");
    CHECK(field->attrs.find("placeholder") != std::string::npos);
    // Icons are not spoken: Google's button is "Sign in with Google", without the glyph.
    CHECK(m.find("button", "Sign in with Google"));
}

TEST_CASE("mirror: activating a mirrored button does what a click does") {
    Mirrored m;
    m.signIn();  // activates "Demo sign-in" through the mirror
    CHECK(m.transport.count("/auth/demo") == 1);
    CHECK(m.find("link", "Customers"));
}

TEST_CASE("mirror: landmarks, the heading, the customer grid with whole-list counts and cells") {
    Mirrored m;
    m.signIn();
    const Node* nav = nullptr;
    const Node* main = nullptr;
    const Node* banner = nullptr;
    const Node* grid = nullptr;
    for (const Node& n : m.ui.mirror().nodes()) {
        if (n.role == "navigation") nav = &n;
        if (n.role == "main") main = &n;
        if (n.role == "banner") banner = &n;
        if (n.role == "grid") grid = &n;
    }
    REQUIRE(nav);
    REQUIRE(main);
    REQUIRE(banner);
    REQUIRE(grid);
    const Node* customers = m.find("link", "Customers");
    REQUIRE(customers);
    CHECK(customers->parent == nav->key);
    CHECK((customers->states & ui::a11y::Current) != 0);
    const Node* heading = m.find("heading", "Customers");
    REQUIRE(heading);
    CHECK(heading->attrs.find("\"level\":1") != std::string::npos);
    // The page answer says how many customers there are in all; the grid says the same (+ the header row).
    auto page = nlohmann::json::parse(test::readContract("customers_page.json"));
    std::int64_t total = page["total"].get<std::int64_t>();
    CHECK(grid->attrs.find("\"rowcount\":" + std::to_string(total + 1)) != std::string::npos);
    int rows = 0, headers = 0;
    const Node* cellWithName = nullptr;
    for (const Node& n : m.ui.mirror().nodes()) {
        if (n.role == "row" && n.parent == grid->key) ++rows;
        if (n.role == "columnheader") ++headers;
        if (n.role == "gridcell" && n.name.find("Jürgen Müller") != std::string::npos) cellWithName = &n;
    }
    // One header per column on screen (columns drop out by width), as the grid says.
    CHECK(headers >= 5);
    CHECK(grid->attrs.find("\"colcount\":" + std::to_string(headers)) != std::string::npos);
    CHECK(rows == 1 + static_cast<int>(page["items"].size()));
    REQUIRE(cellWithName);
    CHECK(cellWithName->name.find("Müller Bau GmbH") != std::string::npos);  // name and organization share the cell
    // The row's Manage button is inside a cell of that row.
    const Node* cell = cellWithName;
    const Node* row = m.byKey(cell->parent);
    REQUIRE(row);
    CHECK(row->role == "row");
    std::size_t at = 0;
    while (at < page["items"].size() && page["items"][at]["name"] != "Jürgen Müller") ++at;
    CHECK(row->attrs == "\"rowindex\":" + std::to_string(at + 2));  // 1 is the header row
    CHECK(row->id != 0);  // the row opens the customer
}

TEST_CASE("mirror: idle frames produce no diff; a change produces one") {
    Mirrored m;
    m.signIn();
    m.ui.frame(3);
    CHECK(m.ui.mirror().diff().empty());
    const Node* tab = m.find("tab", "Invited");
    REQUIRE(tab);
    CHECK((tab->states & ui::a11y::Selected) == 0);
    CHECK((m.find("tab", "All")->states & ui::a11y::Selected) != 0);
    m.ui.mirror().activate(tab->key);
    m.ui.frame(1);
    CHECK(m.store.state().route.customers.status == "invited");
    CHECK_FALSE(m.ui.mirror().diff().empty());
    m.ui.frame(2);
    CHECK((m.find("tab", "Invited")->states & ui::a11y::Selected) != 0);
}

TEST_CASE("mirror: a dialog with its title, fields filled from the page, errors linked to them") {
    Mirrored m;
    m.signIn();
    m.ui.mirror().activate(m.find("button", "New customer")->key);
    m.ui.frame(3);
    const Node* dialog = m.find("dialog", "Invite a new customer");
    REQUIRE(dialog);
    CHECK((dialog->states & ui::a11y::Modal) != 0);
    const Node* title = m.find("heading", "Invite a new customer");
    REQUIRE(title);
    CHECK(title->parent == dialog->key);
    CHECK(m.find("button", "Close"));
    // Text from the page lands in the ImGui field (and so in the store's form).
    m.ui.mirror().setText(m.find("textbox", "Google Workspace domain")->key, "https://bad.example");
    m.ui.frame(2);
    CHECK(m.find("textbox", "Google Workspace domain")->value == "https://bad.example");
    m.ui.mirror().setText(m.find("textbox", "Email")->key, "someone@bad.example");
    m.ui.frame(2);
    m.ui.mirror().activate(m.find("button", "Send invitation")->key);
    m.ui.frame(3);
    // The error line follows its field in the tree (web/a11y.js links them with aria-describedby).
    const auto& nodes = m.ui.mirror().nodes();
    bool linked = false;
    for (std::size_t i = 0; i + 1 < nodes.size(); ++i)
        if (nodes[i].role == "textbox" && nodes[i].name == "Google Workspace domain") linked = nodes[i + 1].role == "error";
    CHECK(linked);
}

TEST_CASE("mirror: the page's focus makes ImGui edit the field, and typing reaches it") {
    Mirrored m;
    const Node* field = m.find("textbox", "Demo account email");
    REQUIRE(field);
    m.ui.mirror().focus(field->key, true);
    m.ui.frame(2);
    CHECK(ImGui::GetActiveID() == field->id);
    m.ui.pressKey(ImGuiMod_Ctrl, ImGuiKey_A);
    m.ui.typeText("x@y.example");
    CHECK(m.find("textbox", "Demo account email")->value == "x@y.example");
}

TEST_CASE("mirror: the dashboard's renewals and activity are lists of links named once, that open") {
    Mirrored m;
    m.ui.resize(1440, 1400);  // the renewals card on screen, under the figures and the chart
    m.signIn();
    const Node* dashboard = m.find("link", "Dashboard");
    REQUIRE(dashboard);
    m.ui.mirror().activate(dashboard->key);
    m.ui.frame(2);
    m.transport.answer("/dashboard", 200, test::readContract("dashboard.json"));
    m.transport.answer("/activity", 200, test::readContract("activity_page.json"));
    m.ui.frame(3);
    const Node* renewals = m.find("list", "Upcoming renewals");
    const Node* activity = m.find("list", "Recent activity");
    REQUIRE(renewals);
    REQUIRE(activity);
    auto dash = nlohmann::json::parse(test::readContract("dashboard.json"));
    auto acts = nlohmann::json::parse(test::readContract("activity_page.json"));
    const auto& renewal = dash["renewals_next_30_days"]["items"][0];
    std::string who = renewal["organization"].get<std::string>();
    int items = 0, activityItems = 0;
    const Node* item = nullptr;
    for (const Node& n : m.ui.mirror().nodes()) {
        if (n.role == "listitem" && n.parent == renewals->key) ++items, item = &n;
        if (n.role == "listitem" && n.parent == activity->key) ++activityItems;
    }
    CHECK(items == static_cast<int>(dash["renewals_next_30_days"]["items"].size()));
    CHECK(activityItems == static_cast<int>(acts["items"].size()));
    REQUIRE(item);
    CHECK(item->attrs == "\"posinset\":" + std::to_string(items) + ",\"setsize\":" + std::to_string(items));
    // The entry is a link named by whose subscription renews, and that name is not said again as text.
    const Node* link = m.find("link", who);
    REQUIRE(link);
    CHECK(link->parent != 0);
    CHECK(m.byKey(link->parent)->role == "listitem");
    int said = 0;
    for (const Node& n : m.ui.mirror().nodes())
        if (n.name == who) ++said;
    CHECK(said == 1);
    m.ui.mirror().activate(link->key);
    m.ui.frame(2);
    CHECK(m.store.state().route.screen == Screen::Customer);
    CHECK(m.store.state().route.customerId == renewal["customer_id"].get<std::int64_t>());
}

TEST_CASE("mirror: the page's keys on a grid's rows scroll it as little as shows the row asked for") {
    Mirrored m;
    // A page of 60 customers: more than fit on screen.
    auto page = nlohmann::json::parse(test::readContract("customers_page.json"));
    nlohmann::json one = page["items"][0];
    page["items"] = nlohmann::json::array();
    for (int i = 0; i < 60; ++i) {
        nlohmann::json c = one;
        c["id"] = 1000 + i;
        char name[32];
        std::snprintf(name, sizeof name, "Customer %02d", i);
        c["name"] = name;
        page["items"].push_back(c);
    }
    page["total"] = 60;
    page["next_cursor"] = nullptr;
    const Node* b = m.find("button", "Demo sign-in");
    REQUIRE(b);
    m.ui.mirror().activate(b->key);
    m.ui.frame(2);
    m.transport.answer("/auth/demo", 200, kSession);
    m.ui.frame(2);
    m.transport.answer("/customers?", 200, page.dump());
    m.ui.frame(3);
    const Node* grid = nullptr;
    for (const Node& n : m.ui.mirror().nodes())
        if (n.role == "grid") grid = &n;
    REQUIRE(grid);
    auto rowDrawn = [&](const std::string& name) {
        for (const Node& n : m.ui.mirror().nodes())
            if (n.role == "gridcell" && n.name.rfind(name, 0) == 0) return true;
        return false;
    };
    CHECK(rowDrawn("Customer 00"));
    CHECK_FALSE(rowDrawn("Customer 40"));
    m.ui.mirror().reveal(grid->key, 40);
    m.ui.frame(3);
    // Row 40 is drawn, as the last whole row: the one before the screen's first is gone.
    CHECK(rowDrawn("Customer 40"));
    CHECK_FALSE(rowDrawn("Customer 00"));
    std::uint32_t gridKey = grid->key;
    int lastWhole = -1;
    for (int i = 0; i < 60; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "Customer %02d", i);
        if (rowDrawn(name)) lastWhole = i;
    }
    CHECK(lastWhole <= 41);  // at most the row under it, partly shown
    // The footer says which rows are on screen, first to last, of all.
    std::string footer;
    for (const auto& it : m.ui.items())
        if (it.label.find(" of 60 customers") != std::string::npos) footer = it.label;
    int from = 0, to = 0;
    REQUIRE(std::sscanf(footer.c_str(), "%d–%d of 60", &from, &to) == 2);
    CHECK(from > 1);
    CHECK(to == 41);  // row 40 (the 41st) is the last one shown whole
    CHECK(lastWhole <= to);  // the row drawn under it is only partly shown
    // Back up: the row asked for becomes the first.
    m.ui.mirror().reveal(gridKey, 5);
    m.ui.frame(3);
    CHECK(rowDrawn("Customer 05"));
    CHECK_FALSE(rowDrawn("Customer 04"));
    // A row already shown whole does not move the list; a key for another list or a bad row is ignored.
    m.ui.mirror().reveal(gridKey, 6);
    m.ui.mirror().reveal(12345, 50);
    m.ui.mirror().reveal(gridKey, -3);
    m.ui.frame(3);
    CHECK(rowDrawn("Customer 05"));
    CHECK_FALSE(rowDrawn("Customer 04"));
}

TEST_CASE("mirror: the column the list is sorted by says so (aria-sort), and follows a new sort") {
    Mirrored m;
    m.signIn();
    auto sortOf = [&](const std::string& title) -> std::string {
        const Node* b = m.find("button", title);
        if (!b) return "missing";
        const Node* cell = m.byKey(b->parent);
        if (!cell || cell->role != "columnheader") return "not in a header";
        return cell->attrs;
    };
    CHECK(sortOf("Customer") == "\"sort\":\"ascending\"");  // names A-Z at first
    // Said as written, without the "+" drawn before it (voice control: "click New customer").
    CHECK(m.find("button", "New customer"));
    CHECK(sortOf("Licenses").empty());
    const Node* licenses = m.find("button", "Licenses");
    REQUIRE(licenses);
    m.ui.mirror().activate(licenses->key);
    m.ui.frame(2);
    m.transport.answer("/customers?", 200, test::readContract("customers_page.json"));
    m.ui.frame(3);
    CHECK(sortOf("Licenses") == "\"sort\":\"ascending\"");
    CHECK(sortOf("Customer").empty());
    m.ui.mirror().activate(m.find("button", "Licenses")->key);
    m.ui.frame(2);
    m.transport.answer("/customers?", 200, test::readContract("customers_page.json"));
    m.ui.frame(3);
    CHECK(sortOf("Licenses") == "\"sort\":\"descending\"");
}

TEST_CASE("mirror: the main landmark says the page goes on below, and the page's request scrolls it a screen on") {
    Mirrored m;
    m.ui.resize(1280, 700);
    m.signIn();
    m.ui.mirror().activate(m.find("link", "Dashboard")->key);
    m.ui.frame(2);
    m.transport.answer("/dashboard", 200, test::readContract("dashboard.json"));
    m.transport.answer("/activity", 200, test::readContract("activity_page.json"));
    m.ui.frame(3);
    auto mainNode = [&]() -> const Node* {
        for (const Node& n : m.ui.mirror().nodes())
            if (n.role == "main") return &n;
        return nullptr;
    };
    REQUIRE(mainNode());
    CHECK(mainNode()->attrs == "\"more\":1");  // more below, nothing above
    CHECK_FALSE(m.find("heading", "Upcoming renewals"));  // under the fold: not drawn
    m.ui.mirror().reveal(mainNode()->key, 1);
    m.ui.frame(3);
    CHECK(m.find("heading", "Upcoming renewals"));  // a screen on, in sight
    CHECK(mainNode()->attrs.find("\"more\":") != std::string::npos);
    CHECK((std::stoi(mainNode()->attrs.substr(7)) & 2) != 0);  // now there is more above
    m.ui.mirror().reveal(mainNode()->key, 0);
    m.ui.frame(3);
    CHECK_FALSE(m.find("heading", "Upcoming renewals"));
    CHECK(mainNode()->attrs == "\"more\":1");
}

TEST_CASE("mirror: a field focused and left before the next frame (keys faster than frames) does not pull the focus back") {
    Mirrored m;
    const Node* field = m.find("textbox", "Demo account email");
    const Node* button = m.find("button", "Demo sign-in");
    REQUIRE(field);
    REQUIRE(button);
    std::uint32_t fieldKey = field->key, buttonKey = button->key;
    m.ui.mirror().focus(fieldKey, true);   // Tab onto the field...
    m.ui.mirror().focus(buttonKey, true);  // ...and on to the button, before a frame was drawn
    for (int i = 0; i < 4; ++i) {
        m.ui.frame(1);
        const std::string& diff = m.ui.mirror().diff();
        CHECK_MESSAGE(diff.find("\"f\":" + std::to_string(fieldKey)) == std::string::npos, diff);
        CHECK_FALSE(m.ui.mirror().editing(fieldKey));
    }
    // Focused alone, the field is edited as before.
    m.ui.mirror().focus(fieldKey, true);
    m.ui.frame(2);
    CHECK(m.ui.mirror().editing(fieldKey));
}

TEST_CASE("mirror: a checkbox says whether it is ticked (aria-checked), and follows a tick from the page") {
    Mirrored m;
    m.signIn();
    m.ui.mirror().activate(m.find("button", "New customer")->key);
    m.ui.frame(3);
    const std::string label = tr(Text::WithBillingDetails);
    const Node* box = m.find("checkbox", label);
    REQUIRE(box);
    CHECK((box->states & ui::a11y::Selected) == 0);
    m.ui.mirror().activate(box->key);
    m.ui.frame(3);
    box = m.find("checkbox", label);
    REQUIRE(box);
    CHECK((box->states & ui::a11y::Selected) != 0);
}

TEST_CASE("mirror: text typed into a field and left before a frame applied it is kept (fill(), then the next field)") {
    Mirrored m;
    m.signIn();
    m.ui.mirror().activate(m.find("button", "New customer")->key);
    m.ui.frame(3);
    const Node* name = m.find("textbox", "Contact name");
    const Node* email = m.find("textbox", "Email");
    REQUIRE(name);
    REQUIRE(email);
    std::uint32_t nameKey = name->key, emailKey = email->key;
    m.ui.mirror().focus(nameKey, true);
    m.ui.frame(2);
    REQUIRE(m.ui.mirror().editing(nameKey));
    // The page's typed path (rc_a11y_input): the characters go into ImGui's queue, in order with
    // the keys; the page's value of the field goes with them.
    ImGui::GetIO().AddInputCharactersUTF8("Zoë Zoom");
    m.ui.mirror().typed(nameKey, "Zoë Zoom");
    // The next field is focused before a frame applied them.
    CHECK(m.ui.mirror().focus(emailKey, true));
    m.ui.frame(3);
    CHECK(m.find("textbox", "Contact name")->value == "Zoë Zoom");
    CHECK(m.find("textbox", "Email")->value.empty());  // the queued characters went nowhere else
    CHECK(m.ui.mirror().editing(emailKey));
    // Text applied before the focus moved on is left as it is: nothing queued, nothing taken.
    ImGui::GetIO().AddInputCharactersUTF8("x@y.example");
    m.ui.mirror().typed(emailKey, "x@y.example");
    m.ui.frame(2);
    CHECK_FALSE(m.ui.mirror().focus(nameKey, true));
    m.ui.frame(2);
    CHECK(m.find("textbox", "Email")->value == "x@y.example");
    CHECK(m.find("textbox", "Contact name")->value == "Zoë Zoom");
}
