#include <doctest/doctest.h>

#include "core/codec.h"
#include "core/i18n.h"
#include "fake_transport.h"

using namespace rc;

TEST_CASE("a customers page from the server's contract example decodes") {
    auto r = codec::decodeCustomersPage(test::readContract("customers_page.json"));
    REQUIRE(r.ok());
    const CustomersPage& page = r.value();
    REQUIRE(page.items.size() >= 2);
    CHECK(page.total >= static_cast<std::int64_t>(page.items.size()));
    bool sawInvited = false, sawActive = false;
    for (const Customer& c : page.items) {
        CHECK(c.id > 0);
        CHECK_FALSE(c.name.empty());
        CHECK_FALSE(c.googleDomain.empty());
        CHECK(c.status != CustomerStatus::Unknown);
        if (c.status == CustomerStatus::Invited) {
            sawInvited = true;
            CHECK_FALSE(c.subscription.has_value());
            REQUIRE(c.invitation.has_value());
            CHECK(c.invitation->status == "pending");
        }
        if (c.status == CustomerStatus::Active) {
            sawActive = true;
            REQUIRE(c.subscription.has_value());
            CHECK(c.subscription->licenses > 0);
            CHECK(c.subscription->monthlyValue.currency.size() == 3);
        }
    }
    CHECK(sawInvited);
    CHECK(sawActive);
}

TEST_CASE("a customer's fields land where they belong") {
    auto r = codec::decodeCustomersPage(R"({"items": [{"id": 7, "name": "Jürgen Müller", "email": "j@m.de",
        "google_domain": "mueller.de", "organization": "Müller GmbH", "status": "active", "created_at": "2026-01-02T10:00:00Z",
        "invitation": null,
        "subscription": {"id": 3, "plan": "enterprise", "billing_cycle": "annual_monthly", "licenses": 25,
          "status": "active", "started_at": "2026-01-03T00:00:00Z", "term_start": "2026-01-03", "term_end": "2027-01-02",
          "renews_at": "2027-01-03", "auto_renew": true, "unit_price": {"amount": 119, "currency": "USD"},
          "recurring_amount": {"amount": 2975, "currency": "USD"}, "monthly_value": {"amount": 2975, "currency": "USD"}}}],
        "total": 41, "next_cursor": "abc"})");
    REQUIRE(r.ok());
    const Customer& c = r.value().items.at(0);
    CHECK(c.id == 7);
    CHECK(c.name == "Jürgen Müller");
    CHECK(c.organization == "Müller GmbH");
    CHECK(c.status == CustomerStatus::Active);
    CHECK_FALSE(c.invitation.has_value());
    REQUIRE(c.subscription.has_value());
    CHECK(c.subscription->plan == "enterprise");
    CHECK(c.subscription->licenses == 25);
    CHECK(c.subscription->monthlyValue.amount == 2975);
    CHECK(c.subscription->renewsAt == "2027-01-03");
    CHECK(r.value().total == 41);
    CHECK(r.value().nextCursor == "abc");
}

TEST_CASE("the server's error bodies decode into code, message and fields") {
    HttpResponse unauthorized{401, test::readContract("error_unauthorized.json"), ""};
    ApiError e = codec::decodeError(unauthorized);
    CHECK(e.status == 401);
    CHECK(e.isAuth());
    CHECK(e.code == "unauthorized");
    CHECK_FALSE(e.message.empty());

    HttpResponse invalid{422, test::readContract("error_validation.json"), ""};
    ApiError v = codec::decodeError(invalid);
    CHECK(v.code == "validation_failed");
    REQUIRE_FALSE(v.fields.empty());
    CHECK_FALSE(v.fields.front().second.empty());
}

TEST_CASE("a demo sign-in answer from the contract decodes into a session") {
    auto r = codec::decodeSession(test::readContract("auth_demo.json"));
    REQUIRE(r.ok());
    CHECK_FALSE(r.value().token.empty());
    CHECK(r.value().reseller.id > 0);
    CHECK(r.value().reseller.email.find('@') != std::string::npos);
}

TEST_CASE("bad JSON from the server becomes an error, never a crash") {
    const char* bodies[] = {
        "",                                      // empty
        "<html>502 Bad Gateway</html>",          // a proxy's page
        "{\"items\": [",                         // cut off mid-way
        "{\"items\": {}, \"total\": 1}",         // wrong type
        "{\"items\": [], \"total\": \"many\"}",  // wrong type
        "{\"items\": [{\"id\": \"x\"}], \"total\": 1}",
        "[1, 2, 3]",
        "{\"items\": [{\"id\": 1, \"name\": \"A\", \"email\": \"a@b.c\", \"google_domain\": \"b.c\", "
        "\"organization\": \"O\", \"status\": \"active\", \"subscription\": {\"id\": 1}}], \"total\": 1}",
    };
    for (const char* body : bodies) {
        CAPTURE(body);
        auto r = codec::decodeCustomersPage(body);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "bad_response");
    }
}

TEST_CASE("an answer without a JSON error body still says what happened") {
    ApiError gateway = codec::decodeError(HttpResponse{502, "<html>Bad Gateway</html>", ""});
    CHECK(gateway.code == "server_error");
    CHECK(gateway.status == 502);
    ApiError dropped = codec::decodeError(HttpResponse{0, "", ""});
    CHECK(dropped.isNetwork());
    CHECK(dropped.code == "network_error");
}

TEST_CASE("config.json decodes; a trailing slash on the API base is dropped") {
    auto r = codec::decodeConfig(R"({"api_base_url": "https://api.example.com/v1/", "google_client_id": "x.apps",
                                    "demo_sign_in": true, "demo_email": "demo@reseller.example"})");
    REQUIRE(r.ok());
    CHECK(r.value().apiBaseUrl == "https://api.example.com/v1");
    CHECK(r.value().demoSignIn);
    CHECK(r.value().demoEmail == "demo@reseller.example");
    CHECK_FALSE(codec::decodeConfig("{\"google_client_id\": 5}").ok());
}

TEST_CASE("numbers the console cannot use safely are refused, not wrapped") {
    auto subscription = [](const std::string& id, const std::string& licenses, const std::string& currency) {
        return codec::decodeSubscription(R"({"id": )" + id + R"(, "plan": "basic", "billing_cycle": "flexible", "licenses": )" +
                                         licenses + R"(, "status": "active", "auto_renew": true,
            "unit_price": {"amount": 100, "currency": ")" + currency + R"("},
            "recurring_amount": {"amount": 100, "currency": "USD"}, "monthly_value": {"amount": 100, "currency": "USD"}})");
    };
    CHECK(subscription("1", "25", "USD").ok());
    CHECK(subscription("1", "1000000000", "EUR").ok());
    CHECK_FALSE(subscription("0", "25", "USD").ok());                    // 0 means "none" in addresses
    CHECK_FALSE(subscription("-4", "25", "USD").ok());
    CHECK_FALSE(subscription("9223372036854775808", "25", "USD").ok());  // above int64: would wrap negative
    CHECK_FALSE(subscription("1", "-1", "USD").ok());
    CHECK_FALSE(subscription("1", "2147483648", "USD").ok());           // would wrap in an int
    CHECK_FALSE(subscription("1", "1000000001", "USD").ok());           // +1 in the order dialog stays far from overflow
    CHECK_FALSE(subscription("1", "25", "usd").ok());
    CHECK_FALSE(subscription("1", "25", "U$D").ok());
    CHECK_FALSE(subscription("1", "25", "\u20ac").ok());                 // three bytes, not three letters
    auto r = subscription("1", "25", "USD");
    REQUIRE_FALSE(subscription("1", "-1", "USD").ok());
    CHECK(subscription("1", "-1", "USD").error().code == "bad_response");
    CHECK(r.value().licenses == 25);

    auto plans = codec::decodePlans(R"({"currency": "USD", "discount_basis_points": 0,
        "license_limits": {"min": 10, "max": 5}, "items": []})");
    CHECK_FALSE(plans.ok());  // the order dialog clamps between them
}

TEST_CASE("a session token that a header cannot carry is refused") {
    auto session = [](const std::string& token) {
        return codec::decodeSession(R"({"token": ")" + token +
                                    R"(", "expires_at": "2026-12-26T09:00:00Z", "reseller": {"id": 1, "name": "D", "email": "d@x.de"}})");
    };
    CHECK(session("q8ZbVJ1xq0pH8mYbq1f4Yp2nU9kXwF3sVb7cRt5LhGs").ok());
    CHECK_FALSE(session("abc def").ok());
    CHECK_FALSE(session("abc\\r\\nX-Injected: 1").ok());
    CHECK_FALSE(session("abc\\u001e").ok());
    CHECK_FALSE(session("J\\u00fcrgen").ok());
}

TEST_CASE("the current count in a 409 is taken only when the order dialog can use it") {
    auto current = [](const std::string& licenses) {
        return codec::decodeError(HttpResponse{409, R"({"error": {"code": "licenses_changed", "message": "Changed.",
            "current": {"licenses": )" + licenses + "}}}", ""}).currentLicenses;
    };
    CHECK(current("12") == 12);
    CHECK_FALSE(current("-2147483648").has_value());
    CHECK_FALSE(current("4294967308").has_value());  // would read as 12 through an int
    CHECK_FALSE(current("18446744073709551615").has_value());
}

TEST_CASE("history actors decode from the teams contract and from the plain text before it") {
    auto r = codec::decodeActivityPage(test::readContract("activity_actors.json"));
    REQUIRE(r.ok());
    const auto& items = r.value().items;
    REQUIRE(items.size() == 5);
    // The system (no name of its own), the accepting customer, and a member, as the server names them.
    CHECK(items[0].actor.kind == ActorKind::System);
    CHECK(items[0].actor.email.empty());
    CHECK(items[3].actor.kind == ActorKind::Customer);
    CHECK(items[3].actor.name == "Ana Souza");
    CHECK(items[4].actor.kind == ActorKind::Member);
    CHECK(items[4].actor.email == "priya.nair@reseller.example");
    CHECK(items[4].actor.name == "Priya Nair");
    setLanguage(Language::English);
    CHECK(activityActor(items[0]) == "automatic");
    CHECK(activityActor(items[3]) == "Ana Souza (customer)");
    CHECK(activityActor(items[4]) == "Priya Nair");
    setLanguage(Language::German);
    CHECK(activityActor(items[0]) == "automatisch");
    CHECK(activityActor(items[3]) == "Ana Souza (Kunde)");
    setLanguage(Language::English);
    auto old = codec::decodeActivityPage(
        R"({"items": [{"id": 3, "created_at": "2026-12-04T11:00:00Z", "actor": "demo@reseller.example",
            "action": "customer.updated", "summary": "x"},
            {"id": 2, "created_at": "2026-12-04T11:00:00Z", "actor": "system", "action": "invoice.issued", "summary": "x"}],
            "next_cursor": null})");
    REQUIRE(old.ok());
    CHECK(old.value().items.at(0).actor.kind == ActorKind::Member);
    CHECK(activityActor(old.value().items.at(0)) == "demo@reseller.example");
    CHECK(old.value().items.at(1).actor.kind == ActorKind::System);
    // An actor of another shape is a bad answer, not a guess.
    CHECK_FALSE(codec::decodeActivityPage(R"({"items": [{"id": 3, "created_at": "2026-12-04T11:00:00Z", "actor": 7,
            "action": "customer.updated", "summary": "x"}], "next_cursor": null})").ok());
}
