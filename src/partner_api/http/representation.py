"""The JSON shapes of the API, built from repository rows. One function per resource, so a
customer looks the same in a list, in a detail and inside another answer."""
import datetime as dt
import json

from ..clock import add_months, parse_day, parse_iso
from ..documents.cii import e_invoice_missing
from ..domain.billing import monthly_value_of, renews_on
from ..domain.renewals import renewal_of
from ..domain.roles import capabilities_json
from ..money import money, round_div


def reseller_json(row):
    return {"id": row["id"], "name": row["name"], "email": row["email"]}


def seller_json(row):
    """The account's own facts (what an invoice's seller block shows)."""
    return {**reseller_json(row), "discount_basis_points": row["discount_bp"],
            "tax_basis_points": row["tax_bp"], "currency": row["currency"]}


def member_json(row):
    """Who is signed in, as sign-in answers and `me` name them."""
    return {"id": row["id"], "email": row["email"], "name": row["name"], "role": row["role"]}


def team_member_json(row):
    return {**member_json(row), "last_sign_in_at": row["last_sign_in_at"], "added_at": row["added_at"]}


def me_json(reseller, member):
    """The account's flat fields as before teams (existing clients read them), the member and the
    account, and the whole role x capability table."""
    return {**seller_json(reseller), "member": member_json(member), "reseller": reseller_json(reseller),
            "capabilities": capabilities_json()}


def actor_json(row):
    system = row["actor_kind"] == "system"
    return {"kind": row["actor_kind"], "email": None if system else row["actor"],
            "name": None if system else row["actor_name"]}


def invitation_status(row, now):
    if row["status"] == "pending" and parse_iso(row["expires_at"]) <= now:
        return "expired"
    if row["status"] == "superseded":
        return "revoked"
    return row["status"]


def invitation_json(row, base_url, now, link_token=None):
    """`link_token`: the live link's token (the domain opens it; None for a link that is not live).
    `answered_by`: who accepted or declined it (a verified Google account, or a demo acceptance)."""
    if row is None:
        return None
    status = invitation_status(row, now)
    answered = None
    if row["answer_method"]:
        answered = {"email": row["answered_by"], "name": row["answered_by_name"], "method": row["answer_method"]}
    return {
        "status": status,
        "url": f"{base_url}/invite/{link_token}" if link_token and row["status"] == "pending" else None,
        "sent_at": row["sent_at"],
        "expires_at": row["expires_at"],
        "accepted_at": row["accepted_at"],
        "declined_at": row["ended_at"] if row["status"] == "declined" else None,
        "answered_by": answered,
    }


def trial_ends_on(row):
    """The last day of a trial (also of one set to cancel at its end); None after it."""
    in_trial = row["status"] == "trial" or (row["status"] == "pending_cancel" and row["resume_status"] == "trial")
    return row["term_end"] if in_trial else None


def subscription_json(row, reseller):
    """`reseller`: the account that holds it (its discount prices the renewal)."""
    if row is None:
        return None
    recurring = row["licenses"] * row["unit_price"]
    currency = row["currency"]
    renews = renews_on(row)
    scheduled = None
    if row["scheduled_plan"]:
        scheduled = {"plan": row["scheduled_plan"], "billing_cycle": row["scheduled_cycle"],
                     "effective_on": (parse_day(row["term_end"]) + dt.timedelta(days=1)).isoformat()}
    suspension = None
    if row["status"] == "suspended":
        suspension = {"reason": row["suspend_reason"], "since": row["suspended_at"]}
    return {
        "id": row["id"],
        "customer_id": row["customer_id"],
        "plan": row["plan"],
        "billing_cycle": row["billing_cycle"],
        "licenses": row["licenses"],
        "status": row["status"],
        "started_at": row["started_at"],
        "term_start": row["term_start"],
        "term_end": row["term_end"],
        "renews_at": renews.isoformat() if renews else None,
        "auto_renew": bool(row["auto_renew"]),
        "unit_price": money(row["unit_price"], currency),
        "recurring_amount": money(recurring, currency),
        "monthly_value": money(monthly_value_of(row), currency),
        "scheduled_change": scheduled,
        "cancel_reason": row["cancel_reason"],
        "trial_ends_on": trial_ends_on(row),
        "suspension": suspension,
        "max_licenses": row["max_licenses"],
        "renewal": renewal_of(row, reseller["discount_bp"]),
    }


def billing_json(row):
    """A customer's billing details, or None while it has none."""
    if not any(row[f"billing_{part}"] for part in ("street", "postal_code", "city", "country", "vat_id", "email")):
        return None
    return {"address": {"street": row["billing_street"], "postal_code": row["billing_postal_code"],
                        "city": row["billing_city"], "country": row["billing_country"]},
            "vat_id": row["billing_vat_id"], "language": row["billing_language"], "email": row["billing_email"],
            "buyer_reference": row["billing_reference"]}


def billing_profile_json(view):
    return {"legal_name": view["legal_name"],
            "address": {part: view[part] for part in ("street", "postal_code", "city", "country")},
            **{name: view[name] for name in ("vat_id", "tax_number", "currency", "invoice_prefix", "payment_terms_days",
                                             "iban", "bic", "email", "phone")},
            "tax_basis_points": view["tax_bp"], "currency_locked": view["currency_locked"],
            "next_invoice_number": view["next_invoice_number"], "missing": view["missing"]}


def transfer_token_json(row):
    """A live transfer token as its reseller sees it afterwards: never the token itself."""
    if row is None:
        return None
    return {"created_at": row["created_at"], "expires_at": row["expires_at"],
            "created_by": {"email": row["created_by"], "name": row["created_by_name"]}}


def customer_json(row, invitation_row, subscription_row, transfer_row, reseller, base_url, now, link_token=None):
    return {
        "id": row["id"],
        "name": row["name"],
        "email": row["email"],
        "google_domain": row["google_domain"],
        "organization": row["organization"],
        "status": row["status"],
        "created_at": row["created_at"],
        "invitation": invitation_json(invitation_row, base_url, now, link_token),
        "subscription": subscription_json(subscription_row, reseller),
        "transfer_token": transfer_token_json(transfer_row),
        "billing": billing_json(row),
    }


def invoice_status(row, now_iso):
    if row["status"] == "open" and row["due_at"] < now_iso:
        return "overdue"
    return row["status"]


def invoice_summary_json(row, now_iso):
    currency = row["currency"]
    return {
        "id": row["id"],
        "number": row["number"],
        "customer_id": row["customer_id"],
        "customer_name": row["customer_name"],
        "customer_organization": row["customer_organization"],
        "status": invoice_status(row, now_iso),
        "issued_at": row["issued_at"],
        "due_at": row["due_at"],
        "paid_at": row["paid_at"],
        "subtotal": money(row["subtotal"], currency),
        "tax": money(row["tax"], currency),
        "total": money(row["total"], currency),
        "kind": row["kind"],
        "corrects": {"id": row["corrects_invoice_id"], "number": row["corrects_number"]}
        if row["corrects_invoice_id"] is not None else None,
    }


def tax_rule_json(row, issued):
    """The rule the invoice was issued with; an invoice from before rules were kept shows the rate
    its amounts make (rule "legacy")."""
    if issued is not None:
        tax = issued["tax"]
        return {"rule": tax["rule"], "category": tax["category"], "rate_basis_points": tax["rate_bp"]}
    rate = round_div(abs(row["tax"]) * 10_000, abs(row["subtotal"])) if row["subtotal"] else 0
    return {"rule": "legacy", "category": None, "rate_basis_points": rate}


def invoice_json(row, lines, now_iso, corrections=()):
    """One invoice as issued: its parties as they were (null for invoices issued before they were
    kept), language, tax rule, lines with their service periods and what each is (item, for a client's own words), the invoice it corrects or the
    credit notes that correct it, and what an e-invoice of it would lack."""
    currency = row["currency"]
    issued = json.loads(row["issued_as"]) if row["issued_as"] else None
    invoice = {
        **invoice_summary_json(row, now_iso),
        "language": row["language"],
        "seller": issued["seller"] if issued else {"name": row["seller_shown"]},
        "buyer": issued["buyer"] if issued else {"name": row["customer_organization"],
                                                 "contact": row["customer_name"]},
        "tax_rule": tax_rule_json(row, issued),
        "payment_terms_days": issued["payment_terms_days"] if issued else None,
        "issued_as_e_invoice": issued is not None,
        "corrected_by": [{"id": c["id"], "number": c["number"]} for c in corrections],
        "lines": [{"description": line["description"], "quantity": line["quantity"],
                   "unit_amount": money(line["unit_amount"], currency),
                   "amount": money(line["amount"], currency),
                   "period": {"start": line["period_start"], "end": line["period_end"]}
                   if line["period_start"] else None,
                   "item": json.loads(line["item"]) if line["item"] else None} for line in lines],
    }
    if invoice["corrects"] is not None:
        invoice["corrects"]["issued_at"] = row["corrects_issued_at"]
    invoice["e_invoice_missing"] = e_invoice_missing(invoice)
    return invoice


def license_order_json(row):
    return {
        "id": row["id"],
        "subscription_id": row["subscription_id"],
        "licenses_before": row["licenses_before"],
        "licenses_after": row["licenses_after"],
        "amount": money(row["amount"], row["currency"]),
        "invoice_id": row["invoice_id"],
        "created_at": row["created_at"],
    }


def activity_json(row):
    return {
        "id": row["id"],
        "created_at": row["created_at"],
        "actor": actor_json(row),
        "action": row["action"],
        "summary": row["summary"],
        "customer_id": row["customer_id"],
        "customer_name": row["customer_name"],
        "job_id": row["job_id"],
        "before": None if row["before_json"] is None else json.loads(row["before_json"]),
        "after": None if row["after_json"] is None else json.loads(row["after_json"]),
    }


def month_keys(today, count=12):
    """The last `count` months ending with today's, oldest first, as YYYY-MM."""
    first = add_months(today.replace(day=1), -(count - 1))
    return [add_months(first, i).strftime("%Y-%m") for i in range(count)]


def bulk_row_json(row):
    """One row of a bulk job: its number, outcome and what it was about (an import's row as sent)."""
    return {
        "row": row["position"],
        "state": row["state"],
        "code": row["code"],
        "message": row["message"],
        "customer_id": row["customer_id"],
        "input": None if row["input"] is None else json.loads(row["input"]),
        "detail": None if row["detail"] is None else json.loads(row["detail"]),
    }


def bulk_job_json(job, counts, rows=(), missing=()):
    return {
        "id": job["id"],
        "action": job["action"],
        "status": job["status"],
        "licenses": job["licenses"],
        "selection": json.loads(job["selection"]),
        "created_by": {"email": job["actor"], "name": job["actor_name"]},
        "created_at": job["created_at"],
        "started_at": job["started_at"],
        "finished_at": job["finished_at"],
        "note": job["note"],
        "counts": counts,
        "missing_rows": [list(pair) for pair in missing],
        "rows": [bulk_row_json(row) for row in rows],
    }


def saved_view_json(row, member):
    """A saved view as the member asking sees it: theirs to change, or the team's."""
    return {
        "id": row["id"],
        "name": row["name"],
        "shared": bool(row["shared"]),
        "mine": row["member_id"] == member["id"],
        "owner": {"name": row["owner_name"], "email": row["owner_email"]},
        "q": row["q"],
        "status": row["status"],
        "sort": row["sort"],
        "columns": None if row["columns"] is None else json.loads(row["columns"]),
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }
