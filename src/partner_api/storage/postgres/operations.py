"""Running serve.py on PostgreSQL: opening the database with plain-words errors (a wrong URL, a
refused password, a database that does not exist, a server that is down), telling faults while
serving apart (unreachable: 503, then it recovers; a conflict between processes: run again),
and backups and restores with pg_dump and pg_restore."""
import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

from ...errors import StartupError
from ..migrations import LATEST, SchemaError
from . import load_psycopg, shape
from .database import APPLICATION_NAME, PostgresDatabase, redact

HINT = "Use --db postgresql://USER:PASSWORD@HOST:5432/DBNAME (or DATABASE_URL)."
# SQLSTATEs that mean "another process got there first": the request runs again from the start.
CONFLICTS = {"40001", "40P01", "23505"}


def parts(url):
    """host, port, database and user named by the URL (libpq's defaults where it names none)."""
    psycopg, _ = load_psycopg()
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        raise StartupError(f"--db {redact(url)} is not a PostgreSQL URL libpq can read ({first_line(error)}). {HINT}")
    host = info.get("host") or os.environ.get("PGHOST") or "localhost"
    port = info.get("port") or os.environ.get("PGPORT") or "5432"
    user = info.get("user") or os.environ.get("PGUSER") or os.environ.get("USER", "")
    return {"host": host, "port": port, "where": f"{host}:{port}", "dbname": info.get("dbname") or user,
            "user": user, "password": info.get("password")}


def first_line(error):
    return (str(error).strip().splitlines() or [type(error).__name__])[0].strip()


def describe(error, url):
    """A connection or set-up failure, in one or two plain lines."""
    psycopg, _ = load_psycopg()
    p = parts(url)
    text = str(error)
    if isinstance(error, SchemaError):
        return f"The database {p['dbname']} at {p['where']} cannot be used: {error}"
    if isinstance(error, psycopg.errors.InsufficientPrivilege):
        return (f"The user {p['user']} may not set up the console's tables in {p['dbname']} ({first_line(error)}). "
                f"Use the database's owner in --db, or have the owner run: serve.py migrate --db URL")
    if text.startswith("connection is bad") or "invalid" in text and "connection option" in text:
        # libpq could not even try: a value in the URL it cannot read (a port, an sslmode).
        return f"--db {redact(url)} is not a PostgreSQL URL libpq can read ({first_line(error)}). {HINT}"
    if "password authentication failed" in text or "no password supplied" in text:
        return (f"PostgreSQL at {p['where']} refused the password for user {p['user']}. "
                f"Check the user and password in --db (or DATABASE_URL).")
    if "does not exist" in text and "database" in text:
        return (f"There is no database {p['dbname']} at {p['where']}. Create it "
                f"(createdb -h {p['host']} -p {p['port']} -U {p['user']} {p['dbname']}), or fix the name in --db.")
    if "role" in text and "does not exist" in text:
        return f"PostgreSQL at {p['where']} has no user {p['user']}. Fix the user in --db, or create it (createuser)."
    if "could not translate host name" in text or "Name or service not known" in text:
        return f"The host {p['host']} in --db is not known here. Fix the host name in --db."
    if "timeout expired" in text:
        return f"PostgreSQL at {p['where']} did not answer within 5 seconds. Check the host and port in --db."
    if "Connection refused" in text or "No such file or directory" in text or "could not connect" in text:
        return (f"No PostgreSQL server answers at {p['where']} (connection refused). Start it, or fix the host "
                f"and port in --db.")
    if "pg_hba.conf" in text:
        return f"PostgreSQL at {p['where']} does not let {p['user']} in from here (pg_hba.conf): {first_line(error)}"
    return f"PostgreSQL at {p['where']} could not be used: {first_line(error)}"


def open_database(url, log=None, **options):
    """The PostgresDatabase for serve.py (migrated), or StartupError in plain words."""
    psycopg, _ = load_psycopg()
    parts(url)
    try:
        return PostgresDatabase(url, log, **options)
    except (psycopg.Error, SchemaError) as error:
        raise StartupError(describe(error, url)) from None


def problem(error):
    """'conflict' (another process got there first: run the request again), 'unreachable'
    (the server is down or restarting), 'full' (its disk), or None for anything else."""
    psycopg, pool = load_psycopg()
    if not isinstance(error, psycopg.Error):
        return None
    state = getattr(error, "sqlstate", None) or ""
    if state in CONFLICTS:
        return "conflict"
    if state == "53100":
        return "full"
    if isinstance(error, (psycopg.OperationalError, psycopg.InterfaceError, pool.PoolTimeout)):
        return "unreachable"
    return None


# == backup and restore ======================================================================

def tool(name):
    """pg_dump or pg_restore: on PATH, else the newest of Debian's /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3]))
    if versions:
        return str(versions[-1])
    raise StartupError(f"{name} is not installed; install PostgreSQL's client programs (apt-get install postgresql-client).")


def _env(url):
    """libpq's environment for the tools: the password stays out of the process list."""
    p = parts(url)
    env = dict(os.environ)
    if p["password"]:
        env["PGPASSWORD"] = p["password"]
    return env


def _connect(url):
    psycopg, _ = load_psycopg()
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=5, application_name="serve.py backup")
    except psycopg.Error as error:
        raise StartupError(describe(error, url)) from None


def _summary(conn):
    version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    counts = [conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("customers", "invoices", "license_orders")]
    return int(version[0]), f"{counts[0]} customers, {counts[1]} invoices, {counts[2]} license orders"


def _run(cmd, url, stdin=None, what=""):
    proc = subprocess.run(cmd, env=_env(url), stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise StartupError(f"{what} failed: {lines[-1] if lines else 'exit ' + str(proc.returncode)}")
    return proc.stdout


def _without_password(url):
    p = parts(url)
    return url.replace(f":{p['password']}@", "@", 1) if p["password"] else url


def backup(url, out_path):
    """pg_dump's custom format of the whole database: one consistent snapshot, also while
    servers write. Written beside OUT first, listed back by pg_restore, then renamed."""
    out = Path(out_path)
    if out.exists():
        raise StartupError(f"{out_path} already exists; pick a new name for the backup (nothing was written).")
    if not out.parent.is_dir():
        raise StartupError(f"The folder {out.parent} does not exist; create it first.")
    conn = _connect(url)
    try:
        if not conn.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]:
            raise StartupError(f"The database at {redact(url)} holds no Reseller Console data; nothing was written.")
        version, summary = _summary(conn)
    finally:
        conn.close()
    partial = out.with_name(out.name + ".partial")
    try:
        _run([tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(partial), "--dbname",
              _without_password(url)], url, what="pg_dump")
        _run([tool("pg_restore"), "--list", str(partial)], url, what="Checking the backup with pg_restore --list")
        os.replace(partial, out)
    finally:
        if partial.exists():
            partial.unlink()
    return f"Backed up {redact(url)} (schema version {version}: {summary}) to {out_path} (pg_dump custom format)."


def _backup_version(url, backup_path):
    """The schema version inside a pg_dump file, read from its meta table's data."""
    script = _run([tool("pg_restore"), "--data-only", "--table=meta", "--file=-", str(backup_path)], url,
                  what=f"Reading {backup_path} with pg_restore").decode("utf-8", "replace")
    for line in script.splitlines():
        fields = line.split("\t")
        if len(fields) == 2 and fields[0] == "schema_version" and fields[1].isdigit():
            return int(fields[1])
    raise StartupError(f"{backup_path} is not a backup of a Reseller Console database (it has no schema version).")


def restore(url, backup_path, now=None):
    """Replaces the database's contents with a backup in one transaction (psql --single-
    transaction runs pg_restore's script after emptying the schema); refused while a serve.py
    is connected. The contents that were there are dumped beside the backup first."""
    backup_file = Path(backup_path)
    if not backup_file.is_file():
        raise StartupError(f"The backup {backup_path} does not exist.")
    version = _backup_version(url, backup_file)
    if version > LATEST:
        raise StartupError(f"The backup {backup_path} has schema version {version}; this serve.py knows up to "
                           f"{LATEST}. Restore it with the newer serve.py that made it; nothing was changed.")
    shape.check_contents(_run([tool("pg_restore"), "--list", str(backup_file)], url,
                              what=f"Reading {backup_path} with pg_restore").decode("utf-8", "replace"), backup_path)
    conn = _connect(url)
    try:
        running = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = %s"
            " AND pid <> pg_backend_pid()", (APPLICATION_NAME,)).fetchone()[0]
        if running:
            raise StartupError(f"{running} connection{'s' if running != 1 else ''} of a running serve.py use "
                               f"{redact(url)}. Stop every serve.py first, then restore; nothing was changed.")
        schema = conn.execute("SELECT current_schema()").fetchone()[0]
        had_data = conn.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]
        expected = shape.expected_signature(conn, version)
    finally:
        conn.close()
    kept = None
    if had_data:
        stamp = (now or dt.datetime.now(dt.timezone.utc)).strftime("%Y%m%d-%H%M%S")
        kept = backup_file.with_name(f"{parts(url)['dbname']}.before-restore-{stamp}.dump")
        backup(url, kept)
    script = _run([tool("pg_restore"), "--no-owner", "--file=-", str(backup_file)], url, what="pg_restore")
    quoted = '"' + schema.replace('"', '""') + '"'
    empty = (f"SET client_min_messages TO warning; DROP SCHEMA IF EXISTS {quoted} CASCADE; "
             f"CREATE SCHEMA {quoted};\n").encode()
    psql = Path(tool("pg_restore")).with_name("psql")
    # One transaction: emptied, restored, then its schema compared with the migrations' (a
    # difference raises and undoes all of it).
    restoring = subprocess.run([str(psql) if psql.exists() else "psql", "--quiet", "--no-psqlrc",
                                "--single-transaction", "-v", "ON_ERROR_STOP=1", "--file=-", "--dbname",
                                _without_password(url)], env=_env(url),
                               stdin=_pipe(empty + script + shape.verification(schema, expected)),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if restoring.returncode != 0:
        if kept:
            kept.unlink()  # nothing was changed: the copy of what is still there is not needed
        stderr = restoring.stderr.decode("utf-8", "replace")
        refused = shape.mismatch(stderr, expected, backup_path, version)
        if refused:
            raise refused
        lines = stderr.strip().splitlines()
        raise StartupError(f"Restoring with psql failed: {lines[-1] if lines else 'exit ' + str(restoring.returncode)}."
                           f" Nothing was changed.")
    conn = _connect(url)
    try:
        _, summary = _summary(conn)
    finally:
        conn.close()
    note = f" What was there before is kept in {kept}." if kept else ""
    newer = "" if version == LATEST else f" It is upgraded to schema version {LATEST} when serve.py next starts."
    return f"Restored {backup_path} (schema version {version}: {summary}) into {redact(url)}.{note}{newer}"


def _pipe(data):
    """A file object holding `data` for a child's stdin (restores can be large: a temp file)."""
    import tempfile
    handle = tempfile.TemporaryFile()
    handle.write(data)
    handle.seek(0)
    return handle
