"""PostgreSQL's implementation of the storage interface: database.py (the pool, transactions,
account locks, migrations), areas.py (the queries whose PostgreSQL form differs from the
shared one), operations.py (opening with plain errors, pg_dump / pg_restore), schema.py (its
side of the numbered migrations).

psycopg 3 and psycopg_pool come from Debian (python3-psycopg, python3-psycopg-pool), which
installs them for /usr/bin/python3; `load_psycopg` imports them through debian_packages.py, the
one place that makes Debian's packages importable by another python3 of the same minor version."""
import sys

from ...debian_packages import import_debian
from ...errors import StartupError

URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(target):
    return str(target).startswith(URL_SCHEMES)


def load_psycopg():
    """(psycopg, psycopg_pool), or StartupError saying what to install."""
    try:
        return import_debian("psycopg", "psycopg_pool")
    except ImportError:
        pass
    raise StartupError(
        f"A PostgreSQL database needs psycopg 3 and its pool, which this Python ({sys.executable}) cannot "
        "import. Install them (apt-get install python3-psycopg python3-psycopg-pool) and run serve.py with "
        "/usr/bin/python3 or another Python 3.11.")
