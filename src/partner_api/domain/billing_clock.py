"""Time passing: the bills, renewals, trial ends and term ends that fell due. The reference
server has no scheduler; the HTTP pipeline runs `catch_up` before each signed-in request, so a
reseller always sees them applied (see the README: when a read may write)."""
from .. import money as pricing
from ..clock import add_months, iso, parse_day
from .activity import SYSTEM, record
from .billing import (ONE_DAY, at_midnight, bills_within_term, issue_invoice, paid_term, period_end, period_line,
                      save_subscription, subscription_snapshot)


class BillingClock:
    def __init__(self, storage, clock):
        self.storage = storage
        self.clock = clock

    def catch_up(self, reseller):
        """Runs every bill, renewal and end that fell due, oldest first, so invoice numbers
        follow the dates they were issued. Each is dated the day it fell due, not the day it
        runs, so which request runs it changes nothing. Takes the write lock only when
        something is due."""
        today = self.clock.now().date().isoformat()
        with self.storage.read() as repo:
            if not repo.subscriptions.has_due(reseller["id"], today):
                return
        with self.storage.write(account=reseller["id"]) as repo:
            while True:
                sub = repo.subscriptions.next_due(reseller["id"], today)
                if sub is None:
                    return
                self._run_event(repo, reseller, sub)

    @staticmethod
    def _run_event(repo, reseller, sub):
        boundary = parse_day(sub["term_end"]) + ONE_DAY
        next_bill = parse_day(sub["next_bill_on"])
        if bills_within_term(sub) and next_bill is not None and next_bill < boundary:
            when = at_midnight(next_bill)
            period_last = add_months(next_bill, pricing.billing_months(sub["billing_cycle"])) - ONE_DAY
            invoice_id = issue_invoice(repo, reseller, sub["customer_id"],
                                       [period_line(sub, next_bill, period_last)], when)
            save_subscription(repo, sub, {"next_bill_on": add_months(
                next_bill, pricing.billing_months(sub["billing_cycle"])).isoformat()})
            number = repo.invoices.get(reseller["id"], invoice_id)["number"]
            record(repo, reseller, sub["customer_id"], SYSTEM, "invoice.issued",
                   f"Invoice {number} issued for the next billing period.", None, None, when)
            return
        when = at_midnight(boundary)
        before = subscription_snapshot(sub)
        if sub["status"] == "pending_cancel" or not sub["auto_renew"]:
            after = save_subscription(repo, sub, {
                "status": "cancelled", "cancelled_at": iso(when), "auto_renew": 0,
                "scheduled_plan": None, "scheduled_cycle": None})
            repo.customers.update(sub["customer_id"], status="cancelled")
            record(repo, reseller, sub["customer_id"], SYSTEM, "subscription.ended",
                   "The subscription ended at the end of its term.", before,
                   subscription_snapshot(after), when)
            return
        was_trial = sub["status"] == "trial"
        plan = sub["scheduled_plan"] or sub["plan"]
        cycle = sub["scheduled_cycle"] or ("flexible" if was_trial else sub["billing_cycle"])
        term = paid_term(plan, cycle, boundary, reseller)
        # The renewal settings: a count chosen ahead (then forgotten); a suspended annual plan
        # renews its commitment and stays suspended.
        term["licenses"] = sub["renewal_licenses"] or sub["licenses"]
        if sub["status"] == "suspended":
            term["status"] = "suspended"
        after = save_subscription(repo, sub, term)
        issue_invoice(repo, reseller, sub["customer_id"],
                      [period_line(after, boundary, period_end(after, boundary))], when)
        if was_trial:
            record(repo, reseller, sub["customer_id"], SYSTEM, "subscription.converted",
                   "The trial ended and became a paid subscription.", before,
                   subscription_snapshot(after), when)
        else:
            count = f" with {after['licenses']} licenses" if after["licenses"] != sub["licenses"] else ""
            record(repo, reseller, sub["customer_id"], SYSTEM, "subscription.renewed",
                   f"The subscription renewed for a new term from {boundary.isoformat()}{count}.",
                   before, subscription_snapshot(after), when)
