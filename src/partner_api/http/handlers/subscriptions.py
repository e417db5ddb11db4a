"""A customer's subscription: its terms, license orders and plan changes (each with a preview
that writes nothing), cancelling and reactivating; and (issue 23) starting the paid plan of a
trial, suspending and resuming (each with its preview), renewal settings and the seat cap."""
from ... import money as pricing
from ...domain.renewals import ACTIONS as RENEWAL_ACTIONS
from ...domain.suspension import REASONS
from ...validation import Fields
from .. import representation as rep
from ..messages import json_response


def get_subscription(api, request):
    return json_response(200, api.subscription_json(
        request, api.domain.subscriptions.get(request.reseller, request.params["id"])))


def _licenses(request):
    """(target, expected): `expected_licenses` is the count the client saw; when it is
    given and the subscription has another, nothing is ordered (409 licenses_changed)."""
    fields = Fields(request.json(), {"licenses", "expected_licenses"})
    licenses = fields.integer("licenses", pricing.MIN_LICENSES, pricing.MAX_LICENSES)
    expected = fields.integer("expected_licenses", pricing.MIN_LICENSES, pricing.MAX_LICENSES, required=False)
    fields.check()
    return licenses, expected


def preview_license_order(api, request):
    target, expected = _licenses(request)
    return json_response(200, api.domain.subscriptions.license_order(
        request.reseller, request.params["id"], target, commit=False, expected=expected))


def create_license_order(api, request):
    target, expected = _licenses(request)
    result = api.domain.subscriptions.license_order(request.reseller, request.params["id"], target, commit=True,
                                                    expected=expected, actor=api.actor(request))
    return json_response(201, _change_result(api, request, result, order=rep.license_order_json(result["order"])))


def _change_result(api, request, result, **extra):
    """The change with the invoice it issued and, for a change that can credit (licenses, plan),
    the credit note it issued (each null if none)."""
    def document(invoice_id):
        return None if invoice_id is None else api.invoice_json(*api.domain.invoices.get(request.reseller, invoice_id))
    answer = {**extra, "subscription": api.subscription_json(request, result["subscription"]),
              "invoice": document(result["invoice_id"])}
    if "credit_note_id" in result:
        answer["credit_note"] = document(result["credit_note_id"])
    return answer


def _plan(request):
    """(plan, cycle, expected): `expected_plan` and `expected_billing_cycle` are what the
    client saw; given and no longer true, nothing changes (409 plan_changed)."""
    fields = Fields(request.json(), {"plan", "billing_cycle", "expected_plan", "expected_billing_cycle"})
    plan = fields.choice("plan", pricing.PLANS)
    cycle = fields.choice("billing_cycle", pricing.CYCLES)
    expected = (fields.choice("expected_plan", pricing.PLANS, required=False),
                fields.choice("expected_billing_cycle", pricing.CYCLES, required=False))
    missing = "expected_plan" if expected[0] is None else "expected_billing_cycle"
    if (expected[0] is None) != (expected[1] is None) and not fields.failed(missing):
        fields.fail(missing, "Send expected_plan and expected_billing_cycle together.")
    fields.check()
    return plan, cycle, (expected if expected[0] is not None else None)


def preview_plan_change(api, request):
    plan, cycle, expected = _plan(request)
    return json_response(200, api.domain.subscriptions.plan_change(
        request.reseller, request.params["id"], plan, cycle, commit=False, expected=expected))


def change_plan(api, request):
    plan, cycle, expected = _plan(request)
    result = api.domain.subscriptions.plan_change(request.reseller, request.params["id"], plan, cycle, commit=True,
                                                  expected=expected, actor=api.actor(request))
    return json_response(200, _change_result(api, request, result, change=result["change"]))


def cancel_subscription(api, request):
    fields = Fields(request.json(), {"when", "reason"})
    when = fields.choice("when", ("now", "end_of_term"))
    reason = fields.text("reason", 500)
    fields.check()
    return json_response(200, api.subscription_json(request,
        api.domain.subscriptions.cancel(request.reseller, request.params["id"], when, reason or None,
                                        api.actor(request))))


def reactivate_subscription(api, request):
    return json_response(200, api.subscription_json(
        request, api.domain.subscriptions.reactivate(request.reseller, request.params["id"], api.actor(request))))


def _start_paid(request):
    fields = Fields(request.json(), {"plan", "billing_cycle", "licenses"})
    plan = fields.choice("plan", pricing.PLANS)
    cycle = fields.choice("billing_cycle", pricing.CYCLES)
    licenses = fields.integer("licenses", pricing.MIN_LICENSES, pricing.MAX_LICENSES)
    fields.check()
    return plan, cycle, licenses


def preview_start_paid(api, request):
    return json_response(200, api.domain.trials.start_paid(request.reseller, request.params["id"],
                                                           *_start_paid(request), commit=False))


def start_paid(api, request):
    result = api.domain.trials.start_paid(request.reseller, request.params["id"], *_start_paid(request), commit=True,
                                          actor=api.actor(request))
    return json_response(200, _change_result(api, request, result, start=result["start"]))


def _suspension(request):
    fields = Fields(request.json(), {"reason", "note"})
    reason = fields.choice("reason", REASONS)
    note = fields.text("note", 500)
    fields.check()
    return reason, note or None


def preview_suspend(api, request):
    return json_response(200, api.domain.suspensions.suspend(request.reseller, request.params["id"],
                                                             *_suspension(request), commit=False))


def suspend(api, request):
    result = api.domain.suspensions.suspend(request.reseller, request.params["id"], *_suspension(request),
                                            commit=True, actor=api.actor(request))
    return json_response(200, {"suspension": result["suspension"],
                               "subscription": api.subscription_json(request, result["subscription"])})


def _no_fields(request):
    """An action without parameters takes no body, or an empty JSON object."""
    if request.body:
        Fields(request.json(), set()).check()


def preview_resume(api, request):
    _no_fields(request)
    return json_response(200, api.domain.suspensions.resume(request.reseller, request.params["id"], commit=False))


def resume(api, request):
    _no_fields(request)
    result = api.domain.suspensions.resume(request.reseller, request.params["id"], commit=True,
                                           actor=api.actor(request))
    return json_response(200, _change_result(api, request, result, resumption=result["resumption"]))


def set_renewal(api, request):
    fields = Fields(request.json(), {"action", "licenses"})
    action = fields.choice("action", RENEWAL_ACTIONS)
    licenses = fields.integer("licenses", pricing.MIN_LICENSES, pricing.MAX_LICENSES, required=False)
    fields.check()
    # The count goes with renew_with_count, and only with it (checked once each field is well-formed).
    if (action == "renew_with_count") != (licenses is not None):
        fields.errors["licenses"] = ("Send the license count to renew with." if licenses is None else
                                     "Send licenses only with the action renew_with_count.")
        fields.check()
    return json_response(200, api.subscription_json(request, api.domain.renewals.set_renewal(
        request.reseller, request.params["id"], action, licenses, api.actor(request))))


def update_subscription(api, request):
    """The seat cap: `max_licenses` a count, or null for none."""
    body = request.json()
    fields = Fields(body, {"max_licenses"})
    if "max_licenses" not in body:
        fields.errors["max_licenses"] = "This field is required (a number of licenses, or null for no cap)."
    cap = fields.integer("max_licenses", pricing.MIN_LICENSES, pricing.MAX_LICENSES, required=False)
    fields.check()
    return json_response(200, api.subscription_json(request, api.domain.renewals.set_seat_cap(
        request.reseller, request.params["id"], cap, api.actor(request))))
