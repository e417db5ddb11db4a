"""Kiosk mode's reset (routed only when serve.py runs with --kiosk)."""
from ...clock import iso
from ..messages import json_response


def reset(api, request):
    taken_at = api.domain.kiosk.reset(request.reseller["id"])
    return json_response(200, {"restored_at": iso(api.now()), "snapshot_taken_at": taken_at})
