"""Customers: the list (and all of it as CSV), inviting one, one customer, changing its details."""
from ...documents import CUSTOMER_COLUMNS, customers_csv
from ...domain.customers import EXPORT_FIELDS, SORTS
from ...errors import EDITABLE_DETAILS, ValidationFailed
from ...validation import Fields, query_choice, query_int
from .. import representation as rep
from ..billing_body import read_customer_billing
from ..messages import Response, json_response
from ..params import decode_cursor, encode_cursor, query_dialect, query_offset

STATUSES = ("invited", "active", "suspended", "revoked", "declined", "cancelled")
SORT_CHOICES = tuple(name for sort in SORTS for name in (sort, "-" + sort))


def _list_query(query):
    """(q, status, sort) as the list reads them from its address."""
    q = (query.get("q") or "").strip()
    if len(q) > 200:
        raise ValidationFailed({"q": "Must be at most 200 characters."})
    return q, query_choice(query, "status", STATUSES), query_choice(query, "sort", SORT_CHOICES) or "name"


def list_customers(api, request):
    query = request.query
    q, status, sort = _list_query(query)
    limit = query_int(query, "limit", 50, 1, 200)
    offset = query_offset(query)
    after = None
    if query.get("cursor"):
        key_type = int if sort.lstrip("-") == "licenses" else str
        after = decode_cursor(query["cursor"], f"customers:{sort}", (key_type, int))
    page, total, next_key = api.domain.customers.page(
        request.reseller, q, status, sort.lstrip("-"), sort.startswith("-"), after, limit, offset)
    return json_response(200, {
        "items": [api.customer_json(request, view) for view in page],
        "total": total,
        "next_cursor": encode_cursor([f"customers:{sort}", *next_key]) if next_key else None,
    })


def create_customer(api, request):
    fields = Fields(request.json(), {"name", "email", "google_domain", "organization", "billing"})
    name, email = fields.name("name"), fields.email("email")
    domain, organization = fields.domain("google_domain"), fields.name("organization")
    billing = read_customer_billing(fields)
    fields.check()
    view = api.domain.customers.invite(request.reseller, name, email, domain, organization, request.base_url,
                                       api.actor(request), billing)
    return json_response(201, api.customer_json(request, view), {"Location": f"/api/v1/customers/{view[0]['id']}"})


def get_customer(api, request):
    return json_response(200, api.customer_json(
        request, api.domain.customers.get(request.reseller, request.params["id"])))


def update_customer(api, request):
    body = request.json()
    fields = Fields(body, {"name", "email", "organization", "google_domain", "billing",
                           *(f"expected_{k}" for k in EDITABLE_DETAILS)})
    changes = {}
    if fields.has("name"):
        changes["name"] = fields.name("name")
    if fields.has("email"):
        changes["email"] = fields.email("email")
    if fields.has("organization"):
        changes["organization"] = fields.name("organization")
    if fields.has("billing"):
        changes["billing"] = read_customer_billing(fields)
    if fields.has("google_domain"):  # only while the invitation is open: the domain room says 409 otherwise
        changes["google_domain"] = fields.domain("google_domain")
    # What the client saw (issue 23): a detail someone else changed meanwhile is 409 customer_changed.
    expected = {k: fields.text(f"expected_{k}", 500, required=True) for k in EDITABLE_DETAILS
                if fields.has(f"expected_{k}")}
    if not body:
        fields.fail("body", "Send at least one of name, email, organization, google_domain, billing.")
    fields.check()
    return json_response(200, api.customer_json(request, api.domain.customers.update(
        request.reseller, request.params["id"], changes, api.actor(request), expected)))


EXPORT_CHUNK = 2000  # customers read per query (each its own read transaction) while an export streams


def export_customers(api, request):
    """GET /customers/export.csv: every customer of the list as the console shows it (its q,
    status and sort), streamed, with the columns asked for (`columns=name,licenses,...`)."""
    q, status, sort = _list_query(request.query)
    columns = None
    if request.query.get("columns"):
        columns = request.query["columns"].split(",")
        unknown = [name for name in columns if name not in CUSTOMER_COLUMNS]
        if unknown or len(set(columns)) != len(columns):
            raise ValidationFailed({"columns": f"A comma-separated list of distinct columns of: "
                                               f"{', '.join(CUSTOMER_COLUMNS)}."})
    dialect = query_dialect(request.query)
    views = api.domain.customers.every(request.reseller, q, status, sort.lstrip("-"), sort.startswith("-"),
                                       EXPORT_CHUNK)
    return Response(200, content_type="text/csv; charset=utf-8",
                    stream=customers_csv(views, EXPORT_FIELDS, columns, dialect),
                    headers={"Content-Disposition": 'attachment; filename="customers.csv"'})
