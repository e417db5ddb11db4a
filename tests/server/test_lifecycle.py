"""The customer's whole life (issue 23): the one table of which action each state allows
(domain/lifecycle.py), tried exhaustively. For every state and every endpoint that changes a
customer or its subscription, a customer is brought into that state through the API alone; an
action the table refuses is a plain 409 naming the state and changes nothing in the database;
an action it allows succeeds. An action added to the table without an endpoint here fails."""
import itertools
import unittest

from support import DEMO_ANSWER, ServerTestCase, fingerprint, sql
from partner_api.domain.lifecycle import LIVE, STATES, TABLE

COUNTER = itertools.count(1)
FLEX = ("professional", "flexible")


def order(current):
    return {"licenses": current + 1}


# Every endpoint that changes a customer or its subscription: (table action, method, path under
# /customers/{id} ("" for the customer itself; "transfer" is the receiving reseller's), body).
ENDPOINTS = [
    ("edit", "PATCH", "", lambda c: {"organization": f"Neu {next(COUNTER)} GmbH"}),
    ("edit_domain", "PATCH", "", lambda c: {"google_domain": f"neue-domain-{next(COUNTER)}.de"}),
    ("resend", "POST", "/invitation/resend", None),
    ("revoke", "POST", "/invitation/revoke", None),
    ("invite_again", "POST", "/invitation", None),
    ("transfer_token", "POST", "/transfer-token", None),
    ("revoke_transfer_token", "DELETE", "/transfer-token", None),
    ("transfer", "POST", "transfer", None),
    ("order_licenses", "POST", "/subscription/license-orders", lambda c: order(c["licenses"])),
    ("order_licenses", "POST", "/subscription/license-orders/preview", lambda c: order(c["licenses"])),
    ("change_plan", "POST", "/subscription/plan", lambda c: {"plan": "enterprise", "billing_cycle": "flexible"}),
    ("change_plan", "POST", "/subscription/plan/preview", lambda c: {"plan": "enterprise", "billing_cycle": "flexible"}),
    ("cancel_now", "POST", "/subscription/cancel", lambda c: {"when": "now"}),
    ("cancel_at_end", "POST", "/subscription/cancel", lambda c: {"when": "end_of_term"}),
    ("reactivate", "POST", "/subscription/reactivate", None),
    ("start_paid", "POST", "/subscription/start-paid", lambda c: {"plan": "basic", "billing_cycle": "flexible",
                                                                   "licenses": 7}),
    ("start_paid", "POST", "/subscription/start-paid/preview", lambda c: {"plan": "basic", "billing_cycle": "flexible",
                                                                           "licenses": 7}),
    ("suspend", "POST", "/subscription/suspend", lambda c: {"reason": "non_payment"}),
    ("suspend", "POST", "/subscription/suspend/preview", lambda c: {"reason": "customer_request"}),
    ("resume", "POST", "/subscription/resume", None),
    ("resume", "POST", "/subscription/resume/preview", None),
    ("renewal", "PUT", "/subscription/renewal", lambda c: {"action": "renew_with_count", "licenses": 8}),
    ("seat_cap", "PATCH", "/subscription", lambda c: {"max_licenses": 500}),
]
# Actions whose allowed case needs an annual plan (renewal settings are for annual plans only).
ANNUAL = {"renewal"}


class LifecycleTable(ServerTestCase):
    settings = {"session_hours": 24 * 3650}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        from support import request
        cls.token = request(cls.port, "POST", "/api/v1/auth/demo", {"email": "table@example.com"}).json["token"]
        cls.receiver = request(cls.port, "POST", "/api/v1/auth/demo", {"email": "receiver@example.com"}).json["token"]

    def path(self, customer_id, suffix=""):
        return f"/api/v1/customers/{customer_id}{suffix}"

    def reach(self, state, annual=False, token=False):
        """(customer id, live transfer token or None): a new customer brought into `state` by the
        API's own actions. With `token`, a transfer token is made while the customer runs and kept
        through the way to the state (cancelled, then invited again for the states before a trial)."""
        n = next(COUNTER)
        customer = self.invite(self.token, 1000 + n)
        cid, transfer = customer["id"], None
        if state in ("invited", "expired", "revoked", "declined") and not token:
            return self.reach_invited(cid, customer, state), None
        self.accept(customer)
        if token or state != "trial":
            plan = ("professional", "annual_yearly") if annual else FLEX
            self.ok("POST", self.path(cid, "/subscription/license-orders"), {"licenses": 10}, self.token, status=201)
            if annual:
                self.ok("POST", self.path(cid, "/subscription/plan"), {"plan": plan[0], "billing_cycle": plan[1]},
                        self.token)
        if token:
            transfer = self.ok("POST", self.path(cid, "/transfer-token"), token=self.token, status=201)["token"]
            if state not in LIVE or state == "trial":
                self.ok("POST", self.path(cid, "/subscription/cancel"), {"when": "now"}, self.token)
                if state not in ("cancelled",):
                    again = self.ok("POST", self.path(cid, "/invitation"), token=self.token)
                    if state == "trial":
                        self.accept(again)
                    else:
                        self.reach_invited(cid, again, state)
        if state == "pending_cancel":
            self.ok("POST", self.path(cid, "/subscription/cancel"), {"when": "end_of_term"}, self.token)
        elif state == "suspended":
            self.ok("POST", self.path(cid, "/subscription/suspend"), {"reason": "customer_request"}, self.token)
        elif state == "cancelled" and not token:
            self.ok("POST", self.path(cid, "/subscription/cancel"), {"when": "now"}, self.token)
        return cid, transfer

    def reach_invited(self, cid, customer, state):
        if state == "expired":  # the link's last day passed (moving the shared clock would move every customer)
            sql(self.db_path, "UPDATE invitations SET expires_at = '2026-01-01T00:00:00Z' WHERE customer_id = ?", (cid,))
        elif state == "revoked":
            self.ok("POST", self.path(cid, "/invitation/revoke"), token=self.token)
        elif state == "declined":
            link = customer["invitation"]["url"].rsplit("/", 1)[1]
            self.ok("POST", f"/api/v1/invitations/{link}/decline", DEMO_ANSWER)
        return cid

    def state_of(self, cid):
        customer = self.ok("GET", self.path(cid), token=self.token)
        return customer, (customer["subscription"] or {}).get("licenses", 0)

    def test_every_state_and_every_action(self):
        tried = {action: set() for action in TABLE}
        for state in STATES:
            for action, method, suffix, body in ENDPOINTS:
                with self.subTest(state=state, action=action, endpoint=f"{method} {suffix}"):
                    cid, transfer = self.reach(state, annual=action in ANNUAL, token=action == "transfer")
                    customer, licenses = self.state_of(cid)
                    if action == "revoke_transfer_token" and state in TABLE[action][0]:
                        self.ok("POST", self.path(cid, "/transfer-token"), token=self.token, status=201)
                    payload = body({"licenses": licenses}) if body else None
                    before = fingerprint(self.db_path)
                    if suffix == "transfer":
                        reply = self.call("POST", "/api/v1/customers/transfer", {"token": transfer}, self.receiver)
                    else:
                        reply = self.call(method, self.path(cid, suffix), payload, self.token)
                    tried[action].add(state)
                    if state in TABLE[action][0]:
                        self.assertIn(reply.status, (200, 201, 204), reply)
                    else:
                        code = "subscription_cancelled" if state == "cancelled" and suffix.startswith(
                            "/subscription") else "conflict"
                        error = self.assertError(reply, 409, code)
                        self.assertEqual(error["state"], state)
                        self.assertEqual(error["allowed_states"], list(TABLE[action][0]))
                        self.assertIn("Nothing was changed", error["message"])
                        self.assertEqual(fingerprint(self.db_path), before, "a refused action changed data")
        # Every action of the table was tried in every state: a new action needs its endpoint above.
        self.assertEqual(tried, {action: set(STATES) for action in TABLE})

    def test_the_states_are_what_the_api_shows(self):
        """Each recipe above really reaches its state: the customer's and the subscription's status."""
        shown = {}
        for state in STATES:
            customer, _ = self.state_of(self.reach(state)[0])
            sub = customer["subscription"]
            expired = customer["invitation"] and customer["invitation"]["status"] == "expired"
            shown[state] = (customer["status"], sub["status"] if sub else ("expired" if expired else None))
        self.assertEqual(shown, {
            "invited": ("invited", None), "expired": ("invited", "expired"), "revoked": ("revoked", None),
            "declined": ("declined", None), "trial": ("active", "trial"), "active": ("active", "active"),
            "pending_cancel": ("active", "pending_cancel"), "suspended": ("suspended", "suspended"),
            "cancelled": ("cancelled", "cancelled")})

    def test_the_table_says_what_the_issue_says(self):
        allowed = {action: set(states) for action, (states, _) in TABLE.items()}
        self.assertEqual(allowed["suspend"], {"active"})
        self.assertEqual(allowed["resume"], {"suspended"})
        self.assertEqual(allowed["start_paid"], {"trial"})
        self.assertEqual(allowed["invite_again"], {"revoked", "declined", "expired", "cancelled"})
        self.assertEqual(allowed["edit_domain"], {"invited", "expired"})
        self.assertEqual(allowed["edit"], set(STATES))
        self.assertEqual(allowed["transfer"], set(LIVE))


if __name__ == "__main__":
    unittest.main()
