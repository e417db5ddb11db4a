"""Billing rules shared by every room that changes a subscription: terms and periods, the
derived columns kept on a saved subscription, and issuing invoices and credit notes. Functions
of the open transaction's repository; none opens a transaction of its own.

An invoice is issued once and never edited: it keeps the seller's and the buyer's data as they
were (`issued_as`), its language, its tax rule and each line's text and service period. A credit
note (an invoice of kind credit_note, with negative amounts) corrects one; it takes the number
after the last one from the same sequence."""
import datetime as dt
import json

from .. import money as pricing
from ..clock import UTC, add_months, iso, parse_day
from .line_items import describe, invoice_language
from .tax import TaxRule, breakdown, tax_rule

INVOICE_DUE_DAYS = 30  # payment terms of an account without a billing profile
DEFAULT_PREFIX = "INV-"
ONE_DAY = dt.timedelta(days=1)
NO_RENEWAL = "9999-12-31"  # sorts customers without a renewal last


def at_midnight(day):
    return dt.datetime(day.year, day.month, day.day, tzinfo=UTC)


def accrues(sub):
    """Whether time costs the customer anything: not in a trial, not once cancelled, and not
    while a flexible plan is suspended (an annual commitment runs on while suspended)."""
    if sub["status"] in ("trial", "cancelled"):
        return False
    return not (sub["status"] == "suspended" and sub["billing_cycle"] == "flexible")


def renews_on(sub):
    """Day the next term starts, if it will start by itself (a suspended flexible plan waits)."""
    if sub["auto_renew"] and (sub["status"] in ("trial", "active") or (sub["status"] == "suspended" and accrues(sub))):
        return parse_day(sub["term_end"]) + ONE_DAY
    return None


def monthly_value_of(sub):
    """What the subscription brings in per month now: 0 while it accrues nothing."""
    if not accrues(sub):
        return 0
    return pricing.monthly_value(sub["licenses"] * sub["unit_price"], sub["billing_cycle"])


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
        "unit_price": pricing.unit_price(plan, cycle, reseller["discount_bp"], reseller["currency"]),
        "auto_renew": 1, "scheduled_plan": None, "scheduled_cycle": None,
        "cancel_reason": None, "resume_status": None, "renewal_licenses": None,
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


def line(item, quantity, unit_amount, start, last_day):
    """An invoice line before it is issued: what it is (line_items.describe puts it into words in
    the invoice's language), how many, the price of one, and the service period (first and last day)."""
    return {"item": item, "quantity": quantity, "unit_amount": unit_amount, "amount": quantity * unit_amount,
            "period_start": start.isoformat(), "period_end": last_day.isoformat()}


def period_line(sub, start, last_day):
    return line({"kind": "period", "plan": sub["plan"], "cycle": sub["billing_cycle"], "licenses": sub["licenses"]},
                sub["licenses"], sub["unit_price"], start, last_day)


def bills_within_term(sub):
    """Whether a bill falls due before the term ends (annual plans paid monthly; also while an
    annual plan is suspended)."""
    return sub["status"] in ("active", "suspended") and accrues(sub)


def next_event(sub):
    """The day something happens to the subscription by itself (a bill, a renewal, an end);
    None when nothing will: cancelled, or a suspended flexible plan (it waits to be resumed)."""
    if sub["status"] == "cancelled" or (sub["status"] == "suspended" and not accrues(sub)):
        return None
    boundary = parse_day(sub["term_end"]) + ONE_DAY
    next_bill = parse_day(sub["next_bill_on"])
    if bills_within_term(sub) and next_bill is not None and next_bill < boundary:
        return next_bill.isoformat()
    return boundary.isoformat()


def save_subscription(repo, sub, changes):
    """Writes `changes` with the columns derived from them (monthly value, next event; a seat
    cap only on a flexible plan) and the customer's copies that its list sorts by; returns the
    subscription as saved."""
    merged = {**dict(sub), **changes}
    if merged["billing_cycle"] != "flexible" and merged["max_licenses"] is not None:
        changes = {**changes, "max_licenses": None}  # annual plans have no seat cap (Google's neither)
        merged["max_licenses"] = None
    changes = {**changes, "monthly_value": monthly_value_of(merged), "next_event_on": next_event(merged)}
    merged.update(changes)
    repo.subscriptions.update(sub["id"], **changes)
    renews = renews_on(merged)
    repo.customers.update(sub["customer_id"], licenses=merged["licenses"],
                          renews_key=renews.isoformat() if renews else NO_RENEWAL)
    return merged


def invoice_number(prefix, seq, issued):
    """The number an invoice is given: the account's prefix ({YYYY}: the year it is issued) and its
    place in the account's sequence, six digits or more."""
    return prefix.replace("{YYYY}", f"{issued.year:04d}") + f"{seq:06d}"


def seller_party(reseller, profile):
    """The seller as an invoice keeps it: the billing profile, or (none saved yet) the account's name."""
    p = dict(profile) if profile else {}
    address = {"street": p.get("street"), "postal_code": p.get("postal_code"), "city": p.get("city"),
               "country": p.get("country")}
    return {"name": p.get("legal_name") or reseller["name"], "legal_name": p.get("legal_name"),
            "account_name": reseller["name"],
            "address": address if any(address.values()) else None,
            **{key: p.get(key) for key in ("vat_id", "tax_number", "email", "phone", "iban", "bic")}}


def buyer_party(customer):
    """The buyer as an invoice keeps it: the organization, the contact, the billing details."""
    address = {"street": customer["billing_street"], "postal_code": customer["billing_postal_code"],
               "city": customer["billing_city"], "country": customer["billing_country"]}
    return {"name": customer["organization"], "contact": customer["name"],
            "address": address if any(address.values()) else None, "vat_id": customer["billing_vat_id"],
            "email": customer["billing_email"] or customer["email"], "reference": customer["billing_reference"],
            "customer_number": str(customer["id"])}


def rule_for(reseller, profile, customer):
    """The tax rule of a new invoice to `customer` (tax.py)."""
    return tax_rule(profile["country"] if profile else None, reseller["tax_bp"], customer["billing_country"],
                    customer["billing_vat_id"])


def terms_days(profile):
    return profile["payment_terms_days"] if profile else INVOICE_DUE_DAYS


def issue_invoice(repo, reseller, customer_id, lines, when, status="open", paid_at=None, kind="invoice",
                  corrects=None):
    """A new invoice (or, with kind="credit_note" and the corrected invoice's row, a credit note)
    with the account's next number; returns its id. `lines` come from line(); a credit note's
    lines are credited, so they are stored negative."""
    profile = repo.billing_profiles.get(reseller["id"])
    customer = repo.customers.get(reseller["id"], customer_id)
    language = invoice_language(customer, profile["country"] if profile else None)
    sign = -1 if kind == "credit_note" else 1
    # A correction keeps the tax rule of the invoice it corrects: it reverses that invoice's VAT.
    rule = corrected_rule(corrects) if corrects is not None else rule_for(reseller, profile, customer)
    stored = [{**entry, "description": describe(entry["item"], language), "unit_amount": sign * entry["unit_amount"],
               "amount": sign * entry["amount"]} for entry in lines]
    (_, _, subtotal, tax), = breakdown([entry["amount"] for entry in stored], rule)
    seq = repo.resellers.take_invoice_seq(reseller["id"])
    terms = 0 if kind == "credit_note" else terms_days(profile)
    seller, buyer = seller_party(reseller, profile), buyer_party(customer)
    issued_as = {"seller": seller, "buyer": buyer, "tax": rule.as_json(), "payment_terms_days": terms}
    return repo.invoices.add(
        reseller["id"], customer_id, seq,
        invoice_number(profile["invoice_prefix"] if profile else DEFAULT_PREFIX, seq, when), status,
        reseller["currency"], subtotal, tax, subtotal + tax, iso(when), iso(when + dt.timedelta(days=terms)),
        stored, paid_at, kind=kind, corrects_invoice_id=corrects["id"] if corrects is not None else None,
        language=language, seller_name=seller["name"], buyer_name=customer["name"],
        buyer_organization=customer["organization"], issued_as=json.dumps(issued_as, ensure_ascii=False))


def corrected_rule(invoice):
    """The tax rule an invoice was issued with; for one issued before invoices kept it, the rate
    its amounts show."""
    if invoice["issued_as"]:
        return TaxRule.from_json(json.loads(invoice["issued_as"])["tax"])
    rate = pricing.round_div(invoice["tax"] * 10_000, invoice["subtotal"]) if invoice["subtotal"] > 0 else 0
    return TaxRule("seller_rate", "S", rate) if rate > 0 else TaxRule("not_subject", "O", 0)


def period_invoice(repo, reseller, sub):
    """The customer's newest invoice of the running billing period (what a credit corrects), or None."""
    start = current_period(sub)[0]
    return repo.invoices.latest_for_period(reseller["id"], sub["customer_id"], iso(at_midnight(start)))


def issue_credit(repo, reseller, sub, item, quantity, unit_amount, today, when):
    """A credit note for what the running billing period has left, if that period was invoiced:
    `quantity` licenses at `unit_amount` each (prorated), correcting the customer's newest invoice
    of the period. Returns its id, or None when there is nothing to credit or nothing invoiced."""
    corrected = period_invoice(repo, reseller, sub)
    if quantity <= 0 or unit_amount <= 0 or corrected is None:
        return None
    end = current_period(sub)[1]
    return issue_invoice(repo, reseller, sub["customer_id"], [line(item, quantity, unit_amount, today, end - ONE_DAY)],
                         when, status="paid", paid_at=iso(when), kind="credit_note", corrects=corrected)
