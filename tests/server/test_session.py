"""The scripted session of issue 3's "Done when", against a real `serve.py` process on a
fresh database: two resellers, invite, accept through the link, preview, order and retry,
invoice, PDF and CSV, upgrade, cancel at the end of the term and reactivate, list, search
and page, activity."""
import csv
import io
import os
import tempfile
import unittest

from support import request
from test_cli import ServeProcess


class ScriptedSession(unittest.TestCase):
    def test_end_to_end(self):
        with tempfile.TemporaryDirectory() as tmp:
            server = ServeProcess("--db", os.path.join(tmp, "session.db"), "--static", os.path.join(tmp, "none"))
            try:
                self.run_session(server.port)
            finally:
                code, _, err = server.stop()
            self.assertEqual(code, 0, err)

    def run_session(self, port):
        def call(method, path, body=None, token=None, expect=200, **kw):
            reply = request(port, method, path, body, token, **kw)
            self.assertEqual(reply.status, expect, (method, path, reply))
            return reply

        demo = call("POST", "/api/v1/auth/demo", {"email": "demo@reseller.example"}).json
        self.assertEqual(demo["reseller"]["name"], "Northwind Cloud Partners")
        me, other = demo["token"], call("POST", "/api/v1/auth/demo", {"email": "second@reseller.example"}).json["token"]
        seeded = call("GET", "/api/v1/customers", token=me).json["total"]

        customer = call("POST", "/api/v1/customers", {"name": "Jürgen Weiß", "email": "jw@weiss-session.de",
                                                      "google_domain": "weiss-session.de",
                                                      "organization": "Weiß Session GmbH"}, me, expect=201).json
        self.assertEqual(call("GET", "/api/v1/customers", token=other).json["total"], 0)
        call("GET", f"/api/v1/customers/{customer['id']}", token=other, expect=404)

        link = customer["invitation"]["url"]
        self.assertTrue(link.startswith(f"http://127.0.0.1:{port}/invite/"))
        path = link.split(str(port), 1)[1]
        self.assertIn(b"Accept (demo, without Google sign-in)", call("GET", path).body)
        call("POST", f"/api/v1/invitations/{path.rsplit('/', 1)[1]}/accept", {"demo": True})

        base = f"/api/v1/customers/{customer['id']}/subscription"
        preview = call("POST", f"{base}/license-orders/preview", {"licenses": 20}, me).json
        key = {"Idempotency-Key": "session-order-1"}
        order = call("POST", f"{base}/license-orders", {"licenses": 20}, me, expect=201, headers=key).json
        retry = call("POST", f"{base}/license-orders", {"licenses": 20}, me, expect=201, headers=key).json
        self.assertEqual(order, retry)
        self.assertEqual(order["invoice"]["subtotal"], preview["prorated_amount"])
        self.assertEqual(order["invoice"]["total"], preview["tax"]["total"])  # the demo reseller charges German VAT
        invoices = call("GET", f"/api/v1/invoices?customer_id={customer['id']}", token=me).json
        self.assertEqual(invoices["total"], 1)

        invoice = call("GET", f"/api/v1/invoices/{order['invoice']['id']}", token=me).json
        pdf = call("GET", f"/api/v1/invoices/{invoice['id']}/pdf", token=me)
        self.assertTrue(pdf.body.startswith(b"%PDF"))
        call("GET", f"/api/v1/invoices/{invoice['id']}/pdf", token=other, expect=404)
        rows = list(csv.DictReader(io.StringIO(call("GET", f"/api/v1/invoices/export.csv?customer_id={customer['id']}",
                                                    token=me).body.decode())))
        self.assertEqual([r["number"] for r in rows], [invoice["number"]])

        upgrade = call("POST", f"{base}/plan", {"plan": "enterprise", "billing_cycle": "flexible"}, me).json
        self.assertEqual(upgrade["subscription"]["plan"], "enterprise")
        pending = call("POST", f"{base}/cancel", {"when": "end_of_term", "reason": "testing"}, me).json
        self.assertEqual(pending["status"], "pending_cancel")
        self.assertEqual(call("POST", f"{base}/reactivate", token=me).json["status"], "active")

        page = call("GET", "/api/v1/customers?limit=10&sort=-licenses", token=me).json
        self.assertEqual(page["total"], seeded + 1)
        second = call("GET", f"/api/v1/customers?limit=10&sort=-licenses&cursor={page['next_cursor']}", token=me).json
        self.assertFalse({c["id"] for c in page["items"]} & {c["id"] for c in second["items"]})
        found = call("GET", "/api/v1/customers?q=weiss", token=me).json["items"]
        self.assertIn(customer["id"], [c["id"] for c in found])

        actions = [a["action"] for a in call("GET", f"/api/v1/activity?customer_id={customer['id']}",
                                             token=me).json["items"]]
        self.assertEqual(actions, ["subscription.reactivated", "subscription.cancelled", "subscription.plan_changed",
                                   "subscription.licenses_ordered", "invitation.accepted", "customer.invited"])
        call("POST", "/api/v1/auth/logout", token=me, expect=204)
        call("GET", "/api/v1/me", token=me, expect=401)


if __name__ == "__main__":
    unittest.main()
