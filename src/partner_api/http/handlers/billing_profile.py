"""The reseller's billing profile: read by every member (the console shows the currency), changed
by an Admin (manage_account)."""
from ...validation import Fields
from .. import representation as rep
from ..billing_body import PROFILE_FIELDS, read_profile
from ..messages import json_response


def get_billing_profile(api, request):
    return json_response(200, rep.billing_profile_json(api.domain.billing_profiles.get(request.reseller)))


def put_billing_profile(api, request):
    fields = Fields(request.json(), set(PROFILE_FIELDS))
    values, currency, tax_bp = read_profile(fields)
    fields.check()
    return json_response(200, rep.billing_profile_json(api.domain.billing_profiles.save(
        request.reseller, values, currency, tax_bp, api.actor(request))))
