"""serve.py for the long run (issue 12): start-up errors in plain words with the file left as
it was, storage faults while running, backup and restore, the clean stop on SIGTERM in the
middle of an order burst, and the start-up lines."""
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time
import unittest
import uuid

from support import ServerTestCase, fingerprint, request, sqlite_only
from test_cli import ServeProcess, run
from partner_api.storage.migrations import LATEST


def file_state(path):
    """Bytes of the file and which of its companions exist: equal means untouched."""
    data = None
    if os.path.isfile(path):
        with open(path, "rb") as handle:
            data = hashlib.sha256(handle.read()).hexdigest()
    return data, os.path.exists(path + "-wal"), os.path.exists(path + "-shm"), os.path.exists(path + "-journal")


@sqlite_only("start-up errors for files (PostgreSQL: test_postgres_operations.py)")
class StartupErrors(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="startup-")

    def tearDown(self):
        subprocess.run(["chattr", "-R", "-i", self.tmp], capture_output=True)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def refused(self, *args, words=()):
        result = run("--skip-build", "--port", "0", *args)
        self.assertNotEqual(result.returncode, 0, result.stdout)
        self.assertNotIn("Traceback", result.stderr + result.stdout)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        self.assertTrue(1 <= len(lines) <= 2, result.stderr)
        for word in words:
            self.assertIn(word, result.stderr)
        return result.stderr

    def test_a_missing_folder(self):
        path = os.path.join(self.tmp, "no", "such", "dir", "x.db")
        self.refused("--db", path, words=("does not exist", "mkdir"))
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "no")))

    def test_a_folder(self):
        self.refused("--db", self.tmp, words=("is a folder",))
        self.assertEqual(os.listdir(self.tmp), [])

    def test_a_file_that_is_not_a_database(self):
        path = os.path.join(self.tmp, "notes.db")
        with open(path, "w") as handle:
            handle.write("These are my notes, not a database.\n" * 50)
        before = file_state(path)
        self.refused("--db", path, words=("not a SQLite database",))
        self.assertEqual(file_state(path), before)

    def test_another_programs_database_and_a_newer_one(self):
        other = os.path.join(self.tmp, "other.db")
        conn = sqlite3.connect(other)
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.commit()
        conn.close()
        before = file_state(other)
        self.refused("--db", other, words=("other tables",))
        self.assertEqual(file_state(other), before)

        newer = os.path.join(self.tmp, "newer.db")
        conn = sqlite3.connect(newer)
        conn.executescript(f"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                           f"INSERT INTO meta VALUES ('schema_version', '{LATEST + 5}');")
        conn.close()
        before = file_state(newer)
        self.refused("--db", newer, words=(f"schema version {LATEST + 5}", "newer"))
        self.assertEqual(file_state(newer), before)

    def chattr(self, path):
        if subprocess.run(["chattr", "+i", path], capture_output=True).returncode != 0:
            self.skipTest("chattr +i is not available here")

    def test_a_read_only_file(self):
        path = os.path.join(self.tmp, "ro.db")
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
        conn.commit()
        conn.close()
        before = file_state(path)
        self.chattr(path)  # immutable: even root cannot write it, as a read-only file for a user
        self.refused("--db", path, words=("read-only",))
        self.assertEqual(file_state(path), before)

    def test_a_read_only_folder(self):
        folder = os.path.join(self.tmp, "ro")
        os.mkdir(folder)
        self.chattr(folder)
        self.refused("--db", os.path.join(folder, "x.db"), words=("cannot be",))
        self.assertEqual(os.listdir(folder), [])

    def test_a_database_another_serve_py_is_using(self):
        path = os.path.join(self.tmp, "busy.db")
        first = ServeProcess("--db", path)
        try:
            before = fingerprint(path)
            self.refused("--db", path, words=("in use by another running serve.py",))
            self.assertEqual(fingerprint(path), before)
            self.assertEqual(request(first.port, "GET", "/api/v1/health").status, 200)
        finally:
            first.stop()

    def test_a_bad_google_jwks_file(self):
        db = os.path.join(self.tmp, "g.db")
        missing = os.path.join(self.tmp, "missing.json")
        self.refused("--db", db, "--google-client-id", "x", "--google-jwks", missing, words=("does not exist",))
        broken = os.path.join(self.tmp, "broken.json")
        with open(broken, "w") as handle:
            handle.write("{not json")
        self.refused("--db", db, "--google-client-id", "x", "--google-jwks", broken, words=("not JSON",))
        empty = os.path.join(self.tmp, "empty.json")
        with open(empty, "w") as handle:
            json.dump({"keys": []}, handle)
        self.refused("--db", db, "--google-client-id", "x", "--google-jwks", empty, words=("no RSA keys",))
        self.assertFalse(os.path.exists(db))

    def test_reseller_add_has_the_same_plain_words(self):
        result = run("reseller", "add", "a@b.de", "A", "--db", os.path.join(self.tmp, "no", "x.db"))
        self.assertNotEqual(result.returncode, 0)
        self.assertNotIn("Traceback", result.stderr)
        self.assertIn("does not exist", result.stderr)


@sqlite_only("the start-up lines with a file (PostgreSQL: test_postgres_operations.py)")
class StartupLines(unittest.TestCase):
    def test_version_database_schema_and_mode_are_printed(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "lines.db")
            server = ServeProcess("--db", path)
            code, _, text = server.stop()
            self.assertIn("Partner API 1.", text)
            self.assertIn(f"Database: {os.path.realpath(path)} (schema version {LATEST})", text)
            self.assertIn("Mode: demo", text)
            self.assertEqual(code, 0)


@sqlite_only("a full SQLite file (PostgreSQL's faults: test_postgres_operations.py)")
class StorageFaults(ServerTestCase):
    def fill_the_disk(self, db, pages):
        db.pragmas = (f"PRAGMA max_page_count = {pages}",)
        for conn in list(db._pool.queue):
            conn.execute(db.pragmas[0])

    def test_a_full_disk_is_503_writes_nothing_and_reads_go_on(self):
        token = self.sign_in("disk@example.com")
        customer = self.active_customer(token, 1, licenses=5)
        db = self.server.app.db
        conn = sqlite3.connect(self.db_path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.close()
        before = fingerprint(self.db_path)
        self.fill_the_disk(db, pages)
        try:
            big = {"name": "Groß " + "x" * 190, "email": "it@full-disk.de", "google_domain": "full-disk.de",
                   "organization": "y" * 200}
            replies = [self.call("POST", "/api/v1/customers", {**big, "google_domain": f"full-{n}.de"}, token)
                       for n in range(40)]
            refused = [r for r in replies if r.status == 503]
            self.assertTrue(refused, [r.status for r in replies])
            error = self.assertError(refused[0], 503, "storage_unavailable")
            self.assertIn("Nothing was changed", error["message"])
            # Whatever was refused left nothing behind; whatever got a 201 is whole.
            created = [r.json["id"] for r in replies if r.status == 201]
            page = self.ok("GET", "/api/v1/customers?limit=200", token=token)
            self.assertEqual(page["total"], 1 + len(created))
            self.ok("GET", f"/api/v1/customers/{customer['id']}", token=token)
            self.ok("GET", "/api/v1/dashboard", token=token)
            self.assertTrue(any("STORAGE FAULT" in line for line in self.log_lines))
        finally:
            self.fill_the_disk(db, 1_073_741_823)
        if not created:
            self.assertEqual(fingerprint(self.db_path), before)
        self.ok("POST", "/api/v1/customers", {**big, "google_domain": "after-the-fault.de"}, token, status=201)
        conn = sqlite3.connect(self.db_path)
        self.assertEqual(conn.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        conn.close()


def order_burst(port, token, customer_ids, stop, results):
    """Orders +1 license on its customers until told to stop; records every answer."""
    counts = {}
    n = 0
    while not stop.is_set():
        cid = customer_ids[n % len(customer_ids)]
        n += 1
        try:
            sub = request(port, "GET", f"/api/v1/customers/{cid}/subscription", token=token)
            if sub.status != 200:
                results.append(("get", sub.status, None))
                continue
            seen = sub.json["licenses"]
            reply = request(port, "POST", f"/api/v1/customers/{cid}/subscription/license-orders",
                            {"licenses": seen + 1, "expected_licenses": seen}, token,
                            headers={"Idempotency-Key": uuid.uuid4().hex})
            results.append(("order", reply.status, reply.json if reply.status == 201 else None))
        except OSError as error:  # the server stopped under us
            results.append(("order", 0, repr(error)))
            time.sleep(0.05)
    return counts


@sqlite_only("file backups (PostgreSQL's pg_dump: test_postgres_operations.py)")
class BackupRestoreAndStop(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ops-")
        self.db = os.path.join(self.tmp, "ops.db")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def customers(self, port, token, count):
        ids = []
        for n in range(count):
            reply = request(port, "POST", "/api/v1/customers",
                            {"name": f"Burst {n}", "email": f"it@burst-{n}.de", "google_domain": f"burst-{n}.de",
                             "organization": f"Burst {n} GmbH"}, token)
            link = reply.json["invitation"]["url"]
            request(port, "POST", f"/api/v1/invitations/{link.rsplit('/', 1)[1]}/accept", {"demo": True})
            ids.append(reply.json["id"])
        return ids

    def check_whole(self, path):
        """Every order has its activity entry and its invoice; each subscription ends where
        its last order left it."""
        conn = sqlite3.connect(path)
        try:
            self.assertEqual(conn.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            orders = conn.execute("SELECT id, subscription_id, licenses_after, amount, invoice_id FROM license_orders"
                                  " ORDER BY id").fetchall()
            activity = conn.execute("SELECT COUNT(*) FROM activity WHERE action = 'subscription.licenses_ordered'"
                                    ).fetchone()[0]
            self.assertEqual(activity, len(orders))
            for _, sub_id, after, amount, invoice_id in orders:
                if amount:
                    total = conn.execute("SELECT subtotal FROM invoices WHERE id = ?", (invoice_id,)).fetchone()
                    self.assertEqual(total[0], amount)
            last = {}
            for _, sub_id, after, _, _ in orders:
                last[sub_id] = after
            for sub_id, after in last.items():
                self.assertEqual(conn.execute("SELECT licenses FROM subscriptions WHERE id = ?", (sub_id,)).fetchone()[0],
                                 after)
            return {row[0] for row in orders}
        finally:
            conn.close()

    def test_backup_while_writing_then_restore_refused_while_running_then_restored(self):
        server = ServeProcess("--db", self.db)
        stop, results = threading.Event(), []
        try:
            token = request(server.port, "POST", "/api/v1/auth/demo", {"email": "ops@example.com"}).json["token"]
            ids = self.customers(server.port, token, 3)
            burst = threading.Thread(target=order_burst, args=(server.port, token, ids, stop, results))
            burst.start()
            backups = []
            for n in range(3):
                time.sleep(0.4)
                out = os.path.join(self.tmp, f"backup-{n}.db")
                result = run("backup", "--db", self.db, out)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn("Backed up", result.stdout)
                backups.append(out)
            stop.set()
            burst.join()
            again = run("backup", "--db", self.db, backups[0])
            self.assertNotEqual(again.returncode, 0)
            self.assertIn("already exists", again.stderr)
            for out in backups:
                self.check_whole(out)
            self.assertGreater(len(self.check_whole(backups[-1])), len(self.check_whole(backups[0])) - 1)
            refused = run("restore", "--db", self.db, backups[0])
            self.assertNotEqual(refused.returncode, 0)
            self.assertIn("Stop it first", refused.stderr)
        finally:
            stop.set()
            code, _, err = server.stop()
        self.assertEqual(code, 0, err)
        latest = self.check_whole(self.db)
        restored = run("restore", "--db", self.db, backups[0])
        self.assertEqual(restored.returncode, 0, restored.stderr)
        self.assertEqual(self.check_whole(self.db), self.check_whole(backups[0]))
        kept = [name for name in os.listdir(self.tmp) if ".before-restore-" in name and not name.endswith(("-wal", "-shm"))]
        self.assertEqual(len(kept), 1)
        self.assertEqual(self.check_whole(os.path.join(self.tmp, kept[0])), latest)
        server = ServeProcess("--db", self.db)
        try:
            token = request(server.port, "POST", "/api/v1/auth/demo", {"email": "ops@example.com"}).json["token"]
            self.assertEqual(request(server.port, "GET", "/api/v1/customers", token=token).json["total"], 3)
        finally:
            server.stop()
        bogus = os.path.join(self.tmp, "bogus.db")
        with open(bogus, "w") as handle:
            handle.write("no")
        result = run("restore", "--db", self.db, bogus)
        self.assertNotEqual(result.returncode, 0)
        self.assertNotIn("Traceback", result.stderr)

    def test_sigterm_in_an_order_burst_keeps_every_answered_order_and_exits_in_time(self):
        server = ServeProcess("--db", self.db)
        stop, results = threading.Event(), []
        token = request(server.port, "POST", "/api/v1/auth/demo", {"email": "stop@example.com"}).json["token"]
        ids = self.customers(server.port, token, 4)
        threads = [threading.Thread(target=order_burst, args=(server.port, token, ids[i::2], stop, results))
                   for i in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(1.5)
        started = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        out, err = server.process.communicate(timeout=30)
        took = time.monotonic() - started
        stop.set()
        for thread in threads:
            thread.join()
        self.assertEqual(server.process.returncode, 0, err)
        self.assertLess(took, 12)
        self.assertNotIn("Traceback", err)
        self.assertIn("Stopped cleanly", out)
        acknowledged = {r[2]["order"]["id"] for r in results if r[0] == "order" and r[1] == 201}
        self.assertGreater(len(acknowledged), 5)
        stored = self.check_whole(self.db)
        self.assertLessEqual(acknowledged, stored)
        self.assertFalse(os.path.exists(self.db + "-wal") and os.path.getsize(self.db + "-wal") > 0)


@sqlite_only("SQLite files (PostgreSQL's pg_restore: test_postgres_operations.py)")
class HostileFiles(unittest.TestCase):
    """Issue 24, defects 7 and 8 and file modes: restore took a file holding only `meta`, and a
    real backup with an extra trigger that copied every session token; backup wrote through a
    planted OUT.partial symlink; databases and backups were created world-readable."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="hostile-")
        self.db = os.path.join(self.tmp, "console.db")
        server = ServeProcess("--db", self.db)
        token = request(server.port, "POST", "/api/v1/auth/demo", {"email": "files@example.com"}).json["token"]
        request(server.port, "POST", "/api/v1/customers", {"name": "Datei Kunde", "email": "a@datei.de",
                                                           "google_domain": "datei.de", "organization": "Datei"}, token)
        server.stop()
        self.good = os.path.join(self.tmp, "good.db")
        result = run("backup", "--db", self.db, self.good)
        self.assertEqual(result.returncode, 0, result.stderr)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def variant(self, name, *statements):
        path = os.path.join(self.tmp, name)
        shutil.copy(self.good, path)
        conn = sqlite3.connect(path)
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.close()
        return path

    def test_restore_refuses_anything_but_a_console_database_of_a_known_schema(self):
        only_meta = os.path.join(self.tmp, "only-meta.db")
        conn = sqlite3.connect(only_meta)
        conn.executescript(f"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                           f"INSERT INTO meta VALUES ('schema_version', '{LATEST}');")
        conn.close()
        hostile = {
            "only meta": only_meta,
            "an extra trigger": self.variant(
                "trigger.db", "CREATE TABLE loot (token_hash TEXT)",
                "CREATE TRIGGER steal AFTER INSERT ON sessions BEGIN INSERT INTO loot VALUES (NEW.token_hash); END"),
            "an extra view": self.variant("view.db", "CREATE VIEW everything AS SELECT * FROM customers"),
            "an extra index": self.variant("index.db", "CREATE INDEX sneaky ON customers(email)"),
            "a dropped index": self.variant("dropped.db", "DROP INDEX customers_name"),
            "a changed trigger": self.variant(
                "changed.db", "DROP TRIGGER customers_insert_generation",
                "CREATE TRIGGER customers_insert_generation AFTER INSERT ON customers BEGIN SELECT 1; END"),
            "an extra column": self.variant("column.db", "ALTER TABLE customers ADD COLUMN note TEXT"),
        }
        before = file_state(self.db)
        for what, path in hostile.items():
            with self.subTest(what):
                result = run("restore", "--db", self.db, path)
                self.assertNotEqual(result.returncode, 0, result.stdout)
                self.assertNotIn("Traceback", result.stderr)
                self.assertIn("nothing was changed", result.stderr.lower())
                self.assertEqual(file_state(self.db), before)
                self.assertEqual([n for n in os.listdir(self.tmp) if "before-restore" in n], [])
        restored = run("restore", "--db", self.db, self.good)
        self.assertEqual(restored.returncode, 0, restored.stderr)

    def test_a_first_release_backup_still_restores(self):
        from test_migrations import FIXTURE_V1, load_dump
        old = os.path.join(self.tmp, "v1.db")
        load_dump(FIXTURE_V1, old)
        result = run("restore", "--db", self.db, old)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("schema version 1", result.stdout)

    def test_backup_never_writes_through_a_planted_partial_file(self):
        victim = os.path.join(self.tmp, "victim.db")
        shutil.copy(self.good, victim)
        victim_before = file_state(victim)
        out = os.path.join(self.tmp, "out.db")
        os.symlink(victim, out + ".partial")
        result = run("backup", "--db", self.db, out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(file_state(victim), victim_before)
        self.assertFalse(os.path.islink(out))
        self.assertTrue(os.path.islink(out + ".partial"))  # left as it was found
        self.assertEqual(os.stat(out).st_mode & 0o777, 0o600)

    def test_databases_backups_and_their_companions_are_private(self):
        fresh = os.path.join(self.tmp, "fresh.db")
        server = ServeProcess("--db", fresh)
        try:
            request(server.port, "POST", "/api/v1/auth/demo", {"email": "private@example.com"})
            for path in (fresh, fresh + "-wal", fresh + "-shm"):
                with self.subTest(path=path):
                    self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)
        finally:
            server.stop()
        self.assertEqual(os.stat(self.good).st_mode & 0o777, 0o600)
        self.assertEqual(run("restore", "--db", self.db, self.good).returncode, 0)
        kept = [n for n in os.listdir(self.tmp) if ".before-restore-" in n]
        self.assertEqual(len(kept), 1)
        self.assertEqual(os.stat(os.path.join(self.tmp, kept[0])).st_mode & 0o777, 0o600)
        self.assertEqual(os.stat(self.db).st_mode & 0o777, 0o600)


if __name__ == "__main__":
    unittest.main()
