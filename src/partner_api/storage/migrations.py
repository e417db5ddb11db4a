"""Schema migrations: ordered, numbered, each applied in one transaction at start-up (or by
`serve.py migrate`) and recorded in the database (`meta.schema_version` and the
`schema_migrations` history). One list for both databases: a migration holds SQLite's SQL and,
where PostgreSQL's differs, PostgreSQL's under the same number (storage/postgres/schema.py);
this module applies SQLite's (their scripts: storage/sqlite_schema.py), storage/postgres/database.py
PostgreSQL's.

Every schema change adds a migration at the end of MIGRATIONS, with both dialects; released
migrations are never edited. tests/server/test_migrations.py upgrades a database made by the
first released version (tests/server/fixtures/db_v1.sql) and checks that every row survives;
tests/server/test_postgres_migrations.py applies the list to PostgreSQL.
"""
import dataclasses
import datetime as dt
import sqlite3

from .postgres import schema as postgresql
from .sqlite_schema import (
    CLASSIFY_ACTORS, V1, V2, V3, V4, V5, V6, V7, V9, V10, V11, V12)


class SchemaError(Exception):
    """The database cannot be used by this version; the message says why and what to do."""


@dataclasses.dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str                      # SQLite
    postgresql: str = None        # PostgreSQL, where it differs from `sql` (None: `sql` runs on both)

    def sql_for(self, dialect):
        return self.postgresql if dialect == "postgresql" and self.postgresql is not None else self.sql


MIGRATIONS = [
    Migration(1, "first release", V1, postgresql.V1),
    Migration(2, "demo accounts are marked", V2),
    Migration(3, "kiosk snapshots of demo accounts", V3, postgresql.V3),
    Migration(4, "list generations for kept totals", V4, postgresql.V4),
    Migration(5, "teams: members with roles, sessions of members, actors in the history", V5,
              postgresql.V5 + CLASSIFY_ACTORS + "CREATE INDEX activity_actor ON activity(reseller_id, actor, id);"),
    Migration(6, "rate limits shared by every process", V6, postgresql.V6),
    Migration(7, "demo accounts reserve no domains; purge indexes; no stored sign-in answers", V7, postgresql.V7),
    # SQLite's FTS5 finds word prefixes and has nothing to add here.
    Migration(8, "search by character pairs (PostgreSQL)", "", postgresql.V8),
    Migration(9, "billing profiles, customers' billing details, invoices as issued, credit notes", V9,
              postgresql.V9),
    Migration(10, "suspension, verified answers, renewal count, seat cap, transfer tokens", V10, postgresql.V10),
    Migration(11, "bulk jobs and their rows, history entries naming a job, saved views", V11, postgresql.V11),
    Migration(12, "invoice lines keep what they are, for the reader's language", V12, postgresql.V12),
]
LATEST = MIGRATIONS[-1].version


def _now():
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def current_version(conn):
    """The schema version recorded in the database; 0 for a new, empty database."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables:
        if tables:
            raise SchemaError("this SQLite file holds other tables, not a Reseller Console database; "
                              "pass --db with a new file name or an existing console database")
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None or not str(row[0]).isdigit():
        raise SchemaError("the database records no schema version; it was not made by serve.py")
    return int(row[0])


HISTORY = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT  -- NULL: applied before this history was kept
)"""


def check_version(conn):
    """Raises SchemaError for a database this version cannot use; returns its version."""
    version = current_version(conn)
    refuse_newer(version, "file")
    return version


def refuse_newer(version, what):
    if version > LATEST:
        raise SchemaError(f"the database has schema version {version}, but this serve.py knows versions up "
                          f"to {LATEST} only: a newer serve.py made it. Run that newer version, or restore "
                          f"a backup made by this one. The {what} was not changed.")


def migrate(conn, log=None, target=None):
    """Brings the database up to LATEST (or `target`), one migration per transaction; returns
    (version before, version after). A database from a newer version is refused untouched."""
    before = check_version(conn)
    target = LATEST if target is None else target
    for migration in MIGRATIONS:
        if migration.version <= before or migration.version > target:
            continue
        if log:
            log(f"Upgrading the database to schema version {migration.version} ({migration.name}).")
        # One transaction per migration: a failure leaves the database at the version before it.
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(HISTORY)
            # Versions applied before the history existed are listed without a date.
            conn.executemany("INSERT OR IGNORE INTO schema_migrations(version, name, applied_at) VALUES (?, ?, NULL)",
                             [(m.version, m.name) for m in MIGRATIONS if m.version <= before])
            conn.execute("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                         (migration.version, migration.name, _now()))
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                         (str(migration.version),))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return before, max(before, target)


def schema_objects(conn):
    """Every table, index, trigger and view, with the SQL that makes it (spacing aside): what a
    database's schema is, to compare with what the migrations make."""
    return {(kind, name, table, " ".join((sql or "").split()))
            for kind, name, table, sql in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")}


def expected_schema(version):
    """schema_objects() of a database the migrations bring to `version` (the first release,
    version 1, kept no migration history)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, target=version)
        objects = schema_objects(conn)
    finally:
        conn.close()
    if version == 1:
        objects = {item for item in objects if item[2] != "schema_migrations"}
    return objects


def _statements(script):
    """Splits a script into complete statements (triggers hold semicolons of their own)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip():
        raise SchemaError(f"incomplete statement in a migration: {current.strip()[:80]}")
    return statements
