"""serve.py as a program: the ready line, port 0, --help, demo seeding, reseller add,
config.json from options, clean shutdown on SIGTERM and SIGINT."""
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import unittest

from support import ROOT, request

SERVE = str(ROOT / "serve.py")
READY = re.compile(r"^Reseller Console: http://127\.0\.0\.1:(\d+)/$")


def run(*args, env=None):
    return subprocess.run([sys.executable, SERVE, *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})})


class ServeProcess:
    def __init__(self, *args, env=None):
        self.process = subprocess.Popen(
            [sys.executable, SERVE, "--skip-build", "--port", "0", "--quiet", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, **(env or {})})
        self.lines = []
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
            match = READY.match(line.rstrip("\n"))
            if match:
                self.port = int(match.group(1))
                return
        raise AssertionError(f"serve.py never got ready: {self.lines} {self.process.stderr.read()}")

    def more_lines(self, count):
        for _ in range(count):
            self.lines.append(self.process.stdout.readline().rstrip("\n"))
        return self.lines

    def stop(self, signum=signal.SIGTERM):
        self.process.send_signal(signum)
        out, err = self.process.communicate(timeout=20)
        return self.process.returncode, out, err


class ServeCommandLine(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "cli.db")

    def tearDown(self):
        self.tmp.cleanup()

    def test_help_documents_every_option(self):
        result = run("--help")
        self.assertEqual(result.returncode, 0)
        for option in ["--host", "--port", "--db", "--demo", "--skip-build", "--static",
                       "--google-client-id", "--google-jwks", "--public-url", "--allow-origin",
                       "--session-hours", "--quiet", "--log-json", "--max-connections", "reseller", "member",
                       "backup", "restore"]:
            self.assertIn(option, result.stdout)
        self.assertNotIn("--static-extra", result.stdout)

    def test_demo_mode_by_default_seeds_and_serves(self):
        server = ServeProcess("--db", self.db, "--static", os.path.join(self.tmp.name, "no-build"))
        try:
            self.assertIn("demo@reseller.example", server.more_lines(1)[-1])
            config = request(server.port, "GET", "/config.json").json
            self.assertEqual(config, {"api_base_url": "/api/v1", "google_client_id": "",
                                      "demo_sign_in": True, "demo_email": "demo@reseller.example"})
            token = request(server.port, "POST", "/api/v1/auth/demo",
                            {"email": "demo@reseller.example"}).json["token"]
            page = request(server.port, "GET", "/api/v1/customers?limit=200", token=token).json
            self.assertGreaterEqual(page["total"], 35)
            self.assertEqual({c["status"] for c in page["items"]}, {"invited", "active", "revoked", "cancelled"})
            self.assertIn(b"not built", request(server.port, "GET", "/").body)
            # Demo sign-in enters as the demo team's Admin; the team has one member of each role.
            me = request(server.port, "GET", "/api/v1/me", token=token).json
            self.assertEqual((me["member"]["email"], me["member"]["role"]), ("demo@reseller.example", "admin"))
            team = request(server.port, "GET", "/api/v1/team/members", token=token).json["items"]
            self.assertEqual([m["role"] for m in team], ["admin", "buyer", "sales", "viewer"])
            self.assertTrue(all(" " in m["name"] and "@" not in m["name"] for m in team))  # real-looking names
            history = request(server.port, "GET", "/api/v1/activity?limit=200", token=token).json["items"]
            kinds = {(e["actor"]["kind"], e["actor"]["email"]) for e in history}
            members = {email for kind, email in kinds if kind == "member"}
            self.assertGreaterEqual(len(members), 2, kinds)  # the history names several people
            self.assertIn(("system", None), kinds)
            # A demo team member's address enters as that member.
            viewer = request(server.port, "POST", "/api/v1/auth/demo", {"email": team[3]["email"]}).json
            self.assertEqual(viewer["member"]["role"], "viewer")
        finally:
            code, _, err = server.stop()
        self.assertEqual(code, 0, err)

    def test_sigint_stops_cleanly(self):
        server = ServeProcess("--db", self.db)
        code, out, err = server.stop(signal.SIGINT)
        self.assertEqual(code, 0, err)
        self.assertNotIn("Traceback", err)

    def test_google_client_id_turns_demo_off_unless_demo_is_given(self):
        server = ServeProcess("--db", self.db, env={"GOOGLE_CLIENT_ID": "abc.apps.googleusercontent.com"})
        try:
            config = request(server.port, "GET", "/config.json").json
            self.assertEqual(config["google_client_id"], "abc.apps.googleusercontent.com")
            self.assertFalse(config["demo_sign_in"])
            self.assertEqual(request(server.port, "POST", "/api/v1/auth/demo", {"email": "a@b.de"}).status, 404)
        finally:
            server.stop()
        server = ServeProcess("--db", self.db, "--demo", "--google-client-id", "xyz")
        try:
            config = request(server.port, "GET", "/config.json").json
            self.assertEqual((config["google_client_id"], config["demo_sign_in"]), ("xyz", True))
        finally:
            server.stop()

    def test_reseller_add(self):
        result = run("reseller", "add", "Partner@Example.com", "Example Partners GmbH", "--db", self.db)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("partner@example.com", result.stdout)
        again = run("reseller", "add", "partner@example.com", "Example Partners AG", "--db", self.db)
        self.assertEqual(again.returncode, 0)
        self.assertIn("Updated", again.stdout)
        bad = run("reseller", "add", "nope", "X", "--db", self.db)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("email", bad.stderr)

    def test_reseller_add_makes_that_person_the_first_admin(self):
        result = run("reseller", "add", "Owner@Example.com", "Example Partners GmbH", "--admin-name", "Olga Owner",
                     "--db", self.db)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Admin", result.stdout)
        self.assertEqual(self.team("owner@example.com"), [("owner@example.com", "Olga Owner", "admin")])
        run("reseller", "add", "second@example.com", "Second Partners", "--db", self.db)
        self.assertEqual(self.team("second@example.com"), [("second@example.com", "Second Partners", "admin")])
        bad = run("reseller", "add", "third@example.com", "Third", "--admin-name", " ", "--db", self.db)
        self.assertEqual(bad.returncode, 2)
        self.assertIn("admin-name", bad.stderr)

    def test_member_add(self):
        run("reseller", "add", "owner@example.com", "Example Partners GmbH", "--db", self.db)
        added = run("member", "add", "--reseller", "Owner@example.com", "Bea.Buyer@Example.com", "buyer",
                    "--name", "Bea Buyer", "--db", self.db)
        self.assertEqual(added.returncode, 0, added.stderr)
        self.assertIn("as Buyer", added.stdout)
        named = run("member", "add", "--reseller", "owner@example.com", "sam.sales@example.com", "sales", "--db", self.db)
        self.assertEqual(named.returncode, 0, named.stderr)
        self.assertEqual(self.team("owner@example.com"), [
            ("owner@example.com", "Example Partners GmbH", "admin"), ("bea.buyer@example.com", "Bea Buyer", "buyer"),
            ("sam.sales@example.com", "Sam Sales", "sales")])
        # Refusals change nothing and say why.
        for args, code, words in [
                (("--reseller", "nobody@example.com", "x@example.com", "viewer"), 1, "no reseller account"),
                (("--reseller", "owner@example.com", "bea.buyer@example.com", "admin"), 1, "already a member"),
                (("--reseller", "owner@example.com", "x@example.com", "owner"), 2, "invalid choice"),
                (("--reseller", "owner@example.com", "not-an-email", "viewer"), 2, "email"),
                (("owner@example.com", "x@example.com", "viewer"), 2, "--reseller")]:
            with self.subTest(args=args):
                result = run("member", "add", *args, "--db", self.db)
                self.assertEqual(result.returncode, code, result)
                self.assertIn(words, result.stderr)
        self.assertEqual(len(self.team("owner@example.com")), 3)
        # The history says the system (the operator's command line) added them.
        conn = sqlite3.connect(self.db)
        try:
            entries = conn.execute("SELECT actor_kind, action FROM activity ORDER BY id").fetchall()
        finally:
            conn.close()
        self.assertEqual(entries, [("system", "team.member_added")] * 2)

    def team(self, account):
        conn = sqlite3.connect(self.db)
        try:
            return conn.execute("SELECT m.email, m.name, m.role FROM members m JOIN resellers r ON r.id = m.reseller_id"
                                " WHERE r.email = ? AND m.removed_at IS NULL ORDER BY m.id", (account,)).fetchall()
        finally:
            conn.close()

    def test_port_in_use_fails_with_a_message(self):
        server = ServeProcess("--db", self.db)
        try:
            result = run("--skip-build", "--port", str(server.port), "--db", self.db + "-other")
            self.assertEqual(result.returncode, 1)
            self.assertIn("Cannot listen", result.stderr)
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
