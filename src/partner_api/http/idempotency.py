"""Idempotency keys (as Stripe has them): a POST, PUT, PATCH or DELETE sent again with the same
Idempotency-Key gets the first answer again and changes nothing. The stored answer commits in
the same transaction as the change it describes, so a retry can never apply it twice; the
same key with another request is 409 idempotency_conflict."""
import hashlib
import json
import re

from ..clock import iso
from ..errors import IdempotencyConflict, InvalidJson, ValidationFailed
from ..storage.idempotency import public_scope, reseller_scope
from .messages import Response, parse_json

KEY_RE = re.compile(r"^[!-~]{1,255}\Z")


def request_hash(request):
    """Method, path and body; a JSON body in canonical form (key order and spacing are not a
    different request)."""
    try:
        canonical = json.dumps(parse_json(request.body), sort_keys=True).encode() if request.body else b""
    except InvalidJson:
        canonical = request.body
    return hashlib.sha256(f"{request.method} {request.path}\n".encode() + canonical).hexdigest()


class Idempotency:
    """Stored answers hold invitation links sealed (domain/links.py), like everything else the
    database holds. Sign-in answers are never stored (the pipeline leaves sign-in out): a
    session token would sit in the database, and a retried sign-in is simply another session."""

    def __init__(self, storage, clock, links):
        self.storage = storage
        self.clock = clock
        self.links = links

    def _sealed(self, body):
        try:
            return self.links.seal_links(body.decode("utf-8")).encode("utf-8")
        except UnicodeDecodeError:
            return body

    def _opened(self, body):
        try:
            return self.links.open_links(body.decode("utf-8")).encode("utf-8")
        except UnicodeDecodeError:
            return body

    def run(self, request, key, handler):
        """The stored answer for a repeated key, else handler(request) with its answer stored
        (2xx only, and never a streamed one) in the same write transaction."""
        if not KEY_RE.match(key):
            raise ValidationFailed({"Idempotency-Key": "Must be 1 to 255 visible ASCII characters, no spaces."})
        scope = reseller_scope(request.reseller["id"]) if request.reseller else public_scope(request.client)
        digest = request_hash(request)
        # The reseller's writes queue behind this one (the handler's own write joins it).
        with self.storage.write(account=request.reseller["id"] if request.reseller else None) as repo:
            stored = repo.idempotency.find(scope, key)
            if stored is not None:
                if stored["request_hash"] != digest:
                    raise IdempotencyConflict()
                return Response(stored["status"], self._opened(bytes(stored["body"])), stored["content_type"],
                                {"Idempotent-Replayed": "true"})
            response = handler(request)
            if 200 <= response.status < 300 and response.stream is None:
                repo.idempotency.store(scope, key, digest, response.status, response.content_type or "",
                                       self._sealed(response.body), iso(self.clock.now()))
            return response
