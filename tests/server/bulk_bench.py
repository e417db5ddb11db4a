#!/usr/bin/env python3
"""Benchmark (not a test) of bulk work against a real serve.py (issue 19), each figure beside a
peer measured in the same run: what a client had to do before bulk jobs existed.

- import of 10,000 invitations: the rows previewed and sent in batches under the 1 MiB request
  limit, until the job is done, and the report downloaded; peer: the same rows as 10,000 single
  POST /customers, one after another (one dialog per customer).
- license change over 1,000 customers selected by filter: preview, then the job until every row's
  outcome is in; peer: 1,000 single license orders.
- export of 100,000 customers as CSV (both dialects): first byte and whole file; peer: paging the
  list by cursor, 200 at a time (the most a page holds).

    python3 tests/server/bulk_bench.py [--import-rows N] [--customers N] [--export-customers N] [--no-peers]
                                       [--baseline CHECKOUT] [--only import,licenses,export]

--baseline names another checkout (say, a worktree of main before a change): its serve.py previews
the same import and exports the same database in the same run, turn about with this one, so a
change is measured against the code it replaces under the same load.
"""
import argparse
import datetime as dt
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from support import ROOT, request  # noqa: E402
from bench import seed  # noqa: E402
from partner_api.clock import iso  # noqa: E402
from partner_api.storage.db import Database  # noqa: E402
from partner_api.validation import sort_key  # noqa: E402

SERVE = str(ROOT / "serve.py")
READY = re.compile(r"^Reseller Console: http://127\.0\.0\.1:(\d+)/$")
MIB = 1024 * 1024


class Serve:
    """serve.py on its own database, as a reseller would run it (SQLite, synchronous=FULL)."""

    def __init__(self, db, *args, serve=SERVE):
        self.process = subprocess.Popen(
            [sys.executable, serve, "--skip-build", "--port", "0", "--quiet", "--db", db, "--static",
             os.path.join(os.path.dirname(db), "no-build"), *args],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            match = READY.match(line.strip())
            if match:
                self.port = int(match.group(1))
                threading.Thread(target=self.process.stdout.read, daemon=True).start()
                return
        raise SystemExit("serve.py did not start")

    def cpu(self):
        """CPU seconds serve.py has used (user + system): the machine's load does not inflate it."""
        fields = open(f"/proc/{self.process.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.process.terminate()
        self.process.wait(30)


def sign_in(port, email):
    return request(port, "POST", "/api/v1/auth/demo", {"email": email}).json["token"]


def wait_done(port, token, job_id, timeout=600):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = request(port, "GET", f"/api/v1/bulk-jobs/{job_id}?limit=0", token=token).json
        if job["status"] in ("done", "cancelled"):
            return job
        time.sleep(0.05)
    raise SystemExit(f"job {job_id} did not finish: {job}")


def batches(rows, limit=MIB - 64 * 1024):
    """The rows cut into requests each under the 1 MiB a request may hold (with room to spare)."""
    batch, size = [], 64
    for row in rows:
        length = len(json.dumps(row, ensure_ascii=False).encode("utf-8")) + 1
        if batch and (size + length > limit or len(batch) == 5000):
            yield batch
            batch, size = [], 64
        batch.append(row)
        size += length
    if batch:
        yield batch


def import_rows(count, salt):
    return [{"row": n + 1, "name": f"Importkunde {n} Müller", "email": f"it@{salt}-kunde-{n}.example.de",
             "google_domain": f"{salt}-kunde-{n}.example.de", "organization": f"Kunde {n} {salt} GmbH & Co. KG"}
            for n in range(count)]


def preview_time(port, token, parts):
    """Seconds until the server has previewed every batch."""
    started = time.perf_counter()
    for part in parts:
        reply = request(port, "POST", "/api/v1/bulk-jobs/preview", {"action": "invite", "rows": part}, token)
        assert reply.status == 200, reply
    return time.perf_counter() - started


def bench_import(tmp, count, peers, baseline=None):
    db = os.path.join(tmp, "import.db")
    server = Serve(db)
    try:
        token = sign_in(server.port, "import.bench@example.com")
        rows = import_rows(count, "bulk")
        parts = list(batches(rows))
        if baseline:
            before = Serve(os.path.join(tmp, "import-baseline.db"), serve=os.path.join(baseline, "serve.py"))
            try:
                before_token = sign_in(before.port, "import.bench@example.com")
                for turn in (1, 2, 3):
                    cpu, before_cpu = server.cpu(), before.cpu()
                    this = preview_time(server.port, token, parts)
                    cpu = server.cpu() - cpu
                    that = preview_time(before.port, before_token, parts)
                    print(f"  preview, turn {turn}: {this:5.2f} s (serve.py CPU {cpu:.2f} s); baseline {that:5.2f} s"
                          f" (CPU {before.cpu() - before_cpu:.2f} s)", flush=True)
            finally:
                before.stop()
        preview = preview_time(server.port, token, parts)
        started, cpu = time.perf_counter(), server.cpu()
        reply = request(server.port, "POST", "/api/v1/bulk-jobs", {"action": "invite", "rows": parts[0],
                                                                   "total": count}, token,
                        headers={"Idempotency-Key": "bench-import"})
        assert reply.status == 202, reply
        job_id = reply.json["id"]
        for part in parts[1:]:
            reply = request(server.port, "POST", f"/api/v1/bulk-jobs/{job_id}/rows", {"rows": part}, token)
            assert reply.status == 200, reply
        sent = time.perf_counter() - started
        job = wait_done(server.port, token, job_id)
        done, done_cpu = time.perf_counter() - started, server.cpu() - cpu
        assert job["counts"]["done"] == count, job["counts"]
        started = time.perf_counter()
        report = request(server.port, "GET", f"/api/v1/bulk-jobs/{job_id}/report.csv", token=token)
        report_time = time.perf_counter() - started
        sizes = [len(json.dumps({"rows": part}).encode()) for part in parts]
        print(f"import {count:,} rows: {len(parts)} batches of at most {max(sizes) / 1024:.0f} KB", flush=True)
        print(f"  preview on the server (every batch)      {preview:7.2f} s", flush=True)
        print(f"  rows sent (every batch acknowledged)     {sent:7.2f} s", flush=True)
        print(f"  until every row is done                  {done:7.2f} s   ({count / done:,.0f} rows/s, serve.py CPU"
              f" {done_cpu:.1f} s)   target 60 s", flush=True)
        print(f"  report.csv ({len(report.body) / 1024:,.0f} KB)                   {report_time:7.2f} s", flush=True)
        if peers:
            peer_rows = import_rows(count, "single")
            started, cpu = time.perf_counter(), server.cpu()
            for row in peer_rows:
                body = {k: v for k, v in row.items() if k != "row"}
                reply = request(server.port, "POST", "/api/v1/customers", body, token,
                                headers={"Idempotency-Key": f"single-{row['row']}"})
                assert reply.status == 201, reply
            single = time.perf_counter() - started
            print(f"  peer: {count:,} single POST /customers    {single:7.2f} s   ({count / single:,.0f} rows/s, serve.py"
                  f" CPU {server.cpu() - cpu:.1f} s)", flush=True)
    finally:
        server.stop()


def seed_active(db_path, count, now):
    """`count` active customers with paid flexible subscriptions for a demo reseller of their own."""
    db = Database(db_path)
    today = now.date()
    with db.write() as conn:
        rid = conn.execute("INSERT INTO resellers(email, name, created_at, is_demo) VALUES (?, ?, ?, 1)",
                           ("licenses.bench@example.com", "License Bench", iso(now))).lastrowid
        conn.execute("INSERT INTO members(reseller_id, email, name, role, added_at) VALUES (?, ?, ?, 'admin', ?)",
                     (rid, "licenses.bench@example.com", "License Bench", iso(now)))
        for n in range(count):
            name = f"Lizenzkunde {n:04d}"
            start = today - dt.timedelta(days=n % 28)
            cid = conn.execute(
                "INSERT INTO customers(reseller_id, name, email, google_domain, organization, status, created_at,"
                " name_key, licenses, renews_key, domain_scope) VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?)",
                (rid, name, f"it@lizenz-{n}.example", f"lizenz-{n}.example", f"Lizenz {n} GmbH", iso(now),
                 sort_key(name), 10 + n % 40, (start + dt.timedelta(days=30)).isoformat(), rid)).lastrowid
            licenses = 10 + n % 40
            conn.execute(
                "INSERT INTO subscriptions(customer_id, reseller_id, plan, billing_cycle, licenses, status, started_at,"
                " term_start, term_end, next_bill_on, unit_price, monthly_value, currency, next_event_on)"
                " VALUES (?, ?, 'professional', 'flexible', ?, 'active', ?, ?, ?, ?, 103, ?, 'USD', ?)",
                (cid, rid, licenses, iso(now), start.isoformat(), (start + dt.timedelta(days=29)).isoformat(),
                 (start + dt.timedelta(days=30)).isoformat(), licenses * 103, (start + dt.timedelta(days=30)).isoformat()))
    db.close()


def bench_licenses(tmp, count, peers):
    db = os.path.join(tmp, "licenses.db")
    seed_active(db, count, dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
    server = Serve(db)
    try:
        token = sign_in(server.port, "licenses.bench@example.com")
        selection = {"action": "add_licenses", "filter": {"q": "Lizenzkunde", "status": "active"}, "licenses": 5}
        started = time.perf_counter()
        preview = request(server.port, "POST", "/api/v1/bulk-jobs/preview", {**selection, "limit": 100}, token).json
        preview_time = time.perf_counter() - started
        started, cpu = time.perf_counter(), server.cpu()
        reply = request(server.port, "POST", "/api/v1/bulk-jobs", {**selection, "expected_total": preview["total"]},
                        token, headers={"Idempotency-Key": "bench-licenses"})
        assert reply.status == 202, reply
        job = wait_done(server.port, token, reply.json["id"])
        done, done_cpu = time.perf_counter() - started, server.cpu() - cpu
        outcomes = request(server.port, "GET", f"/api/v1/bulk-jobs/{job['id']}?limit=1000", token=token).json["rows"]
        assert len(outcomes) == count and all(r["state"] == "done" for r in outcomes), job["counts"]
        print(f"license change over {preview['total']:,} customers by filter (add 5):", flush=True)
        print(f"  preview (price per customer and in total) {preview_time:6.2f} s", flush=True)
        print(f"  until every row's outcome is in           {done:6.2f} s   (serve.py CPU {done_cpu:.1f} s)   target 30 s",
              flush=True)
        if peers:
            ids = [r["customer_id"] for r in outcomes]
            started, cpu = time.perf_counter(), server.cpu()
            for cid in ids:
                path = f"/api/v1/customers/{cid}/subscription/license-orders"
                current = request(server.port, "GET", f"/api/v1/customers/{cid}/subscription", token=token).json
                reply = request(server.port, "POST", path, {"licenses": current["licenses"] + 5,
                                                            "expected_licenses": current["licenses"]}, token)
                assert reply.status == 201, reply
            single = time.perf_counter() - started
            print(f"  peer: {count:,} single orders (read, order)  {single:6.2f} s   (serve.py CPU"
                  f" {server.cpu() - cpu:.1f} s)", flush=True)
    finally:
        server.stop()


def first_byte_and_total(port, token, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    started = time.perf_counter()
    conn.request("GET", path, headers={"Authorization": f"Bearer {token}"})
    response = conn.getresponse()
    first = response.read(1)
    first_time = time.perf_counter() - started
    rest = response.read()
    total = time.perf_counter() - started
    conn.close()
    assert response.status == 200, response.status
    return first_time, total, first + rest


def bench_export(tmp, count, peers, baseline=None):
    db = os.path.join(tmp, "export.db")
    print(f"seeding {count:,} customers ...", flush=True)
    seed(db, count, 1000, dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
    servers = [("", Serve(db))]
    if baseline:  # a copy of the database (one serve.py holds a SQLite file), turn about with this one
        copy = os.path.join(tmp, "export-baseline.db")
        for suffix in ("", ".secret"):
            if os.path.exists(db + suffix):
                shutil.copyfile(db + suffix, copy + suffix)
        servers.append(("  baseline: ", Serve(copy, serve=os.path.join(baseline, "serve.py"))))
    server = servers[0][1]
    try:
        tokens = [sign_in(each.port, "bench@reseller.example") for _, each in servers]
        token = tokens[0]
        for label, query in (("csv", "?sort=name"), ("excel-de", "?sort=-licenses&format=excel-de")):
            for (name, each), each_token in zip(servers, tokens):
                cpu = each.cpu()
                first, total, body = first_byte_and_total(each.port, each_token, f"/api/v1/customers/export.csv{query}")
                lines = body.count(b"\r\n") - 1
                print(f"{name}export of {lines:,} customers ({label}, {len(body) / MIB:.1f} MB): first byte {first:5.2f} s,"
                      f" whole file {total:5.2f} s (serve.py CPU {each.cpu() - cpu:.1f} s)   targets 1 s, 10 s",
                      flush=True)
        if peers:
            started, cpu = time.perf_counter(), server.cpu()
            cursor, seen = None, 0
            while True:
                reply = request(server.port, "GET", "/api/v1/customers?limit=200&sort=name"
                                + (f"&cursor={cursor}" if cursor else ""), token=token).json
                seen += len(reply["items"])
                cursor = reply["next_cursor"]
                if not cursor:
                    break
            print(f"  peer: the list paged by cursor, 200 a page: {seen:,} customers in {time.perf_counter() - started:5.2f} s"
                  f" (serve.py CPU {server.cpu() - cpu:.1f} s)", flush=True)
    finally:
        for _, each in servers:
            each.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--customers", type=int, default=1_000)
    parser.add_argument("--export-customers", type=int, default=100_000)
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--baseline", metavar="CHECKOUT", help="another checkout whose serve.py previews and exports"
                                                                " the same in the same run")
    parser.add_argument("--only", default="import,licenses,export", help="which of import,licenses,export to run")
    args = parser.parse_args()
    only = set(args.only.split(","))
    if args.baseline and not os.path.exists(os.path.join(args.baseline, "serve.py")):
        parser.error(f"no serve.py in {args.baseline}")
    tmp = tempfile.mkdtemp(prefix="bulk-bench-")
    try:
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
        if "import" in only:
            bench_import(tmp, args.import_rows, not args.no_peers, args.baseline)
        if "licenses" in only:
            bench_licenses(tmp, args.customers, not args.no_peers)
        if "export" in only:
            bench_export(tmp, args.export_customers, not args.no_peers, args.baseline)
        print(f"load average {os.getloadavg()[0]:.1f} at the end", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
