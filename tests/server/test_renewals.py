"""Renewal settings of annual plans and the seat cap of flexible ones (issue 23), with the fake
clock across the term's end: renew with the count then, with a count chosen now, switch to
flexible at renewal, cancel at the end; no order above the cap (422 naming it)."""
import unittest

from support import T0, ClockedCase, fingerprint, sql

class Case(ClockedCase):
    account = "renewal"

    def renewal(self, customer, body, status=200):
        return self.ok("PUT", f"{self.base(customer)}/renewal", body, self.token, status=status)

    def annual(self, licenses=10, cycle="annual_yearly", n=0):
        # Paid flexible from 2026-11-26, then an annual term 2026-11-26 .. 2027-11-25.
        return self.active_customer(self.token, self.n + n, licenses=licenses, plan="professional", cycle=cycle)

    def past_the_term(self):
        self.clock.set(T0.replace(year=2027, month=11, day=28))


class RenewalSettings(Case):
    def test_auto_renew_keeps_the_count_it_has_then(self):
        customer = self.annual()
        renewal = self.sub(customer)["renewal"]
        self.assertEqual((renewal["action"], renewal["on"], renewal["licenses"], renewal["recurring_amount"]["amount"]),
                         ("auto_renew", "2027-11-26", 10, 9600))
        self.ok("POST", f"{self.base(customer)}/license-orders", {"licenses": 12}, self.token, status=201)
        self.past_the_term()
        sub = self.sub(customer)
        self.assertEqual((sub["term_start"], sub["licenses"], sub["billing_cycle"]), ("2027-11-26", 12, "annual_yearly"))

    def test_a_euro_accounts_renewal_is_priced_from_the_euro_list(self):
        # It was priced from the dollar list with the euro as its currency (1,03 € for 0,95 €).
        me = self.ok("GET", "/api/v1/me", token=self.token)
        sql(self.db_path, "UPDATE resellers SET currency = 'EUR' WHERE id = ?", (me["reseller"]["id"],))
        customer = self.annual()
        sub = self.sub(customer)
        self.assertEqual(sub["unit_price"], {"amount": 912, "currency": "EUR"})  # 1140 € a year, less 20 %
        renewal = self.renewal(customer, {"action": "renew_with_count", "licenses": 6})["renewal"]
        self.assertEqual((renewal["unit_price"], renewal["recurring_amount"]),
                         ({"amount": 912, "currency": "EUR"}, {"amount": 6 * 912, "currency": "EUR"}))

    def test_renew_with_a_count_chosen_now(self):
        customer = self.annual()
        sub = self.renewal(customer, {"action": "renew_with_count", "licenses": 6})
        self.assertEqual(sub["licenses"], 10)  # nothing changes before the renewal
        self.assertEqual((sub["renewal"]["action"], sub["renewal"]["licenses"], sub["renewal"]["recurring_amount"]),
                         ("renew_with_count", 6, {"amount": 6 * 960, "currency": "USD"}))
        history = self.ok("GET", f"/api/v1/activity?customer_id={customer['id']}", token=self.token)["items"][0]
        self.assertEqual(history["action"], "subscription.renewal_changed")
        self.assertIn("renew with 6 licenses", history["summary"])
        again = fingerprint(self.db_path)
        self.renewal(customer, {"action": "renew_with_count", "licenses": 6})  # the same again: nothing to record
        self.assertEqual(fingerprint(self.db_path), again)
        self.past_the_term()
        sub = self.sub(customer)
        self.assertEqual((sub["licenses"], sub["term_start"], sub["renewal"]["action"]), (6, "2027-11-26", "auto_renew"))
        invoice = self.ok("GET", f"/api/v1/invoices?customer_id={customer['id']}", token=self.token)["items"][0]
        self.assertEqual((invoice["issued_at"][:10], invoice["subtotal"]["amount"]), ("2027-11-26", 6 * 960))

    def test_switch_to_flexible_at_renewal(self):
        customer = self.annual(cycle="annual_monthly")
        sub = self.renewal(customer, {"action": "switch_to_flexible"})
        self.assertEqual((sub["renewal"]["billing_cycle"], sub["renewal"]["unit_price"]["amount"]), ("flexible", 103))
        self.assertEqual(sub["scheduled_change"]["billing_cycle"], "flexible")
        self.past_the_term()
        sub = self.sub(customer)
        self.assertEqual((sub["billing_cycle"], sub["term_start"], sub["term_end"]), ("flexible", "2027-11-26",
                                                                                      "2027-12-25"))
        # Back from a switch: renewal as before.
        other = self.active_customer(self.token, self.n + 900, licenses=4, plan="professional", cycle="annual_yearly")
        self.renewal(other, {"action": "switch_to_flexible"})
        sub = self.renewal(other, {"action": "auto_renew"})
        self.assertEqual((sub["scheduled_change"], sub["renewal"]["billing_cycle"]), (None, "annual_yearly"))

    def test_cancel_at_end_and_back(self):
        customer = self.annual()
        suspended = self.annual(n=1000)
        sub = self.renewal(customer, {"action": "cancel_at_end"})
        self.assertEqual((sub["status"], sub["renewal"]["action"], sub["renewal"]["plan"]),
                         ("pending_cancel", "cancel_at_end", None))
        sub = self.renewal(customer, {"action": "renew_with_count", "licenses": 3})
        self.assertEqual((sub["status"], sub["renewal"]["licenses"]), ("active", 3))
        self.renewal(customer, {"action": "cancel_at_end"})
        # A suspended annual plan set to cancel stays suspended until then, and ends then.
        self.ok("POST", f"{self.base(suspended)}/suspend", {"reason": "customer_request"}, self.token)
        sub = self.renewal(suspended, {"action": "cancel_at_end"})
        self.assertEqual((sub["status"], sub["renewal"]["action"]), ("suspended", "cancel_at_end"))
        self.past_the_term()
        self.assertEqual(self.sub(customer)["status"], "cancelled")
        self.assertEqual(self.sub(suspended)["status"], "cancelled")

    def test_flexible_plans_and_bad_input(self):
        flexible = self.active_customer(self.token, self.n, licenses=10)
        annual = self.annual(n=1000)
        before = fingerprint(self.db_path)
        error = self.assertError(self.call("PUT", f"{self.base(flexible)}/renewal", {"action": "auto_renew"},
                                           self.token), 409, "conflict")
        self.assertIn("annual plans", error["message"])
        for body in [{}, {"action": "renew"}, {"action": "renew_with_count"},
                     {"action": "renew_with_count", "licenses": 0}, {"action": "auto_renew", "licenses": 5},
                     {"action": "renew_with_count", "licenses": 50_001}, {"action": "cancel_at_end", "extra": True}]:
            with self.subTest(body=body):
                self.assertError(self.call("PUT", f"{self.base(annual)}/renewal", body, self.token), 422,
                                 "validation_failed")
        self.assertEqual(fingerprint(self.db_path), before)


class SeatCap(Case):
    def test_orders_stop_at_the_cap(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        sub = self.ok("PATCH", self.base(customer), {"max_licenses": 15}, self.token)
        self.assertEqual(sub["max_licenses"], 15)
        before = fingerprint(self.db_path)
        for path in ("license-orders", "license-orders/preview"):
            error = self.assertError(self.call("POST", f"{self.base(customer)}/{path}", {"licenses": 16}, self.token),
                                     422, "validation_failed")
            self.assertIn("15", error["fields"]["licenses"])
            self.assertEqual(error["max_licenses"], 15)
        self.assertEqual(fingerprint(self.db_path), before)
        self.ok("POST", f"{self.base(customer)}/license-orders", {"licenses": 15}, self.token, status=201)
        error = self.assertError(self.call("PATCH", self.base(customer), {"max_licenses": 12}, self.token), 422,
                                 "validation_failed")
        self.assertIn("15 licenses now", error["fields"]["max_licenses"])
        self.assertIsNone(self.ok("PATCH", self.base(customer), {"max_licenses": None}, self.token)["max_licenses"])
        self.ok("POST", f"{self.base(customer)}/license-orders", {"licenses": 40}, self.token, status=201)
        actions = [a["action"] for a in self.ok("GET", f"/api/v1/activity?customer_id={customer['id']}",
                                                 token=self.token)["items"]]
        self.assertEqual(actions[:4], ["subscription.licenses_ordered", "subscription.seat_cap_changed",
                                       "subscription.licenses_ordered", "subscription.seat_cap_changed"])

    def test_a_trial_starting_its_paid_plan_keeps_to_the_cap(self):
        trial = self.active_customer(self.token, self.n)
        self.ok("PATCH", self.base(trial), {"max_licenses": 8}, self.token)
        body = {"plan": "basic", "billing_cycle": "flexible", "licenses": 9}
        self.assertError(self.call("POST", f"{self.base(trial)}/start-paid", body, self.token), 422,
                         "validation_failed")
        # An annual plan has no cap: its count is a commitment (the cap goes with the change).
        sub = self.ok("POST", f"{self.base(trial)}/start-paid", {**body, "billing_cycle": "annual_yearly"},
                      self.token)["subscription"]
        self.assertEqual((sub["billing_cycle"], sub["max_licenses"]), ("annual_yearly", None))
        error = self.assertError(self.call("PATCH", self.base(trial), {"max_licenses": 20}, self.token), 409,
                                 "conflict")
        self.assertIn("flexible plans", error["message"])

    def test_bad_caps(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        for body in [{}, {"max_licenses": 0}, {"max_licenses": "20"}, {"max_licenses": 50_001},
                     {"max_licenses": 20, "extra": 1}, {"max_licenses": True}]:
            with self.subTest(body=body):
                self.assertError(self.call("PATCH", self.base(customer), body, self.token), 422, "validation_failed")


if __name__ == "__main__":
    unittest.main()
