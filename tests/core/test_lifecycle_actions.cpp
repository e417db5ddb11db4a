// The lifecycle slice's actions on the customer's page (issue 23): who may, what is sent (with
// its key and expected_* preconditions), a double click, offline, and another member's change.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/i18n.h"
#include "core/lifecycle_codec.h"
#include "core/store.h"
#include "store_fixture.h"

using namespace rc;
using json = nlohmann::json;

namespace {
json bodyOf(const test::Fixture& f, std::size_t at) { return json::parse(f.transport.sent.at(at).request.body); }

void onCustomerAs(test::Fixture& f, const char* role, const char* file = "customer.json") {
    f.onCustomer(file);
    f.transport.answer("v1/me", 200, test::meAs(role));
    f.queue.drain();
}
}  // namespace

TEST_CASE("edit customer's body: only what changed, trimmed; every detail as seen; the domain only while invited") {
    CustomerDetails seen{"Jürgen Müller", "j@mueller-bau.de", "Müller Bau GmbH", "mueller-bau.de"};
    CustomerDetails draft = seen;
    CHECK_FALSE(codec::customerEditChanges(seen, draft, true));
    draft.name = "  Jürgen Müller  ";  // the same once trimmed
    CHECK_FALSE(codec::customerEditChanges(seen, draft, true));
    draft.organization = " Müller Bau AG ";
    draft.googleDomain = "Mueller-Bau.COM";
    json accepted = json::parse(codec::encodeCustomerEdit(seen, draft, false));
    CHECK(accepted == json{{"organization", "Müller Bau AG"}, {"expected_name", "Jürgen Müller"}, {"expected_email", "j@mueller-bau.de"},
                           {"expected_organization", "Müller Bau GmbH"}, {"expected_google_domain", "mueller-bau.de"}});
    json invited = json::parse(codec::encodeCustomerEdit(seen, draft, true));
    CHECK(invited["google_domain"] == "mueller-bau.com");
}

TEST_CASE("edit customer: Sales or Admin only; one PATCH for a double click, with a key and the details seen") {
    setLanguage(Language::English);
    test::Fixture f;
    onCustomerAs(f, "buyer");  // Buyer may not manage customers
    f.store.lifecycle().openEdit();
    CHECK_FALSE(f.store.state().customer.edit.open);

    f.store.session().loadMe();
    f.transport.answer("v1/me", 200, test::meAs("sales"));
    f.queue.drain();
    f.store.lifecycle().openEdit();
    const CustomerEdit& e = f.store.state().customer.edit;
    REQUIRE(e.open);
    CHECK_FALSE(e.domainEditable);  // the customer is active
    CustomerDetails d = e.draft;
    d.name = "Jürgen Müller-Lüdenscheidt";
    d.googleDomain = "elsewhere.de";  // not editable: ignored
    f.store.lifecycle().editDraft(d);
    CHECK(e.draft.googleDomain == e.seen.googleDomain);
    f.store.lifecycle().saveEdit();
    f.store.lifecycle().saveEdit();  // a double click
    CHECK(f.transport.count("/customers/7", "PATCH") == 1);
    std::size_t at = f.transport.last("/customers/7", "PATCH");
    CHECK_FALSE(f.transport.header(at, "Idempotency-Key").empty());
    json body = bodyOf(f, at);
    CHECK(body["name"] == "Jürgen Müller-Lüdenscheidt");
    CHECK_FALSE(body.contains("google_domain"));
    CHECK_FALSE(body.contains("email"));
    CHECK(body["expected_name"] == "Jürgen Müller");
    CHECK(body["expected_google_domain"] == "mueller-bau.de");
    f.transport.answer("/customers/7", 200, test::readContract("customer.json"));
    f.queue.drain();
    CHECK_FALSE(e.open);
    REQUIRE_FALSE(f.store.state().toasts.empty());
    CHECK(sentence(f.store.state().toasts.back().message) == "Customer details saved.");
}

TEST_CASE("edit customer: a field the rules refuse is said at once and nothing is sent; offline says it needs a connection") {
    setLanguage(Language::English);
    test::Fixture f;
    onCustomerAs(f, "admin");
    f.store.lifecycle().openEdit();
    CustomerDetails d = f.store.state().customer.edit.draft;
    d.email = "not an address";
    f.store.lifecycle().editDraft(d);
    f.store.lifecycle().saveEdit();
    CHECK(f.transport.count("/customers/7", "PATCH") == 0);
    CHECK(f.store.state().customer.edit.fieldErrors.count("email") == 1);

    d.email = "j.mueller@mueller-bau.com";
    f.store.lifecycle().editDraft(d);
    CHECK(f.store.state().customer.edit.fieldErrors.empty());
    f.store.customerPage().reload();
    test::dropConnection(f, "/customers/7");
    REQUIRE(f.store.offline().isOffline());
    f.store.lifecycle().saveEdit();
    CHECK(f.transport.count("/customers/7", "PATCH") == 0);
    REQUIRE(f.store.state().customer.edit.error);
    CHECK(f.store.state().customer.edit.error->code == "network_error");
    CHECK(f.store.state().customer.edit.draft.email == "j.mueller@mueller-bau.com");  // nothing typed is lost
}

TEST_CASE("edit customer: another member's change meanwhile is taken where nothing was typed, and the next save expects it") {
    setLanguage(Language::English);
    test::Fixture f;
    onCustomerAs(f, "admin");
    f.store.lifecycle().openEdit();
    CustomerDetails d = f.store.state().customer.edit.draft;
    d.organization = "Müller Bau AG";
    f.store.lifecycle().editDraft(d);
    f.store.lifecycle().saveEdit();
    f.transport.answer("/customers/7", 409, R"({"error": {"code": "customer_changed", "message": "changed",
        "current": {"name": "Erika Müller", "email": "j.mueller@mueller-bau.de", "organization": "Müller Bau GmbH",
                    "google_domain": "mueller-bau.de"}}})");
    f.queue.drain();
    const CustomerEdit& e = f.store.state().customer.edit;
    REQUIRE(e.open);
    REQUIRE(e.error);
    CHECK(e.error->code == "customer_changed");
    CHECK(e.draft.name == "Erika Müller");           // untouched here: theirs
    CHECK(e.draft.organization == "Müller Bau AG");  // typed here: kept
    f.store.lifecycle().saveEdit();
    json body = bodyOf(f, f.transport.last("/customers/7", "PATCH"));
    CHECK(body["expected_name"] == "Erika Müller");
    CHECK_FALSE(body.contains("name"));
    CHECK(body["organization"] == "Müller Bau AG");
}
