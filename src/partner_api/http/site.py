"""The site beside the API: config.json, the invitation page and its script, and the built
console's static files (precompressed variants, cache headers, ETags). Every page carries the
security headers below."""
import mimetypes
import posixpath
import re
import urllib.parse
from pathlib import Path

from .. import API_PREFIX
from ..domain import DEMO_EMAIL
from ..errors import InvitationGone, MethodNotAllowed, NotFound
from .handlers.invitations import demo_answers_allowed
from .invitation_page import NOT_BUILT_HTML, SCRIPT, back_target, dead_link_html, invitation_html, language
from .messages import Response, json_bytes

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
    ".bin": "application/octet-stream",
    ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml", ".png": "image/png",
    ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8", ".map": "application/json",
}
# Names with a content hash (app.3f9c2e1a7b.wasm) never change what they hold.
HASHED_FILE_RE = re.compile(r"\.[0-9a-f]{10}\.[A-Za-z0-9]+$")
IMMUTABLE = "public, max-age=31536000, immutable"
# Served from a precompressed .br/.gz beside the file when the request accepts it.
COMPRESSIBLE = {".html", ".js", ".mjs", ".json", ".css", ".svg", ".txt", ".map", ".wasm", ".data", ".ttf", ".otf",
                ".webmanifest", ".bin"}
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


def site_response(response):
    response.headers.update(SECURITY_HEADERS)
    return response


class Site:
    def __init__(self, settings, domain):
        self.settings = settings
        self.domain = domain
        self.static_root = Path(settings.static_dir).resolve() if settings.static_dir else None

    def handle(self, request):
        if request.method not in ("GET", "HEAD"):
            raise MethodNotAllowed(["GET", "HEAD"])
        path = request.path
        if path == "/config.json":
            return site_response(Response(200, json_bytes(self.config_json()), "application/json; charset=utf-8",
                                          {"Cache-Control": "no-cache"}))
        if path == "/invite.js":
            return site_response(Response(200, SCRIPT.encode(), MIME_TYPES[".js"], {"Cache-Control": "no-cache"}))
        invite = INVITE_PATH_RE.match(path)
        if invite:
            return site_response(self.invitation_page(request, invite.group(1)))
        if self.settings.static_extra and path.startswith("/__test__/"):
            return self.static_file(request, Path(self.settings.static_extra).resolve(), path[len("/__test__/"):])
        if self.static_root is None or not (self.static_root / "index.html").is_file():
            if path in ("/", "/index.html"):
                return site_response(Response(200, NOT_BUILT_HTML, MIME_TYPES[".html"],
                                              {"Cache-Control": "no-cache"}))
            raise NotFound("Not found.")
        return self.static_file(request, self.static_root, path.lstrip("/") or "index.html")

    def config_json(self):
        demo_email = ""
        demo_account = self.domain.resellers.by_email(DEMO_EMAIL) if self.settings.demo else None
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
            facts = self.domain.invitations.page_facts(token)
            body, status = invitation_html(lang, token, facts, self.answer_mode(facts), self.settings.google_client_id,
                                           back), 200
        except InvitationGone as error:
            body, status = dead_link_html(lang, True, error.reason, back), 410
        except NotFound:
            body, status = dead_link_html(lang, False, None, back), 404
        return Response(status, body, MIME_TYPES[".html"], {"Cache-Control": "no-store"})

    def answer_mode(self, facts):
        """How the page lets the visitor answer: the server's rule (handlers/invitations.py)."""
        if facts["reseller_is_demo"] and demo_answers_allowed(self.settings):
            return "demo"
        return "google" if self.settings.google_client_id else "none"

    def static_file(self, request, root, relative):
        """A file under root, or 404: no directory listings and no way out of root. A
        precompressed .br/.gz beside it is sent when the request accepts that encoding;
        content-hashed names are cached for a year, everything else is revalidated."""
        relative = urllib.parse.unquote(relative)
        parts = relative.split("/")
        if "\x00" in relative or "\\" in relative or any(p in ("..", ".") for p in parts) \
                or posixpath.isabs(relative) or any(p.startswith(".") for p in parts if p):
            raise NotFound("Not found.")
        target = (root / relative).resolve()
        if root not in target.parents or not target.is_file():
            raise NotFound("Not found.")
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
            return site_response(Response(304, headers=headers))
        return site_response(Response(200, sent.read_bytes(), content_type, headers))
