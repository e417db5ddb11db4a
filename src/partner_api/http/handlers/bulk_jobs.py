"""Bulk jobs (issue 19): one action over many customers, or an import of invitations sent in
batches (each under the 1 MiB a request may hold), its preview, progress, outcomes and report."""
from ... import money as pricing
from ...documents import bulk_report_csv
from ...domain.bulk_actions import ACTIONS, INVITE_FIELDS, LICENSE_ACTIONS
from ...domain.bulk_jobs import MAX_IDS, MAX_ROWS, counts_of
from ...errors import UnsupportedMediaType, ValidationFailed
from ...validation import Fields, query_choice, query_int
from .. import representation as rep
from ..messages import Response, json_response
from ..params import query_dialect
from .customers import STATUSES

MAX_BATCH = 5_000  # rows in one request (1 MiB holds about 5,000 rows of a typical import)
ROW_STATES = ("pending", "done", "failed", "skipped")
SHOW = ("applicable", "not_applicable")


def body_action(request):
    """The action a bulk request asks for: its capability is the route's (read before anything
    runs, so a role that may not do it is refused with nothing written)."""
    if request.body and (request.headers.get("Content-Type") or "").split(";")[0].strip().lower() \
            != "application/json":
        raise UnsupportedMediaType()
    action = request.json().get("action")
    if action not in ACTIONS:
        raise ValidationFailed({"action": f"Must be one of: {', '.join(ACTIONS)}."})
    return action


def _selection(fields, body):
    """{"filter": (q, status), "expected_total"} or {"ids": [...]}, as the customer list selects."""
    if ("filter" in body) == ("ids" in body):
        fields.errors["filter"] = "Send either filter (the list's q and status) or ids."
        return None
    if "ids" in body:
        ids = body["ids"]
        if not isinstance(ids, list) or not 1 <= len(ids) <= MAX_IDS or any(
                isinstance(i, bool) or not isinstance(i, int) or not 1 <= i < 2 ** 63 for i in ids):
            fields.errors["ids"] = f"Must be a list of 1 to {MAX_IDS:,} customer ids; select more by filter."
        elif len(set(ids)) != len(ids):
            fields.errors["ids"] = "Name each customer once."
        else:
            return {"ids": ids}
        return None
    chosen = body["filter"]
    if not isinstance(chosen, dict):
        fields.errors["filter"] = "Must be an object with q and status, as the customer list takes them."
        return None
    inner = Fields(chosen, {"q", "status"})
    q = inner.text("q", 200) or ""
    status = inner.choice("status", STATUSES, required=False) if chosen.get("status") else None
    for name, reason in inner.errors.items():
        fields.errors[f"filter.{name}"] = reason
    expected = fields.integer("expected_total", 0, MAX_ROWS, required=False)
    return {"filter": (q, status), "expected_total": expected}


def _rows(fields, body):
    """An import's rows: [(row number, its fields as the file held them)]. A row's own fields are
    checked when it is done (a bad row fails alone, named in the report); the batch's shape here."""
    rows = body.get("rows")
    if not isinstance(rows, list) or not 1 <= len(rows) <= MAX_BATCH:
        fields.errors["rows"] = f"Must be a list of 1 to {MAX_BATCH:,} rows; send a longer file in batches."
        return []
    read, seen = [], set()
    for index, row in enumerate(rows):
        number = row.get("row") if isinstance(row, dict) else None
        if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= MAX_ROWS:
            fields.errors["rows"] = f"Row {index + 1} of the batch: must be an object with its row number (1 to" \
                                    f" {MAX_ROWS:,}) in row."
            return []
        if number in seen:
            fields.errors["rows"] = f"Row number {number} is in the batch twice."
            return []
        seen.add(number)
        read.append((number, {key: value for key, value in row.items() if key != "row"}))
    return read


def _job_request(request, preview=False):
    """The request's action and what it acts on, every bad field named at once."""
    body = request.json()
    allowed = {"action", "filter", "ids", "licenses", "expected_total", "rows", "total", "file_name"}
    fields = Fields(body, allowed | ({"show", "offset", "limit"} if preview else set()))
    action = fields.choice("action", tuple(ACTIONS))
    spec = {"action": action}
    if action == "invite":
        for name in ("filter", "ids", "licenses", "expected_total"):
            if name in body:
                fields.errors[name] = "An import sends rows."
        spec["rows"] = _rows(fields, body)
        spec["total"] = fields.integer("total", 1, MAX_ROWS, required=False)
        spec["file_name"] = fields.text("file_name", 200)
        if spec["total"] is None:
            spec["total"] = max((number for number, _ in spec["rows"]), default=1)
    elif action is not None:
        for name in ("rows", "total", "file_name"):
            if name in body:
                fields.errors[name] = "Only an import sends rows."
        spec["selection"] = _selection(fields, body)
        if action in LICENSE_ACTIONS:
            spec["licenses"] = fields.integer("licenses", pricing.MIN_LICENSES, pricing.MAX_LICENSES)
        else:
            spec["licenses"] = None
            if "licenses" in body:
                fields.errors["licenses"] = "Only add_licenses and set_licenses take licenses."
    if preview:
        spec["show"] = fields.choice("show", SHOW, required=False)
        spec["offset"] = fields.integer("offset", 0, MAX_ROWS, required=False) or 0
        limit = fields.integer("limit", 0, 500, required=False)
        spec["limit"] = 100 if limit is None else limit
    fields.check()
    return spec


def _job_json(job, rows=(), missing=()):
    return rep.bulk_job_json(job, counts_of(job), rows, missing)


def create_job(api, request):
    if not request.headers.get("Idempotency-Key"):
        raise ValidationFailed({"Idempotency-Key": "A bulk job needs an Idempotency-Key header, so that a request"
                                                   " sent again starts nothing twice."})
    spec = _job_request(request)
    if spec["action"] == "invite":
        job = api.domain.bulk.create_import(request.reseller, request.member, spec["rows"], spec["total"],
                                            spec["file_name"], request.base_url)
        shown = _with_missing(api, request, job)
    else:
        job = api.domain.bulk.create_for_customers(request.reseller, request.member, spec["action"],
                                                   spec["licenses"], spec["selection"], request.base_url)
        shown = _job_json(job)
    return json_response(202, shown, {"Location": f"/api/v1/bulk-jobs/{job['id']}"})


def add_rows(api, request):
    fields = Fields(request.json(), {"rows"})
    rows = _rows(fields, request.json())
    fields.check()
    job = api.domain.bulk.receive(request.reseller, request.params["id"], rows)
    return json_response(200, _with_missing(api, request, job))


def _with_missing(api, request, job):
    """An import's answer names the rows it still lacks (the first 50), so a console that lost
    track sends those next."""
    if job["status"] != "receiving":
        return _job_json(job)
    return _job_json(*api.domain.bulk.page(request.reseller, job["id"], None, 0, 0))


def preview(api, request):
    spec = _job_request(request, preview=True)
    if spec["action"] == "invite":
        return json_response(200, {"action": "invite", "items": api.domain.bulk.preview_import(
            request.reseller, spec["rows"])})
    return json_response(200, api.domain.bulk.preview_for_customers(
        request.reseller, spec["action"], spec["licenses"], spec["selection"], spec["show"], spec["offset"],
        spec["limit"]))


def get_job(api, request):
    query = request.query
    state = query_choice(query, "state", ROW_STATES)
    offset = query_int(query, "offset", 0, 0, MAX_ROWS)
    limit = query_int(query, "limit", 100, 0, 1000)
    job, rows, missing = api.domain.bulk.page(request.reseller, request.params["id"], state, offset, limit)
    return json_response(200, _job_json(job, rows, missing))


def list_jobs(api, request):
    only_open = query_choice(request.query, "status", ("open",)) == "open"
    limit = query_int(request.query, "limit", 20, 1, 100)
    return json_response(200, {"items": [_job_json(job) for job in api.domain.bulk.recent(
        request.reseller, only_open, limit)]})


def cancel_job(api, request):
    return json_response(200, _job_json(api.domain.bulk.cancel(request.reseller, request.params["id"],
                                                              request.member)))


def report(api, request):
    """Every row's outcome as CSV, streamed."""
    chosen = query_dialect(request.query)
    job_id = request.params["id"]
    api.domain.bulk.get(request.reseller, job_id)  # 404 before a byte is sent (the rows are read lazily)
    rows = api.domain.bulk.report_rows(request.reseller, job_id)

    def shown(row):
        item = rep.bulk_row_json(row)
        if row["customer_name"] is not None:
            item["customer"] = {"name": row["customer_name"], "email": row["customer_email"],
                                "google_domain": row["customer_domain"],
                                "organization": row["customer_organization"]}
        if item["input"] is not None and not set(item["input"]) & set(INVITE_FIELDS):
            item["input"] = None  # a customer id asked for that was not found: nothing to show of it
        return item
    return Response(200, content_type="text/csv; charset=utf-8", stream=bulk_report_csv(map(shown, rows), chosen),
                    headers={"Content-Disposition": f'attachment; filename="bulk-job-{job_id}.csv"'})
