"""The JSON shapes of the API, built from repository rows. One function per resource, so a
customer looks the same in a list, in a detail and inside another answer."""
import datetime as dt
import json

from ..clock import add_months, parse_day, parse_iso
from ..domain.roles import capabilities_json
from ..money import money, monthly_value


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
    """`link_token`: the live link's token (the domain opens it; None for a link that is not live)."""
    if row is None:
        return None
    status = invitation_status(row, now)
    return {
        "status": status,
        "url": f"{base_url}/invite/{link_token}" if link_token and row["status"] == "pending" else None,
        "sent_at": row["sent_at"],
        "expires_at": row["expires_at"],
        "accepted_at": row["accepted_at"],
    }


def renews_on(row):
    """Day the next term starts, if it will start by itself."""
    if row["status"] in ("trial", "active") and row["auto_renew"]:
        return parse_day(row["term_end"]) + dt.timedelta(days=1)
    return None


def subscription_json(row):
    if row is None:
        return None
    recurring = row["licenses"] * row["unit_price"]
    currency = row["currency"]
    renews = renews_on(row)
    scheduled = None
    if row["scheduled_plan"]:
        scheduled = {"plan": row["scheduled_plan"], "billing_cycle": row["scheduled_cycle"],
                     "effective_on": (parse_day(row["term_end"]) + dt.timedelta(days=1)).isoformat()}
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
        "monthly_value": money(0 if row["status"] in ("trial", "cancelled") else monthly_value(recurring, row["billing_cycle"]),
                               currency),
        "scheduled_change": scheduled,
        "cancel_reason": row["cancel_reason"],
    }


def customer_json(row, invitation_row, subscription_row, base_url, now, link_token=None):
    return {
        "id": row["id"],
        "name": row["name"],
        "email": row["email"],
        "google_domain": row["google_domain"],
        "organization": row["organization"],
        "status": row["status"],
        "created_at": row["created_at"],
        "invitation": invitation_json(invitation_row, base_url, now, link_token),
        "subscription": subscription_json(subscription_row),
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
    }


def invoice_json(row, lines, now_iso):
    currency = row["currency"]
    return {
        **invoice_summary_json(row, now_iso),
        "lines": [{"description": line["description"], "quantity": line["quantity"],
                   "unit_amount": money(line["unit_amount"], currency),
                   "amount": money(line["amount"], currency)} for line in lines],
    }


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
        "before": None if row["before_json"] is None else json.loads(row["before_json"]),
        "after": None if row["after_json"] is None else json.loads(row["after_json"]),
    }


def month_keys(today, count=12):
    """The last `count` months ending with today's, oldest first, as YYYY-MM."""
    first = add_months(today.replace(day=1), -(count - 1))
    return [add_months(first, i).strftime("%Y-%m") for i in range(count)]
