"""Subscriptions: license orders (preview, proration, trial conversion, rules), plan
changes, cancel and reactivate, and what happens by itself as time passes."""
import unittest

from support import T0, ClockedCase, fingerprint, sql

class SubscriptionCase(ClockedCase):
    account = "subs"


class LicenseOrders(SubscriptionCase):
    def test_ordering_on_a_trial_converts_it_to_paid_flexible(self):
        customer = self.active_customer(self.token, self.n)
        preview = self.ok("POST", f"{self.base(customer)}/license-orders/preview", {"licenses": 10}, self.token)
        self.assertTrue(preview["converts_trial"])
        self.assertEqual(preview["prorated_amount"]["amount"], 1030)
        result = self.ok("POST", f"{self.base(customer)}/license-orders", {"licenses": 10}, self.token, status=201)
        sub = result["subscription"]
        self.assertEqual((sub["status"], sub["licenses"], sub["term_start"], sub["term_end"], sub["renews_at"]),
                         ("active", 10, "2026-11-26", "2026-12-25", "2026-12-26"))
        self.assertEqual(sub["recurring_amount"]["amount"], 1030)
        self.assertEqual(sub["monthly_value"]["amount"], 1030)
        self.assertEqual(result["invoice"]["total"]["amount"], 1030)
        self.assertEqual(result["order"]["licenses_before"], 5)
        self.assertEqual(self.ok("GET", f"/api/v1/customers/{customer['id']}", token=self.token)["subscription"], sub)

    def test_preview_prorates_to_the_end_of_the_period_and_changes_nothing(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        self.clock.advance(days=10)  # 2026-12-06: 20 of 30 days left
        before = fingerprint(self.db_path)
        preview = self.ok("POST", f"{self.base(customer)}/license-orders/preview", {"licenses": 15}, self.token)
        self.assertEqual(fingerprint(self.db_path), before)
        self.assertEqual(preview["proration"], {"from": "2026-12-06", "to": "2026-12-25", "days": 20, "period_days": 30})
        self.assertEqual(preview["prorated_amount"], {"amount": 5 * 69, "currency": "USD"})  # 103 * 20/30 = 68.67
        self.assertEqual(preview["recurring_amount"]["amount"], 15 * 103)
        result = self.ok("POST", f"{self.base(customer)}/license-orders", {"licenses": 15}, self.token, status=201)
        self.assertEqual(result["invoice"]["total"], preview["prorated_amount"])
        self.assertEqual(result["invoice"]["lines"][0]["quantity"], 5)
        self.assertEqual(result["subscription"]["recurring_amount"], preview["recurring_amount"])

    def test_flexible_can_go_down_without_an_invoice(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        count = len(self.invoices(customer))
        result = self.ok("POST", f"{self.base(customer)}/license-orders", {"licenses": 3}, self.token, status=201)
        self.assertIsNone(result["invoice"])
        self.assertEqual(result["subscription"]["licenses"], 3)
        # The rest of the period is credited for the 7 licenses removed (test_credit_notes.py).
        self.assertEqual(result["credit_note"]["lines"][0]["quantity"], 7)
        self.assertEqual(len(self.invoices(customer)), count + 1)

    def test_annual_cannot_go_down_mid_term_and_says_when_it_can(self):
        customer = self.active_customer(self.token, self.n, licenses=10, plan="professional", cycle="annual_yearly")
        before = fingerprint(self.db_path)
        error = self.assertError(self.call("POST", f"{self.base(customer)}/license-orders", {"licenses": 9}, self.token),
                                 422, "validation_failed")
        self.assertIn("2027-11-26", error["message"])
        self.assertIn("2027-11-26", error["fields"]["licenses"])
        self.assertEqual(fingerprint(self.db_path), before)
        up = self.ok("POST", f"{self.base(customer)}/license-orders", {"licenses": 12}, self.token, status=201)
        self.assertEqual(up["invoice"]["total"]["amount"], 2 * 960)  # full year left

    def test_license_limits_and_types(self):
        customer = self.active_customer(self.token, self.n)
        before = fingerprint(self.db_path)
        for body in [{"licenses": 0}, {"licenses": 50_001}, {"licenses": "10"}, {"licenses": 2.5},
                     {"licenses": True}, {}, {"licenses": 10, "extra": 1}]:
            for path in ["license-orders", "license-orders/preview"]:
                error = self.assertError(self.call("POST", f"{self.base(customer)}/{path}", body, self.token),
                                         422, "validation_failed")
                self.assertTrue(error["fields"])
        self.assertEqual(fingerprint(self.db_path), before)
        self.ok("POST", f"{self.base(customer)}/license-orders", {"licenses": 50_000}, self.token, status=201)

    def test_same_count_is_422(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        self.assertError(self.call("POST", f"{self.base(customer)}/license-orders", {"licenses": 10}, self.token),
                         422, "validation_failed")

    def test_nothing_on_a_cancelled_subscription(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        self.ok("POST", f"{self.base(customer)}/cancel", {"when": "now"}, self.token)
        before = fingerprint(self.db_path)
        for path, body in [("license-orders", {"licenses": 12}), ("license-orders/preview", {"licenses": 12}),
                           ("plan", {"plan": "enterprise", "billing_cycle": "flexible"}),
                           ("cancel", {"when": "now"}), ("reactivate", None)]:
            self.assertError(self.call("POST", f"{self.base(customer)}/{path}", body, self.token),
                             409, "subscription_cancelled")
        self.assertEqual(fingerprint(self.db_path), before)

    def test_invited_customer_has_no_subscription(self):
        customer = self.invite(self.token, self.n)
        self.assertError(self.call("GET", self.base(customer), token=self.token), 404, "not_found")
        # Nothing to order on yet: the lifecycle table refuses it in the state "invited" (409).
        error = self.assertError(self.call("POST", f"{self.base(customer)}/license-orders", {"licenses": 3},
                                           self.token), 409, "conflict")
        self.assertEqual(error["state"], "invited")


class PlanChanges(SubscriptionCase):
    def change(self, customer, plan, cycle, preview=False):
        path = f"{self.base(customer)}/plan" + ("/preview" if preview else "")
        return self.ok("POST", path, {"plan": plan, "billing_cycle": cycle}, self.token)

    def test_upgrade_is_immediate_and_prorated(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        self.clock.advance(days=15)  # 15 of 30 days left
        preview = self.change(customer, "enterprise", "flexible", preview=True)
        self.assertEqual((preview["effective"], preview["effective_on"]), ("now", "2026-12-11"))
        # (119 - 103) * 15/30 = 8 per license
        self.assertEqual(preview["prorated_amount"]["amount"], 80)
        # The days it pays for: today to the period's last day (the console says "prorated until").
        self.assertEqual(preview["proration"], {"from": "2026-12-11", "to": "2026-12-25", "days": 15, "period_days": 30})
        result = self.change(customer, "enterprise", "flexible")
        self.assertEqual(result["subscription"]["plan"], "enterprise")
        self.assertEqual(result["subscription"]["unit_price"]["amount"], 119)
        self.assertEqual(result["invoice"]["total"]["amount"], 80)

    def test_flexible_downgrade_is_immediate(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        result = self.change(customer, "basic", "flexible")
        self.assertEqual((result["change"]["effective"], result["subscription"]["plan"]), ("now", "basic"))
        self.assertIsNone(result["change"]["proration"])  # nothing charged, nothing prorated
        self.assertIsNone(result["invoice"])
        self.assertEqual(result["subscription"]["unit_price"]["amount"], 80)

    def test_flexible_to_annual_starts_a_new_term(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        result = self.change(customer, "professional", "annual_monthly")
        sub = result["subscription"]
        self.assertEqual((sub["billing_cycle"], sub["term_start"], sub["term_end"]),
                         ("annual_monthly", "2026-11-26", "2027-11-25"))
        self.assertEqual(sub["unit_price"]["amount"], 80)      # 12.00 / 12 less 20%
        self.assertEqual(result["invoice"]["total"]["amount"], 800)

    def test_annual_downgrade_is_scheduled_for_renewal(self):
        customer = self.active_customer(self.token, self.n, licenses=10, plan="enterprise", cycle="annual_yearly")
        preview = self.change(customer, "basic", "annual_yearly", preview=True)
        self.assertEqual((preview["effective"], preview["effective_on"]), ("renewal", "2027-11-26"))
        self.assertIsNone(preview["proration"])
        result = self.change(customer, "basic", "annual_yearly")
        sub = result["subscription"]
        self.assertEqual(sub["plan"], "enterprise")
        self.assertEqual(sub["scheduled_change"], {"plan": "basic", "billing_cycle": "annual_yearly",
                                                   "effective_on": "2027-11-26"})
        self.assertIsNone(result["invoice"])
        # at renewal the new plan applies and the renewal is invoiced at its price
        self.clock.set(T0.replace(year=2027, day=27))
        sub = self.sub(customer)
        self.assertEqual((sub["plan"], sub["term_start"], sub["scheduled_change"]), ("basic", "2027-11-26", None))
        latest = self.invoices(customer)[0]
        self.assertEqual(latest["total"]["amount"], 10 * 758)  # 9.48 less 20%
        self.assertEqual(latest["issued_at"], "2027-11-26T00:00:00Z")

    def test_annual_upgrade_is_immediate(self):
        customer = self.active_customer(self.token, self.n, licenses=10, plan="basic", cycle="annual_yearly")
        result = self.change(customer, "professional", "annual_yearly")
        self.assertEqual(result["change"]["effective"], "now")
        self.assertEqual(result["invoice"]["total"]["amount"], 10 * (960 - 758))

    def test_bad_plan_input(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        before = fingerprint(self.db_path)
        for body in [{"plan": "gold", "billing_cycle": "flexible"}, {"plan": "basic", "billing_cycle": "weekly"},
                     {"plan": "basic"}, {"plan": 3, "billing_cycle": "flexible"},
                     {"plan": "professional", "billing_cycle": "flexible"}]:
            self.assertError(self.call("POST", f"{self.base(customer)}/plan", body, self.token), 422, "validation_failed")
        self.assertEqual(fingerprint(self.db_path), before)


class CancelAndTime(SubscriptionCase):
    def test_cancel_now(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        sub = self.ok("POST", f"{self.base(customer)}/cancel", {"when": "now", "reason": "Too expensive"}, self.token)
        self.assertEqual((sub["status"], sub["renews_at"], sub["auto_renew"], sub["cancel_reason"]),
                         ("cancelled", None, False, "Too expensive"))
        self.assertEqual(self.ok("GET", f"/api/v1/customers/{customer['id']}", token=self.token)["status"], "cancelled")
        # the domain is free again
        self.invite(self.token, 10_000 + self.n, google_domain=customer["google_domain"])

    def test_cancel_at_end_of_term_then_reactivate(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        sub = self.ok("POST", f"{self.base(customer)}/cancel", {"when": "end_of_term"}, self.token)
        self.assertEqual((sub["status"], sub["renews_at"]), ("pending_cancel", None))
        self.assertError(self.call("POST", f"{self.base(customer)}/cancel", {"when": "end_of_term"}, self.token),
                         409, "conflict")
        sub = self.ok("POST", f"{self.base(customer)}/reactivate", token=self.token)
        self.assertEqual((sub["status"], sub["renews_at"]), ("active", "2026-12-26"))
        self.assertError(self.call("POST", f"{self.base(customer)}/reactivate", token=self.token), 409, "conflict")

    def test_pending_cancel_ends_with_the_term(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        self.ok("POST", f"{self.base(customer)}/cancel", {"when": "end_of_term"}, self.token)
        count = len(self.invoices(customer))
        self.clock.set(T0.replace(month=12, day=26))
        self.assertEqual(self.sub(customer)["status"], "cancelled")
        self.assertEqual(self.ok("GET", f"/api/v1/customers/{customer['id']}", token=self.token)["status"], "cancelled")
        self.assertEqual(len(self.invoices(customer)), count)
        self.assertError(self.call("POST", f"{self.base(customer)}/reactivate", token=self.token),
                         409, "subscription_cancelled")

    def test_bad_cancel_input(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        for body in [{}, {"when": "tomorrow"}, {"when": "now", "reason": 5}, {"when": "now", "reason": "x" * 501}]:
            self.assertError(self.call("POST", f"{self.base(customer)}/cancel", body, self.token), 422, "validation_failed")

    def test_renewals_invoice_automatically_and_numbers_are_sequential(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        self.clock.set(T0.replace(year=2027, month=3, day=1))
        items = self.invoices(customer)
        self.assertEqual([i["issued_at"][:10] for i in items],
                         ["2027-02-26", "2027-01-26", "2026-12-26", "2026-11-26"])
        numbers = [int(i["number"].split("-")[1]) for i in reversed(items)]
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 4)))
        self.assertEqual(self.sub(customer)["term_start"], "2027-02-26")
        actions = [a["action"] for a in self.ok("GET", f"/api/v1/activity?customer_id={customer['id']}",
                                                 token=self.token)["items"]]
        self.assertEqual(actions.count("subscription.renewed"), 3)

    def test_annual_monthly_bills_every_month_of_the_term(self):
        customer = self.active_customer(self.token, self.n, licenses=10, plan="professional", cycle="annual_monthly")
        self.clock.set(T0.replace(year=2027, month=2, day=1))
        items = self.invoices(customer)
        monthly = [i for i in items if i["total"]["amount"] == 800]
        self.assertEqual([i["issued_at"][:10] for i in monthly], ["2027-01-26", "2026-12-26", "2026-11-26"])
        self.assertEqual(self.sub(customer)["term_end"], "2027-11-25")

    def test_a_trial_left_alone_converts_at_its_end(self):
        customer = self.active_customer(self.token, self.n)
        self.clock.set(T0.replace(month=12, day=27))
        sub = self.sub(customer)
        self.assertEqual((sub["status"], sub["term_start"], sub["licenses"]), ("active", "2026-12-26", 5))
        self.assertEqual(self.invoices(customer)[0]["total"]["amount"], 515)

    def test_a_read_writes_only_what_fell_due_and_only_once(self):
        # The request pipeline brings the reseller's billing up to date before every signed-in
        # request, a GET included (README: when a read writes); with nothing due it writes nothing.
        customer = self.active_customer(self.token, self.n, licenses=10)  # flexible: next bill 2026-12-26
        self.ok("GET", "/api/v1/me", token=self.token)
        quiet = fingerprint(self.db_path)
        self.ok("GET", "/api/v1/me", token=self.token)
        self.assertEqual(fingerprint(self.db_path), quiet)
        self.clock.set(T0.replace(month=12, day=28))
        self.ok("GET", "/api/v1/me", token=self.token)  # reads no invoice, yet the bill is written now
        billed = fingerprint(self.db_path)
        self.assertNotEqual(billed, quiet)
        issued = [row[0] for row in sql(self.db_path, "SELECT issued_at FROM invoices WHERE customer_id = ? ORDER BY id",
                                        (customer["id"],))]
        self.assertEqual(issued[-1], "2026-12-26T00:00:00Z")  # dated the day it fell due, not the day it ran
        self.ok("GET", "/api/v1/me", token=self.token)
        self.assertEqual(fingerprint(self.db_path), billed)


if __name__ == "__main__":
    unittest.main()
