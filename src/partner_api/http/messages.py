"""Request and response values passed between the HTTP server and the handlers."""
import json

from ..errors import InvalidJson, ValidationFailed


def parse_json(data):
    """Bytes to a JSON value, or InvalidJson: bad UTF-8, bad syntax, and nesting too deep for
    the parser (a 100,000-deep array) are all the client's mistake, never a 500."""
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise InvalidJson()
    except RecursionError:
        raise InvalidJson("The request body is nested too deeply.")


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
