"""Suspend and resume (issue 23), and trials: a suspended flexible plan accrues nothing across its
term's end (the fake clock walks past it), shows as suspended in the list, the filter and the
dashboard, and resumes with the prorated charge its preview showed; an annual commitment is
billed on while suspended and resumes free; starting a trial's paid plan now is priced by its
preview and invoiced; the days left of each trial are on the dashboard."""
import unittest

from support import T0, ClockedCase, fingerprint

class Case(ClockedCase):
    account = "suspend"

    def at(self, year, month, day):
        self.clock.set(T0.replace(year=year, month=month, day=day))


class Suspension(Case):
    def test_a_suspended_flexible_plan_accrues_nothing_across_its_term_end(self):
        customer = self.active_customer(self.token, self.n, licenses=10)   # paid 2026-11-26 .. 2026-12-25
        preview = self.ok("POST", f"{self.base(customer)}/suspend/preview", {"reason": "non_payment"}, self.token)
        self.assertEqual((preview["accrues_while_suspended"], preview["paid_through"]), (False, "2026-12-25"))
        self.assertEqual(preview["monthly_value_suspended"]["amount"], 0)
        result = self.ok("POST", f"{self.base(customer)}/suspend", {"reason": "non_payment",
                                                                     "note": "Two invoices unpaid."}, self.token)
        sub = result["subscription"]
        self.assertEqual((sub["status"], sub["suspension"]["reason"], sub["monthly_value"]["amount"], sub["renewal"],
                          sub["renews_at"]), ("suspended", "non_payment", 0, None, None))
        self.assertEqual(sub["licenses"], 10)  # keeps its licenses
        detail = self.ok("GET", f"/api/v1/customers/{customer['id']}", token=self.token)
        self.assertEqual(detail["status"], "suspended")
        self.assertIn(customer["id"], [c["id"] for c in self.ok("GET", "/api/v1/customers?status=suspended",
                                                                 token=self.token)["items"]])
        board = self.ok("GET", "/api/v1/dashboard", token=self.token)
        self.assertEqual(board["customers_by_status"]["suspended"], 1)
        self.assertEqual(board["licenses_total"], 10)
        self.assertEqual(board["monthly_recurring_revenue"]["amount"], 0)
        count = len(self.invoices(customer))
        self.at(2027, 2, 10)  # two renewals would have fallen due
        self.assertEqual(len(self.invoices(customer)), count)
        self.assertEqual(self.sub(customer)["status"], "suspended")
        history = self.ok("GET", f"/api/v1/activity?customer_id={customer['id']}", token=self.token)["items"]
        self.assertEqual(history[0]["action"], "subscription.suspended")
        self.assertIn("non-payment", history[0]["summary"])
        self.assertIn("Two invoices unpaid.", history[0]["summary"])
        # Resumed on 2027-02-10: the period 2027-01-26 .. 2027-02-25 on its own billing day, 16 of 31 days.
        quiet = fingerprint(self.db_path)
        preview = self.ok("POST", f"{self.base(customer)}/resume/preview", None, self.token)
        self.assertEqual(fingerprint(self.db_path), quiet, "a preview wrote")
        self.assertEqual(preview["proration"], {"from": "2027-02-10", "to": "2027-02-25", "days": 16, "period_days": 31})
        per_license = (103 * 16 * 2 + 31) // (2 * 31)
        self.assertEqual(preview["amount_due_now"]["amount"], per_license * 10)
        result = self.ok("POST", f"{self.base(customer)}/resume", {}, self.token)
        self.assertEqual(result["invoice"]["total"]["amount"], preview["amount_due_now"]["amount"])
        sub = result["subscription"]
        self.assertEqual((sub["status"], sub["term_start"], sub["term_end"], sub["renews_at"], sub["suspension"]),
                         ("active", "2027-01-26", "2027-02-25", "2027-02-26", None))
        self.assertEqual(self.ok("GET", f"/api/v1/customers/{customer['id']}", token=self.token)["status"], "active")
        self.at(2027, 2, 27)  # and it renews on its day again
        self.assertEqual(self.invoices(customer)[0]["issued_at"][:10], "2027-02-26")

    def test_resumed_within_the_paid_period_costs_nothing(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        self.ok("POST", f"{self.base(customer)}/suspend", {"reason": "customer_request"}, self.token)
        self.at(2026, 12, 20)
        count = len(self.invoices(customer))
        preview = self.ok("POST", f"{self.base(customer)}/resume/preview", None, self.token)
        self.assertEqual((preview["amount_due_now"]["amount"], preview["proration"], preview["renews_on"]),
                         (0, None, "2026-12-26"))
        result = self.ok("POST", f"{self.base(customer)}/resume", None, self.token)
        self.assertIsNone(result["invoice"])
        self.assertEqual(len(self.invoices(customer)), count)

    def test_an_annual_commitment_is_billed_on_while_suspended_and_renews_suspended(self):
        customer = self.active_customer(self.token, self.n, licenses=10, plan="professional", cycle="annual_monthly")
        preview = self.ok("POST", f"{self.base(customer)}/suspend/preview", {"reason": "customer_request"}, self.token)
        self.assertTrue(preview["accrues_while_suspended"])
        sub = self.ok("POST", f"{self.base(customer)}/suspend", {"reason": "customer_request"},
                      self.token)["subscription"]
        self.assertEqual(sub["monthly_value"]["amount"], 800)  # 10 x 0.80: still accruing
        self.assertEqual(sub["renewal"]["action"], "auto_renew")
        self.at(2027, 2, 1)
        monthly = [i for i in self.invoices(customer) if i["total"]["amount"] == 800]
        self.assertEqual([i["issued_at"][:10] for i in monthly], ["2027-01-26", "2026-12-26", "2026-11-26"])
        self.at(2027, 11, 30)  # past the term: renewed, still suspended
        sub = self.sub(customer)
        self.assertEqual((sub["status"], sub["term_start"]), ("suspended", "2027-11-26"))
        result = self.ok("POST", f"{self.base(customer)}/resume", None, self.token)
        self.assertEqual((result["resumption"]["amount_due_now"]["amount"], result["invoice"]), (0, None))

    def test_bad_input_and_wrong_states(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        before = fingerprint(self.db_path)
        for body in [{}, {"reason": "bored"}, {"reason": "non_payment", "note": "x" * 501},
                     {"reason": "non_payment", "note": "line\nbreak"}, {"reason": "non_payment", "extra": 1}]:
            self.assertError(self.call("POST", f"{self.base(customer)}/suspend", body, self.token), 422,
                             "validation_failed")
        self.assertError(self.call("POST", f"{self.base(customer)}/resume", {"x": 1}, self.token), 422,
                         "validation_failed")
        self.assertError(self.call("POST", f"{self.base(customer)}/resume", None, self.token), 409, "conflict")
        self.assertEqual(fingerprint(self.db_path), before)
        trial = self.active_customer(self.token, self.n + 500)
        self.assertError(self.call("POST", f"{self.base(trial)}/suspend", {"reason": "non_payment"}, self.token), 409,
                         "conflict")


class Trials(Case):
    def test_starting_the_paid_plan_now_is_priced_and_invoiced_as_previewed(self):
        customer = self.active_customer(self.token, self.n)
        self.at(2026, 12, 3)
        sub = self.sub(customer)
        self.assertEqual((sub["status"], sub["trial_ends_on"]), ("trial", "2026-12-25"))
        self.assertEqual(sub["renewal"]["action"], "auto_renew")  # what happens at the trial's end
        self.assertEqual((sub["renewal"]["on"], sub["renewal"]["licenses"], sub["renewal"]["recurring_amount"]["amount"]),
                         ("2026-12-26", 5, 515))
        body = {"plan": "enterprise", "billing_cycle": "annual_yearly", "licenses": 12}
        quiet = fingerprint(self.db_path)
        preview = self.ok("POST", f"{self.base(customer)}/start-paid/preview", body, self.token)
        self.assertEqual(fingerprint(self.db_path), quiet)
        unit = (1548 * 8000 + 5000) // 10000  # list price less the 20 % discount
        self.assertEqual((preview["starts_on"], preview["period"], preview["trial_ends_on"], preview["renews_on"]),
                         ("2026-12-03", {"from": "2026-12-03", "to": "2027-12-02"}, "2026-12-25", "2027-12-03"))
        self.assertEqual((preview["unit_price"]["amount"], preview["amount_due_now"]["amount"]), (unit, unit * 12))
        result = self.ok("POST", f"{self.base(customer)}/start-paid", body, self.token)
        self.assertEqual(result["invoice"]["total"]["amount"], preview["amount_due_now"]["amount"])
        sub = result["subscription"]
        self.assertEqual((sub["status"], sub["plan"], sub["billing_cycle"], sub["licenses"], sub["trial_ends_on"]),
                         ("active", "enterprise", "annual_yearly", 12, None))
        history = self.ok("GET", f"/api/v1/activity?customer_id={customer['id']}", token=self.token)["items"][0]
        self.assertEqual(history["action"], "subscription.started_paid")
        self.assertEqual(history["actor"]["kind"], "member")
        # Twice: the second is refused by the lifecycle table.
        self.assertError(self.call("POST", f"{self.base(customer)}/start-paid", body, self.token), 409, "conflict")

    def test_start_paid_input(self):
        customer = self.active_customer(self.token, self.n)
        for body in [{}, {"plan": "gold", "billing_cycle": "flexible", "licenses": 3},
                     {"plan": "basic", "billing_cycle": "flexible", "licenses": 0},
                     {"plan": "basic", "billing_cycle": "weekly", "licenses": 3},
                     {"plan": "basic", "billing_cycle": "flexible", "licenses": "3"}]:
            self.assertError(self.call("POST", f"{self.base(customer)}/start-paid", body, self.token), 422,
                             "validation_failed")

    def test_the_dashboard_lists_trials_with_days_left(self):
        first = self.active_customer(self.token, self.n)          # trial until 2026-12-25
        self.at(2026, 12, 1)
        second = self.active_customer(self.token, self.n + 700)   # trial until 2026-12-30
        self.ok("POST", f"{self.base(second)}/cancel", {"when": "end_of_term"}, self.token)
        self.at(2026, 12, 20)
        trials = self.ok("GET", "/api/v1/dashboard", token=self.token)["trials"]
        self.assertEqual(trials["count"], 2)
        self.assertEqual([(t["customer_id"], t["trial_ends_on"], t["days_left"], t["converts"]) for t in trials["items"]],
                         [(first["id"], "2026-12-25", 6, True), (second["id"], "2026-12-30", 11, False)])
        self.assertEqual(self.sub(second)["trial_ends_on"], "2026-12-30")  # also while set to cancel
        self.at(2026, 12, 26)
        self.assertEqual(self.ok("GET", "/api/v1/dashboard", token=self.token)["trials"]["count"], 1)
        self.assertEqual(self.sub(first)["trial_ends_on"], None)

    def test_a_cancelled_customer_invited_again_gets_a_new_trial_on_the_same_subscription(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        self.ok("POST", f"{self.base(customer)}/cancel", {"when": "now"}, self.token)
        again = self.ok("POST", f"/api/v1/customers/{customer['id']}/invitation", token=self.token)
        self.assertIsNone(again["subscription"])  # the old one is history until the new link is accepted
        self.assertError(self.call("GET", self.base(customer), token=self.token), 404, "not_found")
        old = self.ok("GET", f"/api/v1/invoices?customer_id={customer['id']}", token=self.token)["items"]
        self.accept(again)
        sub = self.sub(customer)
        self.assertEqual((sub["status"], sub["licenses"], sub["cancel_reason"], sub["max_licenses"]),
                         ("trial", 5, None, None))
        self.assertEqual(len(self.invoices(customer)), len(old))
        self.assertEqual(self.ok("GET", f"/api/v1/customers/{customer['id']}", token=self.token)["status"], "active")


if __name__ == "__main__":
    unittest.main()
