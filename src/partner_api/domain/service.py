"""The domain: resellers, sessions, customers, invitations, subscriptions, license orders,
plan changes, invoices and activity. Every mutation, its invoice and its activity entry are
written in one transaction (Database.write, BEGIN IMMEDIATE)."""
import datetime as dt
import hashlib
import re
import secrets

from .. import money as pricing
from ..clock import UTC, add_months, iso, parse_day, parse_iso
from ..errors import (Conflict, DomainTaken, InvitationGone, LicensesChanged, NotADemoAccount, NotAReseller,
                     NotFound, PlanChanged, SessionExpired, SubscriptionCancelled, Unauthorized, ValidationFailed)
from ..storage.list_cache import ListCache, generation
from ..storage.repository import CUSTOMER_SORTS, Repository
from ..http.representation import month_keys, renews_on
from ..validation import sort_key

DEMO_EMAIL = "demo@reseller.example"
INVITATION_DAYS = 14
INVOICE_DUE_DAYS = 30
ONE_DAY = dt.timedelta(days=1)
NO_RENEWAL = "9999-12-31"  # sorts customers without a renewal last


def token_hash(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def name_from_email(email):
    local = email.split("@", 1)[0]
    words = [word for word in re.split(r"[._+\-]+", local) if word]
    return " ".join(word.title() for word in words) or email


def fts_query(text):
    """Each word of the search becomes a quoted prefix term, so user text is never FTS syntax."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{word}"*' for word in words) or None


def subscription_snapshot(sub):
    if sub is None:
        return None
    return {"plan": sub["plan"], "billing_cycle": sub["billing_cycle"],
            "licenses": sub["licenses"], "status": sub["status"]}


def _at_midnight(day):
    return dt.datetime(day.year, day.month, day.day, tzinfo=UTC)


def positions(total, offset, limit, ids_at):
    """Ids at positions offset..offset+limit-1 of a sorted list of `total` rows. The index is
    walked from whichever end is nearer, so no request skips more than half the list:
    ids_at(reverse, skip, count) returns ids in that direction."""
    end = min(total, offset + limit)
    if offset >= end:
        return []
    if offset <= total - end:
        return ids_at(False, offset, end - offset)
    return list(reversed(ids_at(True, total - end, end - offset)))


class PartnerService:
    def __init__(self, db, clock, session_hours=8, log=None):
        self.db = db
        self.clock = clock
        self.session_hours = session_hours
        self.log = log or (lambda message: None)
        self.lists = ListCache()

    def now(self):
        return self.clock.now()

    def today(self):
        return self.now().date()

    # == resellers and sessions =============================================================
    def register_reseller(self, email, name, demo=False):
        """Adds a reseller, or renames an existing one; returns (row, created). Registering a
        real reseller whose email is a demo account makes that account real and ends every
        session demo sign-in opened on it: whoever used the demo is signed out for good."""
        with self.db.write() as conn:
            repo = Repository(conn)
            existing = repo.reseller_by_email(email.lower())
            if existing:
                repo.rename_reseller(existing["id"], name)
                if existing["is_demo"] and not demo:
                    repo.make_real_reseller(existing["id"])
                    repo.end_sessions_of(existing["id"], iso(self.now()))
                return repo.reseller(existing["id"]), False
            reseller_id = repo.insert_reseller(email.lower(), name, iso(self.now()), demo=demo)
            return repo.reseller(reseller_id), True

    def reseller_by_email(self, email):
        with self.db.read() as conn:
            return Repository(conn).reseller_by_email(email.lower())

    def reseller_count(self):
        with self.db.read() as conn:
            return Repository(conn).reseller_count()

    def real_reseller_count(self):
        with self.db.read() as conn:
            return Repository(conn).real_reseller_count()

    def demo_sign_in(self, email):
        """Demo mode opens demo accounts only, creating one for a new address on first use.
        A registered (real) reseller's email is refused: demo sign-in checks no identity."""
        email = email.lower()
        with self.db.write() as conn:
            repo = Repository(conn)
            reseller = repo.reseller_by_email(email)
            if reseller is None:
                reseller = repo.reseller(repo.insert_reseller(email, name_from_email(email),
                                                              iso(self.now()), demo=True))
            elif not reseller["is_demo"]:
                raise NotADemoAccount()
            return self._new_session(repo, reseller)

    def sign_in_registered(self, email):
        """Google sign-in: registered resellers only (a demo account is anyone's)."""
        with self.db.write() as conn:
            repo = Repository(conn)
            reseller = repo.reseller_by_email(email.lower())
            if reseller is None or reseller["is_demo"]:
                raise NotAReseller()
            return self._new_session(repo, reseller)

    def _new_session(self, repo, reseller):
        token = secrets.token_urlsafe(32)  # 256 random bits
        now = self.now()
        expires_at = now + dt.timedelta(hours=self.session_hours)
        repo.insert_session(token_hash(token), reseller["id"], iso(now), iso(expires_at))
        return token, iso(expires_at), reseller

    def authenticate(self, token):
        if not token:
            raise Unauthorized()
        with self.db.read() as conn:
            repo = Repository(conn)
            session = repo.session(token_hash(token))
            if session is None or session["ended_at"] is not None:
                raise Unauthorized("The session token is not valid. Please sign in.")
            if parse_iso(session["expires_at"]) <= self.now():
                raise SessionExpired()
            reseller = repo.reseller(session["reseller_id"])
        self.catch_up(reseller)
        return reseller

    def logout(self, token):
        with self.db.write() as conn:
            Repository(conn).end_session(token_hash(token), iso(self.now()))

    # == time passing: bills, renewals, trial ends ==========================================
    def catch_up(self, reseller):
        """Runs every bill, renewal and end that fell due since the last request, oldest
        first, so invoice numbers follow the dates they were issued."""
        today = self.today().isoformat()
        with self.db.read() as conn:
            if not Repository(conn).has_due_subscription(reseller["id"], today):
                return
        with self.db.write() as conn:
            repo = Repository(conn)
            while True:
                sub = repo.next_due_subscription(reseller["id"], today)
                if sub is None:
                    return
                self._run_event(repo, reseller, sub)

    def _run_event(self, repo, reseller, sub):
        boundary = parse_day(sub["term_end"]) + ONE_DAY
        next_bill = parse_day(sub["next_bill_on"])
        if sub["status"] == "active" and next_bill is not None and next_bill < boundary:
            when = _at_midnight(next_bill)
            period_end = add_months(next_bill, pricing.billing_months(sub["billing_cycle"])) - ONE_DAY
            invoice_id = self._issue_invoice(repo, reseller, sub["customer_id"],
                                             [self._period_line(sub, next_bill, period_end)], when)
            self._save_subscription(repo, sub, {"next_bill_on": add_months(
                next_bill, pricing.billing_months(sub["billing_cycle"])).isoformat()})
            self._record(repo, reseller, sub["customer_id"], "system", "invoice.issued",
                         f"Invoice {self._invoice_number(repo, reseller, invoice_id)} issued"
                         " for the next billing period.", None, None, when)
            return
        when = _at_midnight(boundary)
        before = subscription_snapshot(sub)
        if sub["status"] == "pending_cancel" or not sub["auto_renew"]:
            after = self._save_subscription(repo, sub, {
                "status": "cancelled", "cancelled_at": iso(when), "auto_renew": 0,
                "scheduled_plan": None, "scheduled_cycle": None})
            repo.update_customer(sub["customer_id"], status="cancelled")
            self._record(repo, reseller, sub["customer_id"], "system", "subscription.ended",
                         "The subscription ended at the end of its term.", before,
                         subscription_snapshot(after), when)
            return
        was_trial = sub["status"] == "trial"
        plan = sub["scheduled_plan"] or sub["plan"]
        cycle = sub["scheduled_cycle"] or ("flexible" if was_trial else sub["billing_cycle"])
        changes = self._paid_term(plan, cycle, boundary, reseller)
        after = self._save_subscription(repo, sub, changes)
        self._issue_invoice(repo, reseller, sub["customer_id"],
                            [self._period_line(after, boundary, self._period_end(after, boundary))],
                            when)
        if was_trial:
            self._record(repo, reseller, sub["customer_id"], "system", "subscription.converted",
                         "The trial ended and became a paid subscription.", before,
                         subscription_snapshot(after), when)
        else:
            self._record(repo, reseller, sub["customer_id"], "system", "subscription.renewed",
                         f"The subscription renewed for a new term from {boundary.isoformat()}.",
                         before, subscription_snapshot(after), when)

    # == helpers for subscriptions ==========================================================
    @staticmethod
    def _paid_term(plan, cycle, start, reseller):
        return {
            "plan": plan, "billing_cycle": cycle, "status": "active",
            "term_start": start.isoformat(),
            "term_end": (add_months(start, pricing.term_months(cycle)) - ONE_DAY).isoformat(),
            "next_bill_on": add_months(start, pricing.billing_months(cycle)).isoformat(),
            "unit_price": pricing.unit_price(plan, cycle, reseller["discount_bp"]),
            "auto_renew": 1, "scheduled_plan": None, "scheduled_cycle": None,
            "cancel_reason": None, "resume_status": None,
        }

    @staticmethod
    def _period_end(sub, start):
        return add_months(start, pricing.billing_months(sub["billing_cycle"])) - ONE_DAY

    @staticmethod
    def _current_period(sub):
        """(first day, day after the last) of the billing period that is running now."""
        boundary = parse_day(sub["term_end"]) + ONE_DAY
        next_bill = parse_day(sub["next_bill_on"]) or boundary
        end = min(next_bill, boundary)
        start = max(parse_day(sub["term_start"]),
                    add_months(end, -pricing.billing_months(sub["billing_cycle"])))
        return start, end

    @staticmethod
    def _period_line(sub, start, last_day):
        plan = pricing.PLAN_NAMES[sub["plan"]]
        cycle = pricing.CYCLE_NAMES[sub["billing_cycle"]]
        return {"description": f"{plan}, {cycle}: licenses {start.isoformat()} to {last_day.isoformat()}",
                "quantity": sub["licenses"], "unit_amount": sub["unit_price"],
                "amount": sub["licenses"] * sub["unit_price"]}

    @staticmethod
    def _next_event(sub):
        if sub["status"] == "cancelled":
            return None
        boundary = parse_day(sub["term_end"]) + ONE_DAY
        next_bill = parse_day(sub["next_bill_on"])
        if sub["status"] == "active" and next_bill is not None and next_bill < boundary:
            return next_bill.isoformat()
        return boundary.isoformat()

    def _save_subscription(self, repo, sub, changes):
        merged = {**dict(sub), **changes}
        recurring = merged["licenses"] * merged["unit_price"]
        changes = {**changes,
                   "monthly_value": 0 if merged["status"] in ("trial", "cancelled")
                   else pricing.monthly_value(recurring, merged["billing_cycle"]),
                   "next_event_on": self._next_event(merged)}
        merged.update(changes)
        repo.update_subscription(sub["id"], **changes)
        renews = renews_on(merged)
        repo.update_customer(sub["customer_id"], licenses=merged["licenses"],
                             renews_key=renews.isoformat() if renews else NO_RENEWAL)
        return merged

    def _issue_invoice(self, repo, reseller, customer_id, lines, when, status="open", paid_at=None):
        subtotal = sum(line["amount"] for line in lines)
        tax = pricing.round_div(subtotal * reseller["tax_bp"], 10_000)
        seq = repo.take_invoice_seq(reseller["id"])
        return repo.insert_invoice(
            reseller["id"], customer_id, seq, f"INV-{seq:06d}", status, reseller["currency"],
            subtotal, tax, subtotal + tax, iso(when), iso(when + dt.timedelta(days=INVOICE_DUE_DAYS)),
            lines, paid_at)

    @staticmethod
    def _invoice_number(repo, reseller, invoice_id):
        return repo.invoice(reseller["id"], invoice_id)["number"]

    @staticmethod
    def _record(repo, reseller, customer_id, actor, action, summary, before, after, when):
        repo.insert_activity(reseller["id"], customer_id, actor, action, summary, before, after,
                             iso(when))

    def _customer_or_404(self, repo, reseller, customer_id):
        customer = repo.customer(reseller["id"], customer_id)
        if customer is None:
            raise NotFound("There is no customer with this id.")
        return customer

    def _subscription_or_404(self, repo, reseller, customer_id):
        self._customer_or_404(repo, reseller, customer_id)
        sub = repo.subscription_of(customer_id)
        if sub is None:
            raise NotFound("This customer has no subscription yet: the invitation is not accepted.")
        return sub

    # == customers ==========================================================================
    def list_customers(self, reseller, q, status, sort, descending, after, limit, offset=None):
        """One page by keyset (`after`) or by position in the sort (`offset`)."""
        match = fts_query(q) if q else None
        with self.db.read() as conn:
            repo = Repository(conn)
            rid = reseller["id"]
            gen = generation(conn, rid, "customers")  # before the count: see list_cache.py
            total = self.lists.total(("customers", rid, status, match), gen,
                                     lambda: repo.count_customers(rid, status, match))
            if offset is None:
                rows = repo.list_customers(rid, status, match, sort, descending, after, limit + 1)
                more = len(rows) > limit
                rows = rows[:limit]
            else:
                start = None if offset >= total else self.lists.anchor(
                    ("customers", rid, status, match, sort, descending), gen, offset, total,
                    lambda step: repo.customer_samples(rid, status, match, sort, descending, step))
                if start is None:
                    ids = positions(total, offset, limit, lambda reverse, o, n: repo.customer_ids_at(
                        rid, status, match, sort, descending != reverse, o, n))
                else:
                    ids = repo.customer_ids_from(rid, status, match, sort, descending, *start, limit)
                rows = repo.customers_by_ids(ids)
                more = offset + len(rows) < total
            invitations = repo.invitations(r["invitation_id"] for r in rows if r["invitation_id"])
            subscriptions = repo.subscriptions_of(r["id"] for r in rows)
        column = CUSTOMER_SORTS[sort]
        page = [(row, invitations.get(row["invitation_id"]), subscriptions.get(row["id"]))
                for row in rows]
        next_key = (rows[-1][column], rows[-1]["id"]) if more and rows else None
        return page, total, next_key

    def customer(self, reseller, customer_id):
        with self.db.read() as conn:
            return self._customer_view(Repository(conn), reseller, customer_id)

    def _customer_view(self, repo, reseller, customer_id):
        customer = self._customer_or_404(repo, reseller, customer_id)
        invitation = repo.invitation(customer["invitation_id"]) if customer["invitation_id"] else None
        return customer, invitation, repo.subscription_of(customer_id)

    def invite(self, reseller, name, email, google_domain, organization, base_url):
        now = self.now()
        with self.db.write() as conn:
            repo = Repository(conn)
            if repo.live_domain_owner(google_domain):
                raise DomainTaken(f"The Google domain {google_domain} already belongs to a customer.")
            customer_id = repo.insert_customer(reseller["id"], name, email, google_domain,
                                               organization, "invited", iso(now), sort_key(name))
            self._send_invitation(repo, reseller, customer_id, name, email, organization, base_url, now)
            self._record(repo, reseller, customer_id, reseller["email"], "customer.invited",
                         f"Invited {name} ({organization}, {google_domain}).", None,
                         {"name": name, "email": email, "google_domain": google_domain,
                          "organization": organization}, now)
            return self._customer_view(repo, reseller, customer_id)

    def _send_invitation(self, repo, reseller, customer_id, name, email, organization, base_url, now):
        token = secrets.token_urlsafe(32)
        invitation_id = repo.insert_invitation(
            customer_id, reseller["id"], token_hash(token), token, iso(now),
            iso(now + dt.timedelta(days=INVITATION_DAYS)))
        repo.update_customer(customer_id, invitation_id=invitation_id, status="invited")
        url = f"{base_url}/invite/{token}"
        subject = f"{reseller['name']} invites {organization} to the add-on"
        body = (f"Hello {name},\n\n{reseller['name']} invites {organization} to start a 30-day trial."
                f"\nAccept here (valid for {INVITATION_DAYS} days): {url}\n\n"
                f"Hallo {name},\n\n{reseller['name']} lädt {organization} zu einer 30-tägigen"
                f" Testphase ein.\nHier annehmen ({INVITATION_DAYS} Tage gültig): {url}\n")
        repo.insert_outbox(reseller["id"], customer_id, email, subject, body, iso(now))
        self.log(f"outbox: invitation to {email}: {url}")
        return invitation_id

    def update_customer(self, reseller, customer_id, changes):
        now = self.now()
        with self.db.write() as conn:
            repo = Repository(conn)
            customer = self._customer_or_404(repo, reseller, customer_id)
            changes = {k: v for k, v in changes.items() if v != customer[k]}
            if changes:
                if "name" in changes:
                    changes["name_key"] = sort_key(changes["name"])
                repo.update_customer(customer_id, **changes)
                shown = [k for k in changes if k != "name_key"]
                self._record(repo, reseller, customer_id, reseller["email"], "customer.updated",
                             f"Changed {', '.join(shown)} of {customer['name']}.",
                             {k: customer[k] for k in shown}, {k: changes[k] for k in shown}, now)
            return self._customer_view(repo, reseller, customer_id)

    def resend_invitation(self, reseller, customer_id, base_url):
        now = self.now()
        with self.db.write() as conn:
            repo = Repository(conn)
            customer = self._customer_or_404(repo, reseller, customer_id)
            if customer["status"] not in ("invited", "revoked"):
                raise Conflict("The invitation was already accepted; there is nothing to resend.")
            if customer["status"] == "revoked" and repo.live_domain_owner(customer["google_domain"]):
                raise DomainTaken(f"The Google domain {customer['google_domain']} now belongs"
                                  " to another customer.")
            self._end_invitation(repo, customer, "superseded", now)
            self._send_invitation(repo, reseller, customer_id, customer["name"], customer["email"],
                                  customer["organization"], base_url, now)
            self._record(repo, reseller, customer_id, reseller["email"], "invitation.resent",
                         f"Sent a new invitation link to {customer['email']}; the old link no"
                         " longer works.", {"status": customer["status"]}, {"status": "invited"}, now)
            return self._customer_view(repo, reseller, customer_id)

    def revoke_invitation(self, reseller, customer_id):
        now = self.now()
        with self.db.write() as conn:
            repo = Repository(conn)
            customer = self._customer_or_404(repo, reseller, customer_id)
            if customer["status"] != "invited":
                raise Conflict("Only a pending invitation can be revoked.")
            self._end_invitation(repo, customer, "revoked", now)
            repo.update_customer(customer_id, status="revoked")
            self._record(repo, reseller, customer_id, reseller["email"], "invitation.revoked",
                         f"Revoked the invitation of {customer['name']}.", {"status": "invited"},
                         {"status": "revoked"}, now)
            return self._customer_view(repo, reseller, customer_id)

    @staticmethod
    def _end_invitation(repo, customer, status, now):
        if customer["invitation_id"]:
            invitation = repo.invitation(customer["invitation_id"])
            if invitation["status"] == "pending":
                repo.update_invitation(invitation["id"], status=status, url_token=None,
                                       ended_at=iso(now))

    def _live_invitation(self, repo, token):
        invitation = repo.invitation_by_token_hash(token_hash(token)) if token else None
        if invitation is None:
            raise NotFound("This invitation link does not exist.")
        if invitation["status"] == "accepted":
            raise InvitationGone("This invitation was already accepted.")
        if invitation["status"] != "pending":
            raise InvitationGone("This invitation link was withdrawn or replaced by a newer one.")
        if parse_iso(invitation["expires_at"]) <= self.now():
            raise InvitationGone("This invitation link has expired. Ask your reseller for a new one.")
        return invitation

    def invitation_page(self, token):
        """What the acceptance page shows; raises like accept does for a dead link."""
        with self.db.read() as conn:
            repo = Repository(conn)
            invitation = self._live_invitation(repo, token)
            customer = repo.customer(invitation["reseller_id"], invitation["customer_id"])
            reseller = repo.reseller(invitation["reseller_id"])
            return {"customer_name": customer["name"], "organization": customer["organization"],
                    "google_domain": customer["google_domain"], "reseller_name": reseller["name"],
                    "expires_at": invitation["expires_at"]}

    def accept_invitation(self, token):
        now = self.now()
        with self.db.write() as conn:
            repo = Repository(conn)
            invitation = self._live_invitation(repo, token)
            reseller = repo.reseller(invitation["reseller_id"])
            customer = repo.customer(reseller["id"], invitation["customer_id"])
            today = now.date()
            values = {
                "customer_id": customer["id"], "reseller_id": reseller["id"],
                "plan": pricing.TRIAL_PLAN, "billing_cycle": "flexible",
                "licenses": pricing.TRIAL_LICENSES, "status": "trial", "started_at": iso(now),
                "term_start": today.isoformat(),
                "term_end": (today + dt.timedelta(days=pricing.TRIAL_DAYS - 1)).isoformat(),
                "next_bill_on": None, "auto_renew": 1, "currency": reseller["currency"],
                "unit_price": pricing.unit_price(pricing.TRIAL_PLAN, "flexible", reseller["discount_bp"]),
                "monthly_value": 0,
                "next_event_on": (today + dt.timedelta(days=pricing.TRIAL_DAYS)).isoformat(),
            }
            sub_id = repo.insert_subscription(values)
            sub = repo.subscription_of(customer["id"])
            self._save_subscription(repo, sub, {})
            repo.update_invitation(invitation["id"], status="accepted", url_token=None,
                                   accepted_at=iso(now), ended_at=iso(now))
            repo.update_customer(customer["id"], status="active")
            self._record(repo, reseller, customer["id"], customer["email"], "invitation.accepted",
                         f"{customer['name']} accepted the invitation; a {pricing.TRIAL_DAYS}-day"
                         " trial started.", {"status": "invited"},
                         {"status": "active", "subscription": subscription_snapshot(sub)}, now)
            return {
                "customer": {"id": customer["id"], "name": customer["name"],
                             "organization": customer["organization"],
                             "google_domain": customer["google_domain"], "status": "active"},
                "reseller": {"name": reseller["name"]},
                "subscription": {"id": sub_id, "plan": sub["plan"], "licenses": sub["licenses"],
                                 "status": "trial", "trial_ends_on": sub["term_end"]},
            }

    # == subscriptions ======================================================================
    def subscription(self, reseller, customer_id):
        with self.db.read() as conn:
            return self._subscription_or_404(Repository(conn), reseller, customer_id)

    def license_order(self, reseller, customer_id, target, commit, expected=None):
        now = self.now()
        today = now.date()
        with (self.db.write() if commit else self.db.read()) as conn:
            repo = Repository(conn)
            sub = self._subscription_or_404(repo, reseller, customer_id)
            if sub["status"] == "cancelled":
                raise SubscriptionCancelled()
            # Checked inside the write transaction: two people who both saw 10 cannot both order.
            if expected is not None and sub["licenses"] != expected:
                raise LicensesChanged(expected, sub)
            currency = sub["currency"]
            converts = sub["status"] == "trial"
            if converts:
                changes = {**self._paid_term(sub["plan"], "flexible", today, reseller), "licenses": target}
                merged = {**dict(sub), **changes}
                period_end = self._period_end(merged, today)
                line = {**self._period_line(merged, today, period_end)}
                charge, per_license = line["amount"], merged["unit_price"]
                days_left = period_days = (period_end - today).days + 1
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
                start, end = self._current_period(sub)
                days_left, period_days = (end - today).days, (end - start).days
                period_end = end - ONE_DAY
                added = max(0, target - sub["licenses"])
                per_license = pricing.prorate(sub["unit_price"], days_left, period_days)
                charge = per_license * added
                line = {"description": f"{pricing.PLAN_NAMES[sub['plan']]}: {added} additional"
                                       f" licenses, {today.isoformat()} to {period_end.isoformat()}"
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
                "proration": {"from": today.isoformat(), "to": period_end.isoformat(),
                              "days": days_left, "period_days": period_days},
                "recurring_amount": pricing.money(recurring, currency),
                "monthly_value": pricing.money(pricing.monthly_value(recurring, merged["billing_cycle"]),
                                               currency),
            }
            if not commit:
                return preview
            before = subscription_snapshot(sub)
            after = self._save_subscription(repo, sub, changes)
            invoice_id = (self._issue_invoice(repo, reseller, customer_id, [line], now)
                          if charge > 0 else None)
            order_id = repo.insert_license_order(reseller["id"], customer_id, sub["id"],
                                                 sub["licenses"], target, charge, currency,
                                                 invoice_id, iso(now))
            summary = (f"Converted the trial to a paid subscription with {target} licenses."
                       if converts else f"Changed licenses from {sub['licenses']} to {target}.")
            self._record(repo, reseller, customer_id, reseller["email"], "subscription.licenses_ordered",
                         summary, before, subscription_snapshot(after), now)
            return {"order": repo.license_order(order_id), "subscription": after,
                    "invoice_id": invoice_id}

    def plan_change(self, reseller, customer_id, plan, cycle, commit, expected=None):
        now = self.now()
        today = now.date()
        with (self.db.write() if commit else self.db.read()) as conn:
            repo = Repository(conn)
            sub = self._subscription_or_404(repo, reseller, customer_id)
            if sub["status"] == "cancelled":
                raise SubscriptionCancelled()
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
                changes = {**self._paid_term(plan, cycle, today, reseller), "licenses": sub["licenses"]}
                merged = {**dict(sub), **changes}
                line = self._period_line(merged, today, self._period_end(merged, today))
                charge = line["amount"]
            elif plan == sub["plan"] and cycle == sub["billing_cycle"]:
                raise ValidationFailed({"plan": "The subscription is already on this plan and billing cycle."})
            elif cycle == sub["billing_cycle"] and (new_rank > old_rank or cycle == "flexible"):
                # Same cycle: upgrades apply now (prorated); flexible downgrades apply now too.
                effective = "now"
                unit = pricing.unit_price(plan, cycle, reseller["discount_bp"])
                changes = {"plan": plan, "unit_price": unit, "scheduled_plan": None, "scheduled_cycle": None}
                if unit > sub["unit_price"]:
                    start, end = self._current_period(sub)
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
            after = self._save_subscription(repo, sub, changes)
            invoice_id = (self._issue_invoice(repo, reseller, customer_id, [line], now)
                          if charge > 0 else None)
            target = f"{pricing.PLAN_NAMES[plan]}, {pricing.CYCLE_NAMES[cycle]}"
            if effective == "now":
                action, summary = "subscription.plan_changed", f"Changed the plan to {target}."
            else:
                action, summary = ("subscription.plan_change_scheduled",
                                   f"Scheduled a change to {target} at renewal on {renewal.isoformat()}.")
            self._record(repo, reseller, customer_id, reseller["email"], action, summary, before,
                         {**subscription_snapshot(after), "scheduled_plan": after["scheduled_plan"],
                          "scheduled_cycle": after["scheduled_cycle"]}, now)
            return {"change": preview, "subscription": after, "invoice_id": invoice_id}

    def cancel(self, reseller, customer_id, when, reason):
        now = self.now()
        with self.db.write() as conn:
            repo = Repository(conn)
            sub = self._subscription_or_404(repo, reseller, customer_id)
            if sub["status"] == "cancelled":
                raise SubscriptionCancelled("The subscription is already cancelled.")
            before = subscription_snapshot(sub)
            if when == "now":
                after = self._save_subscription(repo, sub, {
                    "status": "cancelled", "cancelled_at": iso(now), "auto_renew": 0,
                    "cancel_reason": reason, "scheduled_plan": None, "scheduled_cycle": None})
                repo.update_customer(customer_id, status="cancelled")
                summary = "Cancelled the subscription with immediate effect."
            else:
                if sub["status"] == "pending_cancel":
                    raise Conflict("The subscription is already set to cancel at the end of its term.")
                after = self._save_subscription(repo, sub, {
                    "status": "pending_cancel", "resume_status": sub["status"],
                    "cancel_reason": reason})
                summary = f"Set the subscription to cancel at the end of its term ({sub['term_end']})."
            self._record(repo, reseller, customer_id, reseller["email"], "subscription.cancelled",
                         summary + (f" Reason: {reason}" if reason else ""), before,
                         subscription_snapshot(after), now)
            return after

    def reactivate(self, reseller, customer_id):
        now = self.now()
        with self.db.write() as conn:
            repo = Repository(conn)
            sub = self._subscription_or_404(repo, reseller, customer_id)
            if sub["status"] == "cancelled":
                raise SubscriptionCancelled("The subscription has ended and cannot be reactivated.")
            if sub["status"] != "pending_cancel":
                raise Conflict("The subscription is not set to cancel; there is nothing to reactivate.")
            after = self._save_subscription(repo, sub, {
                "status": sub["resume_status"] or "active", "resume_status": None,
                "cancel_reason": None, "auto_renew": 1})
            self._record(repo, reseller, customer_id, reseller["email"], "subscription.reactivated",
                         "Reactivated the subscription; it renews as before.",
                         subscription_snapshot(sub), subscription_snapshot(after), now)
            return after

    # == invoices, activity, dashboard, plans ===============================================
    def list_invoices(self, reseller, customer_id, status, issued_from, issued_to, after, limit, offset=None):
        now = iso(self.now())
        with self.db.read() as conn:
            repo = Repository(conn)
            rid = reseller["id"]
            filters = (customer_id, status, issued_from, issued_to, now)
            # Open and overdue depend on the moment: those lists are counted every time.
            key = None if status in ("open", "overdue") else ("invoices", rid, customer_id, status, issued_from,
                                                             issued_to)
            gen = generation(conn, rid, "invoices")  # before the count: see list_cache.py
            count = lambda: repo.count_invoices(rid, *filters)  # noqa: E731
            total = count() if key is None else self.lists.total(key, gen, count)
            if offset is None:
                rows = repo.list_invoices(rid, *filters, after, limit + 1)
                more = len(rows) > limit
                rows = rows[:limit]
            else:
                start = None if key is None or offset >= total else self.lists.anchor(
                    key, gen, offset, total, lambda step: repo.invoice_samples(rid, *filters, step))
                if start is None:
                    ids = positions(total, offset, limit, lambda reverse, o, n: repo.invoice_ids_at(
                        rid, *filters, reverse, o, n))
                else:
                    ids = repo.invoice_ids_from(rid, *filters, *start, limit)
                rows = repo.invoices_by_ids(ids)
                more = offset + len(rows) < total
        next_key = (rows[-1]["issued_at"], rows[-1]["id"]) if more and rows else None
        return rows, total, next_key

    def export_invoices(self, reseller, customer_id, status, issued_from, issued_to, chunk):
        """Yields every matching invoice newest first, reading in chunks by keyset so a
        million rows never sit in memory nor hold one read transaction open for long."""
        after = None
        while True:
            rows, _, after = self._page_invoices(reseller, customer_id, status, issued_from,
                                                 issued_to, after, chunk)
            yield from rows
            if after is None:
                return

    def _page_invoices(self, reseller, customer_id, status, issued_from, issued_to, after, limit):
        now = iso(self.now())
        with self.db.read() as conn:
            rows = Repository(conn).list_invoices(reseller["id"], customer_id, status, issued_from,
                                                  issued_to, now, after, limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        return rows, None, ((rows[-1]["issued_at"], rows[-1]["id"]) if more and rows else None)

    def invoice(self, reseller, invoice_id):
        with self.db.read() as conn:
            repo = Repository(conn)
            row = repo.invoice(reseller["id"], invoice_id)
            if row is None:
                raise NotFound("There is no invoice with this id.")
            return row, repo.invoice_lines(invoice_id)

    def activity(self, reseller, customer_id, before_id, limit):
        with self.db.read() as conn:
            repo = Repository(conn)
            if customer_id is not None:
                self._customer_or_404(repo, reseller, customer_id)
            rows = repo.list_activity(reseller["id"], customer_id, before_id, limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        return rows, (rows[-1]["id"] if more and rows else None)

    def dashboard(self, reseller):
        now = self.now()
        today = now.date()
        currency = reseller["currency"]
        months = month_keys(today)
        with self.db.read() as conn:
            repo = Repository(conn)
            by_status = repo.customers_by_status(reseller["id"])
            totals = repo.subscription_totals(reseller["id"])
            invoices = repo.invoice_totals(reseller["id"], iso(now))
            # A renewal on day D means the term ends the day before.
            renewals = repo.renewals_between(reseller["id"], (today - ONE_DAY).isoformat(),
                                             (today + dt.timedelta(days=29)).isoformat())
            revenue = repo.revenue_by_month(reseller["id"], f"{months[0]}-01")
        renewal_items = [{
            "customer_id": row["customer_id"], "customer_name": row["customer_name"],
            "organization": row["customer_organization"], "plan": row["plan"],
            "billing_cycle": row["billing_cycle"], "licenses": row["licenses"],
            "renews_at": (parse_day(row["term_end"]) + ONE_DAY).isoformat(),
            "recurring_amount": pricing.money(row["licenses"] * row["unit_price"], currency),
        } for row in renewals]
        return {
            "customers_by_status": {status: by_status.get(status, 0)
                                    for status in ("invited", "active", "revoked", "cancelled")},
            "customers_total": sum(by_status.values()),
            "licenses_total": totals["licenses"],
            "monthly_recurring_revenue": pricing.money(totals["mrr"], currency),
            "invoices": {
                "open": {"count": invoices["open_count"],
                         "amount": pricing.money(invoices["open_amount"], currency)},
                "overdue": {"count": invoices["overdue_count"],
                            "amount": pricing.money(invoices["overdue_amount"], currency)},
            },
            "renewals_next_30_days": {
                "count": len(renewal_items),
                "amount": pricing.money(sum(i["recurring_amount"]["amount"] for i in renewal_items), currency),
                "items": renewal_items[:20],
            },
            "revenue_by_month": [{"month": month, "amount": pricing.money(revenue.get(month, 0), currency)}
                                 for month in months],
        }

    @staticmethod
    def plans(reseller):
        currency = reseller["currency"]
        items = []
        for plan in pricing.PLANS:
            prices = {}
            for cycle in pricing.CYCLES:
                list_price = pricing.list_unit_price(plan, cycle)
                prices[cycle] = {
                    "per": "license_year" if cycle == "annual_yearly" else "license_month",
                    "list": pricing.money(list_price, currency),
                    "yours": pricing.money(pricing.discounted(list_price, reseller["discount_bp"]), currency),
                }
            items.append({"plan": plan, "name": pricing.PLAN_NAMES[plan], "prices": prices})
        return {
            "currency": currency,
            "discount_basis_points": reseller["discount_bp"],
            "billing_cycles": [{"billing_cycle": c, "name": pricing.CYCLE_NAMES[c],
                                "licenses_down": "any_time" if c == "flexible" else "at_renewal"}
                               for c in pricing.CYCLES],
            "license_limits": {"min": pricing.MIN_LICENSES, "max": pricing.MAX_LICENSES},
            "items": items,
        }
