"""Billing rules shared by every room that changes a subscription: terms and periods, the
derived columns kept on a saved subscription, and issuing an invoice. Functions of the open
transaction's repository; none opens a transaction of its own."""
import datetime as dt

from .. import money as pricing
from ..clock import UTC, add_months, iso, parse_day

INVOICE_DUE_DAYS = 30
ONE_DAY = dt.timedelta(days=1)
NO_RENEWAL = "9999-12-31"  # sorts customers without a renewal last


def at_midnight(day):
    return dt.datetime(day.year, day.month, day.day, tzinfo=UTC)


def renews_on(sub):
    """Day the next term starts, if it will start by itself."""
    if sub["status"] in ("trial", "active") and sub["auto_renew"]:
        return parse_day(sub["term_end"]) + ONE_DAY
    return None


def subscription_snapshot(sub):
    """What the activity history keeps of a subscription before and after a change."""
    if sub is None:
        return None
    return {"plan": sub["plan"], "billing_cycle": sub["billing_cycle"],
            "licenses": sub["licenses"], "status": sub["status"]}


def paid_term(plan, cycle, start, reseller):
    return {
        "plan": plan, "billing_cycle": cycle, "status": "active",
        "term_start": start.isoformat(),
        "term_end": (add_months(start, pricing.term_months(cycle)) - ONE_DAY).isoformat(),
        "next_bill_on": add_months(start, pricing.billing_months(cycle)).isoformat(),
        "unit_price": pricing.unit_price(plan, cycle, reseller["discount_bp"]),
        "auto_renew": 1, "scheduled_plan": None, "scheduled_cycle": None,
        "cancel_reason": None, "resume_status": None,
    }


def period_end(sub, start):
    return add_months(start, pricing.billing_months(sub["billing_cycle"])) - ONE_DAY


def current_period(sub):
    """(first day, day after the last) of the billing period that is running now."""
    boundary = parse_day(sub["term_end"]) + ONE_DAY
    next_bill = parse_day(sub["next_bill_on"]) or boundary
    end = min(next_bill, boundary)
    start = max(parse_day(sub["term_start"]),
                add_months(end, -pricing.billing_months(sub["billing_cycle"])))
    return start, end


def period_line(sub, start, last_day):
    plan = pricing.PLAN_NAMES[sub["plan"]]
    cycle = pricing.CYCLE_NAMES[sub["billing_cycle"]]
    return {"description": f"{plan}, {cycle}: licenses {start.isoformat()} to {last_day.isoformat()}",
            "quantity": sub["licenses"], "unit_amount": sub["unit_price"],
            "amount": sub["licenses"] * sub["unit_price"]}


def next_event(sub):
    """The day something happens to the subscription by itself (a bill, a renewal, an end)."""
    if sub["status"] == "cancelled":
        return None
    boundary = parse_day(sub["term_end"]) + ONE_DAY
    next_bill = parse_day(sub["next_bill_on"])
    if sub["status"] == "active" and next_bill is not None and next_bill < boundary:
        return next_bill.isoformat()
    return boundary.isoformat()


def save_subscription(repo, sub, changes):
    """Writes `changes` with the columns derived from them (monthly value, next event) and the
    customer's copies that its list sorts by; returns the subscription as saved."""
    merged = {**dict(sub), **changes}
    recurring = merged["licenses"] * merged["unit_price"]
    changes = {**changes,
               "monthly_value": 0 if merged["status"] in ("trial", "cancelled")
               else pricing.monthly_value(recurring, merged["billing_cycle"]),
               "next_event_on": next_event(merged)}
    merged.update(changes)
    repo.subscriptions.update(sub["id"], **changes)
    renews = renews_on(merged)
    repo.customers.update(sub["customer_id"], licenses=merged["licenses"],
                          renews_key=renews.isoformat() if renews else NO_RENEWAL)
    return merged


def issue_invoice(repo, reseller, customer_id, lines, when, status="open", paid_at=None):
    """A new invoice with the reseller's next number; returns its id."""
    subtotal = sum(line["amount"] for line in lines)
    tax = pricing.round_div(subtotal * reseller["tax_bp"], 10_000)
    seq = repo.resellers.take_invoice_seq(reseller["id"])
    return repo.invoices.add(
        reseller["id"], customer_id, seq, f"INV-{seq:06d}", status, reseller["currency"],
        subtotal, tax, subtotal + tax, iso(when), iso(when + dt.timedelta(days=INVOICE_DUE_DAYS)),
        lines, paid_at)

