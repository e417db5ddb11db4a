// The lifecycle slice's subscription terms on the customer's page (issue 23): Start paid plan now
// (a trial's plan, term and count, priced first), an annual plan's renewal settings, a flexible
// plan's seat cap. Who may, what is sent, the newest price only, a double click, offline.
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

// customer.json with its subscription changed by `edit` (a trial, an annual plan...).
template <class Edit>
std::string customerWith(Edit edit) {
    json c = json::parse(test::readContract("customer.json"));
    edit(c["subscription"]);
    return c.dump();
}

std::string trialCustomer() {
    return customerWith([](json& s) {
        s["status"] = "trial";
        s["licenses"] = 10;
        s["term_start"] = "2027-01-01";
        s["term_end"] = "2027-01-30";
        s["trial_ends_on"] = "2027-01-30";
        s["renewal"] = {{"action", "auto_renew"}, {"on", "2027-01-31"}, {"plan", "professional"}, {"billing_cycle", "flexible"},
                        {"licenses", 10}, {"unit_price", {{"amount", 103}, {"currency", "USD"}}},
                        {"recurring_amount", {{"amount", 1030}, {"currency", "USD"}}},
                        {"monthly_value", {{"amount", 1030}, {"currency", "USD"}}}};
    });
}

// Signed in as `role` on customer 7's page, which shows `customer`.
void onPage(test::Fixture& f, const char* role, const std::string& customer) {
    f.signIn("#/customers/7");
    f.transport.answer("/customers/7", 200, customer);
    f.transport.answer("/plans", 200, test::readContract("plans.json"));
    f.transport.answer("v1/me", 200, test::meAs(role));
    f.queue.drain();
    REQUIRE(f.store.state().customer.customer.has_value());
}
}  // namespace

TEST_CASE("start paid: the body, and the preview decoded from the server's contract example") {
    CHECK(json::parse(codec::encodeStartPaid("enterprise", "annual_yearly", 12)) ==
          json{{"plan", "enterprise"}, {"billing_cycle", "annual_yearly"}, {"licenses", 12}});
    auto p = codec::decodeStartPaidPreview(test::readContract("start_paid_preview.json"));
    REQUIRE(p.ok());
    CHECK(p.value().plan == "professional");
    CHECK(p.value().licenses == 12);
    CHECK(p.value().startsOn == "2027-01-10");
    CHECK(p.value().periodTo == "2027-02-09");
    CHECK(p.value().amountDueNow.amount == 1236);
    REQUIRE(p.value().tax);
    CHECK(p.value().tax->total.amount == 1471);
    CHECK(p.value().renewsOn == "2027-02-10");
    // A missing or mistyped part is a bad answer, not half a price.
    json broken = json::parse(test::readContract("start_paid_preview.json"));
    broken["period"]["to"] = 9;
    CHECK_FALSE(codec::decodeStartPaidPreview(broken.dump()).ok());
    broken.erase("period");
    CHECK_FALSE(codec::decodeStartPaidPreview(broken.dump()).ok());
}

TEST_CASE("start paid: only for a trial, Buyer or Admin; opens with the trial's plan and count and asks their price") {
    setLanguage(Language::English);
    test::Fixture sales;
    onPage(sales, "sales", trialCustomer());
    sales.store.lifecycle().openStartPaid();
    CHECK_FALSE(sales.store.state().customer.startPaid.open);

    test::Fixture paid;
    onPage(paid, "admin", test::readContract("customer.json"));  // an active subscription has no trial to end
    paid.store.lifecycle().openStartPaid();
    CHECK_FALSE(paid.store.state().customer.startPaid.open);

    test::Fixture f;
    onPage(f, "buyer", trialCustomer());
    f.store.lifecycle().openStartPaid();
    const StartPaidState& sp = f.store.state().customer.startPaid;
    REQUIRE(sp.open);
    CHECK(sp.plan == "professional");
    CHECK(sp.billingCycle == "flexible");
    CHECK(sp.licenses == 10);
    std::size_t at = f.transport.last("/customers/7/subscription/start-paid/preview", "POST");
    CHECK(bodyOf(f, at) == json{{"plan", "professional"}, {"billing_cycle", "flexible"}, {"licenses", 10}});
}

TEST_CASE("start paid: only the newest choice's price lands; confirming sends that choice once with the dialog's key") {
    setLanguage(Language::English);
    test::Fixture f;
    onPage(f, "admin", trialCustomer());
    f.store.lifecycle().openStartPaid();
    const StartPaidState& sp = f.store.state().customer.startPaid;
    f.store.lifecycle().confirmStartPaid();  // no price yet: nothing is sent
    CHECK(f.transport.count("/subscription/start-paid", "POST") == 1);

    // The reseller picks again before the first price is back: the first answer is dropped.
    std::size_t first = f.transport.last("/start-paid/preview", "POST");
    f.store.lifecycle().chooseStartPaid("professional", "flexible", 12);
    CHECK(f.transport.count("/start-paid/preview", "POST") == 2);
    json old = json::parse(test::readContract("start_paid_preview.json"));
    old["licenses"] = 10;
    f.transport.respond(first, 200, old.dump());
    f.queue.drain();
    CHECK_FALSE(sp.preview);
    CHECK(sp.previewRemote.loading);
    f.transport.answer("/start-paid/preview", 200, test::readContract("start_paid_preview.json"));  // 12 licenses
    f.queue.drain();
    REQUIRE(sp.preview);
    CHECK(sp.preview->licenses == 12);

    std::string key = sp.idempotencyKey;
    f.store.lifecycle().confirmStartPaid();
    f.store.lifecycle().confirmStartPaid();  // a double click
    CHECK(f.transport.count("/subscription/start-paid", "POST") == 3);  // two previews and one start
    std::size_t at = f.transport.last("/customers/7/subscription/start-paid", "POST");
    CHECK(f.transport.sent.at(at).request.url.find("preview") == std::string::npos);
    CHECK(f.transport.header(at, "Idempotency-Key") == key);
    CHECK(bodyOf(f, at) == json{{"plan", "professional"}, {"billing_cycle", "flexible"}, {"licenses", 12}});
    f.store.lifecycle().chooseStartPaid("enterprise", "flexible", 12);  // no change while it is sent
    CHECK(sp.plan == "professional");

    json out = json::parse(test::readContract("start_paid.json"));
    f.transport.answer("/customers/7/subscription/start-paid", 200, out.dump());
    f.queue.drain();
    CHECK_FALSE(sp.open);
    REQUIRE(f.store.state().customer.customer->subscription);
    CHECK(f.store.state().customer.customer->subscription->status == "active");
    REQUIRE(out["invoice"].is_object());
    CHECK(sentence(f.store.state().toasts.back().message) ==
          "Paid plan started. Invoice " + out["invoice"]["number"].get<std::string>() + " issued.");
}

TEST_CASE("start paid: a refusal is shown and the dialog stays; offline it needs a connection and sends nothing") {
    setLanguage(Language::English);
    test::Fixture f;
    onPage(f, "admin", trialCustomer());
    f.store.lifecycle().openStartPaid();
    f.transport.answer("/start-paid/preview", 200, [] {
        json p = json::parse(test::readContract("start_paid_preview.json"));
        p["licenses"] = 10;
        return p.dump();
    }());
    f.queue.drain();
    const StartPaidState& sp = f.store.state().customer.startPaid;
    REQUIRE(sp.preview);
    f.store.lifecycle().confirmStartPaid();
    f.transport.answer("/customers/7/subscription/start-paid", 409, test::readContract("error_not_now.json"));
    f.queue.drain();
    CHECK(sp.open);
    REQUIRE(sp.error);
    CHECK_FALSE(sp.submitting);

    test::Fixture g;
    onPage(g, "admin", trialCustomer());
    g.store.customerPage().reload();
    test::dropConnection(g, "/customers/7");
    REQUIRE(g.store.offline().isOffline());
    g.store.lifecycle().openStartPaid();
    REQUIRE(g.store.state().customer.startPaid.open);
    CHECK(g.transport.count("/start-paid", "POST") == 0);
    REQUIRE(g.store.state().customer.startPaid.error);
    CHECK(g.store.state().customer.startPaid.error->code == "network_error");
}

namespace {
std::string annualCustomer() {
    return customerWith([](json& s) {
        json annual = json::parse(test::readContract("subscription_renewal.json"));
        annual["renewal"]["action"] = "auto_renew";
        annual["renewal"]["licenses"] = annual["licenses"];
        s = annual;
    });
}
}  // namespace

TEST_CASE("renewal settings: the bodies the four choices send") {
    CHECK(json::parse(codec::encodeRenewal("auto_renew", 15)) == json{{"action", "auto_renew"}});
    CHECK(json::parse(codec::encodeRenewal("renew_with_count", 15)) == json{{"action", "renew_with_count"}, {"licenses", 15}});
    CHECK(json::parse(codec::encodeRenewal("switch_to_flexible", 15)) == json{{"action", "switch_to_flexible"}});
    CHECK(json::parse(codec::encodeRenewal("cancel_at_end", 15)) == json{{"action", "cancel_at_end"}});
    CHECK(json::parse(codec::encodeSeatCap(20)) == json{{"max_licenses", 20}});
    CHECK(json::parse(codec::encodeSeatCap(std::nullopt)) == json{{"max_licenses", nullptr}});
}

TEST_CASE("renewal settings: annual plans only, Buyer or Admin; saves a change once with a key; the card's renewal follows") {
    setLanguage(Language::English);
    test::Fixture flexible;
    onPage(flexible, "admin", test::readContract("customer.json"));
    flexible.store.lifecycle().openRenewal();  // a flexible plan renews month by month
    CHECK_FALSE(flexible.store.state().customer.renewal.open);
    test::Fixture sales;
    onPage(sales, "sales", annualCustomer());
    sales.store.lifecycle().openRenewal();
    CHECK_FALSE(sales.store.state().customer.renewal.open);

    test::Fixture f;
    onPage(f, "buyer", annualCustomer());
    f.store.lifecycle().openRenewal();
    const RenewalState& r = f.store.state().customer.renewal;
    REQUIRE(r.open);
    CHECK(r.action == "auto_renew");
    CHECK_FALSE(f.store.lifecycle().renewalChanged());
    f.store.lifecycle().saveRenewal();  // nothing chosen: nothing sent
    CHECK(f.transport.count("/subscription/renewal") == 0);
    f.store.lifecycle().editRenewal("renew_with_count", 15);
    f.store.lifecycle().editRenewal("sideways", 15);  // not one of the four
    CHECK(r.action == "renew_with_count");
    f.store.lifecycle().saveRenewal();
    f.store.lifecycle().saveRenewal();  // a double click
    CHECK(f.transport.count("/customers/7/subscription/renewal", "PUT") == 1);
    std::size_t at = f.transport.last("/customers/7/subscription/renewal", "PUT");
    CHECK_FALSE(f.transport.header(at, "Idempotency-Key").empty());
    CHECK(bodyOf(f, at) == json{{"action", "renew_with_count"}, {"licenses", 15}});
    f.transport.answer("/customers/7/subscription/renewal", 200, test::readContract("subscription_renewal.json"));
    f.queue.drain();
    CHECK_FALSE(r.open);
    const auto& sub = f.store.state().customer.customer->subscription;
    REQUIRE(sub->renewal);
    CHECK(sub->renewal->action == "renew_with_count");
    CHECK(sub->renewal->licenses == 15);
    CHECK(sentence(f.store.state().toasts.back().message) == "Renewal setting saved.");
}

TEST_CASE("renewal settings offline: the dialog says it needs a connection and sends nothing") {
    setLanguage(Language::English);
    test::Fixture g;
    onPage(g, "admin", annualCustomer());
    g.store.customerPage().reload();
    test::dropConnection(g, "/customers/7");
    REQUIRE(g.store.offline().isOffline());
    g.store.lifecycle().openRenewal();
    REQUIRE(g.store.state().customer.renewal.open);
    g.store.lifecycle().editRenewal("cancel_at_end", 0);
    g.store.lifecycle().saveRenewal();
    CHECK(g.transport.count("/subscription/renewal") == 0);
    REQUIRE(g.store.state().customer.renewal.error);
    CHECK(g.store.state().customer.renewal.error->code == "network_error");
}

TEST_CASE("seat cap: flexible plans; never below today's count; set once, cleared with null; a license order stops at it") {
    setLanguage(Language::English);
    test::Fixture annual;
    onPage(annual, "admin", annualCustomer());
    annual.store.lifecycle().openSeatCap();  // an annual plan's count is its commitment
    CHECK_FALSE(annual.store.state().customer.seatCap.open);

    test::Fixture f;
    onPage(f, "admin", test::readContract("customer.json"));  // 25 licenses, no cap
    f.store.lifecycle().openSeatCap();
    const SeatCapState& c = f.store.state().customer.seatCap;
    REQUIRE(c.open);
    CHECK_FALSE(c.capped);
    f.store.lifecycle().editSeatCap(true, 3);
    CHECK(c.cap == 25);  // not below the licenses it has
    f.store.lifecycle().editSeatCap(true, 30);
    f.store.lifecycle().saveSeatCap();
    f.store.lifecycle().saveSeatCap();
    CHECK(f.transport.count("/customers/7/subscription", "PATCH") == 1);
    std::size_t at = f.transport.last("/customers/7/subscription", "PATCH");
    CHECK(bodyOf(f, at) == json{{"max_licenses", 30}});
    CHECK_FALSE(f.transport.header(at, "Idempotency-Key").empty());
    json capped = json::parse(test::readContract("customer.json"))["subscription"];
    capped["max_licenses"] = 30;
    f.transport.answer("/customers/7/subscription", 200, capped.dump());
    f.queue.drain();
    CHECK_FALSE(c.open);
    REQUIRE(f.store.state().customer.customer->subscription->maxLicenses);
    CHECK(*f.store.state().customer.customer->subscription->maxLicenses == 30);
    CHECK(sentence(f.store.state().toasts.back().message) == "Seat cap saved.");

    // The license order cannot go above it.
    f.store.subscription().openLicenseOrder();
    f.store.subscription().setLicenseTarget(45);
    CHECK(f.store.state().customer.licenses.target == 30);
    f.store.subscription().closeLicenseOrder();

    f.store.lifecycle().openSeatCap();
    f.store.lifecycle().editSeatCap(false, 30);
    f.store.lifecycle().saveSeatCap();
    CHECK(bodyOf(f, f.transport.last("/customers/7/subscription", "PATCH")) == json{{"max_licenses", nullptr}});
    capped["max_licenses"] = nullptr;
    f.transport.answer("/customers/7/subscription", 200, capped.dump());
    f.queue.drain();
    CHECK_FALSE(f.store.state().customer.customer->subscription->maxLicenses);
    CHECK(sentence(f.store.state().toasts.back().message) == "Seat cap cleared.");
}

TEST_CASE("cancelling a suspended subscription offers now only: the server refuses the end of the term for it") {
    setLanguage(Language::English);
    test::Fixture f;
    onPage(f, "admin", test::readContract("customer_suspended.json"));
    f.store.subscription().openCancel();
    const CancelState& c = f.store.state().customer.cancel;
    REQUIRE(c.open);
    CHECK(c.when == "now");
    f.store.subscription().editCancel("", "end_of_term", "");
    CHECK(c.when == "now");
    f.store.subscription().editCancel(f.store.state().customer.customer->googleDomain, "now", "");
    f.store.subscription().confirmCancel();
    REQUIRE(f.transport.count("/customers/7/subscription/cancel", "POST") == 1);
    CHECK(bodyOf(f, f.transport.last("/customers/7/subscription/cancel", "POST"))["when"] == "now");

    test::Fixture active;
    onPage(active, "admin", test::readContract("customer.json"));
    active.store.subscription().openCancel();
    CHECK(active.store.state().customer.cancel.when == "end_of_term");  // still the default for an active one
}
