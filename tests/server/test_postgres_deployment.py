"""The README's deployment recipe, run on this machine (issue 20): PostgreSQL from Debian's
binaries in a temporary folder, `serve.py migrate`, two serve.py, HAProxy with
deploy/haproxy.cfg in front. A reseller's journey goes through HAProxy while one serve.py is
stopped and started again, twice (SIGTERM, then SIGKILL): every write it got a 2xx for is in
the database, none twice."""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import uuid

from support import ROOT, request, sql
import postgres_cluster

SERVE = str(ROOT / "serve.py")
CONFIG = ROOT / "deploy" / "haproxy.cfg"
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
READY = re.compile(r"^Reseller Console: http://127\.0\.0\.1:(\d+)/$")


def wait_for(port, path="/api/v1/health", seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if request(port, "GET", path).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"nothing answers on port {port}")


class Api:
    """One serve.py of the deployment, on a fixed port so HAProxy finds it again."""

    def __init__(self, url, port):
        self.url, self.port, self.process = url, port, None

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, SERVE, "--skip-build", "--quiet", "--host", "127.0.0.1", "--port", str(self.port),
             "--db", self.url, "--trusted-proxy", "127.0.0.1"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            if READY.match(line.strip()):
                threading.Thread(target=self.process.stdout.read, daemon=True).start()
                return
        raise AssertionError("serve.py did not start")

    def stop(self, signum=signal.SIGTERM):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signum)  # SIGTERM finishes what is in flight; SIGKILL cuts it off
            self.process.wait(timeout=30)


@unittest.skipUnless(postgres_cluster.bin_dir() and os.path.exists(HAPROXY), "needs PostgreSQL and HAProxy")
class DeploymentRecipe(unittest.TestCase):
    def setUp(self):
        self.cluster = postgres_cluster.shared()
        self.url = self.cluster.new_database("deploy")
        self.tmp = tempfile.mkdtemp(prefix="deploy-")
        migrated = subprocess.run([sys.executable, SERVE, "migrate", "--db", self.url], capture_output=True,
                                  text=True, timeout=120)
        self.assertEqual(migrated.returncode, 0, migrated)
        self.apis = [Api(self.url, postgres_cluster.free_port()) for _ in range(2)]
        for api in self.apis:
            api.start()
        self.front = postgres_cluster.free_port()
        env = dict(os.environ, FRONTEND=f"127.0.0.1:{self.front}", API1=f"127.0.0.1:{self.apis[0].port}",
                   API2=f"127.0.0.1:{self.apis[1].port}")
        check = subprocess.run([HAPROXY, "-c", "-f", str(CONFIG)], env=env, capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        self.haproxy = subprocess.Popen([HAPROXY, "-db", "-f", str(CONFIG)], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(self.front)

    def tearDown(self):
        self.haproxy.terminate()
        self.haproxy.wait(timeout=30)
        for api in self.apis:
            api.stop()
        self.cluster.drop_database(self.url)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def send(self, method, path, body=None, token=None):
        """What the console does: a write carries an Idempotency-Key and is sent again, with the
        same key, until it gets an answer that is not a failure of the way there (502/503)."""
        headers = {"Idempotency-Key": uuid.uuid4().hex} if method in ("POST", "PATCH") else {}
        for _ in range(200):
            try:
                reply = request(self.front, method, path, body, token, headers=headers)
            except OSError:
                reply = None
            if reply is not None and reply.status not in (502, 503, 504):
                return reply
            self.retries += 1
            time.sleep(0.1)
        raise AssertionError(f"{method} {path} never got through")

    def test_the_journey_loses_nothing_and_applies_nothing_twice_while_a_process_restarts(self):
        self.retries, restarts = 0, []
        stop = threading.Event()

        def restart_api1():
            # Stopped as a service manager stops it (SIGTERM), then killed mid-request (SIGKILL):
            # a write it was answering is then lost on the way back, and sent again with its key.
            for signum in (signal.SIGTERM, signal.SIGKILL):
                if stop.is_set():
                    break
                time.sleep(1.5)
                self.apis[0].stop(signum)
                time.sleep(1.0)
                self.apis[0].start()
                restarts.append(time.monotonic())

        restarter = threading.Thread(target=restart_api1)
        restarter.start()
        token = self.send("POST", "/api/v1/auth/demo", {"email": "journey@reseller.example"}).json["token"]
        ordered = {}  # customer id -> licenses after each order that got a 2xx
        began = time.monotonic()
        try:
            step = 0
            while len(restarts) < 2 or step < 6:
                step += 1
                n = uuid.uuid4().hex[:8]
                reply = self.send("POST", "/api/v1/customers", {"name": f"Kunde {n}", "email": f"it@{n}.example",
                                                                "google_domain": f"{n}.example",
                                                                "organization": f"Firma {n}"}, token)
                self.assertEqual(reply.status, 201, reply)
                customer = reply.json
                link = customer["invitation"]["url"].rsplit("/", 1)[1]
                self.assertEqual(self.send("POST", f"/api/v1/invitations/{link}/accept", {"demo": True}).status, 200)
                path = f"/api/v1/customers/{customer['id']}/subscription"
                ordered[customer["id"]] = []
                for licenses in (5, 8, 12):
                    reply = self.send("POST", f"{path}/license-orders", {"licenses": licenses}, token)
                    self.assertEqual(reply.status, 201, reply)
                    ordered[customer["id"]].append(licenses)
                self.assertEqual(self.send("POST", f"{path}/plan", {"plan": "enterprise", "billing_cycle": "flexible"},
                                           token).status, 200)
                listed = self.send("GET", "/api/v1/customers?limit=100", token=token).json
                self.assertEqual(listed["total"], len(ordered))
                # On a quiet machine 40 journeys end before the second restart: go on until both
                # restarts happened (they take a few seconds), never forever.
                if time.monotonic() - began > 120:
                    break
        finally:
            stop.set()
            restarter.join(60)
        self.assertEqual(len(restarts), 2)
        print(f"deployment: {len(ordered)} customers, {self.retries} writes sent again", file=sys.stderr)
        # Everything that got a 2xx is there, once.
        rid = sql(self.url, "SELECT id FROM resellers WHERE email = 'journey@reseller.example'")[0][0]
        self.assertEqual(sql(self.url, "SELECT count(*) FROM customers WHERE reseller_id = ?", (rid,)), [(len(ordered),)])
        for customer_id, steps in ordered.items():
            orders = sql(self.url, "SELECT licenses_after FROM license_orders WHERE customer_id = ? ORDER BY id",
                         (customer_id,))
            self.assertEqual([row[0] for row in orders], steps)
            self.assertEqual(sql(self.url, "SELECT licenses, plan FROM subscriptions WHERE customer_id = ?",
                                 (customer_id,)), [(12, "enterprise")])
        seqs = [row[0] for row in sql(self.url, "SELECT seq FROM invoices WHERE reseller_id = ? ORDER BY seq", (rid,))]
        self.assertEqual(seqs, list(range(1, len(seqs) + 1)))
        changes = sql(self.url, "SELECT count(*) FROM activity WHERE reseller_id = ? AND action ="
                                " 'subscription.plan_changed'", (rid,))
        self.assertEqual(changes, [(len(ordered),)])


if __name__ == "__main__":
    unittest.main()
