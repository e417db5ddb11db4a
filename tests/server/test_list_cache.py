"""Kept list totals and sort samples (list_cache.py, migration 4): a page by position read
from a sample is the page a direct read gives, for every sort, filter and offset; any change
to a customer or an invoice, by the domain or by plain SQL, is seen by the next request; and
while nothing changes a list is counted once."""
import os
import random
import shutil
import sqlite3
import tempfile
import unittest

from support import T0, connect, drop_database, new_database, sqlite_only
from partner_api.clock import FakeClock, iso
from partner_api.domain import Domain
from partner_api.domain.activity import SYSTEM
from partner_api.storage.backends import database
from partner_api.storage.db import Database
from partner_api.storage.list_cache import ListCache
from partner_api.storage.repository import Storage
from test_migrations import FIXTURE_V1, load_dump

NOW = iso(T0)
STATUSES = ["active", "invited", "revoked", "cancelled"]


def seed(db, reseller_id, other_id, customers=230, invoices=310):
    rng = random.Random(7)
    with db.write() as conn:
        for n in range(1, customers + 1):
            owner = reseller_id if n % 10 else other_id
            # Few distinct keys, so many rows tie on the sort key and only the id orders them.
            conn.execute(
                "INSERT INTO customers(reseller_id, name, email, google_domain, organization, status, created_at,"
                " name_key, licenses, renews_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (owner, f"Name {n % 13}", f"it{n}@c{n}.example", f"c{n}.example", f"Org {n}", rng.choice(STATUSES),
                 f"2026-0{rng.randint(1, 9)}-01T00:00:00Z", f"name {n % 13}", rng.randint(0, 5),
                 f"2026-12-{rng.randint(10, 12)}"))
        if db.dialect == "postgresql":  # the folded line its search reads, as the storage writes it
            from partner_api.storage.postgres.areas import search_text
            for row in conn.execute("SELECT id, name, organization, google_domain, email FROM customers").fetchall():
                conn.execute("UPDATE customers SET search_text = ? WHERE id = ?", (search_text(*row[1:]), row[0]))
        ids = [r[0] for r in conn.execute("SELECT id FROM customers WHERE reseller_id = ?", (reseller_id,))]
        for n in range(1, invoices + 1):
            conn.execute(
                "INSERT INTO invoices(reseller_id, customer_id, seq, number, status, currency, subtotal, tax, total,"
                " issued_at, due_at) VALUES (?, ?, ?, ?, ?, 'USD', 100, 0, 100, ?, ?)",
                (reseller_id, rng.choice(ids), n, f"INV-{n}", rng.choice(["open", "paid", "void"]),
                 f"2026-{rng.randint(1, 11):02d}-0{rng.randint(1, 3)}T00:00:00Z", "2027-01-01T00:00:00Z"))


class KeptTotalsAndSamples(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="list-cache-test-")
        self.target = new_database(self.tmp, "t.db")
        self.db = database(self.target)
        clock = FakeClock(T0)
        # Samples every 7 rows, used for every offset: the paths a million rows take, on a few hundred.
        self.sampled = Domain(Storage(self.db, ListCache(step=7, direct=0)), clock)
        # The same domain reading every page directly and counting every time.
        self.direct = Domain(Storage(self.db, ListCache(capacity=0, direct=10**9)), clock)
        self.reseller, _ = self.sampled.resellers.register("lists@reseller.example", "Lists", demo=True)
        other, _ = self.sampled.resellers.register("other@reseller.example", "Other", demo=True)
        seed(self.db, self.reseller["id"], other["id"])

    def tearDown(self):
        self.db.close()
        drop_database(self.target)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def customers(self, domain, offset, limit=5, status=None, q=None, sort="name", descending=False):
        page, total, _ = domain.customers.page(self.reseller, q, status, sort, descending, None, limit, offset)
        return [view[0]["id"] for view in page], total

    def invoices(self, domain, offset, limit=5, **filters):
        args = [filters.get(k) for k in ("customer_id", "status", "issued_from", "issued_to")]
        rows, total, _ = domain.invoices.page(self.reseller, *args, None, limit, offset)
        return [row["id"] for row in rows], total

    def assertSameCustomerPages(self, **filters):
        _, total = self.customers(self.direct, 0, **filters)
        self.assertGreater(total, 7, filters)
        for offset in range(0, total + 3):
            self.assertEqual(self.customers(self.sampled, offset, **filters),
                             self.customers(self.direct, offset, **filters), (offset, filters))

    def assertSameInvoicePages(self, **filters):
        _, total = self.invoices(self.direct, 0, **filters)
        self.assertGreater(total, 7, filters)
        for offset in range(0, total + 3):
            self.assertEqual(self.invoices(self.sampled, offset, **filters),
                             self.invoices(self.direct, offset, **filters), (offset, filters))

    def test_customer_pages_from_samples_are_the_direct_pages(self):
        for sort in ("name", "created_at", "renews_at", "licenses"):
            for descending in (False, True):
                self.assertSameCustomerPages(sort=sort, descending=descending)
        self.assertSameCustomerPages(status="active", sort="licenses", descending=True)
        self.assertSameCustomerPages(q="Name", sort="renews_at")
        self.assertGreater(self.sampled.storage.lists.scans, 0)  # the samples were used, not skipped

    def test_invoice_pages_from_samples_are_the_direct_pages(self):
        self.assertSameInvoicePages()
        self.assertSameInvoicePages(status="paid")
        self.assertSameInvoicePages(issued_from="2026-03-01", issued_to="2026-09-01")
        self.assertSameInvoicePages(status="open")  # counted each time: it depends on the moment
        self.assertGreater(self.sampled.storage.lists.scans, 0)

    def test_while_nothing_changes_a_list_is_counted_once(self):
        for offset in (0, 40, 100, 3):
            self.customers(self.sampled, offset)
            self.invoices(self.sampled, offset)
        self.assertEqual(self.sampled.storage.lists.counts, 2)
        self.customers(self.sampled, 0, status="active")
        self.assertEqual(self.sampled.storage.lists.counts, 3)

    def test_every_change_by_any_writer_is_seen_by_the_next_request(self):
        rid = self.reseller["id"]
        before_c, total_c = self.customers(self.sampled, 50)
        before_i, total_i = self.invoices(self.sampled, 50)
        conn = connect(self.target)
        try:  # plain SQL, as a kiosk reset or a hand repair would write
            conn.execute("BEGIN")
            first = conn.execute("SELECT id FROM customers WHERE reseller_id = ? ORDER BY name_key, id LIMIT 1",
                                 (rid,)).fetchone()[0]
            conn.execute("UPDATE customers SET name_key = 'zzz' WHERE id = ?", (first,))
            conn.execute("DELETE FROM invoice_lines WHERE invoice_id = (SELECT MAX(id) FROM invoices WHERE reseller_id = ?)",
                         (rid,))
            conn.execute("DELETE FROM invoices WHERE id = (SELECT MAX(id) FROM invoices WHERE reseller_id = ?)", (rid,))
            conn.execute("COMMIT")
        finally:
            getattr(conn, "raw", conn).close()
        self.assertEqual(self.customers(self.sampled, 50), self.customers(self.direct, 50))
        self.assertNotEqual(self.customers(self.sampled, 50)[0], before_c)  # everyone moved up one
        self.assertEqual(self.invoices(self.sampled, 50), self.invoices(self.direct, 50))
        self.assertEqual(self.invoices(self.sampled, 50)[1], total_i - 1)
        # Through the domain: a new customer is counted at once.
        self.sampled.customers.invite(self.reseller, "Zoë Neu", "zoe@neu.example", "neu.example", "Neu",
                                      "http://127.0.0.1:8000", SYSTEM)
        self.assertEqual(self.customers(self.sampled, 0)[1], self.customers(self.direct, 0)[1])
        self.assertEqual(self.customers(self.sampled, 0)[1], total_c + 1)
        # Counted again after each change (customers twice, invoices once), never in between.
        self.assertEqual(self.sampled.storage.lists.counts, 5)

    def test_another_resellers_changes_leave_this_list_kept(self):
        self.customers(self.sampled, 0)
        counted = self.sampled.storage.lists.counts
        with self.db.write() as conn:
            conn.execute("UPDATE customers SET licenses = licenses + 1 WHERE reseller_id != ?", (self.reseller["id"],))
        self.customers(self.sampled, 0)
        self.assertEqual(self.sampled.storage.lists.counts, counted)


@sqlite_only("upgrades a SQLite file of the first release")
class UpgradedDatabasesTrackChanges(unittest.TestCase):
    def test_a_first_release_database_gets_the_generation_triggers(self):
        tmp = tempfile.mkdtemp(prefix="list-cache-upgrade-")
        try:
            path = os.path.join(tmp, "v1.db")
            load_dump(FIXTURE_V1, path)
            Database(path).close()
            conn = sqlite3.connect(path)
            with conn:
                rid, cid = conn.execute("SELECT reseller_id, customer_id FROM invoices LIMIT 1").fetchone()
                conn.execute("UPDATE customers SET licenses = licenses WHERE id = ?", (cid,))
                conn.execute("DELETE FROM invoice_lines WHERE invoice_id IN"
                             " (SELECT id FROM invoices WHERE customer_id = ?)", (cid,))
                conn.execute("DELETE FROM invoices WHERE customer_id = ?", (cid,))
            generations = dict(conn.execute("SELECT list, n FROM list_generations WHERE reseller_id = ?", (rid,)))
            conn.close()
            self.assertGreaterEqual(generations.get("customers", 0), 2)  # OLD and NEW of one update
            self.assertGreaterEqual(generations.get("invoices", 0), 1)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
