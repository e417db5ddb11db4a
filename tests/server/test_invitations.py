"""Invitation links: acceptance starts a trial; resend, revoke, expiry and reuse make a link
dead (410); the acceptance page speaks English and German."""
import unittest

from support import ServerTestCase, fingerprint, sql


def link_token(customer):
    return customer["invitation"]["url"].rsplit("/", 1)[1]


class Invitations(ServerTestCase):
    settings = {"public_url": "https://console.example.com/"}

    def setUp(self):
        self.token = self.sign_in("inviter@example.com")
        self.n = getattr(type(self), "n", 0) + 1
        type(self).n = self.n

    def accept_path(self, token):
        return f"/api/v1/invitations/{token}/accept"

    def test_public_url_is_used_for_links(self):
        customer = self.invite(self.token, 100)
        self.assertTrue(customer["invitation"]["url"].startswith("https://console.example.com/invite/"))

    def test_accept_starts_a_professional_trial_of_5_licenses_for_30_days(self):
        customer = self.invite(self.token, self.n)
        result = self.ok("POST", self.accept_path(link_token(customer)), {"demo": True})
        self.assertEqual(result["customer"]["status"], "active")
        self.assertEqual(result["reseller"]["name"], "Inviter")
        self.assertEqual(result["subscription"]["trial_ends_on"], "2026-12-25")
        detail = self.ok("GET", f"/api/v1/customers/{customer['id']}", token=self.token)
        self.assertEqual(detail["status"], "active")
        self.assertEqual(detail["invitation"]["status"], "accepted")
        self.assertIsNone(detail["invitation"]["url"])
        self.assertEqual(detail["invitation"]["accepted_at"], "2026-11-26T09:00:00Z")
        sub = detail["subscription"]
        self.assertEqual((sub["plan"], sub["billing_cycle"], sub["licenses"], sub["status"]),
                         ("professional", "flexible", 5, "trial"))
        self.assertEqual((sub["term_start"], sub["term_end"], sub["renews_at"]), ("2026-11-26", "2026-12-25", "2026-12-26"))
        self.assertEqual(sub["monthly_value"], {"amount": 0, "currency": "USD"})
        self.assertEqual(sub["unit_price"], {"amount": 103, "currency": "USD"})  # 1.29 less 20%
        self.assertEqual(self.ok("GET", f"/api/v1/customers/{customer['id']}/subscription", token=self.token), sub)
        # a used link is gone
        self.assertError(self.call("POST", self.accept_path(link_token(customer)), {"demo": True}), 410, "invitation_gone")

    def test_resend_makes_a_new_link_and_kills_the_old_one(self):
        customer = self.invite(self.token, self.n)
        old = link_token(customer)
        resent = self.ok("POST", f"/api/v1/customers/{customer['id']}/invitation/resend", token=self.token)
        self.assertNotEqual(link_token(resent), old)
        self.assertEqual(resent["invitation"]["status"], "pending")
        before = fingerprint(self.db_path)
        self.assertError(self.call("POST", self.accept_path(old), {"demo": True}), 410, "invitation_gone")
        self.assertEqual(fingerprint(self.db_path), before)
        self.ok("POST", self.accept_path(link_token(resent)), {"demo": True})

    def test_revoke_kills_the_link(self):
        customer = self.invite(self.token, self.n)
        revoked = self.ok("POST", f"/api/v1/customers/{customer['id']}/invitation/revoke", token=self.token)
        self.assertEqual(revoked["status"], "revoked")
        self.assertEqual(revoked["invitation"]["status"], "revoked")
        self.assertIsNone(revoked["invitation"]["url"])
        self.assertError(self.call("POST", self.accept_path(link_token(customer)), {"demo": True}), 410, "invitation_gone")
        self.assertError(self.call("POST", f"/api/v1/customers/{customer['id']}/invitation/revoke", token=self.token),
                         409, "conflict")
        # a revoked customer can be invited again with a fresh link
        again = self.ok("POST", f"/api/v1/customers/{customer['id']}/invitation/resend", token=self.token)
        self.assertEqual(again["status"], "invited")

    def test_expired_link(self):
        customer = self.invite(self.token, self.n)
        start = self.clock.now()
        self.clock.advance(days=14)
        try:
            detail = self.ok("GET", f"/api/v1/customers/{customer['id']}", token=self.sign_in("inviter@example.com"))
            self.assertEqual(detail["invitation"]["status"], "expired")
            self.assertEqual(detail["status"], "invited")
            self.assertError(self.call("POST", self.accept_path(link_token(customer)), {"demo": True}), 410, "invitation_gone")
            page = self.call("GET", f"/invite/{link_token(customer)}")
            self.assertEqual(page.status, 410)
            # Issue 25: the page says why wholly in the visitor's language (no English sentence in it).
            german = self.call("GET", f"/invite/{link_token(customer)}", headers={"Accept-Language": "de-DE"})
            text = german.body.decode()
            self.assertEqual(german.status, 410)
            self.assertIn("Dieser Link ist abgelaufen.", text)
            self.assertIn("Bitte fragen Sie Ihren Reseller nach einem neuen Link.", text)
            self.assertNotIn("expired", text)
            self.assertNotIn("Ask your reseller", text)
            self.assertIn("This link has expired.", self.call("GET", f"/invite/{link_token(customer)}?lang=en").body.decode())
        finally:
            self.clock.set(start)

    def test_unknown_link_is_404(self):
        self.assertError(self.call("POST", self.accept_path("A" * 43), {"demo": True}), 404, "not_found")
        page = self.call("GET", "/invite/" + "A" * 43, headers={"Accept-Language": "de"})
        self.assertEqual(page.status, 404)
        self.assertIn("Diesen Einladungslink gibt es nicht", page.body.decode())
        self.assertNotIn("does not exist", page.body.decode())

    def test_accepted_customer_cannot_be_resent_or_revoked(self):
        customer = self.invite(self.token, self.n)
        self.accept(customer)
        page = self.call("GET", f"/invite/{link_token(customer)}?lang=de").body.decode()
        self.assertIn("Diese Einladung wurde bereits angenommen.", page)
        for action in ["resend", "revoke"]:
            self.assertError(self.call("POST", f"/api/v1/customers/{customer['id']}/invitation/{action}",
                                       token=self.token), 409, "conflict")

    def test_acceptance_page_in_english_and_german(self):
        customer = self.invite(self.token, self.n, organization="Müller & Söhne <GmbH>")
        path = f"/invite/{link_token(customer)}"
        english = self.call("GET", path, headers={"Accept-Language": "en-GB,en;q=0.9"})
        self.assertEqual(english.status, 200)
        self.assertIn("text/html", english.header("Content-Type"))
        text = english.body.decode()
        # A demo account's invitation on a demo server without Google: the demo acceptance, labelled.
        self.assertIn("Accept (demo, without Google sign-in)", text)
        self.assertIn("Shared Contacts for Gmail", text)
        self.assertNotIn("add-on for", text)
        self.assertIn("Müller &amp; Söhne &lt;GmbH&gt;", text)  # escaped
        self.assertIn(f"/api/v1/invitations/{link_token(customer)}/accept", text)
        self.assertIn(f"/api/v1/invitations/{link_token(customer)}/decline", text)
        self.assertIn("Dec 10, 2026", text)  # the link's last day, as the console writes dates
        self.assertIn("$5.15 a month (5 licenses at $1.03 each)", text)
        self.assertIn('<script src="/invite.js">', text)
        self.assertIn("Content-Security-Policy", {k.title(): v for k, v in english.headers.items()})
        german = self.call("GET", path, headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"}).body.decode()
        self.assertIn("Annehmen (Demo, ohne Google-Anmeldung)", german)
        self.assertIn('lang="de"', german)
        self.assertIn("10.12.2026", german)
        self.assertIn("5,15\u00a0$ im Monat (5 Lizenzen zu je 1,03\u00a0$)", german)
        self.assertIn("Testphase", self.call("GET", path + "?lang=de").body.decode())
        # An answer's error is said by its code in the page's language (the server's English
        # message only for a code the page does not know).
        self.assertIn("data-errors=", german)
        self.assertIn(f"Dieses Google-Konto gehört nicht zu {customer['google_domain']}.", german)
        script = self.call("GET", "/invite.js")
        self.assertEqual(script.header("Content-Type"), "text/javascript; charset=utf-8")
        self.assertIn(b"fetch(", script.body)

    def test_the_invitation_email_speaks_the_customers_language_first(self):
        """Issue 25: subject and body in the customer's language (their invoices' language),
        with the product's name and the link's last day as that language writes it; the other
        language under it."""
        def mail(customer):
            (subject, body), = sql(self.db_path, "SELECT subject, body FROM outbox WHERE customer_id = ?"
                                   " ORDER BY id DESC LIMIT 1", (customer["id"],))
            return subject, body
        german = self.invite(self.token, self.n, billing={"address": {"street": "Hauptstraße 1", "postal_code": "10115",
                                                                      "city": "Berlin", "country": "DE"}})
        subject, body = mail(german)
        self.assertRegex(subject, f"^.+ lädt Müller Bau {self.n} GmbH zu Shared Contacts for Gmail ein$")
        self.assertTrue(body.startswith(f"Guten Tag Jürgen Müller {self.n},"), body)
        self.assertIn("Der Link ist bis 10.12.2026 gültig.", body)
        self.assertEqual(body.count("/invite/sealed"), 2)  # the link (sealed at rest: issue 24), in each language
        self.assertLess(body.index("Guten Tag"), body.index("-- English version --"))  # the English under it
        self.assertLess(body.index("-- English version --"), body.index("Hello"))
        self.assertIn("The link is valid until Dec 10, 2026.", body)

        english = self.invite(self.token, self.n + 100, google_domain=f"harper-{self.n}.co.uk",
                              billing={"address": {"street": "1 High St", "postal_code": "EC1A 1BB", "city": "London",
                                                   "country": "GB"}})
        subject, body = mail(english)
        self.assertRegex(subject, f"^.+ invites Müller Bau {self.n + 100} GmbH to Shared Contacts for Gmail$")
        self.assertTrue(body.startswith("Hello "), body)
        self.assertLess(body.index("Hello"), body.index("-- Deutsche Fassung --"))
        # Sent again (a new link), still in the customer's language.
        self.ok("POST", f"/api/v1/customers/{german['id']}/invitation/resend", token=self.token)
        self.assertTrue(mail(german)[0].endswith("zu Shared Contacts for Gmail ein"))

    def test_invite_tokens_stay_out_of_the_request_log(self):
        customer = self.invite(self.token, self.n)
        self.server.app.settings.quiet = False
        try:
            self.call("GET", f"/invite/{link_token(customer)}")
        finally:
            self.server.app.settings.quiet = True
        self.assertFalse(any(link_token(customer) in line for line in self.log_lines if " GET " in line))


if __name__ == "__main__":
    unittest.main()
