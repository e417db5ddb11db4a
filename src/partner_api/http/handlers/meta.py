"""What the API says about itself: liveness, readiness and version, and its OpenAPI document."""
from pathlib import Path

from ... import VERSION, errors
from ...storage.migrations import LATEST
from ..messages import Response, json_response

OPENAPI = Path(__file__).resolve().parents[2] / "openapi.json"


def health(api, request):
    return json_response(200, {"status": "ok", "version": VERSION})


def ready(api, request):
    """Readiness, for a load balancer's health check: this process can reach its database (503
    database_unreachable with Retry-After when it cannot) and the database's schema is the one
    this process was built for (an older process left behind a newer schema answers 503 until it
    is replaced). /health stays liveness only: it never touches the database."""
    found = api.domain.storage.schema_version()
    if found != LATEST:
        raise errors.ServiceUnavailable(f"The database holds schema version {found}; this server process is built "
                                        f"for version {LATEST}. Run the serve.py that matches it.")
    return json_response(200, {"status": "ready", "version": VERSION, "schema_version": found})


def openapi(api, request):
    """The OpenAPI document, which states every rule the server enforces (a property test
    holds the server to it)."""
    return Response(200, OPENAPI.read_bytes(), "application/json; charset=utf-8", {"Cache-Control": "no-cache"})
