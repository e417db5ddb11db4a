"""PostgreSQL connections and transactions: psycopg 3's pool, transactions that nest like
SQLite's (a `read()`/`write()` on a thread that holds one joins it), the locks that give
several serve.py processes SQLite's one-writer guarantees, and the migrations.

SQLite serialises every write (BEGIN IMMEDIATE), and the domain's read-then-write rules
(expected_licenses, invoice numbers, the billing catch-up, idempotency keys) rely on it. Here a
write runs at READ COMMITTED and first takes advisory locks, held until it ends:
- `write(account=id)`: that reseller's lock, plus a shared hold on the global lock. Writes to
  one account queue up (each then reads what the one before committed); other accounts' run
  beside them.
- `write()` without an account: the global lock, exclusive, so it runs alone, exactly like
  SQLite. Safe for anything, slower under load: name the account where there is one.
Reads are REPEATABLE READ READ ONLY: one snapshot, so a page and its total agree.
"""
import contextlib
import logging
import threading

from ..migrations import HISTORY, LATEST, MIGRATIONS, SchemaError, refuse_newer
from . import load_psycopg

# Advisory lock keys (two-int form; the one-bigint form holds account ids, a separate space).
LOCKS = 0x52430000          # 'RC..'
GLOBAL_KEY = (LOCKS, 1)     # every write: shared with an account, exclusive without
MIGRATION_KEY = (LOCKS, 2)  # one process migrates (or sets up) at a time
IDEMPOTENCY = LOCKS + 1     # (IDEMPOTENCY, hashtext(scope/key)): one request per key at a time
NAMED = LOCKS + 2           # (NAMED, hashtext(name)): write(account="name") for data of no reseller

# The pool's own warnings (each failed reconnection while the server is down) stay out of the
# log: the App writes one line per request that met an unreachable database.
logging.getLogger("psycopg.pool").addHandler(logging.NullHandler())
logging.getLogger("psycopg.pool").propagate = False

READ = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"
WRITE = "BEGIN ISOLATION LEVEL READ COMMITTED"
APPLICATION_NAME = "serve.py"


def redact(url):
    """The URL without its password, for messages and logs."""
    scheme, sep, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at or ":" not in credentials:
        return url
    return f"{scheme}{sep}{credentials.split(':', 1)[0]}:***@{host}"


_SQL = {}


def pg_sql(sql):
    """The storage's SQL (qmark parameters, as sqlite3 takes them) in psycopg's format."""
    converted = _SQL.get(sql)
    if converted is None:
        if len(_SQL) > 4096:  # IN lists of many lengths: bounded, never a leak
            _SQL.clear()
        converted = _SQL[sql] = sql.replace("%", "%%").replace("?", "%s")
    return converted


class Row(tuple):
    """A result row that reads like sqlite3.Row: by position, by column name, dict(row)."""
    __slots__ = ()
    _index = {}

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self):
        return list(self._index)


_ROW_CLASSES = {}


def row_factory(cursor):
    names = tuple(column.name for column in cursor.description or ())
    cls = _ROW_CLASSES.get(names)
    if cls is None:
        cls = _ROW_CLASSES[names] = type("Row", (Row,), {"__slots__": (), "_index": {n: i for i, n in enumerate(names)}})
    return cls


class Connection:
    """What the storage areas call `conn`: execute() with qmark SQL, like a sqlite3 connection."""
    __slots__ = ("raw", "begin")

    def __init__(self, raw, begin=None):
        self.raw = raw
        # The transaction's BEGIN, sent before its first statement: a transaction that runs
        # none (a nested read that found its answer kept) costs no round trip. (Sending BEGIN
        # in one pipeline with that statement measured slower with Debian's pure-Python psycopg.)
        self.begin = begin

    def execute(self, sql, params=()):
        if self.begin is None:
            return self.raw.execute(pg_sql(sql), params)
        begin, self.begin = self.begin, None
        self.raw.execute(begin)
        return self.raw.execute(pg_sql(sql), params)

    def executemany(self, sql, rows):
        if self.begin is not None:
            begin, self.begin = self.begin, None
            self.raw.execute(begin)
        with self.raw.cursor() as cursor:
            cursor.executemany(pg_sql(sql), list(rows))


class _State(threading.local):
    conn = None
    exclusive = False
    shared = False
    accounts = ()


class _Transaction:
    __slots__ = ("db", "begin", "account", "outer")

    def __init__(self, db, begin, account=None):
        self.db = db
        self.begin = begin
        self.account = account
        self.outer = False

    def __enter__(self):
        state = self.db._state
        if state.conn is None:
            state.conn = Connection(self.db.pool.getconn(), self.begin)
            state.exclusive, state.shared, state.accounts = False, False, set()
            self.outer = True
        if self.begin is WRITE:
            self.db._lock(state, self.account)
        return state.conn

    def __exit__(self, kind, error, trace):
        if not self.outer:
            return False
        state = self.db._state
        raw, unsent = state.conn.raw, state.conn.begin is not None
        state.conn = None
        broken = False
        try:
            if unsent:
                pass  # nothing was sent: there is no transaction to end
            elif kind is None:
                raw.execute("COMMIT")
            else:
                try:
                    raw.execute("ROLLBACK")
                except Exception:
                    broken = True
        except BaseException:
            broken = True
            raise
        finally:
            self.db._give_back(raw, broken)
        return False


def configure(conn):
    """Each new pooled connection (a SET, not the URL's options, which stay the operator's).
    plan_cache_mode: psycopg prepares a statement run five times, and PostgreSQL then planned
    it once for any parameters; "anything due by today?" got a sequential scan that way (17 ms
    at 80,000 subscriptions, on every signed-in request; 0.2 ms planned for its date)."""
    conn.execute("SET plan_cache_mode = force_custom_plan")


class NoServerLock:
    """Many serve.py share one PostgreSQL database: there is no lock to hold or release."""

    def release(self):
        pass


class PostgresDatabase:
    dialect = "postgresql"
    shared = True  # several serve.py may use it at once: what they count together lives in it

    def __init__(self, url, log=None, pool_size=10, connect_timeout=5, wait=5.0):
        self.psycopg, pool_module = load_psycopg()
        self.url = url
        self.path = redact(url)
        self.log = log or (lambda line: None)
        self.server_lock = NoServerLock()
        self._state = _State()
        options = {"autocommit": True, "row_factory": row_factory, "application_name": APPLICATION_NAME,
                   "connect_timeout": connect_timeout}
        first = self.psycopg.connect(url, **options)
        try:
            self.upgraded_from, self.schema_version = migrate(first, log)
            self.search_note = search_note(first)
        finally:
            first.close()
        self.pool = pool_module.ConnectionPool(
            url, kwargs=options, min_size=1, max_size=max(1, pool_size), timeout=wait, configure=configure,
            name="serve.py", reconnect_timeout=30, open=True)

    @contextlib.contextmanager
    def savepoint(self):
        raw = self._state.conn.raw  # inside this thread's write transaction
        raw.execute("SAVEPOINT bulk_row")
        try:
            yield
        except BaseException:
            # After a failed statement PostgreSQL refuses everything until this rollback.
            raw.execute("ROLLBACK TO SAVEPOINT bulk_row")
            raw.execute("RELEASE SAVEPOINT bulk_row")
            raise
        raw.execute("RELEASE SAVEPOINT bulk_row")

    @property
    def areas(self):
        from . import areas
        return areas

    def read(self):
        return _Transaction(self, READ)

    def write(self, account=None):
        return _Transaction(self, WRITE, account)

    def _lock(self, state, account):
        if state.exclusive:
            return
        conn = state.conn
        if account is None:
            conn.execute("SELECT pg_advisory_xact_lock(?, ?)", GLOBAL_KEY)
            state.exclusive = True
        elif account not in state.accounts:
            # A reseller id locks in the one-bigint space; a name (another unit of data, such as
            # one client's sign-in attempts) by its hash in the two-int space.
            one = "pg_advisory_xact_lock(?)" if isinstance(account, int) else "pg_advisory_xact_lock(?, hashtext(?))"
            params = (account,) if isinstance(account, int) else (NAMED, account)
            if not state.shared:
                conn.execute(f"SELECT pg_advisory_xact_lock_shared(?, ?), {one}", (*GLOBAL_KEY, *params))
                state.shared = True
            else:
                conn.execute(f"SELECT {one}", params)
            state.accounts.add(account)

    def _give_back(self, raw, broken):
        self.pool.putconn(raw)
        if broken or raw.closed:
            # The server went away or restarted: the idle connections are likely dead too.
            try:
                self.pool.check()
            except Exception:
                pass

    @contextlib.contextmanager
    def setting_up(self):
        """Start-up's seeding and kiosk preparation, one process at a time (the migration lock):
        processes started together on an empty database seed it once."""
        with self.pool.connection() as conn:
            conn.execute("SELECT pg_advisory_lock(%s, %s)", MIGRATION_KEY)
            try:
                yield
            finally:
                conn.execute("SELECT pg_advisory_unlock(%s, %s)", MIGRATION_KEY)

    def checkpoint(self):
        pass  # PostgreSQL's own checkpoints keep its files whole

    def close(self):
        self.pool.close(timeout=5)


# == migrations ===============================================================================

def current_version(conn):
    """The schema version recorded in the database; 0 for a new, empty one."""
    if conn.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None or not str(row[0]).isdigit():
            raise SchemaError("the database records no schema version; it was not made by serve.py")
        return int(row[0])
    others = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").fetchone()[0]
    if others:
        raise SchemaError("this PostgreSQL database holds other tables, not a Reseller Console database; "
                          "create an empty database for the console (createdb) and pass its URL")
    return 0


def migrate(conn, log=None):
    """Brings the database up to LATEST, one migration per transaction, while holding the
    migration lock (two serve.py starting at once: the second waits, then finds it done).
    A database from a newer version is refused untouched."""
    encoding = conn.execute("SHOW server_encoding").fetchone()[0]
    if encoding.upper() not in ("UTF8", "UTF-8"):
        raise SchemaError(f"the database's encoding is {encoding}; customers' names come in every script, so "
                          "create the database with ENCODING 'UTF8'")
    conn.execute("SELECT pg_advisory_lock(%s, %s)", MIGRATION_KEY)
    try:
        before = current_version(conn)
        refuse_newer(before, "database")
        for migration in MIGRATIONS:
            if migration.version <= before:
                continue
            if log:
                log(f"Upgrading the database to schema version {migration.version} ({migration.name}).")
            conn.execute("BEGIN")
            try:
                conn.execute(migration.sql_for("postgresql"))
                conn.execute(HISTORY)
                conn.execute("INSERT INTO schema_migrations(version, name, applied_at) VALUES (%s, %s, %s)",
                             (migration.version, migration.name, _now(conn)))
                conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', %s)"
                             " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(migration.version),))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return before, LATEST
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s, %s)", MIGRATION_KEY)


def _now(conn):
    return conn.execute("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')").fetchone()[0]


def search_note(conn):
    """A line for the operator when the database's locale hides letters from pg_trgm (LC_CTYPE
    C): search still finds every name, but names outside ASCII are found by scanning."""
    if conn.execute("SELECT show_trgm('山田太郎 Γιώργος') = '{}'::text[]").fetchone()[0]:
        ctype = conn.execute("SELECT datctype FROM pg_database WHERE datname = current_database()").fetchone()[0]
        return (f"Note: this database's LC_CTYPE is {ctype}, so its trigram index sees only ASCII letters: a search "
                "for other scripts reads every customer. Create the database with a UTF-8 locale "
                "(createdb --locale=C.UTF-8 --template=template0) for fast search in every script.")
    return None
