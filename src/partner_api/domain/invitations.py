"""Invitations: the link a customer accepts to start a trial. Sending, resending (the old link
dies), revoking, the acceptance page's facts, and accepting."""
import datetime as dt
import secrets

from .. import money as pricing
from ..clock import iso, parse_iso
from ..errors import Conflict, DomainTaken, InvitationGone, NotFound
from .activity import Actor, record
from .billing import save_subscription, subscription_snapshot
from .lookup import customer_or_404, customer_view
from .sessions import token_hash

INVITATION_DAYS = 14


def send_invitation(repo, reseller, customer_id, name, email, organization, base_url, now, log, links):
    """A new live link for the customer, and its email in the outbox; returns the invitation's
    id. The token is stored only sealed (links.py) and as its hash; the outbox's copy of the
    email holds the link sealed too (a mail sender opens it with the server's secret)."""
    token = secrets.token_urlsafe(32)
    sealed = links.seal(token)
    invitation_id = repo.invitations.add(
        customer_id, reseller["id"], token_hash(token), sealed, iso(now),
        iso(now + dt.timedelta(days=INVITATION_DAYS)))
    repo.customers.update(customer_id, invitation_id=invitation_id, status="invited")
    url = f"{base_url}/invite/{sealed}"
    subject = f"{reseller['name']} invites {organization} to the add-on"
    body = (f"Hello {name},\n\n{reseller['name']} invites {organization} to start a 30-day trial."
            f"\nAccept here (valid for {INVITATION_DAYS} days): {url}\n\n"
            f"Hallo {name},\n\n{reseller['name']} lädt {organization} zu einer 30-tägigen"
            f" Testphase ein.\nHier annehmen ({INVITATION_DAYS} Tage gültig): {url}\n")
    repo.outbox.add(reseller["id"], customer_id, email, subject, body, iso(now))
    log(f"outbox: invitation to {email} (customer {customer_id}) queued")
    return invitation_id


def end_invitation(repo, customer, status, now):
    if customer["invitation_id"]:
        invitation = repo.invitations.get(customer["invitation_id"])
        if invitation["status"] == "pending":
            repo.invitations.update(invitation["id"], status=status, url_token=None, ended_at=iso(now))


def live_link_token(links, invitation):
    """The token of a pending invitation's link, for the console to show; None when it is not
    live or was sealed with another secret (checked against its hash, never trusted blindly)."""
    if invitation is None or invitation["status"] != "pending":
        return None
    token = links.open(invitation["url_token"])
    return token if token is not None and token_hash(token) == invitation["token_hash"] else None


class Invitations:
    def __init__(self, storage, clock, log, links):
        self.storage = storage
        self.clock = clock
        self.log = log
        self.links = links

    def link_token(self, invitation):
        return live_link_token(self.links, invitation)

    def seal_legacy_links(self):
        """Seals every invitation token a version before sealing wrote in plain text (an
        upgraded database, a restored old backup); once, then `meta` remembers. Returns how
        many rows changed."""
        with self.storage.read() as repo:
            if repo.sealing.done():
                return 0
        with self.storage.write() as repo:
            changed = repo.sealing.seal(self.links.seal, self.links.seal_links)
            repo.sealing.mark_done()
        if changed:
            self.log(f"Sealed the invitation links of {changed} rows written before links were sealed.")
        return changed

    def live_token(self, customer_id):
        """The live link's token of a customer (the demo data accepts its own invitations)."""
        with self.storage.read() as repo:
            return live_link_token(self.links, repo.invitations.current_of(customer_id))

    def resend(self, reseller, customer_id, base_url, actor):
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            customer = customer_or_404(repo, reseller, customer_id)
            if customer["status"] not in ("invited", "revoked"):
                raise Conflict("The invitation was already accepted; there is nothing to resend.")
            if customer["status"] == "revoked" and repo.customers.live_domain_owner(customer["google_domain"],
                                                                                   customer["domain_scope"]):
                raise DomainTaken(f"The Google domain {customer['google_domain']} now belongs"
                                  " to another customer.")
            end_invitation(repo, customer, "superseded", now)
            send_invitation(repo, reseller, customer_id, customer["name"], customer["email"],
                            customer["organization"], base_url, now, self.log, self.links)
            record(repo, reseller, customer_id, actor, "invitation.resent",
                   f"Sent a new invitation link to {customer['email']}; the old link no"
                   " longer works.", {"status": customer["status"]}, {"status": "invited"}, now)
            return customer_view(repo, reseller, customer_id)

    def revoke(self, reseller, customer_id, actor):
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            customer = customer_or_404(repo, reseller, customer_id)
            if customer["status"] != "invited":
                raise Conflict("Only a pending invitation can be revoked.")
            end_invitation(repo, customer, "revoked", now)
            repo.customers.update(customer_id, status="revoked")
            record(repo, reseller, customer_id, actor, "invitation.revoked",
                   f"Revoked the invitation of {customer['name']}.", {"status": "invited"},
                   {"status": "revoked"}, now)
            return customer_view(repo, reseller, customer_id)

    def _live(self, repo, token):
        invitation = repo.invitations.by_token_hash(token_hash(token)) if token else None
        if invitation is None:
            raise NotFound("This invitation link does not exist.")
        if invitation["status"] == "accepted":
            raise InvitationGone("This invitation was already accepted.")
        if invitation["status"] != "pending":
            raise InvitationGone("This invitation link was withdrawn or replaced by a newer one.")
        if parse_iso(invitation["expires_at"]) <= self.clock.now():
            raise InvitationGone("This invitation link has expired. Ask your reseller for a new one.")
        return invitation

    def page_facts(self, token):
        """What the acceptance page shows; raises like accept does for a dead link."""
        with self.storage.read() as repo:
            invitation = self._live(repo, token)
            customer = repo.customers.get(invitation["reseller_id"], invitation["customer_id"])
            reseller = repo.resellers.get(invitation["reseller_id"])
            return {"customer_name": customer["name"], "organization": customer["organization"],
                    "google_domain": customer["google_domain"], "reseller_name": reseller["name"],
                    "expires_at": invitation["expires_at"]}

    def accept(self, token):
        """The customer accepts: a trial subscription starts (the token is the credential)."""
        now = self.clock.now()
        with self.storage.read() as repo:
            account = self._live(repo, token)["reseller_id"]
        # Checked again under the account's write lock: a link accepted twice at once, or
        # revoked meanwhile, is refused the second time.
        with self.storage.write(account=account) as repo:
            invitation = self._live(repo, token)
            reseller = repo.resellers.get(invitation["reseller_id"])
            customer = repo.customers.get(reseller["id"], invitation["customer_id"])
            today = now.date()
            values = {
                "customer_id": customer["id"], "reseller_id": reseller["id"],
                "plan": pricing.TRIAL_PLAN, "billing_cycle": "flexible",
                "licenses": pricing.TRIAL_LICENSES, "status": "trial", "started_at": iso(now),
                "term_start": today.isoformat(),
                "term_end": (today + dt.timedelta(days=pricing.TRIAL_DAYS - 1)).isoformat(),
                "next_bill_on": None, "auto_renew": 1, "currency": reseller["currency"],
                "unit_price": pricing.unit_price(pricing.TRIAL_PLAN, "flexible", reseller["discount_bp"],
                                                 reseller["currency"]),
                "monthly_value": 0,
                "next_event_on": (today + dt.timedelta(days=pricing.TRIAL_DAYS)).isoformat(),
            }
            sub_id = repo.subscriptions.add(values)
            sub = repo.subscriptions.of_customer(customer["id"])
            save_subscription(repo, sub, {})
            repo.invitations.update(invitation["id"], status="accepted", url_token=None,
                                    accepted_at=iso(now), ended_at=iso(now))
            repo.customers.update(customer["id"], status="active")
            record(repo, reseller, customer["id"], Actor.customer(customer), "invitation.accepted",
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
