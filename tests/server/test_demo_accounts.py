"""Demo sign-in reaches demo accounts only (issue 11, defect 1): a registered reseller's email
is refused with 403 whatever else is configured, Google sign-in does not open demo accounts,
registering a demo account's email ends every session demo sign-in had opened on it, and
--demo beside registered resellers is said loudly at start."""
import os
import subprocess
import sys
import tempfile
import unittest

from support import ROOT, ServerTestCase, request, sql
from test_google_auth import CLIENT_ID, keys, make_token

REAL = "real@partner.example"


def session_count(db_path, email):
    return sql(db_path, "SELECT COUNT(*) FROM sessions s JOIN resellers r ON r.id = s.reseller_id"
                        " WHERE r.email = ?", (email,))[0][0]


class DemoSignInWithARegisteredReseller(ServerTestCase):
    settings = {"demo": True}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server.app.domain.resellers.register(REAL, "Real Partner GmbH")

    def test_a_registered_resellers_email_is_refused(self):
        for spelling in (REAL, REAL.upper(), f"  {REAL} "):
            error = self.assertError(self.call("POST", "/api/v1/auth/demo", {"email": spelling}),
                                     403, "not_a_demo_account")
            self.assertIn("Google", error["message"])
        self.assertEqual(session_count(self.db_path, REAL), 0)

    def test_a_new_email_still_gets_its_own_demo_account(self):
        body = self.ok("POST", "/api/v1/auth/demo", {"email": "visitor@example.org"})
        self.assertEqual(body["reseller"]["email"], "visitor@example.org")
        self.assertEqual(sql(self.db_path, "SELECT is_demo FROM resellers WHERE email = 'visitor@example.org'"),
                         [(1,)])

    def test_registering_a_demo_accounts_email_ends_its_demo_sessions(self):
        token = self.sign_in("taken.over@example.org")
        self.ok("GET", "/api/v1/me", token=token)
        _, created = self.server.app.domain.resellers.register("taken.over@example.org", "Now Real Ltd")
        self.assertFalse(created)
        self.assertError(self.call("GET", "/api/v1/me", token=token), 401, "unauthorized")
        self.assertError(self.call("POST", "/api/v1/auth/demo", {"email": "taken.over@example.org"}),
                         403, "not_a_demo_account")


class DemoTeams(ServerTestCase):
    settings = {"demo": True}

    def test_a_demo_accounts_own_email_always_opens_it_as_an_admin(self):
        # A visitor makes someone else Admin and takes the account's own address off the team:
        # that address still opens the demo account (it is anyone's), as an Admin again.
        token = self.sign_in("shared.demo@example.org")
        self.ok("POST", "/api/v1/team/members", {"email": "other.admin@example.org", "name": "Other Admin",
                                                 "role": "admin"}, token, status=201)
        me = self.ok("GET", "/api/v1/me", token=token)
        self.ok("DELETE", f"/api/v1/team/members/{me['member']['id']}", token=token, status=204)
        again = self.ok("POST", "/api/v1/auth/demo", {"email": "shared.demo@example.org"})
        self.assertEqual((again["reseller"]["id"], again["member"]["role"]), (me["id"], "admin"))
        self.assertNotEqual(again["member"]["id"], me["member"]["id"])

    def test_a_demo_team_members_address_enters_as_that_member(self):
        token = self.sign_in("team.demo@example.org")
        self.ok("POST", "/api/v1/team/members", {"email": "viewer.demo@example.org", "name": "Vera Viewer",
                                                 "role": "viewer"}, token, status=201)
        viewer = self.ok("POST", "/api/v1/auth/demo", {"email": "viewer.demo@example.org"})
        self.assertEqual((viewer["reseller"]["email"], viewer["member"]["role"]), ("team.demo@example.org", "viewer"))


class DemoAccountsReserveNoDomain(ServerTestCase):
    """Issue 24, defect 4: anyone could open a throwaway demo account beside real resellers and
    invite bigcorp.example; the real reseller then got 409 domain_taken."""
    settings = {"demo": True}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server.app.domain.resellers.register(REAL, "Real Partner GmbH")

    def real_token(self):
        return self.server.app.domain.sessions.sign_in_member(REAL).token

    def invite_domain(self, token, domain, n):
        return self.call("POST", "/api/v1/customers", {"name": f"Kunde {n}", "email": f"it@{domain}",
                                                       "google_domain": domain, "organization": "Kunde GmbH"}, token)

    def test_a_demo_account_cannot_squat_a_real_customers_domain(self):
        squatter = self.sign_in("squatter@example.org")
        self.assertEqual(self.invite_domain(squatter, "bigcorp.example", 1).status, 201)
        self.assertEqual(self.invite_domain(self.real_token(), "bigcorp.example", 2).status, 201)
        # A second real reseller is held to the rule, as before.
        self.server.app.domain.resellers.register("second@partner.example", "Second Partner")
        second = self.server.app.domain.sessions.sign_in_member("second@partner.example").token
        self.assertError(self.invite_domain(second, "bigcorp.example", 3), 409, "domain_taken")

    def test_a_demo_account_learns_nothing_of_real_customers_domains(self):
        self.assertEqual(self.invite_domain(self.real_token(), "realco.example", 4).status, 201)
        visitor = self.sign_in("curious@example.org")
        self.assertEqual(self.invite_domain(visitor, "realco.example", 5).status, 201)
        # Within one demo account a domain is still one customer's.
        self.assertError(self.invite_domain(visitor, "realco.example", 6), 409, "domain_taken")
        other = self.sign_in("another.visitor@example.org")
        self.assertEqual(self.invite_domain(other, "realco.example", 7).status, 201)


class RegisteringADemoAccountStartsClean(ServerTestCase):
    """Issue 24, defect 5: a demo account registered as real kept what its demo users planted
    (customers, live invitation links, team members), and a former demo user then accepted a
    planted link into the real account."""
    settings = {"demo": True}

    def test_the_registered_account_starts_from_nothing_but_its_admin(self):
        email = "becomes.real@example.org"
        token = self.sign_in(email)
        planted = self.invite(token, 1)
        self.active_customer(token, 2, licenses=5)
        self.ok("POST", "/api/v1/team/members", {"email": "planted.admin@evil.example", "name": "Planted",
                                                 "role": "admin"}, token, status=201)
        self.call("POST", "/api/v1/customers", {"name": "K", "email": "k@k-1.de", "google_domain": "k-1.de",
                                                "organization": "K"}, token, headers={"Idempotency-Key": "planted-1"})
        link_token = planted["invitation"]["url"].rsplit("/", 1)[1]
        reseller, created = self.server.app.domain.resellers.register(email, "Real Now GmbH")
        self.assertFalse(created)
        self.assertEqual(reseller["is_demo"], 0)
        self.assertEqual(reseller["last_invoice_seq"], 0)
        admin = self.server.app.domain.sessions.sign_in_member(email).token
        self.assertEqual(self.ok("GET", "/api/v1/customers", token=admin)["total"], 0)
        self.assertEqual(self.ok("GET", "/api/v1/invoices", token=admin)["total"], 0)
        self.assertEqual(self.ok("GET", "/api/v1/activity", token=admin)["items"], [])
        self.assertEqual([(m["email"], m["role"]) for m in self.ok("GET", "/api/v1/team/members", token=admin)["items"]],
                         [(email, "admin")])
        # The planted link is dead, and the planted Admin is nobody here.
        self.assertError(self.call("POST", f"/api/v1/invitations/{link_token}/accept", {"demo": True}), 404, "not_found")
        from partner_api.errors import NotAReseller
        with self.assertRaises(NotAReseller):
            self.server.app.domain.sessions.sign_in_member("planted.admin@evil.example")
        # A stored answer of the demo days does not replay into the real account.
        again = self.call("POST", "/api/v1/customers", {"name": "K", "email": "k@k-1.de", "google_domain": "k-1.de",
                                                        "organization": "K"}, admin, headers={"Idempotency-Key": "planted-1"})
        self.assertEqual((again.status, again.header("Idempotent-Replayed")), (201, None))
        self.assertEqual(self.ok("GET", "/api/v1/customers", token=admin)["total"], 1)


class DemoSignInBesideGoogle(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        cls.settings = {"demo": True, "google_client_id": CLIENT_ID, "google_jwks": keys()["jwks"]}
        super().setUpClass()
        cls.server.app.domain.resellers.register(REAL, "Real Partner GmbH")

    def test_demo_sign_in_cannot_reach_the_registered_reseller(self):
        self.assertError(self.call("POST", "/api/v1/auth/demo", {"email": REAL}), 403, "not_a_demo_account")
        self.assertEqual(session_count(self.db_path, REAL), 0)

    def test_google_sign_in_still_reaches_the_registered_reseller(self):
        reply = self.call("POST", "/api/v1/auth/google", {"credential": make_token(keys()["good"], email=REAL)})
        self.assertEqual(reply.status, 200, reply)
        self.assertEqual(reply.json["reseller"]["email"], REAL)

    def test_google_sign_in_does_not_open_a_demo_account(self):
        self.sign_in("demo.only@example.org")
        reply = self.call("POST", "/api/v1/auth/google",
                          {"credential": make_token(keys()["good"], email="demo.only@example.org")})
        self.assertError(reply, 403, "not_a_reseller")


class ConfigNamesOnlyADemoAccount(ServerTestCase):
    settings = {"demo": True}

    def test_the_demo_email_is_offered_only_while_it_is_a_demo_account(self):
        self.assertEqual(self.ok("GET", "/config.json")["demo_email"], "")
        self.sign_in("demo@reseller.example")
        self.assertEqual(self.ok("GET", "/config.json")["demo_email"], "demo@reseller.example")
        self.server.app.domain.resellers.register("demo@reseller.example", "Taken for real")
        self.assertEqual(self.ok("GET", "/config.json")["demo_email"], "")


class StartUpSaysSoLoudly(unittest.TestCase):
    def test_demo_beside_registered_resellers_is_a_warning_at_start(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "mixed.db")
            serve = [sys.executable, str(ROOT / "serve.py")]
            added = subprocess.run([*serve, "reseller", "add", REAL, "Real Partner GmbH", "--db", db],
                                   capture_output=True, text=True, timeout=60)
            self.assertEqual(added.returncode, 0, added.stderr)
            process = subprocess.Popen([*serve, "--skip-build", "--port", "0", "--quiet", "--db", db, "--demo"],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                ready = process.stdout.readline()
                self.assertIn("Reseller Console: http://", ready)
                port = int(ready.strip().rsplit(":", 1)[1].rstrip("/"))
                self.assertEqual(request(port, "POST", "/api/v1/auth/demo", {"email": REAL}).status, 403)
            finally:
                process.terminate()
                _, err = process.communicate(timeout=20)
            self.assertIn("WARNING", err)
            self.assertIn("1 registered reseller", err)

    def test_reseller_add_says_when_it_takes_over_a_demo_account(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "demo.db")
            sys.path.insert(0, str(ROOT / "src"))
            from partner_api.clock import SystemClock
            from partner_api.domain import Domain
            from partner_api.storage.db import Database
            from partner_api.storage.repository import Storage
            database = Database(db)
            Domain(Storage(database), SystemClock()).sessions.demo_sign_in("someone@example.org")
            database.close()
            result = subprocess.run([sys.executable, str(ROOT / "serve.py"), "reseller", "add",
                                     "someone@example.org", "Someone Ltd", "--db", db],
                                    capture_output=True, text=True, timeout=60)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn("was a demo account", result.stdout)


if __name__ == "__main__":
    unittest.main()
