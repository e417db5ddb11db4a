"""Trials (issue 23): starting the paid plan now, before the trial would end by itself, priced
first by a preview that writes nothing. Left alone, a trial becomes a paid flexible plan at its
end (billing_clock.py); ordering licenses on it converts it too (subscriptions.py)."""
from .. import money as pricing
from ..clock import parse_day
from .activity import record
from .billing import ONE_DAY, issue_invoice, paid_term, period_end, period_line, save_subscription, subscription_snapshot
from .lookup import allowed_subscription, transaction
from .subscriptions import check_seat_cap, rule_of, tax_json


class Trials:
    def __init__(self, storage, clock):
        self.storage = storage
        self.clock = clock

    def start_paid(self, reseller, customer_id, plan, cycle, licenses, commit, actor=None):
        """The paid term starts today with the plan, cycle and count chosen; its first billing
        period is invoiced now. A preview (commit=False) writes nothing."""
        now = self.clock.now()
        today = now.date()
        with transaction(self.storage, reseller, commit) as repo:
            sub = allowed_subscription(repo, reseller, customer_id, "start_paid", now)
            if cycle == "flexible":
                check_seat_cap(sub, licenses)
            changes = {**paid_term(plan, cycle, today, reseller), "licenses": licenses}
            merged = {**dict(sub), **changes}
            last_day = period_end(merged, today)
            line = period_line(merged, today, last_day)
            currency = sub["currency"]
            recurring = licenses * merged["unit_price"]
            preview = {
                "subscription_id": sub["id"], "plan": plan, "billing_cycle": cycle, "licenses": licenses,
                "trial_ends_on": sub["term_end"], "starts_on": today.isoformat(),
                "period": {"from": today.isoformat(), "to": last_day.isoformat()},
                "amount_due_now": pricing.money(line["amount"], currency),
                # The VAT the invoice will add, as license orders preview it.
                "tax": tax_json(rule_of(repo, reseller, sub), line["amount"], currency),
                "unit_price": pricing.money(merged["unit_price"], currency),
                "recurring_amount": pricing.money(recurring, currency),
                "monthly_value": pricing.money(pricing.monthly_value(recurring, cycle), currency),
                "renews_on": (parse_day(merged["term_end"]) + ONE_DAY).isoformat(),
            }
            if not commit:
                return preview
            before = subscription_snapshot(sub)
            after = save_subscription(repo, sub, changes)
            invoice_id = issue_invoice(repo, reseller, customer_id, [line], now)
            record(repo, reseller, customer_id, actor, "subscription.started_paid",
                   f"Started the paid plan now: {pricing.PLAN_NAMES[plan]}, {pricing.CYCLE_NAMES[cycle]}, {licenses}"
                   f" licenses (the trial would have ended on {sub['term_end']}).", before,
                   subscription_snapshot(after), now)
            return {"start": preview, "subscription": after, "invoice_id": invoice_id}
