"""PostgreSQL's storage areas: SQLite's classes (storage/*.py), with the methods whose SQL
differs overridden here. Most statements are shared: they are written in the SQL both accept,
with `?` parameters (database.py converts them). What differs: an insert returns its id with
RETURNING; sums of BIGINT columns come back as NUMERIC unless cast; search is pg_trgm over a
folded `search_text` instead of FTS5; table columns come from information_schema; idempotency
keys are locked while a request runs under them, since other processes share the database.

Adding a query: write it once in the area's module in the shared SQL. If PostgreSQL needs
another form, override that method here (same name, same result), and the server suite run
against PostgreSQL (tests/run does both) shows whether it had to.
"""
import types

from ...validation import sort_key
from ..activity import ActivityRows as _ActivityRows, OutboxRows as _OutboxRows
from ..billing_profiles import BillingProfileRows
from ..bulk_jobs import BulkJobRows as _BulkJobRows
from ..customers import CUSTOMER_COLUMNS, SORT_COLUMNS, CustomerRows as _CustomerRows, InvitationRows as _InvitationRows
from ..idempotency import IdempotencyRows as _IdempotencyRows
from ..invoices import InvoiceRows as _InvoiceRows
from ..resellers import ResellerRows as _ResellerRows, SessionRows as _SessionRows
from ..rows import set_clause
from ..members import MemberRows as _MemberRows
from ..rate_limits import RateLimitRows
from ..saved_views import SavedViewRows as _SavedViewRows
from ..snapshots import SnapshotRows as _SnapshotRows
from ..subscriptions import RUNNING, LicenseOrderRows as _LicenseOrderRows, SubscriptionRows as _SubscriptionRows
from ..transfers import TransferTokenRows as _TransferTokenRows
from ..list_cache import generation
from .database import IDEMPOTENCY, load_psycopg

SEARCHED = ("name", "organization", "google_domain", "email")


class Returning:
    """Mixin: an INSERT hands back the new row's id."""
    __slots__ = ()

    def _insert(self, sql, params):
        return self.conn.execute(sql + " RETURNING id", params).fetchone()[0]


def search_text(name, organization, google_domain, email):
    """What a customer's search matches: its four fields folded as the search folds its words
    (case and accents: Γιώργος as γιωργος, Weiß as weiss), one space between them."""
    return sort_key(" ".join((name, organization, google_domain, email)))


def search_words(search):
    """The search's words, folded; each must be a substring of the customer's search_text."""
    return tuple(sorted(set(sort_key(search).split()))) or None


def indexed(word):
    """Whether an index narrows the search for this word (trigrams, or pairs outside ASCII)."""
    return len(word) >= 3 or (len(word) == 2 and not word.isascii())


def like_pattern(word):
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class CustomerRows(Returning, _CustomerRows):
    __slots__ = ("walk",)

    def page(self, reseller_id, search, status, sort, descending, after, offset, limit):
        # How a search's page is read depends on how many customers it matches (both totals
        # are kept while the list is unchanged): one in twenty or more, and the sort's own index
        # meets a page of them within about a thousand rows; fewer, and they are found by the
        # search's indexes and sorted (a walk could pass 100,000 rows to reach ones that sort
        # late: 太郎 took 325 ms that way).
        self.walk = True
        match = self._match(search) if search else None
        if match and any(indexed(word) for word in match):
            rid = reseller_id
            gen = generation(self.conn, rid, "customers")
            everyone = self.lists.total(("customers", rid, status, None), gen, lambda: self._count(rid, status, None))
            matching = self.lists.total(("customers", rid, status, match), gen,
                                        lambda: self._count(rid, status, match))
            self.walk = matching * 20 >= everyone
        return super().page(reseller_id, search, status, sort, descending, after, offset, limit)

    def add(self, reseller_id, name, email, google_domain, organization, status, now, name_key, domain_scope=0):
        return self._insert(
            "INSERT INTO customers(reseller_id, name, email, google_domain, organization, status,"
            " created_at, name_key, domain_scope, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (reseller_id, name, email, google_domain, organization, status, now, name_key, domain_scope,
             search_text(name, organization, google_domain, email)))

    def update(self, customer_id, **changes):
        set_clause(changes, CUSTOMER_COLUMNS)  # refuses unknown columns before anything runs
        if changes.keys() & set(SEARCHED):
            row = self._one("SELECT name, organization, google_domain, email FROM customers WHERE id = ?",
                            (customer_id,))
            fields = {name: changes.get(name, row[name]) for name in SEARCHED}
            changes = {**changes, "search_text": search_text(*(fields[name] for name in SEARCHED))}
        clause, params = set_clause(changes, CUSTOMER_COLUMNS | {"search_text"})
        self.conn.execute(f"UPDATE customers SET {clause} WHERE id = ?", params + [customer_id])

    @staticmethod
    def _match(search):
        return search_words(search)

    @staticmethod
    def _search(match):
        """Each word a substring anywhere, in any script. The trigram index finds the candidates
        of a word of three characters or more; a word of two outside ASCII (太郎, 山田: names in
        CJK scripts are short) has no trigram, so the index of character pairs (migration 8)
        finds them; LIKE then checks each candidate. A word of one character, or of two ASCII
        ones, matches most customers anyway: it reads them all."""
        clauses, params = [], []
        for word in match:
            if len(word) == 2 and indexed(word):
                clauses.append("search_pairs(search_text) @> ARRAY[?]::text[]")
                params.append(word)
            clauses.append("search_text LIKE ?")
            params.append(like_pattern(word))
        return clauses, params

    def _sort_key(self, sort, match):
        # A search orders its matches after finding them by their index: with the sort's own
        # index in reach, the planner walks it and tests every row until a page is full, which
        # took 225-325 ms at 100,000 customers for a word whose matches sort late (zoe, 太郎).
        column = SORT_COLUMNS[sort]
        if getattr(self, "walk", True):
            return column
        return f"({column} + 0)" if column == "licenses" else f"({column} || '')"


class InvitationRows(Returning, _InvitationRows):
    pass


class SubscriptionRows(Returning, _SubscriptionRows):
    def totals(self, reseller_id):
        # A SUM of BIGINT is NUMERIC here: cast back to an integer.
        return self._one(self.TOTALS.format(cast="::bigint"), (reseller_id, *RUNNING))


class LicenseOrderRows(Returning, _LicenseOrderRows):
    pass


class InvoiceRows(Returning, _InvoiceRows):
    __slots__ = ()

    def totals(self, reseller_id, now):
        return self._one(
            "SELECT"
            " COUNT(*) FILTER (WHERE due_at >= ?) AS open_count,"
            " COALESCE(SUM(total) FILTER (WHERE due_at >= ?), 0)::bigint AS open_amount,"
            " COUNT(*) FILTER (WHERE due_at < ?) AS overdue_count,"
            " COALESCE(SUM(total) FILTER (WHERE due_at < ?), 0)::bigint AS overdue_amount"
            " FROM invoices WHERE reseller_id = ? AND status = 'open'",
            (now, now, now, now, reseller_id))

    def revenue_by_month(self, reseller_id, since):
        return {row[0]: row[1] for row in self._all(
            "SELECT substr(issued_at, 1, 7), SUM(total)::bigint FROM invoices"
            " WHERE reseller_id = ? AND issued_at >= ? AND status != 'void'"
            " GROUP BY substr(issued_at, 1, 7)", (reseller_id, since))}


class ResellerRows(Returning, _ResellerRows):
    def take_invoice_seq(self, reseller_id):
        return self._one("UPDATE resellers SET last_invoice_seq = last_invoice_seq + 1 WHERE id = ?"
                         " RETURNING last_invoice_seq", (reseller_id,))[0]


class MemberRows(Returning, _MemberRows):
    pass


class SessionRows(_SessionRows):
    pass


class ActivityRows(Returning, _ActivityRows):
    pass


class OutboxRows(Returning, _OutboxRows):
    pass


class IdempotencyRows(_IdempotencyRows):
    def find(self, scope, key):
        # Held until the transaction ends: the same key sent to two processes at once runs
        # once; the second finds the first's stored answer when it gets the lock.
        self.conn.execute("SELECT pg_advisory_xact_lock(?, hashtext(?))", (IDEMPOTENCY, f"{scope}\n{key}"))
        return super().find(scope, key)


class BulkJobRows(Returning, _BulkJobRows):
    __slots__ = ()


class SavedViewRows(Returning, _SavedViewRows):
    __slots__ = ()


class TransferTokenRows(Returning, _TransferTokenRows):
    pass


class SnapshotRows(_SnapshotRows):
    CONFLICTS = (load_psycopg()[0].IntegrityError,)

    def _columns(self, table):
        return [row[0] for row in self._all(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = ? ORDER BY ordinal_position", (table,))]


AREAS = types.SimpleNamespace(
    ActivityRows=ActivityRows, OutboxRows=OutboxRows, CustomerRows=CustomerRows, InvitationRows=InvitationRows,
    IdempotencyRows=IdempotencyRows, InvoiceRows=InvoiceRows, ResellerRows=ResellerRows, SessionRows=SessionRows,
    SnapshotRows=SnapshotRows, RateLimitRows=RateLimitRows, MemberRows=MemberRows, LicenseOrderRows=LicenseOrderRows, SubscriptionRows=SubscriptionRows,
    BillingProfileRows=BillingProfileRows, BulkJobRows=BulkJobRows, SavedViewRows=SavedViewRows,
    TransferTokenRows=TransferTokenRows)
