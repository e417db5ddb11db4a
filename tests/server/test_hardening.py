"""What an outside probe found (issue 11): tampered cursors and deep JSON reached a 500,
CSV cells ran as formulas, any Content-Type was parsed as JSON, pages could be framed,
invitation links followed the Host header, invisible and bidi names were stored."""
import base64
import csv
import io
import json
import unittest

from support import ServerTestCase, fingerprint

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cursor(values):
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


class TamperedInput(ServerTestCase):
    def setUp(self):
        self.token = self.sign_in("tamper@example.com")

    def test_tampered_cursors_are_422_on_every_list(self):
        deep = "[" * 3_000 + "]" * 3_000  # past the JSON parser's recursion limit, under 414
        lists = {
            "/api/v1/customers": ["customers:name", "x", 1],
            "/api/v1/customers?sort=licenses": ["customers:licenses", 5, 1],
            "/api/v1/invoices": ["invoices", "2026-01-01T00:00:00Z", 1],
            "/api/v1/activity": ["activity", 1],
        }
        for path, good in lists.items():
            kind = good[0]
            bad = [
                {"a": 1}, [1, 2], 2 ** 70, [kind, {"a": 1}, 1], [kind, [1], 1], [kind, 2 ** 70, 2 ** 70],
                [kind, "x", 2 ** 70], [kind, True, False], [kind, None], [kind], [kind, 1.5, 1],
                [kind, *good[1:], 3], ["other", *good[1:]], [kind, "x" * 5000, 1][:len(good)],
            ]
            texts = [cursor(value) for value in bad]
            texts += [base64.urlsafe_b64encode(deep.encode()).decode(), "%%%", "bm90IGpzb24", "_" * 40,
                      base64.urlsafe_b64encode(b"\xff\xfe").decode()]
            separator = "&" if "?" in path else "?"
            for text in texts:
                with self.subTest(path=path, cursor=text[:60]):
                    reply = self.call("GET", f"{path}{separator}cursor={text}", token=self.token)
                    error = self.assertError(reply, 422, "validation_failed")
                    self.assertIn("cursor", error["fields"])
            self.assertEqual(self.call("GET", f"{path}{separator}cursor={cursor(good)}", token=self.token).status, 200)

    def test_json_nested_100000_deep_is_400(self):
        before = fingerprint(self.db_path)
        deep = b"[" * 100_000 + b"]" * 100_000
        for headers in ({}, {"Idempotency-Key": "deep-1"}):
            for path in ("/api/v1/customers", "/api/v1/auth/demo"):
                with self.subTest(path=path, headers=headers):
                    reply = self.call("POST", path, raw=deep, token=self.token,
                                      headers={"Content-Type": "application/json", **headers})
                    self.assertError(reply, 400, "invalid_json")
        deep_object = b'{"name": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
        self.assertError(self.call("POST", "/api/v1/customers", raw=deep_object, token=self.token,
                                   headers={"Content-Type": "application/json"}), 400, "invalid_json")
        self.assertEqual(fingerprint(self.db_path), before)
        self.assertEqual(self.call("GET", "/api/v1/health").status, 200)

    def test_bodies_must_be_json(self):
        before = fingerprint(self.db_path)
        body = json.dumps({"name": "A", "email": "a@media.de", "google_domain": "media.de",
                           "organization": "M"}).encode()
        for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                             "application/jsonp", "", "text/json"):
            with self.subTest(content_type=content_type):
                headers = {"Content-Type": content_type} if content_type else {}
                reply = self.call("POST", "/api/v1/customers", raw=body, token=self.token, headers=headers)
                self.assertError(reply, 415, "unsupported_media_type")
        self.assertEqual(fingerprint(self.db_path), before)
        reply = self.call("POST", "/api/v1/customers", raw=body, token=self.token,
                          headers={"Content-Type": "Application/JSON; charset=utf-8"})
        self.assertEqual(reply.status, 201, reply)
        # No body, no type needed.
        self.assertEqual(self.call("POST", "/api/v1/auth/logout", token=self.sign_in("t2@example.com")).status, 204)


class CsvFormulas(ServerTestCase):
    NAMES = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1+1)", "=HYPERLINK(\"http://x\")"]

    def test_formula_cells_are_neutralised_in_the_export(self):
        token = self.sign_in("csv@example.com")
        for n, name in enumerate(self.NAMES):
            customer = self.invite(token, n, name=name, organization="@SUM(1+1)")
            self.accept(customer)
            self.ok("POST", f"/api/v1/customers/{customer['id']}/subscription/license-orders", {"licenses": 7},
                    token, status=201)
        reply = self.call("GET", "/api/v1/invoices/export.csv", token=token)
        self.assertEqual(reply.status, 200)
        rows = list(csv.reader(io.StringIO(reply.body.decode("utf-8"), newline="")))
        self.assertEqual(len(rows), 1 + len(self.NAMES))
        for row in rows:
            for cell in row:
                # A spreadsheet runs a cell that starts like a formula; only our own plain
                # amounts may start with a minus.
                if cell.startswith(FORMULA_STARTS):
                    self.assertRegex(cell, r"^-[0-9]+\.[0-9]{2}$", row)
        self.assertEqual({row[2] for row in rows[1:]}, {"'" + name for name in self.NAMES})
        self.assertEqual({row[3] for row in rows[1:]}, {"'@SUM(1+1)"})

    def test_every_cell_kind_is_neutralised(self):
        from partner_api.documents.invoices_csv import csv_chunks, safe_cell
        for value in ["=1", "+1", "-x", "@x", "\tx", "\rx"]:
            self.assertEqual(safe_cell(value), "'" + value)
        for value in ["-12.50", "12.50", "0", "Müller", "", "a=b", "'quoted"]:
            self.assertEqual(safe_cell(value), value)
        text = b"".join(csv_chunks(["=h"], [["\tTab", None, 5, "-3.00"]])).decode()
        self.assertEqual(list(csv.reader(io.StringIO(text, newline=""))), [["'=h"], ["'\tTab", "", "5", "-3.00"]])


class Framing(ServerTestCase):
    def test_pages_cannot_be_framed(self):
        token = self.sign_in("frame@example.com")
        customer = self.invite(token, 1)
        link = customer["invitation"]["url"]
        for path in (link[link.index("/invite/"):], "/invite/unknown-token", "/", "/config.json",
                     "/api/v1/health"):
            with self.subTest(path=path):
                reply = self.call("GET", path)
                if not path.startswith("/api/"):
                    self.assertIn("frame-ancestors 'none'", reply.header("Content-Security-Policy"))
                self.assertEqual(reply.header("X-Frame-Options"), "DENY")


def invitation_body(n):
    return {"name": f"Link {n}", "email": f"it@link-{n}.de", "google_domain": f"link-{n}.de",
            "organization": f"Link {n} GmbH"}


class InvitationLinks(ServerTestCase):
    def test_links_never_follow_the_host_header(self):
        token = self.sign_in("links@example.com")
        for n, host in enumerate(["evil.example", "evil.example:8080", "127.0.0.1:1"]):
            customer = self.ok("POST", "/api/v1/customers", invitation_body(n), token, status=201,
                               headers={"Host": host})
            self.assertTrue(customer["invitation"]["url"].startswith(f"http://127.0.0.1:{self.port}/invite/"),
                            customer["invitation"]["url"])
            again = self.ok("GET", f"/api/v1/customers/{customer['id']}", token=token, headers={"Host": host})
            self.assertTrue(again["invitation"]["url"].startswith(f"http://127.0.0.1:{self.port}/invite/"))
        self.assertFalse(any("evil.example" in line for line in self.log_lines if "outbox" in line))


class PublicUrlLinks(ServerTestCase):
    settings = {"public_url": "https://console.partner.example/"}

    def test_links_use_the_public_url(self):
        token = self.sign_in("public@example.com")
        customer = self.ok("POST", "/api/v1/customers", invitation_body(1), token, status=201,
                           headers={"Host": "evil.example"})
        self.assertTrue(customer["invitation"]["url"].startswith("https://console.partner.example/invite/"))


class TextFields(ServerTestCase):
    def setUp(self):
        self.token = self.sign_in("text@example.com")

    def test_invisible_bidi_and_control_names_are_422_with_the_fields_message(self):
        before = fingerprint(self.db_path)
        cases = {"\u200b": "visible", "\u3164\u3164": "visible", "\u200b \u2060\ufeff": "visible",
                 "Invoice\u202egnp.exe": "bidirectional", "A\u2066B\u2069": "bidirectional",
                 "Nul\x00": "control", "Two\nlines": "control", "Sep\u2028x": "control"}
        for n, (value, word) in enumerate(cases.items()):
            for field in ("name", "organization"):
                with self.subTest(field=field, value=ascii(value)):
                    body = {"name": "Anna", "email": f"a{n}@text-{n}.de", "google_domain": f"text-{n}.de",
                            "organization": "Text GmbH", field: value}
                    error = self.assertError(self.call("POST", "/api/v1/customers", body, self.token),
                                             422, "validation_failed")
                    self.assertEqual(set(error["fields"]), {field})
                    self.assertIn(word, error["fields"][field])
        customer = self.invite(self.token, 99)
        path = f"/api/v1/customers/{customer['id']}"
        error = self.assertError(self.call("PATCH", path, {"name": "A\u202eB"}, self.token), 422, "validation_failed")
        self.assertIn("bidirectional", error["fields"]["name"])
        self.assertEqual(self.ok("GET", path, token=self.token)["name"], customer["name"])
        self.assertEqual(self.ok("PATCH", path, {"name": "می\u200cخواهم"}, self.token)["name"], "می\u200cخواهم")

    def test_cancel_reason_refuses_nul_line_breaks_and_bidi(self):
        customer = self.active_customer(self.token, 5, licenses=3)
        path = f"/api/v1/customers/{customer['id']}/subscription/cancel"
        before = fingerprint(self.db_path)
        for reason in ("a\x00b", "line\r\nInjected: yes", "one\ntwo", "x\u202ey"):
            with self.subTest(reason=ascii(reason)):
                error = self.assertError(self.call("POST", path, {"when": "end_of_term", "reason": reason}, self.token),
                                         422, "validation_failed")
                self.assertEqual(set(error["fields"]), {"reason"})
        self.assertEqual(fingerprint(self.db_path), before)
        sub = self.ok("POST", path, {"when": "end_of_term", "reason": "Zu teuer – wechselt zu Produkt B"}, self.token)
        self.assertEqual(sub["cancel_reason"], "Zu teuer – wechselt zu Produkt B")


if __name__ == "__main__":
    unittest.main()
