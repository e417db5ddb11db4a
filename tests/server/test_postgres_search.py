"""Search on PostgreSQL (issue 20): every word of the search is a substring of a customer's
name, organization, Google domain or email, in any script, whatever its case and accents
(pg_trgm over a folded copy). SQLite's FTS5 search finds word prefixes only: 太郎 inside 山田太郎
is not a word of its own there."""
import unittest
import urllib.parse

import support
from support import ServerTestCase, request
import postgres_cluster

PEOPLE = [("山田太郎", "山田商事", "yamada.example"), ("Γιώργος Παπαδόπουλος", "Οικογένεια Α.Ε.", "papadopoulos.gr"),
          ("Sophie Weiß", "Weiß & Söhne KG", "weiss-soehne.de"), ("Jürgen Müller", "Müller Bau GmbH", "mueller-bau.de"),
          ("Ana 50% Off", "Percent_Sale Ltd", "percent.example")]


@unittest.skipUnless(postgres_cluster.bin_dir(), "PostgreSQL's server is not installed")
class SubstringsInEveryScript(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        backend = support.POSTGRES
        support.POSTGRES = True  # this class is about PostgreSQL's search, whichever pass runs it
        try:
            super().setUpClass()
        finally:
            support.POSTGRES = backend
        cls.token = request(cls.port, "POST", "/api/v1/auth/demo", {"email": "search@example.com"}).json["token"]
        for name, organization, domain in PEOPLE:
            reply = request(cls.port, "POST", "/api/v1/customers", {"name": name, "organization": organization,
                                                                     "google_domain": domain,
                                                                     "email": f"kontakt@{domain}"}, cls.token)
            assert reply.status == 201, reply

    def names(self, q):
        reply = self.ok("GET", f"/api/v1/customers?q={urllib.parse.quote(q)}", token=self.token)
        self.assertEqual(reply["total"], len(reply["items"]))
        return sorted(item["name"] for item in reply["items"])

    def test_substrings_in_every_script(self):
        cases = {"太郎": ["山田太郎"], "山田": ["山田太郎"], "γιωργος": ["Γιώργος Παπαδόπουλος"],
                 "ΓΙΏΡΓΟΣ": ["Γιώργος Παπαδόπουλος"], "πουλος": ["Γιώργος Παπαδόπουλος"],
                 "weiss": ["Sophie Weiß"], "WEISS SÖHNE": ["Sophie Weiß"], "ller": ["Jürgen Müller"],
                 "muller bau": ["Jürgen Müller"], "mueller-bau": ["Jürgen Müller"], "ürg": ["Jürgen Müller"],
                 "papadopoulos.gr": ["Γιώργος Παπαδόπουλος"], "商事": ["山田太郎"]}
        for q, expected in cases.items():
            with self.subTest(q=q):
                self.assertEqual(self.names(q), expected)

    def test_every_word_must_match_and_wildcards_are_literal(self):
        self.assertEqual(self.names("müller weiß"), [])
        self.assertEqual(self.names("50%"), ["Ana 50% Off"])
        self.assertEqual(self.names("a_e"), [])  # '_' is a character, not 'any character' (sale, yamada.example)
        self.assertEqual(self.names("percent_sale"), ["Ana 50% Off"])
        self.assertEqual(self.names("%"), ["Ana 50% Off"])

    def test_a_renamed_customer_is_found_by_its_new_name_only(self):
        customer = self.invite(self.token, 99, name="Zacharias Alt", organization="Alt GmbH",
                               google_domain="zacharias.example", email="z@zacharias.example")
        self.ok("PATCH", f"/api/v1/customers/{customer['id']}", {"name": "Zacharias Neu", "organization": "Neu GmbH"},
                self.token)
        self.assertEqual(self.names("zacharias neu"), ["Zacharias Neu"])
        self.assertEqual(self.names("alt gmbh"), [])


if __name__ == "__main__":
    unittest.main()
