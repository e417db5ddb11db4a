"""The application behind the sockets: composes storage, domain and handlers, and runs each
request through one pipeline. For the API: route -> rate limit (sign-in) -> authenticate ->
the member's role may do what the route needs -> bring the reseller's billing up to date ->
check the body's type -> the handler, inside the idempotency step when the request carries a
key. Errors become answers in one place (status.py); CORS headers go on every API answer."""
import random
import time
import traceback

from .. import API_PREFIX, errors
from ..domain import Domain
from ..domain.roles import require
from ..logs import Log
from ..storage.backends import database, problem
from ..storage.repository import Storage
from .clients import Clients, share_key
from .google_auth import GoogleVerifier, KeySet
from .handlers import Api
from .idempotency import Idempotency
from .rate_limit import RateLimiter, StoredRateLimiter
from .messages import Response
from .routes import add_kiosk_routes, build_router
from .site import Site, site_response
from .status import error_response, internal_error


def is_api(path):
    return path == API_PREFIX or path.startswith(API_PREFIX + "/")


class App:
    """Everything a request needs, independent of the socket plumbing."""

    def __init__(self, settings, db=None):
        self.settings = settings
        self.clock = settings.clock
        self.log = Log(settings.log, settings.log_json, settings.clock)
        self.clients = Clients(settings.trusted_proxies)
        self.db = db or database(settings.db_path, synchronous=settings.synchronous)
        self.storage = Storage(self.db, secret=settings.secret)
        self.domain = Domain(self.storage, settings.clock, settings.session_hours, self.log)
        # Links written before they were sealed (an upgrade, an old backup) are sealed now.
        self.domain.invitations.seal_legacy_links()
        verifier = None
        if settings.google_client_id:
            verifier = GoogleVerifier(settings.google_client_id, KeySet(settings.google_jwks))
        # One process (SQLite) counts in memory; processes sharing PostgreSQL count in it.
        if getattr(self.db, "shared", False):
            self.limiters = {"sign_in": StoredRateLimiter(self.storage, "sign_in", settings.sign_in_attempts,
                                                          settings.sign_in_window),
                             "kiosk_reset": StoredRateLimiter(self.storage, "kiosk_reset",
                                                              settings.kiosk_resets_per_minute, 60)}
        else:
            self.limiters = {"sign_in": RateLimiter(settings.sign_in_attempts, settings.sign_in_window),
                             "kiosk_reset": RateLimiter(settings.kiosk_resets_per_minute, 60)}
        self.idempotency = Idempotency(self.storage, settings.clock, self.domain.links)
        api = Api(self.domain, settings, verifier)
        self.router = build_router(api, API_PREFIX)
        if settings.kiosk:  # the reset endpoint exists only here: 404 on every other server
            add_kiosk_routes(self.router, api)
        self.site = Site(settings, self.domain)

    def close(self):
        """Folds the WAL into the database file (a copied .db is then whole) and closes."""
        try:
            self.db.checkpoint()
        finally:
            self.db.close()

    # A request that met another process's change of the same rows (PostgreSQL) runs again
    # from the start, after a short random pause, this many times at most.
    ATTEMPTS = 8

    def handle(self, request):
        try:
            if is_api(request.path):
                return self.with_cors(request, self.handle_api(request))
            return self.site.handle(request)
        except errors.DomainError as error:
            response = error_response(error, getattr(request, "request_id", None))
        except Exception as error:
            request_id = getattr(request, "request_id", None)
            found = problem(error)
            if isinstance(found, errors.DatabaseUnreachable):
                # The transaction rolled back (or never began); the pool reconnects on its own.
                self.log(f"DATABASE UNREACHABLE (request {request_id}): {str(error).strip()[:300]}", level="error",
                         request_id=request_id)
                response = error_response(found, request_id)
            elif found is not None:
                # Disk full or failing: the transaction rolled back whole; reads go on working.
                self.log(f"STORAGE FAULT (request {request_id}): {error}. Nothing was written. Free disk "
                         f"space or check the disk holding {self.db.path}.", level="error", request_id=request_id)
                response = error_response(found, request_id)
            else:  # a bug: answer 500 JSON and keep serving
                self.log(f"request {request_id}: internal error {error!r}", level="error", request_id=request_id,
                         traceback=traceback.format_exc())
                response = internal_error(request_id)
        if is_api(request.path):
            return self.with_cors(request, response)
        return site_response(response)

    def handle_api(self, request):
        if request.method == "OPTIONS":
            return self.preflight(request)
        # HEAD is GET without the body (the server leaves the body out).
        method = "GET" if request.method == "HEAD" else request.method
        route, request.params = self.router.match(method, request.path)
        if route.limit:
            wait = self.limiters[route.limit].check(share_key(request.client))
            if wait:
                raise errors.RateLimited(wait, route.limit)
        for attempt in range(1, self.ATTEMPTS + 1):
            try:
                return self.run_route(request, route)
            except Exception as error:
                if not isinstance(problem(error), errors.StorageConflict):
                    raise
                if attempt == self.ATTEMPTS:
                    raise errors.StorageConflict() from error
                # Whole transactions rolled back: nothing of this attempt is left anywhere.
                time.sleep(random.uniform(0, 0.005 * 2 ** attempt))

    def run_route(self, request, route):
        """Authentication, the role check, the billing catch-up and the handler: run again as a
        whole when it meets a conflict with another process."""
        if route.auth:
            header = request.headers.get("Authorization", "")
            request.token = header[7:].strip() if header[:7].lower() == "bearer " else None
            signed_in = self.domain.sessions.authenticate(request.token)
            request.reseller, request.member = signed_in.reseller, signed_in.member
            # Before anything is read or written (the billing catch-up included): a refusal
            # changes nothing. The route's capability is the one rule (domain/roles.py).
            # A route doing one of several actions (ByAction) needs that action's capability.
            capability = route.capability(request) if callable(route.capability) else route.capability
            require(request.member, capability)
            # Time passes on requests (there is no scheduler): bills, renewals and trial ends
            # that fell due are written now, before the handler reads. So a GET may write; see
            # the README, "When a read writes".
            self.domain.billing.catch_up(request.reseller)
        if request.body:
            media_type = (request.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if media_type != "application/json":
                raise errors.UnsupportedMediaType()
        key = request.headers.get("Idempotency-Key")
        # A sign-in is never stored (its answer holds a session token); a retry signs in again.
        if key is not None and request.method in ("POST", "PUT", "PATCH", "DELETE") and route.keep_answer:
            return self.idempotency.run(request, key, route.handler)
        return route.handler(request)

    def preflight(self, request):
        allowed = self.router.allowed_methods(request.path)
        if not allowed:
            raise errors.NotFound("There is no such API endpoint.")
        return Response(204, headers={"Allow": ", ".join(allowed + ["OPTIONS"])})

    def cors_headers(self, origin):
        """What lets a console on an allowed origin read an answer (its Retry-After too, and its
        Date: the console counts a trial's days by the server's date, and Date is not among the
        headers a browser shows a page of another origin unasked); nothing for any other origin.
        Also on the connection layer's own answers."""
        if not origin or origin not in self.settings.allow_origins:
            return {}
        return {"Access-Control-Allow-Origin": origin, "Vary": "Origin",
                "Access-Control-Expose-Headers": "Retry-After, Content-Disposition, Idempotent-Replayed, Location, Date"}

    def with_cors(self, request, response):
        cors = self.cors_headers(request.headers.get("Origin"))
        response.headers.update(cors)
        if cors and request.method == "OPTIONS":
            response.headers.update({
                "Access-Control-Allow-Methods": response.headers.get("Allow", "GET, POST, PUT, PATCH, DELETE"),
                "Access-Control-Allow-Headers": "Authorization, Content-Type, Idempotency-Key",
                "Access-Control-Max-Age": "600",
            })
        return response
