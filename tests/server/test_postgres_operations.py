"""Running serve.py on PostgreSQL (issue 20): plain start-up errors (a wrong URL, a refused
password, no such database, no server), `serve.py migrate`, a newer database refused untouched,
each migration in one transaction, backup and restore through pg_dump / pg_restore, and a
database that goes away while serving: 503, then it recovers without a restart."""
import os
import subprocess
import sys
import tempfile
import time
import unittest

from support import ROOT, T0, fingerprint, request, sql
import postgres_cluster
from postgres_cluster import PASSWORD_USER

from partner_api.clock import FakeClock
from partner_api.http.server import RunningServer, Settings
from partner_api.storage.migrations import LATEST

SERVE = str(ROOT / "serve.py")


def serve(*args, env=None):
    return subprocess.run([sys.executable, SERVE, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


@unittest.skipUnless(postgres_cluster.bin_dir(), "PostgreSQL's server is not installed")
class StartupAndMigrations(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cluster = postgres_cluster.shared()
        cls.base = cls.cluster.url.rsplit("/", 1)[0]

    def assertPlainFailure(self, result, *phrases):
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        self.assertNotEqual(result.returncode, 0, result)
        self.assertNotIn("Traceback", result.stderr)
        self.assertLessEqual(len(lines), 2, result.stderr)
        for phrase in phrases:
            self.assertIn(phrase, result.stderr)
        self.assertNotIn("Reseller Console: http", result.stdout)

    def test_start_up_errors_are_one_or_two_plain_lines(self):
        with self.cluster.admin() as conn:
            conn.execute(f"DROP ROLE IF EXISTS {PASSWORD_USER}")
            conn.execute(f"CREATE ROLE {PASSWORD_USER} LOGIN PASSWORD 'right-one'")
        port = postgres_cluster.free_port()
        cases = {
            "postgresql://u@127.0.0.1:99999999/db": ("not a PostgreSQL URL", "--db postgresql://"),
            "postgresql://u@[broken/db": ("not a PostgreSQL URL",),
            f"postgresql://{PASSWORD_USER}:wrong-one@127.0.0.1:{self.cluster.port}/postgres":
                ("refused the password", PASSWORD_USER),
            f"{self.base}/no_such_database": ("There is no database no_such_database", "createdb"),
            f"postgresql://postgres@127.0.0.1:{port}/console": (f"No PostgreSQL server answers at 127.0.0.1:{port}",),
            f"postgresql://nobody_here@127.0.0.1:{self.cluster.port}/postgres": ("no user nobody_here",),
        }
        for url, phrases in cases.items():
            with self.subTest(url=url):
                result = serve("--skip-build", "--port", "0", "--db", url)
                self.assertPlainFailure(result, *phrases)
                self.assertNotIn("wrong-one", result.stderr)  # a password never reaches the log
        # DATABASE_URL is the default --db, for serve.py and its subcommands alike.
        result = serve("migrate", env={"DATABASE_URL": f"{self.base}/no_such_database"})
        self.assertPlainFailure(result, "There is no database no_such_database")

    def test_migrate_applies_every_migration_once_and_then_serving_needs_none(self):
        url = self.cluster.new_database("migrate")
        try:
            first = serve("migrate", "--db", url)
            self.assertEqual(first.returncode, 0, first)
            self.assertIn(f"schema version {LATEST} (was 0)", first.stdout)
            self.assertEqual(first.stderr.count("Upgrading the database"), LATEST)
            again = serve("migrate", "--db", url)
            self.assertIn("already up to date", again.stdout)
            self.assertNotIn("Upgrading", again.stderr)
            history = sql(url, "SELECT version FROM schema_migrations ORDER BY version")
            self.assertEqual(history, [(v,) for v in range(1, LATEST + 1)])
        finally:
            self.cluster.drop_database(url)

    def test_a_database_from_a_newer_version_is_refused_untouched(self):
        url = self.cluster.new_database("newer")
        try:
            self.assertEqual(serve("migrate", "--db", url).returncode, 0)
            sql(url, "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(LATEST + 1),))
            before = fingerprint(url)
            result = serve("--skip-build", "--port", "0", "--db", url)
            self.assertPlainFailure(result, f"schema version {LATEST + 1}", "newer serve.py", "not changed")
            self.assertEqual(fingerprint(url), before)
        finally:
            self.cluster.drop_database(url)

    def test_a_migration_that_fails_leaves_nothing_of_itself(self):
        from partner_api.storage import migrations
        from partner_api.storage.postgres import database, load_psycopg
        psycopg, _ = load_psycopg()
        url = self.cluster.new_database("halfway")
        try:
            self.assertEqual(serve("migrate", "--db", url).returncode, 0)
            # A next migration whose second statement fails: its first must not stay behind.
            broken = migrations.Migration(LATEST + 1, "breaks halfway", "", "CREATE TABLE half_made (x int);"
                                          " CREATE TABLE meta (x int);")
            original = database.MIGRATIONS
            database.MIGRATIONS = migrations.MIGRATIONS + [broken]
            database.LATEST = LATEST + 1
            try:
                with psycopg.connect(url, autocommit=True) as conn, self.assertRaises(psycopg.errors.DuplicateTable):
                    database.migrate(conn)
            finally:
                database.MIGRATIONS, database.LATEST = original, LATEST
            self.assertEqual(sql(url, "SELECT to_regclass('half_made') IS NULL"), [(True,)])
            self.assertEqual(sql(url, "SELECT value FROM meta WHERE key = 'schema_version'"), [(str(LATEST),)])
            self.assertEqual(sql(url, "SELECT max(version) FROM schema_migrations"), [(LATEST,)])
            self.assertEqual(serve("migrate", "--db", url).returncode, 0)  # and the database is as good as before
        finally:
            self.cluster.drop_database(url)

    def test_the_start_up_lines_name_the_database_without_its_password_and_note_a_c_locale(self):
        with self.cluster.admin() as conn:
            conn.execute("DROP DATABASE IF EXISTS c_locale WITH (FORCE)")
            conn.execute("CREATE DATABASE c_locale TEMPLATE template0 LOCALE 'C' ENCODING 'UTF8'")
        url = f"{self.base}/c_locale"
        with_password = url.replace("://postgres@", "://postgres:secret@")
        process = subprocess.Popen([sys.executable, SERVE, "--skip-build", "--port", "0", "--db", with_password],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            self.assertIn("Reseller Console: http", process.stdout.readline())
        finally:
            process.terminate()
            _, err = process.communicate(timeout=30)
            self.cluster.drop_database(url)
        self.assertIn(f"Database: {url.replace('://postgres@', '://postgres:***@')} (schema version {LATEST})", err)
        self.assertNotIn("secret", err)
        self.assertIn("LC_CTYPE is C", err)


@unittest.skipUnless(postgres_cluster.bin_dir(), "PostgreSQL's server is not installed")
class BackupAndRestore(unittest.TestCase):
    def test_backup_and_restore_through_pg_dump_and_pg_restore(self):
        cluster = postgres_cluster.shared()
        url = cluster.new_database("backup")
        tmp = tempfile.mkdtemp(prefix="pg-backup-")
        out = os.path.join(tmp, "console.dump")
        try:
            process = subprocess.Popen([sys.executable, SERVE, "--skip-build", "--port", "0", "--quiet", "--db", url],
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            port = int(process.stdout.readline().strip().rsplit(":", 1)[1].rstrip("/"))
            token = request(port, "POST", "/api/v1/auth/demo", {"email": "demo@reseller.example"}).json["token"]
            backed = serve("backup", "--db", url, out)  # while the server runs
            self.assertEqual(backed.returncode, 0, backed)
            self.assertIn("pg_dump", backed.stdout)
            saved = fingerprint(url)
            request(port, "POST", "/api/v1/customers", {"name": "Nach Backup", "email": "a@nach.de",
                                                        "google_domain": "nach-backup.de", "organization": "N"}, token)
            self.assertNotEqual(fingerprint(url), saved)
            refused = serve("restore", "--db", url, out)
            self.assertNotEqual(refused.returncode, 0)
            self.assertIn("Stop every serve.py first", refused.stderr)
            process.terminate()
            process.wait(timeout=30)
            restored = serve("restore", "--db", url, out)
            self.assertEqual(restored.returncode, 0, restored)
            self.assertEqual(fingerprint(url), saved)
            kept = [name for name in os.listdir(tmp) if ".before-restore-" in name]
            self.assertEqual(len(kept), 1, os.listdir(tmp))
            self.assertIn(kept[0], restored.stdout)
            self.assertNotEqual(serve("backup", "--db", url, out).returncode, 0)  # never overwrites
            garbage = os.path.join(tmp, "not-a-dump")
            with open(garbage, "w") as handle:
                handle.write("hello")
            bad = serve("restore", "--db", url, garbage)
            self.assertNotEqual(bad.returncode, 0)
            self.assertNotIn("Traceback", bad.stderr)
            self.assertEqual(fingerprint(url), saved)
        finally:
            cluster.drop_database(url)
            subprocess.run(["rm", "-rf", tmp])


@unittest.skipUnless(postgres_cluster.bin_dir(), "PostgreSQL's server is not installed")
class DatabaseGoesAway(unittest.TestCase):
    def test_503_while_the_database_is_down_and_recovery_without_a_restart(self):
        cluster = postgres_cluster.Cluster().start()  # its own: this test stops it
        try:
            url = cluster.new_database("away")
            server = RunningServer(Settings(port=0, db_path=url, quiet=True, clock=FakeClock(T0),
                                            log=lambda line: None)).start()
            try:
                port = server.port
                token = request(port, "POST", "/api/v1/auth/demo", {"email": "away@example.com"}).json["token"]
                self.assertEqual(request(port, "GET", "/api/v1/customers", token=token).status, 200)
                cluster.stop_server("fast")
                for _ in range(3):
                    reply = request(port, "GET", "/api/v1/customers", token=token)
                    self.assertEqual(reply.status, 503, reply)
                    self.assertEqual(reply.json["error"]["code"], "database_unreachable")
                    self.assertEqual(reply.header("Retry-After"), "1")
                # What the load balancer checks: not ready, yet alive (it is not restarted).
                ready = request(port, "GET", "/api/v1/ready")
                self.assertEqual((ready.status, ready.json["error"]["code"]), (503, "database_unreachable"), ready)
                self.assertEqual(request(port, "GET", "/api/v1/health").status, 200)
                cluster.launch()
                deadline = time.monotonic() + 60
                while True:
                    reply = request(port, "GET", "/api/v1/customers", token=token)
                    if reply.status == 200 or time.monotonic() > deadline:
                        break
                    time.sleep(0.5)
                self.assertEqual(reply.status, 200, reply)
                self.assertEqual(request(port, "GET", "/api/v1/ready").status, 200)
                created = request(port, "POST", "/api/v1/customers", {"name": "Wieder Da", "email": "a@wieder.de",
                                                                     "google_domain": "wieder.de",
                                                                     "organization": "W"}, token)
                self.assertEqual(created.status, 201, created)
            finally:
                server.stop()
        finally:
            cluster.stop()


if __name__ == "__main__":
    unittest.main()
