"""The storage interface the domain calls: `Storage.read()` and `Storage.write()` open a
transaction and hand out a `Repository`, whose areas (`repo.customers`, `repo.invoices`, ...)
have methods named for what they do. This is SQLite's implementation; another database
(PostgreSQL, issue 20) provides the same areas and methods, and the domain does not change."""
import functools

from .activity import ActivityRows, OutboxRows
from .customers import CustomerRows, InvitationRows
from .idempotency import IdempotencyRows
from .invoices import InvoiceRows
from .list_cache import ListCache
from .members import MemberRows
from .resellers import ResellerRows, SessionRows
from .snapshots import SnapshotRows
from .subscriptions import LicenseOrderRows, SubscriptionRows


class Repository:
    """One transaction's view of the data, area by area (each made when first used: a request
    touches two or three of them)."""

    def __init__(self, conn, lists):
        self._conn = conn
        self._lists = lists

    @functools.cached_property
    def resellers(self):
        return ResellerRows(self._conn)

    @functools.cached_property
    def members(self):
        return MemberRows(self._conn)

    @functools.cached_property
    def sessions(self):
        return SessionRows(self._conn)

    @functools.cached_property
    def customers(self):
        return CustomerRows(self._conn, self._lists)

    @functools.cached_property
    def invitations(self):
        return InvitationRows(self._conn)

    @functools.cached_property
    def subscriptions(self):
        return SubscriptionRows(self._conn)

    @functools.cached_property
    def license_orders(self):
        return LicenseOrderRows(self._conn)

    @functools.cached_property
    def invoices(self):
        return InvoiceRows(self._conn, self._lists)

    @functools.cached_property
    def activity(self):
        return ActivityRows(self._conn)

    @functools.cached_property
    def outbox(self):
        return OutboxRows(self._conn)

    @functools.cached_property
    def idempotency(self):
        return IdempotencyRows(self._conn)

    @functools.cached_property
    def snapshots(self):
        return SnapshotRows(self._conn)


class _Transaction:
    """A storage transaction as a context manager that yields a Repository (a plain class: the
    pipeline opens three per request, and a generator-based one costs twice as much)."""

    __slots__ = ("_opened", "_lists")

    def __init__(self, opened, lists):
        self._opened = opened
        self._lists = lists

    def __enter__(self):
        return Repository(self._opened.__enter__(), self._lists)

    def __exit__(self, kind, error, trace):
        return self._opened.__exit__(kind, error, trace)


class Storage:
    """What the domain is given. Transactions nest: a `read()` or `write()` inside another on
    the same thread joins it (the idempotency step wraps a whole request in one write)."""

    def __init__(self, db, lists=None):
        self.db = db
        # Totals and sort samples of long lists, kept while the list is unchanged (list_cache.py).
        self.lists = lists if lists is not None else ListCache()

    @property
    def path(self):
        """Where the data lives, as the operator named it (--db)."""
        return self.db.path

    def read(self):
        """One consistent snapshot: a page and its total agree."""
        return _Transaction(self.db.read(), self.lists)

    def write(self):
        """A write transaction that holds the write lock from its start, so two
        read-modify-write requests serialise instead of losing an update."""
        return _Transaction(self.db.write(), self.lists)
