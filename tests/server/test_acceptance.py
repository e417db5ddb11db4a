"""Verified acceptance (issue 23): an invitation is accepted or declined only with a Google ID
token whose verified email belongs to the invited domain (its hd claim, or the email's domain
for an account without Google Workspace); any other answer is a plain refusal that changes
nothing. Accepted and declined links are dead afterwards, and the history says who answered.
A demo server without Google lets a demo account's invitation be answered with a labelled demo
acceptance; a registered reseller's never. The page states its terms in German and English."""
import shutil
import unittest

from support import DEMO_ANSWER, T0, ServerTestCase, fingerprint, sql
from test_google_auth import CLIENT_ID, KEYS, keys, make_token
from partner_api.http.invitation_page import format_date, format_money


def link_of(customer):
    return customer["invitation"]["url"].rsplit("/", 1)[1]


class GoogleAnswers(ServerTestCase):
    """A server with Google sign-in (and demo sign-in for the resellers' own sessions)."""

    @classmethod
    def setUpClass(cls):
        cls.settings = {"demo": True, "google_client_id": CLIENT_ID, "google_jwks": keys()["jwks"]}
        super().setUpClass()
        cls.token = cls.sign_in_class()

    @classmethod
    def sign_in_class(cls):
        from support import request
        return request(cls.port, "POST", "/api/v1/auth/demo", {"email": "accepting@example.com"}).json["token"]

    def setUp(self):
        self.n = getattr(type(self), "n", 0) + 1
        type(self).n = self.n
        self.customer = self.invite(self.token, self.n)   # google_domain mueller-bau-N.de
        self.domain = self.customer["google_domain"]

    def credential(self, email, **claims):
        return {"credential": make_token(keys()["good"], email=email, **claims)}

    def answer(self, what, body, customer=None):
        return self.call("POST", f"/api/v1/invitations/{link_of(customer or self.customer)}/{what}", body)

    def detail(self):
        return self.ok("GET", f"/api/v1/customers/{self.customer['id']}", token=self.token)

    def assertRefusedAndUnchanged(self, body, status, code, what="accept"):
        before = fingerprint(self.db_path)
        error = self.assertError(self.answer(what, body), status, code)
        self.assertEqual(fingerprint(self.db_path), before, f"a refused {what} changed data")
        return error

    def test_an_account_of_the_workspace_domain_accepts_and_is_named_in_the_history(self):
        body = self.credential(f"anna.admin@{self.domain}", hd=self.domain, name="Anna Admin")
        result = self.ok("POST", f"/api/v1/invitations/{link_of(self.customer)}/accept", body)
        self.assertEqual((result["customer"]["status"], result["subscription"]["status"]), ("active", "trial"))
        invitation = self.detail()["invitation"]
        self.assertEqual(invitation["status"], "accepted")
        self.assertEqual(invitation["answered_by"],
                         {"email": f"anna.admin@{self.domain}", "name": "Anna Admin", "method": "google"})
        entry = self.ok("GET", f"/api/v1/activity?customer_id={self.customer['id']}", token=self.token)["items"][0]
        self.assertEqual(entry["action"], "invitation.accepted")
        self.assertEqual(entry["actor"], {"kind": "customer", "email": f"anna.admin@{self.domain}",
                                          "name": "Anna Admin"})
        self.assertIn(f"signed in with Google as anna.admin@{self.domain}", entry["summary"])
        # The link is dead now, for accepting and declining alike, whoever asks.
        self.assertError(self.answer("accept", body), 410, "invitation_gone")
        self.assertError(self.answer("decline", body), 410, "invitation_gone")

    def test_an_account_without_workspace_accepts_by_its_emails_domain(self):
        self.ok("POST", f"/api/v1/invitations/{link_of(self.customer)}/accept",
                self.credential(f"IT@{self.domain.upper()}"))
        self.assertEqual(self.detail()["status"], "active")

    def test_another_domain_is_refused_and_changes_nothing(self):
        cases = {
            "a gmail address": self.credential("someone@gmail.com"),
            "another Workspace": self.credential("boss@competitor.de", hd="competitor.de"),
            # The hd claim decides for a Workspace account: an alias address does not make it ours.
            "our address in another Workspace": self.credential(f"x@{self.domain}", hd="competitor.de"),
            "a subdomain": self.credential(f"x@sub.{self.domain}"),
            "a domain ending like ours": self.credential(f"x@evil{self.domain}"),
        }
        for name, body in cases.items():
            with self.subTest(name):
                error = self.assertRefusedAndUnchanged(body, 403, "wrong_domain")
                self.assertIn(self.domain, error["message"])
                self.assertRefusedAndUnchanged(body, 403, "wrong_domain", "decline")
        self.assertEqual(self.detail()["status"], "invited")

    def test_unverified_expired_forged_and_missing_credentials_are_401(self):
        now = int(T0.timestamp())
        good = keys()["good"]
        for name, body in {
            "an unverified email": self.credential(f"x@{self.domain}", hd=self.domain, email_verified=False),
            "an expired token": self.credential(f"x@{self.domain}", hd=self.domain, exp=now - 3600, iat=now - 7200),
            "another application's token": self.credential(f"x@{self.domain}", aud="other.apps.googleusercontent.com"),
            "a forged signature": {"credential": make_token(keys()["evil"], kid=good.kid, email=f"x@{self.domain}")},
            "junk": {"credential": "a.b.c"},
        }.items():
            with self.subTest(name):
                self.assertRefusedAndUnchanged(body, 401, "invalid_credential")
        for name, body in {"no credential": {}, "an empty one": {"credential": ""}}.items():
            with self.subTest(name):
                self.assertRefusedAndUnchanged(body, 401, "credential_required")
        before = fingerprint(self.db_path)
        reply = self.call("POST", f"/api/v1/invitations/{link_of(self.customer)}/accept")  # no body at all
        self.assertError(reply, 401, "credential_required")
        self.assertEqual(fingerprint(self.db_path), before)
        self.assertRefusedAndUnchanged({"credential": 5}, 422, "validation_failed")
        self.assertRefusedAndUnchanged({"credential": "x", "extra": 1}, 422, "validation_failed")

    def test_a_google_server_accepts_no_demo_answer(self):
        # Even for a demo account's invitation: this server checks Google sign-ins.
        self.assertRefusedAndUnchanged(DEMO_ANSWER, 403, "demo_acceptance_refused")
        self.assertRefusedAndUnchanged({"demo": False}, 422, "validation_failed")

    def test_decline_marks_the_customer_declined_and_kills_the_link(self):
        body = self.credential(f"owner@{self.domain}", hd=self.domain, name="Olga Owner")
        result = self.ok("POST", f"/api/v1/invitations/{link_of(self.customer)}/decline", body)
        self.assertEqual(result["customer"]["status"], "declined")
        detail = self.detail()
        self.assertEqual((detail["status"], detail["invitation"]["status"], detail["invitation"]["url"]),
                         ("declined", "declined", None))
        self.assertEqual(detail["invitation"]["answered_by"]["email"], f"owner@{self.domain}")
        self.assertIsNotNone(detail["invitation"]["declined_at"])
        entry = self.ok("GET", f"/api/v1/activity?customer_id={self.customer['id']}", token=self.token)["items"][0]
        self.assertEqual((entry["action"], entry["actor"]["email"]), ("invitation.declined", f"owner@{self.domain}"))
        self.assertError(self.answer("accept", body), 410, "invitation_gone")
        listed = self.ok("GET", "/api/v1/customers?status=declined", token=self.token)["items"]
        self.assertIn(self.customer["id"], [c["id"] for c in listed])
        self.assertEqual(self.ok("GET", "/api/v1/dashboard", token=self.token)["customers_by_status"]["declined"],
                         len(listed))
        # Invited again: a new link, the history kept; the domain is held again.
        again = self.ok("POST", f"/api/v1/customers/{self.customer['id']}/invitation", token=self.token)
        self.assertEqual((again["status"], again["invitation"]["status"]), ("invited", "pending"))
        self.assertNotEqual(link_of(again), link_of(self.customer))
        actions = [a["action"] for a in self.ok("GET", f"/api/v1/activity?customer_id={self.customer['id']}",
                                                 token=self.token)["items"]]
        self.assertEqual(actions[:3], ["customer.invited_again", "invitation.declined", "customer.invited"])
        self.ok("POST", f"/api/v1/invitations/{link_of(again)}/accept", body)

    def test_two_answers_at_once_one_wins(self):
        import threading
        body = self.credential(f"a@{self.domain}", hd=self.domain)
        replies, gate = [], threading.Barrier(4)

        def go(what):
            gate.wait()
            replies.append(self.answer(what, body).status)
        threads = [threading.Thread(target=go, args=(what,)) for what in ("accept", "decline", "accept", "decline")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(sorted(replies), [200, 410, 410, 410])
        status = self.detail()["status"]
        self.assertIn(status, ("active", "declined"))
        subs = sql(self.db_path, "SELECT COUNT(*) FROM subscriptions WHERE customer_id = ?", (self.customer["id"],))
        self.assertEqual(subs[0][0], 1 if status == "active" else 0)

    def test_the_page_offers_googles_button_with_the_client_id(self):
        page = self.call("GET", f"/invite/{link_of(self.customer)}").body.decode()
        self.assertIn('data-mode="google"', page)
        self.assertIn(f'data-client-id="{CLIENT_ID}"', page)
        self.assertIn(f"sign in with your Google account of {self.domain}", page)
        self.assertNotIn("demo", page.split("<main")[1].split(">")[0])
        script = self.call("GET", "/invite.js").body
        self.assertIn(b"https://accounts.google.com/gsi/client", script)
        self.assertIn(b"renderButton", script)


class DemoServerAnswers(ServerTestCase):
    """A demo server without Google: demo accounts' invitations take a demo acceptance; a
    registered reseller's cannot be answered here at all."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        domain = cls.server.app.domain
        real, _ = domain.resellers.register("office@real-partner.example", "Real Partner GmbH")
        member = domain.sessions.sign_in_member("office@real-partner.example")
        cls.real_token = member.token

    def test_a_demo_accounts_invitation_takes_a_demo_acceptance_named_so(self):
        token = self.sign_in("demo-answers@example.com")
        customer = self.invite(token, 1)
        page = self.call("GET", f"/invite/{link_of(customer)}").body.decode()
        self.assertIn('data-mode="demo"', page)
        self.assertIn("Demo server", page)
        self.ok("POST", f"/api/v1/invitations/{link_of(customer)}/accept", DEMO_ANSWER)
        detail = self.ok("GET", f"/api/v1/customers/{customer['id']}", token=token)
        self.assertEqual(detail["invitation"]["answered_by"], {"email": None, "name": None, "method": "demo"})
        entry = self.ok("GET", f"/api/v1/activity?customer_id={customer['id']}", token=token)["items"][0]
        self.assertIn("demo acceptance, without Google sign-in", entry["summary"])
        # Without a body it still needs a credential: a demo answer is asked for, never assumed.
        other = self.invite(token, 2)
        self.assertError(self.call("POST", f"/api/v1/invitations/{link_of(other)}/accept", {}), 401,
                         "credential_required")

    def test_a_registered_resellers_invitation_needs_google(self):
        customer = self.invite(self.real_token, 3)
        before = fingerprint(self.db_path)
        self.assertError(self.call("POST", f"/api/v1/invitations/{link_of(customer)}/accept", DEMO_ANSWER), 403,
                         "demo_acceptance_refused")
        self.assertError(self.call("POST", f"/api/v1/invitations/{link_of(customer)}/decline", DEMO_ANSWER), 403,
                         "demo_acceptance_refused")
        self.assertError(self.call("POST", f"/api/v1/invitations/{link_of(customer)}/accept",
                                   {"credential": "a.b.c"}), 503, "google_sign_in_unavailable")
        self.assertEqual(fingerprint(self.db_path), before)
        page = self.call("GET", f"/invite/{link_of(customer)}").body.decode()
        self.assertIn('data-mode="none"', page)
        self.assertIn("cannot check Google sign-ins", page)
        self.assertNotIn('id="accept"', page)


class PageFormats(unittest.TestCase):
    def test_dates_and_money_as_the_console_writes_them(self):
        self.assertEqual(format_date("2026-12-07", "de"), "07.12.2026")
        self.assertEqual(format_date("2026-12-07", "en"), "Dec 7, 2026")
        self.assertEqual(format_money(139219, "EUR", "de"), "1.392,19\u00a0€")
        self.assertEqual(format_money(139219, "EUR", "en"), "€1,392.19")
        self.assertEqual(format_money(515, "USD", "de"), "5,15\u00a0$")
        self.assertEqual(format_money(100000, "CHF", "en"), "1,000.00\u00a0CHF")
        self.assertEqual(format_money(1200, "JPY", "de"), "1.200\u00a0JPY")


class PageInGerman(ServerTestCase):
    def test_a_euro_resellers_page_in_german(self):
        token = self.sign_in("euro@example.com")
        sql(self.db_path, "UPDATE resellers SET currency = 'EUR', discount_bp = 0 WHERE email = 'euro@example.com'")
        customer = self.invite(token, 1, organization="Bäckerei Groß & Söhne")
        page = self.call("GET", f"/invite/{link_of(customer)}", headers={"Accept-Language": "de-CH, en;q=0.5"})
        text = page.body.decode()
        self.assertIn("Einladung zu Shared Contacts for Gmail", text)
        self.assertIn("lädt Bäckerei Groß &amp; Söhne ein", text)
        self.assertIn("Professional, 5 Lizenzen", text)
        self.assertIn("30 Tage, kostenlos", text)
        # The euro price list's 1,19 € (the page said the dollar list's 1,29 with a euro sign).
        self.assertIn("5,95\u00a0€ im Monat (5 Lizenzen zu je 1,19\u00a0€)", text)
        self.assertIn("10.12.2026", text)
        self.assertIn('href="?lang=en"', text)
        english = self.call("GET", f"/invite/{link_of(customer)}?lang=en").body.decode()
        self.assertIn("€5.95 a month", english)


def tearDownModule():
    if KEYS.get("folder"):
        shutil.rmtree(KEYS["folder"], ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
