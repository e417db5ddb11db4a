"""The activity history, of all customers or of one."""
from ...validation import query_int
from .. import representation as rep
from ..messages import json_response
from ..params import decode_cursor, encode_cursor, query_id


def list_activity(api, request):
    customer_id = query_id(request.query, "customer_id")
    limit = query_int(request.query, "limit", 50, 1, 200)
    before = None
    if request.query.get("cursor"):
        before, = decode_cursor(request.query["cursor"], "activity", (int,))
    rows, next_id = api.domain.activity.page(request.reseller, customer_id, before, limit)
    return json_response(200, {
        "items": [rep.activity_json(row) for row in rows],
        "next_cursor": encode_cursor(["activity", next_id]) if next_id else None,
    })
