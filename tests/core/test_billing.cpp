// Billing (issue 18) in the console's core: the billing profile, customers' billing details,
// taxes and credits in previews, invoices as issued (parties, tax rule, service periods, credit
// notes) and the e-invoice downloads. Codecs against the server's contract examples, and the
// store's billing slice against a fake server.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/codec.h"
#include "store_fixture.h"

using namespace rc;
using nlohmann::json;

namespace {

json sentBody(const test::FakeTransport& t, std::size_t index) { return json::parse(t.sent.at(index).request.body); }

struct BillingFixture : test::Fixture {
    // Signed in on the billing profile (shown with the store's own intent), its answer in.
    void onProfile() {
        signIn("#/dashboard");
        store.billing().showProfile();
        transport.answer("/billing-profile", 200, test::readContract("billing_profile.json"));
        queue.drain();
        REQUIRE(store.state().billingProfile.profile.has_value());
    }
};

}  // namespace

TEST_CASE("the billing profile decodes from the contract example, every field where it belongs") {
    auto r = codec::decodeBillingProfile(test::readContract("billing_profile.json"));
    REQUIRE(r.ok());
    const BillingProfile& p = r.value();
    CHECK(p.legalName == "Demo Reseller GmbH");
    CHECK(p.address.street == "Friedrichstraße 68");
    CHECK(p.address.postalCode == "10117");
    CHECK(p.address.city == "Berlin");
    CHECK(p.address.country == "DE");
    CHECK(p.vatId == "DE123456789");
    CHECK(p.taxNumber == "30/123/45678");
    CHECK(p.invoicePrefix == "RE-{YYYY}-");
    CHECK(p.paymentTermsDays == 14);
    CHECK(p.iban == "DE89370400440532013000");
    CHECK(p.bic == "COBADEFFXXX");
    CHECK(p.currencyLocked);
    CHECK(p.nextInvoiceNumber == "RE-2027-000006");
    CHECK(p.missing.empty());
}

TEST_CASE("a billing profile with a rate above 100 % or a list of numbers as missing is a bad response") {
    auto body = json::parse(test::readContract("billing_profile.json"));
    body["tax_basis_points"] = 10001;
    CHECK(codec::decodeBillingProfile(body.dump()).error().code == "bad_response");
    body["tax_basis_points"] = 0;
    body["missing"] = json::array({1, 2});
    CHECK(codec::decodeBillingProfile(body.dump()).error().code == "bad_response");
}

TEST_CASE("the billing profile is sent whole, with null for what is not there") {
    BillingProfile p;
    p.legalName = "Ἑλληνικὴ Ἑταιρεία";
    p.currency = "EUR";
    p.paymentTermsDays = 30;
    json j = json::parse(codec::encodeBillingProfile(p));
    for (const char* field : {"legal_name", "address", "vat_id", "tax_number", "currency", "invoice_prefix",
                              "payment_terms_days", "iban", "bic", "email", "phone", "tax_basis_points"})
        CHECK_MESSAGE(j.contains(field), field);
    CHECK(j["legal_name"] == "Ἑλληνικὴ Ἑταιρεία");
    CHECK(j["address"].is_null());
    CHECK(j["vat_id"].is_null());
    CHECK(j["payment_terms_days"] == 30);
    p.address = PostalAddress{"Hauptstr. 1", "80331", "München", "DE"};
    j = json::parse(codec::encodeBillingProfile(p));
    CHECK(j["address"]["postal_code"] == "80331");
    CHECK(j["address"]["country"] == "DE");
}

TEST_CASE("a customer's billing details decode; a customer without them has none") {
    auto r = codec::decodeCustomer(test::readContract("customer_billing.json"));
    REQUIRE(r.ok());
    REQUIRE(r.value().billing.has_value());
    const CustomerBilling& b = *r.value().billing;
    CHECK(b.address.city == "Hamburg");
    CHECK(b.address.country == "DE");
    CHECK(b.vatId == "DE987654321");
    CHECK(b.language == "de");
    CHECK(b.email == "buchhaltung@grosshandel-nord.de");
    CHECK(b.buyerReference.empty());
    auto plain = json::parse(test::readContract("customer_billing.json"));
    plain["billing"] = nullptr;
    auto none = codec::decodeCustomer(plain.dump());
    REQUIRE(none.ok());
    CHECK_FALSE(none.value().billing.has_value());
}

TEST_CASE("a new customer's body carries billing details only when they were filled in") {
    json without = json::parse(codec::encodeNewCustomer("Jürgen", "j@m.de", "m.de", "Müller GmbH"));
    CHECK_FALSE(without.contains("billing"));
    CustomerBilling b;
    b.address = PostalAddress{"Via Roma 1", "00100", "Roma", "IT"};
    b.vatId = "IT12345678901";
    b.language = "en";
    json with = json::parse(codec::encodeNewCustomer("Jürgen", "j@m.de", "m.de", "Müller GmbH", b));
    CHECK(with["billing"]["address"]["city"] == "Roma");
    CHECK(with["billing"]["vat_id"] == "IT12345678901");
    CHECK(with["billing"]["language"] == "en");
    CHECK(with["billing"]["email"].is_null());
    CHECK(json::parse(codec::encodeCustomerBilling(std::nullopt))["billing"].is_null());
}

TEST_CASE("an e-invoice decodes with both parties as issued, its tax rule and each line's service period") {
    auto r = codec::decodeInvoice(test::readContract("invoice_einvoice.json"));
    REQUIRE(r.ok());
    const Invoice& inv = r.value();
    CHECK(inv.kind == "invoice");
    CHECK_FALSE(inv.isCreditNote());
    CHECK(inv.language == "de");
    REQUIRE(inv.seller.has_value());
    CHECK(inv.seller->name == "Demo Reseller GmbH");
    CHECK(inv.seller->vatId == "DE123456789");
    CHECK(inv.seller->address.city == "Berlin");
    CHECK(inv.seller->iban == "DE89370400440532013000");
    REQUIRE(inv.buyer.has_value());
    CHECK(inv.buyer->name == "Großhandel Nord GmbH");
    CHECK(inv.buyer->contact == "Katharina Groß");
    CHECK(inv.buyer->customerNumber == "6");
    REQUIRE(inv.taxRule.has_value());
    CHECK(inv.taxRule->rule == "domestic");
    CHECK(inv.taxRule->category == "S");
    CHECK(inv.taxRule->rateBasisPoints == 1900);
    CHECK(inv.paymentTermsDays == 14);
    CHECK(inv.issuedAsEInvoice);
    REQUIRE(inv.lines.size() == 1);
    CHECK(inv.lines[0].description == "Professional (Flexibel, monatlich k\xc3\xbcndbar): 12 Lizenzen");
    CHECK(inv.lines[0].periodStart == "2027-01-04");
    CHECK(inv.lines[0].periodEnd == "2027-02-03");
    CHECK(inv.facturXMissing.empty());
    CHECK(inv.xrechnungMissing.empty());
    CHECK(inv.correctedBy.empty());
}

TEST_CASE("an invoice from before billing profiles decodes: name only, no terms, a legacy rate") {
    auto r = codec::decodeInvoice(R"({"id": 3, "number": "INV-2026-0003", "customer_id": 2, "customer_name": "Ana",
        "customer_organization": "Ana SL", "status": "paid", "issued_at": "2026-03-01T00:00:00Z", "due_at": null,
        "paid_at": null, "subtotal": {"amount": 1000, "currency": "USD"}, "tax": {"amount": 0, "currency": "USD"},
        "total": {"amount": 1000, "currency": "USD"}, "kind": "invoice", "corrects": null, "language": "en",
        "seller": {"name": "Northwind"}, "buyer": {"name": "Ana SL", "contact": "Ana"},
        "tax_rule": {"rule": "legacy", "category": null, "rate_basis_points": 0}, "payment_terms_days": null,
        "issued_as_e_invoice": false, "corrected_by": [],
        "lines": [{"description": "licenses", "quantity": 1, "unit_amount": {"amount": 1000, "currency": "USD"},
                   "amount": {"amount": 1000, "currency": "USD"}, "period": null}],
        "e_invoice_missing": {"factur_x": ["seller.address", "buyer.address"], "xrechnung": ["seller.address", "buyer.address"]}})");
    REQUIRE(r.ok());
    const Invoice& inv = r.value();
    CHECK(inv.paymentTermsDays == -1);
    CHECK_FALSE(inv.issuedAsEInvoice);
    CHECK(inv.taxRule->rule == "legacy");
    CHECK(inv.taxRule->category.empty());
    CHECK(inv.seller->address.empty());
    CHECK(inv.lines.at(0).periodStart.empty());
    CHECK(inv.facturXMissing == std::vector<std::string>{"seller.address", "buyer.address"});
}

TEST_CASE("a licence reduction's answer carries the credit note, naming the invoice it corrects") {
    auto r = codec::decodeOrderOutcome(test::readContract("license_order_credit.json"));
    REQUIRE(r.ok());
    CHECK_FALSE(r.value().invoice.has_value());
    REQUIRE(r.value().creditNote.has_value());
    const Invoice& credit = *r.value().creditNote;
    CHECK(credit.isCreditNote());
    CHECK(credit.number == "RE-2027-000007");
    REQUIRE(credit.corrects.has_value());
    CHECK(credit.corrects->id == 6);
    CHECK(credit.corrects->number == "RE-2027-000006");
    CHECK(credit.corrects->issuedAt == "2027-01-04T11:00:00Z");
    CHECK(credit.total.amount < 0);
}

TEST_CASE("the invoice list shows credit notes as such") {
    auto r = codec::decodeInvoicesPage(test::readContract("invoices_page.json"));
    REQUIRE(r.ok());
    for (const Invoice& inv : r.value().items) CHECK((inv.kind == "invoice" || inv.kind == "credit_note"));
    auto page = json::parse(test::readContract("invoices_page.json"));
    page["items"][0]["kind"] = "credit_note";
    page["items"][0]["corrects"] = {{"id", 1}, {"number", "RE-2027-000001"}};
    auto credit = codec::decodeInvoicesPage(page.dump());
    REQUIRE(credit.ok());
    CHECK(credit.value().items.at(0).isCreditNote());
    CHECK(credit.value().items.at(0).corrects->number == "RE-2027-000001");
    page["items"][0]["corrects"] = {{"id", 0}, {"number", "X"}};
    CHECK(codec::decodeInvoicesPage(page.dump()).error().code == "bad_response");
}

TEST_CASE("previews carry the tax by the customer's rule and what a reduction credits") {
    auto order = codec::decodeLicensePreview(test::readContract("license_order_preview.json"));
    REQUIRE(order.ok());
    REQUIRE(order.value().tax.has_value());
    CHECK(order.value().tax->rule == "not_subject");
    CHECK(order.value().tax->total.amount == order.value().proratedAmount.amount + order.value().tax->amount.amount);
    REQUIRE(order.value().credit.has_value());
    CHECK_FALSE(order.value().credit->any());
    auto credit = codec::decodeLicensePreview(test::readContract("license_order_credit_preview.json"));
    REQUIRE(credit.ok());
    REQUIRE(credit.value().credit.has_value());
    CHECK(credit.value().credit->any());
    auto plan = codec::decodePlanChangePreview(test::readContract("plan_change_preview.json"));
    REQUIRE(plan.ok());
    REQUIRE(plan.value().tax.has_value());
    auto bad = json::parse(test::readContract("license_order_preview.json"));
    bad["tax"]["rate_basis_points"] = 20000;
    CHECK(codec::decodeLicensePreview(bad.dump()).error().code == "bad_response");
    bad.erase("tax");
    bad.erase("credit");
    auto old = codec::decodeLicensePreview(bad.dump());  // a server before issue 18
    REQUIRE(old.ok());
    CHECK_FALSE(old.value().tax.has_value());
}

TEST_CASE("the billing profile: loaded when shown, edited, saved whole once however often Save is pressed") {
    BillingFixture f;
    f.onProfile();
    const auto& b = f.store.state().billingProfile;
    CHECK(b.draft.legalName == "Demo Reseller GmbH");
    CHECK_FALSE(b.dirty);
    BillingProfile draft = b.draft;
    draft.paymentTermsDays = 30;
    draft.iban = "DE02120300000000202051";
    f.store.billing().editProfile(draft);
    CHECK(b.dirty);
    f.store.billing().saveProfile();
    f.store.billing().saveProfile();
    REQUIRE(f.transport.count("/billing-profile", "PUT") == 1);
    json sent = sentBody(f.transport, f.transport.last("/billing-profile", "PUT"));
    CHECK(sent["payment_terms_days"] == 30);
    CHECK(sent["iban"] == "DE02120300000000202051");
    CHECK(sent["legal_name"] == "Demo Reseller GmbH");
    auto answer = json::parse(test::readContract("billing_profile.json"));
    answer["payment_terms_days"] = 30;
    answer["iban"] = "DE02120300000000202051";
    f.transport.answer("/billing-profile", 200, answer.dump());
    f.queue.drain();
    CHECK_FALSE(b.saving);
    CHECK_FALSE(b.dirty);
    CHECK(b.profile->paymentTermsDays == 30);
    REQUIRE_FALSE(f.store.state().toasts.empty());
}

TEST_CASE("the billing profile: a refused IBAN lands on its field, typing there clears it, the rest stays typed") {
    BillingFixture f;
    f.onProfile();
    const auto& b = f.store.state().billingProfile;
    BillingProfile draft = b.draft;
    draft.iban = "DE00123";
    draft.address.city = "Köln";
    f.store.billing().editProfile(draft);
    f.store.billing().saveProfile();
    f.transport.answer("/billing-profile", 422, R"({"error": {"code": "validation_failed", "message": "Invalid.",
        "fields": {"iban": "Must be an IBAN whose check digits are right.", "address.postal_code": "Must be a postal code."}}})");
    f.queue.drain();
    CHECK(b.fieldErrors.count("iban") == 1);
    CHECK(b.fieldErrors.count("address.postal_code") == 1);
    CHECK_FALSE(b.error.has_value());
    CHECK(b.draft.address.city == "Köln");  // nothing typed is lost
    draft.iban = "DE89370400440532013000";
    f.store.billing().editProfile(draft);
    CHECK(b.fieldErrors.count("iban") == 0);
    CHECK(b.fieldErrors.count("address.postal_code") == 1);
    // A load meanwhile (another tab saved) keeps what is typed.
    f.store.billing().loadProfile();
    f.transport.answer("/billing-profile", 200, test::readContract("billing_profile.json"));
    f.queue.drain();
    CHECK(b.draft.address.city == "Köln");
    f.store.billing().discardProfile();
    CHECK(b.draft.address.city == "Berlin");
    CHECK(b.fieldErrors.empty());
}

TEST_CASE("the billing profile: a locked currency and a refused role are said, offline nothing is sent") {
    BillingFixture f;
    f.onProfile();
    const auto& b = f.store.state().billingProfile;
    BillingProfile draft = b.draft;
    draft.currency = "EUR";
    f.store.billing().editProfile(draft);
    f.store.billing().saveProfile();
    f.transport.answer("/billing-profile", 409, R"({"error": {"code": "currency_locked",
        "message": "Invoices were issued in USD.", "current": {"currency": "USD"}}})");
    f.queue.drain();
    CHECK(b.fieldErrors.count("currency") == 1);
    f.store.billing().saveProfile();
    f.transport.answer("/billing-profile", 403, R"({"error": {"code": "forbidden", "message": "Needs the Admin role."}})");
    f.queue.drain();
    REQUIRE(b.error.has_value());
    CHECK(b.error->code == "forbidden");
    // Offline: refused at once, the form kept.
    f.store.billing().loadProfile();
    f.transport.answer("/billing-profile", 0, "");
    f.queue.drain();
    REQUIRE_FALSE(f.store.state().offline.online);
    std::size_t sent = f.transport.count("/billing-profile", "PUT");
    f.store.billing().saveProfile();
    CHECK(f.transport.count("/billing-profile", "PUT") == sent);
    REQUIRE(b.error.has_value());
    CHECK(b.error->isNetwork());
    CHECK(b.draft.currency == "EUR");
}

TEST_CASE("a customer's billing details: edited in their dialog, sent as PATCH with a key, the page updated") {
    BillingFixture f;
    f.onCustomer();
    const std::string path = "/customers/" + std::to_string(f.store.state().customer.customer->id);
    f.store.billing().openDetails();
    const auto& edit = f.store.state().customer.billing;
    REQUIRE(edit.open);
    CustomerBilling draft = edit.draft;
    draft.address = PostalAddress{"Ermou 10", "10563", "Αθήνα", "GR"};
    draft.vatId = "EL123456789";
    draft.language = "en";
    f.store.billing().editDetails(draft);
    f.store.billing().saveDetails();
    f.store.billing().saveDetails();  // a double click
    REQUIRE(f.transport.count(path, "PATCH") == 1);
    std::size_t i = f.transport.last(path, "PATCH");
    std::string firstKey = f.transport.header(i, "Idempotency-Key");
    CHECK_FALSE(firstKey.empty());
    json sent = sentBody(f.transport, i);
    CHECK(sent.size() == 1);  // only the billing details: name, email and organization are not touched
    CHECK(sent["billing"]["address"]["city"] == "Αθήνα");
    CHECK(sent["billing"]["vat_id"] == "EL123456789");
    // The VAT ID is refused: the message lands on its field; another VAT ID is another request.
    f.transport.answer(path, 422, R"({"error": {"code": "validation_failed", "message": "Invalid.",
        "fields": {"billing.vat_id": "Must be a VAT ID in its country's format."}}})");
    f.queue.drain();
    CHECK(edit.fieldErrors.count("billing.vat_id") == 1);
    CHECK(edit.open);
    draft.vatId = "EL094259216";
    f.store.billing().editDetails(draft);
    CHECK(edit.fieldErrors.empty());
    f.store.billing().saveDetails();
    std::size_t j = f.transport.last(path, "PATCH");
    CHECK(f.transport.header(j, "Idempotency-Key") != firstKey);
    auto answer = json::parse(test::readContract("customer.json"));
    answer["billing"] = {{"address", {{"street", "Ermou 10"}, {"postal_code", "10563"}, {"city", "Αθήνα"}, {"country", "GR"}}},
                         {"vat_id", "EL094259216"}, {"language", "en"}, {"email", nullptr}, {"buyer_reference", nullptr}};
    f.transport.answer(path, 200, answer.dump());
    f.queue.drain();
    CHECK_FALSE(edit.open);
    REQUIRE(f.store.state().customer.customer->billing.has_value());
    CHECK(f.store.state().customer.customer->billing->address.city == "Αθήνα");
}

TEST_CASE("a customer's billing details: removed with null; an answer for another customer's page is dropped") {
    BillingFixture f;
    f.onCustomer("customer_billing.json");
    const std::string path = "/customers/" + std::to_string(f.store.state().customer.customer->id);
    f.store.billing().openDetails();
    CHECK(f.store.state().customer.billing.draft.address.city == "Hamburg");
    f.store.billing().removeDetails();
    std::size_t i = f.transport.last(path, "PATCH");
    CHECK(sentBody(f.transport, i)["billing"].is_null());
    f.store.openCustomer(8);  // the reseller moved on before the answer came
    f.transport.answer(path, 200, test::readContract("customer.json"));
    f.queue.drain();
    CHECK_FALSE(f.store.state().customer.billing.submitting);
    CHECK(f.store.state().customer.id == 8);
}

TEST_CASE("New customer sends billing details only when its section is filled in; a refused part lands on its field") {
    test::Fixture f;
    f.signIn("#/customers");
    f.store.newCustomer().open();
    f.store.newCustomer().edit("Wang Fang", "wang@example.cn", "example.cn", "王芳科技有限公司");
    CustomerBilling b;
    b.address = PostalAddress{"长安街 1号", "100000", "北京", "CN"};
    b.language = "en";
    f.store.newCustomer().editBilling(true, b);
    f.store.newCustomer().submit();
    std::size_t i = f.transport.last("/customers", "POST");
    json sent = sentBody(f.transport, i);
    CHECK(sent["billing"]["address"]["city"] == "北京");
    CHECK(sent["billing"]["address"]["country"] == "CN");
    f.transport.answer("/customers", 422, R"({"error": {"code": "validation_failed", "message": "Invalid.",
        "fields": {"billing.address.postal_code": "Must be a postal code."}}})");
    f.queue.drain();
    const auto& form = f.store.state().newCustomer;
    CHECK(form.fieldErrors.count("billing.address.postal_code") == 1);
    std::string firstKey = f.transport.header(i, "Idempotency-Key");
    f.store.newCustomer().editBilling(false, b);  // the section taken out again
    CHECK(form.fieldErrors.empty());
    f.store.newCustomer().submit();
    std::size_t j = f.transport.last("/customers", "POST");
    CHECK_FALSE(sentBody(f.transport, j).contains("billing"));
    CHECK(f.transport.header(j, "Idempotency-Key") != firstKey);
}

TEST_CASE("an invoice offers both downloads: the Factur-X PDF and the XRechnung XML, each once at a time") {
    test::Fixture f;
    f.signIn("#/invoices/6");
    f.transport.answer("/invoices/6", 200, test::readContract("invoice_einvoice.json"));
    f.queue.drain();
    REQUIRE(f.store.state().invoice.invoice.has_value());
    f.store.invoices().downloadXRechnung();
    f.store.invoices().downloadPdf();  // refused while the first download runs
    REQUIRE(f.platform.downloads.size() == 1);
    CHECK(f.platform.downloads[0].request.url == "/api/v1/invoices/6/xrechnung.xml");
    CHECK(f.platform.downloads[0].filename == "RE-2027-000006-xrechnung.xml");
    bool accept = false;
    for (const auto& [k, v] : f.platform.downloads[0].request.headers) accept |= k == "Accept" && v == "application/xml";
    CHECK(accept);
}

TEST_CASE("the billing profile has its address; the next sign-in starts without it or what was typed") {
    CHECK(Route::fromHash("#/billing").screen == Screen::Billing);
    Route r;
    r.screen = Screen::Billing;
    CHECK(r.toHash() == "#/billing");
    CHECK(Route::fromHash("#/billing/3").screen == Screen::Dashboard);
    BillingFixture f;
    f.signIn("#/billing");
    f.transport.answer("/billing-profile", 200, test::readContract("billing_profile.json"));  // shown: loaded
    f.queue.drain();
    REQUIRE(f.store.state().billingProfile.profile.has_value());
    BillingProfile draft = f.store.state().billingProfile.draft;
    draft.legalName = "Typed but not saved";
    f.store.billing().editProfile(draft);
    f.store.session().signOut();
    f.queue.drain();
    f.store.session().signInDemo();
    f.transport.answer("/auth/demo", 200, test::kSession);
    f.queue.drain();
    CHECK_FALSE(f.store.state().billingProfile.profile.has_value());
    CHECK(f.store.state().billingProfile.draft.legalName.empty());
}

TEST_CASE("a member whose role may not change the billing profile sends nothing (the server's table says so)") {
    BillingFixture f;
    f.onProfile();
    auto me = json::parse(test::readContract("me.json"));
    me["member"]["role"] = "buyer";
    f.transport.answer("/me", 200, me.dump());
    f.queue.drain();
    REQUIRE(f.store.state().me.has_value());
    f.store.billing().saveProfile();
    CHECK(f.transport.count("/billing-profile", "PUT") == 0);
}
