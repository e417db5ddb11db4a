"""Suspending and resuming a subscription (issue 23), as Google's Reseller API suspends and
activates one. A suspended subscription keeps its data and licenses. A flexible plan accrues
nothing while suspended: no bill, no renewal (billing.py: accrues, next_event). Resumed within
the period already invoiced it costs nothing more; resumed later, it pays the rest of the
billing period it resumes in, prorated by day, on the billing day it always had. An annual plan
is a commitment: it is billed on while suspended and resumes at no charge. Each step is priced
first by a preview that writes nothing."""
from .. import money as pricing
from ..clock import add_months, iso, parse_day
from .activity import record
from .billing import (ONE_DAY, accrues, current_period, issue_invoice, line as billing_line, renews_on, save_subscription,
                      subscription_snapshot)
from .lookup import allowed_subscription, transaction
from .subscriptions import rule_of, tax_json

REASONS = ("non_payment", "customer_request")
REASON_WORDS = {"non_payment": "non-payment", "customer_request": "the customer's request"}


def resumed_period(sub, today):
    """(first day, day after the last) of the billing period a suspended flexible plan resumes
    in, on its own billing day; None while the period it paid for still runs."""
    boundary = parse_day(sub["term_end"]) + ONE_DAY
    if today < boundary:
        return None
    months = 0
    while add_months(boundary, months + 1) <= today:
        months += 1
    return add_months(boundary, months), add_months(boundary, months + 1)


class Suspensions:
    def __init__(self, storage, clock):
        self.storage = storage
        self.clock = clock

    def suspend(self, reseller, customer_id, reason, note, commit, actor=None):
        now = self.clock.now()
        today = now.date()
        with transaction(self.storage, reseller, commit) as repo:
            sub = allowed_subscription(repo, reseller, customer_id, "suspend", now)
            after = {**dict(sub), "status": "suspended"}
            currency = sub["currency"]
            paid_through = current_period(sub)[1] - ONE_DAY
            preview = {
                "subscription_id": sub["id"], "reason": reason, "suspends_on": today.isoformat(),
                "accrues_while_suspended": accrues(after), "paid_through": paid_through.isoformat(),
                "monthly_value_now": pricing.money(sub["monthly_value"], currency),
                "monthly_value_suspended": pricing.money(0 if not accrues(after) else sub["monthly_value"], currency),
            }
            if not commit:
                return preview
            saved = save_subscription(repo, sub, {"status": "suspended", "suspend_reason": reason,
                                                  "suspended_at": iso(now)})
            repo.customers.update(customer_id, status="suspended")
            effect = ("It accrues nothing until it is resumed." if not accrues(saved)
                      else "Its annual commitment is billed on while suspended.")
            record(repo, reseller, customer_id, actor, "subscription.suspended",
                   f"Suspended the subscription because of {REASON_WORDS[reason]}. {effect}"
                   + (f" Note: {note}" if note else ""), subscription_snapshot(sub),
                   {**subscription_snapshot(saved), "reason": reason}, now)
            return {"suspension": preview, "subscription": saved}

    def resume(self, reseller, customer_id, commit, actor=None):
        now = self.clock.now()
        today = now.date()
        with transaction(self.storage, reseller, commit) as repo:
            sub = allowed_subscription(repo, reseller, customer_id, "resume", now)
            currency = sub["currency"]
            changes = {"status": "active", "suspend_reason": None, "suspended_at": None}
            period = None if accrues(sub) else resumed_period(sub, today)
            charge, proration, line = 0, None, None
            if period is not None:
                start, end = period
                days_left, period_days = (end - today).days, (end - start).days
                per_license = pricing.prorate(sub["unit_price"], days_left, period_days)
                charge = per_license * sub["licenses"]
                last_day = end - ONE_DAY
                proration = {"from": today.isoformat(), "to": last_day.isoformat(), "days": days_left,
                             "period_days": period_days}
                line = billing_line({"kind": "resumed", "plan": sub["plan"], "cycle": sub["billing_cycle"],
                                     "licenses": sub["licenses"], "days": days_left, "period_days": period_days},
                                    sub["licenses"], per_license, today, last_day)
                changes.update(term_start=start.isoformat(), term_end=last_day.isoformat(), next_bill_on=end.isoformat())
            merged = {**dict(sub), **changes}
            renewal = renews_on(merged)
            preview = {
                "subscription_id": sub["id"], "resumes_on": today.isoformat(),
                "suspended_since": sub["suspended_at"], "amount_due_now": pricing.money(charge, currency),
                "tax": tax_json(rule_of(repo, reseller, sub), charge, currency),
                "proration": proration, "unit_price": pricing.money(sub["unit_price"], currency),
                "recurring_amount": pricing.money(sub["licenses"] * sub["unit_price"], currency),
                "renews_on": renewal.isoformat() if renewal else None,
            }
            if not commit:
                return preview
            saved = save_subscription(repo, sub, changes)
            invoice_id = issue_invoice(repo, reseller, customer_id, [line], now) if charge > 0 else None
            repo.customers.update(customer_id, status="active")
            paid = f" {pricing.format_amount(charge, currency)} were charged for the rest of the period." if charge else ""
            record(repo, reseller, customer_id, actor, "subscription.resumed",
                   f"Resumed the subscription.{paid}", subscription_snapshot(sub), subscription_snapshot(saved), now)
            return {"resumption": preview, "subscription": saved, "invoice_id": invoice_id}
