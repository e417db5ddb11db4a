// The Team screen's store slice (issue 22): the members, adding one, changing a role, removing one,
// each confirmed, with errors where they belong.
#include <doctest/doctest.h>

#include "core/i18n.h"
#include "core/store.h"
#include "store_fixture.h"

using namespace rc;
using test::Fixture;

namespace {

// An Admin on the Team screen with the contract's four members in.
struct TeamFixture : Fixture {
    TeamFixture() {
        setLanguage(Language::English);
        signInAs("admin", "#/team");
        transport.answer("/team/members", 200, test::readContract("team_members.json"));
        queue.drain();
        REQUIRE(store.state().team.loaded);
    }
    std::string body(std::size_t i) const { return transport.sent.at(i).request.body; }
};

}  // namespace

TEST_CASE("an Admin's Team screen lists the members with their role and last sign-in") {
    TeamFixture f;
    const TeamState& t = f.store.state().team;
    REQUIRE(t.members.size() == 4);
    CHECK(t.members[0].role == "admin");
    CHECK(t.members[1].name == "Marcus Weber");
    CHECK(t.members[1].lastSignInAt.empty());  // never signed in
    CHECK(t.members[2].lastSignInAt == "2026-12-05T11:00:00Z");
    CHECK(t.admins() == 1);
    CHECK(f.transport.sent[f.transport.last("/team/members")].request.method == "GET");
}

TEST_CASE("another role's Team screen asks nothing the server would refuse") {
    Fixture f;
    f.signIn("#/dashboard");
    f.transport.answer("v1/me", 200, test::meAs("buyer"));
    f.queue.drain();
    Route r;
    r.screen = Screen::Team;
    f.store.navigate(r);
    CHECK(f.transport.count("/team/members") == 0);
    f.store.team().openAdd();
    CHECK_FALSE(f.store.state().team.add.open);
}

TEST_CASE("adding a member: checked first, one request for a double click, the member then in the list") {
    TeamFixture f;
    f.store.team().openAdd();
    REQUIRE(f.store.state().team.add.open);
    f.store.team().editAdd("anna(at)partner", "", "buyer");
    f.store.team().submitAdd();
    CHECK(f.transport.count("/team/members", "POST") == 0);
    const AddMemberForm& form = f.store.state().team.add;
    CHECK(form.fieldErrors.count("email") == 1);
    CHECK(form.fieldErrors.count("name") == 1);
    f.store.team().editAdd("  anna@partner.example ", "Anna Schmidt", "buyer");
    CHECK(form.fieldErrors.count("email") == 0);  // a field being fixed loses its error
    f.store.team().submitAdd();
    f.store.team().submitAdd();
    REQUIRE(f.transport.count("/team/members", "POST") == 1);
    std::size_t post = f.transport.last("/team/members", "POST");
    CHECK(f.body(post) == R"({"email":"anna@partner.example","name":"Anna Schmidt","role":"buyer"})");
    CHECK_FALSE(f.transport.header(post, "Idempotency-Key").empty());
    std::size_t lists = f.transport.count("/team/members", "GET");
    f.transport.respond(post, 201, R"({"id": 9, "email": "anna@partner.example", "name": "Anna Schmidt", "role": "buyer",
        "last_sign_in_at": null, "added_at": "2027-01-05T10:00:00Z"})");
    f.queue.drain();
    CHECK_FALSE(form.open);
    CHECK(form.email.empty());
    CHECK(sentence(f.store.state().toasts.back().message) ==
          "Anna Schmidt was added to the team as Buyer. They can sign in with Google now.");
    CHECK(f.transport.count("/team/members", "GET") == lists + 1);  // the list again, with Anna
}

TEST_CASE("adding someone already in the team says so on the email field; the server's field errors land on theirs") {
    TeamFixture f;
    f.store.team().openAdd();
    f.store.team().editAdd("marcus.weber@reseller.example", "Marcus Weber", "viewer");
    f.store.team().submitAdd();
    f.transport.answer("/team/members", 409, test::readContract("error_member_exists.json"));
    f.queue.drain();
    const AddMemberForm& form = f.store.state().team.add;
    CHECK(form.open);
    CHECK(form.fieldErrors.at("email") == "This person is already a member of the team.");
    CHECK_FALSE(form.error.has_value());
    std::string key = form.idempotencyKey;
    f.store.team().editAdd("marcus.w@reseller.example", "Marcus Weber", "viewer");
    CHECK(form.idempotencyKey != key);  // another member: another key
    f.store.team().submitAdd();
    f.transport.answer("/team/members", 422, R"({"error": {"code": "validation_failed", "message": "Check the fields.",
        "fields": {"name": "Use at most 200 characters."}}})");
    f.queue.drain();
    CHECK(form.fieldErrors.at("name") == "Use at most 200 characters.");
}

TEST_CASE("changing a role is confirmed, sends the new role once, and the member list follows") {
    TeamFixture f;
    f.store.team().askRoleChange(2);
    const MemberChange& c = f.store.state().team.change;
    REQUIRE(c.memberId == 2);
    CHECK(c.role == "buyer");
    f.store.team().confirmChange();  // the same role: nothing to send
    CHECK(f.transport.count("/team/members/2") == 0);
    f.store.team().chooseRole("viewer");
    f.store.team().chooseRole("owner");  // not a role
    CHECK(c.role == "viewer");
    f.store.team().confirmChange();
    f.store.team().confirmChange();
    REQUIRE(f.transport.count("/team/members/2", "PATCH") == 1);
    std::size_t patch = f.transport.last("/team/members/2", "PATCH");
    CHECK(f.body(patch) == R"({"role":"viewer"})");
    f.transport.respond(patch, 200, R"({"id": 2, "email": "marcus.weber@reseller.example", "name": "Marcus Weber", "role": "viewer",
        "last_sign_in_at": null, "added_at": "2026-12-04T11:00:00Z"})");
    f.queue.drain();
    CHECK(c.memberId == 0);
    CHECK(sentence(f.store.state().toasts.back().message) == "Marcus Weber now has the Viewer role.");
    CHECK_FALSE(f.store.state().dashboard.data.has_value());  // the history names the change: fetched again
}

TEST_CASE("the last Admin: the server's refusal stays in the dialog, in the reseller's language") {
    TeamFixture f;
    f.store.team().askRoleChange(1);
    f.store.team().chooseRole("buyer");
    f.store.team().confirmChange();
    f.transport.answer("/team/members/1", 409, test::readContract("error_last_admin.json"));
    f.queue.drain();
    const MemberChange& c = f.store.state().team.change;
    CHECK(c.memberId == 1);
    REQUIRE(c.error.has_value());
    setLanguage(Language::German);
    CHECK(describeError(*c.error).find("Der letzte Admin") == 0);
    setLanguage(Language::English);
    f.store.team().closeChange();
    CHECK(c.memberId == 0);
}

TEST_CASE("removing a member is confirmed and sent once; changing oneself asks GET /me again") {
    TeamFixture f;
    f.store.team().askRemove(4);
    REQUIRE(f.store.state().team.change.removing);
    f.store.team().confirmChange();
    f.store.team().confirmChange();
    REQUIRE(f.transport.count("/team/members/4", "DELETE") == 1);
    f.transport.answer("/team/members/4", 204, "");
    f.queue.drain();
    CHECK(sentence(f.store.state().toasts.back().message) == "Tom Fischer was removed from the team.");
    // The Admin (member 1, "Demo") gives themselves another role: their own session is asked about.
    f.transport.answer("/team/members", 200, test::readContract("team_members.json"));
    f.queue.drain();
    std::size_t mes = f.transport.count("v1/me");
    f.store.team().askRoleChange(1);
    f.store.team().chooseRole("buyer");
    f.store.team().confirmChange();
    f.transport.answer("/team/members/1", 200, R"({"id": 1, "email": "demo@reseller.example", "name": "Demo", "role": "buyer",
        "last_sign_in_at": null, "added_at": "2026-11-26T09:00:00Z"})");
    f.queue.drain();
    CHECK(f.transport.count("v1/me") == mes + 1);
    // The server ended that session: the answer is a 401, and the console is back at sign-in.
    f.transport.answer("v1/me", 401, R"({"error": {"code": "session_expired", "message": "Signed out."}})");
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);
}
