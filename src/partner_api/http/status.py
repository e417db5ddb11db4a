"""The one place where errors become HTTP answers: the status code of each error type, and
the JSON error body every failure carries."""
from .. import errors
from .messages import Response, json_bytes

JSON_TYPE = "application/json; charset=utf-8"
# On every API answer, errors from the connection layer included.
API_HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
               "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
               "Referrer-Policy": "no-referrer"}

# Most specific type first.
STATUS_BY_ERROR = [
    (errors.BadRequest, 400),
    (errors.InvalidJson, 400),
    (errors.Unauthorized, 401),
    (errors.Forbidden, 403),
    (errors.NotFound, 404),
    (errors.MethodNotAllowed, 405),
    (errors.Conflict, 409),
    (errors.InvitationGone, 410),
    (errors.TransferTokenGone, 410),
    (errors.LengthRequired, 411),
    (errors.PayloadTooLarge, 413),
    (errors.UnsupportedMediaType, 415),
    (errors.ValidationFailed, 422),
    (errors.RateLimited, 429),
    (errors.ServiceUnavailable, 503),
    (errors.DocumentsUnavailable, 503),
]

# Errors the protocol layer answers itself, before a route is known.
HTTP_ERROR_CODES = {400: "bad_request", 408: "request_timeout", 411: "length_required", 413: "payload_too_large",
                    414: "uri_too_long", 431: "headers_too_large", 501: "not_implemented", 503: "overloaded",
                    505: "http_version_not_supported"}
HTTP_ERROR_MESSAGES = {
    400: "The request could not be read: check the request line and headers.",
    414: "The request line is longer than 64 KiB.",
    431: "The request headers are larger than 64 KiB.",
    501: "This server does not answer that method. Use GET, POST, PUT, PATCH, DELETE or OPTIONS.",
    505: "Use HTTP/1.1 or HTTP/1.0.",
}


def error_codes():
    """Every `code` an error body can carry, sorted: each DomainError type's (wherever it is
    defined), the connection layer's, and internal_error. The OpenAPI document lists them, and
    the console has words for each (tests/core/test_error_text.cpp)."""
    codes, pending = set(), [errors.DomainError]
    while pending:
        kind = pending.pop()
        codes.add(kind.code)
        pending.extend(kind.__subclasses__())
    return sorted(codes | set(HTTP_ERROR_CODES.values()) | {"internal_error"})


def error_body(status, code, message, request_id=None, extra=None):
    body = {"code": code, "message": message}
    body.update(extra or {})
    if request_id:
        body["request_id"] = request_id
    return json_bytes({"error": body})


def status_for(error):
    for kind, status in STATUS_BY_ERROR:
        if isinstance(error, kind):
            return status
    return 500


def error_response(error, request_id=None):
    extra = dict(error.details)
    if error.fields:
        extra["fields"] = error.fields
    status = status_for(error)
    headers = {}
    if isinstance(error, errors.MethodNotAllowed):
        headers["Allow"] = ", ".join(error.allowed)
    if isinstance(error, errors.RateLimited):
        headers["Retry-After"] = str(error.retry_after)
    if isinstance(error, (errors.DatabaseUnreachable, errors.StorageConflict)):
        headers["Retry-After"] = "1"
    if isinstance(error, errors.Unauthorized):
        headers["WWW-Authenticate"] = 'Bearer realm="partner-api"'
    return Response(status, error_body(status, error.code, error.message, request_id, extra), JSON_TYPE, headers)


def internal_error(request_id):
    """A bug: the answer says nothing of it but its request id (the log has the rest)."""
    return Response(500, error_body(500, "internal_error", "Something went wrong on the server.", request_id),
                    JSON_TYPE)
