"""Running serve.py for months, SQLite's side: opening the database with plain-words errors
(never a traceback, the file left as it was), one server per database, storage faults while
running, and consistent backups and restores with SQLite's online backup."""
import datetime as dt
import fcntl
import os
import sqlite3
import tempfile
from pathlib import Path

from ..errors import StartupError
from .db import Database, create_private
from .migrations import LATEST, SchemaError, check_version, expected_schema, schema_objects


# SQLite's primary result codes for a disk that is full or failing (extended codes & 0xff).
STORAGE_FAULTS = {sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN,
                  sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def is_storage_fault(error):
    return isinstance(error, sqlite3.DatabaseError) and \
        (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF in STORAGE_FAULTS


def check_path(path):
    """Refuses paths SQLite would trip over, before anything is opened or created."""
    target = Path(path)
    if target.is_dir():
        raise StartupError(f"--db {path} is a folder, not a database file. "
                           f"Pass a file name, for example --db {target / 'console.db'}.")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise StartupError(f"The folder {folder} for the database {path} does not exist. "
                           f"Create it (mkdir -p {folder}) or pass --db with another path.")
    if not folder.is_dir():
        raise StartupError(f"{folder} is a file, not a folder: the database {path} cannot be placed inside it.")
    if target.exists() and not target.is_file():
        raise StartupError(f"--db {path} is not a regular file. Pass --db with a database file.")


def describe(error, path):
    """An sqlite3 error met while opening `path`, in plain words."""
    code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(error)
    if code == sqlite3.SQLITE_NOTADB or "not a database" in text:
        return (f"{path} is not a SQLite database (or it is damaged); it was left as it was. "
                f"Pass --db with another file, or put a backup back with: serve.py restore --db {path} BACKUP")
    if code == sqlite3.SQLITE_READONLY or "readonly" in text:
        return (f"The database {path} cannot be written: the file or its folder is read-only. serve.py needs "
                f"to write both (the database and its -wal and -shm files beside it). Fix the permissions.")
    if code == sqlite3.SQLITE_BUSY or "locked" in text:
        return (f"The database {path} is locked by another program. Stop the other program (another serve.py?) "
                f"and start again.")
    if code == sqlite3.SQLITE_FULL:
        return f"The disk holding {path} is full. Free some space and start again."
    if code == sqlite3.SQLITE_CORRUPT:
        return (f"The database {path} is damaged; it was left as it was. Put a backup back with: "
                f"serve.py restore --db {path} BACKUP")
    if code == sqlite3.SQLITE_CANTOPEN or "unable to open" in text:
        return (f"The database {path} cannot be opened: check that its folder exists and that serve.py may "
                f"read and write there.")
    return f"The database {path} cannot be used: {text}."


class ServerLock:
    """One serve.py per database: an exclusive lock on the file for the server's lifetime
    (restore takes it too). Independent of SQLite's own locks, which it never disturbs."""

    def __init__(self, path):
        self.path = path
        self.handle = None

    def acquire(self):
        try:
            self.handle = open(self.path, "rb")
        except FileNotFoundError:
            return self  # nothing to protect yet; the server creates the file, then locks it
        except OSError as error:
            raise StartupError(f"The database {self.path} cannot be read: {error.strerror}.")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.close()
            self.handle = None
            raise StartupError(f"The database {self.path} is in use by another running serve.py. Stop that one "
                               f"first, or pass --db with another file.")
        return self

    def is_held(self):
        """Whether a running serve.py holds the database (without taking it)."""
        try:
            self.acquire()
        except StartupError:
            return True
        self.release()
        return False

    def release(self):
        if self.handle is not None:
            self.handle.close()
            self.handle = None


def open_database(path, log=None, **options):
    """The Database for serve.py, or StartupError in plain words. A database this version
    cannot use (newer, another program's, not SQLite) is left exactly as it was."""
    check_path(path)
    lock = ServerLock(path).acquire()
    try:
        db = Database(path, log, **options)
        if lock.handle is None:
            lock.acquire()  # a new database: lock it now that it exists
    except SchemaError as error:
        lock.release()
        raise StartupError(f"The database {path} cannot be used: {error}")
    except sqlite3.Error as error:
        lock.release()
        raise StartupError(describe(error, path))
    except StartupError:
        lock.release()
        raise
    db.server_lock = lock
    return db


# == backup and restore ======================================================================

def _console_database(path, role):
    """Opens a database read-only after checking it is a console database this version can
    read; returns (connection, schema version)."""
    if not Path(path).is_file():
        raise StartupError(f"The {role} {path} does not exist.")
    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as error:
        raise StartupError(describe(error, path))
    try:
        version = check_version(conn)
        if version == 0:
            raise StartupError(f"The {role} {path} is empty: it is not a Reseller Console database.")
        return conn, version
    except SchemaError as error:
        conn.close()
        raise StartupError(f"The {role} {path} cannot be used: {error}")
    except sqlite3.Error as error:
        conn.close()
        raise StartupError(describe(error, path))
    except StartupError:
        conn.close()
        raise


def _summary(conn):
    counts = {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
              for table in ("customers", "invoices", "license_orders")}
    return f"{counts['customers']} customers, {counts['invoices']} invoices, {counts['license_orders']} license orders"


def backup(db_path, out_path):
    """A consistent copy of a database, also while a server writes to it (SQLite's online
    backup copies one snapshot). Written to a new file of a random name beside OUT (created
    exclusively, mode 0600: a planted OUT.partial or link is never written through), checked,
    then linked to OUT, which must not exist."""
    out = Path(out_path)
    if out.exists() or out.is_symlink():
        raise StartupError(f"{out_path} already exists; pick a new name for the backup (nothing was written).")
    if not out.parent.is_dir():
        raise StartupError(f"The folder {out.parent} does not exist; create it first.")
    source, version = _console_database(db_path, "database")
    try:
        handle, partial = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".partial")
        os.close(handle)
    except OSError as error:
        source.close()
        raise StartupError(f"The backup cannot be written in {out.parent}: {error.strerror}.")
    try:
        target = sqlite3.connect(partial, isolation_level=None)
        try:
            source.backup(target)  # all pages in one step: one consistent snapshot
            if target.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise StartupError("The copy did not pass SQLite's integrity check; nothing was kept.")
            target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            summary = _summary(target)
        finally:
            target.close()
        _put_in_place(partial, out)
    except sqlite3.Error as error:
        raise StartupError(f"The backup could not be written to {out_path}: {error}.")
    finally:
        source.close()
        for leftover in (partial, f"{partial}-journal"):
            if os.path.lexists(leftover):
                os.unlink(leftover)
    return f"Backed up {db_path} (schema version {version}: {summary}) to {out_path}."


def _put_in_place(partial, out):
    """Gives the finished copy its name, never replacing a file that appeared there meanwhile."""
    try:
        os.link(partial, out)
    except FileExistsError:
        raise StartupError(f"{out} appeared while the backup was made; nothing was written there.")
    except OSError:  # a file system without hard links
        if os.path.lexists(out):
            raise StartupError(f"{out} appeared while the backup was made; nothing was written there.")
        os.rename(partial, out)


def _check_schema(conn, version, path):
    """Refuses a file whose tables, indexes, triggers and views are not exactly what the
    migrations make for its version (a trigger slipped into a backup would run in the server)."""
    found, expected = schema_objects(conn), expected_schema(version)
    if found == expected:
        return
    extra = {(kind, name) for kind, name, _, _ in found - expected}
    missing = {(kind, name) for kind, name, _, _ in expected - found}
    parts = [f"{label}: " + ", ".join(f"{kind} {name}" for kind, name in sorted(items))
             for label, items in (("changed", extra & missing), ("not made by serve.py", extra - missing),
                                  ("missing", missing - extra)) if items]
    raise StartupError(f"The backup {path} is not a Reseller Console database as serve.py makes it (schema "
                       f"version {version}; {'; '.join(parts)}). Nothing was changed.")


def restore(db_path, backup_path, now=None):
    """Puts a backup in place of the database; refused while a server uses the database.
    The database that was there is kept beside it first."""
    source, version = _console_database(backup_path, "backup")
    try:
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise StartupError(f"The backup {backup_path} is damaged (integrity check failed); nothing was changed.")
        _check_schema(source, version, backup_path)
        check_path(db_path)
        lock = ServerLock(db_path)
        try:
            lock.acquire()
        except StartupError:
            raise StartupError(f"A running serve.py uses {db_path}. Stop it first, then restore; nothing was changed.")
        try:
            kept = None
            if Path(db_path).exists():
                stamp = (now or dt.datetime.now(dt.timezone.utc)).strftime("%Y%m%d-%H%M%S")
                kept = f"{db_path}.before-restore-{stamp}"
                create_private(kept)
                current = sqlite3.connect(db_path, isolation_level=None)
                try:
                    previous = sqlite3.connect(kept, isolation_level=None)
                    try:
                        current.backup(previous)
                    finally:
                        previous.close()
                finally:
                    current.close()
            if not Path(db_path).exists():
                create_private(db_path)
            target = sqlite3.connect(db_path, isolation_level=None)
            try:
                source.backup(target)
                target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                summary = _summary(target)
            finally:
                target.close()
        finally:
            lock.release()
    except sqlite3.Error as error:
        raise StartupError(describe(error, db_path))
    except FileExistsError:
        raise StartupError(f"{kept} already exists; wait a second and restore again (nothing was changed).")
    finally:
        source.close()
    note = f" The database that was there is kept as {kept}." if kept else ""
    newer = "" if version == LATEST else f" It is upgraded to schema version {LATEST} when serve.py next starts."
    return f"Restored {backup_path} (schema version {version}: {summary}) into {db_path}.{note}{newer}"
