"""The team (issue 22): members and their roles through the team API, the last Admin, sessions
that end the moment a member's role changes or they are removed, other accounts' member ids,
`me`, and a person in two reseller accounts choosing one at Google sign-in."""
import threading

from support import ServerTestCase, fingerprint, sql
from test_google_auth import CLIENT_ID, keys, make_token
from partner_api.domain.activity import SYSTEM
from partner_api.domain.roles import CAPABILITIES

TEAM = "/api/v1/team/members"


class TeamServer(ServerTestCase):
    """Each test its own account (demo sign-in with a fresh address makes one, with that
    address its Admin); members sign in through demo sign-in of their address."""
    settings = {"demo": True}
    accounts = 0

    def account(self):
        TeamServer.accounts += 1
        email = f"admin{TeamServer.accounts}@team{TeamServer.accounts}.example"
        return email, self.sign_in(email)

    def add(self, token, email, role, name="Kim Meyer", status=201):
        return self.ok("POST", TEAM, {"email": email, "name": name, "role": role}, token, status=status)

    def member_token(self, email):
        return self.sign_in(email)

    def members(self, token):
        return self.ok("GET", TEAM, token=token)["items"]


class TeamApi(TeamServer):
    def test_the_first_member_is_the_accounts_admin(self):
        email, token = self.account()
        [admin] = self.members(token)
        self.assertEqual((admin["email"], admin["role"]), (email, "admin"))
        self.assertEqual(set(admin), {"id", "email", "name", "role", "last_sign_in_at", "added_at"})
        self.assertIsNotNone(admin["last_sign_in_at"])  # signing in just now

    def test_add_a_member_who_then_signs_in_with_that_role(self):
        _, token = self.account()
        reply = self.call("POST", TEAM, {"email": "  Anna.Schmidt@Example.ORG ", "name": " Anna Schmidt ",
                                         "role": "buyer"}, token)
        self.assertEqual(reply.status, 201, reply)
        member = reply.json
        self.assertEqual((member["email"], member["name"], member["role"], member["last_sign_in_at"]),
                         ("anna.schmidt@example.org", "Anna Schmidt", "buyer", None))
        self.assertEqual(reply.header("Location"), f"/api/v1/team/members/{member['id']}")
        self.assertEqual([m["role"] for m in self.members(token)], ["admin", "buyer"])
        me = self.ok("GET", "/api/v1/me", token=self.member_token("anna.schmidt@example.org"))
        self.assertEqual(me["member"], {"id": member["id"], "email": "anna.schmidt@example.org",
                                        "name": "Anna Schmidt", "role": "buyer"})
        self.assertIsNotNone(next(m for m in self.members(token) if m["id"] == member["id"])["last_sign_in_at"])

    def test_members_are_listed_admins_first_then_by_name(self):
        _, token = self.account()
        for email, name, role in [("z@x.example", "Zoë Adler", "viewer"), ("b@x.example", "Ben Ötzi", "sales"),
                                  ("a@x.example", "Änne Berg", "sales"), ("c@x.example", "Carl Admin", "admin")]:
            self.add(token, email, role, name)
        listed = [(m["role"], m["name"]) for m in self.members(token)]
        self.assertEqual([role for role, _ in listed], ["admin", "admin", "sales", "sales", "viewer"])
        self.assertEqual(listed[2:4], [("sales", "Änne Berg"), ("sales", "Ben Ötzi")])

    def test_an_email_already_in_the_team_is_member_exists(self):
        _, token = self.account()
        self.add(token, "dup@x.example", "sales")
        before = fingerprint(self.db_path)
        error = self.assertError(self.call("POST", TEAM, {"email": "DUP@x.example", "name": "Again", "role": "buyer"},
                                           token), 409, "member_exists")
        self.assertIn("dup@x.example", error["message"])
        self.assertEqual(fingerprint(self.db_path), before)

    def test_bad_fields_are_422_on_the_field(self):
        _, token = self.account()
        for body, field in [({"email": "nope", "name": "X", "role": "sales"}, "email"),
                            ({"email": "a@b.example", "name": "  ", "role": "sales"}, "name"),
                            ({"email": "a@b.example", "name": "X\u202e", "role": "sales"}, "name"),
                            ({"email": "a@b.example", "name": "X", "role": "owner"}, "role"),
                            ({"email": "a@b.example", "name": "X", "role": "sales", "admin": True}, "admin"),
                            ({"email": "a@b.example", "name": "X"}, "role")]:
            with self.subTest(body=body):
                error = self.assertError(self.call("POST", TEAM, body, token), 422, "validation_failed")
                self.assertIn(field, error["fields"])
        member = self.add(token, "ok@x.example", "sales")
        for body in ({}, {"role": "root"}, {"role": "buyer", "email": "x@y.example"}, {"role": None}):
            with self.subTest(body=body):
                self.assertError(self.call("PATCH", f"{TEAM}/{member['id']}", body, token), 422, "validation_failed")
        self.assertEqual(self.assertError(self.call("POST", TEAM, raw=b"{", token=token,
                                                    headers={"Content-Type": "application/json"}),
                                          400, "invalid_json")["code"], "invalid_json")
        self.assertEqual(len(self.members(token)), 2)

    def test_change_a_role_and_remove_a_member(self):
        _, token = self.account()
        member = self.add(token, "mover@x.example", "viewer")
        changed = self.ok("PATCH", f"{TEAM}/{member['id']}", {"role": "sales"}, token)
        self.assertEqual((changed["id"], changed["role"]), (member["id"], "sales"))
        before = fingerprint(self.db_path)
        self.assertEqual(self.ok("PATCH", f"{TEAM}/{member['id']}", {"role": "sales"}, token)["role"], "sales")
        self.assertEqual(fingerprint(self.db_path), before)  # the same role again changes nothing
        self.assertIsNone(self.ok("DELETE", f"{TEAM}/{member['id']}", token=token, status=204))
        self.assertEqual([m["email"] for m in self.members(token)], [self.members(token)[0]["email"]])
        for method, body in (("PATCH", {"role": "buyer"}), ("DELETE", None)):
            self.assertError(self.call(method, f"{TEAM}/{member['id']}", body, token), 404, "not_found")
        # The same person can join again later, as a new member.
        again = self.add(token, "mover@x.example", "buyer")
        self.assertNotEqual(again["id"], member["id"])

    def test_a_retried_removal_answers_the_same(self):
        _, token = self.account()
        member = self.add(token, "retry@x.example", "viewer")
        key = {"Idempotency-Key": "remove-retry-1"}
        first = self.call("DELETE", f"{TEAM}/{member['id']}", token=token, headers=key)
        again = self.call("DELETE", f"{TEAM}/{member['id']}", token=token, headers=key)
        self.assertEqual((first.status, again.status, again.header("Idempotent-Replayed")), (204, 204, "true"))

    def test_another_accounts_member_ids_are_404_and_untouched(self):
        _, token = self.account()
        _, other = self.account()
        theirs = self.add(other, "theirs@x.example", "buyer")
        their_admin = self.members(other)[0]
        before = fingerprint(self.db_path)
        for member in (theirs, their_admin):
            for method, body in (("PATCH", {"role": "viewer"}), ("DELETE", None)):
                with self.subTest(member=member["email"], method=method):
                    self.assertError(self.call(method, f"{TEAM}/{member['id']}", body, token), 404, "not_found")
        self.assertError(self.call("PATCH", f"{TEAM}/999999", {"role": "viewer"}, token), 404, "not_found")
        self.assertEqual(fingerprint(self.db_path), before)
        self.assertEqual([m["email"] for m in self.members(token)][1:], [])  # and not listed here

    def test_me_keeps_the_accounts_fields_and_adds_member_reseller_and_the_table(self):
        email, token = self.account()
        me = self.ok("GET", "/api/v1/me", token=token)
        self.assertEqual((me["email"], me["discount_basis_points"], me["tax_basis_points"], me["currency"]),
                         (email, 2000, 0, "USD"))
        self.assertEqual(me["reseller"], {"id": me["id"], "name": me["name"], "email": email})
        self.assertEqual(me["member"]["role"], "admin")
        self.assertEqual(me["capabilities"], {name: list(roles) for name, roles in CAPABILITIES.items()})
        signed = self.ok("POST", "/api/v1/auth/demo", {"email": email})
        self.assertEqual(signed["member"], me["member"])
        self.assertEqual(signed["reseller"], me["reseller"])


class LastAdmin(TeamServer):
    def test_the_last_admin_can_be_neither_demoted_nor_removed(self):
        _, token = self.account()
        admin = self.members(token)[0]
        before = fingerprint(self.db_path)
        for method, body in (("PATCH", {"role": "buyer"}), ("DELETE", None)):
            error = self.assertError(self.call(method, f"{TEAM}/{admin['id']}", body, token), 409, "last_admin")
            self.assertIn("Admin", error["message"])
        self.assertEqual(fingerprint(self.db_path), before)
        self.ok("GET", "/api/v1/me", token=token)  # still signed in

    def test_with_a_second_admin_either_may_go(self):
        _, token = self.account()
        first = self.members(token)[0]
        second = self.add(token, "second.admin@x.example", "admin")
        self.ok("PATCH", f"{TEAM}/{first['id']}", {"role": "viewer"}, token)
        # The first admin's own session ended with the change; the second admin is now the last.
        self.assertError(self.call("GET", TEAM, token=token), 401, "unauthorized")
        second_token = self.member_token("second.admin@x.example")
        self.assertError(self.call("DELETE", f"{TEAM}/{second['id']}", token=second_token), 409, "last_admin")
        self.ok("DELETE", f"{TEAM}/{first['id']}", token=second_token, status=204)

    def test_two_admins_demoting_each_other_at_once_leave_one_admin(self):
        _, token = self.account()
        first = self.members(token)[0]
        second = self.add(token, "racer@x.example", "admin")
        tokens = {first["id"]: token, second["id"]: self.member_token("racer@x.example")}
        results = {}
        start = threading.Barrier(2)

        def demote(member_id, by):
            start.wait()
            results[member_id] = self.call("PATCH", f"{TEAM}/{member_id}", {"role": "viewer"}, tokens[by]).status

        threads = [threading.Thread(target=demote, args=(first["id"], second["id"])),
                   threading.Thread(target=demote, args=(second["id"], first["id"]))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        # One demotion went through; the other was refused (last_admin), or its maker was signed
        # out by the first (401). Never both: the team keeps an Admin.
        self.assertEqual(sorted(results.values())[0], 200, results)
        self.assertIn(sorted(results.values())[1], (401, 409), results)
        admins = sql(self.db_path, "SELECT COUNT(*) FROM members WHERE role = 'admin' AND removed_at IS NULL"
                                   " AND reseller_id = (SELECT reseller_id FROM members WHERE id = ?)",
                     (first["id"],))[0][0]
        self.assertEqual(admins, 1)


class SessionsEndAtOnce(TeamServer):
    def test_a_role_change_ends_every_session_of_that_member_and_no_other(self):
        _, token = self.account()
        member = self.add(token, "changing@x.example", "buyer")
        colleague = self.add(token, "colleague@x.example", "buyer")
        sessions = [self.member_token("changing@x.example") for _ in range(2)]
        colleague_token = self.member_token("colleague@x.example")
        for session in sessions:
            self.ok("GET", "/api/v1/me", token=session)
        self.ok("PATCH", f"{TEAM}/{member['id']}", {"role": "viewer"}, token)
        for session in sessions:
            self.assertError(self.call("GET", "/api/v1/me", token=session), 401, "unauthorized")
        self.assertEqual(self.ok("GET", "/api/v1/me", token=colleague_token)["member"]["id"], colleague["id"])
        self.ok("GET", "/api/v1/me", token=token)
        # Signed in again, they act with the new role.
        fresh = self.member_token("changing@x.example")
        self.assertEqual(self.ok("GET", "/api/v1/me", token=fresh)["member"]["role"], "viewer")
        customer = self.invite(token, 71)
        self.accept(customer)
        self.assertError(self.call("POST", f"/api/v1/customers/{customer['id']}/subscription/license-orders",
                                   {"licenses": 9}, fresh), 403, "forbidden")

    def test_removal_ends_their_sessions_and_they_cannot_sign_in_again(self):
        _, token = self.account()
        member = self.add(token, "leaving@x.example", "sales")
        session = self.member_token("leaving@x.example")
        self.ok("DELETE", f"{TEAM}/{member['id']}", token=token, status=204)
        self.assertError(self.call("GET", "/api/v1/customers", token=session), 401, "unauthorized")
        # Their address now belongs to no team: demo sign-in makes a separate, empty demo account.
        elsewhere = self.ok("POST", "/api/v1/auth/demo", {"email": "leaving@x.example"})
        self.assertNotEqual(elsewhere["reseller"]["id"], self.ok("GET", "/api/v1/me", token=token)["id"])

    def test_an_admin_removing_themselves_is_signed_out(self):
        _, token = self.account()
        self.add(token, "stays@x.example", "admin")
        me = self.ok("GET", "/api/v1/me", token=token)
        self.ok("DELETE", f"{TEAM}/{me['member']['id']}", token=token, status=204)
        self.assertError(self.call("GET", "/api/v1/me", token=token), 401, "unauthorized")


class TwoAccounts(ServerTestCase):
    """A person who is a member of two registered resellers chooses one at Google sign-in."""

    @classmethod
    def setUpClass(cls):
        cls.settings = {"demo": True, "google_client_id": CLIENT_ID, "google_jwks": keys()["jwks"]}
        super().setUpClass()
        domain = cls.server.app.domain
        cls.first, _ = domain.resellers.register("owner@first.example", "First Partner GmbH")
        cls.second, _ = domain.resellers.register("office@second.example", "Second Partner AG")
        domain.team.add(cls.second, "owner@first.example", "Jana Hartmann", "buyer", SYSTEM)
        # A demo account with the same person in its team is never offered by Google sign-in.
        cls.demo = domain.sessions.demo_sign_in("visitor@demo-team.example").reseller
        domain.team.add(cls.demo, "owner@first.example", "Jana Hartmann", "admin", SYSTEM)

    def google(self, email="owner@first.example", **extra):
        return self.call("POST", "/api/v1/auth/google", {"credential": make_token(keys()["good"], email=email), **extra})

    def test_without_a_choice_the_answer_lists_the_accounts(self):
        before = fingerprint(self.db_path)
        error = self.assertError(self.google(), 409, "choose_reseller")
        self.assertEqual(error["resellers"], [
            {"id": self.first["id"], "name": "First Partner GmbH", "role": "admin"},
            {"id": self.second["id"], "name": "Second Partner AG", "role": "buyer"}])
        self.assertEqual(fingerprint(self.db_path), before)  # no session was made

    def test_the_same_credential_with_a_choice_signs_in_there_with_that_role(self):
        for account, role in ((self.second, "buyer"), (self.first, "admin")):
            reply = self.google(reseller_id=account["id"])
            self.assertEqual(reply.status, 200, reply)
            self.assertEqual((reply.json["reseller"]["id"], reply.json["member"]["role"]), (account["id"], role))
            me = self.ok("GET", "/api/v1/me", token=reply.json["token"])
            self.assertEqual((me["id"], me["member"]["email"]), (account["id"], "owner@first.example"))

    def test_an_account_they_are_not_in_is_forbidden(self):
        for reseller_id in (self.demo["id"], 987654):
            error = self.assertError(self.google(reseller_id=reseller_id), 403, "forbidden")
            self.assertIn("not a member", error["message"])
        self.assertError(self.google(reseller_id="2"), 422, "validation_failed")
        self.assertError(self.google(reseller_id=0), 422, "validation_failed")

    def test_one_account_signs_in_directly_and_a_removed_membership_is_not_offered(self):
        self.assertEqual(self.google(email="office@second.example").json["member"]["role"], "admin")
        domain = self.server.app.domain
        domain.team.add(self.first, "part.time@first.example", "Part Time", "viewer", SYSTEM)
        member = domain.team.add(self.second, "part.time@first.example", "Part Time", "sales", SYSTEM)
        self.assertError(self.google(email="part.time@first.example"), 409, "choose_reseller")
        domain.team.remove(self.second, member["id"], SYSTEM)
        reply = self.google(email="part.time@first.example")
        self.assertEqual((reply.status, reply.json["reseller"]["id"]), (200, self.first["id"]))

    def test_a_member_of_a_registered_team_cannot_use_demo_sign_in(self):
        self.server.app.domain.team.add(self.first, "staff@first.example", "Staff", "sales", SYSTEM)
        self.assertError(self.call("POST", "/api/v1/auth/demo", {"email": "staff@first.example"}),
                         403, "not_a_demo_account")
