"""Who may do what (issue 22): the whole role x endpoint matrix, generated from the server's own
route table and its role x capability table. Every signed-in endpoint is called by a member of
each role with the same request; a role the table refuses gets 403 forbidden naming the roles
that would do, and nothing in the database changes; a role the table allows is never refused.
A new endpoint is in the matrix by being routed, and cannot be routed without a rule."""
import unittest

from support import ServerTestCase, fingerprint, request
from partner_api import API_PREFIX
from partner_api.domain import DEMO_EMAIL
from partner_api.domain.activity import SYSTEM
from partner_api.domain.bulk_actions import ACTIONS
from partner_api.domain.roles import CAPABILITIES, ROLES
from partner_api.domain.seed import DEMO_TEAM
from partner_api.http.routing import ByAction, Router

# What a request needs beyond its path: a body for every POST and PATCH (a valid one, so an allowed
# role really does it). A new endpoint that takes a body fails below until it has one here.
BODIES = {
    ("POST", "/auth/logout"): {},
    ("POST", "/customers"): {"name": "Matrix Kunde", "email": "it@matrix-kunde.de", "google_domain": "matrix-kunde.de",
                             "organization": "Matrix Kunde GmbH"},
    ("PATCH", "/customers/{id}"): {"organization": "Matrix Renamed GmbH"},
    ("POST", "/customers/{id}/invitation/resend"): {},
    ("POST", "/customers/{id}/invitation/revoke"): {},
    ("POST", "/customers/{id}/subscription/license-orders/preview"): {"licenses": 400},
    ("POST", "/customers/{id}/subscription/license-orders"): {"licenses": 400},
    ("POST", "/customers/{id}/subscription/plan/preview"): {"plan": "enterprise", "billing_cycle": "flexible"},
    ("POST", "/customers/{id}/subscription/plan"): {"plan": "enterprise", "billing_cycle": "flexible"},
    ("POST", "/customers/{id}/subscription/cancel"): {"when": "end_of_term", "reason": "matrix"},
    ("POST", "/customers/{id}/subscription/reactivate"): {},
    ("POST", "/customers/{id}/invitation"): {},
    ("POST", "/customers/{id}/transfer-token"): {},
    ("POST", "/customers/transfer/preview"): {"token": "7K2M-9QXD-4HTP-R8WN-3ZCF"},
    ("POST", "/customers/transfer"): {"token": "7K2M-9QXD-4HTP-R8WN-3ZCF"},
    ("PATCH", "/customers/{id}/subscription"): {"max_licenses": None},
    ("POST", "/customers/{id}/subscription/start-paid/preview"): {"plan": "basic", "billing_cycle": "flexible",
                                                                  "licenses": 3},
    ("POST", "/customers/{id}/subscription/start-paid"): {"plan": "basic", "billing_cycle": "flexible", "licenses": 3},
    ("POST", "/customers/{id}/subscription/suspend/preview"): {"reason": "non_payment"},
    ("POST", "/customers/{id}/subscription/suspend"): {"reason": "non_payment", "note": "matrix"},
    ("POST", "/customers/{id}/subscription/resume/preview"): {},
    ("POST", "/customers/{id}/subscription/resume"): {},
    ("PUT", "/customers/{id}/subscription/renewal"): {"action": "auto_renew"},
    ("POST", "/team/members"): {"email": "new.member@reseller.example", "name": "Neue Kollegin", "role": "sales"},
    ("PATCH", "/team/members/{id}"): {"role": "buyer"},
    ("POST", "/kiosk/reset"): {},
    ("PUT", "/billing-profile"): {
        "legal_name": "Matrix Partner GmbH", "address": {"street": "Teststraße 1", "postal_code": "10115",
                                                        "city": "Berlin", "country": "DE"},
        "vat_id": "DE123456789", "tax_number": None, "currency": None, "invoice_prefix": "RE-",
        "payment_terms_days": 14, "iban": None, "bic": None, "email": "rechnung@matrix.example", "phone": None},
    ("POST", "/bulk-jobs/{id}/rows"): {"rows": [{"row": 2, "name": "Zeile Zwei", "email": "it@zeile-zwei.de",
                                                 "google_domain": "zeile-zwei.de", "organization": "Zeile Zwei"}]},
    ("POST", "/bulk-jobs/{id}/cancel"): {},
    ("POST", "/views"): {"name": "Matrix view", "sort": "-licenses"},
    ("PATCH", "/views/{id}"): {"name": "Matrix view renamed"},
}
# A route whose capability is its action's (ByAction): a body for each action, so each action's
# roles are tried. A job route names its action by the job in the path (one job of each action).
ACTION_BODIES = {
    "add_licenses": {"action": "add_licenses", "ids": [], "licenses": 1},
    "set_licenses": {"action": "set_licenses", "ids": [], "licenses": 401},
    "resend_invitations": {"action": "resend_invitations", "filter": {"q": "", "status": "invited"}},
    "revoke_invitations": {"action": "revoke_invitations", "filter": {"q": "", "status": "invited"}},
    "invite": {"action": "invite", "rows": [{"row": 1, "name": "Matrix Import", "email": "it@matrix-import.de",
                                             "google_domain": "matrix-import.de", "organization": "Matrix Import"}]},
}


# The contract's "covers" column, endpoint by endpoint: what the route table must say. A new
# endpoint fails here until it is given its rule (and a wrong rule fails here, where the matrix
# above only shows that the route's own rule is enforced).
COVERS = {
    "view": ["POST /auth/logout", "GET /me", "GET /plans", "GET /dashboard", "GET /customers", "GET /customers/{id}",
             "GET /customers/{id}/subscription", "GET /invoices", "GET /invoices/{id}", "GET /activity",
             "GET /billing-profile", "GET /bulk-jobs", "GET /bulk-jobs/{id}", "GET /bulk-jobs/{id}/report.csv",
             "GET /views", "POST /views", "PATCH /views/{id}", "DELETE /views/{id}"],
    "manage_customers": ["POST /customers", "PATCH /customers/{id}", "POST /customers/{id}/invitation/resend",
                         "POST /customers/{id}/invitation/revoke",
                         # Issue 23: invite again, transfers out and in.
                         "POST /customers/{id}/invitation", "POST /customers/{id}/transfer-token",
                         "DELETE /customers/{id}/transfer-token", "POST /customers/transfer/preview",
                         "POST /customers/transfer", "POST /bulk-jobs/{id}/rows"],
    "manage_subscriptions": [f"POST /customers/{{id}}/subscription/{action}" for action in (
        "license-orders/preview", "license-orders", "plan/preview", "plan", "cancel", "reactivate",
        # Issue 23: start the paid plan, suspend, resume (each with its preview).
        "start-paid/preview", "start-paid", "suspend/preview", "suspend", "resume/preview", "resume")]
    + ["PUT /customers/{id}/subscription/renewal", "PATCH /customers/{id}/subscription"],
    "export_billing": ["GET /invoices/export.csv", "GET /invoices/{id}/pdf", "GET /invoices/{id}/xrechnung.xml",
                       "GET /customers/export.csv"],
    "manage_team": ["GET /team/members", "POST /team/members", "PATCH /team/members/{id}",
                    "DELETE /team/members/{id}", "POST /kiosk/reset"],
    "manage_account": ["PUT /billing-profile"],
    # The capability of what is asked: the body's action, or the job's.
    "by action": ["POST /bulk-jobs", "POST /bulk-jobs/preview", "POST /bulk-jobs/{id}/cancel"],
}
# Each bulk action needs what the dialog doing it once needs (the lead's decision for issue 19).
BULK_ACTIONS = {"invite": "manage_customers", "resend_invitations": "manage_customers",
                "revoke_invitations": "manage_customers", "add_licenses": "manage_subscriptions",
                "set_licenses": "manage_subscriptions"}


class RoleMatrix(ServerTestCase):
    """A kiosk server (so its reset is in the matrix too) on the seeded demo data, whose team has
    one member of each role. No bulk worker: the jobs made here stay as they are, so nothing but
    the request under test changes the data."""
    settings = {"demo": True, "kiosk": True, "bulk_worker": False}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        domain = cls.server.app.domain
        domain.kiosk.prepare("http://matrix.test")
        # The background purge runs a minute after the start: what it would delete of the seeded
        # year (old emails) goes now, so it cannot change the data under a refused request later.
        domain.housekeeping.purge()
        emails = {"admin": DEMO_EMAIL, **{role: email for email, _, role in DEMO_TEAM}}
        # Signed in through the domain: a kiosk's demo sign-in opens only its Admin over HTTP.
        cls.tokens = {role: domain.sessions.demo_sign_in(email).token for role, email in emails.items()}
        cls.spare = {role: domain.sessions.demo_sign_in(email).token for role, email in emails.items()}
        admin = cls.tokens["admin"]
        customers = cls.get(admin, "/customers?status=active&sort=-licenses&limit=50")["items"]
        cls.customer = next(c for c in customers if c["subscription"]["status"] == "active"
                            and c["subscription"]["billing_cycle"] == "flexible")
        cls.invoice = cls.get(admin, f"/invoices?customer_id={cls.customer['id']}")["items"][0]
        # The team member the team endpoints change: none of the members making the requests.
        reseller = domain.resellers.by_email(DEMO_EMAIL)
        cls.target = domain.team.add(reseller, "target@reseller.example", "Target Person", "viewer", SYSTEM)
        cls.routes = cls.server.app.router.capabilities()
        # A job of each action (an import waiting for its second row), and a saved view of each role.
        cls.jobs = {}
        for action, body in ACTION_BODIES.items():
            body = dict(body, ids=[cls.customer["id"]]) if "ids" in body else body
            body = dict(body, total=2) if action == "invite" else body
            reply = request(cls.port, "POST", API_PREFIX + "/bulk-jobs", body, admin,
                            headers={"Idempotency-Key": f"matrix-job-{action}"})
            assert reply.status == 202, reply
            cls.jobs[action] = reply.json["id"]
        cls.views = {}
        for role in ROLES:
            reply = request(cls.port, "POST", API_PREFIX + "/views", {"name": f"{role}'s view"}, cls.tokens[role])
            assert reply.status == 201, reply
            cls.views[role] = reply.json["id"]

    @classmethod
    def get(cls, token, path):
        reply = request(cls.port, "GET", API_PREFIX + path, token=token)
        assert reply.status == 200, reply
        return reply.json

    def path_for(self, pattern, role, action=None):
        """The route's path with real ids of this account: a customer with a paid flexible
        subscription, one of its invoices, a team member nobody here signs in as, a bulk job (of
        the action tried; else the import), the role's own saved view."""
        path = pattern[len(API_PREFIX):]
        if "{id}" in path:
            ids = {"customers": self.customer["id"], "invoices": self.invoice["id"], "team": self.target["id"],
                   "bulk-jobs": self.jobs[action or "invite"], "views": self.views[role]}
            resource = path.split("/")[1]
            self.assertIn(resource, ids, f"tell the role matrix which id fills {{id}} in {path}")
            path = path.replace("{id}", str(ids[resource]))
        return path

    def request(self, method, pattern, token, role, action=None):
        key = (method, pattern[len(API_PREFIX):])
        body = BODIES.get(key)
        if action is not None and method == "POST" and "{id}" not in pattern:
            body = dict(ACTION_BODIES[action])
            if "ids" in body:
                body["ids"] = [self.customer["id"]]
        elif method in ("POST", "PATCH", "PUT"):
            self.assertIn(key, BODIES, f"give the role matrix a request body for {method} {key[1]}")
        headers = {"Idempotency-Key": f"matrix-{method}-{pattern}-{action}-{role}"} if key == ("POST", "/bulk-jobs") \
            else None
        return self.call(method, API_PREFIX + self.path_for(pattern, role, action), body, token, headers=headers)

    def variants(self):
        """(method, pattern, action or None, capability) of every signed-in route: one per action
        for a route that needs its action's capability."""
        for method, pattern, capability in self.routes:
            if isinstance(capability, ByAction):
                for action, needed in capability.of.items():
                    yield method, pattern, action, needed
            elif capability:
                yield method, pattern, None, capability

    def test_every_signed_in_endpoint_refuses_exactly_the_roles_the_table_refuses(self):
        signed_in = list(self.variants())
        self.assertGreaterEqual(len(signed_in), 25)
        seen = {capability: {"refused": set(), "allowed": set()} for capability in CAPABILITIES}
        for method, pattern, action, capability in signed_in:
            allowed = CAPABILITIES[capability]
            # The refused roles first, on the untouched data; then the allowed ones, which change it.
            for role in sorted(ROLES, key=lambda role: role in allowed):
                token = self.spare[role] if pattern.endswith("/auth/logout") else self.tokens[role]
                with self.subTest(endpoint=f"{method} {pattern}", action=action, role=role):
                    before = fingerprint(self.db_path)
                    reply = self.request(method, pattern, token, role, action)
                    if role in allowed:
                        seen[capability]["allowed"].add(role)
                        self.assertNotIn(reply.status, (401, 403), reply)
                    else:
                        seen[capability]["refused"].add(role)
                        error = self.assertError(reply, 403, "forbidden")
                        self.assertEqual(error["required_role"], list(allowed))
                        self.assertTrue(error["request_id"])
                        self.assertEqual(fingerprint(self.db_path), before, "a refused request changed data")
        # Every role was tried on every capability, and each capability refuses whom the table says.
        for capability, roles in CAPABILITIES.items():
            self.assertEqual(seen[capability]["allowed"], set(roles), capability)
            self.assertEqual(seen[capability]["refused"], set(ROLES) - set(roles), capability)

    def test_each_endpoint_needs_what_the_contract_says(self):
        routed = {f"{method} {pattern[len(API_PREFIX):]}": "by action" if isinstance(capability, ByAction) else capability
                  for method, pattern, capability in self.routes if capability is not None}
        expected = {endpoint: capability for capability, endpoints in COVERS.items() for endpoint in endpoints}
        self.assertEqual(routed, expected)
        public = sorted(f"{method} {pattern[len(API_PREFIX):]}" for method, pattern, capability in self.routes
                        if capability is None)
        self.assertEqual(public, ["GET /health", "GET /openapi.json", "GET /ready", "POST /auth/demo", "POST /auth/google",
                                  "POST /invitations/{token}/accept", "POST /invitations/{token}/decline"])

    def test_a_bulk_action_needs_what_its_dialog_needs(self):
        self.assertEqual(ACTIONS, BULK_ACTIONS)
        for method, pattern, capability in self.routes:
            if isinstance(capability, ByAction):
                self.assertEqual(capability.of, BULK_ACTIONS, pattern)
        # A viewer starts nothing; a buyer changes licenses but invites nobody; sales the other way round.
        body = dict(ACTION_BODIES["add_licenses"], ids=[self.customer["id"]])
        for role, status in (("viewer", 403), ("sales", 403)):
            reply = self.call("POST", "/api/v1/bulk-jobs", body, self.tokens[role], headers={"Idempotency-Key": role})
            self.assertError(reply, status, "forbidden")
        invite = dict(ACTION_BODIES["invite"])
        for role in ("viewer", "buyer"):
            reply = self.call("POST", "/api/v1/bulk-jobs", invite, self.tokens[role], headers={"Idempotency-Key": role})
            self.assertEqual(self.assertError(reply, 403, "forbidden")["required_role"], ["admin", "sales"])
        # Cancelling a job needs what the job does: sales may not stop a license change.
        reply = self.call("POST", f"/api/v1/bulk-jobs/{self.jobs['set_licenses']}/cancel", {}, self.tokens["sales"])
        self.assertError(reply, 403, "forbidden")

    def test_the_refusal_names_the_roles_in_words(self):
        reply = self.call("POST", f"/api/v1/customers/{self.customer['id']}/subscription/license-orders",
                          {"licenses": 3}, self.tokens["sales"])
        self.assertEqual(self.assertError(reply, 403, "forbidden")["message"], "This needs the Admin or Buyer role.")
        reply = self.call("GET", "/api/v1/team/members", token=self.tokens["buyer"])
        self.assertEqual(self.assertError(reply, 403, "forbidden")["message"], "This needs the Admin role.")

    def test_documents_and_exports_are_refused_before_a_byte_is_sent(self):
        for path in (f"/api/v1/invoices/{self.invoice['id']}/pdf", "/api/v1/invoices/export.csv"):
            for role in ("sales", "viewer"):
                reply = self.call("GET", path, token=self.tokens[role])
                self.assertError(reply, 403, "forbidden")
                self.assertIsNone(reply.header("Content-Disposition"))
            self.assertEqual(self.call("GET", path, token=self.tokens["buyer"]).status, 200)

    def test_a_retried_write_is_refused_too(self):
        # An Idempotency-Key does not get around the role: the check comes first.
        path = f"/api/v1/customers/{self.customer['id']}"
        key = {"Idempotency-Key": "matrix-role-retry"}
        first = self.call("PATCH", path, {"name": "Renamed By Sales"}, self.tokens["sales"], headers=key)
        self.assertEqual(first.status, 200, first)
        again = self.call("PATCH", path, {"name": "Renamed By Sales"}, self.tokens["viewer"], headers=key)
        self.assertError(again, 403, "forbidden")


class RulesForNewEndpoints(unittest.TestCase):
    def test_a_signed_in_route_without_a_capability_cannot_be_added(self):
        router = Router("/api/v1")
        with self.assertRaises(ValueError) as raised:
            router.add("POST", "/things", lambda request: None)
        self.assertIn("capability", str(raised.exception))
        with self.assertRaises(ValueError):
            router.add("POST", "/things", lambda request: None, capability="manage_things")
        with self.assertRaises(ValueError):  # no session: no role to check
            router.add("GET", "/public", lambda request: None, auth=False, capability="view")
        router.add("POST", "/things", lambda request: None, capability="manage_customers")
        self.assertEqual(router.capabilities(), [("POST", "/api/v1/things", "manage_customers")])

    def test_the_table_is_the_issues_table(self):
        self.assertEqual(ROLES, ("admin", "buyer", "sales", "viewer"))
        self.assertEqual({name: set(roles) for name, roles in CAPABILITIES.items()}, {
            "view": {"admin", "buyer", "sales", "viewer"},
            "manage_customers": {"admin", "sales"},
            "manage_subscriptions": {"admin", "buyer"},
            "export_billing": {"admin", "buyer"},
            "manage_team": {"admin"},
            "manage_account": {"admin"},  # issue 18: the billing profile
        })


if __name__ == "__main__":
    unittest.main()
