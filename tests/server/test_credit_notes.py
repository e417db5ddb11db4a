"""Credit notes (Rechnungskorrektur): where the console lowers an amount already invoiced — fewer
licenses or a downgrade on a flexible plan, cancelling a flexible plan now — a credit note with
the next number of the same sequence corrects the period's invoice; nothing else credits."""
import datetime as dt
import unittest

from billing_support import GERMAN_PROFILE, customer_body
from support import T0, ServerTestCase


class CreditNotes(ServerTestCase):
    settings = {"session_hours": 24 * 3650}

    def setUp(self):
        self.clock.set(T0)
        self.token = self.sign_in(f"credit.{self._testMethodName}@example.com")
        self.ok("PUT", "/api/v1/billing-profile", GERMAN_PROFILE, self.token)

    def paid_customer(self, n, licenses=10, case="german"):
        customer = self.ok("POST", "/api/v1/customers", customer_body(case, n), self.token, status=201)
        self.accept(customer)
        order = self.ok("POST", f"/api/v1/customers/{customer['id']}/subscription/license-orders",
                        {"licenses": licenses}, self.token, status=201)
        return customer["id"], order["invoice"]

    def test_fewer_licenses_are_credited_for_the_rest_of_the_period(self):
        customer_id, invoice = self.paid_customer(1)
        self.clock.set(T0 + dt.timedelta(days=10))
        base = f"/api/v1/customers/{customer_id}/subscription/license-orders"
        preview = self.ok("POST", f"{base}/preview", {"licenses": 6}, self.token)
        order = self.ok("POST", base, {"licenses": 6}, self.token, status=201)
        self.assertIsNone(order["invoice"])
        note = order["credit_note"]
        self.assertEqual(note["kind"], "credit_note")
        self.assertEqual(note["corrects"], {"id": invoice["id"], "number": invoice["number"],
                                            "issued_at": invoice["issued_at"]})
        self.assertEqual(note["number"], f"RE-{T0.year}-000002")  # the same sequence, no gap
        line = note["lines"][0]
        self.assertEqual(line["quantity"], 4)
        per_license = preview["proration"]
        self.assertEqual((per_license["days"], per_license["period_days"]), (20, 30))
        self.assertEqual(note["subtotal"]["amount"], -preview["credit"]["amount"]["amount"])
        self.assertEqual(note["tax"]["amount"], -preview["credit"]["tax"]["amount"])
        self.assertEqual(note["total"]["amount"], -preview["credit"]["total"]["amount"])
        self.assertLess(note["total"]["amount"], 0)
        self.assertEqual(line["period"], {"start": "2026-12-06", "end": "2026-12-25"})
        self.assertIn("4 Lizenzen entfernt", line["description"])
        self.assertEqual(note["status"], "paid")  # settled when issued: never open or overdue
        corrected = self.ok("GET", f"/api/v1/invoices/{invoice['id']}", token=self.token)
        self.assertEqual(corrected["corrected_by"], [{"id": note["id"], "number": note["number"]}])
        listed = self.ok("GET", "/api/v1/invoices", token=self.token)["items"][0]
        self.assertEqual((listed["kind"], listed["corrects"]["number"]), ("credit_note", invoice["number"]))
        board = self.ok("GET", "/api/v1/dashboard", token=self.token)
        self.assertEqual(board["invoices"]["open"]["amount"]["amount"], invoice["total"]["amount"])
        revenue = {m["month"]: m["amount"]["amount"] for m in board["revenue_by_month"]}
        # Revenue nets the credit out in the month it was issued.
        self.assertEqual((revenue["2026-11"], revenue["2026-12"]), (invoice["total"]["amount"], note["total"]["amount"]))

    def test_a_credit_keeps_the_tax_rule_of_the_invoice_it_corrects(self):
        customer_id, invoice = self.paid_customer(2)
        # The customer moves to Austria with a VAT ID: new invoices are reverse charge ...
        self.ok("PATCH", f"/api/v1/customers/{customer_id}", {"billing": customer_body("austrian", 2)["billing"]},
                self.token)
        self.clock.set(T0 + dt.timedelta(days=3))
        note = self.ok("POST", f"/api/v1/customers/{customer_id}/subscription/license-orders", {"licenses": 5},
                       self.token, status=201)["credit_note"]
        # ... but the credit corrects a German invoice, so it reverses its 19 %.
        self.assertEqual(note["tax_rule"], invoice["tax_rule"])
        self.assertLess(note["tax"]["amount"], 0)
        self.assertEqual(note["buyer"]["address"]["country"], "AT")  # the parties as they are now

    def test_cancelling_a_flexible_plan_now_credits_the_unused_days(self):
        customer_id, invoice = self.paid_customer(3, licenses=8)
        self.clock.set(T0 + dt.timedelta(days=15))
        self.ok("POST", f"/api/v1/customers/{customer_id}/subscription/cancel", {"when": "now"}, self.token)
        items = self.ok("GET", f"/api/v1/invoices?customer_id={customer_id}", token=self.token)["items"]
        note = self.ok("GET", f"/api/v1/invoices/{items[0]['id']}", token=self.token)
        self.assertEqual(note["kind"], "credit_note")
        self.assertEqual(note["lines"][0]["quantity"], 8)
        self.assertEqual(note["corrects"]["id"], invoice["id"])
        self.assertLess(-note["subtotal"]["amount"], invoice["subtotal"]["amount"])

    def test_a_flexible_downgrade_credits_the_difference(self):
        customer_id, _ = self.paid_customer(4)
        base = f"/api/v1/customers/{customer_id}/subscription/plan"
        self.ok("POST", base, {"plan": "enterprise", "billing_cycle": "flexible"}, self.token)  # an upgrade invoice
        self.clock.set(T0 + dt.timedelta(days=5))
        preview = self.ok("POST", f"{base}/preview", {"plan": "basic", "billing_cycle": "flexible"}, self.token)
        self.assertGreater(preview["credit"]["amount"]["amount"], 0)
        change = self.ok("POST", base, {"plan": "basic", "billing_cycle": "flexible"}, self.token)
        self.assertIsNone(change["invoice"])
        self.assertEqual(change["credit_note"]["subtotal"]["amount"], -preview["credit"]["amount"]["amount"])

    def test_nothing_is_credited_where_nothing_was_invoiced_or_the_term_is_committed(self):
        trial = self.ok("POST", "/api/v1/customers", customer_body("german", 5), self.token, status=201)
        self.accept(trial)
        self.ok("POST", f"/api/v1/customers/{trial['id']}/subscription/cancel", {"when": "now"}, self.token)
        annual, _ = self.paid_customer(6)
        self.ok("POST", f"/api/v1/customers/{annual}/subscription/plan",
                {"plan": "professional", "billing_cycle": "annual_yearly"}, self.token)
        self.clock.set(T0 + dt.timedelta(days=40))
        self.ok("POST", f"/api/v1/customers/{annual}/subscription/cancel", {"when": "now"}, self.token)
        kinds = [i["kind"] for i in self.ok("GET", "/api/v1/invoices?limit=200", token=self.token)["items"]]
        self.assertNotIn("credit_note", kinds)
        more, _ = self.paid_customer(7, licenses=3)
        self.clock.set(T0 + dt.timedelta(days=41))
        order = self.ok("POST", f"/api/v1/customers/{more}/subscription/license-orders", {"licenses": 5}, self.token,
                        status=201)
        self.assertIsNone(order["credit_note"])  # more licenses: an invoice, no credit


if __name__ == "__main__":
    unittest.main()
