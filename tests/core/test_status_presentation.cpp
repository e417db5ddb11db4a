// Issue 23, the console's half in core: the lifecycle's fields decoded from the server's own
// examples (tests/contract), and the one status presentation the badge, the list, the filter
// and the dashboard share.
#include <doctest/doctest.h>

#include "core/codec.h"
#include "core/i18n.h"
#include "core/status_presentation.h"
#include "core/store.h"
#include "store_fixture.h"

using namespace rc;

namespace {

Customer decodeCustomer(const char* file) {
    auto r = codec::decodeCustomer(test::readContract(file));
    REQUIRE(r.ok());
    return r.value();
}

struct German {
    German() { setLanguage(Language::German); }
    ~German() { setLanguage(Language::English); }
};

}  // namespace

TEST_CASE("days: UTC days from a moment, differences, a trial's days left as the server counts them") {
    CHECK(isoDay(0) == "1970-01-01");
    CHECK(isoDay(1796601600000.0) == "2026-12-07");       // 2026-12-07T00:00:00Z
    CHECK(isoDay(1796601600000.0 - 1) == "2026-12-06");   // a millisecond before midnight
    CHECK(isoDay(951782400000.0) == "2000-02-29");        // a leap day
    CHECK(daysBetween("2026-12-07", "2027-01-05") == 29);
    CHECK(daysBetween("2027-01-05", "2026-12-07") == -29);
    CHECK(daysBetween("2028-02-28", "2028-03-01") == 2);
    CHECK(daysBetween("not a day", "2027-01-05") == 0);
    Subscription s;
    CHECK(trialDaysLeft(s, "2026-12-07") == -1);  // not in a trial
    s.trialEndsOn = "2027-01-05";
    CHECK(trialDaysLeft(s, "2026-12-07") == 30);
    CHECK(trialDaysLeft(s, "2027-01-05") == 1);   // its last day
    CHECK(trialDaysLeft(s, "2027-01-06") == -1);  // over (the server converts it)
}

TEST_CASE("codec: suspension, seat cap, renewal, declined answers, transfer tokens and the dashboard's new counts") {
    Customer suspended = decodeCustomer("customer_suspended.json");
    CHECK(suspended.status == CustomerStatus::Suspended);
    REQUIRE(suspended.subscription);
    CHECK(suspended.subscription->isSuspended());
    REQUIRE(suspended.subscription->suspension);
    CHECK(suspended.subscription->suspension->reason == "non_payment");
    CHECK(suspended.subscription->maxLicenses == 20);

    Customer declined = decodeCustomer("customer_declined.json");
    CHECK(declined.status == CustomerStatus::Declined);
    REQUIRE(declined.invitation);
    CHECK(declined.invitation->status == "declined");
    CHECK(declined.invitation->answeredBy == "o.grant@grant-engineering.co.uk");
    CHECK_FALSE(declined.invitation->declinedAt.empty());

    Customer moving = decodeCustomer("customer_transfer_token.json");
    REQUIRE(moving.transferToken);
    CHECK(moving.transferToken->expiresAt == "2027-03-05T11:00:00Z");
    CHECK(moving.transferToken->createdBy == "Demo");

    auto renewal = codec::decodeSubscription(test::readContract("subscription_renewal.json"));
    REQUIRE(renewal.ok());
    REQUIRE(renewal.value().renewal);
    CHECK(renewal.value().renewal->action == "renew_with_count");
    CHECK(renewal.value().renewal->licenses == 15);
    REQUIRE(renewal.value().renewal->recurringAmount);
    CHECK(renewal.value().renewal->recurringAmount->amount == 14400);
    CHECK_FALSE(renewal.value().maxLicenses);  // no cap: null

    auto dash = codec::decodeDashboard(test::readContract("dashboard_lifecycle.json"));
    REQUIRE(dash.ok());
    CHECK(dash.value().declined == 1);
    CHECK(dash.value().suspended == 0);
    CHECK(dashboardCount(dash.value(), CustomerStatus::Declined) == 1);
    CHECK(dashboardCount(dash.value(), CustomerStatus::Active) == dash.value().active);

    // A server from before issue 23 sends none of it: the customer reads as it always did.
    Customer old = decodeCustomer("customer.json");
    CHECK_FALSE(old.transferToken);
}

TEST_CASE("one status presentation: label, tone and the trial's days left, in English and German") {
    Customer c = decodeCustomer("customer_suspended.json");
    StatusPresentation p = presentStatus(c, "2027-01-11");
    CHECK(p.label == "Suspended");
    CHECK(p.tone == StatusTone::Warning);
    CHECK(p.detail.empty());
    {
        German de;
        CHECK(presentStatus(c, "2027-01-11").label == "Gesperrt");
    }
    Customer trial;
    trial.status = CustomerStatus::Active;
    trial.subscription = Subscription{};
    trial.subscription->status = "trial";
    trial.subscription->trialEndsOn = "2027-01-05";
    p = presentStatus(trial, "2026-12-07");
    CHECK(p.label == "Active");
    CHECK(p.tone == StatusTone::Success);
    CHECK(p.detail == "Trial · 30 days left");
    CHECK(presentStatus(trial, "2027-01-05").detail == "Trial · ends today");
    {
        German de;
        CHECK(presentStatus(trial, "2026-12-07").detail == "Testphase · noch 30 Tage");
        CHECK(presentStatus(trial, "2027-01-05").detail == "Testphase · endet heute");
    }
    trial.subscription->trialEndsOn.clear();
    CHECK(presentStatus(trial, "2026-12-07").detail.empty());
    CHECK(presentStatus(decodeCustomer("customer_declined.json"), "2027-01-11").tone == StatusTone::Danger);
}

TEST_CASE("the filter offers and the dashboard counts every status the server knows, each with its API word") {
    std::vector<std::string> names;
    for (const StatusChoice& choice : statusChoices()) {
        names.push_back(choice.apiName);
        CHECK(codec::customerStatusFromString(choice.apiName) == choice.status);
        CHECK(std::string(statusLabel(choice.status)) != tr(Text::StatusUnknown));
    }
    CHECK(names == std::vector<std::string>{"invited", "active", "suspended", "revoked", "declined", "cancelled"});
}

TEST_CASE("invite again: Sales or Admin only, one request for a double click, with a key; the page shows the new invitation") {
    setLanguage(Language::English);
    test::Fixture f;
    f.onCustomer("customer_declined.json");
    f.transport.answer("v1/me", 200, test::meAs("buyer"));  // Buyer may not manage customers
    f.queue.drain();
    std::size_t sent = f.transport.sent.size();
    f.store.customerPage().inviteAgain();
    CHECK(f.transport.sent.size() == sent);

    f.store.session().loadMe();
    f.transport.answer("v1/me", 200, test::meAs("sales"));
    f.queue.drain();
    f.store.customerPage().inviteAgain();
    f.store.customerPage().inviteAgain();  // a double click
    CHECK(f.transport.count("/customers/7/invitation", "POST") == 1);
    std::size_t at = f.transport.last("/customers/7/invitation", "POST");
    CHECK_FALSE(f.transport.header(at, "Idempotency-Key").empty());
    f.transport.answer("/customers/7/invitation", 200, test::readContract("customer.json"));
    f.queue.drain();
    const AppState& st = f.store.state();
    REQUIRE(st.customer.customer);
    CHECK(st.customer.customer->status != CustomerStatus::Declined);
    REQUIRE_FALSE(st.toasts.empty());
    CHECK(sentence(st.toasts.back().message).rfind("New invitation link sent to ", 0) == 0);
}
