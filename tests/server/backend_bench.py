#!/usr/bin/env python3
"""Benchmark (not a test): the partner API on SQLite with one serve.py, and on PostgreSQL with
one and with two serve.py, side by side on this machine, with the same data: 100,000 customers
(names in Latin, Greek and Japanese script) and 1,000,000 invoices for one reseller. For each:
list, search, detail and order p50/p95 and requests per second at 16 keep-alive clients.

    python3 tests/server/backend_bench.py [--customers N] [--invoices N] [--seconds S] [--clients C]

PostgreSQL runs in a throwaway cluster (tests/server/postgres_cluster.py) with fsync on, as
SQLite runs with synchronous=FULL. Clients, servers and the database share this machine's
cores: compare the columns within one run, not across machines."""
import argparse
import datetime as dt
import http.client
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))
import postgres_cluster  # noqa: E402
from partner_api.clock import iso  # noqa: E402
from partner_api.storage.backends import database  # noqa: E402
from partner_api.storage.postgres import load_psycopg  # noqa: E402
from partner_api.storage.postgres.areas import search_text  # noqa: E402
from partner_api.validation import sort_key  # noqa: E402

READY = re.compile(r"^Reseller Console: http://127\.0\.0\.1:(\d+)/$")
FIRST = ["Jürgen", "Sophie", "Lena", "Jörg", "Katharina", "Andreas", "Ute", "Matthias", "Sabine", "Björn",
         "Emily", "James", "Olivia", "Michael", "Charlotte", "Daniel", "Grace", "Henry", "Amelia", "Zoë"]
LAST = ["Müller", "Weiß", "Böhm", "Schäfer", "Groß", "Köhler", "Krämer", "Bäcker", "Fuß", "Hoffmann",
        "Clarke", "O'Connor", "Bennett", "Turner", "Hughes", "Foster", "Whitfield", "Lawson", "Brooks", "Grant"]
JAPANESE = ["山田太郎", "佐藤花子", "鈴木一郎", "高橋健太", "田中美咲", "伊藤翔太", "渡辺直子", "山本太郎"]
GREEK = ["Γιώργος Παπαδόπουλος", "Μαρία Νικολάου", "Δημήτρης Γεωργίου", "Ελένη Κωνσταντίνου"]
KINDS = ["GmbH", "AG", "KG", "Ltd", "& Partner", "Consulting", "Logistik", "Bau", "Design", "Legal"]
SEARCHES = ["müller", "weiß", "clarke", "consult", "太郎", "山田", "γιωργος", "c123", "hughes legal", "zoë"]


def rows(customers, invoices, now):
    """(customers, subscriptions, invoices) as plain tuples, the same for both databases."""
    rng = random.Random(1)
    today = now.date()
    people, subs = [], []
    for n in range(1, customers + 1):
        script = rng.random()
        if script < 0.08:
            name = rng.choice(JAPANESE)
        elif script < 0.12:
            name = rng.choice(GREEK)
        else:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        organization = f"{rng.choice(LAST)} {rng.choice(KINDS)} {n}"
        status = rng.choices(["active", "invited", "revoked", "cancelled"], [70, 10, 10, 10])[0]
        created = now - dt.timedelta(days=rng.randint(0, 720), seconds=rng.randint(0, 86400))
        licenses = rng.randint(1, 500) if status in ("active", "cancelled") else 0
        term_start = today - dt.timedelta(days=rng.randint(0, 29))
        renews = (term_start + dt.timedelta(days=30)).isoformat() if status == "active" else "9999-12-31"
        people.append((n, name, f"it{n}@c{n}.example.de", f"c{n}.example.de", organization, status, iso(created),
                       sort_key(name), licenses, renews))
        if status in ("active", "cancelled"):
            subs.append((n, "professional", "flexible", licenses, status, iso(created), term_start.isoformat(),
                         (term_start + dt.timedelta(days=29)).isoformat(),
                         (term_start + dt.timedelta(days=30)).isoformat(), 103,
                         licenses * 103 if status == "active" else 0, "USD",
                         (term_start + dt.timedelta(days=30)).isoformat() if status == "active" else None))
    billed = [s[0] for s in subs]
    bills = []
    for seq in range(1, invoices + 1):
        issued = now - dt.timedelta(seconds=(invoices - seq) * (365 * 86400 // invoices))
        amount = rng.randint(100, 50000)
        status = "paid" if issued < now - dt.timedelta(days=40) else rng.choice(["open", "paid"])
        bills.append((seq, billed[seq % len(billed)], seq, f"INV-{seq:07d}", status, amount, iso(issued),
                      iso(issued + dt.timedelta(days=30))))
    return people, subs, bills


CUSTOMER_COLUMNS = ("id, reseller_id, name, email, google_domain, organization, status, created_at, name_key, "
                    "licenses, renews_key")
SUB_COLUMNS = ("customer_id, reseller_id, plan, billing_cycle, licenses, status, started_at, term_start, term_end, "
               "next_bill_on, unit_price, monthly_value, currency, next_event_on")
INVOICE_COLUMNS = "id, reseller_id, customer_id, seq, number, status, currency, subtotal, tax, total, issued_at, due_at"


def reseller(target):
    """The benchmark's demo reseller (made through the storage, as sign-up makes it)."""
    from partner_api.clock import SystemClock
    from partner_api.domain.resellers import Resellers
    from partner_api.storage.repository import Storage
    db = database(target)
    try:
        row, _ = Resellers(Storage(db), SystemClock()).register("bench@reseller.example", "Bench Partners", demo=True)
        return row["id"]
    finally:
        db.close()


def seed_sqlite(path, data):
    rid = reseller(path)
    people, subs, bills = data
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA cache_size=-200000")
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT INTO customers({CUSTOMER_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                     [(p[0], rid, *p[1:]) for p in people])
    conn.executemany(f"INSERT INTO subscriptions({SUB_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     [(s[0], rid, *s[1:]) for s in subs])
    conn.executemany(f"INSERT INTO invoices({INVOICE_COLUMNS}) VALUES (?,?,?,?,?,?,'USD',?,0,?,?,?)",
                     [(b[0], rid, b[1], b[2], b[3], b[4], b[5], b[5], b[6], b[7]) for b in bills])
    conn.executemany("INSERT INTO invoice_lines(invoice_id, position, description, quantity, unit_amount, amount)"
                     " VALUES (?, 1, 'Professional, Flexible (monthly): licenses', 1, ?, ?)",
                     [(b[0], b[5], b[5]) for b in bills])
    conn.execute("UPDATE resellers SET last_invoice_seq = ? WHERE id = ?", (len(bills), rid))
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def seed_postgres(url, data):
    rid = reseller(url)
    people, subs, bills = data
    psycopg, _ = load_psycopg()
    with psycopg.connect(url, autocommit=True) as conn:
        with conn.transaction():
            # Bulk load: the generation triggers would bump one row a million times; the
            # generations are set once below instead.
            conn.execute("SET LOCAL session_replication_role = replica")
            with conn.cursor().copy(f"COPY customers({CUSTOMER_COLUMNS}, search_text) FROM STDIN") as copy:
                for p in people:
                    copy.write_row((p[0], rid, *p[1:], search_text(p[1], p[4], p[3], p[2])))
            with conn.cursor().copy(f"COPY subscriptions({SUB_COLUMNS}) FROM STDIN") as copy:
                for s in subs:
                    copy.write_row((s[0], rid, *s[1:]))
            with conn.cursor().copy(f"COPY invoices({INVOICE_COLUMNS}) FROM STDIN") as copy:
                for b in bills:
                    copy.write_row((b[0], rid, b[1], b[2], b[3], b[4], "USD", b[5], 0, b[5], b[6], b[7]))
            with conn.cursor().copy("COPY invoice_lines(invoice_id, position, description, quantity, unit_amount,"
                                    " amount) FROM STDIN") as copy:
                for b in bills:
                    copy.write_row((b[0], 1, "Professional, Flexible (monthly): licenses", 1, b[5], b[5]))
            conn.execute("UPDATE resellers SET last_invoice_seq = %s WHERE id = %s", (len(bills), rid))
            for table in ("customers", "subscriptions", "invoices", "invoice_lines"):
                conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
            conn.execute("INSERT INTO list_generations VALUES (%s, 'customers', 1), (%s, 'invoices', 1)"
                         " ON CONFLICT (reseller_id, list) DO UPDATE SET n = list_generations.n + 1", (rid, rid))
        conn.execute("VACUUM ANALYZE")


class Server:
    def __init__(self, db):
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "serve.py"), "--skip-build", "--quiet", "--port", "0", "--db", db,
             "--max-connections", "1024", "--db-pool", "16"],
            # Servers on one PostgreSQL database share the secret invitation links are sealed with.
            env={**os.environ, "PARTNER_API_SECRET": os.environ.get("PARTNER_API_SECRET") or "b3" * 32},
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            match = READY.match(line.strip())
            if match:
                self.port = int(match.group(1))
                return
        raise SystemExit("serve.py did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)


class Client:
    def __init__(self, port, token):
        self.port, self.token, self.conn = port, token, None

    def call(self, method, path, body=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Authorization": f"Bearer {self.token}"}
        data = None
        if body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        try:
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
            return response.status, response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = None
            return 0, b""


def phase(ports, token, clients, seconds, make_request):
    """16 (clients) keep-alive clients over the servers' ports for `seconds`; each loop calls
    make_request(client, rng) -> status of the timed request. Returns (p50 ms, p95 ms, req/s, errors)."""
    latencies, errors, lock = [], [0], threading.Lock()
    stop_at = time.monotonic() + seconds

    def run(n):
        client, rng, mine, bad = Client(ports[n % len(ports)], token), random.Random(n), [], 0
        while time.monotonic() < stop_at:
            took, status = make_request(client, rng)
            mine.append(took)
            bad += status not in (200, 201)
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
    latencies.sort()
    pick = lambda share: latencies[min(len(latencies) - 1, int(share * len(latencies)))] * 1000  # noqa: E731
    return pick(0.5), pick(0.95), len(latencies) / took, errors[0]


def timed(client, method, path, body=None):
    started = time.perf_counter()
    status, _ = client.call(method, path, body)
    return time.perf_counter() - started, status


def measure(label, targets, customers, active, clients, seconds):
    servers = [Server(target) for target in targets]
    ports = [server.port for server in servers]
    try:
        token = json.loads(Client(ports[0], "").call("POST", "/api/v1/auth/demo",
                                                     {"email": "bench@reseller.example"})[1])["token"]
        sorts = ["name", "-created_at", "renews_at", "-licenses"]

        def listing(client, rng):
            return timed(client, "GET", f"/api/v1/customers?sort={rng.choice(sorts)}&limit=50"
                                        f"&offset={rng.randint(0, customers - 50)}")

        def search(client, rng):
            return timed(client, "GET", f"/api/v1/customers?q={urllib.parse.quote(rng.choice(SEARCHES))}&limit=50")

        def detail(client, rng):
            return timed(client, "GET", f"/api/v1/customers/{rng.randint(1, customers)}")

        def order(client, rng):
            customer_id = rng.choice(active)
            _, body = client.call("GET", f"/api/v1/customers/{customer_id}/subscription")
            licenses = json.loads(body)["licenses"]
            return timed(client, "POST", f"/api/v1/customers/{customer_id}/subscription/license-orders",
                         {"licenses": licenses + 1})

        results = {}
        one = Client(ports[0], token)
        # A search right after the list changed: its total is counted (then kept until the next change).
        first = []
        for word in SEARCHES * 2:
            order(one, random.Random(len(first)))
            took, _ = timed(one, "GET", f"/api/v1/customers?q={urllib.parse.quote(word)}&limit=50")
            first.append(took * 1000)
        first.sort()
        results["search, counted"] = (first[len(first) // 2], first[-1], len(first) / (sum(first) / 1000), 0)
        for name, fn in (("list", listing), ("search", search), ("detail", detail), ("order", order)):
            phase(ports, token, clients, 2, fn)  # warm-up: kept totals, caches, prepared statements
            results[name] = phase(ports, token, clients, seconds, fn)
        # One client alone, one search after another (each word's total kept).
        rng, latencies = random.Random(5), []
        for _ in range(200):
            took, status = search(one, rng)
            latencies.append(took * 1000)
        latencies.sort()
        results["search, 1 client"] = (latencies[100], latencies[189], 200 / (sum(latencies) / 1000), 0)
        return results
    finally:
        for server in servers:
            server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--invoices", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    tmp = tempfile.mkdtemp(prefix="backend-bench-")
    cluster = postgres_cluster.Cluster(durable=True).start()
    try:
        print(f"generating {args.customers:,} customers and {args.invoices:,} invoices ...", flush=True)
        data = rows(args.customers, args.invoices, now)
        active = [s[0] for s in data[1] if s[4] == "active"]
        path = os.path.join(tmp, "bench.db")
        started = time.perf_counter()
        seed_sqlite(path, data)
        print(f"  SQLite seeded in {time.perf_counter() - started:.0f} s", flush=True)
        url = cluster.new_database("bench")
        started = time.perf_counter()
        seed_postgres(url, data)
        print(f"  PostgreSQL seeded in {time.perf_counter() - started:.0f} s", flush=True)
        del data
        columns = {}
        for label, targets in (("SQLite, 1 process", [path]), ("PostgreSQL, 1 process", [url]),
                               ("PostgreSQL, 2 processes", [url, url])):
            print(f"measuring {label} ...", flush=True)
            columns[label] = measure(label, targets, args.customers, active, args.clients, args.seconds)
        print(f"\n{args.clients} clients, {args.seconds:g} s per request kind; p50 / p95 in ms, requests per second; "
              "'search, 1 client': p50 / p95 of 200 searches one after another; 'search, counted': p50 / max of "
              "20 searches each right after a write (its total counted again)"
              f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
        print(f"{'':<16}" + "".join(f"{label:>30}" for label in columns))
        for name in ("list", "search", "detail", "order", "search, 1 client", "search, counted"):
            cells = []
            for label in columns:
                p50, p95, rate, errors = columns[label][name]
                cells.append(f"{p50:6.1f} / {p95:6.1f}  {rate:6.0f}/s" + (f" !{errors}" if errors else ""))
            print(f"{name:<16}" + "".join(f"{cell:>30}" for cell in cells), flush=True)
    finally:
        cluster.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
