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

TEST_CASE("suspend and resume previews decode the server's contract examples") {
    auto s = codec::decodeSuspendPreview(test::readContract("suspend_preview.json"));
    REQUIRE(s.ok());
    CHECK(s.value().reason == "non_payment");
    CHECK_FALSE(s.value().accruesWhileSuspended);
    CHECK(s.value().paidThrough == "2027-02-09");
    CHECK(s.value().monthlyValueSuspended.amount == 0);
    auto r = codec::decodeResumePreview(test::readContract("resume_preview.json"));
    REQUIRE(r.ok());
    CHECK(r.value().prorated);
    CHECK(r.value().prorationDays == 19);
    CHECK(r.value().periodDays == 28);
    CHECK(r.value().amountDueNow.amount == 840);
    REQUIRE(r.value().tax);
    CHECK(r.value().tax->total.amount == 1000);
    CHECK(r.value().renewsOn == "2027-03-10");
    // A wrong type anywhere is a bad answer, not a half-read preview.
    CHECK_FALSE(codec::decodeResumePreview(R"({"resumes_on": 5})").ok());
    CHECK(json::parse(codec::encodeSuspend("customer_request", "")) == json{{"reason", "customer_request"}});
    CHECK(json::parse(codec::encodeSuspend("non_payment", "Mahnung 2")) == json{{"reason", "non_payment"}, {"note", "Mahnung 2"}});
}

TEST_CASE("suspend: Buyer or Admin; the preview first; one request for a double click, with the reason and a key") {
    setLanguage(Language::English);
    test::Fixture f;
    onCustomerAs(f, "sales");  // Sales may not manage subscriptions
    f.store.lifecycle().openSuspend();
    CHECK_FALSE(f.store.state().customer.suspend.open);

    f.store.session().loadMe();
    f.transport.answer("v1/me", 200, test::meAs("buyer"));
    f.queue.drain();
    f.store.lifecycle().openSuspend();
    const SuspendState& s = f.store.state().customer.suspend;
    REQUIRE(s.open);
    CHECK(f.transport.count("/subscription/suspend/preview", "POST") == 1);
    f.store.lifecycle().confirmSuspend();  // no price yet: nothing is sent
    CHECK(f.transport.count("/subscription/suspend", "POST") == 1);
    f.transport.answer("/subscription/suspend/preview", 200, test::readContract("suspend_preview.json"));
    f.queue.drain();
    REQUIRE(s.preview);
    f.store.lifecycle().editSuspend("customer_request", "  asked by phone ");
    f.store.lifecycle().confirmSuspend();
    f.store.lifecycle().confirmSuspend();  // a double click
    std::size_t at = f.transport.last("/customers/7/subscription/suspend", "POST");
    CHECK(f.transport.count("/customers/7/subscription/suspend", "POST") == 2);  // the preview and one suspension
    CHECK(f.transport.sent.at(at).request.url.find("preview") == std::string::npos);
    CHECK_FALSE(f.transport.header(at, "Idempotency-Key").empty());
    CHECK(bodyOf(f, at) == json{{"reason", "customer_request"}, {"note", "asked by phone"}});
    f.transport.answer("/customers/7/subscription/suspend", 200, test::readContract("suspend.json"));
    f.queue.drain();
    CHECK_FALSE(s.open);
    REQUIRE(f.store.state().customer.customer->subscription);
    CHECK(f.store.state().customer.customer->subscription->isSuspended());
    CHECK(sentence(f.store.state().toasts.back().message) == "Subscription suspended.");
}

TEST_CASE("resume: the prorated preview, then one request; the toast names the invoice; offline it needs a connection") {
    setLanguage(Language::English);
    test::Fixture f;
    onCustomerAs(f, "admin", "customer_suspended.json");
    f.store.lifecycle().openSuspend();  // a suspended subscription is not suspended again
    CHECK_FALSE(f.store.state().customer.suspend.open);
    f.store.lifecycle().openResume();
    const ResumeState& r = f.store.state().customer.resume;
    REQUIRE(r.open);
    f.transport.answer("/subscription/resume/preview", 200, test::readContract("resume_preview.json"));
    f.queue.drain();
    REQUIRE(r.preview);
    f.store.lifecycle().confirmResume();
    f.store.lifecycle().confirmResume();
    CHECK(f.transport.count("/customers/7/subscription/resume", "POST") == 2);  // the preview and one resumption
    f.transport.answer("/customers/7/subscription/resume", 200, test::readContract("resume.json"));
    f.queue.drain();
    CHECK_FALSE(r.open);
    CHECK(sentence(f.store.state().toasts.back().message) == "Subscription resumed. Invoice RE-2027-000012 issued.");

    test::Fixture g;
    onCustomerAs(g, "admin", "customer_suspended.json");
    g.store.customerPage().reload();
    test::dropConnection(g, "/customers/7");
    REQUIRE(g.store.offline().isOffline());
    g.store.lifecycle().openResume();
    REQUIRE(g.store.state().customer.resume.open);
    CHECK(g.transport.count("/subscription/resume", "POST") == 0);
    REQUIRE(g.store.state().customer.resume.error);
    CHECK(g.store.state().customer.resume.error->code == "network_error");
}
