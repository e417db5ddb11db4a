"""A reseller's own rows, or NotFound: another reseller's ids are simply not there."""
from ..errors import NotFound
from .lifecycle import require, state_of

# A customer's subscription is shown while the customer holds it: a customer invited again
# after it was cancelled keeps the old row (its orders point at it) until the new link is
# accepted, but shows none.
HOLDS_SUBSCRIPTION = ("active", "suspended", "cancelled")


def customer_or_404(repo, reseller, customer_id):
    customer = repo.customers.get(reseller["id"], customer_id)
    if customer is None:
        raise NotFound("There is no customer with this id.")
    return customer


def subscription_of(repo, customer):
    if customer["status"] not in HOLDS_SUBSCRIPTION:
        return None
    return repo.subscriptions.of_customer(customer["id"])


def subscription_or_404(repo, reseller, customer_id):
    sub = subscription_of(repo, customer_or_404(repo, reseller, customer_id))
    if sub is None:
        raise NotFound("This customer has no subscription yet: the invitation is not accepted.")
    return sub


def customer_view(repo, reseller, customer_id):
    """(customer, invitation, subscription, live transfer token): what the API shows of one
    customer."""
    customer = customer_or_404(repo, reseller, customer_id)
    invitation = repo.invitations.get(customer["invitation_id"]) if customer["invitation_id"] else None
    return customer, invitation, subscription_of(repo, customer), repo.transfer_tokens.live_of(customer_id)


def allowed_view(repo, reseller, customer_id, action, now):
    """customer_view() when the lifecycle table allows `action` in the customer's state now;
    else NotNow (409), nothing written."""
    view = customer_view(repo, reseller, customer_id)
    require(action, state_of(*view[:3], now))
    return view


def allowed_subscription(repo, reseller, customer_id, action, now):
    """The customer's subscription, when the table allows `action` on it now (else 409)."""
    return allowed_view(repo, reseller, customer_id, action, now)[2]


def transaction(storage, reseller, commit):
    """A preview only reads; a commit writes, with the account's write lock from its first read."""
    return storage.write(account=reseller["id"]) if commit else storage.read()
