"""Request and response values passed between the HTTP server and the handlers."""
import json
import re

from ..errors import InvalidJson, ValidationFailed

# A \uD800-\uDFFF escape: JSON allows it, but alone (not a pair) it is no character at all.
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_json(data):
    """Bytes to a JSON value, or InvalidJson: bad UTF-8, bad syntax, nesting too deep for the
    parser (a 100,000-deep array) and lone surrogates (which no answer could echo and no
    database could store) are all the client's mistake, never a 500."""
    try:
        text = data.decode("utf-8")
        value = json.loads(text)
    except (UnicodeDecodeError, ValueError):
        raise InvalidJson()
    except RecursionError:
        raise InvalidJson("The request body is nested too deeply.")
    if SURROGATE_ESCAPE.search(text) and holds_lone_surrogate(value):
        raise InvalidJson("The request body holds a lone surrogate escape (such as \\ud800), which is not "
                          "a character. Send the text as UTF-8, or each surrogate with its pair.")
    return value


def holds_lone_surrogate(value):
    """Whether any string in a parsed JSON value, key or value, holds a lone surrogate."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if LONE_SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


class Request:
    def __init__(self, method, path, query, headers, body, client, base_url):
        self.method = method
        self.path = path
        self.query = query          # first value of each query parameter
        self.headers = headers      # an email.message.Message: case-insensitive get()
        self.body = body
        self.client = client
        self.base_url = base_url
        self.params = {}
        self.reseller = None
        self.member = None          # who is signed in: a member of the reseller's team
        self.token = None
        self._json = None

    def json(self):
        """The body as a JSON object, or InvalidJson / ValidationFailed."""
        if self._json is None:
            value = parse_json(self.body) if self.body else None
            if value is None and not self.body:
                raise InvalidJson("The request needs a JSON object as its body.")
            if not isinstance(value, dict):
                raise ValidationFailed({"body": "Must be a JSON object."},
                                       "The request body must be a JSON object.")
            self._json = value
        return self._json


class Response:
    def __init__(self, status, body=b"", content_type=None, headers=None, stream=None):
        self.status = status
        self.body = body
        self.content_type = content_type
        self.headers = dict(headers or {})
        self.stream = stream  # an iterator of bytes, sent without Content-Length


def json_bytes(data):
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_response(status, data, headers=None):
    return Response(status, json_bytes(data), "application/json; charset=utf-8", headers)


def no_content():
    return Response(204)
