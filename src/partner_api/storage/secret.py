"""The server's secret (32 random bytes; invitation links are sealed with it, domain/links.py).
It lives beside the database in DB.secret, created once with mode 0600 and never following a
link; or comes from the environment (PARTNER_API_SECRET, 64 hex digits) or a file named with
--secret-file, for several servers sharing one database (PostgreSQL, issue 20). Back it up with
the database: a database restored beside another secret still accepts every link, but the
console no longer shows pending ones (Resend makes a new one)."""
import binascii
import os

from ..errors import StartupError
from .postgres import is_url

ENVIRONMENT = "PARTNER_API_SECRET"
SIZE = 32


def default_path(db_path):
    return f"{db_path}.secret"


def _parse(text, where):
    try:
        secret = binascii.unhexlify(text.strip())
    except (binascii.Error, ValueError):
        secret = b""
    if len(secret) < SIZE:
        raise StartupError(f"{where} must hold the server secret as {2 * SIZE} hex digits "
                           f"(make one with: python3 -c 'import secrets; print(secrets.token_hex(32))').")
    return secret


def load(path, create=True):
    """The secret in `path`, made there (0600, exclusively, never through a link) if missing."""
    try:
        with open(path, "r", encoding="ascii", opener=lambda p, f: os.open(p, f | os.O_NOFOLLOW)) as handle:
            return _parse(handle.read(), f"The secret file {path}")
    except FileNotFoundError:
        if not create:
            raise StartupError(f"The secret file {path} does not exist.")
    except UnicodeDecodeError:
        raise StartupError(f"The secret file {path} is not text.")
    except OSError as error:
        raise StartupError(f"The secret file {path} cannot be read: {error.strerror}.")
    secret = os.urandom(SIZE)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        return load(path, create=False)  # another process made it first
    except OSError as error:
        raise StartupError(f"The secret file {path} cannot be created: {error.strerror}.")
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(binascii.hexlify(secret).decode("ascii") + "\n")
    return secret


def server_secret(db_path, secret_file=None):
    """From the environment, else --secret-file, else the file beside a SQLite database; an
    in-memory database gets a secret that lives as long as the process. A PostgreSQL database
    has no "beside": every serve.py on it must be given the same secret."""
    if os.environ.get(ENVIRONMENT):
        return _parse(os.environ[ENVIRONMENT], f"The environment variable {ENVIRONMENT}")
    if secret_file:
        return load(secret_file, create=False)
    if not db_path or str(db_path) == ":memory:":
        return os.urandom(SIZE)
    if is_url(db_path):
        raise StartupError(f"A PostgreSQL database needs the server's secret, the same for every serve.py on it: "
                           f"set {ENVIRONMENT} to {2 * SIZE} hex digits or pass --secret-file PATH (make one with: "
                           f"python3 -c 'import secrets; print(secrets.token_hex(32))').")
    return load(default_path(db_path))
