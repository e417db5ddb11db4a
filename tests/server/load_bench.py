#!/usr/bin/env python3
"""Load figures for the README (a benchmark, not a test): a real serve.py with the demo data,
keep-alive clients issuing the console's reads (customer list, a customer, dashboard, invoices),
at 16 and 32 clients, then again with 300 idle connections open and with 300 slow clients
trickling headers; and license orders with synchronous=FULL against NORMAL in the same run.

    python3 tests/server/load_bench.py [--seconds 6]

Every request goes to 127.0.0.1 only; each phase is bounded in time and the server is stopped
at the end. The machine is shared: compare figures within one run, not across runs."""
import argparse
import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READY = re.compile(r"^Reseller Console: http://127\.0\.0\.1:(\d+)/$")


class Server:
    def __init__(self, db, *extra):
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "serve.py"), "--skip-build", "--quiet", "--port", "0", "--db", db,
             "--max-connections", "1024", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            match = READY.match(line.strip())
            if match:
                self.port = int(match.group(1))
                return
        raise SystemExit("serve.py did not start")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


class Client:
    def __init__(self, port, token):
        self.port, self.token = port, token
        self.conn = None

    def call(self, method, path, body=None, headers=None):
        for attempt in range(3):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                all_headers = {"Authorization": f"Bearer {self.token}", **(headers or {})}
                data = None
                if body is not None:
                    data = json.dumps(body).encode()
                    all_headers["Content-Type"] = "application/json"
                self.conn.request(method, path, body=data, headers=all_headers)
                response = self.conn.getresponse()
                payload = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return response.status, payload
            except (OSError, http.client.HTTPException):
                self.conn.close()
                self.conn = None
        return 0, b""


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def read_mix(port, token, clients, seconds):
    """Each client loops over the console's reads; returns (requests/s, p50, p95, p99, errors)."""
    setup = Client(port, token)
    ids = [c["id"] for c in json.loads(setup.call("GET", "/api/v1/customers?limit=50")[1])["items"]]
    paths = ["/api/v1/customers?limit=50", "/api/v1/dashboard", "/api/v1/invoices?limit=50"] + \
            [f"/api/v1/customers/{i}" for i in ids[:10]]
    latencies, errors, lock = [], [0], threading.Lock()
    stop_at = time.monotonic() + seconds

    def run(n):
        client, mine, bad = Client(port, token), [], 0
        k = n
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            status, _ = client.call("GET", paths[k % len(paths)])
            mine.append(time.perf_counter() - started)
            bad += status != 200
            k += 1
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=run, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.monotonic() - started
    return (len(latencies) / took, percentile(latencies, 0.5), percentile(latencies, 0.95),
            percentile(latencies, 0.99), errors[0])


class Crowd:
    """300 connections that either sit idle or trickle a request's headers a byte at a time;
    whichever the server closes is opened again, so 300 stay open for the whole phase. They come
    from four loopback addresses (127.0.0.2-5), as four clients would: one address may hold a
    quarter of the connection cap."""

    def __init__(self, port, count, slow):
        self.port, self.count, self.slow = port, count, slow
        self.stop = threading.Event()
        self.open_now = 0
        self.thread = threading.Thread(target=self.run)

    def run(self):
        sockets = []
        while not self.stop.is_set():
            while len(sockets) < self.count and not self.stop.is_set():
                try:
                    source = (f"127.0.0.{2 + len(sockets) % 4}", 0)
                    sock = socket.create_connection(("127.0.0.1", self.port), timeout=5, source_address=source)
                    sock.setblocking(False)
                    sockets.append(sock)
                except OSError:
                    time.sleep(0.05)
                    break
            alive = []
            for sock in sockets:
                try:
                    if self.slow:
                        sock.send(b"G")  # never a whole request line
                    if sock.recv(1) == b"":
                        sock.close()
                        continue
                except BlockingIOError:
                    pass
                except OSError:
                    sock.close()
                    continue
                alive.append(sock)
            sockets = alive
            self.open_now = len(sockets)
            self.stop.wait(0.5)
        for sock in sockets:
            sock.close()

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 10
        while self.open_now < self.count and time.monotonic() < deadline:
            time.sleep(0.1)
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def orders(port, token, clients, seconds):
    """License orders (+1 each, with expected_licenses), one customer per client; p50/p95 in ms."""
    setup = Client(port, token)
    ids = []
    for n in range(clients):
        _, body = setup.call("POST", "/api/v1/customers", {"name": f"Bench {n}", "email": f"it@bench-{n}.de",
                                                           "google_domain": f"bench-{n}-{time.time_ns()}.de",
                                                           "organization": "Bench"})
        customer = json.loads(body)
        setup.call("POST", f"/api/v1/invitations/{customer['invitation']['url'].rsplit('/', 1)[1]}/accept", {"demo": True})
        ids.append(customer["id"])
    latencies, lock = [], threading.Lock()
    stop_at = time.monotonic() + seconds

    def run(cid):
        client, mine, licenses = Client(port, token), [], 5
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            status, body = client.call("POST", f"/api/v1/customers/{cid}/subscription/license-orders",
                                       {"licenses": licenses + 1, "expected_licenses": licenses})
            mine.append(time.perf_counter() - started)
            if status == 201:
                licenses += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=run, args=(cid,)) for cid in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies) / seconds, percentile(latencies, 0.5), percentile(latencies, 0.95)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=6, help="length of each phase (default 6)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="load-bench-") as tmp:
        server = Server(os.path.join(tmp, "bench.db"))
        try:
            token = Client(server.port, "").call("POST", "/api/v1/auth/demo", {"email": "demo@reseller.example"})[1]
            token = json.loads(token)["token"]
            read_mix(server.port, token, 4, 1)  # warm-up
            print(f"{'reads (list, customer, dashboard, invoices)':<52} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7}"
                  f" {'p99 ms':>7} {'errors':>6}")
            for label, clients, crowd in [("16 clients", 16, None), ("32 clients", 32, None),
                                          ("16 clients, 300 idle connections open", 16, "idle"),
                                          ("16 clients, 300 slow clients trickling headers", 16, "slow")]:
                if crowd:
                    with Crowd(server.port, 300, crowd == "slow") as held:
                        figures = read_mix(server.port, token, clients, args.seconds)
                        label += f" ({held.open_now} open at the end)"
                else:
                    figures = read_mix(server.port, token, clients, args.seconds)
                rps, p50, p95, p99, errors = figures
                print(f"{label:<52} {rps:7.0f} {p50:7.1f} {p95:7.1f} {p99:7.1f} {errors:6d}", flush=True)
        finally:
            server.stop()
        print(f"\n{'license orders, 8 clients':<52} {'orders/s':>8} {'p50 ms':>7} {'p95 ms':>7}")
        for sync in ("NORMAL", "FULL"):
            server = Server(os.path.join(tmp, f"orders-{sync}.db"), "--synchronous", sync)
            try:
                token = json.loads(Client(server.port, "").call(
                    "POST", "/api/v1/auth/demo", {"email": "orders@example.com"})[1])["token"]
                rate, p50, p95 = orders(server.port, token, 8, args.seconds)
                print(f"{'synchronous=' + sync:<52} {rate:8.0f} {p50:7.1f} {p95:7.1f}", flush=True)
            finally:
                server.stop()


if __name__ == "__main__":
    main()
