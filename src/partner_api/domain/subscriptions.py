"""Subscriptions: the terms of one customer's subscription, license orders and plan changes
(priced first by a preview that writes nothing, then committed with the invoice and activity
entry in one transaction), cancelling and reactivating."""
from .. import money as pricing
from ..clock import iso, parse_day
from ..errors import LicensesChanged, PlanChanged, ValidationFailed
from .activity import record
from .billing import (ONE_DAY, current_period, issue_credit, issue_invoice, line, paid_term, period_end,
                      period_invoice, period_line, rule_for, save_subscription, subscription_snapshot)
from .lookup import allowed_subscription, subscription_or_404, transaction
from .tax import tax_of


def tax_json(rule, amount, currency):
    """The tax a preview shows on `amount`: the rule the invoice would be issued with, its rate, and
    the amount with the tax."""
    tax = tax_of(amount, rule)
    return {"rule": rule.rule, "category": rule.category, "rate_basis_points": rule.rate_bp,
            "amount": pricing.money(tax, currency), "total": pricing.money(amount + tax, currency)}


def credit_json(rule, amount, currency):
    """What a preview says is credited (a credit note, under the corrected invoice's rule, which is
    the customer's rule unless it changed since): the net amount, its tax and the total."""
    tax = tax_of(amount, rule)
    return {"amount": pricing.money(amount, currency), "tax": pricing.money(tax, currency),
            "total": pricing.money(amount + tax, currency)}


def rule_of(repo, reseller, sub):
    """The tax rule an invoice to the subscription's customer would be issued with now."""
    return rule_for(reseller, repo.billing_profiles.get(reseller["id"]),
                    repo.customers.get(reseller["id"], sub["customer_id"]))


def check_seat_cap(sub, target, field="licenses"):
    """A flexible plan's seat cap (max_licenses): no order, and no start of a paid plan, above it."""
    cap = sub["max_licenses"]
    if cap is not None and target > cap:
        error = ValidationFailed({field: f"The seat cap of this subscription is {cap} licenses; raise or clear the "
                                         "cap first."},
                                 f"This would exceed the seat cap of {cap} licenses. Nothing was ordered.")
        error.details = {"max_licenses": cap}
        raise error


class Subscriptions:
    def __init__(self, storage, clock):
        self.storage = storage
        self.clock = clock

    def get(self, reseller, customer_id):
        with self.storage.read() as repo:
            return subscription_or_404(repo, reseller, customer_id)

    @staticmethod
    def _apply(repo, reseller, sub, changes, line, charge, now):
        """Saves the change and invoices what it costs now (no invoice when nothing)."""
        after = save_subscription(repo, sub, changes)
        invoice_id = issue_invoice(repo, reseller, sub["customer_id"], [line], now) if charge > 0 else None
        return after, invoice_id

    @staticmethod
    def _rule(repo, reseller, sub):
        return rule_of(repo, reseller, sub)

    def license_order(self, reseller, customer_id, target, commit, expected=None, actor=None):
        """A preview (commit=False) writes nothing and names no actor; an order names its actor."""
        now = self.clock.now()
        today = now.date()
        with transaction(self.storage, reseller, commit) as repo:
            sub = allowed_subscription(repo, reseller, customer_id, "order_licenses", now)
            # Checked inside the write transaction: two people who both saw 10 cannot both order.
            if expected is not None and sub["licenses"] != expected:
                raise LicensesChanged(expected, sub)
            check_seat_cap(sub, target)
            currency = sub["currency"]
            converts = sub["status"] == "trial"
            if converts:
                changes = {**paid_term(sub["plan"], "flexible", today, reseller), "licenses": target}
                merged = {**dict(sub), **changes}
                last_day = period_end(merged, today)
                line = {**period_line(merged, today, last_day)}
                charge, per_license = line["amount"], merged["unit_price"]
                days_left = period_days = (last_day - today).days + 1
            else:
                if target == sub["licenses"]:
                    raise ValidationFailed({"licenses": f"The subscription already has {target} licenses."})
                if target < sub["licenses"] and sub["billing_cycle"] != "flexible":
                    renewal = parse_day(sub["term_end"]) + ONE_DAY
                    raise ValidationFailed(
                        {"licenses": "An annual plan cannot reduce licenses during its term;"
                                     f" you can reduce them at renewal on {renewal.isoformat()}."},
                        f"Annual plans cannot go down mid-term. You can reduce licenses at renewal"
                        f" on {renewal.isoformat()}.")
                changes = {"licenses": target}
                start, end = current_period(sub)
                days_left, period_days = (end - today).days, (end - start).days
                last_day = end - ONE_DAY
                added = max(0, target - sub["licenses"])
                per_license = pricing.prorate(sub["unit_price"], days_left, period_days)
                charge = per_license * added
                line = ({"kind": "added", "plan": sub["plan"], "count": added, "days": days_left,
                         "period_days": period_days}, added, per_license, today, last_day)
            # Fewer licenses on a flexible plan: the rest of the invoiced period is credited for
            # the licenses removed, at the price their addition would cost now (a credit note).
            removed = 0 if converts else max(0, sub["licenses"] - target)
            credit = per_license * removed if removed and period_invoice(repo, reseller, sub) else 0
            merged = {**dict(sub), **changes}
            recurring = merged["licenses"] * merged["unit_price"]
            rule = self._rule(repo, reseller, sub)
            preview = {
                "subscription_id": sub["id"],
                "current_licenses": sub["licenses"],
                "licenses": target,
                "converts_trial": converts,
                "unit_price": pricing.money(merged["unit_price"], currency),
                "prorated_amount": pricing.money(charge, currency),
                "proration": {"from": today.isoformat(), "to": last_day.isoformat(),
                              "days": days_left, "period_days": period_days},
                "recurring_amount": pricing.money(recurring, currency),
                "monthly_value": pricing.money(pricing.monthly_value(recurring, merged["billing_cycle"]),
                                               currency),
                "tax": tax_json(rule, charge, currency),
                "credit": credit_json(rule, credit, currency),
            }
            if not commit:
                return preview
            before = subscription_snapshot(sub)
            after, invoice_id = self._apply(repo, reseller, sub, changes, self._line(line), charge, now)
            credit_note_id = None
            if credit:
                credit_note_id = issue_credit(repo, reseller, sub, {
                    "kind": "removed", "plan": sub["plan"], "count": removed, "days": days_left,
                    "period_days": period_days}, removed, per_license, today, now)
            order_id = repo.license_orders.add(reseller["id"], customer_id, sub["id"],
                                               sub["licenses"], target, charge, currency,
                                               invoice_id, iso(now))
            summary = (f"Converted the trial to a paid subscription with {target} licenses."
                       if converts else f"Changed licenses from {sub['licenses']} to {target}.")
            record(repo, reseller, customer_id, actor, "subscription.licenses_ordered",
                   summary, before, subscription_snapshot(after), now)
            return {"order": repo.license_orders.get(order_id), "subscription": after,
                    "invoice_id": invoice_id, "credit_note_id": credit_note_id}

    @staticmethod
    def _line(spec):
        """A line from a trial conversion (already a line) or from (item, quantity, unit, first, last)."""
        return spec if isinstance(spec, dict) else line(*spec)

    def plan_change(self, reseller, customer_id, plan, cycle, commit, expected=None, actor=None):
        now = self.clock.now()
        today = now.date()
        with transaction(self.storage, reseller, commit) as repo:
            sub = allowed_subscription(repo, reseller, customer_id, "change_plan", now)
            if expected is not None and (sub["plan"], sub["billing_cycle"]) != expected:
                raise PlanChanged(sub)
            currency = sub["currency"]
            renewal = parse_day(sub["term_end"]) + ONE_DAY
            old_rank, new_rank = pricing.PLANS.index(sub["plan"]), pricing.PLANS.index(plan)
            line, charge, effective_on, credit_line, proration = None, 0, today, None, None
            if sub["status"] == "trial" or (sub["billing_cycle"] == "flexible" and cycle != "flexible"):
                # Buying from a trial, or committing to a year: a new paid term starts today.
                effective = "now"
                changes = {**paid_term(plan, cycle, today, reseller), "licenses": sub["licenses"]}
                merged = {**dict(sub), **changes}
                line = period_line(merged, today, period_end(merged, today))
                charge = line["amount"]
            elif plan == sub["plan"] and cycle == sub["billing_cycle"]:
                raise ValidationFailed({"plan": "The subscription is already on this plan and billing cycle."})
            elif cycle == sub["billing_cycle"] and (new_rank > old_rank or cycle == "flexible"):
                # Same cycle: upgrades apply now (prorated); flexible downgrades apply now too.
                effective = "now"
                unit = pricing.unit_price(plan, cycle, reseller["discount_bp"], reseller["currency"])
                changes = {"plan": plan, "unit_price": unit, "scheduled_plan": None, "scheduled_cycle": None}
                if unit > sub["unit_price"]:
                    start, end = current_period(sub)
                    days_left, period_days = (end - today).days, (end - start).days
                    per_license = pricing.prorate(unit - sub["unit_price"], days_left, period_days)
                    charge = per_license * sub["licenses"]
                    # The days the charge pays for, so a client can say "prorated until …".
                    proration = {"from": today.isoformat(), "to": (end - ONE_DAY).isoformat(),
                                 "days": days_left, "period_days": period_days}
                    line = self._line(({"kind": "upgrade", "from_plan": sub["plan"], "plan": plan,
                                        "licenses": sub["licenses"], "days": days_left, "period_days": period_days},
                                       sub["licenses"], per_license, today, end - ONE_DAY))
                elif unit < sub["unit_price"] and sub["status"] == "active" and period_invoice(repo, reseller, sub):
                    # A flexible downgrade applies now: the difference for the rest of the invoiced
                    # period is credited, as an upgrade's is charged.
                    start, end = current_period(sub)
                    days_left, period_days = (end - today).days, (end - start).days
                    per_license = pricing.prorate(sub["unit_price"] - unit, days_left, period_days)
                    credit_line = ({"kind": "downgrade", "from_plan": sub["plan"], "plan": plan,
                                    "licenses": sub["licenses"], "days": days_left, "period_days": period_days},
                                   sub["licenses"], per_license)
            else:
                # Annual commitments change edition down or cycle only when the term renews.
                effective, effective_on = "renewal", renewal
                changes = {"scheduled_plan": plan, "scheduled_cycle": cycle}
            merged = {**dict(sub), **changes}
            if effective == "renewal":
                unit = pricing.unit_price(plan, cycle, reseller["discount_bp"], reseller["currency"])
            else:
                unit = merged["unit_price"]
            recurring = sub["licenses"] * unit
            rule = self._rule(repo, reseller, sub)
            preview = {
                "subscription_id": sub["id"], "plan": plan, "billing_cycle": cycle,
                "effective": effective, "effective_on": effective_on.isoformat(),
                "unit_price": pricing.money(unit, currency),
                "prorated_amount": pricing.money(charge, currency),
                "proration": proration,
                "recurring_amount": pricing.money(recurring, currency),
                "monthly_value": pricing.money(pricing.monthly_value(recurring, cycle), currency),
                "tax": tax_json(rule, charge, currency),
                "credit": credit_json(rule, credit_line[1] * credit_line[2] if credit_line else 0, currency),
            }
            if not commit:
                return preview
            before = subscription_snapshot(sub)
            credit_note_id = issue_credit(repo, reseller, sub, *credit_line, today, now) if credit_line else None
            after, invoice_id = self._apply(repo, reseller, sub, changes, line, charge, now)
            target = f"{pricing.PLAN_NAMES[plan]}, {pricing.CYCLE_NAMES[cycle]}"
            if effective == "now":
                action, summary = "subscription.plan_changed", f"Changed the plan to {target}."
            else:
                action, summary = ("subscription.plan_change_scheduled",
                                   f"Scheduled a change to {target} at renewal on {renewal.isoformat()}.")
            record(repo, reseller, customer_id, actor, action, summary, before,
                   {**subscription_snapshot(after), "scheduled_plan": after["scheduled_plan"],
                    "scheduled_cycle": after["scheduled_cycle"]}, now)
            return {"change": preview, "subscription": after, "invoice_id": invoice_id,
                    "credit_note_id": credit_note_id}

    def cancel(self, reseller, customer_id, when, reason, actor):
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            sub = allowed_subscription(repo, reseller, customer_id, "cancel_now" if when == "now" else "cancel_at_end",
                                       now)
            before = subscription_snapshot(sub)
            if when == "now":
                self._credit_cancellation(repo, reseller, sub, now)
                after = save_subscription(repo, sub, {
                    "status": "cancelled", "cancelled_at": iso(now), "auto_renew": 0,
                    "cancel_reason": reason, "scheduled_plan": None, "scheduled_cycle": None})
                repo.customers.update(customer_id, status="cancelled")
                summary = "Cancelled the subscription with immediate effect."
            else:
                after = save_subscription(repo, sub, {
                    "status": "pending_cancel", "resume_status": sub["status"],
                    "cancel_reason": reason})
                summary = f"Set the subscription to cancel at the end of its term ({sub['term_end']})."
            record(repo, reseller, customer_id, actor, "subscription.cancelled",
                   summary + (f" Reason: {reason}" if reason else ""), before,
                   subscription_snapshot(after), now)
            return after

    @staticmethod
    def _credit_cancellation(repo, reseller, sub, now):
        """Cancelling a flexible plan now credits the unused rest of the invoiced period (as
        removing every license would); an annual commitment is not refunded, as its licenses
        cannot go down during the term either; a trial was never invoiced."""
        if sub["status"] not in ("active", "pending_cancel") or sub["billing_cycle"] != "flexible":
            return None
        today = now.date()
        start, end = current_period(sub)
        days_left, period_days = (end - today).days, (end - start).days
        per_license = pricing.prorate(sub["unit_price"], days_left, period_days)
        return issue_credit(repo, reseller, sub, {
            "kind": "cancelled", "plan": sub["plan"], "licenses": sub["licenses"], "days": days_left,
            "period_days": period_days}, sub["licenses"], per_license, today, now)

    def reactivate(self, reseller, customer_id, actor):
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            sub = allowed_subscription(repo, reseller, customer_id, "reactivate", now)
            after = save_subscription(repo, sub, {
                "status": sub["resume_status"] or "active", "resume_status": None,
                "cancel_reason": None, "auto_renew": 1})
            record(repo, reseller, customer_id, actor, "subscription.reactivated",
                   "Reactivated the subscription; it renews as before.",
                   subscription_snapshot(sub), subscription_snapshot(after), now)
            return after
