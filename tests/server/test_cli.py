"""serve.py as a program: the ready line, port 0, --help, demo seeding, reseller add,
config.json from options, clean shutdown on SIGTERM and SIGINT."""
import os
import re
import signal
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
                       "--session-hours", "--quiet", "--log-json", "--max-connections", "reseller",
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
