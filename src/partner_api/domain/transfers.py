"""Transfers between resellers (issue 23), after Google's customerAuthToken. The reseller a
customer leaves makes a one-time transfer token (shown once, valid 14 days, revocable; the
database keeps only its hash); the receiving reseller enters it, sees what would move, and
confirms. The customer and its subscription move whole in one transaction, repriced at the
receiving reseller's terms from then on; invoices, license orders and history entries stay
with the reseller that made them; both histories record the move. A demo account's customer
never reaches a registered reseller, nor the other way round (demo accounts are anyone's)."""
import contextlib
import dataclasses
import datetime as dt
import hashlib
import re
import secrets

from .. import money as pricing
from ..clock import iso, parse_iso
from ..errors import Conflict, DomainTaken, NotFound, TransferTokenGone
from .activity import Actor, record
from .billing import monthly_value_of, renews_on, save_subscription, subscription_snapshot
from .customers import domain_scope
from .lifecycle import require, state_of
from .lookup import allowed_view, customer_view

TOKEN_DAYS = 14
# Crockford's base32: no I, L, O or U, so a token read aloud or typed from paper survives.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 20  # 100 random bits
TYPED = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_token():
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i:i + 4] for i in range(0, LENGTH, 4))


def normalise(text):
    """The token as typed (any case, spaces or dashes, O for 0) in its one form, or None."""
    if not isinstance(text, str):
        return None
    plain = re.sub(r"[ -]", "", text.strip().upper()).translate(TYPED)
    return plain if len(plain) == LENGTH and all(ch in ALPHABET for ch in plain) else None


def token_hash(token):
    return hashlib.sha256(normalise(token).encode("ascii")).hexdigest()


@dataclasses.dataclass(frozen=True)
class Moved:
    """A transfer's facts, for the answer."""
    view: tuple
    from_reseller: str


class Transfers:
    def __init__(self, storage, clock, billing):
        self.storage = storage
        self.clock = clock
        self.billing = billing

    def create_token(self, reseller, customer_id, actor):
        """(token, expires_at): a new token for the customer; a live one before it dies."""
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            customer = allowed_view(repo, reseller, customer_id, "transfer_token", now)[0]
            old = repo.transfer_tokens.live_of(customer_id)
            if old is not None:
                repo.transfer_tokens.end(old["id"], "superseded", iso(now))
            token = new_token()
            expires = now + dt.timedelta(days=TOKEN_DAYS)
            repo.transfer_tokens.add(reseller["id"], customer_id, token_hash(token), iso(now), iso(expires),
                                     actor.email, actor.name)
            record(repo, reseller, customer_id, actor, "customer.transfer_token_created",
                   f"Created a transfer token for {customer['name']}, valid until {expires.date().isoformat()}"
                   + ("; the earlier token no longer works." if old is not None else "."), None, None, now)
            return token, iso(expires)

    def revoke_token(self, reseller, customer_id, actor):
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            customer = allowed_view(repo, reseller, customer_id, "revoke_transfer_token", now)[0]
            live = repo.transfer_tokens.live_of(customer_id)
            if live is None:
                raise Conflict("This customer has no live transfer token. Nothing was changed.")
            repo.transfer_tokens.end(live["id"], "revoked", iso(now))
            record(repo, reseller, customer_id, actor, "customer.transfer_token_revoked",
                   f"Revoked the transfer token of {customer['name']}; it no longer works.", None, None, now)

    def _usable(self, repo, reseller, token):
        """(token row, sender, customer, subscription) for a token this reseller may use now."""
        row = repo.transfer_tokens.by_hash(token_hash(token))
        sender = repo.resellers.get(row["reseller_id"]) if row is not None else None
        # A demo account's token is unknown to a registered reseller and the other way round.
        if row is None or bool(sender["is_demo"]) != bool(reseller["is_demo"]):
            raise NotFound("There is no such transfer token. Check it with the reseller who gave it to you.")
        if row["status"] != "live":
            raise TransferTokenGone({"used": "This transfer token was already used.",
                                     "revoked": "This transfer token was revoked by the reseller who made it.",
                                     "superseded": "This transfer token was replaced by a newer one."}[row["status"]]
                                    + " Ask that reseller for a new one.", row["status"])
        if parse_iso(row["expires_at"]) <= self.clock.now():
            raise TransferTokenGone("This transfer token has expired. Ask the reseller who gave it to you for a new one.",
                                    "expired")
        if sender["id"] == reseller["id"]:
            own = Conflict("This customer is already yours: a transfer token is for another reseller to use.")
            own.details["reason"] = "own_customer"  # for clients to say it in their reader's language
            raise own
        customer, invitation, sub, _ = customer_view(repo, sender, row["customer_id"])
        require("transfer", state_of(customer, invitation, sub, self.clock.now()))
        return row, sender, customer, sub

    def preview(self, reseller, token):
        """What would move, and at what price afterwards; writes nothing."""
        with self.storage.read() as repo:
            row, sender, customer, sub = self._usable(repo, reseller, token)
            invoices = repo.invoices.count_of_customer(sender["id"], customer["id"])
        currency = reseller["currency"]
        unit = pricing.unit_price(sub["plan"], sub["billing_cycle"], reseller["discount_bp"], currency)
        renews = renews_on(sub)
        return {
            "customer": {"name": customer["name"], "organization": customer["organization"],
                         "google_domain": customer["google_domain"], "email": customer["email"]},
            "from_reseller": {"name": sender["name"]},
            "subscription": {"plan": sub["plan"], "billing_cycle": sub["billing_cycle"], "licenses": sub["licenses"],
                             "status": sub["status"], "term_end": sub["term_end"],
                             "renews_at": renews.isoformat() if renews else None},
            "after": {"unit_price": pricing.money(unit, currency),
                      "recurring_amount": pricing.money(unit * sub["licenses"], currency),
                      "monthly_value": pricing.money(monthly_value_of({**dict(sub), "unit_price": unit}), currency)},
            "invoices_staying": invoices,
            "token_expires_at": row["expires_at"],
        }

    def transfer(self, reseller, token, actor):
        """Moves the customer; returns Moved. Both accounts' writes are locked (lowest id first
        where nothing else holds one): a license order racing the move either lands before it,
        with the sender, or finds the customer gone (404)."""
        now = self.clock.now()
        with self.storage.read() as repo:
            row = repo.transfer_tokens.by_hash(token_hash(token))
        sender_id = row["reseller_id"] if row is not None else reseller["id"]
        with contextlib.ExitStack() as locks:
            for account in sorted({reseller["id"], sender_id}):
                repo = locks.enter_context(self.storage.write(account=account))
            # What fell due for the sender is the sender's (a renewal's invoice): run it first.
            if sender_id != reseller["id"]:
                sender_row = repo.resellers.get(sender_id)
                if sender_row is not None:
                    self.billing.catch_up(sender_row)
            row, sender, customer, sub = self._usable(repo, reseller, token)
            scope = domain_scope(reseller)
            owner = repo.customers.live_domain_owner(customer["google_domain"], scope)
            if owner is not None and owner["id"] != customer["id"]:
                raise DomainTaken(f"The Google domain {customer['google_domain']} already belongs to another "
                                  "customer of this account. Nothing was changed.")
            before = subscription_snapshot(sub)
            repo.customers.update(customer["id"], reseller_id=reseller["id"], domain_scope=scope)
            repo.invitations.move(customer["id"], reseller["id"])
            after = save_subscription(repo, sub, {
                "reseller_id": reseller["id"], "currency": reseller["currency"],
                "unit_price": pricing.unit_price(sub["plan"], sub["billing_cycle"], reseller["discount_bp"],
                                                 reseller["currency"])})
            repo.transfer_tokens.end(row["id"], "used", iso(now), reseller["id"])
            moved = f"{pricing.PLAN_NAMES[sub['plan']]}, {pricing.CYCLE_NAMES[sub['billing_cycle']]}, {sub['licenses']} licenses"
            record(repo, reseller, customer["id"], actor, "customer.transferred_in",
                   f"Took over {customer['name']} ({customer['google_domain']}) from {sender['name']} with a transfer"
                   f" token: {moved}.", {**before, "reseller": sender["name"]},
                   {**subscription_snapshot(after), "reseller": reseller["name"]}, now)
            creator = Actor("member", row["created_by"], row["created_by_name"])
            record(repo, sender, customer["id"], creator, "customer.transferred_out",
                   f"{customer['name']} ({customer['google_domain']}) moved to {reseller['name']} with the transfer token"
                   f" {row['created_by_name']} created: {moved}. The invoices issued until now stay here.",
                   {**before, "reseller": sender["name"]}, {"reseller": reseller["name"]}, now)
            return Moved(customer_view(repo, reseller, customer["id"]), sender["name"])
