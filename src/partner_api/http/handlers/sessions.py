"""Signing in (demo, Google), signing out, and who is signed in."""
from ...domain import DEMO_EMAIL
from ...errors import Forbidden, NotFound
from ...validation import Fields
from .. import representation as rep
from ..messages import json_response, no_content


def session_response(token, expires_at, reseller):
    return json_response(200, {"token": token, "expires_at": expires_at, "reseller": rep.reseller_json(reseller)})


def auth_demo(api, request):
    if not api.settings.demo:
        raise NotFound("Demo sign-in is off on this server.")
    fields = Fields(request.json(), {"email"})
    email = fields.email("email")
    fields.check()
    if api.settings.kiosk and email.lower() != DEMO_EMAIL:
        # A kiosk server shows one account; it makes no others for whoever finds it.
        raise Forbidden(f"This kiosk opens its demo account ({DEMO_EMAIL}) only.")
    return session_response(*api.domain.sessions.demo_sign_in(email))


def auth_google(api, request):
    if api.verifier is None:
        raise NotFound("Google sign-in is not configured on this server.")
    body = request.json()
    fields = Fields(body, {"credential", "select_by", "clientId", "client_id"})
    credential = fields.text("credential", 8192, required=True)
    fields.check()
    claims = api.verifier.verify(credential, api.now())
    return session_response(*api.domain.sessions.sign_in_registered(claims["email"]))


def logout(api, request):
    api.domain.sessions.sign_out(request.token)
    return no_content()


def me(api, request):
    return json_response(200, rep.me_json(request.reseller))
