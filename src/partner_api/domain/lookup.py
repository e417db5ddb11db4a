"""A reseller's own rows, or NotFound: another reseller's ids are simply not there."""
from ..errors import NotFound


def customer_or_404(repo, reseller, customer_id):
    customer = repo.customers.get(reseller["id"], customer_id)
    if customer is None:
        raise NotFound("There is no customer with this id.")
    return customer


def subscription_or_404(repo, reseller, customer_id):
    customer_or_404(repo, reseller, customer_id)
    sub = repo.subscriptions.of_customer(customer_id)
    if sub is None:
        raise NotFound("This customer has no subscription yet: the invitation is not accepted.")
    return sub


def customer_view(repo, reseller, customer_id):
    """(customer, invitation, subscription): what the API shows of one customer."""
    customer = customer_or_404(repo, reseller, customer_id)
    invitation = repo.invitations.get(customer["invitation_id"]) if customer["invitation_id"] else None
    return customer, invitation, repo.subscriptions.of_customer(customer_id)
