"""Query parameters the lists share: cursors (opaque to the client), offsets, dates and ids.
Anything malformed is a 422 naming the parameter, never a 500."""
import base64
import datetime as dt
import json

from ..documents import DIALECTS
from ..errors import ValidationFailed
from ..validation import query_choice, query_int
from .messages import holds_lone_surrogate

CURSOR_REFUSED = "Not a cursor from this list; start again without one."
INT64 = range(-2 ** 63, 2 ** 63)
# Lists are at most a few million rows; a position beyond that is a mistake, not a page.
MAX_OFFSET = 10_000_000


def encode_cursor(values):
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(text, kind, types):
    """The values of a cursor made for this list and sort, each of the type given; anything
    else (another list's cursor, tampered JSON, 2**70, nesting) is a 422, never a 500."""
    try:
        values = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (ValueError, TypeError, RecursionError):
        values = None
    if not isinstance(values, list) or len(values) != len(types) + 1 or values[0] != kind \
            or holds_lone_surrogate(values):  # SQLite cannot bind a lone surrogate
        raise ValidationFailed({"cursor": CURSOR_REFUSED})
    for value, kind_of in zip(values[1:], types):
        if type(value) is not kind_of or (kind_of is int and value not in INT64) \
                or (kind_of is str and len(value) > 400):
            raise ValidationFailed({"cursor": CURSOR_REFUSED})
    return values[1:]


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


def query_dialect(query):
    """?format=excel-de: semicolons, decimal commas and a byte-order mark for German Excel; the
    default (csv) commas and plain UTF-8 (documents/spreadsheet.py)."""
    return DIALECTS[query_choice(query, "format", tuple(DIALECTS)) or "csv"]
