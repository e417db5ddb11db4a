// Teams on screen: controls a role does not allow are shown disabled with the reason (as a note,
// and as the accessible description in the mirror), never hidden.
#include <doctest/doctest.h>

#include "../core/fake_platform.h"
#include "../core/fake_transport.h"
#include "core/i18n.h"
#include "imgui.h"
#include "ui_harness.h"

using namespace rc;
using ui::a11y::Node;

namespace {

const char* kInvited = R"({"id": 1, "name": "Sophie Weiß", "email": "sophie.weiss@weiss-immobilien.de",
    "google_domain": "weiss-immobilien.de", "organization": "Weiß & Söhne Immobilien KG", "status": "invited",
    "created_at": "2026-12-04T11:00:00Z", "invitation": {"status": "pending", "url": "http://127.0.0.1:8000/invite/Xk3n9Qp",
    "sent_at": "2026-12-04T11:00:00Z", "expires_at": "2099-12-18T11:00:00Z", "accepted_at": null}, "subscription": null})";
const char* kConfig = R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "demo@reseller.example"})";

std::string meAs(const std::string& role) {
    std::string me = test::readContract("me.json");
    std::size_t at = me.find("\"role\": \"admin\"");
    REQUIRE(at != std::string::npos);
    return me.replace(at, 15, "\"role\": \"" + role + "\"");
}

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
    }

    void signInAs(const std::string& role) {
        ui.click("Demo sign-in", "button");
        transport.answer("/auth/demo", 200, test::readContract("auth_demo.json"));
        ui.frame(2);
        REQUIRE(store.state().phase == Phase::SignedIn);
        transport.answer("v1/me", 200, meAs(role));
        ui.frame(2);
    }

    void onCustomer(const std::string& role, const std::string& customer = test::readContract("customer.json")) {
        signInAs(role);
        Route r;
        r.screen = Screen::Customer;
        r.customerId = 1;
        store.navigate(r);
        transport.answer("/customers/1", 200, customer);
        transport.answer("/plans", 200, test::readContract("plans.json"));
        transport.answer("/activity", 200, test::readContract("activity_page.json"));
        transport.answer("/invoices?", 200, test::readContract("invoices_page.json"));
        ui.frame(3);
    }

    const Node* node(const std::string& role, const std::string& name) {
        for (const Node& n : ui.mirror().nodes())
            if (n.role == role && n.name == name) return &n;
        return nullptr;
    }
    // Presses a button of the open dialog (the screen behind may have one of the same name).
    void pressInDialog(const std::string& name) {
        const auto& nodes = ui.mirror().nodes();
        auto inDialog = [&](const Node& n) {
            for (std::uint32_t p = n.parent; p;) {
                const Node* parent = nullptr;
                for (const Node& m : nodes)
                    if (m.key == p) parent = &m;
                if (!parent) return false;
                if (parent->role == "dialog") return true;
                p = parent->parent;
            }
            return false;
        };
        for (const Node& n : nodes)
            if (n.role == "button" && n.name == name && inDialog(n)) {
                ui.mirror().activate(n.key);
                ui.frame(3);
                return;
            }
        FAIL("no button '" << name << "' in a dialog");
    }
};

// The button is there, disabled, described by `reason` in the mirror, and the reason is on screen.
// `spoken`: what the mirror calls it, when it is not the label (an icon before the words).
void checkGated(Console& c, const std::string& label, const std::string& reason, const std::string& spoken = {}) {
    CAPTURE(label);
    auto item = c.ui.find(label, "button");
    REQUIRE(item.has_value());
    CHECK(item->disabled);
    const Node* n = c.node("button", spoken.empty() ? label : spoken);
    REQUIRE(n);
    CHECK((n->states & ui::a11y::Disabled) != 0);
    CHECK(n->attrs.find("\"desc\":\"" + reason + "\"") != std::string::npos);
    CHECK(c.ui.has(reason, "note"));
}

}  // namespace

TEST_CASE("a Viewer sees the subscription's actions disabled with the role they need, not hidden") {
    Console c;
    c.onCustomer("viewer");
    checkGated(c, "Add licenses", "Needs the Buyer or Admin role");
    checkGated(c, "Upgrade plan", "Needs the Buyer or Admin role");
    checkGated(c, "Cancel subscription", "Needs the Buyer or Admin role");
    // One line for the three, not three.
    int notes = 0;
    for (const auto& it : c.ui.items()) notes += it.kind == "note" && it.label == "Needs the Buyer or Admin role";
    CHECK(notes == 1);
    // A click does nothing.
    c.ui.click("Add licenses", "button");
    c.ui.frame(2);
    CHECK_FALSE(c.store.state().customer.licenses.open);
    // In German, the same reason in German.
    setLanguage(Language::German);
    c.ui.frame(2);
    checkGated(c, "Lizenzen hinzufügen", "Erfordert die Rolle Einkauf oder Admin");
    setLanguage(Language::English);
}

TEST_CASE("a Buyer may order: the same buttons are enabled, with no note") {
    Console c;
    c.onCustomer("buyer");
    auto add = c.ui.find("Add licenses", "button");
    REQUIRE(add.has_value());
    CHECK_FALSE(add->disabled);
    const Node* n = c.node("button", "Add licenses");
    REQUIRE(n);
    CHECK(n->attrs.find("desc") == std::string::npos);
    CHECK_FALSE(c.ui.has("Needs the Buyer or Admin role", "note"));
    c.ui.click("Add licenses", "button");
    c.ui.frame(2);
    CHECK(c.store.state().customer.licenses.open);
}

TEST_CASE("a Buyer sees an invitation's Resend and Revoke disabled: they need the Sales or Admin role") {
    Console c;
    c.onCustomer("buyer", kInvited);
    checkGated(c, "Resend", "Needs the Sales or Admin role");
    checkGated(c, "Revoke", "Needs the Sales or Admin role");
}

TEST_CASE("New customer needs the Sales or Admin role; Export CSV and the PDF the Buyer or Admin role") {
    Console c;
    c.signInAs("viewer");
    c.transport.answer("/customers?", 200, test::readContract("customers_page.json"));
    c.ui.frame(2);
    checkGated(c, "+  New customer", "Needs the Sales or Admin role", "New customer");
    // The list's own tools (issue 19): importing invites, exporting is a billing export.
    checkGated(c, "Import", "Needs the Sales or Admin role");
    checkGated(c, "Export CSV  \xef\x83\x97", "Needs the Buyer or Admin role", "Export CSV");  // its caret is not said
    Route r;
    r.screen = Screen::Invoices;
    c.store.navigate(r);
    c.transport.answer("/invoices?", 200, test::readContract("invoices_page.json"));
    c.ui.frame(3);
    checkGated(c, "Export CSV", "Needs the Buyer or Admin role");
    c.store.invoices().open(1);
    c.transport.answer("/invoices/1", 200, test::readContract("invoice.json"));
    c.ui.frame(3);
    checkGated(c, "Download PDF", "Needs the Buyer or Admin role");
}

TEST_CASE("offline, a control that needs the network says so the same way") {
    Console c;
    c.onCustomer("admin");
    c.store.customerPage().reload();
    c.transport.answer("/customers/1", 0, "");
    c.ui.frame(3);
    REQUIRE(c.store.offline().isOffline());
    checkGated(c, "Upgrade plan", "Needs a connection — you are offline.");
    // Ordering licenses offline waits in the queue: it stays enabled.
    auto add = c.ui.find("Add licenses", "button");
    REQUIRE(add.has_value());
    CHECK_FALSE(add->disabled);
}

namespace {

// An Admin on the Team screen, the contract's four members in.
struct TeamScreen : Console {
    explicit TeamScreen(float width = 1280, float height = 800) : Console(width, height) {
        signInAs("admin");
        Route r;
        r.screen = Screen::Team;
        store.navigate(r);
        transport.answer("/team/members", 200, test::readContract("team_members.json"));
        ui.frame(3);
    }
};

}  // namespace

TEST_CASE("the Team screen lists each member with role and last sign-in; the last Admin keeps the role") {
    for (float width : {1280.0f, 390.0f}) {
        CAPTURE(width);
        TeamScreen c(width, 844);
        CHECK(c.ui.has("Team", "heading"));
        for (const char* name : {"Demo", "Marcus Weber", "Priya Nair", "Tom Fischer"}) CHECK(c.ui.has(name));
        CHECK(c.ui.has("You", "badge"));
        CHECK(c.ui.has("Buyer", "badge"));
        CHECK(c.ui.has("Viewer", "badge"));
        bool never = false;
        for (const auto& it : c.ui.items()) never = never || it.label.find("Never") != std::string::npos;
        CHECK(never);  // Marcus never signed in
        // The only Admin can be neither given another role nor removed: disabled, and why.
        const Node* change = nullptr;
        for (const Node& n : c.ui.mirror().nodes())
            if (n.role == "button" && n.name == "Change role" && (n.states & ui::a11y::Disabled)) change = &n;
        REQUIRE(change);
        CHECK(change->attrs.find("The team's last Admin keeps the role") != std::string::npos);
        CHECK(c.ui.has("The team's last Admin keeps the role", "note"));
        // The members are a list in the mirror.
        bool list = false;
        for (const Node& n : c.ui.mirror().nodes()) list = list || (n.role == "list" && n.name == "Team");
        CHECK(list);
    }
}

TEST_CASE("adding a member through the dialog: errors on their fields, then the member added") {
    TeamScreen c;
    c.ui.click("+  Add member", "button");
    c.ui.frame(2);
    REQUIRE(c.ui.has("Add a team member", "heading"));
    c.ui.typeText("anna(at)partner");
    c.ui.click("Add member", "button");
    c.ui.frame(2);
    CHECK(c.transport.count("/team/members", "POST") == 0);
    CHECK(c.ui.has("Enter an email address such as name@example.com.", "error"));
    c.ui.click("Google email address", "input");
    c.ui.pressKey(ImGuiMod_Ctrl, ImGuiKey_A);
    c.ui.typeText("anna@partner.example");
    c.ui.click("Name", "input");
    c.ui.typeText("Anna Schmidt");
    c.ui.click("Buyer", "radio");
    c.ui.frame();
    c.ui.doubleClick("Add member", "button");
    REQUIRE(c.transport.count("/team/members", "POST") == 1);
    std::size_t post = c.transport.last("/team/members", "POST");
    CHECK(c.transport.sent[post].request.body.find("\"role\":\"buyer\"") != std::string::npos);
    c.transport.respond(post, 409, test::readContract("error_member_exists.json"));
    c.ui.frame(2);
    CHECK(c.ui.has("This person is already a member of the team.", "error"));
    c.ui.click("Cancel", "button");
    c.ui.frame(2);
    CHECK_FALSE(c.ui.has("Add a team member", "heading"));
}

TEST_CASE("changing a role and removing a member: each asks first, says who is signed out, and sends once") {
    TeamScreen c;
    // Marcus's row: the second "Change role".
    std::vector<ui::DrawnItem> changes;
    for (const auto& it : c.ui.items())
        if (it.kind == "button" && it.label == "Change role" && !it.disabled) changes.push_back(it);
    REQUIRE(changes.size() == 3);
    c.store.team().askRoleChange(2);
    c.ui.frame(2);
    CHECK(c.ui.has("Change the role of Marcus Weber", "heading"));
    CHECK(c.ui.has("Marcus Weber is signed out at once and signs in again with the new role."));
    c.ui.click("Viewer", "radio");
    c.ui.frame(2);
    c.pressInDialog("Change role");
    REQUIRE(c.transport.count("/team/members/2", "PATCH") == 1);
    c.transport.answer("/team/members/2", 200, R"({"id": 2, "email": "marcus.weber@reseller.example", "name": "Marcus Weber",
        "role": "viewer", "last_sign_in_at": null, "added_at": "2026-12-04T11:00:00Z"})");
    c.ui.frame(2);
    CHECK_FALSE(c.ui.has("Change the role of Marcus Weber", "heading"));
    c.transport.answer("/team/members", 200, test::readContract("team_members.json"));
    c.ui.frame(2);

    c.store.team().askRemove(4);
    c.ui.frame(2);
    CHECK(c.ui.has("Remove Tom Fischer from the team?", "heading"));
    c.pressInDialog("Remove");
    CHECK(c.transport.count("/team/members/4", "DELETE") == 1);
}

TEST_CASE("a role without manage_team reaching #/team is told who manages the team, and nothing is asked") {
    Console c;
    c.signInAs("sales");
    Route r;
    r.screen = Screen::Team;
    c.store.navigate(r);
    c.ui.frame(2);
    CHECK(c.ui.has("Only Admins manage the team"));
    CHECK(c.ui.has("Your role is Sales. Ask an Admin of your team to add members or change roles."));
    CHECK(c.transport.count("/team/members") == 0);
}

TEST_CASE("Sign out while writes wait: the warning lists them, Send them first and Discard; Discard signs out") {
    Console c(390, 844);  // a phone: the dialog fills the screen
    c.signInAs("sales");
    c.transport.answer("/customers?", 0, "");
    c.ui.frame(2);
    REQUIRE(c.store.offline().isOffline());
    c.store.newCustomer().open();
    c.store.newCustomer().edit("Zoë Harper", "zoe@harper.example", "harper.example", "Harper");
    c.store.newCustomer().submit();
    c.ui.frame(3);
    REQUIRE(c.store.state().offline.outbox.size() == 1);
    c.store.session().signOut();
    c.ui.frame(3);
    CHECK(c.ui.has("Changes made offline are still waiting"));
    CHECK(c.ui.has("Invitation to zoe@harper.example", "text"));
    CHECK(c.ui.has("Send them first", "button"));
    CHECK(c.ui.has("Discard them and sign out", "button"));
    setLanguage(Language::German);
    c.ui.frame(2);
    CHECK(c.ui.has("Verwerfen und abmelden", "button"));
    CHECK(c.ui.has("Einladung an zoe@harper.example", "text"));
    setLanguage(Language::English);
    c.ui.frame(2);
    c.pressInDialog("Discard them and sign out");
    CHECK(c.store.state().phase == Phase::SignedOut);
    CHECK(c.store.state().offline.outbox.empty());
    CHECK(c.ui.has("Demo sign-in", "button"));
}

TEST_CASE("a person in several accounts chooses one on the sign-in card, each with their role there") {
    Console c;
    c.store.session().signInWithGoogle("cred-1");
    c.transport.answer("/auth/google", 409, test::readContract("error_choose_reseller.json"));
    c.ui.frame(3);
    CHECK(c.ui.has("Which account?", "heading"));
    CHECK(c.ui.has("Hartmann IT", "button"));
    CHECK(c.ui.has("Your role: Buyer"));
    CHECK_FALSE(c.ui.has("Demo sign-in", "button"));  // one question at a time
    c.ui.click("Cloudwerk GmbH", "button");
    c.ui.frame(2);
    REQUIRE(c.transport.count("/auth/google") == 2);
    CHECK(c.transport.sent[c.transport.last("/auth/google")].request.body.find("\"reseller_id\":3") != std::string::npos);
    c.transport.answer("/auth/google", 200, test::readContract("auth_google.json"));
    c.ui.frame(3);
    CHECK(c.store.state().phase == Phase::SignedIn);
}
