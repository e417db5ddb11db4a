"""The activity history, of all customers or of one, and of what one member did."""
from ...validation import Fields, query_int
from .. import representation as rep
from ..messages import json_response
from ..params import decode_cursor, encode_cursor, query_id


def list_activity(api, request):
    customer_id = query_id(request.query, "customer_id")
    limit = query_int(request.query, "limit", 50, 1, 200)
    member_email = None
    if request.query.get("actor"):
        fields = Fields({"actor": request.query["actor"]}, {"actor"})
        member_email = fields.email("actor")
        fields.check()
        member_email = member_email.lower()  # members' emails are kept in lower case
    before = None
    if request.query.get("cursor"):
        before, = decode_cursor(request.query["cursor"], "activity", (int,))
    rows, next_id = api.domain.activity.page(request.reseller, customer_id, before, limit, member_email)
    return json_response(200, {
        "items": [rep.activity_json(row) for row in rows],
        "next_cursor": encode_cursor(["activity", next_id]) if next_id else None,
    })
