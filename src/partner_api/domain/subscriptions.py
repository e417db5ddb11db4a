"""Subscriptions: the terms of one customer's subscription, license orders and plan changes
(priced first by a preview that writes nothing, then committed with the invoice and activity
entry in one transaction), cancelling and reactivating."""
from .. import money as pricing
from ..clock import iso, parse_day
from ..errors import Conflict, LicensesChanged, PlanChanged, SubscriptionCancelled, ValidationFailed
from .activity import record
from .billing import (ONE_DAY, current_period, issue_invoice, paid_term, period_end, period_line, save_subscription,
                      subscription_snapshot)
from .lookup import subscription_or_404


class Subscriptions:
    def __init__(self, storage, clock):
        self.storage = storage
        self.clock = clock

    def get(self, reseller, customer_id):
        with self.storage.read() as repo:
            return subscription_or_404(repo, reseller, customer_id)

    def _transaction(self, reseller, commit):
        """A preview only reads; a commit writes, with the write lock from its first read."""
        return self.storage.write(account=reseller["id"]) if commit else self.storage.read()

    @staticmethod
    def _orderable(repo, reseller, customer_id):
        """The customer's subscription, if anything can still be ordered on it."""
        sub = subscription_or_404(repo, reseller, customer_id)
        if sub["status"] == "cancelled":
            raise SubscriptionCancelled()
        return sub

    @staticmethod
    def _apply(repo, reseller, sub, changes, line, charge, now):
        """Saves the change and invoices what it costs now (no invoice when nothing)."""
        after = save_subscription(repo, sub, changes)
        invoice_id = issue_invoice(repo, reseller, sub["customer_id"], [line], now) if charge > 0 else None
        return after, invoice_id

    def license_order(self, reseller, customer_id, target, commit, expected=None, actor=None):
        """A preview (commit=False) writes nothing and names no actor; an order names its actor."""
        now = self.clock.now()
        today = now.date()
        with self._transaction(reseller, commit) as repo:
            sub = self._orderable(repo, reseller, customer_id)
            # Checked inside the write transaction: two people who both saw 10 cannot both order.
            if expected is not None and sub["licenses"] != expected:
                raise LicensesChanged(expected, sub)
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
                line = {"description": f"{pricing.PLAN_NAMES[sub['plan']]}: {added} additional"
                                       f" licenses, {today.isoformat()} to {last_day.isoformat()}"
                                       f" ({days_left} of {period_days} days)",
                        "quantity": added, "unit_amount": per_license, "amount": charge}
            merged = {**dict(sub), **changes}
            recurring = merged["licenses"] * merged["unit_price"]
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
            }
            if not commit:
                return preview
            before = subscription_snapshot(sub)
            after, invoice_id = self._apply(repo, reseller, sub, changes, line, charge, now)
            order_id = repo.license_orders.add(reseller["id"], customer_id, sub["id"],
                                               sub["licenses"], target, charge, currency,
                                               invoice_id, iso(now))
            summary = (f"Converted the trial to a paid subscription with {target} licenses."
                       if converts else f"Changed licenses from {sub['licenses']} to {target}.")
            record(repo, reseller, customer_id, actor, "subscription.licenses_ordered",
                   summary, before, subscription_snapshot(after), now)
            return {"order": repo.license_orders.get(order_id), "subscription": after,
                    "invoice_id": invoice_id}

    def plan_change(self, reseller, customer_id, plan, cycle, commit, expected=None, actor=None):
        now = self.clock.now()
        today = now.date()
        with self._transaction(reseller, commit) as repo:
            sub = self._orderable(repo, reseller, customer_id)
            if expected is not None and (sub["plan"], sub["billing_cycle"]) != expected:
                raise PlanChanged(sub)
            if sub["status"] == "pending_cancel":
                raise Conflict("The subscription is set to cancel; reactivate it before changing its plan.")
            currency = sub["currency"]
            renewal = parse_day(sub["term_end"]) + ONE_DAY
            old_rank, new_rank = pricing.PLANS.index(sub["plan"]), pricing.PLANS.index(plan)
            line, charge, effective_on = None, 0, today
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
                unit = pricing.unit_price(plan, cycle, reseller["discount_bp"])
                changes = {"plan": plan, "unit_price": unit, "scheduled_plan": None, "scheduled_cycle": None}
                if unit > sub["unit_price"]:
                    start, end = current_period(sub)
                    days_left, period_days = (end - today).days, (end - start).days
                    per_license = pricing.prorate(unit - sub["unit_price"], days_left, period_days)
                    charge = per_license * sub["licenses"]
                    line = {"description": f"Upgrade {pricing.PLAN_NAMES[sub['plan']]} to"
                                           f" {pricing.PLAN_NAMES[plan]}, {today.isoformat()} to"
                                           f" {(end - ONE_DAY).isoformat()} ({days_left} of {period_days} days)",
                            "quantity": sub["licenses"], "unit_amount": per_license, "amount": charge}
            else:
                # Annual commitments change edition down or cycle only when the term renews.
                effective, effective_on = "renewal", renewal
                changes = {"scheduled_plan": plan, "scheduled_cycle": cycle}
            merged = {**dict(sub), **changes}
            if effective == "renewal":
                unit = pricing.unit_price(plan, cycle, reseller["discount_bp"])
            else:
                unit = merged["unit_price"]
            recurring = sub["licenses"] * unit
            preview = {
                "subscription_id": sub["id"], "plan": plan, "billing_cycle": cycle,
                "effective": effective, "effective_on": effective_on.isoformat(),
                "unit_price": pricing.money(unit, currency),
                "prorated_amount": pricing.money(charge, currency),
                "recurring_amount": pricing.money(recurring, currency),
                "monthly_value": pricing.money(pricing.monthly_value(recurring, cycle), currency),
            }
            if not commit:
                return preview
            before = subscription_snapshot(sub)
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
            return {"change": preview, "subscription": after, "invoice_id": invoice_id}

    def cancel(self, reseller, customer_id, when, reason, actor):
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            sub = subscription_or_404(repo, reseller, customer_id)
            if sub["status"] == "cancelled":
                raise SubscriptionCancelled("The subscription is already cancelled.")
            before = subscription_snapshot(sub)
            if when == "now":
                after = save_subscription(repo, sub, {
                    "status": "cancelled", "cancelled_at": iso(now), "auto_renew": 0,
                    "cancel_reason": reason, "scheduled_plan": None, "scheduled_cycle": None})
                repo.customers.update(customer_id, status="cancelled")
                summary = "Cancelled the subscription with immediate effect."
            else:
                if sub["status"] == "pending_cancel":
                    raise Conflict("The subscription is already set to cancel at the end of its term.")
                after = save_subscription(repo, sub, {
                    "status": "pending_cancel", "resume_status": sub["status"],
                    "cancel_reason": reason})
                summary = f"Set the subscription to cancel at the end of its term ({sub['term_end']})."
            record(repo, reseller, customer_id, actor, "subscription.cancelled",
                   summary + (f" Reason: {reason}" if reason else ""), before,
                   subscription_snapshot(after), now)
            return after

    def reactivate(self, reseller, customer_id, actor):
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            sub = subscription_or_404(repo, reseller, customer_id)
            if sub["status"] == "cancelled":
                raise SubscriptionCancelled("The subscription has ended and cannot be reactivated.")
            if sub["status"] != "pending_cancel":
                raise Conflict("The subscription is not set to cancel; there is nothing to reactivate.")
            after = save_subscription(repo, sub, {
                "status": sub["resume_status"] or "active", "resume_status": None,
                "cancel_reason": None, "auto_renew": 1})
            record(repo, reseller, customer_id, actor, "subscription.reactivated",
                   "Reactivated the subscription; it renews as before.",
                   subscription_snapshot(sub), subscription_snapshot(after), now)
            return after
