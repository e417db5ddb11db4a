"""Signing in (demo, Google), signing out, and who is signed in."""
from ...domain import DEMO_EMAIL
from ...errors import Forbidden, NotFound
from ...validation import Fields
from .. import representation as rep
from ..messages import json_response, no_content


def session_response(sign_in):
    return json_response(200, {"token": sign_in.token, "expires_at": sign_in.expires_at,
                               "reseller": rep.reseller_json(sign_in.reseller),
                               "member": rep.member_json(sign_in.member)})


def auth_demo(api, request):
    if not api.settings.demo:
        raise NotFound("Demo sign-in is off on this server.")
    fields = Fields(request.json(), {"email"})
    email = fields.email("email")
    fields.check()
    if api.settings.kiosk and email.lower() != DEMO_EMAIL:
        # A kiosk server shows one account; it makes no others for whoever finds it.
        raise Forbidden(f"This kiosk opens its demo account ({DEMO_EMAIL}) only.")
    return session_response(api.domain.sessions.demo_sign_in(email))


def auth_google(api, request):
    """A person in several reseller accounts first gets 409 choose_reseller with the list, then
    sends the same credential again with the reseller_id chosen."""
    if api.verifier is None:
        raise NotFound("Google sign-in is not configured on this server.")
    body = request.json()
    fields = Fields(body, {"credential", "select_by", "clientId", "client_id", "reseller_id"})
    credential = fields.text("credential", 8192, required=True)
    reseller_id = fields.integer("reseller_id", 1, 999_999_999_999_999_999, required=False)
    fields.check()
    claims = api.verifier.verify(credential, api.now())
    return session_response(api.domain.sessions.sign_in_member(claims["email"], reseller_id))


def logout(api, request):
    api.domain.sessions.sign_out(request.token)
    return no_content()


def me(api, request):
    return json_response(200, rep.me_json(request.reseller, request.member))
