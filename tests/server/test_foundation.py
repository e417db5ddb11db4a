"""Issue 2's thin thread: health, demo sign-in on and off, 401s, tenant isolation,
config.json, static files and their headers."""
import tempfile
import unittest
from pathlib import Path

from support import ServerTestCase, is_url, sql
from partner_api.http.site import CSP


class HealthAndDemoSignIn(ServerTestCase):
    def test_health_needs_no_sign_in(self):
        body = self.ok("GET", "/api/v1/health")
        self.assertEqual(body["status"], "ok")
        self.assertIsInstance(body["version"], str)

    def test_demo_sign_in_returns_token_expiry_and_reseller(self):
        body = self.ok("POST", "/api/v1/auth/demo", {"email": "jane.doe-smith@example.com"})
        self.assertGreaterEqual(len(body["token"]), 43)
        self.assertEqual(body["expires_at"], "2026-11-26T17:00:00Z")  # 8 hours after the fake now
        self.assertEqual(body["reseller"]["name"], "Jane Doe Smith")
        self.assertEqual(body["reseller"]["email"], "jane.doe-smith@example.com")
        self.assertIsInstance(body["reseller"]["id"], int)

    def test_one_reseller_per_email(self):
        first = self.ok("POST", "/api/v1/auth/demo", {"email": "same@example.com"})
        second = self.ok("POST", "/api/v1/auth/demo", {"email": "SAME@example.com"})
        self.assertEqual(first["reseller"]["id"], second["reseller"]["id"])
        self.assertNotEqual(first["token"], second["token"])

    def test_demo_sign_in_rejects_a_bad_email(self):
        error = self.assertError(self.call("POST", "/api/v1/auth/demo", {"email": "not an email"}),
                                 422, "validation_failed")
        self.assertIn("email", error["fields"])

    def test_no_token_is_401(self):
        reply = self.call("GET", "/api/v1/customers")
        self.assertError(reply, 401, "unauthorized")
        self.assertIn("Bearer", reply.header("WWW-Authenticate"))

    def test_wrong_token_is_401(self):
        self.assertError(self.call("GET", "/api/v1/customers", token="not-a-real-token"), 401, "unauthorized")
        self.assertError(self.call("GET", "/api/v1/customers", headers={"Authorization": "Basic abc"}),
                         401, "unauthorized")

    def test_expired_session_is_session_expired(self):
        token = self.sign_in("expiring@example.com")
        self.ok("GET", "/api/v1/me", token=token)
        self.clock.advance(hours=8, seconds=1)
        try:
            self.assertError(self.call("GET", "/api/v1/me", token=token), 401, "session_expired")
        finally:
            self.clock.set(self.clock.now().replace(hour=9, minute=0, second=0))

    def test_logout_kills_the_token(self):
        token = self.sign_in("leaving@example.com")
        reply = self.call("POST", "/api/v1/auth/logout", token=token)
        self.assertEqual(reply.status, 204)
        self.assertError(self.call("GET", "/api/v1/me", token=token), 401, "unauthorized")

    def test_tokens_are_stored_only_as_hashes(self):
        token = self.sign_in("hashed@example.com")
        if is_url(self.db_path):  # every value of every row, as text
            for table in [row[0] for row in sql(self.db_path, "SELECT tablename FROM pg_tables"
                                                               " WHERE schemaname = current_schema()")]:
                self.assertNotIn(token, repr(sql(self.db_path, f"SELECT * FROM {table}")), table)
            return
        self.assertNotIn(token.encode(), Path(self.db_path).read_bytes())
        wal = Path(self.db_path + "-wal")
        if wal.exists():
            self.assertNotIn(token.encode(), wal.read_bytes())

    def test_me(self):
        token = self.sign_in("me@example.com")
        body = self.ok("GET", "/api/v1/me", token=token)
        self.assertEqual(body["email"], "me@example.com")
        self.assertEqual(body["discount_basis_points"], 2000)

    def test_customers_list_of_a_new_reseller_is_empty(self):
        token = self.sign_in("empty@example.com")
        self.assertEqual(self.ok("GET", "/api/v1/customers", token=token),
                         {"items": [], "total": 0, "next_cursor": None})

    def test_one_reseller_never_sees_anothers_customers(self):
        alice = self.sign_in("alice@example.com")
        bob = self.sign_in("bob@example.com")
        customer = self.invite(alice, 901)
        self.accept(customer)
        self.assertEqual(self.ok("GET", "/api/v1/customers", token=bob)["total"], 0)
        self.assertEqual(self.ok("GET", "/api/v1/customers", token=alice)["total"], 1)
        cid = customer["id"]
        for method, path, body in [
            ("GET", f"/api/v1/customers/{cid}", None),
            ("PATCH", f"/api/v1/customers/{cid}", {"name": "Mallory"}),
            ("GET", f"/api/v1/customers/{cid}/subscription", None),
            ("POST", f"/api/v1/customers/{cid}/subscription/license-orders", {"licenses": 9}),
            ("POST", f"/api/v1/customers/{cid}/subscription/cancel", {"when": "now"}),
            ("POST", f"/api/v1/customers/{cid}/invitation/resend", None),
            ("GET", f"/api/v1/activity?customer_id={cid}", None),
        ]:
            self.assertError(self.call(method, path, body, token=bob), 404, "not_found")
        missing = self.call("GET", "/api/v1/customers/999999", token=bob)
        self.assertEqual(missing.json["error"]["message"],
                         self.call("GET", f"/api/v1/customers/{cid}", token=bob).json["error"]["message"])


class DemoOff(ServerTestCase):
    settings = {"demo": False, "google_client_id": "client-123.apps.googleusercontent.com"}

    def test_demo_sign_in_is_404(self):
        self.assertError(self.call("POST", "/api/v1/auth/demo", {"email": "demo@reseller.example"}),
                         404, "not_found")

    def test_config_json_says_so(self):
        reply = self.call("GET", "/config.json")
        self.assertEqual(reply.json, {"api_base_url": "/api/v1",
                                      "google_client_id": "client-123.apps.googleusercontent.com",
                                      "demo_sign_in": False, "demo_email": ""})


class ConfigAndNotBuilt(ServerTestCase):
    def test_config_json_is_generated(self):
        reply = self.call("GET", "/config.json")
        self.assertEqual(reply.status, 200)
        self.assertEqual(reply.header("Content-Type"), "application/json; charset=utf-8")
        self.assertEqual(reply.header("Cache-Control"), "no-cache")
        self.assertEqual(reply.json, {"api_base_url": "/api/v1", "google_client_id": "",
                                      "demo_sign_in": True, "demo_email": ""})
        self.sign_in("demo@reseller.example")
        self.assertEqual(self.call("GET", "/config.json").json["demo_email"], "demo@reseller.example")

    def test_root_explains_that_the_console_is_not_built(self):
        reply = self.call("GET", "/")
        self.assertEqual(reply.status, 200)
        self.assertIn("text/html", reply.header("Content-Type"))
        self.assertIn(b"not built", reply.body)
        self.assertIn(b"serve.py", reply.body)
        self.assertEqual(reply.header("Content-Security-Policy"), CSP)

    def test_unknown_api_route_is_json_404(self):
        self.assertError(self.call("GET", "/api/v1/nothing-here"), 404, "not_found")
        self.assertError(self.call("GET", "/nothing-here.js"), 404, "not_found")


class StaticFiles(ServerTestCase):
    FILES = {
        "index.html": ("text/html; charset=utf-8", b"<!doctype html><title>console</title>"),
        "console.wasm": ("application/wasm", b"\0asm\1\0\0\0"),
        "console.js": ("text/javascript; charset=utf-8", b"console.log('hi')"),
        "manifest.webmanifest": ("application/manifest+json", b"{}"),
        "fonts/Roboto.ttf": ("font/ttf", b"\0\1\0\0"),
        "console.data": ("application/octet-stream", b"data"),
        "icon.svg": ("image/svg+xml", b"<svg/>"),
        "icon.png": ("image/png", b"\x89PNG"),
        "extra.json": ("application/json; charset=utf-8", b"{\"a\":1}"),
    }

    @classmethod
    def setUpClass(cls):
        cls.outer = tempfile.mkdtemp(prefix="static-")
        static = Path(cls.outer, "dist")
        for name, (_, data) in cls.FILES.items():
            (static / name).parent.mkdir(parents=True, exist_ok=True)
            (static / name).write_bytes(data)
        (static / "config.json").write_text('{"api_base_url": "stale"}')
        (static / ".hidden").write_text("secret")
        Path(cls.outer, "secret.txt").write_text("top secret")
        extra = Path(cls.outer, "extra")
        extra.mkdir()
        (extra / "fixture.html").write_text("<p>fixture</p>")
        cls.settings = {"static_dir": str(static), "static_extra": str(extra)}
        super().setUpClass()

    def test_files_with_mime_types_and_security_headers(self):
        for name, (mime, data) in self.FILES.items():
            reply = self.call("GET", "/" + name)
            self.assertEqual(reply.status, 200, name)
            self.assertEqual(reply.header("Content-Type"), mime, name)
            self.assertEqual(reply.body, data)
            self.assertEqual(reply.header("X-Content-Type-Options"), "nosniff")
            self.assertEqual(reply.header("Referrer-Policy"), "strict-origin-when-cross-origin")
            self.assertEqual(reply.header("Content-Security-Policy"), CSP)

    def test_index_and_config_are_not_cached(self):
        root = self.call("GET", "/")
        self.assertEqual(root.body, self.FILES["index.html"][1])
        self.assertEqual(root.header("Cache-Control"), "no-cache")
        config = self.call("GET", "/config.json")
        self.assertEqual(config.header("Cache-Control"), "no-cache")
        self.assertEqual(config.json["api_base_url"], "/api/v1")  # generated, not the file on disk

    def test_no_directory_listing(self):
        self.assertEqual(self.call("GET", "/fonts/").status, 404)
        self.assertEqual(self.call("GET", "/fonts").status, 404)

    def test_no_path_traversal(self):
        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/fonts/..%2f..%2fsecret.txt",
                     "/fonts/%2e%2e/%2e%2e/secret.txt", "//etc/passwd", "/%2fetc%2fpasswd",
                     "/.hidden", "/fonts/../../secret.txt", "/..\\secret.txt", "/index.html%00.png"]:
            reply = self.call("GET", path)
            self.assertEqual(reply.status, 404, path)
            self.assertNotIn(b"secret", reply.body, path)

    def test_head_and_etag(self):
        head = self.call("HEAD", "/console.wasm")
        self.assertEqual(head.status, 200)
        self.assertEqual(head.body, b"")
        self.assertEqual(head.header("Content-Length"), str(len(self.FILES["console.wasm"][1])))
        again = self.call("GET", "/console.wasm", headers={"If-None-Match": head.header("ETag")})
        self.assertEqual(again.status, 304)

    def test_static_is_read_only(self):
        reply = self.call("POST", "/index.html", raw=b"x")
        self.assertError(reply, 405, "method_not_allowed")
        self.assertEqual(reply.header("Allow"), "GET, HEAD")

    def test_extra_test_files(self):
        self.assertEqual(self.call("GET", "/__test__/fixture.html").body, b"<p>fixture</p>")
        self.assertEqual(self.call("GET", "/__test__/../dist/index.html").status, 404)


class NoStaticExtraByDefault(ServerTestCase):
    def test_test_prefix_is_not_served(self):
        self.assertEqual(self.call("GET", "/__test__/fixture.html").status, 404)


if __name__ == "__main__":
    unittest.main()
