// Teams, the console's half (issue 22): who is signed in (GET /me), what their role allows
// (the server's table, never a copy), refusals that slip through.
#include <doctest/doctest.h>

#include "core/access.h"
#include "core/codec.h"
#include "core/i18n.h"
#include "core/store.h"
#include "store_fixture.h"

using namespace rc;
using test::Fixture;

namespace {

std::string reason(const AppState& st, Capability c) { return sentence(permit(st, c).reason); }

}  // namespace

TEST_CASE("GET /me decodes the member, the account and the whole role x capability table") {
    auto r = codec::decodeMe(test::readContract("me.json"));
    REQUIRE(r.ok());
    const Me& me = r.value();
    CHECK(me.member.id == 1);
    CHECK(me.member.email == "demo@reseller.example");
    CHECK(me.member.role == "admin");
    CHECK(me.reseller.id == 1);
    CHECK(me.capabilities.size() == 6);  // manage_account since issue 18 (the billing profile)
    CHECK(me.capabilities.at("manage_account") == std::vector<std::string>{"admin"});
    CHECK(me.capabilities.at("manage_subscriptions") == std::vector<std::string>{"admin", "buyer"});
    // A server from before teams sends the flat account only: still a Me, with no member.
    auto old = codec::decodeMe(R"({"id": 4, "name": "Old", "email": "old@x.example"})");
    REQUIRE(old.ok());
    CHECK(old.value().reseller.id == 4);
    CHECK(old.value().member.id == 0);
    // A table of the wrong shape is a bad answer.
    CHECK_FALSE(codec::decodeMe(R"({"id": 4, "name": "Old", "email": "o@x.example", "capabilities": {"view": "admin"}})").ok());
    CHECK_FALSE(codec::decodeMe(R"({"id": 4, "name": "Old", "email": "o@x.example", "member": {"id": 2, "email": "a@b.c", "name": "A", "role": ""}})").ok());
}

TEST_CASE("sign-in answers carry the member; a session saved before teams still loads") {
    auto s = codec::decodeSession(test::readContract("auth_google.json"));
    REQUIRE(s.ok());
    REQUIRE(s.value().member.has_value());
    CHECK(s.value().member->name == "Jana Hartmann");
    CHECK(s.value().member->role == "buyer");
    auto old = codec::decodeSession(test::kSession);
    REQUIRE(old.ok());
    CHECK_FALSE(old.value().member.has_value());
    // The saved form keeps the member and the capabilities GET /me gave.
    Session saved = s.value();
    saved.capabilities = codec::decodeMe(test::readContract("me.json")).value().capabilities;
    auto again = codec::decodeSession(codec::encodeSession(saved));
    REQUIRE(again.ok());
    CHECK(again.value().member == saved.member);
    CHECK(again.value().capabilities == saved.capabilities);
}

TEST_CASE("a refusal names the roles that would do; the console says them narrowest first, in both languages") {
    ApiError e = codec::decodeError(HttpResponse{403, test::readContract("error_forbidden.json"), ""});
    CHECK(e.isForbiddenByRole());
    CHECK(e.requiredRoles == std::vector<std::string>{"admin", "buyer"});
    setLanguage(Language::English);
    CHECK(describeError(e) == "Your role does not allow this: it needs the Buyer or Admin role.");
    setLanguage(Language::German);
    CHECK(describeError(e) == "Ihre Rolle erlaubt das nicht: Dafür ist die Rolle Einkauf oder Admin nötig.");
    setLanguage(Language::English);
    CHECK(rolesSentence(rolesToName({"admin"})) == "Admin");
    CHECK(rolesSentence(rolesToName({"admin", "buyer", "sales"})) == "Buyer, Sales or Admin");
    // A 403 that is not about roles (a kiosk's other account) is said in the reader's language
    // too (issue 25: the server's words are English).
    ApiError other = codec::decodeError(HttpResponse{403, R"({"error": {"code": "forbidden", "message": "Kiosk only."}})", ""});
    setLanguage(Language::German);
    CHECK(describeError(other) == "Mit dieser Anmeldung ist das nicht erlaubt. Es wurde nichts geändert.");
    setLanguage(Language::English);
}

TEST_CASE("what a role may do comes from GET /me's table; the reason names the roles that may") {
    setLanguage(Language::English);
    for (const char* role : {"admin", "buyer", "sales", "viewer"}) {
        CAPTURE(role);
        Fixture f;
        f.signInAs(role);
        const AppState& st = f.store.state();
        std::string r = role;
        CHECK(allowed(st, Capability::View));
        CHECK(allowed(st, Capability::ManageCustomers) == (r == "admin" || r == "sales"));
        CHECK(allowed(st, Capability::ManageSubscriptions) == (r == "admin" || r == "buyer"));
        CHECK(allowed(st, Capability::ExportBilling) == (r == "admin" || r == "buyer"));
        CHECK(allowed(st, Capability::ManageTeam) == (r == "admin"));
        if (r == "viewer") {
            CHECK(reason(st, Capability::ManageSubscriptions) == "Needs the Buyer or Admin role");
            CHECK(reason(st, Capability::ManageCustomers) == "Needs the Sales or Admin role");
            CHECK(reason(st, Capability::ManageTeam) == "Needs the Admin role");
            setLanguage(Language::German);
            CHECK(reason(st, Capability::ManageSubscriptions) == "Erfordert die Rolle Einkauf oder Admin");
            setLanguage(Language::English);
        }
    }
}

TEST_CASE("the table changes with the server's: the console keeps no rules of its own") {
    Fixture f;
    f.signIn();
    // A server whose table lets viewers export (the console must follow it, not a copy).
    std::string me = test::meAs("viewer");
    std::size_t at = me.find("\"export_billing\": [");
    REQUIRE(at != std::string::npos);
    me.insert(at + 19, "\"viewer\", ");
    f.transport.answer("v1/me", 200, me);
    f.queue.drain();
    CHECK(allowed(f.store.state(), Capability::ExportBilling));
    CHECK_FALSE(allowed(f.store.state(), Capability::ManageSubscriptions));
}

TEST_CASE("before GET /me has answered, nothing is refused: the server decides") {
    Fixture f;
    f.signIn();
    REQUIRE(f.transport.count("v1/me") == 1);
    CHECK(allowed(f.store.state(), Capability::ManageTeam));
}

TEST_CASE("a reload knows the member's role at once: the capabilities are kept with the session") {
    std::string saved;
    {
        Fixture f;
        f.signInAs("viewer");
        saved = f.platform.session;
    }
    CHECK(saved.find("\"capabilities\"") != std::string::npos);
    Fixture f;
    f.platform.session = saved;
    f.boot();
    REQUIRE(f.store.state().phase == Phase::SignedIn);
    CHECK(f.transport.count("v1/me") == 1);  // asked again, but not waited for
    CHECK_FALSE(allowed(f.store.state(), Capability::ManageSubscriptions));
}

TEST_CASE("intents a role does not allow are refused by the store too, with nothing sent") {
    Fixture f;
    f.onCustomer();
    f.transport.answer("v1/me", 200, test::meAs("viewer"));
    f.queue.drain();
    std::size_t sent = f.transport.sent.size();
    f.store.subscription().openLicenseOrder();
    f.store.subscription().openPlanChange();
    f.store.subscription().openCancel();
    f.store.subscription().reactivate();
    f.store.customerPage().resendInvitation();
    f.store.customerPage().requestRevoke();
    f.store.newCustomer().open();
    const AppState& st = f.store.state();
    CHECK_FALSE(st.customer.licenses.open);
    CHECK_FALSE(st.customer.plan.open);
    CHECK_FALSE(st.customer.cancel.open);
    CHECK_FALSE(st.customer.confirmingRevoke);
    CHECK_FALSE(st.newCustomer.open);
    CHECK(f.transport.sent.size() == sent);
}

TEST_CASE("a refusal that slips through (the role changed meanwhile) asks GET /me again and says so") {
    setLanguage(Language::English);
    Fixture f;
    f.onCustomer();
    f.transport.answer("v1/me", 200, test::meAs("admin"));
    f.queue.drain();
    f.store.customerPage().resendInvitation();
    std::size_t mes = f.transport.count("v1/me");
    f.transport.answer("/invitation/resend", 403, test::readContract("error_forbidden.json"));
    f.queue.drain();
    const AppState& st = f.store.state();
    // The page says why; a toast says the console now shows what the role allows.
    REQUIRE(st.customer.actionError.has_value());
    CHECK(st.customer.actionError->isForbiddenByRole());
    REQUIRE_FALSE(st.toasts.empty());
    CHECK(sentence(st.toasts.back().message) ==
          "Your role does not allow this: it needs the Buyer or Admin role. The console now shows what your role allows.");
    CHECK(f.transport.count("v1/me") == mes + 1);
    f.transport.answer("v1/me", 200, test::meAs("viewer"));
    f.queue.drain();
    CHECK(st.me->member.role == "viewer");
    CHECK(sentence(st.toasts.back().message) == "Your role is now Viewer.");
    CHECK_FALSE(allowed(st, Capability::ManageCustomers));
    // Kept with the session for the next reload.
    CHECK(f.platform.session.find("\"viewer\"") != std::string::npos);
}
