"""HTTP handlers: read the request, validate it, call the service, shape the answer."""
import base64
import datetime as dt
import json
from pathlib import Path

from .. import VERSION
from .. import money as pricing
from . import representation as rep
from ..clock import iso
from ..documents.invoices_csv import csv_chunks
from ..errors import Forbidden, NotFound, RateLimited, ValidationFailed
from .messages import Response, json_response, no_content
from ..documents.invoice_pdf import invoice_pdf
from ..storage.repository import CUSTOMER_SORTS
from .routing import Router
from ..domain.service import DEMO_EMAIL
from ..validation import Fields, query_choice, query_int

OPENAPI = Path(__file__).resolve().parents[1] / "openapi.json"
CUSTOMER_STATUSES = ("invited", "active", "revoked", "cancelled")
INVOICE_STATUSES = ("open", "paid", "overdue", "void")
SORT_CHOICES = tuple(name for sort in CUSTOMER_SORTS for name in (sort, "-" + sort))


def encode_cursor(values):
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


CURSOR_REFUSED = "Not a cursor from this list; start again without one."
INT64 = range(-2 ** 63, 2 ** 63)


def decode_cursor(text, kind, types):
    """The values of a cursor made for this list and sort, each of the type given; anything
    else (another list's cursor, tampered JSON, 2**70, nesting) is a 422, never a 500."""
    try:
        values = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (ValueError, TypeError, RecursionError):
        values = None
    if not isinstance(values, list) or len(values) != len(types) + 1 or values[0] != kind:
        raise ValidationFailed({"cursor": CURSOR_REFUSED})
    for value, kind_of in zip(values[1:], types):
        if type(value) is not kind_of or (kind_of is int and value not in INT64) \
                or (kind_of is str and len(value) > 400):
            raise ValidationFailed({"cursor": CURSOR_REFUSED})
    return values[1:]


# Lists are at most a few million rows; a position beyond that is a mistake, not a page.
MAX_OFFSET = 10_000_000


def query_offset(query):
    """`offset`: a page by position in the sort (jumping anywhere in a long list); None when
    absent. Exclusive with `cursor`, which continues after a row."""
    if query.get("offset") in (None, ""):
        return None
    if query.get("cursor"):
        raise ValidationFailed({"offset": "Pass either offset or cursor, not both."})
    return query_int(query, "offset", 0, 0, MAX_OFFSET)


def query_day(query, name):
    raw = query.get(name)
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ValidationFailed({name: "Must be a date like 2026-01-31."})


def query_id(query, name):
    raw = query.get(name)
    if not raw:
        return None
    if not raw.isdigit() or len(raw) > 18:
        raise ValidationFailed({name: "Must be a positive whole number."})
    return int(raw)


class ApiHandlers:
    def __init__(self, service, settings, verifier, limiter):
        self.service = service
        self.settings = settings
        self.verifier = verifier
        self.limiter = limiter

    def now(self):
        return self.service.now()

    def customer_json(self, request, view):
        customer, invitation, subscription = view
        return rep.customer_json(customer, invitation, subscription, request.base_url, self.now())

    def invoice_json(self, row, lines):
        return rep.invoice_json(row, lines, iso(self.now()))

    # -- no auth -----------------------------------------------------------------------------
    def health(self, request):
        return json_response(200, {"status": "ok", "version": VERSION})

    def openapi(self, request):
        """The OpenAPI document, which states every rule the server enforces (a property
        test holds the server to it)."""
        return Response(200, OPENAPI.read_bytes(), "application/json; charset=utf-8", {"Cache-Control": "no-cache"})

    def check_rate(self, request):
        wait = self.limiter.check(request.client)
        if wait:
            raise RateLimited(wait)

    def auth_demo(self, request):
        if not self.settings.demo:
            raise NotFound("Demo sign-in is off on this server.")
        fields = Fields(request.json(), {"email"})
        email = fields.email("email")
        fields.check()
        if self.settings.kiosk and email.lower() != DEMO_EMAIL:
            # A kiosk server shows one account; it makes no others for whoever finds it.
            raise Forbidden(f"This kiosk opens its demo account ({DEMO_EMAIL}) only.")
        return self.session_response(*self.service.demo_sign_in(email))

    def auth_google(self, request):
        if self.verifier is None:
            raise NotFound("Google sign-in is not configured on this server.")
        body = request.json()
        fields = Fields(body, {"credential", "select_by", "clientId", "client_id"})
        credential = fields.text("credential", 8192, required=True)
        fields.check()
        claims = self.verifier.verify(credential, self.now())
        return self.session_response(*self.service.sign_in_registered(claims["email"]))

    @staticmethod
    def session_response(token, expires_at, reseller):
        return json_response(200, {"token": token, "expires_at": expires_at,
                                   "reseller": rep.reseller_json(reseller)})

    def accept_invitation(self, request):
        return json_response(200, self.service.accept_invitation(request.params["token"]))

    # -- the signed-in reseller --------------------------------------------------------------
    def logout(self, request):
        self.service.logout(request.token)
        return no_content()

    def me(self, request):
        return json_response(200, rep.me_json(request.reseller))

    def plans(self, request):
        return json_response(200, self.service.plans(request.reseller))

    def dashboard(self, request):
        return json_response(200, self.service.dashboard(request.reseller))

    # -- customers ---------------------------------------------------------------------------
    def list_customers(self, request):
        query = request.query
        q = (query.get("q") or "").strip()
        if len(q) > 200:
            raise ValidationFailed({"q": "Must be at most 200 characters."})
        status = query_choice(query, "status", CUSTOMER_STATUSES)
        sort = query_choice(query, "sort", SORT_CHOICES) or "name"
        limit = query_int(query, "limit", 50, 1, 200)
        offset = query_offset(query)
        after = None
        if query.get("cursor"):
            key_type = int if sort.lstrip("-") == "licenses" else str
            after = decode_cursor(query["cursor"], f"customers:{sort}", (key_type, int))
        page, total, next_key = self.service.list_customers(
            request.reseller, q, status, sort.lstrip("-"), sort.startswith("-"), after, limit, offset)
        return json_response(200, {
            "items": [self.customer_json(request, view) for view in page],
            "total": total,
            "next_cursor": encode_cursor([f"customers:{sort}", *next_key]) if next_key else None,
        })

    def create_customer(self, request):
        fields = Fields(request.json(), {"name", "email", "google_domain", "organization"})
        name, email = fields.name("name"), fields.email("email")
        domain, organization = fields.domain("google_domain"), fields.name("organization")
        fields.check()
        view = self.service.invite(request.reseller, name, email, domain, organization, request.base_url)
        return json_response(201, self.customer_json(request, view),
                             {"Location": f"/api/v1/customers/{view[0]['id']}"})

    def get_customer(self, request):
        return json_response(200, self.customer_json(
            request, self.service.customer(request.reseller, request.params["id"])))

    def update_customer(self, request):
        body = request.json()
        fields = Fields(body, {"name", "email", "organization", "google_domain"})
        changes = {}
        if fields.has("name"):
            changes["name"] = fields.name("name")
        if fields.has("email"):
            changes["email"] = fields.email("email")
        if fields.has("organization"):
            changes["organization"] = fields.name("organization")
        if fields.has("google_domain"):
            fields.errors["google_domain"] = "The Google domain cannot be changed."
        if not body:
            fields.errors["body"] = "Send at least one of name, email, organization."
        fields.check()
        return json_response(200, self.customer_json(
            request, self.service.update_customer(request.reseller, request.params["id"], changes)))

    def resend_invitation(self, request):
        return json_response(200, self.customer_json(request, self.service.resend_invitation(
            request.reseller, request.params["id"], request.base_url)))

    def revoke_invitation(self, request):
        return json_response(200, self.customer_json(
            request, self.service.revoke_invitation(request.reseller, request.params["id"])))

    # -- subscriptions -----------------------------------------------------------------------
    def get_subscription(self, request):
        return json_response(200, rep.subscription_json(
            self.service.subscription(request.reseller, request.params["id"])))

    def _licenses(self, request):
        """(target, expected): `expected_licenses` is the count the client saw; when it is
        given and the subscription has another, nothing is ordered (409 licenses_changed)."""
        fields = Fields(request.json(), {"licenses", "expected_licenses"})
        licenses = fields.integer("licenses", pricing.MIN_LICENSES, pricing.MAX_LICENSES)
        expected = fields.integer("expected_licenses", pricing.MIN_LICENSES, pricing.MAX_LICENSES, required=False)
        fields.check()
        return licenses, expected

    def preview_license_order(self, request):
        target, expected = self._licenses(request)
        return json_response(200, self.service.license_order(
            request.reseller, request.params["id"], target, commit=False, expected=expected))

    def create_license_order(self, request):
        target, expected = self._licenses(request)
        result = self.service.license_order(request.reseller, request.params["id"], target, commit=True,
                                            expected=expected)
        return json_response(201, self._change_result(request, result, order=rep.license_order_json(result["order"])))

    def _change_result(self, request, result, **extra):
        invoice = None
        if result["invoice_id"] is not None:
            invoice = self.invoice_json(*self.service.invoice(request.reseller, result["invoice_id"]))
        return {**extra, "subscription": rep.subscription_json(result["subscription"]), "invoice": invoice}

    def _plan(self, request):
        """(plan, cycle, expected): `expected_plan` and `expected_billing_cycle` are what the
        client saw; given and no longer true, nothing changes (409 plan_changed)."""
        fields = Fields(request.json(), {"plan", "billing_cycle", "expected_plan", "expected_billing_cycle"})
        plan = fields.choice("plan", pricing.PLANS)
        cycle = fields.choice("billing_cycle", pricing.CYCLES)
        expected = (fields.choice("expected_plan", pricing.PLANS, required=False),
                    fields.choice("expected_billing_cycle", pricing.CYCLES, required=False))
        missing = "expected_plan" if expected[0] is None else "expected_billing_cycle"
        if (expected[0] is None) != (expected[1] is None) and missing not in fields.errors:
            fields.errors[missing] = "Send expected_plan and expected_billing_cycle together."
        fields.check()
        return plan, cycle, (expected if expected[0] is not None else None)

    def preview_plan_change(self, request):
        plan, cycle, expected = self._plan(request)
        return json_response(200, self.service.plan_change(
            request.reseller, request.params["id"], plan, cycle, commit=False, expected=expected))

    def change_plan(self, request):
        plan, cycle, expected = self._plan(request)
        result = self.service.plan_change(request.reseller, request.params["id"], plan, cycle, commit=True,
                                          expected=expected)
        return json_response(200, self._change_result(request, result, change=result["change"]))

    def cancel_subscription(self, request):
        fields = Fields(request.json(), {"when", "reason"})
        when = fields.choice("when", ("now", "end_of_term"))
        reason = fields.text("reason", 500)
        fields.check()
        return json_response(200, rep.subscription_json(
            self.service.cancel(request.reseller, request.params["id"], when, reason or None)))

    def reactivate_subscription(self, request):
        return json_response(200, rep.subscription_json(
            self.service.reactivate(request.reseller, request.params["id"])))

    # -- invoices ----------------------------------------------------------------------------
    def _invoice_filter(self, request):
        query = request.query
        issued_from, issued_to = query_day(query, "from"), query_day(query, "to")
        if issued_from and issued_to and issued_to < issued_from:
            raise ValidationFailed({"to": "Must not be before from."})
        return (query_id(query, "customer_id"), query_choice(query, "status", INVOICE_STATUSES),
                issued_from.isoformat() if issued_from else None,
                # `to` is inclusive: everything issued before the next day.
                (issued_to + dt.timedelta(days=1)).isoformat() if issued_to else None)

    def list_invoices(self, request):
        filters = self._invoice_filter(request)
        limit = query_int(request.query, "limit", 50, 1, 200)
        offset = query_offset(request.query)
        after = None
        if request.query.get("cursor"):
            after = decode_cursor(request.query["cursor"], "invoices", (str, int))
        rows, total, next_key = self.service.list_invoices(request.reseller, *filters, after, limit, offset)
        now = iso(self.now())
        return json_response(200, {
            "items": [rep.invoice_summary_json(row, now) for row in rows],
            "total": total,
            "next_cursor": encode_cursor(["invoices", *next_key]) if next_key else None,
        })

    def get_invoice(self, request):
        return json_response(200, self.invoice_json(*self.service.invoice(request.reseller, request.params["id"])))

    def invoice_pdf(self, request):
        invoice = self.invoice_json(*self.service.invoice(request.reseller, request.params["id"]))
        return Response(200, invoice_pdf(invoice, request.reseller["name"]), "application/pdf",
                        {"Content-Disposition": f'attachment; filename="{invoice["number"]}.pdf"'})

    def export_invoices(self, request):
        filters = self._invoice_filter(request)
        rows = self.service.export_invoices(request.reseller, *filters, chunk=2000)
        now = iso(self.now())
        header = ["number", "customer_id", "customer", "organization", "status", "issued_at", "due_at",
                  "paid_at", "currency", "subtotal", "tax", "total"]
        cells = ([row["number"], row["customer_id"], row["customer_name"], row["customer_organization"],
                  rep.invoice_status(row, now), row["issued_at"], row["due_at"], row["paid_at"], row["currency"],
                  pricing.plain_amount(row["subtotal"]), pricing.plain_amount(row["tax"]),
                  pricing.plain_amount(row["total"])] for row in rows)
        return Response(200, content_type="text/csv; charset=utf-8", stream=csv_chunks(header, cells),
                        headers={"Content-Disposition": 'attachment; filename="invoices.csv"'})

    # -- activity ----------------------------------------------------------------------------
    def list_activity(self, request):
        customer_id = query_id(request.query, "customer_id")
        limit = query_int(request.query, "limit", 50, 1, 200)
        before = None
        if request.query.get("cursor"):
            before, = decode_cursor(request.query["cursor"], "activity", (int,))
        rows, next_id = self.service.activity(request.reseller, customer_id, before, limit)
        return json_response(200, {
            "items": [rep.activity_json(row) for row in rows],
            "next_cursor": encode_cursor(["activity", next_id]) if next_id else None,
        })


def build_router(handlers, prefix):
    router = Router(prefix)
    add = router.add
    add("GET", "/health", handlers.health, auth=False)
    add("GET", "/openapi.json", handlers.openapi, auth=False)
    add("POST", "/auth/demo", handlers.auth_demo, auth=False, sign_in=True)
    add("POST", "/auth/google", handlers.auth_google, auth=False, sign_in=True)
    add("POST", "/auth/logout", handlers.logout)
    add("GET", "/me", handlers.me)
    add("GET", "/plans", handlers.plans)
    add("GET", "/dashboard", handlers.dashboard)
    add("GET", "/customers", handlers.list_customers)
    add("POST", "/customers", handlers.create_customer)
    add("GET", "/customers/{id}", handlers.get_customer)
    add("PATCH", "/customers/{id}", handlers.update_customer)
    add("POST", "/customers/{id}/invitation/resend", handlers.resend_invitation)
    add("POST", "/customers/{id}/invitation/revoke", handlers.revoke_invitation)
    add("POST", "/invitations/{token}/accept", handlers.accept_invitation, auth=False)
    add("GET", "/customers/{id}/subscription", handlers.get_subscription)
    add("POST", "/customers/{id}/subscription/license-orders/preview", handlers.preview_license_order)
    add("POST", "/customers/{id}/subscription/license-orders", handlers.create_license_order)
    add("POST", "/customers/{id}/subscription/plan/preview", handlers.preview_plan_change)
    add("POST", "/customers/{id}/subscription/plan", handlers.change_plan)
    add("POST", "/customers/{id}/subscription/cancel", handlers.cancel_subscription)
    add("POST", "/customers/{id}/subscription/reactivate", handlers.reactivate_subscription)
    add("GET", "/invoices", handlers.list_invoices)
    add("GET", "/invoices/export.csv", handlers.export_invoices)
    add("GET", "/invoices/{id}", handlers.get_invoice)
    add("GET", "/invoices/{id}/pdf", handlers.invoice_pdf)
    add("GET", "/activity", handlers.list_activity)
    return router
