"""Invitations: the link a customer answers to start a trial. Sending, resending (the old link
dies), revoking, inviting again, the invitation page's facts, and the customer's answer:
accepting or declining, only by a verified Google account of the invited domain (issue 23), or
on a demo server, for a demo account's invitation, by a demo acceptance."""
import dataclasses
import datetime as dt
import secrets

from .. import money as pricing
from ..clock import iso, parse_iso
from ..errors import DemoAnswerRefused, DomainTaken, InvitationGone, NotFound, WrongDomain
from .activity import Actor, record
from .billing import save_subscription, subscription_snapshot
from .line_items import invoice_language
from .lookup import allowed_view, customer_view
from .sessions import token_hash

INVITATION_DAYS = 14
PRODUCT = "Shared Contacts for Gmail"

# The invitation e-mail (issue 25): subject and body in the customer's language (the language
# their invoices go out in: invoice_language), the other language under it for whoever reads
# the mailbox; German with "Sie".
MAIL = {
    "en": {
        "subject": "{reseller} invites {organization} to {product}",
        "body": ("Hello {name},\n\n{reseller} invites {organization} to try {product}, the add-on for Google "
                 "Workspace, free for {days} days on {domain}.\n\nAccept the invitation with your Google account of "
                 "{domain}:\n{url}\n\nThe link is valid until {until}.\n"),
        "heading": "English version",
    },
    "de": {
        "subject": "{reseller} lädt {organization} zu {product} ein",
        "body": ("Guten Tag {name},\n\n{reseller} lädt {organization} ein, {product}, das Add-on für Google "
                 "Workspace, {days} Tage lang kostenlos für {domain} zu testen.\n\nNehmen Sie die Einladung mit "
                 "Ihrem Google-Konto von {domain} an:\n{url}\n\nDer Link ist bis {until} gültig.\n"),
        "heading": "Deutsche Fassung",
    },
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def mail_day(day, lang):
    """A day as the language writes it (as the console and the invitation page do)."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}" if lang == "de" else f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def invitation_mail(lang, values):
    """(subject, body) in `lang` first, then the other language."""
    other = "en" if lang == "de" else "de"
    first = {key: text.format(**values, until=mail_day(values["expires_on"], lang)) for key, text in MAIL[lang].items()}
    second = MAIL[other]["body"].format(**values, until=mail_day(values["expires_on"], other))
    body = f"{first['body']}\n-- {MAIL[other]['heading']} --\n\n{second}"
    return first["subject"], body


@dataclasses.dataclass(frozen=True)
class Answerer:
    """Who answers an invitation: a verified Google account (its email, name and `hd`, the Google
    Workspace domain it belongs to, if any), or a demo acceptance (method "demo", no identity)."""
    method: str                 # "google" or "demo"
    email: str = None
    name: str = None
    hosted_domain: str = None

    def belongs_to(self, google_domain):
        """The invited domain is the account's Workspace domain (`hd`); an account without one
        (a domain without Workspace) belongs to its email's domain."""
        domain = google_domain.lower()
        if self.hosted_domain:
            return self.hosted_domain.lower() == domain
        return self.email.rpartition("@")[2].lower() == domain


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
    customer = repo.customers.get(reseller["id"], customer_id)
    profile = repo.billing_profiles.get(reseller["id"])
    lang = invoice_language(customer, profile["country"] if profile else None)
    # The link's last day, as the invitation page says it ("Link gültig bis").
    last_day = (now + dt.timedelta(days=INVITATION_DAYS)).date()
    subject, body = invitation_mail(lang, {
        "name": name, "reseller": reseller["name"], "organization": organization, "product": PRODUCT,
        "days": pricing.TRIAL_DAYS, "domain": customer["google_domain"], "url": url, "expires_on": last_day})
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

    def _new_link(self, reseller, customer_id, base_url, actor, action, summary):
        """A new live link for a customer the table allows it for: the old link dies, the domain
        must be free (a customer that let it go may find it taken), the history says so."""
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            customer = allowed_view(repo, reseller, customer_id, action, now)[0]
            owner = repo.customers.live_domain_owner(customer["google_domain"], customer["domain_scope"])
            if owner is not None and owner["id"] != customer_id:
                raise DomainTaken(f"The Google domain {customer['google_domain']} now belongs"
                                  " to another customer.")
            end_invitation(repo, customer, "superseded", now)
            send_invitation(repo, reseller, customer_id, customer["name"], customer["email"],
                            customer["organization"], base_url, now, self.log, self.links)
            record(repo, reseller, customer_id, actor, ACTION_NAMES[action], summary.format(**customer),
                   {"status": customer["status"]}, {"status": "invited"}, now)
            return customer_view(repo, reseller, customer_id)

    def resend(self, reseller, customer_id, base_url, actor):
        return self._new_link(reseller, customer_id, base_url, actor, "resend",
                              "Sent a new invitation link to {email}; the old link no longer works.")

    def invite_again(self, reseller, customer_id, base_url, actor):
        """A customer whose invitation expired, was revoked or declined, or whose subscription was
        cancelled: a new link, its history kept (issue 23)."""
        return self._new_link(reseller, customer_id, base_url, actor, "invite_again",
                              "Invited {name} again; a new link went to {email}.")

    def revoke(self, reseller, customer_id, actor):
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            customer = allowed_view(repo, reseller, customer_id, "revoke", now)[0]
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
            raise InvitationGone("This invitation was already accepted.", "accepted")
        if invitation["status"] == "declined":
            raise InvitationGone("This invitation was declined.", "declined")
        if invitation["status"] != "pending":
            raise InvitationGone("This invitation link was withdrawn or replaced by a newer one.", "replaced")
        if parse_iso(invitation["expires_at"]) <= self.clock.now():
            raise InvitationGone("This invitation link has expired. Ask your reseller for a new one.", "expired")
        return invitation

    def page_facts(self, token):
        """What the invitation page shows (the product, the reseller, the plan, the trial and the
        price after it); raises like accept does for a dead link."""
        with self.storage.read() as repo:
            invitation = self._live(repo, token)
            customer = repo.customers.get(invitation["reseller_id"], invitation["customer_id"])
            reseller = repo.resellers.get(invitation["reseller_id"])
        unit = pricing.unit_price(pricing.TRIAL_PLAN, "flexible", reseller["discount_bp"], reseller["currency"])
        return {"customer_name": customer["name"], "organization": customer["organization"],
                "google_domain": customer["google_domain"], "reseller_name": reseller["name"],
                "reseller_is_demo": bool(reseller["is_demo"]), "expires_at": invitation["expires_at"],
                "product": PRODUCT, "plan": pricing.PLAN_NAMES[pricing.TRIAL_PLAN], "trial_days": pricing.TRIAL_DAYS,
                "licenses": pricing.TRIAL_LICENSES, "currency": reseller["currency"], "unit_price": unit,
                "monthly_after_trial": unit * pricing.TRIAL_LICENSES}

    def _account_of(self, token):
        with self.storage.read() as repo:
            return self._live(repo, token)["reseller_id"]

    def _answerable(self, repo, token, answerer, demo_allowed):
        """(invitation, reseller, customer) once the link is live and the answerer may answer it.
        Checked under the account's write lock: a link answered twice at once, or revoked
        meanwhile, is refused the second time."""
        invitation = self._live(repo, token)
        reseller = repo.resellers.get(invitation["reseller_id"])
        customer = repo.customers.get(reseller["id"], invitation["customer_id"])
        if answerer.method == "demo":
            if not (demo_allowed and reseller["is_demo"]):
                raise DemoAnswerRefused()
        elif not answerer.belongs_to(customer["google_domain"]):
            raise WrongDomain(f"You are signed in with Google as {answerer.email}, which is not an account of "
                              f"{customer['google_domain']}. Sign in with your account of "
                              f"{customer['google_domain']} to answer this invitation. Nothing was changed.")
        return invitation, reseller, customer

    @staticmethod
    def _answered(repo, invitation, status, answerer, now):
        repo.invitations.update(invitation["id"], status=status, url_token=None, ended_at=iso(now),
                                answered_by=answerer.email, answered_by_name=answerer.name,
                                answer_method=answerer.method,
                                **({"accepted_at": iso(now)} if status == "accepted" else {}))

    @staticmethod
    def _actor(customer, answerer):
        """The history names who answered: the verified Google account, or (a demo acceptance)
        the customer's contact as the reseller entered it."""
        if answerer.method == "demo":
            return Actor.customer(customer)
        return Actor("customer", answerer.email, answerer.name or answerer.email)

    def accept(self, token, answerer, demo_allowed=False):
        """The customer accepts: a trial subscription starts. A customer invited again after a
        cancellation gets its subscription row back as a new trial (license orders point at it)."""
        now = self.clock.now()
        with self.storage.write(account=self._account_of(token)) as repo:
            invitation, reseller, customer = self._answerable(repo, token, answerer, demo_allowed)
            today = now.date()
            values = {
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
            old = repo.subscriptions.of_customer(customer["id"])
            if old is None:
                repo.subscriptions.add({**values, "customer_id": customer["id"], "reseller_id": reseller["id"]})
            else:
                repo.subscriptions.update(old["id"], **values, **{name: None for name in FORGOTTEN})
            sub = save_subscription(repo, repo.subscriptions.of_customer(customer["id"]), {})
            self._answered(repo, invitation, "accepted", answerer, now)
            repo.customers.update(customer["id"], status="active")
            how = (" (a demo acceptance, without Google sign-in)" if answerer.method == "demo"
                   else f" (signed in with Google as {answerer.email})")
            record(repo, reseller, customer["id"], self._actor(customer, answerer), "invitation.accepted",
                   f"{customer['name']} accepted the invitation{how}; a {pricing.TRIAL_DAYS}-day"
                   " trial started.", {"status": "invited"},
                   {"status": "active", "subscription": subscription_snapshot(sub)}, now)
            return {
                "customer": {"id": customer["id"], "name": customer["name"],
                             "organization": customer["organization"],
                             "google_domain": customer["google_domain"], "status": "active"},
                "reseller": {"name": reseller["name"]},
                "subscription": {"id": sub["id"], "plan": sub["plan"], "licenses": sub["licenses"],
                                 "status": "trial", "trial_ends_on": sub["term_end"]},
            }

    def decline(self, token, answerer, demo_allowed=False):
        """The customer declines: the link dies and the reseller sees the customer as declined."""
        now = self.clock.now()
        with self.storage.write(account=self._account_of(token)) as repo:
            invitation, reseller, customer = self._answerable(repo, token, answerer, demo_allowed)
            self._answered(repo, invitation, "declined", answerer, now)
            repo.customers.update(customer["id"], status="declined")
            record(repo, reseller, customer["id"], self._actor(customer, answerer), "invitation.declined",
                   f"{customer['name']} declined the invitation.", {"status": "invited"}, {"status": "declined"}, now)
            return {
                "customer": {"id": customer["id"], "name": customer["name"],
                             "organization": customer["organization"],
                             "google_domain": customer["google_domain"], "status": "declined"},
                "reseller": {"name": reseller["name"]},
            }


# What a cancelled subscription forgets when its customer accepts a new invitation.
FORGOTTEN = ("scheduled_plan", "scheduled_cycle", "cancel_reason", "cancelled_at", "resume_status", "suspend_reason",
             "suspended_at", "renewal_licenses", "max_licenses")
ACTION_NAMES = {"resend": "invitation.resent", "invite_again": "customer.invited_again"}
