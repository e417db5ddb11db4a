"""The server: reads each request the connection layer framed (connections.py), hands it to
the App (app.py), writes the answer and one log line. Settings are serve.py's options."""
import dataclasses
import http
import http.server
import io
import json
import re
import secrets
import socket
import threading
import time
import urllib.parse

from .. import API_PREFIX, errors
from ..clock import SystemClock, iso
from .app import App
from .connections import ConnectionServer, Limits, SocketReader, SocketWriter
from .google_auth import GOOGLE_JWKS_URL
from .messages import Request, Response
from .site import INVITE_PATH_RE
from .status import API_HEADERS, HTTP_ERROR_CODES, HTTP_ERROR_MESSAGES, JSON_TYPE, error_body, error_response

MAX_BODY = 1024 * 1024
DRAIN_LIMIT = 8 * MAX_BODY
REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._-]{8,64}\Z")


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
        entry = {"time": iso(app.clock.now()), "request_id": self.request_id, "client": self.client_address[0],
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
            self.app.log(f"{iso(self.app.clock.now())} {request_id} - - - {status} {message}")
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
