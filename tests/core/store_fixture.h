// A store with a fake transport and page, and the steps most store tests start with.
#pragma once
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

#include "core/store.h"
#include "fake_platform.h"
#include "fake_transport.h"

namespace rc::test {

inline const char* kConfig = R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "demo@reseller.example"})";
inline const char* kSession = R"({"token": "tok-1", "expires_at": "2026-11-27T06:00:00Z", "reseller": {"id": 1, "name": "Northwind", "email": "demo@reseller.example"}})";

inline std::string page(std::initializer_list<const char*> names, int total, const char* cursor) {
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

// GET /me for the demo team's member with `role` (the contract's example, its role replaced).
inline std::string meAs(const std::string& role) {
    std::string me = readContract("me.json");
    std::size_t at = me.find("\"role\": \"admin\"");
    REQUIRE(at != std::string::npos);
    return me.replace(at, 15, "\"role\": \"" + role + "\"");
}

struct Fixture {
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    Store store{transport, platform};

    void boot(const std::string& hash = "#/customers") {
        store.start("config.json", hash);
        transport.respond(0, 200, kConfig);
        queue.drain();
    }

    // Boots at `hash`, signs in; the screen's first requests are left unanswered.
    void signIn(const std::string& hash = "#/customers") {
        boot(hash);
        REQUIRE(store.state().phase == Phase::SignedOut);
        store.session().signInDemo();
        transport.answer("/auth/demo", 200, kSession);
        queue.drain();
        REQUIRE(store.state().phase == Phase::SignedIn);
    }

    // Signed in, and GET /me answered: the member has `role`.
    void signInAs(const std::string& role, const std::string& hash = "#/customers") {
        signIn(hash);
        transport.answer("v1/me", 200, meAs(role));
        queue.drain();
        REQUIRE(store.state().me.has_value());
        REQUIRE(store.state().me->member.role == role);
    }

    // A signed-in reseller on customer 7's page, with its answers in.
    void onCustomer(const std::string& customerFile = "customer.json") {
        signIn("#/customers/7");
        std::string body = test::readContract(customerFile);
        transport.answer("/customers/7", 200, body);
        transport.answer("/plans", 200, test::readContract("plans.json"));
        queue.drain();
        REQUIRE(store.state().customer.customer.has_value());
    }
};

// --- offline steps

// Goes offline on the current screen: the next answer to `urlPart` never arrives.
inline void dropConnection(Fixture& f, const std::string& urlPart) {
    f.transport.answer(urlPart, 0, "");
    f.queue.drain();
}

// The retry timer fires and the server answers /me: the console is back online.
inline void comeBack(Fixture& f) {
    f.platform.fireTimers();
    f.queue.drain();
    f.transport.answer("/me", 200, R"({"id": 1, "name": "Northwind", "email": "demo@reseller.example"})");
    f.queue.drain();
}

// Signs in, makes an invitation while the network is down, and lets storage keep it.
inline std::string inviteOffline(Fixture& f, const std::string& email, const std::string& domain) {
    f.store.newCustomer().open();
    f.store.newCustomer().edit("Zoë Harper", email, domain, "Harper");
    f.store.newCustomer().submit();
    f.queue.drain();
    REQUIRE_FALSE(f.store.state().offline.outbox.empty());
    return f.store.state().offline.outbox.back().storageKey;
}

}  // namespace rc::test
