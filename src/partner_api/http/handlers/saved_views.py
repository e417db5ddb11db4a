"""Saved views of the customer list: the member's own and the team's shared ones."""
import json
import re

from ...errors import ValidationFailed
from ...validation import Fields
from .. import representation as rep
from ..messages import json_response, no_content
from .customers import SORT_CHOICES, STATUSES

COLUMN_KEY = re.compile(r"^[a-z_]{1,32}\Z")


def _state(fields, body, partial):
    """The list's state a view keeps: q, status, sort, columns (the console's column keys)."""
    state = {}
    if not partial or "q" in body:
        state["q"] = fields.text("q", 200) or ""
    if not partial or "status" in body:
        state["status"] = fields.choice("status", STATUSES, required=False)
    if not partial or "sort" in body:
        state["sort"] = fields.choice("sort", SORT_CHOICES, required=False) or "name"
    if not partial or "columns" in body:
        columns = body.get("columns")
        if columns is not None and (not isinstance(columns, list) or len(columns) > 20 or len(set(
                map(str, columns))) != len(columns) or not all(isinstance(c, str) and COLUMN_KEY.match(c)
                                                               for c in columns)):
            fields.errors["columns"] = "Must be a list of up to 20 distinct column keys (a-z and _)."
        state["columns"] = None if columns is None else json.dumps(columns)
    return state


def list_views(api, request):
    views = api.domain.saved_views.visible(request.reseller, request.member)
    return json_response(200, {"items": [rep.saved_view_json(view, request.member) for view in views]})


def create_view(api, request):
    body = request.json()
    fields = Fields(body, {"name", "shared", "q", "status", "sort", "columns"})
    name = fields.name("name")
    if name is not None and len(name) > 100:
        fields.errors["name"] = "Must be at most 100 characters."
    shared = body.get("shared", False)
    if not isinstance(shared, bool):
        fields.errors["shared"] = "Must be true or false."
    state = _state(fields, body, partial=False)
    fields.check()
    view = api.domain.saved_views.create(request.reseller, request.member, name, shared, state)
    return json_response(201, rep.saved_view_json(view, request.member),
                         {"Location": f"/api/v1/views/{view['id']}"})


def update_view(api, request):
    body = request.json()
    fields = Fields(body, {"name", "shared", "q", "status", "sort", "columns"})
    changes = _state(fields, body, partial=True)
    if "name" in body:
        changes["name"] = fields.name("name")
        if changes["name"] is not None and len(changes["name"]) > 100:
            fields.errors["name"] = "Must be at most 100 characters."
    if "shared" in body:
        if not isinstance(body["shared"], bool):
            fields.errors["shared"] = "Must be true or false."
        changes["shared"] = body["shared"]
    if not body:
        fields.errors["body"] = "Send at least one of name, shared, q, status, sort, columns."
    fields.check()
    if not changes:
        raise ValidationFailed({"body": "Nothing to change."})
    view = api.domain.saved_views.update(request.reseller, request.member, request.params["id"], changes)
    return json_response(200, rep.saved_view_json(view, request.member))


def delete_view(api, request):
    api.domain.saved_views.delete(request.reseller, request.member, request.params["id"])
    return no_content()
