// The store's shared rooms: the answer helper every slice lands its answers with, the table of
// which change makes which part stale, toasts put into words when drawn, the screen registry.
#include <doctest/doctest.h>

#include "core/message.h"
#include "core/screen_registry.h"
#include "core/store.h"
#include "core/store/context.h"
#include "core/store/stale.h"
#include "store_fixture.h"

using namespace rc;
using test::Fixture;

namespace {

// A context of its own over a signed-in store: its answers land in `scratch`, while a 401
// goes to the store's session as every slice's does.
struct Context {
    Fixture f;
    AppState scratch;
    ApiClient api{f.transport};
    StoreContext ctx{f.store, scratch, api, f.platform};
    Context() { f.signIn(); }
};

const ApiError kServerError{500, "internal", "boom", {}};
const ApiError kExpired{401, "session_expired", "expired", {}};

}  // namespace

TEST_CASE("an answer clears its busy flag and hands its value on") {
    Context c;
    Remote remote{true, std::nullopt};
    int got = 0;
    auto done = c.ctx.answer<int>(Landing::on(remote), [&](int v) { got = v; });
    done(Result<int>(7));
    CHECK_FALSE(remote.loading);
    CHECK_FALSE(remote.error);
    CHECK(got == 7);
}

TEST_CASE("an answer to a request from an earlier session is dropped whole") {
    Context c;
    Remote remote{true, std::nullopt};
    int got = 0, failed = 0;
    auto ok = c.ctx.answer<int>(Landing::on(remote), [&](int v) { got = v; });
    auto bad = c.ctx.answer<int>(Landing::on(remote), [&](int) {}, [&](const ApiError&) { ++failed; });
    c.ctx.newGeneration();  // a sign-in, sign-out or kiosk start-over since
    ok(Result<int>(7));
    bad(Result<int>(kServerError));
    CHECK(remote.loading);  // the flag belongs to whatever asked since
    CHECK_FALSE(remote.error);
    CHECK(got == 0);
    CHECK(failed == 0);
}

TEST_CASE("an answer no longer wanted (another page, a newer request) is dropped whole") {
    Context c;
    Remote remote{true, std::nullopt};
    bool wanted = true;
    int got = 0;
    auto done = c.ctx.answer<int>(Landing::on(remote).onlyIf([&] { return wanted; }), [&](int v) { got = v; });
    wanted = false;
    done(Result<int>(7));
    CHECK(remote.loading);
    CHECK(got == 0);
}

TEST_CASE("a failure shows where the landing says and goes to the slice's own handling") {
    Context c;
    bool submitting = true;
    std::optional<ApiError> error;
    int got = 0;
    std::string seen;
    auto done = c.ctx.answer<int>(Landing::on(submitting, &error), [&](int v) { got = v; },
                                  [&](const ApiError& e) { seen = e.code; });
    done(Result<int>(kServerError));
    CHECK_FALSE(submitting);
    REQUIRE(error.has_value());
    CHECK(error->status == 500);
    CHECK(seen == "internal");
    CHECK(got == 0);
    CHECK(c.f.store.state().phase == Phase::SignedIn);
}

TEST_CASE("a 401 ends the session and nothing else lands; the slice may say what that means") {
    Context c;
    Remote remote{true, std::nullopt};
    int failed = 0, ended = 0;
    auto done = c.ctx.answer<int>(Landing::on(remote).onSessionEnded([&] { ++ended; }), [](int) {},
                                  [&](const ApiError&) { ++failed; });
    done(Result<int>(kExpired));
    CHECK(c.f.store.state().phase == Phase::SignedOut);
    CHECK(c.f.store.state().signIn.sessionEnded);
    CHECK_FALSE(remote.loading);
    CHECK_FALSE(remote.error);  // the sign-in screen says it, not the screen that asked
    CHECK(failed == 0);
    CHECK(ended == 1);
}

TEST_CASE("a 401 while nobody is signed in is an ordinary failure (a refused sign-in)") {
    Fixture f;
    f.boot();
    AppState scratch;
    ApiClient api{f.transport};
    StoreContext ctx{f.store, scratch, api, f.platform};
    std::optional<ApiError> error;
    bool pending = true;
    auto done = ctx.answer<int>(Landing::on(pending, &error), [](int) {});
    done(Result<int>(ApiError{401, "unauthorized", "no", {}}));
    REQUIRE(error.has_value());
    CHECK(error->status == 401);
    CHECK_FALSE(pending);
}

TEST_CASE("a download's answer lands the same way") {
    Context c;
    Remote remote{true, std::nullopt};
    int done = 0, failed = 0;
    auto ok = c.ctx.downloaded(Landing::on(remote), [&] { ++done; }, [&](const ApiError&) { ++failed; });
    ok(std::nullopt);
    CHECK(done == 1);
    CHECK_FALSE(remote.loading);

    remote.loading = true;
    auto late = c.ctx.downloaded(Landing::on(remote), [&] { ++done; }, [&](const ApiError&) { ++failed; });
    c.ctx.newGeneration();
    late(kServerError);
    CHECK(remote.loading);
    CHECK(failed == 0);

    auto expired = c.ctx.downloaded(Landing::on(remote), [&] { ++done; }, [&](const ApiError&) { ++failed; });
    expired(kExpired);
    CHECK(failed == 0);
    CHECK(c.f.store.state().phase == Phase::SignedOut);
}

TEST_CASE("which change makes which part stale") {
    CHECK(staleAfter(Change::CustomerInvited) == (kStaleCustomerList | kStaleDashboard));
    CHECK(staleAfter(Change::InvitationRevoked) == (kStaleCustomerList | kStaleDashboard));
    CHECK(staleAfter(Change::SubscriptionChanged) == (kStaleCustomerList | kStaleDashboard | kStaleInvoiceList));

    AppState st;
    st.dashboard.data = Dashboard{};
    markStale(st, Change::CustomerInvited);
    CHECK(st.customers.stale);
    CHECK_FALSE(st.dashboard.data);
    CHECK_FALSE(st.invoices.stale);  // an invitation issues no invoice
    markStale(st, Change::SubscriptionChanged);
    CHECK(st.invoices.stale);
}

TEST_CASE("a plan change makes the lists and figures stale: each is fetched again when shown") {
    Fixture f;
    f.onCustomer();
    f.store.subscription().openPlanChange();
    f.store.subscription().choosePlan("enterprise", "flexible");
    f.transport.answer("/subscription/plan/preview", 200, test::readContract("plan_change_preview.json"));
    f.queue.drain();
    f.store.subscription().reviewPlanChange();
    f.store.subscription().confirmPlanChange();
    f.transport.answer("/subscription/plan", 200, test::readContract("plan_change.json"));
    f.queue.drain();
    CHECK(f.store.state().customers.stale);
    CHECK(f.store.state().invoices.stale);
    std::size_t invoicesAsked = f.transport.count("/invoices?");
    Route r;
    r.screen = Screen::Invoices;
    f.store.navigate(r);
    CHECK(f.transport.count("/invoices?") > invoicesAsked);
}

TEST_CASE("a toast is put into words when drawn: a language switch re-words it, numbers included") {
    Fixture f;
    f.onCustomer();
    f.store.subscription().openLicenseOrder();
    f.store.subscription().setLicenseTarget(1200);
    std::string preview = test::readContract("license_order_preview.json");
    std::size_t at = preview.find("\"licenses\": 30");
    REQUIRE(at != std::string::npos);
    preview.replace(at, 14, "\"licenses\": 1200");
    f.transport.answer("license-orders/preview", 200, preview);
    f.queue.drain();
    REQUIRE(f.store.state().customer.licenses.preview.has_value());
    f.store.subscription().requestOrderConfirmation();
    f.store.subscription().placeLicenseOrder();
    f.transport.answer("/subscription/license-orders", 201, test::readContract("license_order.json"));
    f.queue.drain();
    REQUIRE_FALSE(f.store.state().toasts.empty());
    const Message& m = f.store.state().toasts.back().message;
    std::string english = sentence(m);
    CHECK(english.find("Licenses set to 1,200.") == 0);
    setLanguage(Language::German);
    std::string german = sentence(m);
    setLanguage(Language::English);
    CHECK(german.find("Lizenzanzahl auf 1.200 erhöht.") == 0);  // from 30: said as what happened
    CHECK(german.find("Rechnung INV-") != std::string::npos);
}

TEST_CASE("the screen registry has one line per screen, and each screen's address reads back as itself") {
    const Screen all[] = {Screen::Dashboard, Screen::Customers, Screen::Customer, Screen::Invoices, Screen::Team,
                         Screen::Billing};
    CHECK(screenRegistry().size() == sizeof all / sizeof all[0]);
    for (Screen s : all) {
        CAPTURE(static_cast<int>(s));
        int lines = 0;
        for (const auto& spec : screenRegistry()) lines += spec.screen == s;
        CHECK(lines == 1);
        Route r;
        r.screen = s;
        r.customerId = s == Screen::Customer ? 42 : 0;
        std::string hash = r.toHash();
        CHECK(hash.rfind(std::string("#/") + screenSpec(s).path, 0) == 0);
        CHECK(Route::fromHash(hash).screen == s);
        CHECK(Route::fromHash(hash).toHash() == hash);
    }
}

TEST_CASE("a queued write refreshes the customer page only when it is about that customer") {
    Route page;
    page.screen = Screen::Customer;
    page.customerId = 7;
    CHECK(screenSpec(Screen::Customer).refreshAfterWrite(page, 7));
    CHECK_FALSE(screenSpec(Screen::Customer).refreshAfterWrite(page, 8));
    CHECK(screenSpec(Screen::Customer).refreshAfterWrite(page, 0));  // a new customer
    Route list;
    list.screen = Screen::Customers;
    CHECK(screenSpec(Screen::Customers).refreshAfterWrite(list, 8));
}
