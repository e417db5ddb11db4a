"""The server: reads each request the connection layer framed (connections.py), hands it to
the App (app.py), writes the answer and one log line. Settings are serve.py's options."""
import dataclasses
import http
import http.server
import io
import os
import re
import secrets
import socket
import threading
import time
import urllib.parse

from .. import errors
from ..clock import SystemClock, iso
from .app import App, is_api
from .connections import Answer, ConnectionServer, Limits
from .framing import CONTENT_LENGTH_RE, origin_of
from .google_auth import GOOGLE_JWKS_URL
from .messages import Request, Response
from .site import INVITE_PATH_RE
from .status import API_HEADERS, HTTP_ERROR_CODES, HTTP_ERROR_MESSAGES, JSON_TYPE, error_body, error_response

REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._-]{8,64}\Z")
# RFC 9112: a server accepts a request target in absolute form (what a proxy is sent).
ABSOLUTE_TARGET_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*")


def new_request_id():
    return secrets.token_hex(8)


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
    log_json: bool = False              # every log line as a JSON object
    max_connections: int = 512          # past this, a new connection gets a fast 503
    max_connections_per_client: int = 0  # one address's share of them; 0: a quarter
    trusted_proxies: tuple = ()         # networks whose X-Forwarded-For names the client
    header_timeout: float = 10
    body_timeout: float = 30
    idle_timeout: float = 15
    write_timeout: float = 30
    purge_every: float = 600            # seconds between runs of the background purge
    bulk_worker: bool = True            # work bulk jobs' rows in the background (tests may drive it)
    secret: bytes = None                # the server's secret; None: PARTNER_API_SECRET or DB.secret
    kiosk: bool = False                 # serve.py --kiosk: demo account only, reset endpoint
    kiosk_idle: int = 120               # seconds without input before the console starts over
    kiosk_reset_every: float = 0        # minutes between resets of an untouched screen; 0: never
    sign_in_attempts: int = 20          # per client address ...
    sign_in_window: float = 60          # ... per this many seconds
    kiosk_resets_per_minute: int = 30   # per client address, with --kiosk
    clock: object = dataclasses.field(default_factory=SystemClock)
    log: object = None                  # callable(str); default: stderr


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
        self.stream = None
        super().__init__(framed.connection.sock, framed.connection.address, server)

    def setup(self):
        # The connection layer read the whole request and sends the answer: a worker never
        # touches the socket itself (a slow client holds no thread).
        self.connection = None
        self.rfile = io.BytesIO(self.framed.data)
        self.wfile = io.BytesIO()

    def handle(self):
        self.close_connection = True
        self.handle_one_request()  # the connection layer loops over kept-alive requests

    def finish(self):
        pass  # the connection layer keeps or closes the socket

    def answer(self):
        return Answer(self.wfile.getvalue(), self.stream, not self.close_connection)

    def parse_request(self):
        if not super().parse_request():
            return False
        if self.request_version == "HTTP/0.9":  # "GET /" alone: not spoken here
            self.send_error(400)
            return False
        absolute = ABSOLUTE_TARGET_RE.match(self.path)
        if absolute:  # GET http://host/api/v1/me is GET /api/v1/me, headers and all
            self.path = self.path[absolute.end():] or "/"
            if not self.path.startswith("/"):
                self.path = "/" + self.path
        elif not self.path.startswith("/"):
            self.send_error(400)
            return False
        return True

    def target(self):
        """(path, query string) of the request target."""
        path, _, query = (getattr(self, "path", "") or "").partition("?")
        return path.partition("#")[0], query.partition("#")[0]

    def handle_expect_100(self):
        return True  # the connection layer already said 100 Continue

    def do_any(self):
        app = self.server.app
        offered = self.headers.get("X-Request-Id", "")
        if REQUEST_ID_RE.match(offered):
            self.request_id = offered  # a proxy's id, so its logs and ours meet
        path, query_string = self.target()
        query = {k: v[0] for k, v in urllib.parse.parse_qs(query_string, keep_blank_values=True).items()}
        self.client = app.clients.client_of(self.client_address[0], self.headers)
        request = Request(self.command, path or "/", query, self.headers, b"", self.client, self.server.base_url)
        request.request_id = self.request_id
        try:
            request.body = self.read_body()
            response = app.handle(request)
        except errors.DomainError as error:
            self.close_connection = True  # the unread body would poison a kept-alive connection
            response = error_response(error, self.request_id)
            if is_api(request.path):
                response = app.with_cors(request, response)
        self.send(response)
        self.log_request_line(response.status, path)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_OPTIONS = do_HEAD = do_any

    def read_body(self):
        """The body the connection layer framed (it refused chunked bodies, odd lengths and
        bodies over 1 MiB before a worker saw them)."""
        length = (self.headers.get("Content-Length") or "0").strip()
        if not CONTENT_LENGTH_RE.match(length.encode("latin-1", "replace")):
            raise errors.BadRequest("The Content-Length header is not a number.")
        body = self.rfile.read(int(length))
        if len(body) != int(length):
            raise errors.BadRequest("The request body is shorter than its Content-Length.")
        return body

    def date_time_string(self, timestamp=None):
        """The Date header by the app's clock (a test's fake one too): the console counts a trial's
        days by the server's date, not the device's."""
        if timestamp is None:
            timestamp = self.server.app.clock.now().timestamp()
        return super().date_time_string(timestamp)

    def send(self, response):
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
        if is_api(self.target()[0]):
            for name, value in API_HEADERS.items():
                headers.setdefault(name, value)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if getattr(self, "command", "") == "HEAD":
            return
        if response.stream is not None:
            self.stream = iter(response.stream)  # sent by the connection layer as the client reads
        else:
            self.wfile.write(response.body)

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
        headers = {**API_HEADERS, "Connection": "close"}
        origin = self.headers.get("Origin") if getattr(self, "headers", None) is not None else None
        headers.update(self.server.app.cors_headers(origin))
        self.send(Response(code, body, JSON_TYPE, headers))
        self.log_request_line(code, self.target()[0] or "-")

    def log_request_line(self, status, path):
        app = self.server.app
        if app.settings.quiet or self.logged:
            return
        self.logged = True
        path = INVITE_PATH_RE.sub("/invite/…", path)  # invitation tokens stay out of logs
        path = re.sub(r"/invitations/[^/]+/", "/invitations/…/", path)[:300]
        app.log.request({"time": iso(app.clock.now()), "request_id": self.request_id,
                         "client": getattr(self, "client", None) or self.client_address[0],
                         "method": (getattr(self, "command", "") or "-")[:16], "path": path, "status": status,
                         "ms": round((time.perf_counter() - self.started) * 1000, 1)})

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
        limits = Limits(max_connections=settings.max_connections, per_client=settings.max_connections_per_client,
                        header_timeout=settings.header_timeout, body_timeout=settings.body_timeout,
                        idle_timeout=settings.idle_timeout, write_timeout=settings.write_timeout)
        super().__init__(settings.host, settings.port, self.answer, self.reject, limits, app.log,
                         app.clients.connection_key)
        self.base_url = public_base_url(settings, self.server_address[1])

    def answer(self, framed):
        return RequestHandler(framed, self).answer()

    def reject(self, status, message, head=b""):
        """A whole response for the connection layer to send before it closes; `head` is what
        the client sent so far (its Origin decides the CORS headers)."""
        code = HTTP_ERROR_CODES.get(status, "bad_request")
        request_id = new_request_id()
        body = error_body(status, code, message, request_id)
        headers = {"Content-Type": JSON_TYPE, "Content-Length": str(len(body)), "Connection": "close",
                   "X-Request-Id": request_id, **API_HEADERS, **self.app.cors_headers(origin_of(head))}
        if not self.app.settings.quiet:
            self.app.log.request({"time": iso(self.app.clock.now()), "request_id": request_id, "client": "-",
                                  "method": "-", "path": "-", "status": status, "ms": 0.0, "note": message})
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
        self.stopping = threading.Event()
        self.purger = threading.Thread(target=self._purge, name="partner-api-purge", daemon=True)
        # Who holds a bulk job's lease: this process (several may share a PostgreSQL database).
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
        self.work_waiting = threading.Event()
        self.worker = threading.Thread(target=self._work, name="partner-api-bulk", daemon=True)

    def start(self):
        self.thread.start()
        self.purger.start()
        if self.app.settings.bulk_worker:
            self.app.domain.bulk.on_new_work = self.work_waiting.set
            self.worker.start()
        return self

    IDLE_POLL = 1.0  # seconds between looks for bulk work made by other processes

    def _work(self):
        """Works bulk jobs' rows (domain/bulk_worker.py) until the server stops: chunk after
        chunk while there is work, else a look every IDLE_POLL seconds or when this process made
        some. A database that fails is tried again after a pause; nothing is lost (a chunk is one
        transaction)."""
        app, worker = self.app, self.app.domain.bulk_worker
        if not getattr(app.db, "shared", False):
            worker.release()  # one process per SQLite file: any lease in it is a dead process's
        pause = 0.0
        while not self.stopping.wait(pause):
            self.work_waiting.clear()
            try:
                busy = worker.step(self.worker_id)
            except Exception as error:
                app.log(f"bulk jobs: {error!r}; trying again in 5 s", level="error")
                pause = 5.0
                continue
            pause = 0.0 if busy else None
            if pause is None:
                self.work_waiting.wait(self.IDLE_POLL)
                pause = 0.0
        try:
            worker.release(self.worker_id)  # another process may take our jobs at once
        except Exception:
            pass

    def _purge(self):
        """The background step that deletes what is past its time (domain/housekeeping.py): soon
        after the start, then every settings.purge_every seconds; never in a request's way."""
        app = self.app
        wait = min(60.0, app.settings.purge_every)
        while not self.stopping.wait(wait):
            wait = app.settings.purge_every
            try:
                removed = app.domain.housekeeping.purge(stop=self.stopping.is_set)
            except Exception as error:  # a locked or full disk: try again next time
                app.log(f"purge failed: {error!r}; trying again in {wait:g} s", level="error")
                continue
            if any(removed.values()):
                app.log(f"purged {removed['sessions']} expired sessions, {removed['idempotency']} stored answers, "
                        f"{removed['outbox']} old emails and {removed['bulk_jobs']} finished bulk jobs",
                        **{f"purged_{k}": v for k, v in removed.items()})

    def stop(self, grace=10.0):
        """Stops accepting, finishes the requests in flight (at most `grace` seconds), then
        checkpoints the WAL into the database file; returns requests cut off (0: clean)."""
        self.stopping.set()
        left = self.httpd.shutdown(grace)
        self.thread.join(timeout=5)
        self.purger.join(timeout=5)
        if self.worker.is_alive():
            self.work_waiting.set()
            self.worker.join(timeout=10)
        self.app.close()
        return left
