"""What the second outside probe found in the partner API (issue 24), beyond the connection
layer (test_connections.py) and backup/restore (test_operations.py): lone surrogates, a date
past the calendar's end, CSV formulas behind ';', invisible names, HEAD on API routes, the
unknown Google key fetched every time, kiosk resets without a limit, the sign-in limiter that
never forgot an address, and X-Forwarded-For from a trusted proxy only."""
import base64
import csv
import io
import json
import re
import unittest

from support import ServerTestCase, fingerprint, request
from partner_api.http.rate_limit import RateLimiter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_AMOUNT = re.compile(r"^-?[0-9]+\.[0-9]{2}$")


def cursor(values):
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


class LoneSurrogates(ServerTestCase):
    """A JSON key "\\ud800" dropped the connection (the error echoing it could not be encoded);
    a cursor holding one answered 500 (SQLite cannot bind it)."""

    def test_a_lone_surrogate_anywhere_in_a_body_is_400(self):
        token = self.sign_in("surrogates@example.com")
        before = fingerprint(self.db_path)
        bodies = [b'{"\\ud800": 1}', b'{"email": "a@b.de", "\\udfff": true}', b'{"email": "\\ud800@b.de"}',
                  b'{"name": "A\\udc00", "email": "a@s.de", "google_domain": "s.de", "organization": "S"}',
                  b'{"nested": [{"x": "\\ud83d"}]}']
        for path, headers in (("/api/v1/auth/demo", {}), ("/api/v1/customers", {}),
                              ("/api/v1/customers", {"Idempotency-Key": "surrogate-1"})):
            for body in bodies:
                with self.subTest(path=path, body=body, headers=headers):
                    reply = self.call("POST", path, raw=body, token=token,
                                      headers={"Content-Type": "application/json", **headers})
                    error = self.assertError(reply, 400, "invalid_json")
                    self.assertIn("surrogate", error["message"])
        self.assertEqual(fingerprint(self.db_path), before)
        # A pair written as two escapes is one real character, and fine.
        self.ok("POST", "/api/v1/customers", raw=b'{"name": "Smile \\ud83d\\ude00", "email": "a@smile.de",'
                b' "google_domain": "smile.de", "organization": "Smile GmbH"}', token=token, status=201,
                headers={"Content-Type": "application/json"})

    def test_a_cursor_holding_a_lone_surrogate_is_422(self):
        token = self.sign_in("surrogate.cursor@example.com")
        for path, value in (("/api/v1/customers", ["customers:name", "\ud800", 1]),
                            ("/api/v1/invoices", ["invoices", "\udfff", 1])):
            text = base64.urlsafe_b64encode(json.dumps(value).encode()).decode()
            with self.subTest(path=path):
                error = self.assertError(self.call("GET", f"{path}?cursor={text}", token=token), 422,
                                         "validation_failed")
                self.assertIn("cursor", error["fields"])


class DatesAtTheEndOfTheCalendar(ServerTestCase):
    def test_to_9999_12_31_means_everything(self):
        token = self.sign_in("calendar@example.com")
        self.active_customer(token, 1, licenses=5)
        everything = self.ok("GET", "/api/v1/invoices", token=token)["total"]
        self.assertGreater(everything, 0)
        for query in ("to=9999-12-31", "from=0001-01-01&to=9999-12-31"):
            with self.subTest(query=query):
                self.assertEqual(self.ok("GET", f"/api/v1/invoices?{query}", token=token)["total"], everything)
                export = self.call("GET", f"/api/v1/invoices/export.csv?{query}", token=token)
                self.assertEqual(export.status, 200, export)
                self.assertEqual(export.body.decode().count("\r\n"), everything + 1)
        self.assertEqual(self.ok("GET", "/api/v1/invoices?from=9999-12-31", token=token)["total"], 0)


class CsvFormulasBehindSeparators(ServerTestCase):
    """German Excel splits on ';': a name like ';=1+1;' became the cell '=1+1'."""
    NAMES = [";=1+1;", "Müller;=HYPERLINK(\"http://x\")", "a,=1+1", "x;@SUM(1)", "ok; -5", "fine; +1"]

    def test_no_cell_starts_a_formula_whichever_separator_a_spreadsheet_splits_on(self):
        token = self.sign_in("separators@example.com")
        for n, name in enumerate(self.NAMES):
            customer = self.invite(token, n, name=name, organization=f"Org;={n}")
            self.accept(customer)
            self.ok("POST", f"/api/v1/customers/{customer['id']}/subscription/license-orders", {"licenses": 7},
                    token, status=201)
        text = self.call("GET", "/api/v1/invoices/export.csv", token=token).body.decode("utf-8")
        for delimiter in (",", ";"):
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
            for row in rows:
                for cell in row:
                    with self.subTest(delimiter=delimiter, cell=cell):
                        self.assertFalse(cell.startswith(FORMULA_STARTS) and not PLAIN_AMOUNT.match(cell), row)
        for line in text.split("\r\n"):
            # A reader that ignores quotes altogether.
            for piece in re.split(r"[,;]", line):
                piece = piece.strip('"')
                self.assertFalse(piece.lstrip(" ").startswith(FORMULA_STARTS) and not PLAIN_AMOUNT.match(piece),
                                 (piece, line))
        # With quotes read, the names come back whole, each formula start behind a separator marked.
        rows = list(csv.reader(io.StringIO(text, newline="")))
        self.assertIn(";'=1+1;", {row[2] for row in rows[1:]})
        self.assertIn("a,'=1+1", {row[2] for row in rows[1:]})

    def test_safe_cell_and_quoting(self):
        from partner_api.documents.invoices_csv import csv_chunks, safe_cell
        self.assertEqual(safe_cell(";=1+1;"), ";'=1+1;")
        self.assertEqual(safe_cell("=a;=b,@c"), "'=a;'=b,'@c")
        self.assertEqual(safe_cell("a; =1"), "a;' =1")
        self.assertEqual(safe_cell("-12.50"), "-12.50")
        self.assertEqual(safe_cell("Müller; Söhne"), "Müller; Söhne")
        line = b"".join(csv_chunks(["h"], [["a;b", "c,d", 'e"f', "plain"]])).decode().split("\r\n")[1]
        self.assertEqual(line, '"a;b","c,d","e""f",plain')


class InvisibleNames(ServerTestCase):
    def test_names_made_only_of_format_controls_noncharacters_or_private_use_are_422(self):
        token = self.sign_in("invisible@example.com")
        before = fingerprint(self.db_path)
        for n, value in enumerate(["\ufff9\ufffa\ufffb", "\U0001bca0\U0001bca3", "\U00013430\U0001343f",
                                   "\ufdd0\ufdef", "\ufffe\uffff", "\U0001fffe", "\ue000\uf8ff", "\U000f0000 \U0010fffd",
                                   " \ufff9 \ue000 "]):
            for field in ("name", "organization"):
                with self.subTest(field=field, value=ascii(value)):
                    body = {"name": "Anna", "email": f"a{n}@inv-{n}.de", "google_domain": f"inv-{n}.de",
                            "organization": "Inv GmbH", field: value}
                    error = self.assertError(self.call("POST", "/api/v1/customers", body, token), 422,
                                             "validation_failed")
                    self.assertIn("visible", error["fields"][field])
        self.assertEqual(fingerprint(self.db_path), before)
        # Beside letters they are allowed (a private-use logo glyph in a company name).
        self.invite(token, 50, organization="Logo \ue000 GmbH")


class HeadOnApiRoutes(ServerTestCase):
    def test_head_answers_like_get_without_a_body(self):
        token = self.sign_in("head@example.com")
        self.active_customer(token, 1, licenses=3)
        for path in ("/api/v1/health", "/api/v1/customers", "/api/v1/invoices", "/api/v1/invoices/export.csv"):
            with self.subTest(path=path):
                got = self.call("GET", path, token=token)
                head = self.call("HEAD", path, token=token)
                self.assertEqual(head.status, 200, head)
                self.assertEqual(head.body, b"")
                self.assertEqual(head.header("Content-Type"), got.header("Content-Type"))
                self.assertEqual(head.header("Cache-Control"), "no-store")
                if got.header("Content-Length"):
                    self.assertEqual(head.header("Content-Length"), got.header("Content-Length"))
        self.assertEqual(self.call("HEAD", "/api/v1/customers").status, 401)
        self.assertEqual(self.call("POST", "/api/v1/health").header("Allow"), "GET, HEAD")


class KioskResetsAreLimited(ServerTestCase):
    settings = {"demo": True, "kiosk": True, "kiosk_resets_per_minute": 5}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server.app.domain.kiosk.prepare("http://kiosk.test")

    def test_a_burst_of_resets_is_429_with_retry_after(self):
        token = self.sign_in()
        statuses = [self.call("POST", "/api/v1/kiosk/reset", {}, token) for _ in range(8)]
        self.assertEqual([r.status for r in statuses], [200] * 5 + [429] * 3)
        error = self.assertError(statuses[-1], 429, "rate_limited")
        self.assertIn("reset", error["message"])
        self.assertTrue(1 <= int(statuses[-1].header("Retry-After")) <= 60)


class SignInLimiterMemory(unittest.TestCase):
    def test_the_limiter_forgets_addresses_and_stays_bounded(self):
        now = [0.0]
        limiter = RateLimiter(3, 60, monotonic=lambda: now[0])
        for n in range(30_000):
            now[0] += 0.001
            self.assertEqual(limiter.check(f"10.{n // 65536}.{n // 256 % 256}.{n % 256}"), 0)
        self.assertLessEqual(limiter.size(), 10_000)
        # A busy address keeps its count however many others come and go.
        for _ in range(3):
            limiter.check("192.0.2.1")
        for n in range(20_000):
            now[0] += 0.0001
            limiter.check(f"198.51.{n // 256 % 256}.{n % 256}")
        self.assertGreater(limiter.check("192.0.2.1"), 0)
        now[0] += 61
        self.assertEqual(limiter.check("192.0.2.1"), 0)
        now[0] += 3600
        limiter.check("203.0.113.1")
        self.assertLessEqual(limiter.size(), 2)


class BehindATrustedProxy(ServerTestCase):
    settings = {"trusted_proxies": ("127.0.0.1/32",), "sign_in_attempts": 3, "quiet": False,
                "max_connections": 8}

    def sign_in_as(self, forwarded, source="127.0.0.1"):
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5, source_address=(source, 0))
        headers = {"Content-Type": "application/json"}
        if forwarded:
            headers["X-Forwarded-For"] = forwarded
        conn.request("POST", "/api/v1/auth/demo", body=b'{"email": "proxied@example.com"}', headers=headers)
        status = conn.getresponse().status
        conn.close()
        return status

    def test_each_client_behind_the_proxy_has_its_own_bucket(self):
        self.assertEqual([self.sign_in_as("203.0.113.5") for _ in range(4)], [200, 200, 200, 429])
        self.assertEqual(self.sign_in_as("198.51.100.7, 203.0.113.9"), 200)  # the nearest hop counts
        self.assertEqual(self.sign_in_as("203.0.113.6"), 200)
        self.assertTrue(any(" 203.0.113.6 POST /api/v1/auth/demo 200" in line for line in self.log_lines))

    def test_other_peers_cannot_pick_their_bucket(self):
        statuses = [self.sign_in_as(f"192.0.2.{n}", source="127.0.0.9") for n in range(4)]
        self.assertEqual(statuses, [200, 200, 200, 429])

    def test_the_proxy_is_not_held_to_one_addresses_share(self):
        import socket
        held = [socket.create_connection(("127.0.0.1", self.port)) for _ in range(6)]
        try:
            replies = []
            for sock in held:
                sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
                replies.append(sock.recv(12))
            self.assertEqual(replies, [b"HTTP/1.1 200"] * 6)
        finally:
            for sock in held:
                sock.close()


class ForwardedForIsIgnoredWithoutATrustedProxy(ServerTestCase):
    settings = {"sign_in_attempts": 3}

    def test_a_forged_header_does_not_escape_the_limit(self):
        statuses = [request(self.port, "POST", "/api/v1/auth/demo", {"email": "forged@example.com"},
                            headers={"X-Forwarded-For": f"192.0.2.{n}"}).status for n in range(4)]
        self.assertEqual(statuses, [200, 200, 200, 429])


if __name__ == "__main__":
    unittest.main()
