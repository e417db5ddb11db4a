"""Transfers between resellers (issue 23): the token the current reseller makes (shown once),
revoking it, and the receiving reseller's preview and confirmation."""
from ...domain.transfers import normalise
from ...validation import Fields
from ..messages import json_response, no_content


def create_token(api, request):
    if request.body:
        Fields(request.json(), set()).check()
    token, expires_at = api.domain.transfers.create_token(request.reseller, request.params["id"], api.actor(request))
    return json_response(201, {"customer_id": request.params["id"], "token": token, "expires_at": expires_at})


def revoke_token(api, request):
    api.domain.transfers.revoke_token(request.reseller, request.params["id"], api.actor(request))
    return no_content()


def _token(request):
    fields = Fields(request.json(), {"token"})
    token = fields.text("token", 64, required=True)
    if token is not None and "token" not in fields.errors and normalise(token) is None:
        fields.errors["token"] = "Must be a transfer token like 7K2M-9QXD-4HTP-R8WN-3ZCF (20 letters and digits)."
    fields.check()
    return token


def preview(api, request):
    return json_response(200, api.domain.transfers.preview(request.reseller, _token(request)))


def transfer(api, request):
    moved = api.domain.transfers.transfer(request.reseller, _token(request), api.actor(request))
    return json_response(200, {"customer": api.customer_json(request, moved.view),
                               "from_reseller": {"name": moved.from_reseller}})
