"""HTTP handlers, one module per resource: each reads the request, validates it, calls the
domain and shapes the answer. A handler is a function handler(api, request) -> Response;
routes.py binds it to its method and path."""
from ...clock import iso
from ...domain.activity import Actor
from .. import representation as rep


class Api:
    """What every handler may use: the domain, the server's settings, the Google verifier."""

    def __init__(self, domain, settings, verifier):
        self.domain = domain
        self.settings = settings
        self.verifier = verifier

    def now(self):
        return self.domain.clock.now()

    @staticmethod
    def actor(request):
        """The signed-in member, as the history names them."""
        return Actor.member(request.member)

    def customer_json(self, request, view):
        customer, invitation, subscription, transfer = view
        return rep.customer_json(customer, invitation, subscription, transfer, request.reseller, request.base_url,
                                 self.now(), self.domain.invitations.link_token(invitation))

    @staticmethod
    def subscription_json(request, row):
        return rep.subscription_json(row, request.reseller)

    def invoice_json(self, row, lines, corrections=()):
        return rep.invoice_json(row, lines, iso(self.now()), corrections)
