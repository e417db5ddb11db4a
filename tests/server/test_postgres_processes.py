"""Every guarantee of the API held across processes (issue 20): two serve.py on one PostgreSQL
database at once, requests spread over both. Idempotency keys, expected_licenses, gap-free
invoice numbers, the billing catch-up once per due item, sessions, the sign-in rate limit, the
kiosk reset, list totals and sort samples: all database state, none process memory."""
import collections
import datetime as dt
import re
import subprocess
import sys
import threading
import unittest
import uuid

from support import ROOT, request, sql
import postgres_cluster

SERVE = str(ROOT / "serve.py")
READY = re.compile(r"^Reseller Console: http://127\.0\.0\.1:(\d+)/$")


def available():
    return postgres_cluster.bin_dir() is not None


class Serve:
    """One serve.py process on the shared database."""

    def __init__(self, url, *args):
        self.process = subprocess.Popen(
            [sys.executable, SERVE, "--skip-build", "--port", "0", "--quiet", "--db", url, *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def ready(self):
        lines = []
        for line in self.process.stdout:
            lines.append(line)
            match = READY.match(line.strip())
            if match:
                self.port = int(match.group(1))
                threading.Thread(target=self.process.stdout.read, daemon=True).start()  # never blocks on a full pipe
                threading.Thread(target=self.process.stderr.read, daemon=True).start()
                return self
        raise AssertionError(f"serve.py did not start: {lines} {self.process.stderr.read()}")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def call(port, *args, **kw):
    reply = request(port, *args, **kw)
    return reply


@unittest.skipUnless(available(), "PostgreSQL's server is not installed")
class TwoProcesses(unittest.TestCase):
    extra = ()

    @classmethod
    def setUpClass(cls):
        cls.cluster = postgres_cluster.shared()
        cls.url = cls.cluster.new_database("procs")
        migrated = subprocess.run([sys.executable, SERVE, "migrate", "--db", cls.url], capture_output=True,
                                  text=True, timeout=120)
        assert migrated.returncode == 0, migrated
        # Started together on an empty database: one seeds the demo data, the other waits for it.
        servers = [Serve(cls.url, *cls.extra), Serve(cls.url, *cls.extra)]
        cls.a, cls.b = [server.ready() for server in servers]
        cls.ports = [cls.a.port, cls.b.port]

    @classmethod
    def tearDownClass(cls):
        for server in (cls.a, cls.b):
            server.stop()
        cls.cluster.drop_database(cls.url)

    def sign_in(self, email, port=None):
        reply = call(port or self.a.port, "POST", "/api/v1/auth/demo", {"email": email})
        self.assertEqual(reply.status, 200, reply)
        return reply.json["token"]

    def customer(self, token, port, licenses=10):
        """A new active customer with a paid flexible subscription of `licenses`."""
        n = uuid.uuid4().hex[:10]
        reply = call(port, "POST", "/api/v1/customers", {"name": f"Kunde {n}", "email": f"it@{n}.example",
                                                         "google_domain": f"{n}.example",
                                                         "organization": f"Firma {n}"}, token)
        self.assertEqual(reply.status, 201, reply)
        customer = reply.json
        invitation = customer["invitation"]["url"].rsplit("/", 1)[1]
        self.assertEqual(call(port, "POST", f"/api/v1/invitations/{invitation}/accept", {"demo": True}).status, 200)
        path = f"/api/v1/customers/{customer['id']}/subscription/license-orders"
        self.assertEqual(call(port, "POST", path, {"licenses": licenses}, token).status, 201)
        return customer["id"]

    def together(self, work, count):
        """Runs work(i) on `count` threads released at the same moment; returns the results."""
        gate = threading.Barrier(count)
        results = [None] * count

        def run(i):
            gate.wait()
            try:
                results[i] = work(i)
            except Exception as error:  # the assertion below shows it
                results[i] = error

        threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        return results


class Guarantees(TwoProcesses):
    def test_the_same_key_at_two_processes_at_once_orders_once_and_both_get_the_same_answer(self):
        token = self.sign_in("keys@example.com")
        customer_id = self.customer(token, self.a.port)
        path = f"/api/v1/customers/{customer_id}/subscription/license-orders"
        for round_ in range(8):
            key = uuid.uuid4().hex
            body = {"licenses": 11 + round_}
            replies = self.together(lambda i: call(self.ports[i], "POST", path, body, token,
                                                   headers={"Idempotency-Key": key}), 2)
            self.assertEqual([r.status for r in replies], [201, 201], replies)
            self.assertEqual(replies[0].json, replies[1].json)
            self.assertEqual(sorted(r.header("Idempotent-Replayed") or "" for r in replies), ["", "true"])
        orders = sql(self.url, "SELECT licenses_before, licenses_after FROM license_orders WHERE customer_id = ?"
                               " ORDER BY id", (customer_id,))
        self.assertEqual(orders, [(5, 10)] + [(10 + r, 11 + r) for r in range(8)])  # trial: 5

    def test_twenty_read_then_order_clients_over_two_processes_end_at_exactly_plus_twenty(self):
        token = self.sign_in("preconditions@example.com")
        customer_id = self.customer(token, self.a.port, licenses=10)
        path = f"/api/v1/customers/{customer_id}/subscription"
        conflicts = collections.Counter()

        def client(i):
            port = self.ports[i % 2]
            seen = call(port, "GET", path, token=token).json["licenses"]
            for _ in range(200):
                reply = call(port, "POST", f"{path}/license-orders", {"licenses": seen + 1, "expected_licenses": seen},
                             token, headers={"Idempotency-Key": uuid.uuid4().hex})
                if reply.status == 201:
                    return 201
                if reply.status != 409 or reply.json["error"]["code"] != "licenses_changed":
                    return reply
                conflicts[port] += 1
                seen = reply.json["error"]["current"]["licenses"]
            return "gave up"

        self.assertEqual(self.together(client, 20), [201] * 20)
        self.assertEqual(call(self.b.port, "GET", path, token=token).json["licenses"], 30)
        self.assertEqual(sql(self.url, "SELECT count(*) FROM license_orders WHERE customer_id = ?", (customer_id,)),
                         [(21,)])
        self.assertGreater(sum(conflicts.values()), 0)  # they did collide: the precondition did the work

    def test_invoice_numbers_stay_sequential_without_gaps_under_concurrent_billing(self):
        token = self.sign_in("numbers@example.com")
        reseller_id = sql(self.url, "SELECT id FROM resellers WHERE email = 'numbers@example.com'")[0][0]
        customers = [self.customer(token, self.ports[i % 2], licenses=5) for i in range(6)]

        def order(i):
            customer_id = customers[i % len(customers)]
            path = f"/api/v1/customers/{customer_id}/subscription"
            for _ in range(50):
                seen = call(self.ports[i % 2], "GET", path, token=token).json["licenses"]
                reply = call(self.ports[i % 2], "POST", f"{path}/license-orders",
                             {"licenses": seen + 1, "expected_licenses": seen}, token)
                if reply.status == 201:
                    return 201
            return "gave up"

        self.assertEqual(self.together(order, 24), [201] * 24)
        seqs = [row[0] for row in sql(self.url, "SELECT seq FROM invoices WHERE reseller_id = ? ORDER BY seq",
                                      (reseller_id,))]
        self.assertEqual(seqs, list(range(1, len(seqs) + 1)))
        self.assertEqual(len(seqs), 6 + 24)  # one per first order, one per added license
        self.assertEqual(sql(self.url, "SELECT last_invoice_seq FROM resellers WHERE id = ?", (reseller_id,)),
                         [(len(seqs),)])

    def test_the_billing_catch_up_runs_once_per_due_item_whichever_process_gets_there(self):
        token = self.sign_in("catch-up@example.com")
        reseller_id = sql(self.url, "SELECT id FROM resellers WHERE email = 'catch-up@example.com'")[0][0]
        customers = [self.customer(token, self.a.port, licenses=3) for _ in range(5)]
        # A month went by without a request: every subscription's next bill fell due yesterday.
        yesterday = (dt.datetime.now(dt.timezone.utc).date() - dt.timedelta(days=1)).isoformat()
        sql(self.url, "UPDATE subscriptions SET next_bill_on = ?, next_event_on = ? WHERE reseller_id = ?",
            (yesterday, yesterday, reseller_id))
        before = sql(self.url, "SELECT count(*) FROM invoices WHERE reseller_id = ?", (reseller_id,))[0][0]
        # Sixteen requests at once, over both processes, each of which runs the catch-up first.
        replies = self.together(lambda i: call(self.ports[i % 2], "GET", "/api/v1/me", token=token), 16)
        self.assertEqual([r.status for r in replies], [200] * 16)
        after = sql(self.url, "SELECT count(*) FROM invoices WHERE reseller_id = ?", (reseller_id,))[0][0]
        self.assertEqual(after - before, len(customers))
        issued = sql(self.url, "SELECT count(*) FROM activity WHERE reseller_id = ? AND action = 'invoice.issued'",
                     (reseller_id,))
        self.assertEqual(issued, [(len(customers),)])
        seqs = [row[0] for row in sql(self.url, "SELECT seq FROM invoices WHERE reseller_id = ? ORDER BY seq",
                                      (reseller_id,))]
        self.assertEqual(seqs, list(range(1, after + 1)))

    def test_a_session_made_on_one_process_works_on_the_other_and_a_sign_out_ends_it_on_both(self):
        token = self.sign_in("session@example.com", self.a.port)
        self.assertEqual(call(self.b.port, "GET", "/api/v1/me", token=token).json["email"], "session@example.com")
        self.assertEqual(call(self.b.port, "POST", "/api/v1/auth/logout", token=token).status, 204)
        for port in self.ports:
            self.assertEqual(call(port, "GET", "/api/v1/me", token=token).status, 401)

    def test_list_totals_follow_writes_made_by_the_other_process(self):
        token = self.sign_in("totals@example.com")
        first = call(self.a.port, "GET", "/api/v1/customers?limit=5", token=token).json["total"]
        invoices = call(self.a.port, "GET", "/api/v1/invoices?limit=5", token=token).json["total"]
        self.customer(token, self.b.port, licenses=2)  # made on B: a customer and an invoice
        self.assertEqual(call(self.a.port, "GET", "/api/v1/customers?limit=5", token=token).json["total"], first + 1)
        self.assertEqual(call(self.a.port, "GET", "/api/v1/invoices?limit=5", token=token).json["total"], invoices + 1)


class SortSamples(TwoProcesses):
    def test_a_deep_page_follows_a_rename_made_by_the_other_process(self):
        # Past 50,000 rows a page is reached from kept sort samples (storage/list_cache.py).
        token = self.sign_in("deep@example.com")
        reseller_id = sql(self.url, "SELECT id FROM resellers WHERE email = 'deep@example.com'")[0][0]
        sql(self.url, "INSERT INTO customers(reseller_id, name, email, google_domain, organization, status,"
                      " created_at, name_key, search_text)"
                      " SELECT ?, 'Kunde ' || n, 'it@' || n || '.deep', n || '.deep', 'Firma', 'revoked',"
                      " '2026-01-01T00:00:00Z', 'kunde ' || lpad(n::text, 6, '0'), '' FROM generate_series(1, 60000) n",
            (reseller_id,))
        page = "/api/v1/customers?sort=name&limit=5&offset=55000"
        ids = [c["id"] for c in call(self.a.port, "GET", page, token=token).json["items"]]
        expected = [row[0] for row in sql(self.url, "SELECT id FROM customers WHERE reseller_id = ? ORDER BY name_key,"
                                                    " id LIMIT 5 OFFSET 55000", (reseller_id,))]
        self.assertEqual(ids, expected)
        # B renames the first customer to the end of the sort: everyone at 55,000 moves up one on A.
        first = sql(self.url, "SELECT id FROM customers WHERE reseller_id = ? ORDER BY name_key, id LIMIT 1",
                    (reseller_id,))[0][0]
        self.assertEqual(call(self.b.port, "PATCH", f"/api/v1/customers/{first}", {"name": "Zzz Zuletzt"},
                              token).status, 200)
        moved = [c["id"] for c in call(self.a.port, "GET", page, token=token).json["items"]]
        expected = [row[0] for row in sql(self.url, "SELECT id FROM customers WHERE reseller_id = ? ORDER BY name_key,"
                                                    " id LIMIT 5 OFFSET 55000", (reseller_id,))]
        self.assertEqual(moved, expected)
        self.assertEqual(moved[:4], ids[1:])


class SignInLimit(TwoProcesses):
    def test_the_sign_in_limit_counts_attempts_at_every_process(self):
        # 20 attempts per address per minute (the default), spread over both processes.
        statuses = [call(self.ports[i % 2], "POST", "/api/v1/auth/demo", {"email": f"limit{i}@example.com"}).status
                    for i in range(20)]
        self.assertEqual(statuses, [200] * 20)
        for port in self.ports:
            reply = call(port, "POST", "/api/v1/auth/demo", {"email": "one.more@example.com"})
            self.assertEqual(reply.status, 429, reply)
            self.assertTrue(1 <= int(reply.header("Retry-After")) <= 60)


class KioskReset(TwoProcesses):
    extra = ("--kiosk",)

    def test_a_reset_on_one_process_is_what_the_other_serves(self):
        token = self.sign_in("demo@reseller.example", self.a.port)
        total = call(self.b.port, "GET", "/api/v1/customers?limit=5", token=token).json["total"]
        self.customer(token, self.b.port, licenses=2)
        self.assertEqual(call(self.b.port, "GET", "/api/v1/customers?limit=5", token=token).json["total"], total + 1)
        self.assertEqual(call(self.a.port, "POST", "/api/v1/kiosk/reset", {}, token).status, 200)
        self.assertEqual(call(self.b.port, "GET", "/api/v1/customers?limit=5", token=token).json["total"], total)


class BulkJobOverProcesses(TwoProcesses):
    """A bulk job (issue 19) is database state: the process working it is killed in the middle,
    the other takes the job on when its lease runs out, and no row is done twice."""

    def test_a_job_whose_process_dies_is_finished_by_the_other(self):
        import time
        token = self.sign_in("bulk.processes@example.com")
        rows = [{"row": n + 1, "name": f"Prozess {n}", "email": f"it@prozess-{n}.example",
                 "google_domain": f"prozess-{n}.example", "organization": f"Prozess {n}"} for n in range(3000)]
        reply = call(self.a.port, "POST", "/api/v1/bulk-jobs", {"action": "invite", "rows": rows[:1500],
                                                                 "total": 3000}, token,
                     headers={"Idempotency-Key": "processes"})
        self.assertEqual(reply.status, 202, reply)
        job = reply.json["id"]
        self.assertEqual(call(self.b.port, "POST", f"/api/v1/bulk-jobs/{job}/rows", {"rows": rows[1500:]},
                              token).status, 200)
        owners = set()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            owner, done = sql(self.url, "SELECT lease_owner, done FROM bulk_jobs WHERE id = ?", (job,))[0]
            owners.add(owner)
            if done >= 100:
                break
            time.sleep(0.02)
        holder = sql(self.url, "SELECT lease_owner FROM bulk_jobs WHERE id = ?", (job,))[0][0]
        victim = next(s for s in (self.a, self.b) if str(s.process.pid) in holder)
        victim.process.kill()
        victim.process.wait(10)
        survivor = self.b if victim is self.a else self.a
        # Waits as long as the job moves (a loaded machine is slow, not wrong); stuck for 60 s fails.
        moved, progress = time.monotonic(), -1
        while time.monotonic() - moved < 60:
            reply = call(survivor.port, "GET", f"/api/v1/bulk-jobs/{job}?limit=0", token=token)
            if reply.json["status"] == "done":
                break
            if reply.json["counts"]["done"] > progress:
                moved, progress = time.monotonic(), reply.json["counts"]["done"]
            time.sleep(0.2)
        self.assertEqual((reply.json["status"], reply.json["counts"]["done"]), ("done", 3000), reply.json)
        per_customer = sql(self.url, "SELECT customer_id, COUNT(*) FROM activity WHERE job_id = ? GROUP BY 1", (job,))
        self.assertEqual((len(per_customer), {n for _, n in per_customer}), (3000, {1}))
        self.assertEqual(sql(self.url, "SELECT COUNT(*) FROM outbox WHERE to_email LIKE 'it@prozess-%'")[0][0], 3000)
        # While both ran, one process held the job at a time: one owner before the kill.
        self.assertEqual(len(owners - {None}), 1, owners)


if __name__ == "__main__":
    unittest.main()
