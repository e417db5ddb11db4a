// Issue 23, the console's half in core: the lifecycle's fields decoded from the server's own
// examples (tests/contract), and the one status presentation the badge, the list, the filter
// and the dashboard share.
#include <cmath>

#include <doctest/doctest.h>

#include "core/codec.h"
#include "core/format.h"
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
    CHECK(isoDay(std::nan("")) == "");                       // no clock: no day, nothing undefined
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
    CHECK(p.label == "Trial until Jan 5, 2027");
    CHECK(p.tone == StatusTone::Accent);
    CHECK(p.status == CustomerStatus::Active);
    CHECK(p.detail == "30 days left");
    CHECK(presentStatus(trial, "2027-01-05").detail == "ends today");
    {
        German de;
        CHECK(presentStatus(trial, "2026-12-07").label == "Testphase bis 05.01.2027");
        CHECK(presentStatus(trial, "2026-12-07").detail == "noch 30 Tage");
        CHECK(presentStatus(trial, "2027-01-05").detail == "endet heute");
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

namespace {

Customer activeWith(const std::string& status, const std::string& termEnd) {
    Customer c;
    c.status = CustomerStatus::Active;
    Subscription s;
    s.status = status;
    s.termEnd = termEnd;
    c.subscription = s;
    return c;
}

}  // namespace

TEST_CASE("issue 25: a pending cancellation and a trial say their last day wherever the customer's status is shown") {
    German de;
    Customer pending = activeWith("pending_cancel", "2027-08-20");
    CHECK(presentStatus(pending, "2026-12-07").label == "Gekündigt zum 20.08.2027");
    CHECK(presentStatus(pending, "2026-12-07").tone == StatusTone::Warning);
    CHECK(presentSubscription(*pending.subscription, "2026-12-07").label == presentStatus(pending, "2026-12-07").label);
    // An older server's trial without trial_ends_on: the term's end is its last day.
    Customer trial = activeWith("trial", "2027-01-05");
    CHECK(presentStatus(trial, "2026-12-07").label == "Testphase bis 05.01.2027");
    CHECK(presentStatus(activeWith("active", "2027-01-05"), "2026-12-07").label == "Aktiv");
    setLanguage(Language::English);
    CHECK(presentStatus(pending, "2026-12-07").label == "Cancelled, ends Aug 20, 2027");
    CHECK(presentStatus(trial, "2026-12-07").label == "Trial until Jan 5, 2027");
}

TEST_CASE("issue 25: without a subscription the customer's own status speaks; an ended one reads as ended") {
    German de;
    Customer invited;
    invited.status = CustomerStatus::Invited;
    CHECK(presentStatus(invited, "2026-12-07").label == "Eingeladen");
    Customer ended = activeWith("cancelled", "2026-11-30");
    ended.status = CustomerStatus::Cancelled;
    CHECK(presentStatus(ended, "2026-12-07").label == "Beendet");
    CHECK(presentStatus(ended, "2026-12-07").tone == StatusTone::Danger);
    CHECK(presentSubscription(*ended.subscription, "2026-12-07").label == "Beendet");
    CHECK(presentStatus(activeWith("trial", ""), "2026-12-07").label == "Testphase");
    CHECK(presentStatus(activeWith("something_new", ""), "2026-12-07").label == "Unbekannt");
    // A customer state this console has no word for (a newer server's): the subscription's.
    Customer newer = activeWith("pending_cancel", "2027-08-20");
    newer.status = CustomerStatus::Unknown;
    CHECK(presentStatus(newer, "2026-12-07").label == "Gekündigt zum 20.08.2027");
    // The filter's and the dashboard's word for a status is the badge's.
    CHECK(presentStatus(CustomerStatus::Cancelled).label == "Beendet");
    CHECK(presentStatus(CustomerStatus::Suspended).tone == StatusTone::Warning);
}

TEST_CASE("issue 25: the list's rows from the server say the same as their subscriptions") {
    auto page = codec::decodeCustomersPage(test::readContract("customers_page.json"));
    REQUIRE(page.ok());
    German de;
    bool sawTrial = false;
    for (const Customer& c : page.value().items) {
        if (!c.subscription || c.status != CustomerStatus::Active) continue;
        CAPTURE(c.name);
        CHECK(presentStatus(c, "2026-12-07").label == presentSubscription(*c.subscription, "2026-12-07").label);
        if (c.subscription->status == "trial") {
            sawTrial = true;
            const std::string& last = c.subscription->trialEndsOn.empty() ? c.subscription->termEnd : c.subscription->trialEndsOn;
            CHECK(presentStatus(c, "2026-12-07").label == "Testphase bis " + format::date(last, Language::German));
        }
    }
    CHECK(sawTrial);
}
