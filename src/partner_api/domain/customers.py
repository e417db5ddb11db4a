"""Customers: the reseller's list (search, filter, sort, pages by cursor or by position), one
customer with its invitation and subscription, inviting a new one, and changing its details."""
from ..clock import iso
from ..errors import CustomerChanged, DomainTaken, ValidationFailed
from ..storage.customers import BILLING_COLUMNS, EXPORT_FIELDS  # noqa: F401  (the export's handler)
from ..validation import sort_key
from .activity import record
from .billing import NO_RENEWAL
from .invitations import send_invitation
from .lifecycle import require, state_of
from .lookup import HOLDS_SUBSCRIPTION, customer_view

SORTS = ("name", "created_at", "renews_at", "licenses")


def domain_scope(reseller):
    """Where a customer's Google domain must be unique among live customers: across every
    registered reseller (0), or within one demo account only. A demo account is anyone's: it
    must never reserve a domain against a real reseller, nor learn which domains real ones hold."""
    return reseller["id"] if reseller["is_demo"] else 0


class Customers:
    def __init__(self, storage, clock, log, links):
        self.storage = storage
        self.clock = clock
        self.log = log
        self.links = links

    def page(self, reseller, q, status, sort, descending, after, limit, offset=None):
        """(views, total, next key): one page by keyset (`after`) or by position in the sort
        (`offset`), each customer as customer_view() shows it."""
        with self.storage.read() as repo:
            rows, total, next_key = repo.customers.page(reseller["id"], q, status, sort, descending, after,
                                                        offset, limit)
            invitations = repo.invitations.by_ids(r["invitation_id"] for r in rows if r["invitation_id"])
            held = [r["id"] for r in rows if r["status"] in HOLDS_SUBSCRIPTION]
            subscriptions = repo.subscriptions.of_customers(held)
            tokens = repo.transfer_tokens.live_of_customers(held)
        page = [(row, invitations.get(row["invitation_id"]), subscriptions.get(row["id"]), tokens.get(row["id"]))
                for row in rows]
        return page, total, next_key

    def every(self, reseller, q, status, sort, descending, chunk):
        """Yields every customer the list shows for this search, filter and sort, as a row of
        storage.customers.EXPORT_FIELDS (with its subscription's), reading by keyset in chunks
        (each its own read transaction), so 100,000 customers stream without sitting in memory
        or holding one transaction open."""
        after = None
        while True:
            with self.storage.read() as repo:
                rows, after = repo.customers.export_page(reseller["id"], q, status, sort, descending, after, chunk,
                                                         NO_RENEWAL)
            yield from rows
            if after is None:
                return

    def get(self, reseller, customer_id):
        with self.storage.read() as repo:
            return customer_view(repo, reseller, customer_id)

    def invite(self, reseller, name, email, google_domain, organization, base_url, actor, billing=None):
        """A new customer and its invitation link (sent through the outbox). `billing`: the
        billing details (the BILLING_COLUMNS), optional until the first invoice."""
        now = self.clock.now()
        scope = domain_scope(reseller)
        with self.storage.write(account=reseller["id"]) as repo:
            if repo.customers.live_domain_owner(google_domain, scope):
                raise DomainTaken(f"The Google domain {google_domain} already belongs to a customer.")
            customer_id = repo.customers.add(reseller["id"], name, email, google_domain,
                                             organization, "invited", iso(now), sort_key(name), scope)
            if billing:
                repo.customers.update(customer_id, **billing)
            send_invitation(repo, reseller, customer_id, name, email, organization, base_url, now, self.log,
                            self.links)
            record(repo, reseller, customer_id, actor, "customer.invited",
                   f"Invited {name} ({organization}, {google_domain}).", None,
                   {"name": name, "email": email, "google_domain": google_domain,
                    "organization": organization}, now)
            return customer_view(repo, reseller, customer_id)

    def update(self, reseller, customer_id, changes, actor, expected=None):
        """Changes name, email, organization or the billing details (`billing`: the
        BILLING_COLUMNS, or None to remove them, which is refused once the customer has been
        invoiced), and the Google domain while the invitation is open (the link then answers for
        the new domain only); a change to nothing new records nothing. Invoices already issued
        keep what they were issued with. `expected`: the details as the client saw them; any of
        them changed meanwhile and nothing is (CustomerChanged)."""
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            view = customer_view(repo, reseller, customer_id)
            customer = view[0]
            if any(customer[k] != v for k, v in (expected or {}).items()):
                raise CustomerChanged(customer)
            if "billing" in changes:
                billing = changes.pop("billing")
                if billing is None and repo.invoices.any_of_customer(customer_id):
                    raise ValidationFailed({"billing": "Billing details cannot be removed once the customer has"
                                                       " been invoiced; change them instead."})
                changes.update(billing or {name: None for name in BILLING_COLUMNS})
            changes = {k: v for k, v in changes.items() if v != customer[k]}
            require("edit", state_of(*view[:3], now))
            if "google_domain" in changes:
                require("edit_domain", state_of(*view[:3], now))
                if repo.customers.live_domain_owner(changes["google_domain"], customer["domain_scope"]):
                    raise DomainTaken(f"The Google domain {changes['google_domain']} already belongs to a customer.")
            if changes:
                if "name" in changes:
                    changes["name_key"] = sort_key(changes["name"])
                repo.customers.update(customer_id, **changes)
                shown = [k for k in changes if k != "name_key" and k not in BILLING_COLUMNS]
                if any(k in BILLING_COLUMNS for k in changes):
                    shown.append("billing details")
                record(repo, reseller, customer_id, actor, "customer.updated",
                       f"Changed {', '.join(shown)} of {customer['name']}.",
                       {k: customer[k] for k in changes if k != "name_key"},
                       {k: changes[k] for k in changes if k != "name_key"}, now)
            return customer_view(repo, reseller, customer_id)
