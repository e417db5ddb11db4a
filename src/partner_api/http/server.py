"""The HTTP layer: parses requests, routes them, maps domain errors to status codes (the
one table below), adds CORS and security headers, serves static files and config.json."""
import dataclasses
import hashlib
import http
import http.server
import json
import mimetypes
import posixpath
import io
import re
import secrets
import socket
import sys
import threading
import time
import traceback
import urllib.parse
from pathlib import Path

from .. import API_PREFIX, errors
from ..clock import SystemClock, iso
from .connections import ConnectionServer, Limits, SocketReader, SocketWriter
from ..storage.db import Database
from .google_auth import GOOGLE_JWKS_URL, GoogleVerifier, KeySet
from .handlers import ApiHandlers, build_router
from ..storage.operations import is_storage_fault
from ..domain.kiosk import KioskHandlers, add_kiosk_routes
from .invitation_page import NOT_BUILT_HTML, SCRIPT, back_target, dead_link_html, invitation_html, language
from .messages import Request, Response, json_bytes, json_response, parse_json
from .rate_limit import RateLimiter
from ..storage.repository import Repository
from ..domain.service import DEMO_EMAIL, PartnerService

MAX_BODY = 1024 * 1024
DRAIN_LIMIT = 8 * MAX_BODY

# The one place where domain errors become HTTP status codes (most specific type first).
STATUS_BY_ERROR = [
    (errors.InvalidJson, 400),
    (errors.Unauthorized, 401),
    (errors.Forbidden, 403),
    (errors.NotFound, 404),
    (errors.MethodNotAllowed, 405),
    (errors.Conflict, 409),
    (errors.InvitationGone, 410),
    (errors.LengthRequired, 411),
    (errors.PayloadTooLarge, 413),
    (errors.UnsupportedMediaType, 415),
    (errors.ValidationFailed, 422),
    (errors.RateLimited, 429),
    (errors.ServiceUnavailable, 503),
]

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' https://accounts.google.com/gsi/client; "
       "style-src 'self' 'unsafe-inline' https://accounts.google.com/gsi/style; "
       "frame-src https://accounts.google.com/gsi/; connect-src 'self' https://accounts.google.com/gsi/; "
       "img-src 'self' data: https://*.googleusercontent.com; worker-src 'self'; base-uri 'none'; "
       "object-src 'none'; frame-ancestors 'none'")
# No page of this server may be framed (the invitation's Accept button, the console itself).
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "strict-origin-when-cross-origin", "X-Frame-Options": "DENY"}

MIME_TYPES = {
    ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8", ".wasm": "application/wasm",
    ".json": "application/json; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".ttf": "font/ttf", ".otf": "font/otf", ".woff2": "font/woff2", ".data": "application/octet-stream",
    ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml", ".png": "image/png",
    ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8", ".map": "application/json",
}
# Names with a content hash (app.3f9c2e1a7b.wasm) never change what they hold.
HASHED_FILE_RE = re.compile(r"\.[0-9a-f]{10}\.[A-Za-z0-9]+$")
IMMUTABLE = "public, max-age=31536000, immutable"
# Served from a precompressed .br/.gz beside the file when the request accepts it.
COMPRESSIBLE = {".html", ".js", ".mjs", ".json", ".css", ".svg", ".txt", ".map", ".wasm", ".data", ".ttf", ".otf",
                ".webmanifest"}
INVITE_PATH_RE = re.compile(r"^/invite/([A-Za-z0-9_-]{1,128})$")


def accepted_encodings(header):
    """The encodings an Accept-Encoding header allows (q=0 refuses one)."""
    accepted = set()
    for item in header.split(","):
        name, _, params = item.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if name and q > 0:
            accepted.add(name.strip().lower())
    return accepted


JSON_TYPE = "application/json; charset=utf-8"
# On every API answer, errors from the connection layer included.
API_HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
               "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
               "Referrer-Policy": "no-referrer"}
# Errors the protocol layer answers itself, before a route is known.
HTTP_ERROR_CODES = {400: "bad_request", 408: "request_timeout", 414: "uri_too_long",
                    431: "headers_too_large", 501: "not_implemented", 503: "overloaded",
                    505: "http_version_not_supported"}
HTTP_ERROR_MESSAGES = {
    400: "The request could not be read: check the request line and headers.",
    414: "The request line is longer than 64 KiB.",
    431: "The request headers are larger than 64 KiB.",
    501: "This server does not answer that method. Use GET, POST, PATCH or OPTIONS.",
    505: "Use HTTP/1.1 or HTTP/1.0.",
}
IDEMPOTENCY_KEY_RE = re.compile(r"^[!-~]{1,255}\Z")
REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._-]{8,64}\Z")


def new_request_id():
    return secrets.token_hex(8)


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
    if isinstance(error, errors.Unauthorized):
        headers["WWW-Authenticate"] = 'Bearer realm="partner-api"'
    return Response(status, error_body(status, error.code, error.message, request_id, extra), JSON_TYPE, headers)


@dataclasses.dataclass
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    db_path: str = "console-demo.db"
    static_dir: str = ""
    static_extra: str = ""
    demo: bool = True
    google_client_id: str = ""
    google_jwks: str = GOOGLE_JWKS_URL
    public_url: str = ""
    allow_origins: tuple = ()
    session_hours: float = 8
    quiet: bool = False
    synchronous: str = "FULL"           # the load benchmark compares NORMAL
    log_json: bool = False              # request log lines as JSON objects
    max_connections: int = 512          # past this, a new connection gets a fast 503
    header_timeout: float = 10
    body_timeout: float = 30
    idle_timeout: float = 15
    kiosk: bool = False                 # serve.py --kiosk: demo account only, reset endpoint
    kiosk_idle: int = 120               # seconds without input before the console starts over
    kiosk_reset_every: float = 0        # minutes between resets of an untouched screen; 0: never
    sign_in_attempts: int = 20          # per client address ...
    sign_in_window: float = 60          # ... per this many seconds
    clock: object = dataclasses.field(default_factory=SystemClock)
    log: object = None                  # callable(str); default: stderr


class App:
    """Everything a request needs, independent of the socket plumbing."""

    def __init__(self, settings, db=None):
        self.settings = settings
        self.log = settings.log or (lambda line: print(line, file=sys.stderr, flush=True))
        self.db = db or Database(settings.db_path, synchronous=settings.synchronous)
        self.service = PartnerService(self.db, settings.clock, settings.session_hours, self.log)
        verifier = None
        if settings.google_client_id:
            verifier = GoogleVerifier(settings.google_client_id, KeySet(settings.google_jwks))
        self.limiter = RateLimiter(settings.sign_in_attempts, settings.sign_in_window)
        self.handlers = ApiHandlers(self.service, settings, verifier, self.limiter)
        self.router = build_router(self.handlers, API_PREFIX)
        if settings.kiosk:  # the reset endpoint exists only here: 404 on every other server
            add_kiosk_routes(self.router, KioskHandlers(self.service, self.db))
        self.static_root = Path(settings.static_dir).resolve() if settings.static_dir else None

    def close(self):
        """Folds the WAL into the database file (a copied .db is then whole) and closes."""
        try:
            self.db.checkpoint()
        finally:
            self.db.close()

    # -- dispatch ------------------------------------------------------------------------------
    def handle(self, request):
        try:
            if request.path == API_PREFIX or request.path.startswith(API_PREFIX + "/"):
                response = self.handle_api(request)
                return self.with_cors(request, response)
            return self.handle_site(request)
        except errors.DomainError as error:
            response = error_response(error, getattr(request, "request_id", None))
        except Exception as error:
            request_id = getattr(request, "request_id", None)
            if is_storage_fault(error):
                # Disk full or failing: the transaction rolled back whole; reads go on working.
                self.log(f"STORAGE FAULT (request {request_id}): {error}. Nothing was written. Free disk "
                         f"space or check the disk holding {self.db.path}.")
                response = error_response(errors.StorageUnavailable(), request_id)
            else:  # a bug: answer 500 JSON and keep serving
                self.log(f"request {request_id}: {traceback.format_exc()}")
                response = Response(500, error_body(500, "internal_error", "Something went wrong on the server.",
                                                    request_id), JSON_TYPE)
        if request.path == API_PREFIX or request.path.startswith(API_PREFIX + "/"):
            return self.with_cors(request, response)
        return self.site_response(response)

    def handle_api(self, request):
        if request.method == "OPTIONS":
            return self.preflight(request)
        route, request.params = self.router.match(request.method, request.path)
        if route.sign_in:
            self.handlers.check_rate(request)
        if route.auth:
            header = request.headers.get("Authorization", "")
            request.token = header[7:].strip() if header[:7].lower() == "bearer " else None
            request.reseller = self.service.authenticate(request.token)
        if request.body:
            media_type = (request.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if media_type != "application/json":
                raise errors.UnsupportedMediaType()
        key = request.headers.get("Idempotency-Key")
        if key is not None and request.method in ("POST", "PATCH"):
            return self.idempotent(request, route, key)
        return route.handler(request)

    def idempotent(self, request, route, key):
        """Replays the first answer for a repeated key; the stored answer commits in the same
        transaction as the change it describes, so a retry can never apply it twice."""
        if not IDEMPOTENCY_KEY_RE.match(key):
            raise errors.ValidationFailed({"Idempotency-Key": "Must be 1 to 255 visible ASCII characters, no spaces."})
        scope = f"reseller:{request.reseller['id']}" if request.reseller else f"public:{request.client}"
        try:
            canonical = json.dumps(parse_json(request.body), sort_keys=True).encode() if request.body else b""
        except errors.InvalidJson:
            canonical = request.body
        request_hash = hashlib.sha256(f"{request.method} {request.path}\n".encode() + canonical).hexdigest()
        with self.db.write() as conn:
            repo = Repository(conn)
            stored = repo.idempotent_response(scope, key)
            if stored is not None:
                if stored["request_hash"] != request_hash:
                    raise errors.IdempotencyConflict()
                return Response(stored["status"], bytes(stored["body"]), stored["content_type"],
                                {"Idempotent-Replayed": "true"})
            response = route.handler(request)
            if 200 <= response.status < 300 and response.stream is None:
                repo.store_idempotent_response(scope, key, request_hash, response.status,
                                               response.content_type or "", response.body,
                                               iso(self.service.now()))
            return response

    def preflight(self, request):
        allowed = self.router.allowed_methods(request.path)
        if not allowed:
            raise errors.NotFound("There is no such API endpoint.")
        return Response(204, headers={"Allow": ", ".join(allowed + ["OPTIONS"])})

    def with_cors(self, request, response):
        origin = request.headers.get("Origin")
        if origin and origin in self.settings.allow_origins:
            response.headers.update({
                "Access-Control-Allow-Origin": origin,
                "Vary": "Origin",
                "Access-Control-Expose-Headers": "Retry-After, Content-Disposition, Idempotent-Replayed, Location",
            })
            if request.method == "OPTIONS":
                response.headers.update({
                    "Access-Control-Allow-Methods": response.headers.get("Allow", "GET, POST, PATCH"),
                    "Access-Control-Allow-Headers": "Authorization, Content-Type, Idempotency-Key",
                    "Access-Control-Max-Age": "600",
                })
        return response

    # -- the site: config.json, invitation page, static files ----------------------------------
    def handle_site(self, request):
        if request.method not in ("GET", "HEAD"):
            raise errors.MethodNotAllowed(["GET", "HEAD"])
        path = request.path
        if path == "/config.json":
            return self.site_response(Response(200, json_bytes(self.config_json()),
                                               "application/json; charset=utf-8",
                                               {"Cache-Control": "no-cache"}))
        if path == "/invite.js":
            return self.site_response(Response(200, SCRIPT.encode(), MIME_TYPES[".js"],
                                               {"Cache-Control": "no-cache"}))
        invite = INVITE_PATH_RE.match(path)
        if invite:
            return self.site_response(self.invitation_page(request, invite.group(1)))
        if self.settings.static_extra and path.startswith("/__test__/"):
            return self.static_file(request, Path(self.settings.static_extra).resolve(), path[len("/__test__/"):])
        if self.static_root is None or not (self.static_root / "index.html").is_file():
            if path in ("/", "/index.html"):
                return self.site_response(Response(200, NOT_BUILT_HTML, MIME_TYPES[".html"],
                                                   {"Cache-Control": "no-cache"}))
            raise errors.NotFound("Not found.")
        return self.static_file(request, self.static_root, path.lstrip("/") or "index.html")

    def config_json(self):
        demo_email = ""
        demo_account = self.service.reseller_by_email(DEMO_EMAIL) if self.settings.demo else None
        if demo_account is not None and demo_account["is_demo"]:
            demo_email = DEMO_EMAIL
        config = {"api_base_url": API_PREFIX, "google_client_id": self.settings.google_client_id or "",
                  "demo_sign_in": bool(self.settings.demo), "demo_email": demo_email}
        if self.settings.kiosk:
            # A kiosk signs in to its demo account by itself; Google's button is never shown.
            config["google_client_id"] = ""
            config["kiosk"] = {"enabled": True, "idle_seconds": self.settings.kiosk_idle,
                               "reset_every_minutes": self.settings.kiosk_reset_every}
        return config

    def invitation_page(self, request, token):
        lang = language(request.query, request.headers.get("Accept-Language"))
        # A kiosk opens the page in its own window: the page offers the way back to the console.
        back = back_target(request.query) if self.settings.kiosk else None
        try:
            body, status = invitation_html(lang, token, self.service.invitation_page(token), back), 200
        except errors.InvitationGone as error:
            body, status = dead_link_html(lang, True, error.message, back), 410
        except errors.NotFound as error:
            body, status = dead_link_html(lang, False, error.message, back), 404
        return Response(status, body, MIME_TYPES[".html"], {"Cache-Control": "no-store"})

    def static_file(self, request, root, relative):
        """A file under root, or 404: no directory listings and no way out of root. A
        precompressed .br/.gz beside it is sent when the request accepts that encoding;
        content-hashed names are cached for a year, everything else is revalidated."""
        relative = urllib.parse.unquote(relative)
        parts = relative.split("/")
        if "\x00" in relative or "\\" in relative or any(p in ("..", ".") for p in parts) \
                or posixpath.isabs(relative) or any(p.startswith(".") for p in parts if p):
            raise errors.NotFound("Not found.")
        target = (root / relative).resolve()
        if root not in target.parents or not target.is_file():
            raise errors.NotFound("Not found.")
        content_type = MIME_TYPES.get(target.suffix.lower()) or mimetypes.guess_type(target.name)[0] \
            or "application/octet-stream"
        headers = {"Cache-Control": IMMUTABLE if HASHED_FILE_RE.search(target.name) else "no-cache"}
        sent = target
        if target.suffix.lower() in COMPRESSIBLE:
            headers["Vary"] = "Accept-Encoding"
            accepted = accepted_encodings(request.headers.get("Accept-Encoding", ""))
            for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
                variant = target.with_name(target.name + suffix)
                if encoding in accepted and variant.is_file():
                    sent = variant
                    headers["Content-Encoding"] = encoding
                    break
        stat = sent.stat()
        suffix = {"br": "-br", "gzip": "-gz"}.get(headers.get("Content-Encoding"), "")
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{suffix}"'
        headers["ETag"] = etag
        if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
            headers.pop("Content-Encoding", None)
            return self.site_response(Response(304, headers=headers))
        return self.site_response(Response(200, sent.read_bytes(), content_type, headers))

    @staticmethod
    def site_response(response):
        response.headers.update(SECURITY_HEADERS)
        return response


class RequestHandler(http.server.BaseHTTPRequestHandler):
    """Answers one request that the connection layer has read whole (connections.py)."""
    protocol_version = "HTTP/1.1"
    server_version = "PartnerAPI"
    sys_version = ""

    def __init__(self, framed, server):
        self.framed = framed
        self.request_id = new_request_id()
        self.started = time.perf_counter()
        self.logged = False
        super().__init__(framed.connection.sock, framed.connection.address, server)

    def setup(self):
        self.connection = self.request
        self.rfile = io.BufferedReader(SocketReader(self.framed.data, self.request))
        self.wfile = SocketWriter(self.request)

    def handle(self):
        self.close_connection = True
        self.handle_one_request()  # the connection layer loops over kept-alive requests

    def finish(self):
        pass  # the connection layer keeps or closes the socket

    def parse_request(self):
        if not super().parse_request():
            return False
        if self.request_version == "HTTP/0.9":  # "GET /" alone: not spoken here
            self.send_error(400)
            return False
        return True

    def handle_expect_100(self):
        return True  # the connection layer already said 100 Continue

    def do_any(self):
        app = self.server.app
        offered = self.headers.get("X-Request-Id", "")
        if REQUEST_ID_RE.match(offered):
            self.request_id = offered  # a proxy's id, so its logs and ours meet
        split = urllib.parse.urlsplit(self.path)
        query = {k: v[0] for k, v in urllib.parse.parse_qs(split.query, keep_blank_values=True).items()}
        request = Request(self.command, split.path or "/", query, self.headers, b"",
                          self.client_address[0], self.server.base_url)
        request.request_id = self.request_id
        try:
            request.body = self.read_body()
            response = app.handle(request)
        except errors.DomainError as error:
            self.close_connection = True  # the unread body would poison a kept-alive connection
            response = error_response(error, self.request_id)
            if request.path.startswith(API_PREFIX):
                response = app.with_cors(request, response)
        self.send(response)
        self.log_request_line(response.status, split.path)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_OPTIONS = do_HEAD = do_any

    def read_body(self):
        if self.headers.get("Transfer-Encoding"):
            raise errors.LengthRequired()
        length = self.headers.get("Content-Length")
        if length is None:
            return b""
        if not length.isdigit():
            raise errors.LengthRequired("The Content-Length header is not a number.")
        if int(length) > MAX_BODY:
            if int(length) <= DRAIN_LIMIT:
                # Read and drop a moderately large body so the client sees the 413 instead
                # of a reset connection; anything bigger is cut off unread.
                remaining = int(length)
                while remaining > 0:
                    chunk = self.rfile.read(min(remaining, 65536))
                    if not chunk:
                        break
                    remaining -= len(chunk)
            raise errors.PayloadTooLarge()
        return self.rfile.read(int(length))

    def send(self, response):
        try:
            self.send_response(response.status)
            headers = dict(response.headers)
            if response.content_type:
                headers["Content-Type"] = response.content_type
            if response.stream is not None:
                headers["Connection"] = "close"  # the body ends when the connection does
                self.close_connection = True
            else:
                headers["Content-Length"] = str(len(response.body))
            if self.server.stopping:
                headers["Connection"] = "close"
                self.close_connection = True
            headers["X-Request-Id"] = self.request_id
            if (getattr(self, "path", "") or "").startswith(API_PREFIX):
                for name, value in API_HEADERS.items():
                    headers.setdefault(name, value)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if getattr(self, "command", "") == "HEAD":
                return
            if response.stream is not None:
                for chunk in response.stream:
                    self.wfile.write(chunk)
            else:
                self.wfile.write(response.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            try:
                self.wfile.flush()
            except OSError:
                self.close_connection = True

    def send_error(self, code, message=None, explain=None):
        """http.server's own errors (bad request line, unknown method such as TRACE, bad
        version) as the usual JSON error with the usual headers, never its HTML page."""
        self.close_connection = True
        if getattr(self, "request_version", "HTTP/0.9") == "HTTP/0.9":
            self.request_version = "HTTP/1.1"  # always a status line and headers
        code = int(code)
        body = error_body(code, HTTP_ERROR_CODES.get(code, "bad_request"),
                          HTTP_ERROR_MESSAGES.get(code) or message or "The request could not be read.",
                          self.request_id)
        self.send(Response(code, body, JSON_TYPE, {**API_HEADERS, "Connection": "close"}))
        self.log_request_line(code, urllib.parse.urlsplit(getattr(self, "path", "") or "").path or "-")

    def log_request_line(self, status, path):
        app = self.server.app
        if app.settings.quiet or self.logged:
            return
        self.logged = True
        path = INVITE_PATH_RE.sub("/invite/…", path)  # invitation tokens stay out of logs
        path = re.sub(r"/invitations/[^/]+/", "/invitations/…/", path)[:300]
        entry = {"time": iso(app.service.now()), "request_id": self.request_id, "client": self.client_address[0],
                 "method": (getattr(self, "command", "") or "-")[:16], "path": path, "status": status,
                 "ms": round((time.perf_counter() - self.started) * 1000, 1)}
        if app.settings.log_json:
            app.log(json.dumps(entry, ensure_ascii=False))
        else:
            app.log(f"{entry['time']} {entry['request_id']} {entry['client']} {entry['method']} {entry['path']}"
                    f" {status} {entry['ms']:.1f}ms")

    def log_message(self, format, *args):
        pass  # one line per request, written by log_request_line


def public_base_url(settings, port):
    """Where links in invitations point: --public-url, else the address this server listens
    on. Never the request's Host header, which any client can set."""
    if settings.public_url:
        return settings.public_url.rstrip("/")
    host = settings.host
    if host in ("", "0.0.0.0", "::"):
        host = socket.gethostname()  # listening everywhere: the machine's own name
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


class PartnerServer(ConnectionServer):
    def __init__(self, app):
        self.app = app
        settings = app.settings
        limits = Limits(max_connections=settings.max_connections, header_timeout=settings.header_timeout,
                        body_timeout=settings.body_timeout, idle_timeout=settings.idle_timeout)
        super().__init__(settings.host, settings.port, self.answer, self.reject, limits, app.log)
        self.base_url = public_base_url(settings, self.server_address[1])

    def answer(self, framed):
        handler = RequestHandler(framed, self)
        return not handler.close_connection

    def reject(self, status, message):
        """A whole response for the connection layer to send before it closes."""
        code = HTTP_ERROR_CODES.get(status, "bad_request")
        request_id = new_request_id()
        body = error_body(status, code, message, request_id)
        headers = {"Content-Type": JSON_TYPE, "Content-Length": str(len(body)), "Connection": "close",
                   "X-Request-Id": request_id, **API_HEADERS}
        if not self.app.settings.quiet:
            self.app.log(f"{iso(self.app.service.now())} {request_id} - - - {status} {message}")
        if status == 503:
            headers["Retry-After"] = "1"
        head = f"HTTP/1.1 {status} {http.HTTPStatus(status).phrase}\r\n"
        head += "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        return (head + "\r\n").encode("latin-1") + body


class RunningServer:
    """A server on a background thread; tests and serve.py both start it this way."""

    def __init__(self, settings, db=None):
        self.app = App(settings, db)
        try:
            self.httpd = PartnerServer(self.app)
        except BaseException:
            self.app.close()
            raise
        self.port = self.httpd.server_address[1]
        self.url = f"http://{settings.host}:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="partner-api", daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self, grace=10.0):
        """Stops accepting, finishes the requests in flight (at most `grace` seconds), then
        checkpoints the WAL into the database file; returns requests cut off (0: clean)."""
        left = self.httpd.shutdown(grace)
        self.thread.join(timeout=5)
        self.app.close()
        return left
