#include <doctest/doctest.h>

#include "core/store.h"
#include "fake_transport.h"

using namespace rc;

namespace {

const char* kConfig = R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "demo@reseller.example"})";
const char* kSession = R"({"token": "tok-1", "expires_at": "2026-11-27T06:00:00Z", "reseller": {"id": 1, "name": "Northwind", "email": "demo@reseller.example"}})";

std::string page(std::initializer_list<const char*> names, int total, const char* cursor) {
    std::string items;
    int id = 1;
    for (const char* n : names) {
        if (!items.empty()) items += ",";
        items += std::string(R"({"id": )") + std::to_string(id++) + R"(, "name": ")" + n +
                 R"(", "email": "x@y.de", "google_domain": "y.de", "organization": "Y", "status": "invited", "invitation": null, "subscription": null})";
    }
    return "{\"items\": [" + items + "], \"total\": " + std::to_string(total) + ", \"next_cursor\": " +
           (cursor ? std::string("\"") + cursor + "\"" : std::string("null")) + "}";
}

struct Fixture {
    MainQueue queue;
    test::FakeTransport transport{queue};
    Store store{transport};

    // Boots with config and signs in; leaves the first customers request unanswered.
    void signIn() {
        store.start("config.json");
        transport.respond(0, 200, kConfig);
        queue.drain();
        REQUIRE(store.state().phase == Phase::SignedOut);
        store.signInDemo();
        transport.respond(1, 200, kSession);
        queue.drain();
        REQUIRE(store.state().phase == Phase::SignedIn);
    }
};

}  // namespace

TEST_CASE("answers change state only when the queue is drained, at the start of a frame") {
    Fixture f;
    f.store.start("config.json");
    f.transport.respond(0, 200, kConfig);
    CHECK(f.store.state().phase == Phase::Booting);
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);
    CHECK(f.store.state().signIn.email == "demo@reseller.example");
}

TEST_CASE("demo sign-in sends the email, keeps the token and loads customers with it") {
    Fixture f;
    f.signIn();
    CHECK(f.transport.sent[1].request.method == "POST");
    CHECK(f.transport.sent[1].request.url == "/api/v1/auth/demo");
    CHECK(f.transport.sent[1].request.body.find("demo@reseller.example") != std::string::npos);
    REQUIRE(f.transport.sent.size() == 3);
    CHECK(f.transport.sent[2].request.url.rfind("/api/v1/customers?", 0) == 0);
    CHECK(f.transport.header(2, "Authorization") == "Bearer tok-1");
    CHECK(f.store.state().customers.loading);
    f.transport.respond(2, 200, page({"Anna", "Bernd"}, 2, nullptr));
    f.queue.drain();
    CHECK_FALSE(f.store.state().customers.loading);
    REQUIRE(f.store.state().customers.items.size() == 2);
    CHECK(f.store.state().customers.items[1].name == "Bernd");
}

TEST_CASE("a double click on sign-in sends one request") {
    Fixture f;
    f.store.start("config.json");
    f.transport.respond(0, 200, kConfig);
    f.queue.drain();
    f.store.signInDemo();
    f.store.signInDemo();
    CHECK(f.transport.count("/auth/demo") == 1);
}

TEST_CASE("results are applied in order: an older list answer never overwrites a newer one") {
    Fixture f;
    f.signIn();              // request 2: first list
    f.store.reloadCustomers();  // request 3: newer list
    REQUIRE(f.transport.sent.size() == 4);
    f.transport.respond(3, 200, page({"Newer"}, 1, nullptr));
    f.transport.respond(2, 200, page({"Older", "Stale"}, 2, nullptr));
    f.queue.drain();
    REQUIRE(f.store.state().customers.items.size() == 1);
    CHECK(f.store.state().customers.items[0].name == "Newer");
    CHECK_FALSE(f.store.state().customers.loading);
}

TEST_CASE("further pages append in order and stop at the last page") {
    Fixture f;
    f.signIn();
    f.transport.respond(2, 200, page({"A", "B"}, 3, "c2"));
    f.queue.drain();
    f.store.loadMoreCustomers();
    f.store.loadMoreCustomers();  // already loading: no second request
    REQUIRE(f.transport.sent.size() == 4);
    CHECK(f.transport.sent[3].request.url.find("cursor=c2") != std::string::npos);
    f.transport.respond(3, 200, page({"C"}, 3, nullptr));
    f.queue.drain();
    CHECK(f.store.state().customers.items.size() == 3);
    f.store.loadMoreCustomers();
    CHECK(f.transport.sent.size() == 4);  // no cursor, nothing more to ask for
}

TEST_CASE("bad JSON in a list answer becomes an error on the list and keeps the session") {
    Fixture f;
    f.signIn();
    f.transport.respond(2, 200, "{\"items\": [");
    f.queue.drain();
    const auto& list = f.store.state().customers;
    REQUIRE(list.error.has_value());
    CHECK(list.error->code == "bad_response");
    CHECK(f.store.state().phase == Phase::SignedIn);
    f.store.reloadCustomers();  // Retry
    f.transport.respond(3, 200, page({"A"}, 1, nullptr));
    f.queue.drain();
    CHECK_FALSE(f.store.state().customers.error.has_value());
    CHECK(f.store.state().customers.items.size() == 1);
}

TEST_CASE("a 401 ends the session, returns to sign-in and remembers the screen") {
    Fixture f;
    f.signIn();
    f.store.navigate(Screen::Customers);
    f.transport.respond(2, 401, R"({"error": {"code": "session_expired", "message": "Your session has expired."}})");
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);
    CHECK(f.store.state().signIn.sessionEnded);
    CHECK_FALSE(f.store.state().session.has_value());
    CHECK(f.store.state().screen == Screen::Customers);
}

TEST_CASE("a failed sign-in keeps the email and says why") {
    Fixture f;
    f.store.start("config.json");
    f.transport.respond(0, 200, kConfig);
    f.queue.drain();
    f.store.editSignInEmail("someone@partner.example");
    f.store.signInDemo();
    f.transport.respond(1, 0, "");
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);
    REQUIRE(f.store.state().signIn.error.has_value());
    CHECK(f.store.state().signIn.error->isNetwork());
    CHECK(f.store.state().signIn.email == "someone@partner.example");
    CHECK_FALSE(f.store.state().signIn.pending);
}

TEST_CASE("answers that arrive after sign-out are dropped") {
    Fixture f;
    f.signIn();
    f.store.signOut();
    CHECK(f.transport.count("/auth/logout") == 1);
    f.transport.respond(2, 200, page({"Leaked"}, 1, nullptr));
    f.queue.drain();
    CHECK(f.store.state().customers.items.empty());
    CHECK(f.store.state().phase == Phase::SignedOut);
}

TEST_CASE("a config that cannot be read leaves the console on a retryable error") {
    Fixture f;
    f.store.start("config.json");
    f.transport.respond(0, 404, "not found");
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::ConfigFailed);
    f.store.retryStart();
    f.transport.respond(1, 200, kConfig);
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);
}
