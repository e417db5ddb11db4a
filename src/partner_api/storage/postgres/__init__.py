"""PostgreSQL's implementation of the storage interface: database.py (the pool, transactions,
account locks, migrations), areas.py (the queries whose PostgreSQL form differs from the
shared one), operations.py (opening with plain errors, pg_dump / pg_restore), schema.py (its
side of the numbered migrations).

psycopg 3 and psycopg_pool come from Debian (python3-psycopg, python3-psycopg-pool), which
installs them for /usr/bin/python3. `load_psycopg` is the one place that makes them importable
by another python3 of the same minor version (a pyenv build, say): it appends Debian's folder
to sys.path, after the running Python's own, only when psycopg is not found otherwise."""
import sys
from pathlib import Path

from ...errors import StartupError

DEBIAN_PACKAGES = Path("/usr/lib/python3/dist-packages")
URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(target):
    return str(target).startswith(URL_SCHEMES)


def load_psycopg():
    """(psycopg, psycopg_pool), or StartupError saying what to install."""
    try:
        import psycopg
        import psycopg_pool
        return psycopg, psycopg_pool
    except ImportError:
        pass
    if DEBIAN_PACKAGES.is_dir() and str(DEBIAN_PACKAGES) not in sys.path:
        sys.path.append(str(DEBIAN_PACKAGES))
        try:
            import psycopg
            import psycopg_pool
            return psycopg, psycopg_pool
        except ImportError:
            pass
    raise StartupError(
        f"A PostgreSQL database needs psycopg 3 and its pool, which this Python ({sys.executable}) cannot "
        "import. Install them (apt-get install python3-psycopg python3-psycopg-pool) and run serve.py with "
        "/usr/bin/python3 or another Python 3.11.")
