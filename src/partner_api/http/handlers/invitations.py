"""Invitations: a new link, withdrawing it, inviting again, and the customer's answer. Accepting
and declining take no session: the credential is the visitor's Google ID token, which must
belong to the invited domain (issue 23); on a demo server without Google, a demo account's
invitation may be answered with {"demo": true}."""
from ...domain.invitations import Answerer
from ...errors import CredentialRequired, GoogleNotConfigured, ValidationFailed
from ...validation import Fields
from ..messages import json_response, parse_json


def resend_invitation(api, request):
    return json_response(200, api.customer_json(request, api.domain.invitations.resend(
        request.reseller, request.params["id"], request.base_url, api.actor(request))))


def invite_again(api, request):
    if request.body:
        Fields(request.json(), set()).check()
    return json_response(200, api.customer_json(request, api.domain.invitations.invite_again(
        request.reseller, request.params["id"], request.base_url, api.actor(request))))


def revoke_invitation(api, request):
    return json_response(200, api.customer_json(
        request, api.domain.invitations.revoke(request.reseller, request.params["id"], api.actor(request))))


def demo_answers_allowed(settings):
    """A demo server without Google sign-in (a kiosk never shows Google's button) lets demo
    accounts' invitations be answered without it; a registered reseller's never."""
    return bool(settings.demo) and (not settings.google_client_id or bool(settings.kiosk))


def answerer(api, request):
    """Who answers: the verified Google account of {"credential"}, or a demo answer. Without
    either, 401 credential_required (no body counts as none)."""
    body = parse_json(request.body) if request.body else {}
    if not isinstance(body, dict):
        raise ValidationFailed({"body": "Must be a JSON object."}, "The request body must be a JSON object.")
    fields = Fields(body, {"credential", "demo"})
    credential = fields.text("credential", 8192)
    demo = body.get("demo")
    if demo is not None and demo is not True:
        fields.errors["demo"] = "Must be true (or left out)."
    fields.check()
    if demo:
        return Answerer("demo")
    if not credential:
        raise CredentialRequired()
    if api.verifier is None:
        raise GoogleNotConfigured()
    claims = api.verifier.verify(credential, api.now())
    hosted = claims.get("hd") if isinstance(claims.get("hd"), str) else None
    name = claims.get("name") if isinstance(claims.get("name"), str) else None
    return Answerer("google", claims["email"].lower(), name, hosted)


def accept_invitation(api, request):
    who = answerer(api, request)
    return json_response(200, api.domain.invitations.accept(request.params["token"], who,
                                                            demo_answers_allowed(api.settings)))


def decline_invitation(api, request):
    who = answerer(api, request)
    return json_response(200, api.domain.invitations.decline(request.params["token"], who,
                                                             demo_answers_allowed(api.settings)))
