"""What the API says about itself: liveness and version, and its OpenAPI document."""
from pathlib import Path

from ... import VERSION
from ..messages import Response, json_response

OPENAPI = Path(__file__).resolve().parents[2] / "openapi.json"


def health(api, request):
    return json_response(200, {"status": "ok", "version": VERSION})


def openapi(api, request):
    """The OpenAPI document, which states every rule the server enforces (a property test
    holds the server to it)."""
    return Response(200, OPENAPI.read_bytes(), "application/json; charset=utf-8", {"Cache-Control": "no-cache"})
