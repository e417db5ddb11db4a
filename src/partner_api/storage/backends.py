"""Which database `--db` names, and the operations that differ between the two: a path is a
SQLite file (operations.py), a postgresql:// URL a PostgreSQL database (postgres/operations.py).
serve.py and the HTTP layer call these and never ask which one it is."""
from .. import errors
from .postgres import is_url


def open_database(target, log=None, **options):
    """The database for serve.py, migrated; StartupError in plain words when it cannot be."""
    if is_url(target):
        from .postgres.operations import open_database as open_postgres
        return open_postgres(str(target), log, **{k: v for k, v in options.items() if k in ("pool_size",)})
    from .operations import open_database as open_sqlite
    return open_sqlite(target, log, **{k: v for k, v in options.items() if k in ("synchronous", "pragmas")})


def database(target, log=None, **options):
    """The database without serve.py's start-up checks (tests, benchmarks, the App's default)."""
    if is_url(target):  # plain-words errors too: there is no server lock to leave out
        from .postgres.operations import open_database as open_postgres
        return open_postgres(str(target), log, **{k: v for k, v in options.items() if k in ("pool_size",)})
    from .db import Database
    return Database(target, log, **{k: v for k, v in options.items() if k in ("synchronous", "pragmas")})


def backup(target, out):
    if is_url(target):
        from .postgres.operations import backup as backup_postgres
        return backup_postgres(str(target), out)
    from .operations import backup as backup_sqlite
    return backup_sqlite(target, out)


def restore(target, backup_path):
    if is_url(target):
        from .postgres.operations import restore as restore_postgres
        return restore_postgres(str(target), backup_path)
    from .operations import restore as restore_sqlite
    return restore_sqlite(target, backup_path)


def problem(error):
    """What a storage error met while serving means, as the error to answer with:
    StorageUnavailable (a disk full or failing), DatabaseUnreachable (PostgreSQL is down or
    restarting), StorageConflict (another process changed the same rows first: the caller runs
    the request again); None for anything else (a bug)."""
    from .operations import is_storage_fault
    if is_storage_fault(error):
        return errors.StorageUnavailable()
    if type(error).__module__.startswith(("psycopg", "psycopg_pool")):
        from .postgres.operations import problem as postgres_problem
        kind = postgres_problem(error)
        if kind == "conflict":
            return errors.StorageConflict()
        if kind == "unreachable":
            return errors.DatabaseUnreachable()
        if kind == "full":
            return errors.StorageUnavailable()
    return None
