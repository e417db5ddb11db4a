"""The storage interface the domain calls: `Storage.read()` and `Storage.write()` open a
transaction and hand out a `Repository`, whose areas (`repo.customers`, `repo.invoices`, ...)
have methods named for what they do. This is SQLite's implementation; another database
(PostgreSQL, issue 20) provides the same areas and methods, and the domain does not change."""
import contextlib

from .activity import ActivityRows, OutboxRows
from .customers import CustomerRows, InvitationRows
from .idempotency import IdempotencyRows
from .invoices import InvoiceRows
from .list_cache import ListCache
from .resellers import ResellerRows, SessionRows
from .snapshots import SnapshotRows
from .subscriptions import LicenseOrderRows, SubscriptionRows


class Repository:
    """One transaction's view of the data, area by area."""

    __slots__ = ("resellers", "sessions", "customers", "invitations", "subscriptions", "license_orders",
                 "invoices", "activity", "outbox", "idempotency", "snapshots")

    def __init__(self, conn, lists):
        self.resellers = ResellerRows(conn)
        self.sessions = SessionRows(conn)
        self.customers = CustomerRows(conn, lists)
        self.invitations = InvitationRows(conn)
        self.subscriptions = SubscriptionRows(conn)
        self.license_orders = LicenseOrderRows(conn)
        self.invoices = InvoiceRows(conn, lists)
        self.activity = ActivityRows(conn)
        self.outbox = OutboxRows(conn)
        self.idempotency = IdempotencyRows(conn)
        self.snapshots = SnapshotRows(conn)


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

    @contextlib.contextmanager
    def read(self):
        """One consistent snapshot: a page and its total agree."""
        with self.db.read() as conn:
            yield Repository(conn, self.lists)

    @contextlib.contextmanager
    def write(self):
        """A write transaction that holds the write lock from its start, so two
        read-modify-write requests serialise instead of losing an update."""
        with self.db.write() as conn:
            yield Repository(conn, self.lists)
