// Offline use: the write queue's saved form, order and replay rules; the saved answers per
// reseller; and the store's offline slice (banner data, queue, sessions, storage trouble).
#include <doctest/doctest.h>

#include "core/format.h"
#include "core/offline_reads.h"
#include "core/write_queue.h"
#include "store_fixture.h"

using namespace rc;
using test::Fixture;
using test::comeBack;
using test::dropConnection;
using test::inviteOffline;

namespace {

const char* kMe = R"({"id": 1, "name": "Northwind", "email": "demo@reseller.example"})";
const char* kOtherSession =
    R"({"token": "tok-2", "expires_at": "2026-11-27T06:00:00Z", "reseller": {"id": 2, "name": "Southwind", "email": "south@reseller.example"}})";

QueuedWrite sampleWrite() {
    QueuedWrite w;
    w.resellerId = 42;
    w.kind = WriteKind::NewCustomer;
    w.path = "/customers";
    w.body = R"({"name":"Zoë","email":"zoe@harper.example"})";
    w.idempotencyKey = "k1";
    w.queuedAt = 1764230520000;
    w.customerName = "Zoë";
    w.email = "zoe@harper.example";
    w.googleDomain = "harper.example";
    w.organization = "Harper";
    w.storageKey = write_queue::storageKey(w.resellerId, w.queuedAt, w.idempotencyKey);
    return w;
}

}  // namespace

// --- the write queue ---------------------------------------------------------------------------

TEST_CASE("write queue: the saved form is versioned JSON with the key, body and what the reseller sees") {
    QueuedWrite w = sampleWrite();
    CHECK(w.storageKey == "outbox/42/0001764230520000-k1");
    w.state = WriteState::Sending;  // on its way when the tab closed: saved as waiting
    w.memberId = 7;
    std::string saved = write_queue::encode(w);
    CHECK(saved ==
          R"({"attempts":0,"body":"{\"name\":\"Zoë\",\"email\":\"zoe@harper.example\"}","customer_id":0,"customer_name":"Zoë",)"
          R"("email":"zoe@harper.example","format":1,"google_domain":"harper.example","idempotency_key":"k1","kind":"new_customer",)"
          R"("licenses":0,"licenses_before":0,"member":7,"method":"POST","organization":"Harper","path":"/customers","queued_at":1764230520000,)"
          R"("reseller":42,"state":"waiting"})");
    auto back = write_queue::decode(w.storageKey, saved);
    REQUIRE(back.has_value());
    CHECK(back->state == WriteState::Waiting);
    CHECK(back->body == w.body);
    CHECK(back->idempotencyKey == "k1");
    CHECK(back->email == "zoe@harper.example");
    CHECK(back->memberId == 7);
    // Saved before teams: no member.
    std::string old = saved;
    old.replace(old.find("\"member\":7,"), 11, "");
    REQUIRE(write_queue::decode(w.storageKey, old).has_value());
    CHECK(write_queue::decode(w.storageKey, old)->memberId == 0);

    w.state = WriteState::Failed;
    w.error = ApiError{409, "domain_taken", "That domain is taken.", {{"google_domain", "Taken."}}};
    auto failed = write_queue::decode(w.storageKey, write_queue::encode(w));
    REQUIRE(failed.has_value());
    CHECK(failed->state == WriteState::Failed);
    REQUIRE(failed->error.has_value());
    CHECK(failed->error->status == 409);
    CHECK(failed->error->message == "That domain is taken.");
    CHECK(failed->error->fields.at(0).second == "Taken.");
    // Refused by the member's role: after a reload it still says which roles it needs.
    w.error = ApiError{403, "forbidden", "This needs the Admin or Buyer role.", {}};
    w.error->requiredRoles = {"admin", "buyer"};
    auto refused = write_queue::decode(w.storageKey, write_queue::encode(w));
    REQUIRE(refused.has_value());
    REQUIRE(refused->error.has_value());
    CHECK(refused->error->isForbiddenByRole());
    CHECK(refused->error->requiredRoles == std::vector<std::string>{"admin", "buyer"});
}

TEST_CASE("write queue: corrupt, foreign or unknown saved entries are never read as writes") {
    QueuedWrite w = sampleWrite();
    std::string good = write_queue::encode(w);
    CHECK(write_queue::decode(w.storageKey, good).has_value());
    CHECK_FALSE(write_queue::decode(w.storageKey, "{not json").has_value());
    CHECK_FALSE(write_queue::decode(w.storageKey, "[]").has_value());
    CHECK_FALSE(write_queue::decode(w.storageKey, good.substr(0, good.size() / 2)).has_value());
    // Saved under another reseller's key: foreign.
    CHECK_FALSE(write_queue::decode(write_queue::storageKey(7, w.queuedAt, "k1"), good).has_value());
    std::string other = good;
    other.replace(other.find("\"format\":1"), 10, "\"format\":9");
    CHECK_FALSE(write_queue::decode(w.storageKey, other).has_value());
    other = good;
    other.replace(other.find("new_customer"), 12, "plan_changes");
    CHECK_FALSE(write_queue::decode(w.storageKey, other).has_value());
    other = good;
    other.replace(other.find("\"reseller\":42"), 13, "\"reseller\":\"x\"");
    CHECK_FALSE(write_queue::decode(w.storageKey, other).has_value());
}

TEST_CASE("write queue: an edited entry whose counts, key or path the console cannot use is not read") {
    // Found by fuzzing the saved form (tests/fuzz, target outbox_entry).
    QueuedWrite w = sampleWrite();
    auto edited = [&](const std::string& from, const std::string& to) {
        std::string saved = write_queue::encode(w);
        saved.replace(saved.find(from), from.size(), to);
        return write_queue::decode(w.storageKey, saved).has_value();
    };
    CHECK(edited("\"attempts\":0", "\"attempts\":4"));
    CHECK_FALSE(edited("\"attempts\":0", "\"attempts\":2147483647"));  // classify adds one to it
    CHECK_FALSE(edited("\"attempts\":0", "\"attempts\":-1"));
    CHECK_FALSE(edited("\"licenses\":0", "\"licenses\":-15"));
    CHECK_FALSE(edited("\"licenses_before\":0", "\"licenses_before\":4294967297"));
    CHECK_FALSE(edited("\"path\":\"/customers\"", "\"path\":\"/customers/<x>\""));
    CHECK_FALSE(edited("\"path\":\"/customers\"", "\"path\":\"/customers\\u0000\""));
    w.idempotencyKey = "k 1";  // the key is part of the storage key: keep the two consistent
    w.storageKey = write_queue::storageKey(w.resellerId, w.queuedAt, w.idempotencyKey);
    CHECK_FALSE(write_queue::decode(w.storageKey, write_queue::encode(w)).has_value());
    w.idempotencyKey = "k\r\nX-Injected: 1";
    w.storageKey = write_queue::storageKey(w.resellerId, w.queuedAt, w.idempotencyKey);
    CHECK_FALSE(write_queue::decode(w.storageKey, write_queue::encode(w)).has_value());
}

TEST_CASE("write queue: one at a time, in the order they were made, only the signed-in reseller's") {
    std::vector<QueuedWrite> q;
    for (int i = 0; i < 4; ++i) {
        QueuedWrite w = sampleWrite();
        w.resellerId = i == 1 ? 99 : 42;
        w.idempotencyKey = "k" + std::to_string(i);
        w.queuedAt += i;
        w.storageKey = write_queue::storageKey(w.resellerId, w.queuedAt, w.idempotencyKey);
        q.push_back(w);
    }
    CHECK(write_queue::storageKey(42, 5, "z") < write_queue::storageKey(42, 10, "a"));  // time order, not key order
    q[0].state = WriteState::Failed;
    // Written before teams (no member): the account's own email, its first Admin, sends them.
    write_queue::Owner account{42, 1, true}, other{99, 5, true};
    QueuedWrite* n = write_queue::next(q, account);
    REQUIRE(n);
    CHECK(n->idempotencyKey == "k2");  // k0 failed (waits for the reseller), k1 is another reseller's
    n->state = WriteState::Sending;
    CHECK(write_queue::next(q, account) == nullptr);  // nothing overtakes a write on its way
    CHECK(write_queue::next(q, other)->idempotencyKey == "k1");
    q[2].state = WriteState::Waiting;
    q.erase(q.begin() + 2);
    CHECK(write_queue::next(q, account)->idempotencyKey == "k3");
    // Another member of the same account never sends them, nor this member another's.
    CHECK(write_queue::next(q, write_queue::Owner{42, 2, false}) == nullptr);
    q[2].memberId = 2;
    REQUIRE(write_queue::next(q, write_queue::Owner{42, 2, false}) != nullptr);
    CHECK(write_queue::next(q, write_queue::Owner{42, 2, false})->idempotencyKey == "k3");
    CHECK(write_queue::next(q, write_queue::Owner{42, 3, false}) == nullptr);
}

TEST_CASE("write queue: what each answer means") {
    using write_queue::Outcome;
    auto res = [](int status) { return HttpResponse{status, "", "", 0}; };
    CHECK(write_queue::classify(res(201), 0) == Outcome::Done);
    CHECK(write_queue::classify(res(200), 0) == Outcome::Done);  // a replay of an answer that was lost
    CHECK(write_queue::classify(res(0), 0) == Outcome::KeepWaiting);
    CHECK(write_queue::classify(res(0), 99) == Outcome::KeepWaiting);  // no answer never gives up
    CHECK(write_queue::classify(res(401), 0) == Outcome::SignInAgain);
    CHECK(write_queue::classify(res(503), 0) == Outcome::KeepWaiting);
    CHECK(write_queue::classify(res(429), 1) == Outcome::KeepWaiting);
    CHECK(write_queue::classify(res(500), write_queue::kMaxAttempts - 1) == Outcome::Failed);
    CHECK(write_queue::classify(res(409), 0) == Outcome::Failed);
    CHECK(write_queue::classify(res(422), 0) == Outcome::Failed);
    CHECK(write_queue::classify(res(404), 0) == Outcome::Failed);
}

// --- saved answers -----------------------------------------------------------------------------

TEST_CASE("saved answers: network first; without an answer the last good one stands in, with its time") {
    MainQueue queue;
    test::FakeTransport net{queue};
    test::FakePlatform platform{queue};
    OfflineReads reads{net, platform};
    std::vector<OfflineReads::Answer> seen;
    reads.onAnswer = [&](const OfflineReads::Answer& a) { seen.push_back(a); };
    reads.setReseller(1, "/api/v1");
    queue.drain();
    HttpRequest get;
    get.url = "/api/v1/customers?limit=50";
    std::vector<HttpResponse> got;
    auto keep = [&](const HttpResponse& r) { got.push_back(r); };

    reads.send(get, keep);
    net.respond(0, 200, R"({"items": []})");
    queue.drain();
    REQUIRE(got.size() == 1);
    CHECK(got[0].cachedAt == 0);
    CHECK(platform.stored.count("reads/1//customers?limit=50") == 1);

    platform.wallClock += 60000;
    reads.send(get, keep);
    net.respond(1, 0, "");
    queue.drain();
    REQUIRE(got.size() == 2);
    CHECK(got[1].status == 200);
    CHECK(got[1].body == R"({"items": []})");
    CHECK(got[1].cachedAt == platform.wallClock - 60000);
    CHECK_FALSE(seen.back().reachedServer);
    CHECK(seen.back().cachedAt == got[1].cachedAt);

    // Never asked before: the failure goes through as it is.
    HttpRequest other = get;
    other.url = "/api/v1/invoices?limit=50";
    reads.send(other, keep);
    net.respond(2, 0, "");
    queue.drain();
    CHECK(got.back().status == 0);

    // Writes and sign-in are never kept or answered from the saved copies.
    HttpRequest post = get;
    post.method = "POST";
    reads.send(post, keep);
    net.respond(3, 0, "");
    queue.drain();
    CHECK(got.back().status == 0);
}

TEST_CASE("saved answers are per reseller, read back after a reload, and corrupt or foreign ones are dropped") {
    MainQueue queue;
    test::FakeTransport net{queue};
    test::FakePlatform platform{queue};
    platform.stored["reads/1//me"] = OfflineReads::encodeEntry(1, "/me", 1000, kMe);
    platform.stored["reads/1//dashboard"] = "{\"format\": 1, \"reseller\": 1, \"pa";               // cut off
    platform.stored["reads/1//plans"] = OfflineReads::encodeEntry(2, "/plans", 1000, R"({"plans": []})");  // another reseller's
    platform.stored["reads/1//invoices"] = OfflineReads::encodeEntry(1, "/invoices", 1000, "<html>");      // not JSON
    platform.stored["reads/2//me"] = OfflineReads::encodeEntry(2, "/me", 1000, R"({"id": 2})");
    OfflineReads reads{net, platform};
    reads.setReseller(1, "/api/v1");
    // A failure before the saved answers are read waits for them.
    std::vector<HttpResponse> got;
    HttpRequest me;
    me.url = "/api/v1/me";
    reads.send(me, [&](const HttpResponse& r) { got.push_back(r); });
    net.respond(0, 0, "");
    queue.drain();
    queue.drain();
    REQUIRE(got.size() == 1);
    CHECK(got[0].body == kMe);
    CHECK(got[0].cachedAt == 1000);
    CHECK(platform.stored.count("reads/1//dashboard") == 0);
    CHECK(platform.stored.count("reads/1//plans") == 0);
    CHECK(platform.stored.count("reads/1//invoices") == 0);
    CHECK(platform.stored.count("reads/2//me") == 1);  // another reseller's stay theirs

    reads.drop(1);
    queue.drain();
    CHECK(platform.stored.count("reads/1//me") == 0);
    CHECK(platform.stored.count("reads/2//me") == 1);
}

TEST_CASE("saved answers: storage turned off is reported, and reads still work online") {
    MainQueue queue;
    test::FakeTransport net{queue};
    test::FakePlatform platform{queue};
    platform.storageMode = test::FakePlatform::StorageMode::Unavailable;
    OfflineReads reads{net, platform};
    OfflineReads::Storage storage = OfflineReads::Storage::Unknown;
    reads.onStorage = [&](OfflineReads::Storage s) { storage = s; };
    reads.setReseller(1, "/api/v1");
    queue.drain();
    CHECK(storage == OfflineReads::Storage::Unavailable);
    HttpRequest get;
    get.url = "/api/v1/me";
    std::string body;
    reads.send(get, [&](const HttpResponse& r) { body = r.body; });
    net.respond(0, 200, kMe);
    queue.drain();
    CHECK(body == kMe);
}

// --- the store ---------------------------------------------------------------------------------

TEST_CASE("offline after a reload: the last customers come back with the time they are from") {
    Fixture f;
    f.signIn();
    f.transport.answer("/customers?", 200, test::page({"Anna", "Bernd"}, 2, nullptr));
    f.queue.drain();
    f.queue.drain();
    std::int64_t fresh = f.platform.wallClock;
    CHECK(f.store.state().offline.online);

    // A reload an hour later, with the network gone: a new store, the same page storage.
    Fixture g;
    g.platform.stored = f.platform.stored;
    g.platform.session = f.platform.session;
    g.platform.wallClock = fresh + 3600 * 1000;
    g.store.start("config.json", "#/customers");
    g.transport.respond(0, 200, test::kConfig);
    g.queue.drain();
    REQUIRE(g.store.state().phase == Phase::SignedIn);
    g.transport.answer("/me", 0, "");
    g.transport.answer("/customers?", 0, "");
    g.queue.drain();
    g.queue.drain();
    const auto& st = g.store.state();
    CHECK_FALSE(st.offline.online);
    CHECK(st.phase == Phase::SignedIn);  // no answer is not an expired session
    REQUIRE(st.customers.rows.total() == 2);
    REQUIRE(st.customers.rows.row(0) != nullptr);
    CHECK(st.customers.rows.row(0)->name == "Anna");
    CHECK(st.offline.dataFrom == fresh);
    CHECK(st.toasts.empty());  // no error toast for each failed request
    CHECK(format::localTime(st.offline.dataFrom, 60, g.platform.wallClock, Language::English) == "09:02");

    // Back: the banner goes and the screen is asked again.
    std::size_t before = g.transport.count("/customers?");
    comeBack(g);
    CHECK(g.store.state().offline.online);
    CHECK(g.store.state().offline.dataFrom == 0);
    CHECK(g.transport.count("/customers?") == before + 1);
}

TEST_CASE("sign-out drops the reseller's saved answers; another reseller never sees them") {
    Fixture f;
    f.signIn();
    f.transport.answer("/customers?", 200, test::page({"Anna"}, 1, nullptr));
    f.queue.drain();
    f.queue.drain();
    bool any = false;
    for (const auto& [k, v] : f.platform.stored) any = any || k.rfind("reads/1/", 0) == 0;
    CHECK(any);
    f.store.session().signOut();
    f.queue.drain();
    for (const auto& [k, v] : f.platform.stored) CHECK(k.rfind("reads/1/", 0) != 0);

    // Reseller 2 on the same browser, offline: nothing of reseller 1's stands in.
    f.store.session().signInDemo();
    f.transport.answer("/auth/demo", 200, kOtherSession);
    f.queue.drain();
    Route customers;
    customers.screen = Screen::Customers;
    f.store.navigate(customers);
    f.transport.answer("/customers?", 0, "");
    f.queue.drain();
    f.queue.drain();
    CHECK(f.store.state().customers.rows.row(0) == nullptr);
    CHECK(f.store.state().customers.remote.error.has_value());
}

TEST_CASE("writes made offline wait in order, survive a reload, and are each sent once with their key") {
    Fixture f;
    f.signIn();
    dropConnection(f, "/customers?");
    REQUIRE_FALSE(f.store.state().offline.online);
    std::string first = inviteOffline(f, "a@one.example", "one.example");
    f.platform.wallClock += 1000;
    std::string second = inviteOffline(f, "b@two.example", "two.example");
    CHECK(f.transport.count("/customers", "POST") == 0);  // known offline: not even tried
    CHECK(f.store.state().offline.waitingCount() == 2);
    CHECK(f.store.state().route.screen == Screen::Customers);
    REQUIRE_FALSE(f.store.state().toasts.empty());
    CHECK(f.store.state().toasts.back().kind == ToastKind::Info);

    // The tab closes; a new one opens while still offline: both are still there, in order.
    Fixture g;
    g.platform.stored = f.platform.stored;
    g.platform.session = f.platform.session;
    g.store.start("config.json", "#/customers");
    g.transport.respond(0, 200, test::kConfig);
    g.queue.drain();
    g.queue.drain();
    REQUIRE(g.store.state().offline.outbox.size() == 2);
    CHECK(g.store.state().offline.outbox[0].storageKey == first);
    CHECK(g.store.state().offline.outbox[1].storageKey == second);
    g.transport.answer("/me", 0, "");
    g.transport.answer("/customers?", 0, "");
    g.queue.drain();
    CHECK(g.transport.count("/customers", "POST") <= 1);

    // Back online: one at a time, in order, each with the key it was made with.
    comeBack(g);
    auto posts = [&] {
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < g.transport.sent.size(); ++i)
            if (g.transport.sent[i].request.method == "POST" && g.transport.sent[i].request.url == "/api/v1/customers")
                out.push_back(i);
        return out;
    };
    auto sent = posts();
    REQUIRE_FALSE(sent.empty());
    std::size_t a = sent.back();
    CHECK(g.transport.sent[a].request.body.find("a@one.example") != std::string::npos);
    CHECK(posts().size() == sent.size());
    std::string keyA = g.transport.header(a, "Idempotency-Key");
    CHECK(first.find(keyA) != std::string::npos);
    // The server committed, and the answer was lost: the replay carries the same key.
    g.transport.respond(a, 0, "");
    g.queue.drain();
    CHECK_FALSE(g.store.state().offline.online);
    comeBack(g);
    std::size_t replay = posts().back();
    CHECK(replay != a);
    CHECK(g.transport.header(replay, "Idempotency-Key") == keyA);
    g.transport.respond(replay, 201, test::readContract("customer.json"));
    g.queue.drain();
    std::size_t b = posts().back();
    CHECK(g.transport.sent[b].request.body.find("b@two.example") != std::string::npos);
    g.transport.respond(b, 201, test::readContract("customer.json"));
    g.queue.drain();
    g.queue.drain();
    CHECK(g.store.state().offline.outbox.empty());
    for (const auto& [k, v] : g.platform.stored) CHECK(k.rfind("outbox/", 0) != 0);
    CHECK(posts().size() == 3);  // a, its replay, b: nothing else
}

TEST_CASE("a queued write the server refuses ends as failed with its words; retry and discard") {
    Fixture f;
    f.signIn();
    dropConnection(f, "/customers?");
    std::string key = inviteOffline(f, "a@taken.example", "taken.example");
    comeBack(f);
    std::size_t post = f.transport.last("/customers", "POST");
    f.transport.respond(post, 409,
                        R"({"error": {"code": "domain_taken", "message": "A customer with this Google domain already exists."}})");
    f.queue.drain();
    f.queue.drain();
    REQUIRE(f.store.state().offline.outbox.size() == 1);
    const QueuedWrite& w = f.store.state().offline.outbox[0];
    CHECK(w.state == WriteState::Failed);
    REQUIRE(w.error.has_value());
    CHECK(w.error->code == "domain_taken");
    CHECK(f.store.state().toasts.back().kind == ToastKind::Error);
    // Kept as failed across a reload.
    auto saved = write_queue::decode(key, f.platform.stored.at(key));
    REQUIRE(saved.has_value());
    CHECK(saved->state == WriteState::Failed);

    f.store.offline().retryWrite(key);
    std::size_t again = f.transport.last("/customers", "POST");
    CHECK(again != post);
    CHECK(f.transport.header(again, "Idempotency-Key") == f.transport.header(post, "Idempotency-Key"));
    f.transport.respond(again, 409, R"({"error": {"code": "domain_taken", "message": "Taken."}})");
    f.queue.drain();
    f.store.offline().discardWrite(key);
    f.queue.drain();
    CHECK(f.store.state().offline.outbox.empty());
    CHECK(f.platform.stored.count(key) == 0);
}

TEST_CASE("storage full or turned off: offline work is not taken, and the form keeps what was typed") {
    Fixture f;
    f.platform.storageMode = test::FakePlatform::StorageMode::Full;
    f.signIn();
    dropConnection(f, "/customers?");
    f.store.newCustomer().open();
    f.store.newCustomer().edit("Zoë Harper", "zoe@harper.example", "harper.example", "Harper");
    f.store.newCustomer().submit();
    f.queue.drain();
    const auto& form = f.store.state().newCustomer;
    CHECK(form.open);
    CHECK(form.email == "zoe@harper.example");
    REQUIRE(form.error.has_value());
    CHECK(describeError(*form.error) == tr(Text::CannotQueue));
    CHECK(f.store.state().offline.storage == OfflineStorage::Full);
    CHECK(f.store.state().offline.outbox.empty());

    Fixture g;
    g.platform.storageMode = test::FakePlatform::StorageMode::Unavailable;
    g.signIn();
    g.queue.drain();
    CHECK(g.store.state().offline.storage == OfflineStorage::Unavailable);
    CHECK(g.store.state().offline.offlineUseUnavailable());
    // Online, everything still works.
    g.transport.answer("/customers?", 200, test::page({"Anna"}, 1, nullptr));
    g.queue.drain();
    CHECK(g.store.state().customers.rows.total() == 1);
}

TEST_CASE("a license order made offline is queued with its key and shown on the customer's page") {
    Fixture f;
    f.onCustomer();
    int current = f.store.state().customer.customer->subscription->licenses;
    f.store.subscription().openLicenseOrder();
    f.store.subscription().setLicenseTarget(current + 3);
    dropConnection(f, "license-orders/preview");
    REQUIRE_FALSE(f.store.state().offline.online);
    std::string key = f.store.state().customer.licenses.idempotencyKey;
    f.store.offline().queueLicenseOrder();
    f.queue.drain();
    CHECK_FALSE(f.store.state().customer.licenses.open);
    REQUIRE(f.store.state().offline.outbox.size() == 1);
    const QueuedWrite& w = f.store.state().offline.outbox[0];
    CHECK(w.kind == WriteKind::LicenseOrder);
    CHECK(w.customerId == 7);
    CHECK(w.licenses == current + 3);
    CHECK(w.licensesBefore == current);
    CHECK(w.idempotencyKey == key);
    comeBack(f);
    std::size_t order = f.transport.last("/subscription/license-orders", "POST");
    CHECK(f.transport.header(order, "Idempotency-Key") == key);
    CHECK(f.transport.sent[order].request.body.find(std::to_string(current + 3)) != std::string::npos);
    // It says which count it was made against: replayed after someone else changed it, the
    // server refuses it (409 licenses_changed) and it ends as failed with the count now.
    CHECK(f.transport.sent[order].request.body.find("\"expected_licenses\":" + std::to_string(current)) != std::string::npos);
    f.transport.respond(order, 409, test::readContract("error_licenses_changed.json"));
    f.queue.drain();
    REQUIRE(f.store.state().offline.outbox.size() == 1);
    CHECK(f.store.state().offline.outbox[0].state == WriteState::Failed);
    REQUIRE(f.store.state().offline.outbox[0].error.has_value());
    CHECK(f.store.state().offline.outbox[0].error->code == "licenses_changed");
    CHECK(f.store.state().offline.outbox[0].error->currentLicenses == 30);
}

TEST_CASE("the new-version prompt: shown when the service worker has one, and Reload asks the page") {
    Fixture f;
    f.signIn();
    f.store.offline().applyUpdate();
    CHECK(f.platform.updatesApplied == 0);
    f.store.offline().setUpdateReady();
    CHECK(f.store.state().offline.updateReady);
    f.store.offline().applyUpdate();
    CHECK(f.platform.updatesApplied == 1);
}

TEST_CASE("times in the reseller's own clock and language") {
    std::int64_t at = 1764230520000;  // 2025-11-27 08:02 UTC
    CHECK(format::localTime(at, 0, at, Language::English) == "08:02");
    CHECK(format::localTime(at, 60, at, Language::German) == "09:02");
    CHECK(format::localTime(at, -600, at + 3600 * 1000, Language::English) == "22:02");
    CHECK(format::localTime(at, 0, at + 86400 * 1000, Language::English) == "Nov 27, 08:02");
    CHECK(format::localTime(at, 0, at + 86400 * 1000, Language::German) == "27.11., 08:02");
}

TEST_CASE("a write kept longer than the server remembers its key is not sent: failed, with why, discard only") {
    Fixture f;
    f.signIn();
    dropConnection(f, "/customers?");
    std::string old = inviteOffline(f, "a@old.example", "old.example");
    f.platform.wallClock += write_queue::kReplayWindowMs - 60 * 1000;
    std::string fresh = inviteOffline(f, "b@fresh.example", "fresh.example");
    // Offline past the window for the first one only.
    f.platform.wallClock += 2 * 60 * 1000;
    comeBack(f);
    f.queue.drain();
    // Only the fresh one reaches the server; the old one ends failed and says why.
    std::size_t post = f.transport.last("/customers", "POST");
    REQUIRE(post != SIZE_MAX);
    CHECK(f.transport.sent[post].request.body.find("b@fresh.example") != std::string::npos);
    CHECK(f.transport.count("/customers", "POST") == 1);
    const QueuedWrite* w = nullptr;
    for (const auto& x : f.store.state().offline.outbox)
        if (x.storageKey == old) w = &x;
    REQUIRE(w);
    CHECK(w->state == WriteState::Failed);
    REQUIRE(w->error.has_value());
    CHECK(w->error->code == write_queue::kTooOldCode);
    CHECK(describeError(*w->error) == tr(Text::QueuedTooLong));
    // Saved as failed; Retry does nothing for it (it would fail the same way), Discard removes it.
    auto saved = write_queue::decode(old, f.platform.stored.at(old));
    REQUIRE(saved.has_value());
    CHECK(saved->state == WriteState::Failed);
    f.transport.respond(post, 201, test::readContract("customer.json"));
    f.queue.drain();
    f.store.offline().retryWrite(old);
    f.queue.drain();
    CHECK(f.transport.count("/customers", "POST") == 1);
    f.store.offline().discardWrite(old);
    CHECK(f.store.state().offline.outbox.empty());
    CHECK(f.platform.stored.count(old) == 0);
    CHECK(f.platform.stored.count(fresh) == 0);  // the fresh one was sent and removed
}
