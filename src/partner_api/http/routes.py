"""Every endpoint of the API: method, path, handler, and whether it needs a session (auth) or
counts against the sign-in rate limit (sign_in). A signed-in endpoint names the capability it
needs (domain/roles.py: which roles have it); the pipeline refuses other roles before the handler
runs, and the OpenAPI document states the roles from the same names. Document formats add their
routes from their registration (documents/__init__.py): downloads need export_billing."""
import functools

from ..documents import EXPORT_FORMATS, INVOICE_FORMATS
from ..domain.bulk_actions import ACTIONS
from .handlers import (activity, billing_profile, bulk_jobs, customers, dashboard, invitations, invoices, kiosk,
                       meta, plans, saved_views, sessions, subscriptions, team, transfers)
from .routing import ByAction, Router

VIEW, CUSTOMERS, SUBSCRIPTIONS, BILLING, TEAM, ACCOUNT = (
    "view", "manage_customers", "manage_subscriptions", "export_billing", "manage_team", "manage_account")


def build_router(api, prefix):
    router = Router(prefix)

    def add(method, path, handler, capability=None, **flags):
        router.add(method, path, functools.partial(handler, api), capability=capability, **flags)

    add("GET", "/health", meta.health, auth=False)
    add("GET", "/ready", meta.ready, auth=False)
    add("GET", "/openapi.json", meta.openapi, auth=False)
    add("POST", "/auth/demo", sessions.auth_demo, auth=False, sign_in=True)
    add("POST", "/auth/google", sessions.auth_google, auth=False, sign_in=True)
    add("POST", "/auth/logout", sessions.logout, VIEW)  # every member may end their own session
    add("GET", "/me", sessions.me, VIEW)
    add("GET", "/plans", plans.plans, VIEW)
    add("GET", "/dashboard", dashboard.dashboard, VIEW)
    # Every member reads the seller's data (the console shows the currency); Admins change it.
    add("GET", "/billing-profile", billing_profile.get_billing_profile, VIEW)
    add("PUT", "/billing-profile", billing_profile.put_billing_profile, ACCOUNT)
    add("GET", "/customers", customers.list_customers, VIEW)
    add("GET", "/customers/export.csv", customers.export_customers, BILLING)  # an export, as the invoices'
    add("POST", "/customers", customers.create_customer, CUSTOMERS)
    add("GET", "/customers/{id}", customers.get_customer, VIEW)
    add("PATCH", "/customers/{id}", customers.update_customer, CUSTOMERS)
    add("POST", "/customers/{id}/invitation/resend", invitations.resend_invitation, CUSTOMERS)
    add("POST", "/customers/{id}/invitation/revoke", invitations.revoke_invitation, CUSTOMERS)
    add("POST", "/customers/{id}/invitation", invitations.invite_again, CUSTOMERS)
    # The customer's answer: no session; the credential is the visitor's Google ID token.
    add("POST", "/invitations/{token}/accept", invitations.accept_invitation, auth=False)
    add("POST", "/invitations/{token}/decline", invitations.decline_invitation, auth=False)
    # The token's answer is never stored for Idempotency-Key: it is shown once, and kept only hashed.
    add("POST", "/customers/{id}/transfer-token", transfers.create_token, CUSTOMERS, keep_answer=False)
    add("DELETE", "/customers/{id}/transfer-token", transfers.revoke_token, CUSTOMERS)
    add("POST", "/customers/transfer/preview", transfers.preview, CUSTOMERS)
    add("POST", "/customers/transfer", transfers.transfer, CUSTOMERS)
    add("GET", "/customers/{id}/subscription", subscriptions.get_subscription, VIEW)
    add("PATCH", "/customers/{id}/subscription", subscriptions.update_subscription, SUBSCRIPTIONS)
    # A preview prices an order: part of ordering, so the same roles.
    add("POST", "/customers/{id}/subscription/license-orders/preview", subscriptions.preview_license_order,
        SUBSCRIPTIONS)
    add("POST", "/customers/{id}/subscription/license-orders", subscriptions.create_license_order, SUBSCRIPTIONS)
    add("POST", "/customers/{id}/subscription/plan/preview", subscriptions.preview_plan_change, SUBSCRIPTIONS)
    add("POST", "/customers/{id}/subscription/plan", subscriptions.change_plan, SUBSCRIPTIONS)
    add("POST", "/customers/{id}/subscription/cancel", subscriptions.cancel_subscription, SUBSCRIPTIONS)
    add("POST", "/customers/{id}/subscription/reactivate", subscriptions.reactivate_subscription, SUBSCRIPTIONS)
    add("POST", "/customers/{id}/subscription/start-paid/preview", subscriptions.preview_start_paid, SUBSCRIPTIONS)
    add("POST", "/customers/{id}/subscription/start-paid", subscriptions.start_paid, SUBSCRIPTIONS)
    add("POST", "/customers/{id}/subscription/suspend/preview", subscriptions.preview_suspend, SUBSCRIPTIONS)
    add("POST", "/customers/{id}/subscription/suspend", subscriptions.suspend, SUBSCRIPTIONS)
    add("POST", "/customers/{id}/subscription/resume/preview", subscriptions.preview_resume, SUBSCRIPTIONS)
    add("POST", "/customers/{id}/subscription/resume", subscriptions.resume, SUBSCRIPTIONS)
    add("PUT", "/customers/{id}/subscription/renewal", subscriptions.set_renewal, SUBSCRIPTIONS)
    add("GET", "/invoices", invoices.list_invoices, VIEW)
    for export in EXPORT_FORMATS:
        add("GET", f"/invoices/export.{export.name}", functools.partial(invoices.export_invoices, format=export),
            BILLING)
    add("GET", "/invoices/{id}", invoices.get_invoice, VIEW)
    for document in INVOICE_FORMATS:
        add("GET", f"/invoices/{{id}}/{document.name}",
            functools.partial(invoices.invoice_document, format=document), BILLING)
    add("GET", "/activity", activity.list_activity, VIEW)
    # A bulk job needs what its action needs: the same roles as the dialog doing it once.
    by_body = ByAction(ACTIONS, bulk_jobs.body_action, "body")
    by_job = ByAction(ACTIONS, lambda request: api.domain.bulk.action_of(request.reseller, request.params["id"]),
                      "job")
    add("GET", "/bulk-jobs", bulk_jobs.list_jobs, VIEW)
    add("POST", "/bulk-jobs", bulk_jobs.create_job, by_body)
    add("POST", "/bulk-jobs/preview", bulk_jobs.preview, by_body)
    add("GET", "/bulk-jobs/{id}", bulk_jobs.get_job, VIEW)
    add("POST", "/bulk-jobs/{id}/rows", bulk_jobs.add_rows, CUSTOMERS)  # only imports (invite) take rows
    add("POST", "/bulk-jobs/{id}/cancel", bulk_jobs.cancel_job, by_job)
    add("GET", "/bulk-jobs/{id}/report.csv", bulk_jobs.report, VIEW)
    # Saved views: every member keeps and shares their own (domain/saved_views.py: who may change one).
    add("GET", "/views", saved_views.list_views, VIEW)
    add("POST", "/views", saved_views.create_view, VIEW)
    add("PATCH", "/views/{id}", saved_views.update_view, VIEW)
    add("DELETE", "/views/{id}", saved_views.delete_view, VIEW)
    add("GET", "/team/members", team.list_members, TEAM)
    add("POST", "/team/members", team.add_member, TEAM)
    add("PATCH", "/team/members/{id}", team.change_role, TEAM)
    add("DELETE", "/team/members/{id}", team.remove_member, TEAM)
    return router


def add_kiosk_routes(router, api):
    # A reset puts back the whole demo account, its team included: a team change, so Admins only.
    # Limited per client: a reset rewrites the whole demo account in one write transaction.
    router.add("POST", "/kiosk/reset", functools.partial(kiosk.reset, api), capability="manage_team",
               limit="kiosk_reset")
