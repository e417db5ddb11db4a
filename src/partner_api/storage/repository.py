"""The storage interface the domain calls: `Storage.read()` and `Storage.write()` open a
transaction and hand out a `Repository`, whose areas (`repo.customers`, `repo.invoices`, ...)
have methods named for what they do. The database behind it is SQLite (db.py) or PostgreSQL
(postgres/database.py); each names the area classes it uses (`db.areas`): SQLite's are the
modules here, PostgreSQL's subclass them where its SQL differs (postgres/areas.py). The domain
never knows which one it talks to."""
import functools
import types

from .activity import ActivityRows, OutboxRows
from .billing_profiles import BillingProfileRows
from .bulk_jobs import BulkJobRows
from .customers import CustomerRows, InvitationRows
from .idempotency import IdempotencyRows
from .invoices import InvoiceRows
from .list_cache import ListCache
from .members import MemberRows
from .resellers import ResellerRows, SessionRows
from .rate_limits import RateLimitRows
from .saved_views import SavedViewRows
from .sealing import SealingRows
from .secret import server_secret
from .snapshots import SnapshotRows
from .subscriptions import LicenseOrderRows, SubscriptionRows
from .transfers import TransferTokenRows


# SQLite's areas; postgres/areas.py has the same names.
SQLITE_AREAS = types.SimpleNamespace(
    ActivityRows=ActivityRows, OutboxRows=OutboxRows, CustomerRows=CustomerRows, InvitationRows=InvitationRows,
    IdempotencyRows=IdempotencyRows, InvoiceRows=InvoiceRows, ResellerRows=ResellerRows, SessionRows=SessionRows,
    SnapshotRows=SnapshotRows, RateLimitRows=RateLimitRows, MemberRows=MemberRows, LicenseOrderRows=LicenseOrderRows,
    SubscriptionRows=SubscriptionRows, BillingProfileRows=BillingProfileRows, BulkJobRows=BulkJobRows,
    SavedViewRows=SavedViewRows, TransferTokenRows=TransferTokenRows)


class Repository:
    """One transaction's view of the data, area by area (each made when first used: a request
    touches two or three of them)."""

    def __init__(self, conn, lists, areas=SQLITE_AREAS):
        self._conn = conn
        self._lists = lists
        self._areas = areas

    @functools.cached_property
    def resellers(self):
        return self._areas.ResellerRows(self._conn)

    @functools.cached_property
    def billing_profiles(self):
        return self._areas.BillingProfileRows(self._conn)

    @functools.cached_property
    def members(self):
        return self._areas.MemberRows(self._conn)

    @functools.cached_property
    def sessions(self):
        return self._areas.SessionRows(self._conn)

    @functools.cached_property
    def customers(self):
        return self._areas.CustomerRows(self._conn, self._lists)

    @functools.cached_property
    def invitations(self):
        return self._areas.InvitationRows(self._conn)

    @functools.cached_property
    def subscriptions(self):
        return self._areas.SubscriptionRows(self._conn)

    @functools.cached_property
    def license_orders(self):
        return self._areas.LicenseOrderRows(self._conn)

    @functools.cached_property
    def transfer_tokens(self):
        return self._areas.TransferTokenRows(self._conn)

    @functools.cached_property
    def invoices(self):
        return self._areas.InvoiceRows(self._conn, self._lists)

    @functools.cached_property
    def activity(self):
        return self._areas.ActivityRows(self._conn)

    @functools.cached_property
    def outbox(self):
        return self._areas.OutboxRows(self._conn)

    @functools.cached_property
    def idempotency(self):
        return self._areas.IdempotencyRows(self._conn)

    @functools.cached_property
    def rate_limits(self):
        return self._areas.RateLimitRows(self._conn)

    @functools.cached_property
    def snapshots(self):
        return self._areas.SnapshotRows(self._conn)

    @functools.cached_property
    def bulk_jobs(self):
        return self._areas.BulkJobRows(self._conn)

    @functools.cached_property
    def saved_views(self):
        return self._areas.SavedViewRows(self._conn)

    @functools.cached_property
    def sealing(self):
        return SealingRows(self._conn)


class _Transaction:
    """A storage transaction as a context manager that yields a Repository (a plain class: the
    pipeline opens three per request, and a generator-based one costs twice as much)."""

    __slots__ = ("_opened", "_lists", "_areas")

    def __init__(self, opened, lists, areas):
        self._opened = opened
        self._lists = lists
        self._areas = areas

    def __enter__(self):
        return Repository(self._opened.__enter__(), self._lists, self._areas)

    def __exit__(self, kind, error, trace):
        return self._opened.__exit__(kind, error, trace)


class Storage:
    """What the domain is given. Transactions nest: a `read()` or `write()` inside another on
    the same thread joins it (the idempotency step wraps a whole request in one write)."""

    def __init__(self, db, lists=None, secret=None):
        self.db = db
        self.areas = db.areas
        # Totals and sort samples of long lists, kept while the list is unchanged (list_cache.py).
        self.lists = lists if lists is not None else ListCache()
        self._secret = secret

    @property
    def path(self):
        """Where the data lives, as the operator named it (--db)."""
        return self.db.path

    @property
    def secret(self):
        """The server's secret that goes with this data (secret.py): given, or from the
        environment, or the file beside the database (made on first use)."""
        if self._secret is None:
            self._secret = server_secret(self.db.path)
        return self._secret

    def read(self):
        """One consistent snapshot: a page and its total agree."""
        return _Transaction(self.db.read(), self.lists, self.areas)

    def schema_version(self):
        """The schema version the database records, read in a transaction of its own: what a
        readiness check asks (it raises what any request would meet when the database is down)."""
        with self.db.read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            return int(row[0])

    def savepoint(self):
        """A savepoint inside the open write transaction: what its block wrote is rolled back
        when the block raises, and the transaction goes on (a bulk job's row that was refused)."""
        return self.db.savepoint()

    @staticmethod
    def fault(error):
        """The storage's own failure an exception is (a full disk, an unreachable database, a
        conflict with another process), as the error to answer with; None for anything else."""
        from .backends import problem
        return problem(error)

    def write(self, account=None):
        """A write transaction that serialises with every other write that could interfere, so
        two read-modify-write requests never lose an update: `account` (a reseller id) when the
        write changes only that reseller's data, so writes to other accounts need not wait
        (PostgreSQL; SQLite's writes always run one at a time); no account: it runs alone.
        `account` may also be a string naming another unit of data that only this write
        touches (one client's sign-in attempts)."""
        return _Transaction(self.db.write(account), self.lists, self.areas)
