"""What the database and the log keep (issue 24): no invitation token in plain text anywhere in
the database (the link is still shown and still works, across restarts and from before the
upgrade), no session token in a stored answer, nothing kept forever (sessions, stored answers
and the outbox are purged in the background), no invitation token in any log line, and with
--log-json every line JSON."""
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

from support import POSTGRES, ROOT, T0, ServerTestCase, request, sql, sqlite_only
from test_cli import ServeProcess
from test_migrations import FIXTURE_V1, load_dump
from partner_api.clock import FakeClock
from partner_api.http.server import RunningServer, Settings


def database_text(target):
    """Every row of every table as text (what a stolen copy of the database would show)."""
    if POSTGRES:
        tables = [row[0] for row in sql(target, "SELECT table_name FROM information_schema.tables"
                                                " WHERE table_schema = current_schema()")]
    else:
        tables = [row[0] for row in sql(target, "SELECT name FROM sqlite_master WHERE type = 'table'")]
    lines = []
    for table in tables:
        for row in sql(target, f'SELECT * FROM "{table}"'):
            lines.append(" ".join(bytes(v).decode("utf-8", "replace") if isinstance(v, (bytes, memoryview))
                                  else str(v) for v in row))
    return "\n".join(lines)


def link_token(customer):
    return customer["invitation"]["url"].rsplit("/", 1)[1]


class NoTokenInThePlainAtRest(ServerTestCase):
    def test_invitation_links_are_shown_and_work_but_never_stored_in_plain_text(self):
        token = self.sign_in("links.at.rest@example.com")
        customer = self.invite(token, 1)
        resent = self.ok("POST", f"/api/v1/customers/{self.invite(token, 2)['id']}/invitation/resend", {}, token,
                         headers={"Idempotency-Key": "resend-at-rest"})
        replayed = self.ok("POST", f"/api/v1/customers/{resent['id']}/invitation/resend", {}, token,
                           headers={"Idempotency-Key": "resend-at-rest"})
        self.assertEqual(replayed, resent)  # a stored answer comes back with its link
        text = database_text(self.db_path)
        for secret in (link_token(customer), link_token(resent)):
            self.assertNotIn(secret, text)
        # The console's Copy link shows it; the invitation page and accepting take it.
        shown = self.ok("GET", f"/api/v1/customers/{customer['id']}", token=token)
        self.assertEqual(shown["invitation"]["url"], customer["invitation"]["url"])
        self.assertEqual(self.call("GET", f"/invite/{link_token(customer)}").status, 200)
        self.ok("POST", f"/api/v1/invitations/{link_token(customer)}/accept", {"demo": True})
        if not POSTGRES:  # the secret beside a SQLite file (PostgreSQL's is given to every serve.py)
            self.assertTrue(os.path.exists(self.db_path + ".secret"))
            self.assertEqual(os.stat(self.db_path + ".secret").st_mode & 0o777, 0o600)

    def test_a_sign_in_answer_is_never_stored(self):
        first = self.call("POST", "/api/v1/auth/demo", {"email": "signin.key@example.com"},
                          headers={"Idempotency-Key": "sign-in-1"})
        self.assertEqual(first.status, 200)
        self.assertNotIn(first.json["token"], database_text(self.db_path))
        again = self.call("POST", "/api/v1/auth/demo", {"email": "signin.key@example.com"},
                          headers={"Idempotency-Key": "sign-in-1"})
        self.assertEqual(again.status, 200)
        self.assertNotEqual(again.json["token"], first.json["token"])  # a retry is a new session
        self.ok("GET", "/api/v1/me", token=first.json["token"])


class Sealing(unittest.TestCase):
    def test_a_sealed_token_opens_with_its_secret_only(self):
        from partner_api.domain.links import LinkSeal
        seal, other = LinkSeal(b"k" * 32), LinkSeal(b"o" * 32)
        sealed = seal.seal("t0k3n-_abcdefghijklmnopqrstuvwxyz0123456789")
        self.assertNotIn("t0k3n", sealed)
        self.assertEqual(seal.open(sealed), "t0k3n-_abcdefghijklmnopqrstuvwxyz0123456789")
        self.assertNotEqual(seal.seal("same"), seal.seal("same"))  # a new nonce each time
        self.assertIsNone(other.open(sealed))
        flipped = sealed[:-3] + ("A" if sealed[-3] != "A" else "B") + sealed[-2:]
        self.assertIsNone(seal.open(flipped))
        for junk in (None, "", "plain-token", "sealed1.", "sealed1.!!!", "sealed1." + "A" * 10):
            self.assertIsNone(seal.open(junk))
        text = "Accept: http://x/invite/AbCdEfGhIjKlMnOpQrStUv and http://x/invite/unavailable"
        sealed_text = seal.seal_links(text)
        self.assertNotIn("AbCdEfGhIjKlMnOpQrStUv", sealed_text)
        self.assertEqual(seal.open_links(sealed_text), text)
        self.assertEqual(other.open_links(sealed_text), text.replace("AbCdEfGhIjKlMnOpQrStUv", "unavailable"))


@sqlite_only("the first release's SQLite dump")
class LinksSurviveARestart(unittest.TestCase):
    def test_the_link_is_the_same_after_a_restart_and_from_before_the_upgrade(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "v1.db")
            load_dump(FIXTURE_V1, db)
            conn = sqlite3.connect(db)
            legacy = conn.execute("SELECT customer_id, url_token FROM invitations WHERE url_token IS NOT NULL"
                                  " AND status = 'pending'").fetchall()
            conn.close()
            self.assertTrue(legacy)
            settings = dict(port=0, db_path=db, static_dir="", quiet=True, demo=True,
                            clock=FakeClock(T0.replace(day=27)))
            for _ in range(2):
                server = RunningServer(Settings(**settings)).start()
                try:
                    token = request(server.port, "POST", "/api/v1/auth/demo",
                                    {"email": "demo@reseller.example"}).json["token"]
                    for customer_id, old_token in legacy:
                        shown = request(server.port, "GET", f"/api/v1/customers/{customer_id}", token=token).json
                        self.assertTrue(shown["invitation"]["url"].endswith(f"/invite/{old_token}"), shown)
                finally:
                    server.stop()
                text = database_text(db)
                for _, old_token in legacy:
                    self.assertNotIn(old_token, text)


class PurgedInTheBackground(ServerTestCase):
    settings = {"purge_every": 0.2}

    def count(self, query):
        return sql(self.db_path, query)[0][0]

    def wait_for(self, condition, seconds=10):
        deadline = time.monotonic() + seconds
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.1)
        return condition()

    def test_expired_sessions_old_answers_and_the_old_outbox_go(self):
        old = self.sign_in("purge.old@example.com")
        signed_out = self.sign_in("purge.out@example.com")
        self.ok("POST", "/api/v1/auth/logout", token=signed_out, status=204)
        self.invite(old, 1)
        self.ok("POST", "/api/v1/customers", {"name": "Alt", "email": "a@alt-key.de", "google_domain": "alt-key.de",
                                              "organization": "Alt"}, old, status=201,
                headers={"Idempotency-Key": "purge-old-key"})
        self.assertGreaterEqual(self.count("SELECT COUNT(*) FROM outbox"), 2)
        self.clock.advance(days=31)
        fresh = self.sign_in("purge.fresh@example.com")
        self.invite(fresh, 2)
        self.ok("POST", "/api/v1/customers", {"name": "Neu", "email": "a@neu-key.de", "google_domain": "neu-key.de",
                                              "organization": "Neu"}, fresh, status=201,
                headers={"Idempotency-Key": "purge-fresh-key"})
        # Nobody asks anything: the background step does it.
        self.assertTrue(self.wait_for(lambda: self.count("SELECT COUNT(*) FROM sessions") == 1),
                        self.count("SELECT COUNT(*) FROM sessions"))
        self.assertTrue(self.wait_for(lambda: self.count("SELECT COUNT(*) FROM idempotency_keys") == 1))
        self.assertTrue(self.wait_for(lambda: self.count("SELECT COUNT(*) FROM outbox") == 2))
        self.assertEqual(self.count("SELECT COUNT(*) FROM idempotency_keys WHERE key = 'purge-fresh-key'"), 1)
        self.ok("GET", "/api/v1/me", token=fresh)
        self.assertError(self.call("GET", "/api/v1/me", token=old), 401, "unauthorized")


class LogsHoldNoLinks(ServerTestCase):
    settings = {"quiet": False}

    def test_no_log_line_holds_an_invitation_token(self):
        token = self.sign_in("log.links@example.com")
        customer = self.invite(token, 1)
        resent = self.ok("POST", f"/api/v1/customers/{customer['id']}/invitation/resend", {}, token)
        self.call("GET", f"/invite/{link_token(resent)}")
        self.call("POST", f"/api/v1/invitations/{link_token(resent)}/accept", {"demo": True})
        time.sleep(0.2)
        text = "\n".join(self.log_lines)
        self.assertIn("outbox", text)  # the outbox line is there, without the link
        for secret in (link_token(customer), link_token(resent)):
            self.assertNotIn(secret, text)


class EveryLineIsJson(unittest.TestCase):
    """--log-json: start-up, migrations, requests, the outbox, a traceback and the stop are
    each one JSON object per line, on stderr and stdout alike."""

    @sqlite_only("an upgrade of the first release's SQLite dump")
    def test_serve_py_with_log_json(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "v1.db")
            load_dump(FIXTURE_V1, db)  # an upgrade: migration lines
            serve = [sys.executable, str(ROOT / "serve.py"), "--skip-build", "--port", "0", "--db", db,
                     "--log-json", "--demo"]
            process = subprocess.Popen(serve, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                ready = json.loads(process.stdout.readline())
                port = int(ready["url"].rstrip("/").rsplit(":", 1)[1])
                token = request(port, "POST", "/api/v1/auth/demo", {"email": "json.logs@example.com"}).json["token"]
                request(port, "POST", "/api/v1/customers", {"name": "Json", "email": "a@json-logs.de",
                                                            "google_domain": "json-logs.de",
                                                            "organization": "Json"}, token)
            finally:
                process.terminate()
                out, err = process.communicate(timeout=30)
            self.assertEqual(process.returncode, 0, err)
            lines = [line for line in (out + err).splitlines() if line.strip()]
            entries = []
            for line in lines:
                with self.subTest(line=line[:120]):
                    entry = json.loads(line)
                    self.assertIsInstance(entry, dict)
                    self.assertIn("time", entry)
                    entries.append(entry)
            messages = " ".join(str(e.get("message", "")) for e in entries)
            for expected in ("Partner API", "Upgrading the database", "outbox", "POST /api/v1/customers",
                             "Stopped cleanly"):
                self.assertIn(expected, messages)

    def test_a_traceback_is_one_json_line(self):
        lines = []
        with tempfile.TemporaryDirectory() as tmp:
            server = RunningServer(Settings(port=0, db_path=os.path.join(tmp, "t.db"), static_dir="", log_json=True,
                                            log=lines.append, clock=FakeClock(T0))).start()
            try:
                def broken(request):
                    raise RuntimeError("a bug\nover two lines")
                route, _ = server.app.router.match("GET", "/api/v1/health")
                route.handler = broken
                self.assertEqual(request(server.port, "GET", "/api/v1/health").status, 500)
            finally:
                server.stop()
        entries = [json.loads(line) for line in lines]
        failure = next(e for e in entries if e["level"] == "error")
        self.assertIn("RuntimeError", failure["traceback"])
        self.assertTrue(all("\n" not in line for line in lines))


if __name__ == "__main__":
    unittest.main()
