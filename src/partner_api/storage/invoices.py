"""Invoices and their lines, with kept list totals, and the sums the dashboard shows."""
import json

from .list_cache import generation
from .rows import Rows

# The names an invoice shows are its own (written when it was issued, schema version 9); a row put
# back from a kiosk snapshot taken before then has none and shows the customer's.
CUSTOMER_NAMES = ("COALESCE(i.buyer_name, c.name) AS customer_name,"
                  " COALESCE(i.buyer_organization, c.organization) AS customer_organization")
SELECT_WITH_CUSTOMER = (f"SELECT i.*, {CUSTOMER_NAMES}, o.number AS corrects_number"
                        " FROM invoices i JOIN customers c ON c.id = i.customer_id"
                        " LEFT JOIN invoices o ON o.id = i.corrects_invoice_id")
# What an invoice keeps of how it was issued (besides its amounts): InvoiceRows.add takes them by name.
ISSUED_COLUMNS = ("kind", "corrects_invoice_id", "language", "seller_name", "buyer_name", "buyer_organization",
                  "issued_as")


class InvoiceRows(Rows):
    __slots__ = ("lists",)

    def __init__(self, conn, lists):
        super().__init__(conn)
        self.lists = lists

    def add(self, reseller_id, customer_id, seq, number, status, currency, subtotal, tax, total,
            issued_at, due_at, lines, paid_at=None, **issued):
        """`issued`: the ISSUED_COLUMNS the invoice keeps; each line may carry its service period
        (period_start, period_end) and what it is (item: line_items.describe's, kept as JSON)."""
        names = [name for name in ISSUED_COLUMNS if name in issued]
        if set(issued) - set(names):
            raise ValueError(f"not an invoice column: {sorted(set(issued) - set(names))}")
        invoice_id = self._insert(
            "INSERT INTO invoices(reseller_id, customer_id, seq, number, status, currency, subtotal,"
            f" tax, total, issued_at, due_at, paid_at{''.join(', ' + name for name in names)})"
            f" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?{', ?' * len(names)})",
            (reseller_id, customer_id, seq, number, status, currency, subtotal, tax, total,
             issued_at, due_at, paid_at, *(issued[name] for name in names)))
        self.conn.executemany(
            "INSERT INTO invoice_lines(invoice_id, position, description, quantity, unit_amount,"
            " amount, period_start, period_end, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(invoice_id, position, line["description"], line["quantity"], line["unit_amount"],
              line["amount"], line.get("period_start"), line.get("period_end"),
              json.dumps(line["item"], ensure_ascii=False, sort_keys=True) if line.get("item") else None)
             for position, line in enumerate(lines, 1)])
        return invoice_id

    def get(self, reseller_id, invoice_id):
        return self._one(
            f"SELECT i.*, {CUSTOMER_NAMES}, c.email AS customer_email, c.google_domain AS customer_domain,"
            " o.number AS corrects_number, o.issued_at AS corrects_issued_at,"
            " COALESCE(i.seller_name, r.name) AS seller_shown"
            " FROM invoices i JOIN customers c ON c.id = i.customer_id JOIN resellers r ON r.id = i.reseller_id"
            " LEFT JOIN invoices o ON o.id = i.corrects_invoice_id"
            " WHERE i.id = ? AND i.reseller_id = ?", (invoice_id, reseller_id))

    def corrections_of(self, invoice_id):
        """(id, number) of the credit notes that correct the invoice, oldest first."""
        return self._all("SELECT id, number FROM invoices WHERE corrects_invoice_id = ? ORDER BY id", (invoice_id,))

    def latest_for_period(self, reseller_id, customer_id, since):
        """The customer's newest invoice (not a credit note, not void) issued since `since`: the
        one a credit for the running billing period corrects."""
        return self._one(
            "SELECT * FROM invoices WHERE reseller_id = ? AND customer_id = ? AND kind = 'invoice'"
            " AND status != 'void' AND issued_at >= ? ORDER BY issued_at DESC, id DESC LIMIT 1",
            (reseller_id, customer_id, since))

    def any_of(self, reseller_id):
        """Whether the account has issued any invoice."""
        return self._one("SELECT 1 FROM invoices WHERE reseller_id = ? LIMIT 1", (reseller_id,)) is not None

    def any_of_customer(self, customer_id):
        return self._one("SELECT 1 FROM invoices WHERE customer_id = ? LIMIT 1", (customer_id,)) is not None

    def lines(self, invoice_id):
        return self._all("SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY position",
                         (invoice_id,))

    def set_status(self, invoice_id, status, paid_at=None):
        self.conn.execute("UPDATE invoices SET status = ?, paid_at = ? WHERE id = ?",
                          (status, paid_at, invoice_id))

    def count_of_customer(self, reseller_id, customer_id):
        return self._one("SELECT COUNT(*) FROM invoices WHERE reseller_id = ? AND customer_id = ?",
                         (reseller_id, customer_id))[0]

    def issued_of(self, reseller_id):
        """(id, issued_at, kind) of every invoice of the reseller, oldest id first."""
        return self._all("SELECT id, issued_at, kind FROM invoices WHERE reseller_id = ? ORDER BY id",
                         (reseller_id,))

    def page(self, reseller_id, customer_id, status, issued_from, issued_to, now, after, offset, limit):
        """(rows, total, next key) of one page, newest first: after the keyset `after`
        (issued_at and id of the previous page's last row), or at position `offset`."""
        rid = reseller_id
        filters = (customer_id, status, issued_from, issued_to, now)
        # Open and overdue depend on the moment: those lists are counted every time.
        key = None if status in ("open", "overdue") else ("invoices", rid, customer_id, status, issued_from,
                                                         issued_to)
        gen = generation(self.conn, rid, "invoices")  # before the count: see list_cache.py
        count = lambda: self._count(rid, *filters)  # noqa: E731
        total = count() if key is None else self.lists.total(key, gen, count)
        if offset is None:
            rows = self._list(rid, *filters, after, limit + 1)
            more = len(rows) > limit
            rows = rows[:limit]
        else:
            ids = self.lists.ids_at(
                key, gen, total, offset, limit, lambda step: self._samples_of(rid, *filters, step),
                lambda reverse, o, n: self._ids_at(rid, *filters, reverse, o, n),
                lambda sample, skip, n: self._ids_from(rid, *filters, sample, skip, n))
            rows = self._rows_in_order(SELECT_WITH_CUSTOMER, "i.id", ids)
            more = offset + len(rows) < total
        return rows, total, self._next_key(rows, more)

    def page_after(self, reseller_id, customer_id, status, issued_from, issued_to, now, after, limit):
        """(rows, next key): like page by keyset, without counting the list (the CSV export)."""
        rows = self._list(reseller_id, customer_id, status, issued_from, issued_to, now, after, limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        return rows, self._next_key(rows, more)

    @staticmethod
    def _next_key(rows, more):
        return (rows[-1]["issued_at"], rows[-1]["id"]) if more and rows else None

    def totals(self, reseller_id, now):
        return self._one(
            "SELECT"
            " COALESCE(SUM(due_at >= ?), 0) AS open_count,"
            " COALESCE(SUM(CASE WHEN due_at >= ? THEN total END), 0) AS open_amount,"
            " COALESCE(SUM(due_at < ?), 0) AS overdue_count,"
            " COALESCE(SUM(CASE WHEN due_at < ? THEN total END), 0) AS overdue_amount"
            " FROM invoices WHERE reseller_id = ? AND status = 'open'",
            (now, now, now, now, reseller_id))

    def revenue_by_month(self, reseller_id, since):
        return {row[0]: row[1] for row in self._all(
            "SELECT substr(issued_at, 1, 7), SUM(total) FROM invoices"
            " WHERE reseller_id = ? AND issued_at >= ? AND status != 'void'"
            " GROUP BY substr(issued_at, 1, 7)", (reseller_id, since))}

    def _filter(self, reseller_id, customer_id, status, issued_from, issued_to, now):
        where, params = ["i.reseller_id = ?"], [reseller_id]
        if customer_id is not None:
            where.append("i.customer_id = ?")
            params.append(customer_id)
        # overdue is not stored: it is an open invoice past its due date at this moment.
        if status == "overdue":
            where += ["i.status = 'open'", "i.due_at < ?"]
            params.append(now)
        elif status == "open":
            where += ["i.status = 'open'", "i.due_at >= ?"]
            params.append(now)
        elif status:
            where.append("i.status = ?")
            params.append(status)
        if issued_from:
            where.append("i.issued_at >= ?")
            params.append(issued_from)
        if issued_to:
            where.append("i.issued_at < ?")
            params.append(issued_to)
        return where, params

    def _count(self, reseller_id, customer_id, status, issued_from, issued_to, now):
        where, params = self._filter(reseller_id, customer_id, status, issued_from, issued_to, now)
        return self._one(f"SELECT COUNT(*) FROM invoices i WHERE {' AND '.join(where)}", params)[0]

    def _list(self, reseller_id, customer_id, status, issued_from, issued_to, now, after, limit):
        """Newest first; `after` is (issued_at, id) of the previous page's last row."""
        where, params = self._filter(reseller_id, customer_id, status, issued_from, issued_to, now)
        if after is not None:
            where.append("(i.issued_at, i.id) < (?, ?)")
            params.extend(after)
        return self._all(f"{SELECT_WITH_CUSTOMER} WHERE {' AND '.join(where)}"
                         " ORDER BY i.issued_at DESC, i.id DESC LIMIT ?", params + [limit])

    def _ids_at(self, reseller_id, customer_id, status, issued_from, issued_to, now, oldest_first, offset, limit):
        """Ids of the invoices at positions offset..offset+limit-1, newest first (or oldest
        first, to reach positions near the end from that side): an index-only scan."""
        where, params = self._filter(reseller_id, customer_id, status, issued_from, issued_to, now)
        direction = "ASC" if oldest_first else "DESC"
        return [row[0] for row in self._all(
            f"SELECT i.id FROM invoices i WHERE {' AND '.join(where)}"
            f" ORDER BY i.issued_at {direction}, i.id {direction} LIMIT ? OFFSET ?", params + [limit, offset])]

    def _samples_of(self, reseller_id, customer_id, status, issued_from, issued_to, now, step):
        """(issued_at, id) of rows 0, step, 2·step, … newest first."""
        where, params = self._filter(reseller_id, customer_id, status, issued_from, issued_to, now)
        return self._samples("invoices i", "i.issued_at", "i.id", where, params, True, step)

    def _ids_from(self, reseller_id, customer_id, status, issued_from, issued_to, now, anchor, skip, limit):
        where, params = self._filter(reseller_id, customer_id, status, issued_from, issued_to, now)
        where.append("(i.issued_at, i.id) <= (?, ?)")
        return [row[0] for row in self._all(
            f"SELECT i.id FROM invoices i WHERE {' AND '.join(where)}"
            " ORDER BY i.issued_at DESC, i.id DESC LIMIT ? OFFSET ?", params + list(anchor) + [limit, skip])]
