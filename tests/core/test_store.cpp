#include <doctest/doctest.h>

#include "core/codec.h"
#include "core/i18n.h"
#include "core/store.h"
#include "store_fixture.h"

using namespace rc;
using test::Fixture;
using test::kConfig;
using test::kSession;
using test::page;


TEST_CASE("answers change state only when the queue is drained, at the start of a frame") {
    Fixture f;
    f.store.start("config.json");
    f.transport.respond(0, 200, kConfig);
    CHECK(f.store.state().phase == Phase::Booting);
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);
    CHECK(f.store.state().signIn.email == "demo@reseller.example");
}

TEST_CASE("demo sign-in sends the email, keeps the token, saves the session and loads the screen") {
    Fixture f;
    f.signIn();
    std::size_t auth = f.transport.last("/auth/demo");
    CHECK(f.transport.sent[auth].request.method == "POST");
    CHECK(f.transport.sent[auth].request.body.find("demo@reseller.example") != std::string::npos);
    std::size_t list = f.transport.last("/customers?");
    CHECK(f.transport.header(list, "Authorization") == "Bearer tok-1");
    CHECK(f.platform.session.find("tok-1") != std::string::npos);
    CHECK(f.store.state().customers.remote.loading);
    f.transport.respond(list, 200, page({"Anna", "Bernd"}, 2, nullptr));
    f.queue.drain();
    CHECK_FALSE(f.store.state().customers.remote.loading);
    REQUIRE(f.store.state().customers.rows.total() == 2);
    REQUIRE(f.store.state().customers.rows.row(1) != nullptr);
    CHECK(f.store.state().customers.rows.row(1)->name == "Bernd");
}

TEST_CASE("a double click on sign-in sends one request") {
    Fixture f;
    f.boot();
    f.store.session().signInDemo();
    f.store.session().signInDemo();
    CHECK(f.transport.count("/auth/demo") == 1);
}

TEST_CASE("a saved session is used after a reload, checked with the server, and dropped when it is dead") {
    Fixture f;
    Session s;
    s.token = "saved";
    s.expiresAt = "2026-11-27T06:00:00Z";
    s.reseller = Reseller{1, "Northwind", "demo@reseller.example"};
    f.platform.session = codec::encodeSession(s);
    f.boot("#/customers");
    CHECK(f.store.state().phase == Phase::SignedIn);
    CHECK(f.transport.header(f.transport.last("/me"), "Authorization") == "Bearer saved");
    f.transport.answer("/me", 401, R"({"error": {"code": "session_expired", "message": "expired"}})");
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);
    CHECK(f.store.state().signIn.sessionEnded);
    CHECK(f.platform.session.empty());
    CHECK(f.store.state().route.screen == Screen::Customers);  // signing in again returns here
}

TEST_CASE("results are applied in order: an older list answer never overwrites a newer one") {
    Fixture f;
    f.signIn();
    std::size_t first = f.transport.last("/customers?");
    f.store.customers().reload();
    std::size_t second = f.transport.last("/customers?");
    REQUIRE(second != first);
    f.transport.respond(second, 200, page({"Newer"}, 1, nullptr));
    f.transport.respond(first, 200, page({"Older", "Stale"}, 2, nullptr));
    f.queue.drain();
    REQUIRE(f.store.state().customers.rows.total() == 1);
    CHECK(f.store.state().customers.rows.row(0)->name == "Newer");
    CHECK(f.store.state().customers.rows.row(1) == nullptr);
}

TEST_CASE("typing a search sends one request per pause in typing, replaces the address and drops answers for old text") {
    Fixture f;
    f.signIn();
    f.transport.answer("/customers?", 200, page({"A", "B"}, 2, nullptr));
    f.queue.drain();
    CustomerFilter filter;
    for (const char* typed : {"m", "mü", "müller"}) {
        filter.search = typed;
        f.store.customers().setFilter(filter);
        f.platform.clock += 0.1;  // typing: less than a pause between keys
        f.store.runTimers();
    }
    CHECK(f.transport.count("q=") == 0);
    CHECK(f.platform.route == "#/customers?q=m%C3%BCller");  // the address follows every key
    CHECK(f.platform.history.empty());                    // a search is not a history step
    double due = f.store.runTimers();
    CHECK(due == doctest::Approx(f.platform.clock + CustomersSlice::kSearchPause - 0.1));
    f.platform.clock += CustomersSlice::kSearchPause;
    f.store.runTimers();
    REQUIRE(f.transport.count("q=") == 1);
    std::size_t first = f.transport.last("q=m%C3%BCller");
    // More typing after that request went out: its answer is dropped when a newer one exists.
    filter.search = "müller gmbh";
    f.store.customers().setFilter(filter);
    f.platform.clock += CustomersSlice::kSearchPause + 0.01;
    f.store.runTimers();
    REQUIRE(f.transport.count("q=") == 2);
    std::size_t second = f.transport.last("q=m%C3%BCller%20gmbh");
    f.transport.respond(second, 200, page({"Müller GmbH"}, 1, nullptr));
    f.transport.respond(first, 200, page({"Mü-old", "x"}, 2, nullptr));
    f.queue.drain();
    REQUIRE(f.store.state().customers.rows.total() == 1);
    CHECK(f.store.state().customers.rows.row(0)->name == "Müller GmbH");
}

TEST_CASE("a status or sort change applies at once and drops blocks still on their way") {
    Fixture f;
    f.signIn();
    std::size_t old = f.transport.last("/customers?");
    CustomerFilter filter;
    filter.status = "active";
    f.store.customers().setFilter(filter);
    std::size_t active = f.transport.last("status=active");
    f.transport.respond(old, 200, page({"Everyone"}, 1, nullptr));
    f.queue.drain();
    CHECK_FALSE(f.store.state().customers.loaded);
    f.transport.respond(active, 200, page({"Active"}, 1, nullptr));
    f.queue.drain();
    CHECK(f.store.state().customers.rows.row(0)->name == "Active");
}

TEST_CASE("the list spans the whole result: blocks come for the rows on screen and a margin, far ones go") {
    Fixture f;
    f.signIn();
    std::size_t first = f.transport.last("/customers?");
    CHECK(f.transport.sent[first].request.url.find("offset=0") != std::string::npos);
    CHECK(f.transport.sent[first].request.url.find("limit=100") != std::string::npos);
    f.transport.respond(first, 200, page({"A"}, 100000, nullptr));
    f.queue.drain();
    CHECK(f.store.state().customers.rows.total() == 100000);
    // The rows on screen are in: the block below is read ahead, and nothing shows as loading
    // (an activity bar moving for it kept the first frame with rows from standing still).
    f.store.customers().view(0, 15);
    CHECK(f.transport.count("&offset=100") == 1);
    CHECK_FALSE(f.store.state().customers.remote.loading);
    // The End key: the last rows at once, and the block before them as a margin.
    f.store.customers().view(99986, 99999);
    CHECK(f.transport.count("offset=99900") == 1);
    CHECK(f.transport.count("offset=99800") == 1);
    CHECK(f.store.state().customers.rows.row(99990) == nullptr);  // a placeholder until it arrives
    CHECK(f.store.state().customers.remote.loading);
    f.transport.answer("offset=99900", 200, page({"Zoë"}, 100000, nullptr));
    f.queue.drain();
    REQUIRE(f.store.state().customers.rows.row(99900) != nullptr);
    CHECK(f.store.state().customers.rows.row(99900)->name == "Zoë");
    // Scrolling through everything keeps a few blocks, not every row seen.
    for (std::int64_t at = 0; at < 100000; at += 2000) {
        f.store.customers().view(at, at + 14);
        for (auto& sent : f.transport.sent)
            if (!sent.answered) f.transport.respond(static_cast<std::size_t>(&sent - &f.transport.sent[0]), 200, page({"R"}, 100000, nullptr));
        f.queue.drain();
        CHECK(f.store.state().customers.rows.blocksHeld() <= 8);
    }
    std::size_t before = f.transport.sent.size();
    f.store.customers().view(98000, 98014);  // shown a moment ago: no new request
    CHECK(f.transport.sent.size() == before);
}

TEST_CASE("a block that fails shows the error and is fetched again on retry; a 401 signs out") {
    Fixture f;
    f.signIn();
    f.transport.answer("/customers?", 200, page({"A"}, 5000, nullptr));
    f.queue.drain();
    f.store.customers().view(2000, 2014);
    f.transport.answer("offset=2000", 503, R"({"error": {"code": "unavailable", "message": "down"}})");
    f.queue.drain();
    REQUIRE(f.store.state().customers.remote.error.has_value());
    CHECK(f.store.state().customers.rows.state(2005) == BlockList<Customer>::RowState::Failed);
    f.store.customers().view(2000, 2014);
    CHECK(f.transport.count("offset=2000") == 1);  // not again until the reseller retries
    f.store.customers().retry();
    CHECK(f.transport.count("offset=2000") == 2);
    f.transport.answer("offset=2000", 200, page({"Back"}, 5000, nullptr));
    f.queue.drain();
    CHECK_FALSE(f.store.state().customers.remote.error.has_value());
    f.store.customers().view(4000, 4014);
    f.transport.answer("offset=4000", 401, R"({"error": {"code": "session_expired", "message": "expired"}})");
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);
}

TEST_CASE("bad JSON in a list answer becomes an error on the list and keeps the session") {
    Fixture f;
    f.signIn();
    f.transport.answer("/customers?", 200, "{\"items\": [");
    f.queue.drain();
    const auto& list = f.store.state().customers;
    REQUIRE(list.remote.error.has_value());
    CHECK(list.remote.error->code == "bad_response");
    CHECK(f.store.state().phase == Phase::SignedIn);
    f.store.customers().retry();
    f.transport.answer("/customers?", 200, page({"A"}, 1, nullptr));
    f.queue.drain();
    CHECK_FALSE(f.store.state().customers.remote.error.has_value());
}

TEST_CASE("a failed sign-in keeps the email and says why") {
    Fixture f;
    f.boot();
    f.store.session().editEmail("someone@partner.example");
    f.store.session().signInDemo();
    f.transport.answer("/auth/demo", 0, "");
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);
    REQUIRE(f.store.state().signIn.error.has_value());
    CHECK(f.store.state().signIn.error->isNetwork());
    CHECK(f.store.state().signIn.email == "someone@partner.example");
}

TEST_CASE("Google's sign-in starts once the config names a client id, and its status reaches the sign-in screen") {
    Fixture f;
    f.boot();  // kConfig names none
    CHECK(f.platform.googleStarts.empty());
    CHECK(f.store.state().signIn.google == GoogleStatus::NotConfigured);
    f.store.session().setGoogleStatus(GoogleStatus::Ready);  // a page without a client id has no button
    CHECK(f.store.state().signIn.google == GoogleStatus::NotConfigured);

    Fixture g;
    g.store.start("config.json", "#/");
    g.transport.respond(0, 200, R"({"api_base_url": "/api/v1", "google_client_id": "cid.apps.googleusercontent.com", "demo_sign_in": false})");
    g.queue.drain();
    REQUIRE(g.platform.googleStarts.size() == 1);
    CHECK(g.platform.googleStarts[0] == "cid.apps.googleusercontent.com");
    CHECK(g.store.state().signIn.google == GoogleStatus::Loading);
    g.store.session().setGoogleStatus(GoogleStatus::Unavailable);
    CHECK(g.store.state().signIn.google == GoogleStatus::Unavailable);
}

TEST_CASE("sign-out tells the server and Google, forgets the session and drops late answers") {
    Fixture f;
    f.signIn();
    std::size_t list = f.transport.last("/customers?");
    f.store.session().signOut();
    CHECK(f.transport.count("/auth/logout") == 1);
    CHECK(f.platform.googleSignOuts == 1);
    CHECK(f.platform.session.empty());
    f.transport.respond(list, 200, page({"Leaked"}, 1, nullptr));
    f.queue.drain();
    CHECK(f.store.state().customers.rows.row(0) == nullptr);
}

TEST_CASE("new customer: checked with the server's rules first, then one invitation per click") {
    Fixture f;
    f.signIn();
    f.store.newCustomer().open();
    f.store.newCustomer().edit("Zoë Harper", "not-an-email", "https://harpercafe.com", "");
    f.store.newCustomer().submit();
    const auto& form = f.store.state().newCustomer;
    CHECK(form.fieldErrors.count("email") == 1);
    CHECK(form.fieldErrors.count("google_domain") == 1);
    CHECK(form.fieldErrors.count("organization") == 1);
    CHECK(form.fieldErrors.count("name") == 0);
    CHECK(f.transport.count("/customers") == 1);  // only the list: nothing was sent

    f.store.newCustomer().edit("Zoë Harper", "zoe@harpercafe.com", "harpercafe.com", "Harper Café");
    f.store.newCustomer().submit();
    f.store.newCustomer().submit();  // double click
    REQUIRE(f.transport.count("/customers") == 2);
    std::size_t post = f.transport.last("/customers", "POST");
    CHECK(f.transport.header(post, "Idempotency-Key") == form.idempotencyKey);
    CHECK(f.transport.sent[post].request.body.find("harpercafe.com") != std::string::npos);

    // The server says the domain is taken: the message lands on that field, nothing typed is lost.
    f.transport.respond(post, 409, R"({"error": {"code": "domain_taken", "message": "taken"}})");
    f.queue.drain();
    CHECK(form.open);
    CHECK(form.fieldErrors.count("google_domain") == 1);
    CHECK(form.name == "Zoë Harper");

    f.store.newCustomer().edit("Zoë Harper", "zoe@harpercafe.com", "harper-cafe.com", "Harper Café");
    f.store.newCustomer().submit();
    std::size_t second = f.transport.last("/customers", "POST");
    CHECK(f.transport.header(second, "Idempotency-Key") != f.transport.header(post, "Idempotency-Key"));
    f.transport.respond(second, 201, test::readContract("customer.json"));
    f.queue.drain();
    CHECK_FALSE(f.store.state().newCustomer.open);
    CHECK(f.store.state().route.screen == Screen::Customer);
    REQUIRE_FALSE(f.store.state().toasts.empty());
    CHECK(sentence(f.store.state().toasts.back().message).find("j.mueller@mueller-bau.de") != std::string::npos);
}

TEST_CASE("a dropped connection while inviting keeps the invitation for later, with the same key") {
    Fixture f;
    f.signIn();
    f.store.newCustomer().open();
    f.store.newCustomer().edit("A", "a@b.de", "b.de", "B");
    f.store.newCustomer().submit();
    std::size_t first = f.transport.last("/customers", "POST");
    f.transport.respond(first, 0, "");
    f.queue.drain();
    f.queue.drain();  // storage answers through the queue too
    REQUIRE(f.store.state().offline.outbox.size() == 1);
    CHECK_FALSE(f.store.state().newCustomer.open);
    CHECK(f.store.state().offline.outbox[0].idempotencyKey == f.transport.header(first, "Idempotency-Key"));
    // Back online (the retry timer asks the server): sent again with the same key.
    f.platform.fireTimers();
    f.queue.drain();
    f.transport.answer("/me", 200, R"({"id": 1, "name": "Northwind", "email": "demo@reseller.example"})");
    f.queue.drain();
    std::size_t retry = f.transport.last("/customers", "POST");
    CHECK(retry != first);
    CHECK(f.transport.header(retry, "Idempotency-Key") == f.transport.header(first, "Idempotency-Key"));
}

TEST_CASE("license order: stepper asks for previews, only the newest lands, Order needs a confirmation") {
    Fixture f;
    f.onCustomer();
    int current = f.store.state().customer.customer->subscription->licenses;
    f.store.subscription().openLicenseOrder();
    CHECK(f.store.state().customer.licenses.target == current);
    f.store.subscription().setLicenseTarget(current + 1);
    f.store.subscription().setLicenseTarget(current + 5);
    CHECK(f.transport.count("license-orders/preview") == 2);
    std::size_t newest = f.transport.last("license-orders/preview");
    CHECK(f.transport.sent[newest].request.body == "{\"licenses\":" + std::to_string(current + 5) + "}");
    // Nothing can be ordered before the matching preview is in.
    f.store.subscription().requestOrderConfirmation();
    CHECK_FALSE(f.store.state().customer.licenses.confirming);
    std::string preview = test::readContract("license_order_preview.json");
    auto at = preview.find("\"licenses\": 30");
    REQUIRE(at != std::string::npos);
    preview.replace(at, 14, "\"licenses\": " + std::to_string(current + 5));
    f.transport.respond(newest, 200, preview);
    f.transport.respond(newest - 1, 200, test::readContract("license_order_preview.json"));
    f.queue.drain();
    REQUIRE(f.store.state().customer.licenses.preview.has_value());
    CHECK(f.store.state().customer.licenses.preview->licenses == current + 5);

    f.store.subscription().placeLicenseOrder();  // not confirmed yet: nothing happens
    CHECK(f.transport.count("/license-orders") == f.transport.count("license-orders/preview"));
    f.store.subscription().requestOrderConfirmation();
    f.store.subscription().placeLicenseOrder();
    f.store.subscription().placeLicenseOrder();  // double click: one order
    std::size_t order = f.transport.last("/subscription/license-orders", "POST");
    CHECK(f.transport.sent[order].request.url.find("preview") == std::string::npos);
    CHECK(f.transport.count("/license-orders") - f.transport.count("license-orders/preview") == 1);

    f.transport.respond(order, 201, test::readContract("license_order.json"));
    f.queue.drain();
    CHECK_FALSE(f.store.state().customer.licenses.open);
    CHECK(sentence(f.store.state().toasts.back().message).find("INV-") != std::string::npos);
    CHECK(f.transport.count("/customers/7") >= 2);  // the page reloads with the new terms
}

TEST_CASE("a license order says which count it saw; when someone else changed it, the new count is shown and asked again") {
    Fixture f;
    f.onCustomer();
    int seen = f.store.state().customer.customer->subscription->licenses;
    f.store.subscription().openLicenseOrder();
    f.store.subscription().setLicenseTarget(seen + 2);
    std::string preview = test::readContract("license_order_preview.json");
    auto at = preview.find("\"licenses\": 30");
    REQUIRE(at != std::string::npos);
    preview.replace(at, 14, "\"licenses\": " + std::to_string(seen + 2));
    f.transport.answer("license-orders/preview", 200, preview);
    f.queue.drain();
    f.store.subscription().requestOrderConfirmation();
    f.store.subscription().placeLicenseOrder();
    std::size_t order = f.transport.last("/subscription/license-orders", "POST");
    CHECK(f.transport.sent[order].request.body ==
          "{\"expected_licenses\":" + std::to_string(seen) + ",\"licenses\":" + std::to_string(seen + 2) + "}");

    // Another tab ordered meanwhile: the server refuses and says the count is 30 now.
    std::string changed = test::readContract("error_licenses_changed.json");
    REQUIRE(changed.find("\"licenses\": 30") != std::string::npos);
    REQUIRE(seen != 30);
    std::size_t previewsBefore = f.transport.count("license-orders/preview");
    f.transport.respond(order, 409, changed);
    f.queue.drain();
    const LicenseOrderState& o = f.store.state().customer.licenses;
    CHECK(o.open);
    CHECK_FALSE(o.confirming);  // back to the first step: the reseller decides again
    CHECK(f.store.state().customer.customer->subscription->licenses == 30);
    REQUIRE(o.orderError.has_value());
    CHECK(o.orderError->code == "licenses_changed");
    CHECK(describeError(*o.orderError).find("30") != std::string::npos);
    // The count starts again from 30: nothing can be ordered until the reseller picks anew.
    CHECK(o.target == 30);
    CHECK(f.transport.count("license-orders/preview") == previewsBefore);
    f.store.subscription().requestOrderConfirmation();
    CHECK_FALSE(f.store.state().customer.licenses.confirming);
    CHECK(o.idempotencyKey != f.transport.header(order, "Idempotency-Key"));

    // Asked again: the next order says it saw 30, with a new key.
    f.store.subscription().setLicenseTarget(32);
    preview = test::readContract("license_order_preview.json");
    preview.replace(preview.find("\"licenses\": 30"), 14, "\"licenses\": 32");
    f.transport.answer("license-orders/preview", 200, preview);
    f.queue.drain();
    f.store.subscription().requestOrderConfirmation();
    f.store.subscription().placeLicenseOrder();
    std::size_t again = f.transport.last("/subscription/license-orders", "POST");
    CHECK(again != order);
    CHECK(f.transport.sent[again].request.body.find("\"expected_licenses\":30") != std::string::npos);
    CHECK(f.transport.header(again, "Idempotency-Key") != f.transport.header(order, "Idempotency-Key"));
}

TEST_CASE("a plan change says which plan it saw; when someone else changed it, the plan now is shown") {
    Fixture f;
    f.onCustomer();
    const Subscription seen = *f.store.state().customer.customer->subscription;
    f.store.subscription().openPlanChange();
    std::string target = seen.plan == "enterprise" ? "basic" : "enterprise";
    f.store.subscription().choosePlan(target, seen.billingCycle);
    f.transport.answer("/plan/preview", 200, test::readContract("plan_change_preview.json"));
    f.queue.drain();
    f.store.subscription().reviewPlanChange();
    f.store.subscription().confirmPlanChange();
    std::size_t change = f.transport.last("/subscription/plan", "POST");
    const std::string& body = f.transport.sent[change].request.body;
    CHECK(body.find("\"expected_plan\":\"" + seen.plan + "\"") != std::string::npos);
    CHECK(body.find("\"expected_billing_cycle\":\"" + seen.billingCycle + "\"") != std::string::npos);

    std::string changed = test::readContract("error_plan_changed.json");
    auto at = changed.find("\"plan\": \"");
    REQUIRE(at != std::string::npos);
    changed.replace(at, changed.find('"', at + 9) + 1 - at, "\"plan\": \"basic\"");
    f.transport.respond(change, 409, changed);
    f.queue.drain();
    const PlanChangeState& p = f.store.state().customer.plan;
    CHECK(p.open);
    REQUIRE(p.error.has_value());
    CHECK(p.error->code == "plan_changed");
    CHECK(f.store.state().customer.customer->subscription->plan == "basic");
    CHECK(describeError(*p.error).find(planLabel("basic")) != std::string::npos);
    CHECK(p.idempotencyKey != f.transport.header(change, "Idempotency-Key"));
}

TEST_CASE("issue 25: a plan change asks before it charges; nothing is sent from the choice, going back sends nothing") {
    Fixture f;
    f.onCustomer();
    const Subscription seen = *f.store.state().customer.customer->subscription;
    f.store.subscription().openPlanChange();
    f.store.subscription().choosePlan(seen.plan == "enterprise" ? "basic" : "enterprise", seen.billingCycle);
    f.store.subscription().reviewPlanChange();  // no price yet: nothing to confirm
    CHECK_FALSE(f.store.state().customer.plan.confirming);
    f.transport.answer("/plan/preview", 200, test::readContract("plan_change_preview.json"));
    f.queue.drain();
    // The choice's own button (or Enter) only reviews.
    f.store.subscription().confirmPlanChange();
    CHECK(f.transport.count("/subscription/plan") == f.transport.count("/subscription/plan/preview"));
    f.store.subscription().reviewPlanChange();
    const PlanChangeState& p = f.store.state().customer.plan;
    CHECK(p.confirming);
    REQUIRE(p.preview);
    CHECK(p.preview->prorationFrom == "2026-12-04");  // the days the amount due now pays for
    CHECK(p.preview->prorationTo == "2026-12-28");
    f.store.subscription().backToPlanChoice();
    CHECK_FALSE(p.confirming);
    f.store.subscription().confirmPlanChange();
    CHECK(f.transport.count("/subscription/plan") == f.transport.count("/subscription/plan/preview"));
    // Reviewed, then confirmed twice (a double click): one request.
    f.store.subscription().reviewPlanChange();
    f.store.subscription().confirmPlanChange();
    f.store.subscription().confirmPlanChange();
    CHECK(f.transport.count("/subscription/plan") == f.transport.count("/subscription/plan/preview") + 1);
    f.store.subscription().closePlanChange();  // ignored while the change is on its way
    CHECK(p.open);
}

TEST_CASE("annual plans do not ask the server to go below the current licenses mid-term") {
    Fixture f;
    std::string body = test::readContract("customer.json");
    auto at = body.find("\"flexible\"");
    REQUIRE(at != std::string::npos);
    body.replace(at, 10, "\"annual_monthly\"");
    f.signIn("#/customers/7");
    f.transport.answer("/customers/7", 200, body);
    f.queue.drain();
    const Subscription& s = *f.store.state().customer.customer->subscription;
    CHECK_FALSE(s.canReduceLicensesNow());
    f.store.subscription().openLicenseOrder();
    f.store.subscription().setLicenseTarget(s.licenses - 1);
    CHECK(f.transport.count("license-orders/preview") == 0);
    CHECK_FALSE(f.store.state().customer.licenses.preview.has_value());
    f.store.subscription().setLicenseTarget(s.licenses + 2);
    CHECK(f.transport.count("license-orders/preview") == 1);
}

TEST_CASE("cancel is only sent once the domain is typed, and can be undone") {
    Fixture f;
    f.onCustomer();
    f.store.subscription().openCancel();
    f.store.subscription().editCancel("mueller-bau", "end_of_term", "Trying another tool.");
    f.store.subscription().confirmCancel();
    CHECK(f.transport.count("/cancel") == 0);
    f.store.subscription().editCancel("  Mueller-Bau.de ", "end_of_term", "Trying another tool.");
    f.store.subscription().confirmCancel();
    f.store.subscription().confirmCancel();
    REQUIRE(f.transport.count("/cancel") == 1);
    std::size_t cancel = f.transport.last("/cancel");
    CHECK(f.transport.sent[cancel].request.body.find("end_of_term") != std::string::npos);
    f.transport.respond(cancel, 200, test::readContract("subscription_pending_cancel.json"));
    f.queue.drain();
    CHECK_FALSE(f.store.state().customer.cancel.open);
    CHECK(f.store.state().customer.customer->subscription->status == "pending_cancel");
    f.store.subscription().reactivate();
    CHECK(f.transport.count("/reactivate") == 1);
}

TEST_CASE("copying the invitation link puts it on the clipboard and says so") {
    Fixture f;
    std::string body = test::readContract("customers_page.json");
    f.signIn("#/customers/2");
    // Use the invited customer of the contract page as the customer's detail.
    auto r = codec::decodeCustomersPage(body);
    REQUIRE(r.ok());
    const Customer* invited = nullptr;
    for (const auto& c : r.value().items)
        if (c.status == CustomerStatus::Invited) invited = &c;
    REQUIRE(invited != nullptr);
    std::string detail = R"({"id": 2, "name": "A", "email": "a@b.de", "google_domain": "b.de", "organization": "B", "status": "invited",
        "created_at": "2026-11-26T09:00:00Z", "invitation": {"status": "pending", "url": ")" + invited->invitation->url +
                         R"(", "sent_at": "2026-11-26T09:00:00Z", "expires_at": "2026-12-10T09:00:00Z", "accepted_at": null}, "subscription": null})";
    f.transport.answer("/customers/2", 200, detail);
    f.queue.drain();
    f.store.customerPage().copyInvitationLink();
    CHECK(f.platform.clipboard == invited->invitation->url);
    CHECK_FALSE(f.store.state().toasts.empty());
}

TEST_CASE("navigation pushes history; the address bar's own changes do not") {
    Fixture f;
    f.signIn("#/dashboard");
    Route r;
    r.screen = Screen::Invoices;
    r.invoices.status = "open";
    f.store.navigate(r);
    CHECK(f.platform.history.back() == "#/invoices?status=open");
    std::size_t pushed = f.platform.history.size();
    f.store.navigate(Route::fromHash("#/customers"), /*push=*/false);
    CHECK(f.platform.history.size() == pushed);
    CHECK(f.store.state().route.screen == Screen::Customers);
}

TEST_CASE("invoices: opening one asks for it; the PDF and the CSV go to the browser's download") {
    Fixture f;
    f.signIn("#/invoices/3?status=open");
    CHECK(f.transport.count("/invoices?status=open") == 1);
    f.transport.answer("/invoices/3", 200, test::readContract("invoice.json"));
    f.queue.drain();
    REQUIRE(f.store.state().invoice.invoice.has_value());
    f.store.invoices().downloadPdf();
    f.store.invoices().downloadPdf();  // double click: one download
    REQUIRE(f.platform.downloads.size() == 1);
    CHECK(f.platform.downloads[0].request.url.find("/pdf") != std::string::npos);
    CHECK(f.platform.downloads[0].filename == f.store.state().invoice.invoice->number + ".pdf");
    f.platform.finishDownload(0, 200);
    f.queue.drain();
    CHECK_FALSE(f.store.state().download.loading);
    f.store.invoices().exportCsv();
    REQUIRE(f.platform.downloads.size() == 2);
    CHECK(f.platform.downloads[1].request.url.find("export.csv?status=open") != std::string::npos);
    f.platform.finishDownload(1, 500, "server_error");
    f.queue.drain();
    CHECK(f.store.state().toasts.back().kind == ToastKind::Error);
    // An expired session during a download sends the reseller to sign in, then back here.
    f.store.invoices().exportCsv();
    f.platform.finishDownload(2, 401, "session_expired");
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);
    CHECK(f.store.state().signIn.sessionEnded);
    CHECK(f.store.state().route.screen == Screen::Invoices);
}

TEST_CASE("toasts disappear on their own") {
    Fixture f;
    f.onCustomer();
    f.store.customerPage().copyInvitationLink();  // accepted customer: no link, no toast
    CHECK(f.store.state().toasts.empty());
    f.store.subscription().openCancel();
    f.store.subscription().editCancel("mueller-bau.de", "now", "");
    f.store.subscription().confirmCancel();
    f.transport.answer("/cancel", 200, test::readContract("subscription.json"));
    f.queue.drain();
    REQUIRE(f.store.state().toasts.size() == 1);
    double next = f.store.toasts().expire();
    CHECK(next > f.platform.clock);
    f.platform.clock = next + 0.01;
    CHECK(f.store.toasts().expire() == 0);
    CHECK(f.store.state().toasts.empty());
}

TEST_CASE("a config that cannot be read leaves the console on a retryable error") {
    Fixture f;
    f.store.start("config.json");
    f.transport.respond(0, 404, "not found");
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::ConfigFailed);
    f.store.session().retryStart();
    f.transport.respond(1, 200, kConfig);
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);
}

TEST_CASE("revoking an invitation asks first; only the confirmation sends it") {
    Fixture f;
    f.signIn("#/customers/2");
    f.transport.answer("/customers/2", 200, R"({"id": 2, "name": "A", "email": "a@b.de", "google_domain": "b.de", "organization": "B",
        "status": "invited", "created_at": "2026-11-26T09:00:00Z", "invitation": {"status": "pending", "url": "http://x/invite/t",
        "sent_at": "2026-11-26T09:00:00Z", "expires_at": "2026-12-10T09:00:00Z", "accepted_at": null}, "subscription": null})");
    f.queue.drain();
    f.store.customerPage().revokeInvitation();
    CHECK(f.transport.count("/revoke") == 0);
    f.store.customerPage().requestRevoke();
    f.store.customerPage().cancelRevoke();
    f.store.customerPage().revokeInvitation();
    CHECK(f.transport.count("/revoke") == 0);
    f.store.customerPage().requestRevoke();
    f.store.customerPage().revokeInvitation();
    f.store.customerPage().revokeInvitation();
    CHECK(f.transport.count("/revoke") == 1);
}
TEST_CASE("an invoice opened from a customer's page has its own address over that page: Back closes it, Forward opens it again") {
    Fixture f;
    f.onCustomer();
    f.store.invoices().open(3);
    CHECK(f.store.state().route.screen == Screen::Customer);
    CHECK(f.platform.history.back() == "#/customers/7/invoices/3");
    f.transport.answer("/invoices/3", 200, test::readContract("invoice.json"));
    f.queue.drain();
    REQUIRE(f.store.state().invoice.invoice.has_value());

    // Back: the browser says the address is the customer's page again.
    f.store.navigate(Route::fromHash("#/customers/7"), /*push=*/false);
    CHECK(f.store.state().invoice.id == 0);
    CHECK_FALSE(f.store.state().invoice.invoice.has_value());
    CHECK(f.store.state().customer.customer.has_value());  // the page itself is not loaded again
    // Forward: the invoice's address opens it again, over the same page.
    f.store.navigate(Route::fromHash("#/customers/7/invoices/3"), /*push=*/false);
    CHECK(f.store.state().invoice.id == 3);
    CHECK(f.store.state().route.screen == Screen::Customer);
    f.transport.answer("/invoices/3", 200, test::readContract("invoice.json"));
    f.queue.drain();
    CHECK(f.store.state().invoice.invoice.has_value());
    // Closing it replaces its address with the page's.
    f.store.invoices().close();
    CHECK(f.platform.route == "#/customers/7");
    CHECK(f.store.state().invoice.id == 0);
}

TEST_CASE("Back from an invoice to any screen without it closes the invoice, and a late answer is dropped") {
    Fixture f;
    f.signIn("#/invoices/3");
    CHECK(f.store.state().invoice.id == 3);
    f.store.navigate(Route::fromHash("#/dashboard"), /*push=*/false);
    CHECK(f.store.state().invoice.id == 0);
    f.transport.answer("/invoices/3", 200, test::readContract("invoice.json"));
    f.queue.drain();
    CHECK_FALSE(f.store.state().invoice.invoice.has_value());
}
