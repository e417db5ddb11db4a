// Billing on screen (issue 18): the billing profile for Admins (others see it with Save disabled
// and the reason), a customer's Billing details card behind manage_customers, and an invoice
// showing its tax rule, service periods and both e-invoice downloads; a credit note names the
// invoice it corrects.
#include <doctest/doctest.h>

#include "../core/fake_platform.h"
#include "../core/fake_transport.h"
#include "core/i18n.h"
#include "imgui.h"
#include "ui_harness.h"

using namespace rc;
using ui::a11y::Node;

namespace {

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

    explicit Console(float width = 1280, float height = 900) : ui(store, queue, width, height) {
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

    void go(Screen screen, std::int64_t id = 0) {
        Route r;
        r.screen = screen;
        r.customerId = screen == Screen::Customer ? id : 0;
        r.invoiceId = screen == Screen::Invoices ? id : 0;
        store.navigate(r);
        ui.frame(2);
    }

    bool gated(const std::string& label, const std::string& reason) {
        auto item = ui.find(label, "button");
        if (!item || !item->disabled) return false;
        for (const Node& n : ui.mirror().nodes())
            if (n.role == "button" && n.name == label)
                return (n.states & ui::a11y::Disabled) && n.attrs.find("\"desc\":\"" + reason + "\"") != std::string::npos;
        return false;
    }
};

}  // namespace

TEST_CASE("the billing profile is in the navigation for Admins, and a Viewer sees Save disabled with the reason") {
    {  // one console at a time: each has its own ImGui context
    Console admin;
    admin.signInAs("admin");
    CHECK(admin.ui.has("Billing", "menu"));
    admin.go(Screen::Billing);
    admin.transport.answer("/billing-profile", 200, test::readContract("billing_profile.json"));
    admin.ui.frame(3);
    CHECK(admin.ui.has("IBAN", "input"));
    CHECK(admin.ui.has("Legal name", "input"));
    auto save = admin.ui.find("Save changes", "button");
    REQUIRE(save.has_value());
    CHECK(save->disabled);  // nothing changed yet
    CHECK(admin.ui.has("Invoices were issued in USD: the currency stays."));
    }
    Console viewer;
    viewer.signInAs("viewer");
    CHECK_FALSE(viewer.ui.has("Billing", "menu"));
    viewer.go(Screen::Billing);
    viewer.transport.answer("/billing-profile", 200, test::readContract("billing_profile.json"));
    viewer.ui.frame(3);
    CHECK(viewer.gated("Save changes", "Needs the Admin role"));
    CHECK(viewer.ui.has("Needs the Admin role", "note"));
}

TEST_CASE("a customer's Billing details card: the details as kept, Edit behind manage_customers") {
    Console c(1440, 1800);  // the card is under the subscription's: all of the page on screen
    c.signInAs("buyer");
    c.go(Screen::Customer, 6);
    c.transport.answer("/customers/6", 200, test::readContract("customer_billing.json"));
    c.ui.frame(3);
    CHECK(c.ui.has("Billing details"));
    CHECK(c.ui.has("Am Sandtorkai 12"));
    CHECK(c.ui.has("DE987654321"));
    CHECK(c.gated("Edit billing details", "Needs the Sales or Admin role"));
    c.ui.click("Edit billing details", "button");
    c.ui.frame(2);
    CHECK_FALSE(c.store.state().customer.billing.open);
}

TEST_CASE("an invoice shows its VAT, each line's service period and both e-invoice downloads") {
    Console c;
    c.signInAs("admin");
    c.go(Screen::Invoices, 6);
    c.transport.answer("/invoices/6", 200, test::readContract("invoice_einvoice.json"));
    c.ui.frame(3);
    CHECK(c.ui.has("Invoice RE-2027-000006"));
    CHECK(c.ui.has("VAT 19%"));
    CHECK(c.ui.has("Service period Jan 4, 2027 – Feb 3, 2027"));
    CHECK(c.ui.has("USt-IdNr. DE987654321") == false);  // English: "VAT ID DE987654321"
    CHECK(c.ui.has("VAT ID DE987654321"));
    auto pdf = c.ui.find("Download PDF", "button");
    auto xml = c.ui.find("XRechnung (XML)", "button");
    REQUIRE(pdf.has_value());
    REQUIRE(xml.has_value());
    CHECK_FALSE(xml->disabled);
    c.ui.click("XRechnung (XML)", "button");
    c.ui.frame(2);
    REQUIRE(c.platform.downloads.size() == 1);
    CHECK(c.platform.downloads[0].request.url.find("/xrechnung.xml") != std::string::npos);
}

TEST_CASE("a credit note is called so and names the invoice it corrects, which one click opens") {
    Console c;
    c.signInAs("admin");
    std::string outcome = test::readContract("license_order_credit.json");
    auto at = outcome.find("\"credit_note\": ");
    REQUIRE(at != std::string::npos);
    // The credit note alone, as GET /invoices/7 answers it.
    std::string credit = outcome.substr(at + 15);
    credit = credit.substr(0, credit.rfind('}'));
    c.go(Screen::Invoices, 7);
    c.transport.answer("/invoices/7", 200, credit);
    c.ui.frame(3);
    CHECK(c.ui.has("Credit note RE-2027-000007"));
    CHECK(c.ui.has("Credit note", "badge"));
    REQUIRE(c.ui.has("Corrects invoice RE-2027-000006 of Jan 4, 2027", "link"));
    c.ui.click("Corrects invoice RE-2027-000006 of Jan 4, 2027", "link");
    c.ui.frame(2);
    CHECK(c.store.state().invoice.id == 6);
}
