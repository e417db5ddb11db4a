"""Customers: invite with validation, domain uniqueness, detail, update, list with search,
filters, sorts and keyset paging."""
import unittest

from support import ServerTestCase, fingerprint

GOOD = {"name": "Jürgen Müller", "email": "j.mueller@mueller-bau.de", "google_domain": "mueller-bau.de",
        "organization": "Müller Bau GmbH"}


class InviteValidation(ServerTestCase):
    def setUp(self):
        self.token = self.sign_in("validation@example.com")

    def rejected(self, body, *fields, status=422, code="validation_failed"):
        before = fingerprint(self.db_path)
        reply = self.call("POST", "/api/v1/customers", body, self.token)
        error = self.assertError(reply, status, code)
        if fields:
            self.assertEqual(set(error["fields"]), set(fields), error)
        self.assertEqual(fingerprint(self.db_path), before, "a refused request changed the database")
        return error

    def test_invite_returns_201_with_an_absolute_invitation_url(self):
        reply = self.call("POST", "/api/v1/customers", {**GOOD, "google_domain": "good-one.de"}, self.token)
        self.assertEqual(reply.status, 201, reply)
        customer = reply.json
        self.assertEqual(customer["status"], "invited")
        self.assertIsNone(customer["subscription"])
        invitation = customer["invitation"]
        self.assertEqual(invitation["status"], "pending")
        self.assertRegex(invitation["url"], rf"^http://127\.0\.0\.1:{self.port}/invite/[A-Za-z0-9_-]{{43}}$")
        self.assertEqual(invitation["sent_at"], "2026-11-26T09:00:00Z")
        self.assertEqual(invitation["expires_at"], "2026-12-10T09:00:00Z")
        self.assertIsNone(invitation["accepted_at"])
        self.assertEqual(reply.header("Location"), f"/api/v1/customers/{customer['id']}")
        self.assertEqual(self.ok("GET", f"/api/v1/customers/{customer['id']}", token=self.token), customer)
        self.assertTrue(any("outbox: invitation to j.mueller@mueller-bau.de" in line for line in self.log_lines))

    def test_malformed_json_is_400(self):
        before = fingerprint(self.db_path)
        for raw in [b"{", b"{'name': 1}", b"\xff\xfe", b""]:
            self.assertError(self.call("POST", "/api/v1/customers", token=self.token, raw=raw,
                                       headers={"Content-Type": "application/json"}), 400, "invalid_json")
        self.assertEqual(fingerprint(self.db_path), before)

    def test_body_must_be_an_object(self):
        self.rejected([GOOD], "body")

    def test_missing_and_wrong_typed_fields(self):
        self.rejected({}, "name", "email", "google_domain", "organization")
        self.rejected({**GOOD, "name": 42, "email": None}, "name", "email")
        self.rejected({**GOOD, "organization": ["x"]}, "organization")
        self.rejected({**GOOD, "colour": "blue"}, "colour")

    def test_bad_emails(self):
        for email in ["plain", "a@b", "@example.com", "a b@example.com", "a@exa mple.com", "a@@example.com",
                      "a@-example.com", "x" * 250 + "@example.com"]:
            self.rejected({**GOOD, "email": email}, "email")

    def test_domain_must_be_a_bare_dns_name(self):
        for domain in ["https://example.com", "example.com/path", "exa mple.com", "user@example.com",
                       "localhost", "example", "-bad.com", "example..com", "exämple.de", "example.123",
                       "a" * 64 + ".com", ""]:
            self.rejected({**GOOD, "google_domain": domain}, "google_domain")

    def test_names_are_trimmed_and_limited_to_200_characters(self):
        self.rejected({**GOOD, "name": "   "}, "name")
        self.rejected({**GOOD, "organization": "ü" * 201}, "organization")
        reply = self.call("POST", "/api/v1/customers",
                          {**GOOD, "name": "  " + "ß" * 200 + "  ", "google_domain": "long-name.de"}, self.token)
        self.assertEqual(reply.status, 201, reply)
        self.assertEqual(reply.json["name"], "ß" * 200)

    def test_domain_is_normalised(self):
        customer = self.invite(self.token, google_domain="MiXed-Case.Example.DE.")
        self.assertEqual(customer["google_domain"], "mixed-case.example.de")

    def test_a_live_domain_belongs_to_one_customer_across_resellers(self):
        self.invite(self.token, google_domain="taken.de")
        self.rejected({**GOOD, "google_domain": "taken.de"}, status=409, code="domain_taken")
        # Across registered resellers; a demo account reserves its domains only within itself (issue 24).
        domain = self.server.app.domain
        for email in ("first-real@example.com", "other-real@example.com"):
            domain.resellers.register(email, email.split("@")[0])
        first = domain.sessions.sign_in_member("first-real@example.com").token
        other = domain.sessions.sign_in_member("other-real@example.com").token
        self.assertEqual(self.call("POST", "/api/v1/customers", {**GOOD, "google_domain": "taken.de"}, first).status,
                         201)
        self.assertError(self.call("POST", "/api/v1/customers", {**GOOD, "google_domain": "taken.de"}, other),
                         409, "domain_taken")

    def test_a_revoked_customer_frees_its_domain(self):
        customer = self.invite(self.token, google_domain="freed.de")
        self.ok("POST", f"/api/v1/customers/{customer['id']}/invitation/revoke", token=self.token)
        self.invite(self.token, google_domain="freed.de")


class UpdateCustomer(ServerTestCase):
    def setUp(self):
        self.token = self.sign_in("update@example.com")

    def test_patch_name_email_organization(self):
        customer = self.invite(self.token, 1)
        updated = self.ok("PATCH", f"/api/v1/customers/{customer['id']}",
                          {"name": " Jörg Schäfer ", "email": "joerg@schaefer.de", "organization": "Schäfer AG"},
                          self.token)
        self.assertEqual((updated["name"], updated["email"], updated["organization"]),
                         ("Jörg Schäfer", "joerg@schaefer.de", "Schäfer AG"))
        self.assertEqual(updated["google_domain"], customer["google_domain"])
        activity = self.ok("GET", f"/api/v1/activity?customer_id={customer['id']}", token=self.token)["items"]
        self.assertEqual(activity[0]["action"], "customer.updated")
        self.assertEqual(activity[0]["before"]["name"], customer["name"])
        self.assertEqual(activity[0]["after"]["name"], "Jörg Schäfer")

    def test_domain_changes_only_while_invited_and_bad_input_changes_nothing(self):
        customer = self.invite(self.token, 2)
        taken = self.invite(self.token, 3)
        active = self.active_customer(self.token, 4)
        before = fingerprint(self.db_path)
        path = f"/api/v1/customers/{customer['id']}"
        error = self.assertError(self.call("PATCH", path, {"google_domain": "https://new.de/"}, self.token),
                                 422, "validation_failed")
        self.assertIn("google_domain", error["fields"])
        self.assertError(self.call("PATCH", path, {"google_domain": taken["google_domain"]}, self.token),
                         409, "domain_taken")
        # Once accepted, the domain is the customer's Google Workspace: it stays (the lifecycle table).
        error = self.assertError(self.call("PATCH", f"/api/v1/customers/{active['id']}", {"google_domain": "new.de"},
                                           self.token), 409, "conflict")
        self.assertEqual(error["state"], "trial")
        self.assertError(self.call("PATCH", path, {}, self.token), 422, "validation_failed")
        self.assertError(self.call("PATCH", path, {"name": ""}, self.token), 422, "validation_failed")
        self.assertError(self.call("PATCH", path, {"email": "nope"}, self.token), 422, "validation_failed")
        self.assertError(self.call("PATCH", path, raw=b"[", token=self.token,
                                   headers={"Content-Type": "application/json"}), 400, "invalid_json")
        self.assertError(self.call("PATCH", "/api/v1/customers/987654", {"name": "X"}, self.token), 404, "not_found")
        self.assertEqual(fingerprint(self.db_path), before)
        # While the invitation is open the domain may be corrected; the link then answers for it.
        changed = self.ok("PATCH", path, {"google_domain": " New-Domain.DE. "}, self.token)
        self.assertEqual((changed["google_domain"], changed["status"]), ("new-domain.de", "invited"))
        self.assertEqual(changed["invitation"]["url"], customer["invitation"]["url"])


class ListCustomers(ServerTestCase):
    NAMES = [("Jürgen Müller", "Müller Bau GmbH", "mueller-bau.de"),
             ("Sophie Weiß", "Weiß & Söhne KG", "weiss-soehne.de"),
             ("Ärzte Zentrum Nord", "Ärztezentrum Nord eG", "aerzte-nord.de"),
             ("Emily Clarke", "Clarke & Hart Solicitors", "clarkehart.co.uk"),
             ("anna schmidt", "Schmidt Consulting", "schmidt-consulting.de"),
             ("Zoë Harper", "Harper Café", "harpercafe.com"),
             ("Oliver Grant", "Grant Engineering", "grant-engineering.co.uk")]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        self = cls("run")
        cls.token = self.sign_in("lister@example.com")
        cls.ids = {}
        for n, (name, organization, domain) in enumerate(cls.NAMES):
            cls.clock.advance(minutes=1)
            customer = self.invite(cls.token, n, name=name, organization=organization, google_domain=domain,
                                   email=f"info@{domain}")
            cls.ids[name] = customer["id"]
        for n, name in enumerate(["Sophie Weiß", "Emily Clarke", "Oliver Grant"]):
            customer = self.ok("GET", f"/api/v1/customers/{cls.ids[name]}", token=cls.token)
            self.accept(customer)
            self.ok("POST", f"/api/v1/customers/{cls.ids[name]}/subscription/license-orders",
                    {"licenses": [40, 10, 25][n]}, cls.token, status=201)
        self.ok("POST", f"/api/v1/customers/{cls.ids['Zoë Harper']}/invitation/revoke", token=cls.token)

    def names(self, query):
        return [c["name"] for c in self.ok("GET", f"/api/v1/customers{query}", token=self.token)["items"]]

    def test_default_sort_is_by_name_ignoring_case_and_accents(self):
        self.assertEqual(self.names(""), ["anna schmidt", "Ärzte Zentrum Nord", "Emily Clarke", "Jürgen Müller",
                                          "Oliver Grant", "Sophie Weiß", "Zoë Harper"])
        self.assertEqual(self.names("?sort=-name")[0], "Zoë Harper")

    def test_sorts(self):
        self.assertEqual(self.names("?sort=licenses&status=active"), ["Emily Clarke", "Oliver Grant", "Sophie Weiß"])
        self.assertEqual(self.names("?sort=-licenses&status=active"), ["Sophie Weiß", "Oliver Grant", "Emily Clarke"])
        self.assertEqual(self.names("?sort=created_at")[0], "Jürgen Müller")
        self.assertEqual(self.names("?sort=-created_at")[0], "Oliver Grant")
        self.assertEqual(len(self.names("?sort=renews_at")), 7)

    def test_status_filter_and_total(self):
        page = self.ok("GET", "/api/v1/customers?status=invited", token=self.token)
        self.assertEqual(page["total"], 3)
        self.assertTrue(all(c["status"] == "invited" for c in page["items"]))
        self.assertEqual(self.names("?status=revoked"), ["Zoë Harper"])

    def test_search_matches_name_organization_domain_and_email_by_prefix(self):
        self.assertEqual(self.names("?q=m%C3%BCll"), ["Jürgen Müller"])          # müll
        self.assertEqual(self.names("?q=muller"), ["Jürgen Müller"])             # without umlaut
        self.assertEqual(self.names("?q=solicitors"), ["Emily Clarke"])
        self.assertEqual(self.names("?q=clarkehart.co"), ["Emily Clarke"])
        self.assertEqual(self.names("?q=info%40grant-engineering"), ["Oliver Grant"])
        self.assertEqual(self.names("?q=nord"), ["Ärzte Zentrum Nord"])
        self.assertEqual(self.names("?q=nobody-matches-this"), [])
        self.assertEqual(self.names('?q=%22%29%28*+OR+NEAR'), [])                 # FTS syntax is just text
        page = self.ok("GET", "/api/v1/customers?q=de&limit=1", token=self.token)
        self.assertGreater(page["total"], 1)
        self.assertEqual(len(page["items"]), 1)

    def test_keyset_paging_visits_every_customer_once(self):
        for sort in ["name", "-name", "created_at", "-created_at", "renews_at", "-renews_at", "licenses", "-licenses"]:
            seen, cursor = [], None
            while True:
                query = f"?sort={sort}&limit=2" + (f"&cursor={cursor}" if cursor else "")
                page = self.ok("GET", f"/api/v1/customers{query}", token=self.token)
                self.assertEqual(page["total"], 7)
                seen += [c["id"] for c in page["items"]]
                cursor = page["next_cursor"]
                if cursor is None:
                    break
            self.assertEqual(sorted(seen), sorted(self.ids.values()), sort)
            self.assertEqual(len(seen), 7)

    def test_offset_pages_are_positions_in_the_sort_from_either_end(self):
        for sort in ["name", "-name", "created_at", "-licenses", "renews_at"]:
            whole = [c["id"] for c in self.ok("GET", f"/api/v1/customers?sort={sort}&limit=200",
                                               token=self.token)["items"]]
            for offset in range(0, 9):
                for limit in (1, 2, 3, 5):
                    page = self.ok("GET", f"/api/v1/customers?sort={sort}&offset={offset}&limit={limit}",
                                   token=self.token)
                    self.assertEqual([c["id"] for c in page["items"]], whole[offset:offset + limit],
                                     (sort, offset, limit))
                    self.assertEqual(page["total"], 7)
                    # next_cursor continues right after the page, as for cursor paging.
                    if offset + limit < 7:
                        rest = self.ok("GET", f"/api/v1/customers?sort={sort}&limit=200&cursor={page['next_cursor']}",
                                       token=self.token)
                        self.assertEqual([c["id"] for c in rest["items"]], whole[offset + limit:])
                    else:
                        self.assertIsNone(page["next_cursor"])

    def test_offset_with_filters_and_search(self):
        whole = [c["id"] for c in self.ok("GET", "/api/v1/customers?q=de&sort=-name&limit=200",
                                           token=self.token)["items"]]
        self.assertGreater(len(whole), 2)
        page = self.ok("GET", f"/api/v1/customers?q=de&sort=-name&offset={len(whole) - 2}&limit=5", token=self.token)
        self.assertEqual([c["id"] for c in page["items"]], whole[-2:])
        self.assertEqual(page["total"], len(whole))

    def test_bad_offsets_are_422(self):
        page = self.ok("GET", "/api/v1/customers?limit=2", token=self.token)
        for query in ["offset=-1", "offset=ten", "offset=10000001", "offset=1.5",
                      f"offset=2&cursor={page['next_cursor']}"]:
            error = self.assertError(self.call("GET", f"/api/v1/customers?{query}", token=self.token),
                                     422, "validation_failed")
            self.assertEqual(list(error["fields"]), ["offset"], query)
        self.assertEqual(self.ok("GET", "/api/v1/customers?offset=500", token=self.token)["items"], [])

    def test_bad_list_parameters_are_422(self):
        for query in ["limit=0", "limit=201", "limit=ten", "status=sleeping", "sort=colour", "cursor=garbage",
                      "q=" + "x" * 201]:
            error = self.assertError(self.call("GET", f"/api/v1/customers?{query}", token=self.token),
                                     422, "validation_failed")
            self.assertEqual(len(error["fields"]), 1, query)
        page = self.ok("GET", "/api/v1/customers?limit=2&sort=name", token=self.token)
        self.assertError(self.call("GET", f"/api/v1/customers?sort=-licenses&cursor={page['next_cursor']}",
                                   token=self.token), 422, "validation_failed")
        self.assertEqual(len(self.ok("GET", "/api/v1/customers?limit=200", token=self.token)["items"]), 7)


if __name__ == "__main__":
    unittest.main()
