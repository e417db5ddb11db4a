// Shared computers (issue 22) and issue 24's defect 13: Sign out removes the member's saved
// answers, queued writes and settings (asking first while writes wait), a dead session does the
// same, a Sign out made offline still ends the server's session, queued writes replay as the
// member who made them, and a person in several accounts chooses one at sign-in.
#include <doctest/doctest.h>

#include "core/format.h"
#include "core/i18n.h"
#include "core/write_queue.h"
#include "store_fixture.h"

using namespace rc;
using test::Fixture;

namespace {

bool anySaved(const Fixture& f, const std::string& prefix) {
    for (const auto& [k, v] : f.platform.stored)
        if (k.rfind(prefix, 0) == 0) return true;
    return false;
}

// An invitation another member of account 1 queued on this browser.
QueuedWrite othersWrite() {
    QueuedWrite w;
    w.resellerId = 1;
    w.memberId = 2;
    w.kind = WriteKind::NewCustomer;
    w.path = "/customers";
    w.body = R"({"name":"Olga","email":"olga@other.example"})";
    w.idempotencyKey = "other-1";
    w.queuedAt = 1000;
    w.customerName = "Olga";
    w.email = "olga@other.example";
    w.storageKey = write_queue::storageKey(w.resellerId, w.queuedAt, w.idempotencyKey);
    return w;
}

}  // namespace

TEST_CASE("a Sign out made offline ends the server's session when the connection returns (issue 24 defect 13)") {
    Fixture f;
    f.signIn();
    f.store.session().signOut();
    REQUIRE(f.transport.count("/auth/logout") == 1);
    f.transport.respond(f.transport.last("/auth/logout"), 0, "");  // offline: the server never heard it
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);

    // The browser says the network is back: the sign-out goes again, with the old session's token.
    f.store.offline().setBrowserOnline(true);
    REQUIRE(f.transport.count("/auth/logout") == 2);
    std::size_t again = f.transport.last("/auth/logout");
    CHECK(f.transport.header(again, "Authorization") == "Bearer tok-1");
    f.transport.respond(again, 204, "");
    f.queue.drain();
    // Heard: nothing is owed, nothing of the session is left in the browser.
    CHECK(f.platform.settings.count(SignOutSlice::kOwedKey) == 0);
    f.store.offline().setBrowserOnline(true);
    CHECK(f.transport.count("/auth/logout") == 2);
}

TEST_CASE("an owed sign-out is tried again on a timer, and after the tab was closed, until the server answers") {
    Fixture f;
    f.signIn();
    f.store.session().signOut();
    f.transport.respond(f.transport.last("/auth/logout"), 0, "");
    f.queue.drain();
    f.platform.fireTimers();
    f.queue.drain();
    REQUIRE(f.transport.count("/auth/logout") == 2);
    f.transport.respond(f.transport.last("/auth/logout"), 503, "");  // "try later": still owed
    f.queue.drain();
    CHECK(f.platform.settings.count(SignOutSlice::kOwedKey) == 1);

    // The tab was closed; the console opens again later on this browser.
    Fixture g;
    g.platform.settings = f.platform.settings;
    g.boot("#/");
    REQUIRE(g.transport.count("/auth/logout") == 1);
    std::size_t sent = g.transport.last("/auth/logout");
    CHECK(g.transport.header(sent, "Authorization") == "Bearer tok-1");
    CHECK(g.store.state().phase == Phase::SignedOut);
    g.transport.respond(sent, 401, R"({"error": {"code": "unauthorized", "message": "Ended."}})");  // it had expired: done too
    g.queue.drain();
    CHECK(g.platform.settings.count(SignOutSlice::kOwedKey) == 0);
    CHECK(g.store.state().phase == Phase::SignedOut);
    CHECK_FALSE(g.store.state().signIn.sessionEnded);  // not this visit's session: nothing to say
}

TEST_CASE("Sign out removes the member's saved answers, queued writes and this device's settings, and only theirs") {
    Fixture f;
    QueuedWrite other = othersWrite();
    f.platform.stored[other.storageKey] = write_queue::encode(other);
    f.signInAs("admin");
    f.transport.answer("/customers?", 200, test::page({"Anna"}, 1, nullptr));
    f.queue.drain();
    f.queue.drain();
    REQUIRE(anySaved(f, "reads/1/"));
    CHECK(f.store.state().offline.outbox.empty());  // another member's write is neither shown...
    CHECK(f.transport.count("/customers", "POST") == 0);  // ...nor sent in this member's session
    f.store.columns().setHidden(Table::Customers, "plan", true);
    REQUIRE(f.platform.settings.count("resellerConsole.columns.customers") == 1);

    f.store.session().signOut();  // nothing waits: no question
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);
    CHECK_FALSE(anySaved(f, "reads/1/"));
    CHECK(f.platform.stored.count(other.storageKey) == 1);  // the other member's stays theirs
    CHECK(f.platform.session.empty());
    CHECK(f.platform.cachesForgotten == 1);
    CHECK(f.store.state().customerColumns.hidden.empty());
    f.transport.respond(f.transport.last("/auth/logout"), 204, "");
    f.queue.drain();
    CHECK(f.platform.settings.empty());
}

TEST_CASE("Sign out while writes wait asks first: Cancel keeps them, Discard removes them and signs out") {
    Fixture f;
    f.signInAs("admin");
    dropConnection(f, "/customers?");
    std::string key = inviteOffline(f, "a@one.example", "one.example");
    CHECK(f.store.state().offline.outbox[0].memberId == 1);

    f.store.session().signOut();
    CHECK(f.store.state().signOut.asking);
    CHECK(f.store.state().phase == Phase::SignedIn);
    CHECK(f.transport.count("/auth/logout") == 0);
    f.store.signOut().cancel();
    CHECK_FALSE(f.store.state().signOut.asking);
    CHECK(f.platform.stored.count(key) == 1);

    f.store.session().signOut();
    f.store.signOut().discardAndSignOut();
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);
    CHECK(f.platform.stored.count(key) == 0);
    CHECK(f.transport.count("/auth/logout") == 1);
}

TEST_CASE("Send them first: sent, then signed out by itself; one the role refuses stays, and the warning stays open") {
    Fixture f;
    f.signInAs("sales");
    dropConnection(f, "/customers?");
    inviteOffline(f, "a@one.example", "one.example");
    f.store.session().signOut();
    REQUIRE(f.store.state().signOut.asking);
    f.store.signOut().sendFirst();  // offline: asks the server whether it is back
    CHECK(f.store.state().signOut.sendingFirst);
    f.transport.answer("/me", 200, test::meAs("sales"));
    f.queue.drain();
    REQUIRE(f.transport.count("/customers", "POST") == 1);
    f.transport.respond(f.transport.last("/customers", "POST"), 201, test::readContract("customer.json"));
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);
    CHECK(f.transport.count("/auth/logout") == 1);

    Fixture g;
    g.signInAs("sales");
    dropConnection(g, "/customers?");
    std::string key = inviteOffline(g, "b@two.example", "two.example");
    g.store.session().signOut();
    g.store.signOut().sendFirst();
    g.transport.answer("/me", 200, test::meAs("sales"));
    g.queue.drain();
    // Meanwhile an Admin made them a Viewer: the server refuses the invitation.
    g.transport.respond(g.transport.last("/customers", "POST"), 403, test::readContract("error_forbidden.json"));
    g.queue.drain();
    CHECK(g.store.state().phase == Phase::SignedIn);
    CHECK(g.store.state().signOut.asking);
    CHECK_FALSE(g.store.state().signOut.sendingFirst);
    REQUIRE(g.store.state().offline.outbox.size() == 1);
    CHECK(g.store.state().offline.outbox[0].state == WriteState::Failed);
    CHECK(g.platform.stored.count(key) == 1);
    g.store.signOut().discardAndSignOut();
    g.queue.drain();
    CHECK(g.store.state().phase == Phase::SignedOut);
    CHECK(g.platform.stored.count(key) == 0);
}

TEST_CASE("a queued write replays as its member; refused by their role now, it stays failed with the reason, discardable") {
    Fixture f;
    f.signInAs("sales");
    dropConnection(f, "/customers?");
    std::string key = inviteOffline(f, "a@one.example", "one.example");
    std::size_t mes = f.transport.count("/me");
    comeBack(f);
    std::size_t post = f.transport.last("/customers", "POST");
    CHECK(f.transport.header(post, "Authorization") == "Bearer tok-1");  // this member's session
    f.transport.respond(post, 403, test::readContract("error_forbidden.json"));
    f.queue.drain();
    REQUIRE(f.store.state().offline.outbox.size() == 1);
    const QueuedWrite& w = f.store.state().offline.outbox[0];
    CHECK(w.state == WriteState::Failed);
    REQUIRE(w.error.has_value());
    CHECK(describeError(*w.error) == format::fill(tr(Text::ErrForbidden), rolesSentence(rolesToName({"admin", "buyer"}))));
    CHECK(f.transport.count("/me") > mes + 1);  // the role is asked again, so the controls follow
    // Nothing lost: kept in storage, failed with its reason, until the member discards it.
    auto saved = write_queue::decode(key, f.platform.stored.at(key));
    REQUIRE(saved.has_value());
    CHECK(saved->state == WriteState::Failed);
    CHECK(saved->error->requiredRoles == std::vector<std::string>{"admin", "buyer"});
    f.store.offline().discardWrite(key);
    f.queue.drain();
    CHECK(f.platform.stored.count(key) == 0);
}

TEST_CASE("a session found dead clears the member's data the same way, and the sign-in screen says what went") {
    Fixture f;
    f.signInAs("admin");
    dropConnection(f, "/customers?");
    std::string key = inviteOffline(f, "a@one.example", "one.example");
    f.store.columns().setHidden(Table::Customers, "plan", true);
    f.platform.fireTimers();
    f.queue.drain();
    f.transport.answer("/me", 401, R"({"error": {"code": "session_expired", "message": "Expired."}})");
    f.queue.drain();
    f.queue.drain();
    CHECK(f.store.state().phase == Phase::SignedOut);
    CHECK(f.store.state().signIn.sessionEnded);
    CHECK(f.platform.stored.count(key) == 0);
    CHECK_FALSE(anySaved(f, "reads/1/"));
    CHECK(f.store.state().signIn.writesCleared == 1);
    CHECK(f.platform.settings.empty());  // no columns; and a dead session owes no sign-out
    CHECK(f.transport.count("/auth/logout") == 0);
}

TEST_CASE("a person in several accounts chooses one after Google sign-in; the same credential goes again with it") {
    Fixture f;
    f.boot("#/");
    f.store.session().signInWithGoogle("cred-1");
    f.transport.answer("/auth/google", 409, test::readContract("error_choose_reseller.json"));
    f.queue.drain();
    const SignInState& s = f.store.state().signIn;
    CHECK(f.store.state().phase == Phase::SignedOut);
    REQUIRE(s.choices.size() == 2);
    CHECK(s.choices[1].name == "Cloudwerk GmbH");
    CHECK(s.choices[1].role == "buyer");
    CHECK_FALSE(s.error.has_value());
    CHECK_FALSE(s.pending);

    f.store.session().chooseReseller(99);  // not offered
    CHECK(f.transport.count("/auth/google") == 1);
    f.store.session().chooseReseller(3);
    f.store.session().chooseReseller(3);  // a double click posts once
    REQUIRE(f.transport.count("/auth/google") == 2);
    const std::string& body = f.transport.sent[f.transport.last("/auth/google")].request.body;
    CHECK(body.find("\"credential\":\"cred-1\"") != std::string::npos);
    CHECK(body.find("\"reseller_id\":3") != std::string::npos);
    f.transport.answer("/auth/google", 200, test::readContract("auth_google.json"));
    f.queue.drain();
    REQUIRE(f.store.state().phase == Phase::SignedIn);
    CHECK(f.store.state().session->reseller.id == 3);
    CHECK(f.store.state().me->member.role == "buyer");
    CHECK(f.store.state().signIn.choices.empty());
    CHECK(f.store.state().signIn.credential.empty());  // not kept once used

    Fixture g;
    g.boot("#/");
    g.store.session().signInWithGoogle("cred-2");
    g.transport.answer("/auth/google", 409, test::readContract("error_choose_reseller.json"));
    g.queue.drain();
    g.store.session().cancelChoice();
    CHECK(g.store.state().signIn.choices.empty());
    CHECK(g.store.state().signIn.credential.empty());
    g.store.session().signInWithGoogle("cred-3");
    g.transport.answer("/auth/google", 409, test::readContract("error_choose_reseller.json"));
    g.queue.drain();
    g.store.session().chooseReseller(2);
    g.transport.answer("/auth/google", 403, test::readContract("error_forbidden.json"));  // no longer a member there
    g.queue.drain();
    CHECK(g.store.state().phase == Phase::SignedOut);
    CHECK(g.store.state().signIn.choices.empty());
    CHECK(g.store.state().signIn.error.has_value());
}
