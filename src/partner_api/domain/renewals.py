"""What happens at the end of a term (issue 23): an annual plan's renewal settings, as Google
offers them (renew with the count then, renew with a count chosen now, switch to flexible at
renewal, or cancel at the end of the term), and a flexible plan's seat cap (Google's
maximumNumberOfSeats: no license order above it). The billing clock applies the settings when
the term ends (billing_clock.py)."""
from .. import money as pricing
from ..clock import parse_day
from ..errors import Conflict, ValidationFailed
from .activity import record
from .billing import ONE_DAY, accrues, save_subscription, subscription_snapshot
from .lookup import allowed_subscription

ACTIONS = ("auto_renew", "renew_with_count", "switch_to_flexible", "cancel_at_end")
ACTION_WORDS = {"auto_renew": "renew with the license count it has then",
                "renew_with_count": "renew with {licenses} licenses", "switch_to_flexible": "switch to the flexible plan",
                "cancel_at_end": "cancel at the end of the term"}


def renewal_action(sub):
    if sub["status"] == "pending_cancel" or not sub["auto_renew"]:
        return "cancel_at_end"
    if sub["scheduled_cycle"] == "flexible" and sub["billing_cycle"] != "flexible":
        return "switch_to_flexible"
    if sub["renewal_licenses"] is not None:
        return "renew_with_count"
    return "auto_renew"


def renewal_of(sub, discount_bp):
    """What happens when the term ends, as the API shows it: the action, the day, and what the
    subscription is then (plan, cycle, count, price); None when nothing will happen by itself
    (cancelled, or a suspended flexible plan, which waits to be resumed). For a trial this is
    its conversion to the paid plan."""
    if sub["status"] == "cancelled" or (sub["status"] == "suspended" and not accrues(sub)):
        return None
    action = renewal_action(sub)
    on = (parse_day(sub["term_end"]) + ONE_DAY).isoformat()
    if action == "cancel_at_end":
        return {"action": action, "on": on, "plan": None, "billing_cycle": None, "licenses": None,
                "unit_price": None, "recurring_amount": None, "monthly_value": None}
    plan = sub["scheduled_plan"] or sub["plan"]
    cycle = sub["scheduled_cycle"] or ("flexible" if sub["status"] == "trial" else sub["billing_cycle"])
    licenses = sub["renewal_licenses"] or sub["licenses"]
    currency = sub["currency"]
    unit = pricing.unit_price(plan, cycle, discount_bp, currency)  # the subscription's own price list
    return {"action": action, "on": on, "plan": plan, "billing_cycle": cycle, "licenses": licenses,
            "unit_price": pricing.money(unit, currency), "recurring_amount": pricing.money(unit * licenses, currency),
            "monthly_value": pricing.money(pricing.monthly_value(unit * licenses, cycle), currency)}


def renewal_changes(sub, action, licenses):
    """The columns that make `renewal_action(sub)` become `action` (with `licenses`)."""
    if action == "cancel_at_end":
        if sub["status"] == "active":
            return {"status": "pending_cancel", "resume_status": "active", "renewal_licenses": None}
        return {"auto_renew": 0, "renewal_licenses": None}  # suspended (or already set to cancel)
    changes = {"auto_renew": 1, "renewal_licenses": licenses if action == "renew_with_count" else None}
    if sub["status"] == "pending_cancel":
        changes.update(status=sub["resume_status"] or "active", resume_status=None, cancel_reason=None)
    if action == "switch_to_flexible":
        changes.update(scheduled_cycle="flexible", scheduled_plan=sub["scheduled_plan"] or sub["plan"])
    elif sub["scheduled_cycle"] == "flexible":
        # No longer switching; an edition change scheduled for the renewal stays.
        keep_plan = sub["scheduled_plan"] not in (None, sub["plan"])
        changes.update(scheduled_cycle=sub["billing_cycle"] if keep_plan else None,
                       scheduled_plan=sub["scheduled_plan"] if keep_plan else None)
    return changes


class Renewals:
    def __init__(self, storage, clock):
        self.storage = storage
        self.clock = clock

    def set_renewal(self, reseller, customer_id, action, licenses, actor):
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            sub = allowed_subscription(repo, reseller, customer_id, "renewal", now)
            if sub["billing_cycle"] == "flexible":
                raise Conflict("Renewal settings are for annual plans; a flexible plan renews month by month (set "
                               "a seat cap, or cancel it). Nothing was changed.")
            changes = {k: v for k, v in renewal_changes(sub, action, licenses).items() if sub[k] != v}
            if not changes:
                return sub
            after = save_subscription(repo, sub, changes)
            words = ACTION_WORDS[action].format(licenses=licenses)
            record(repo, reseller, customer_id, actor, "subscription.renewal_changed",
                   f"Set the renewal on {(parse_day(sub['term_end']) + ONE_DAY).isoformat()} to {words}.",
                   {**subscription_snapshot(sub), "renewal": renewal_action(sub)},
                   {**subscription_snapshot(after), "renewal": action, "renewal_licenses": after["renewal_licenses"]},
                   now)
            return after

    def set_seat_cap(self, reseller, customer_id, cap, actor):
        """`cap`: the most licenses orders may reach, or None for no cap."""
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            sub = allowed_subscription(repo, reseller, customer_id, "seat_cap", now)
            if sub["billing_cycle"] != "flexible":
                raise Conflict("A seat cap is for flexible plans; an annual plan's license count is its "
                               "commitment. Nothing was changed.")
            if cap is not None and cap < sub["licenses"]:
                raise ValidationFailed({"max_licenses": f"The subscription has {sub['licenses']} licenses now; the cap "
                                                        "must be at least that."})
            if cap == sub["max_licenses"]:
                return sub
            after = save_subscription(repo, sub, {"max_licenses": cap})
            record(repo, reseller, customer_id, actor, "subscription.seat_cap_changed",
                   f"Set a seat cap of {cap} licenses." if cap is not None else "Cleared the seat cap.",
                   {"max_licenses": sub["max_licenses"]}, {"max_licenses": cap}, now)
            return after
