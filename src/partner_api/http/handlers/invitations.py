"""Invitations: a new link, withdrawing it, and the customer accepting it."""
from ..messages import json_response


def resend_invitation(api, request):
    return json_response(200, api.customer_json(request, api.domain.invitations.resend(
        request.reseller, request.params["id"], request.base_url, api.actor(request))))


def revoke_invitation(api, request):
    return json_response(200, api.customer_json(
        request, api.domain.invitations.revoke(request.reseller, request.params["id"], api.actor(request))))


def accept_invitation(api, request):
    return json_response(200, api.domain.invitations.accept(request.params["token"]))
