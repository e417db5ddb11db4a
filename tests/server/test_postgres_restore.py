"""A PostgreSQL restore takes only a console database (issue 24's defect 7, on PostgreSQL): a dump
with an extra trigger, a changed table, an event trigger or a missing table is refused and the
database is left exactly as it was (rows and schema); a dump of an older schema version still
restores."""
import os
import subprocess
import sys
import tempfile
import unittest

from support import ROOT, fingerprint
import postgres_cluster

from partner_api.storage.migrations import HISTORY, LATEST, MIGRATIONS
from partner_api.storage.postgres.shape import SIGNATURE_SQL

SERVE = str(ROOT / "serve.py")


def serve(*args):
    return subprocess.run([sys.executable, SERVE, *args], capture_output=True, text=True, timeout=180)


@unittest.skipUnless(postgres_cluster.bin_dir(), "PostgreSQL's server is not installed")
class HostileDumps(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cluster = postgres_cluster.shared()
        cls.tmp = tempfile.mkdtemp(prefix="pg-restore-")
        # The database a restore must leave alone: migrated, with a customer's worth of rows.
        cls.target = cls.cluster.new_database("target")
        assert serve("migrate", "--db", cls.target).returncode == 0
        cls.execute(cls.target, "INSERT INTO resellers(email, name, created_at) VALUES ('r@x.de', 'R', '2026-01-01')")

    @classmethod
    def tearDownClass(cls):
        cls.cluster.drop_database(cls.target)
        subprocess.run(["rm", "-rf", cls.tmp])

    @classmethod
    def execute(cls, url, *statements):
        from partner_api.storage.postgres import load_psycopg
        psycopg, _ = load_psycopg()
        with psycopg.connect(url, autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    def state(self):
        from partner_api.storage.postgres import load_psycopg
        psycopg, _ = load_psycopg()
        with psycopg.connect(self.target, autocommit=True) as conn:
            schema = conn.execute(SIGNATURE_SQL).fetchone()[0]
        return fingerprint(self.target), schema

    def dump_of(self, name, *changes):
        """A serve.py backup of a migrated database after `changes` (SQL run on it first)."""
        url = self.cluster.new_database(name)
        try:
            self.assertEqual(serve("migrate", "--db", url).returncode, 0)
            self.execute(url, *changes)
            out = os.path.join(self.tmp, f"{name}.dump")
            backed = serve("backup", "--db", url, out)
            self.assertEqual(backed.returncode, 0, backed)
            return out
        finally:
            self.cluster.drop_database(url)

    def assertRefused(self, dump, *phrases):
        before = self.state()
        result = serve("restore", "--db", self.target, dump)
        self.assertNotEqual(result.returncode, 0, result)
        self.assertNotIn("Traceback", result.stderr)
        self.assertIn("is not a Reseller Console database", result.stderr)
        self.assertIn("Nothing was changed", result.stderr)
        for phrase in phrases:
            self.assertIn(phrase, result.stderr)
        self.assertEqual(self.state(), before)
        self.assertEqual([n for n in os.listdir(self.tmp) if ".before-restore-" in n], [])

    def test_a_trigger_that_copies_sessions_is_refused(self):
        dump = self.dump_of(
            "trigger", "CREATE TABLE stolen (token text)",
            "CREATE FUNCTION steal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "INSERT INTO stolen VALUES (NEW.token_hash); RETURN NEW; END $$",
            "CREATE TRIGGER steal AFTER INSERT ON sessions FOR EACH ROW EXECUTE FUNCTION steal()")
        self.assertRefused(dump, "not made by serve.py", "trigger CREATE TRIGGER steal", "relation stolen")

    def test_a_changed_table_is_refused(self):
        dump = self.dump_of("column", "ALTER TABLE customers ADD COLUMN note text")
        self.assertRefused(dump, "relation customers")

    def test_a_missing_index_is_refused(self):
        dump = self.dump_of("index", "DROP INDEX customers_name")
        self.assertRefused(dump, "missing: index CREATE INDEX customers_name")

    def test_an_event_trigger_is_refused_before_anything_is_touched(self):
        dump = self.dump_of(
            "event", "CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$",
            "CREATE EVENT TRIGGER on_ddl ON ddl_command_end EXECUTE FUNCTION on_ddl()")
        try:
            self.assertRefused(dump, "event trigger")
        finally:
            self.execute(self.cluster.url, "DROP EVENT TRIGGER IF EXISTS on_ddl")

    def test_a_real_backup_and_an_older_schema_version_restore(self):
        url = self.cluster.new_database("older")
        try:
            # A database the migrations brought to version 6 only, as an older serve.py left it.
            statements = []
            for migration in MIGRATIONS:
                if migration.version <= 6:
                    statements += [migration.sql_for("postgresql"), HISTORY,
                                   f"INSERT INTO meta(key, value) VALUES ('schema_version', '{migration.version}') "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value"]
            self.execute(url, *statements)
            old = os.path.join(self.tmp, "older.dump")
            self.assertEqual(serve("backup", "--db", url, old).returncode, 0)
        finally:
            self.cluster.drop_database(url)
        into = self.cluster.new_database("into")
        try:
            restored = serve("restore", "--db", into, old)
            self.assertEqual(restored.returncode, 0, restored)
            self.assertIn("schema version 6", restored.stdout)
            self.assertEqual(serve("migrate", "--db", into).returncode, 0)
            current = os.path.join(self.tmp, "current.dump")
            self.assertEqual(serve("backup", "--db", into, current).returncode, 0)
            again = serve("restore", "--db", self.target, current)  # the target now holds its data
            self.assertEqual(again.returncode, 0, again)
            self.assertIn(f"schema version {LATEST}", again.stdout)
        finally:
            self.cluster.drop_database(into)
            for name in os.listdir(self.tmp):
                if ".before-restore-" in name:
                    os.unlink(os.path.join(self.tmp, name))
