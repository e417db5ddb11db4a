#!/usr/bin/env python3
"""Benchmark (not a test): 100,000 customers and 1,000,000 invoices for one reseller in a
temporary database, then p50/p95 over HTTP for list (by cursor and by offset), search, detail,
order and invoice list (by cursor and by offset).

    python3 tests/server/bench.py [--customers N] [--invoices N] [--requests N] [--seed-only PATH]
"""
import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import request  # noqa: E402
from partner_api.clock import iso  # noqa: E402
from partner_api.domain.resellers import Resellers  # noqa: E402
from partner_api.http.server import RunningServer, Settings  # noqa: E402
from partner_api.storage.db import Database  # noqa: E402
from partner_api.storage.repository import Storage  # noqa: E402
from partner_api.validation import sort_key  # noqa: E402

FIRST = ["Jürgen", "Sophie", "Lena", "Jörg", "Katharina", "Andreas", "Ute", "Matthias", "Sabine", "Björn",
         "Emily", "James", "Olivia", "Michael", "Charlotte", "Daniel", "Grace", "Henry", "Amelia", "Zoë"]
LAST = ["Müller", "Weiß", "Böhm", "Schäfer", "Groß", "Köhler", "Krämer", "Bäcker", "Fuß", "Hoffmann",
        "Clarke", "O'Connor", "Bennett", "Turner", "Hughes", "Foster", "Whitfield", "Lawson", "Brooks", "Grant"]
KINDS = ["GmbH", "AG", "KG", "Ltd", "& Partner", "Consulting", "Logistik", "Bau", "Design", "Legal"]


def seed(db_path, customers, invoices, now):
    rng = random.Random(1)
    db = Database(db_path)
    resellers = Resellers(Storage(db), type("C", (), {"now": staticmethod(lambda: now)})())
    # A demo account: the benchmarks sign in with demo sign-in.
    reseller, _ = resellers.register("bench@reseller.example", "Bench Partners", demo=True)
    rid = reseller["id"]
    today = now.date()
    started = time.perf_counter()
    with db.write() as conn:
        conn.execute("PRAGMA cache_size=-200000")
        rows, subs = [], []
        for n in range(1, customers + 1):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            organization = f"{rng.choice(LAST)} {rng.choice(KINDS)} {n}"
            status = rng.choices(["active", "invited", "revoked", "cancelled"], [70, 10, 10, 10])[0]
            created = now - dt.timedelta(days=rng.randint(0, 720), seconds=rng.randint(0, 86400))
            licenses = rng.randint(1, 500) if status in ("active", "cancelled") else 0
            term_start = today - dt.timedelta(days=rng.randint(0, 29))
            renews = (term_start + dt.timedelta(days=30)).isoformat() if status == "active" else "9999-12-31"
            rows.append((n, rid, name, f"it{n}@c{n}.example.de", f"c{n}.example.de", organization, status,
                         iso(created), sort_key(name), licenses, renews))
            if status in ("active", "cancelled"):
                subs.append((n, rid, "professional", "flexible", licenses, status, iso(created), term_start.isoformat(),
                             (term_start + dt.timedelta(days=29)).isoformat(), (term_start + dt.timedelta(days=30)).isoformat(),
                             103, licenses * 103 if status == "active" else 0, "USD",
                             (term_start + dt.timedelta(days=30)).isoformat() if status == "active" else None))
        conn.executemany("INSERT INTO customers(id, reseller_id, name, email, google_domain, organization, status,"
                         " created_at, name_key, licenses, renews_key) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        conn.executemany("INSERT INTO subscriptions(customer_id, reseller_id, plan, billing_cycle, licenses, status,"
                         " started_at, term_start, term_end, next_bill_on, unit_price, monthly_value, currency,"
                         " next_event_on) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", subs)
        print(f"  customers: {time.perf_counter() - started:.1f}s", flush=True)
        billed = [s[0] for s in subs]
        batch = []
        for seq in range(1, invoices + 1):
            customer_id = billed[seq % len(billed)]
            issued = now - dt.timedelta(seconds=(invoices - seq) * (365 * 86400 // invoices))
            amount = rng.randint(100, 50000)
            status = "paid" if issued < now - dt.timedelta(days=40) else rng.choice(["open", "paid"])
            batch.append((seq, rid, customer_id, seq, f"INV-{seq:07d}", status, "USD", amount, 0, amount,
                          iso(issued), iso(issued + dt.timedelta(days=30))))
            if len(batch) == 50_000 or seq == invoices:
                conn.executemany("INSERT INTO invoices(id, reseller_id, customer_id, seq, number, status, currency,"
                                 " subtotal, tax, total, issued_at, due_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", batch)
                conn.executemany("INSERT INTO invoice_lines(invoice_id, position, description, quantity, unit_amount,"
                                 " amount) VALUES (?, 1, 'Professional, Flexible (monthly): licenses', 1, ?, ?)",
                                 [(b[0], b[7], b[7]) for b in batch])
                batch = []
        conn.execute("UPDATE resellers SET last_invoice_seq = ? WHERE id = ?", (invoices, rid))
    conn = db._acquire()
    conn.execute("ANALYZE")
    db.close()
    print(f"  seeded in {time.perf_counter() - started:.1f}s", flush=True)
    return [s[0] for s in subs if s[5] == "active"]


def measure(label, count, fn, before=None):
    """p50/p95 of fn(n); before(n), if given, runs first and is not timed."""
    times = []
    for n in range(count):
        if before:
            before(n)
        started = time.perf_counter()
        reply = fn(n)
        times.append((time.perf_counter() - started) * 1000)
        assert reply.status in (200, 201), (label, reply)
    times.sort()
    p50, p95 = statistics.median(times), times[int(len(times) * 0.95) - 1]
    print(f"{label:<24} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   ({count} requests)", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--invoices", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed-only", metavar="PATH", help="only seed a database at PATH (the browser benchmark's data)")
    args = parser.parse_args()
    if args.seed_only:
        print(f"seeding {args.customers:,} customers and {args.invoices:,} invoices ...", flush=True)
        seed(args.seed_only, args.customers, args.invoices, dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
        return
    tmp = tempfile.mkdtemp(prefix="partner-api-bench-")
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    try:
        print(f"seeding {args.customers:,} customers and {args.invoices:,} invoices ...", flush=True)
        active = seed(os.path.join(tmp, "bench.db"), args.customers, args.invoices, now)
        server = RunningServer(Settings(port=0, db_path=os.path.join(tmp, "bench.db"), quiet=True, demo=True,
                                        sign_in_attempts=1000)).start()
        port = server.port
        token = request(port, "POST", "/api/v1/auth/demo", {"email": "bench@reseller.example"}).json["token"]
        rng = random.Random(2)
        words = ["müller", "weiß", "clarke", "consult", "bau 4", "c123", "it99", "hughes legal", "zoë", "grant"]
        pages = {}

        def listing(n):
            sort = ["name", "-created_at", "renews_at", "-licenses"][n % 4]
            cursor = pages.get(sort)
            reply = request(port, "GET", f"/api/v1/customers?sort={sort}&limit=50"
                            + (f"&cursor={cursor}" if cursor else ""), token=token)
            pages[sort] = reply.json["next_cursor"]
            return reply

        measure("list", args.requests, listing)
        sorts = ["name", "-name", "-created_at", "renews_at", "-licenses"]
        measure("list offset", args.requests, lambda n: request(
            port, "GET", f"/api/v1/customers?sort={sorts[n % len(sorts)]}&limit=50"
            f"&offset={rng.randint(0, args.customers - 50)}", token=token))
        measure("search", args.requests, lambda n: request(
            port, "GET", f"/api/v1/customers?q={urllib.parse.quote(words[n % len(words)])}&limit=50", token=token))
        measure("detail", args.requests, lambda n: request(
            port, "GET", f"/api/v1/customers/{rng.randint(1, args.customers)}", token=token))

        def order(n):
            customer_id = rng.choice(active)
            sub = request(port, "GET", f"/api/v1/customers/{customer_id}/subscription", token=token).json
            return request(port, "POST", f"/api/v1/customers/{customer_id}/subscription/license-orders",
                           {"licenses": sub["licenses"] + 1}, token)

        measure("order", args.requests, order)
        invoice_pages = {}

        def invoice_list(n):
            kind = n % 4
            if kind == 0:
                cursor = invoice_pages.get("all")
                reply = request(port, "GET", "/api/v1/invoices?limit=50" + (f"&cursor={cursor}" if cursor else ""),
                                token=token)
                invoice_pages["all"] = reply.json["next_cursor"]
                return reply
            if kind == 1:
                return request(port, "GET", f"/api/v1/invoices?customer_id={rng.choice(active)}", token=token)
            if kind == 2:
                return request(port, "GET", "/api/v1/invoices?status=open&limit=50", token=token)
            month = now.date().replace(day=1) - dt.timedelta(days=rng.randint(30, 330))
            return request(port, "GET", f"/api/v1/invoices?from={month.replace(day=1)}&to={month.replace(day=28)}",
                           token=token)

        measure("invoice list", args.requests, invoice_list)
        measure("invoice offset", args.requests, lambda n: request(
            port, "GET", f"/api/v1/invoices?limit=50&offset={rng.randint(0, args.invoices - 50)}", token=token))
        # The server keeps a list's total and sort samples until the list changes: the first
        # request after a change counts again (and a deep jump samples the sort again).
        measure("invoice offset, changed", max(10, args.requests // 10), lambda n: request(
            port, "GET", f"/api/v1/invoices?limit=50&offset={rng.randint(0, args.invoices - 50)}", token=token),
            before=order)
        measure("list offset, changed", max(10, args.requests // 10), lambda n: request(
            port, "GET", f"/api/v1/customers?sort=name&limit=50&offset={rng.randint(0, args.customers - 50)}",
            token=token), before=order)
        server.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
