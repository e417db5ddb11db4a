"""What a bulk action does to one row (issue 19): each row goes through the single action it
repeats (Customers.invite, Invitations.resend and revoke, Subscriptions.license_order), with its
rules, its preconditions and its history entry, so a bulk change can do nothing a dialog could
not. Before that, a row the action cannot apply to (an invitation already accepted, a trial, a
subscription that has the count already) is skipped with the reason, the same reason the
preview lists. Outcomes: done, skipped (the action does not apply) or failed (it was refused)."""
import dataclasses
import hashlib
import json

from .. import money as pricing
from ..errors import DomainError, ValidationFailed
from ..validation import Fields
from .activity import Actor
from .customers import domain_scope

# Each action and the capability it needs: the one a dialog doing it needs (domain/roles.py).
ACTIONS = {
    "add_licenses": "manage_subscriptions",
    "set_licenses": "manage_subscriptions",
    "resend_invitations": "manage_customers",
    "revoke_invitations": "manage_customers",
    "invite": "manage_customers",
}
LICENSE_ACTIONS = ("add_licenses", "set_licenses")
INVITE_FIELDS = ("name", "email", "google_domain", "organization")


@dataclasses.dataclass(frozen=True)
class Outcome:
    state: str               # done, skipped, failed
    code: str                # what happened, in one word (the single action's error code when refused)
    message: str = None      # in words, for the report
    detail: dict = None      # e.g. licenses before and after, the amount charged
    customer_id: int = None


class NotApplicable(Exception):
    """The action does not apply to this customer: skipped, with the reason."""

    def __init__(self, code, message, customer_id=None, detail=None):
        super().__init__(message)
        self.code, self.message, self.customer_id, self.detail = code, message, customer_id, detail


def read_invitation(values):
    """(name, email, google_domain, organization) as New customer reads them, or ValidationFailed
    naming each bad field. `values` are the row's fields as the file held them."""
    fields = Fields(values, set(INVITE_FIELDS))
    row = (fields.name("name"), fields.email("email"), fields.domain("google_domain"), fields.name("organization"))
    fields.check()
    return row


def fields_message(fields):
    """A row's field errors in one line, for the report: "email: Must be an email address ..."."""
    return " ".join(f"{field}: {reason}" for field, reason in fields.items())


def row_key(values):
    """An import row's idempotency key: its four fields as New customer reads them, so the same
    row (in this file or any later one) is one invitation at most. None for a row that is not valid."""
    try:
        return key_of(read_invitation(values))
    except ValidationFailed:
        return None


def key_of(invitation):
    """row_key() of a row already read by read_invitation()."""
    # The email's local part keeps its case (as the API keeps it); the domain parts are folded.
    canonical = json.dumps(list(invitation), ensure_ascii=False)
    return "invite:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def target_licenses(action, licenses, current):
    return current + licenses if action == "add_licenses" else licenses


class BulkActions:
    def __init__(self, customers, invitations, subscriptions):
        self.customers = customers
        self.invitations = invitations
        self.subscriptions = subscriptions

    # -- customers a job acts on --------------------------------------------------------------------

    @staticmethod
    def check(repo, action, licenses, customer, expected=None):
        """Raises NotApplicable when the action does not apply to the customer as it is now;
        returns the subscription (license actions) or None. `expected`: the license count the
        job was made with (a license action's precondition, checked by the order itself)."""
        if customer is None:
            raise NotApplicable("not_found", "There is no customer with this id.")
        status = customer["status"]
        if action == "revoke_invitations":
            if status != "invited":
                raise NotApplicable("not_invited", "Only a pending invitation can be revoked.")
            return None
        if action == "resend_invitations":
            if status not in ("invited", "revoked"):
                raise NotApplicable("already_accepted" if status == "active" else "not_invited",
                                    "The invitation was already accepted; there is nothing to resend.")
            if status == "revoked":
                owner = repo.customers.live_domain_owner(customer["google_domain"], customer["domain_scope"])
                if owner is not None:
                    raise NotApplicable("domain_taken", f"The Google domain {customer['google_domain']} now belongs"
                                                        " to another customer.")
            return None
        sub = repo.subscriptions.of_customer(customer["id"])
        if sub is None:
            raise NotApplicable("no_subscription", "The invitation is not accepted yet: there is no subscription.")
        if sub["status"] == "cancelled":
            raise NotApplicable("subscription_cancelled", "The subscription is cancelled.")
        if sub["status"] == "trial":
            raise NotApplicable("trial", "The subscription is a trial: a trial becomes paid on the customer's page,"
                                         " one at a time.")
        current = sub["licenses"] if expected is None else expected
        target = target_licenses(action, licenses, current)
        if target > pricing.MAX_LICENSES:
            raise NotApplicable("too_many_licenses", f"{target:,} licenses would be more than the"
                                                     f" {pricing.MAX_LICENSES:,} a subscription can have.")
        if target == current:
            raise NotApplicable("no_change", f"The subscription already has {target} licenses.")
        return sub

    def preview(self, repo, reseller, action, licenses, customer):
        """One customer of a job's preview: what the action would do to it now, and what it costs."""
        item = {"customer_id": customer["id"], "name": customer["name"], "organization": customer["organization"],
                "google_domain": customer["google_domain"], "email": customer["email"],
                "status": customer["status"], "applies": True, "reason": None, "message": None}
        try:
            sub = self.check(repo, action, licenses, customer)
            if action in LICENSE_ACTIONS:
                target = target_licenses(action, licenses, sub["licenses"])
                try:
                    priced = self.subscriptions.license_order(reseller, customer["id"], target, commit=False,
                                                              expected=sub["licenses"])
                except ValidationFailed as error:  # an annual plan going down mid-term
                    raise NotApplicable("not_allowed", (error.fields or {}).get("licenses", error.message))
                item.update(licenses_before=sub["licenses"], licenses_after=target,
                            prorated_amount=priced["prorated_amount"],
                            monthly_value_before=pricing.money(sub["monthly_value"], sub["currency"]),
                            monthly_value_after=priced["monthly_value"])
        except NotApplicable as skipped:
            item.update(applies=False, reason=skipped.code, message=skipped.message)
        return item

    def run_for_customer(self, repo, reseller, job, row):
        """Does the job's action to one customer, inside the caller's transaction."""
        customer = repo.customers.get(reseller["id"], row["customer_id"]) if row["customer_id"] else None
        action = job["action"]
        actor = Actor.of_job(job)
        expected = row["expected_licenses"]
        sub = self.check(repo, action, job["licenses"], customer, expected)
        cid = customer["id"]
        if action == "revoke_invitations":
            self.invitations.revoke(reseller, cid, actor)
            return Outcome("done", "invitation_revoked", customer_id=cid)
        if action == "resend_invitations":
            self.invitations.resend(reseller, cid, job["base_url"], actor)
            return Outcome("done", "invitation_resent", customer_id=cid)
        target = target_licenses(action, job["licenses"], expected)
        try:  # a license count changed since the job was made: LicensesChanged, a failure
            result = self.subscriptions.license_order(reseller, cid, target, commit=True, expected=expected,
                                                      actor=actor)
        except ValidationFailed as error:
            raise NotApplicable("not_allowed", (error.fields or {}).get("licenses", error.message), cid)
        order = result["order"]
        return Outcome("done", "licenses_ordered", customer_id=cid, detail={
            "licenses_before": sub["licenses"], "licenses_after": target,
            "amount": pricing.money(order["amount"], order["currency"]), "invoice_id": result["invoice_id"]})

    # -- an import's rows ---------------------------------------------------------------------------

    def run_invitation(self, repo, reseller, job, row):
        """Invites one row of an import as New customer would, unless its key was done before (this
        file or an earlier import) or the domain is already this reseller's customer."""
        values = json.loads(row["input"])
        name, email, domain, organization = read_invitation(values)
        if row["row_key"]:
            prior = repo.bulk_jobs.done_with_key(reseller["id"], row["row_key"])
            if prior is not None:
                if prior["job_id"] == job["id"]:
                    raise NotApplicable("duplicate", f"The same as row {prior['position']} of this file.",
                                        prior["customer_id"], {"row": prior["position"]})
                raise NotApplicable("already_imported", f"Already invited by import {prior['job_id']}"
                                                        f" (row {prior['position']}).", prior["customer_id"],
                                    {"job_id": prior["job_id"], "row": prior["position"]})
        owner = repo.customers.live_domain_owner(domain, domain_scope(reseller))
        if owner is not None and owner["reseller_id"] == reseller["id"]:
            earlier = repo.bulk_jobs.done_for_customer(job["id"], owner["id"])
            if earlier is not None:
                raise NotApplicable("duplicate", f"The Google domain {domain} is also in row {earlier['position']}"
                                                 " of this file.", owner["id"], {"row": earlier["position"]})
            raise NotApplicable("already_customer", f"The Google domain {domain} already belongs to one of your"
                                                    " customers.", owner["id"])
        view = self.customers.invite(reseller, name, email, domain, organization, job["base_url"], Actor.of_job(job))
        return Outcome("done", "invited", customer_id=view[0]["id"])

    def run(self, repo, reseller, job, row):
        """Does the job's action to one row inside the caller's transaction: its Outcome, or
        NotApplicable / the single action's DomainError (the caller rolls the row back and asks
        `refused` for the outcome)."""
        if job["action"] == "invite":
            return self.run_invitation(repo, reseller, job, row)
        return self.run_for_customer(repo, reseller, job, row)

    @staticmethod
    def refused(error, row):
        """The outcome of a row the action did not apply to (skipped) or that was refused (failed,
        with the single action's error code)."""
        if isinstance(error, NotApplicable):
            return Outcome("skipped", error.code, error.message, error.detail, error.customer_id or row["customer_id"])
        if isinstance(error, ValidationFailed) and error.fields:
            return Outcome("failed", error.code, fields_message(error.fields), {"fields": error.fields},
                           row["customer_id"])
        return Outcome("failed", error.code, error.message, None, row["customer_id"])


REFUSALS = (NotApplicable, DomainError)
