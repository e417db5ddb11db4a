"""SQLite connection handling: WAL, a small pool, and transactions that nest.

A transaction belongs to the thread that opened it; a nested `write()`/`read()` on the same
thread joins it. That lets the idempotency layer wrap a whole request (the mutation, its
invoice, its activity entry and the stored response) in one BEGIN IMMEDIATE ... COMMIT.
"""
import contextlib
import os
import queue
import sqlite3
import threading

from .migrations import LATEST as SCHEMA_VERSION, check_version, migrate  # noqa: F401  (re-exported)


def connect(path, synchronous="FULL", pragmas=()):
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (BEGIN IMMEDIATE for writes).
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    # FULL: an acknowledged order survives a power cut too, not only a killed process
    # (WAL with NORMAL may lose the last commits). tests/server/load_bench.py measures the cost.
    conn.execute(f"PRAGMA synchronous={'NORMAL' if synchronous == 'NORMAL' else 'FULL'}")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    for pragma in pragmas:  # tests: max_page_count to fill the disk on purpose
        conn.execute(pragma)
    return conn


def create_private(path):
    """Creates an empty file only the owner may read (a database, a backup, a kept copy): never
    over an existing file and never through a link. SQLite gives the -wal and -shm files it
    makes beside a database the database file's mode."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))


class Database:
    dialect = "sqlite"

    def __init__(self, path, log=None, synchronous="FULL", pragmas=()):
        self.path = str(path)
        if self.path != ":memory:" and not self.path.startswith("file:"):
            try:
                create_private(self.path)  # a new database is the owner's alone (an empty file is one)
            except OSError:
                pass  # it exists, or SQLite says below why it cannot be made
        self.synchronous = synchronous
        self.pragmas = tuple(pragmas)
        self._pool = queue.LifoQueue()
        self._local = threading.local()
        # The version is read before anything is written (WAL mode included), so a database
        # from a newer version is refused with its file exactly as it was.
        probe = sqlite3.connect(self.path, isolation_level=None)
        try:
            check_version(probe)
        finally:
            probe.close()
        conn = connect(self.path, synchronous, self.pragmas)
        try:
            self.upgraded_from, self.schema_version = migrate(conn, log)
        except BaseException:
            conn.close()
            raise
        self._pool.put(conn)

    def _acquire(self):
        try:
            return self._pool.get_nowait()
        except queue.Empty:
            return connect(self.path, self.synchronous, self.pragmas)

    @contextlib.contextmanager
    def _transaction(self, begin):
        current = getattr(self._local, "conn", None)
        if current is not None:
            yield current  # join the transaction this thread already holds
            return
        conn = self._acquire()
        conn.execute(begin)
        self._local.conn = conn
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back already (disk full, I/O error)
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise
        finally:
            self._local.conn = None
            self._pool.put(conn)

    @contextlib.contextmanager
    def savepoint(self):
        conn = self._local.conn  # inside this thread's write transaction
        conn.execute("SAVEPOINT bulk_row")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # a full disk may have rolled the whole transaction back already
                conn.execute("ROLLBACK TO SAVEPOINT bulk_row")
                conn.execute("RELEASE SAVEPOINT bulk_row")
            raise
        conn.execute("RELEASE SAVEPOINT bulk_row")

    @property
    def areas(self):
        from .repository import SQLITE_AREAS
        return SQLITE_AREAS

    def write(self, account=None):
        """A write transaction; BEGIN IMMEDIATE takes the write lock up front so two
        read-modify-write requests serialise instead of deadlocking or losing an update (every
        write runs alone, whatever `account` it names)."""
        return self._transaction("BEGIN IMMEDIATE")

    def read(self):
        """A read transaction: one consistent snapshot (a page and its total agree)."""
        return self._transaction("BEGIN")

    def setting_up(self):
        """Start-up's seeding and kiosk preparation: one serve.py per SQLite file already."""
        return contextlib.nullcontext()

    def checkpoint(self):
        conn = self._acquire()
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self._pool.put(conn)

    def close(self):
        while True:
            try:
                self._pool.get_nowait().close()
            except queue.Empty:
                return
