"""Invoices: the list, one invoice, an invoice as a document, and every match as an export.
Documents come from the registered formats (documents/__init__.py)."""
import datetime as dt

from ...clock import iso
from ...errors import ValidationFailed
from ...validation import query_choice, query_int
from .. import representation as rep
from ..messages import Response, json_response
from ..params import decode_cursor, encode_cursor, query_day, query_dialect, query_id, query_offset

STATUSES = ("open", "paid", "overdue", "void")


def _filters(request):
    query = request.query
    issued_from, issued_to = query_day(query, "from"), query_day(query, "to")
    if issued_from and issued_to and issued_to < issued_from:
        raise ValidationFailed({"to": "Must not be before from."})
    return (query_id(query, "customer_id"), query_choice(query, "status", STATUSES),
            issued_from.isoformat() if issued_from else None,
            # `to` is inclusive: everything issued before the next day (the calendar's last day has
            # none: no upper bound).
            (issued_to + dt.timedelta(days=1)).isoformat() if issued_to and issued_to < dt.date.max else None)


def list_invoices(api, request):
    filters = _filters(request)
    limit = query_int(request.query, "limit", 50, 1, 200)
    offset = query_offset(request.query)
    after = None
    if request.query.get("cursor"):
        after = decode_cursor(request.query["cursor"], "invoices", (str, int))
    rows, total, next_key = api.domain.invoices.page(request.reseller, *filters, after, limit, offset)
    now = iso(api.now())
    return json_response(200, {
        "items": [rep.invoice_summary_json(row, now) for row in rows],
        "total": total,
        "next_cursor": encode_cursor(["invoices", *next_key]) if next_key else None,
    })


def get_invoice(api, request):
    return json_response(200, api.invoice_json(*api.domain.invoices.get(request.reseller, request.params["id"])))


def invoice_document(api, request, format):
    """GET /invoices/{id}/<format>: the invoice as that format's file, an attachment."""
    invoice = api.invoice_json(*api.domain.invoices.get(request.reseller, request.params["id"]))
    return Response(200, format.render(invoice, rep.seller_json(request.reseller)), format.media_type,
                    {"Content-Disposition": f'attachment; filename="{invoice["number"]}.{format.extension}"'})


def export_invoices(api, request, format):
    """GET /invoices/export.<format>: every invoice the filters match, streamed."""
    filters = _filters(request)
    dialect = query_dialect(request.query) if format.spreadsheet else None
    rows = api.domain.invoices.every(request.reseller, *filters, chunk=2000)
    now = iso(api.now())
    summaries = (rep.invoice_summary_json(row, now) for row in rows)
    stream = format.render(summaries, dialect) if format.spreadsheet else format.render(summaries)
    return Response(200, content_type=format.media_type, stream=stream,
                    headers={"Content-Disposition": f'attachment; filename="invoices.{format.name}"'})
