"""Invoices: the reseller's list (filters, pages by cursor or by position), every match for an
export, and one invoice with its lines. Invoices are issued by billing.issue_invoice."""
from ..clock import iso
from ..errors import NotFound


class Invoices:
    def __init__(self, storage, clock):
        self.storage = storage
        self.clock = clock

    def page(self, reseller, customer_id, status, issued_from, issued_to, after, limit, offset=None):
        """(rows, total, next key): newest first, by keyset (`after`) or by position (`offset`).
        Open and overdue are as of now."""
        now = iso(self.clock.now())
        with self.storage.read() as repo:
            return repo.invoices.page(reseller["id"], customer_id, status, issued_from, issued_to, now, after,
                                      offset, limit)

    def every(self, reseller, customer_id, status, issued_from, issued_to, chunk):
        """Yields every matching invoice newest first, reading in chunks by keyset so a
        million rows never sit in memory nor hold one read transaction open for long."""
        after = None
        while True:
            now = iso(self.clock.now())
            with self.storage.read() as repo:
                rows, after = repo.invoices.page_after(reseller["id"], customer_id, status, issued_from,
                                                       issued_to, now, after, chunk)
            yield from rows
            if after is None:
                return

    def get(self, reseller, invoice_id):
        """(invoice, lines, the credit notes that correct it)."""
        with self.storage.read() as repo:
            row = repo.invoices.get(reseller["id"], invoice_id)
            if row is None:
                raise NotFound("There is no invoice with this id.")
            return row, repo.invoices.lines(invoice_id), repo.invoices.corrections_of(invoice_id)
