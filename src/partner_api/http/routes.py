"""Every endpoint of the API: method, path, handler, and whether it needs a session (auth) or
counts against the sign-in rate limit (sign_in). Document formats add their routes from their
registration (documents/__init__.py)."""
import functools

from ..documents import EXPORT_FORMATS, INVOICE_FORMATS
from .handlers import activity, customers, dashboard, invitations, invoices, kiosk, meta, plans, sessions, subscriptions
from .routing import Router


def build_router(api, prefix):
    router = Router(prefix)

    def add(method, path, handler, **flags):
        router.add(method, path, functools.partial(handler, api), **flags)

    add("GET", "/health", meta.health, auth=False)
    add("GET", "/openapi.json", meta.openapi, auth=False)
    add("POST", "/auth/demo", sessions.auth_demo, auth=False, sign_in=True)
    add("POST", "/auth/google", sessions.auth_google, auth=False, sign_in=True)
    add("POST", "/auth/logout", sessions.logout)
    add("GET", "/me", sessions.me)
    add("GET", "/plans", plans.plans)
    add("GET", "/dashboard", dashboard.dashboard)
    add("GET", "/customers", customers.list_customers)
    add("POST", "/customers", customers.create_customer)
    add("GET", "/customers/{id}", customers.get_customer)
    add("PATCH", "/customers/{id}", customers.update_customer)
    add("POST", "/customers/{id}/invitation/resend", invitations.resend_invitation)
    add("POST", "/customers/{id}/invitation/revoke", invitations.revoke_invitation)
    add("POST", "/invitations/{token}/accept", invitations.accept_invitation, auth=False)
    add("GET", "/customers/{id}/subscription", subscriptions.get_subscription)
    add("POST", "/customers/{id}/subscription/license-orders/preview", subscriptions.preview_license_order)
    add("POST", "/customers/{id}/subscription/license-orders", subscriptions.create_license_order)
    add("POST", "/customers/{id}/subscription/plan/preview", subscriptions.preview_plan_change)
    add("POST", "/customers/{id}/subscription/plan", subscriptions.change_plan)
    add("POST", "/customers/{id}/subscription/cancel", subscriptions.cancel_subscription)
    add("POST", "/customers/{id}/subscription/reactivate", subscriptions.reactivate_subscription)
    add("GET", "/invoices", invoices.list_invoices)
    for export in EXPORT_FORMATS:
        add("GET", f"/invoices/export.{export.name}", functools.partial(invoices.export_invoices, format=export))
    add("GET", "/invoices/{id}", invoices.get_invoice)
    for document in INVOICE_FORMATS:
        add("GET", f"/invoices/{{id}}/{document.name}", functools.partial(invoices.invoice_document, format=document))
    add("GET", "/activity", activity.list_activity)
    return router


def add_kiosk_routes(router, api):
    router.add("POST", "/kiosk/reset", functools.partial(kiosk.reset, api))
