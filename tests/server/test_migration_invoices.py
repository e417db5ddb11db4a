"""Migration 9 (issue 18) on a database as the version before made it (the first release's dump
brought to version 8): every invoice keeps its number, amounts and lines, and the names it
showed until now (read from the customer and the account) are written into it, so a rename
after the upgrade no longer changes it. Invoices issued before render as they were issued: a
PDF without e-invoice data, and no XRechnung (409, "issued_before_e_invoices"); the sequence
goes on without a gap."""
import os
import shutil
import sqlite3
import tempfile
import unittest

from billing_support import GERMAN_PROFILE, pdf_text
from support import T0, request, sqlite_only
from test_migrations import FIXTURE_V1, V1_TABLES, load_dump, rows
from partner_api.clock import FakeClock
from partner_api.http.server import RunningServer, Settings
from partner_api.storage.migrations import migrate


@sqlite_only("the first release's SQLite dump upgraded")
class InvoicesAsIssuedFromVersion8(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="migrations-9-")
        cls.db = os.path.join(cls.tmp, "v7.db")
        load_dump(FIXTURE_V1, cls.db)
        conn = sqlite3.connect(cls.db, isolation_level=None)
        try:
            assert migrate(conn, target=8) == (1, 8)
            cls.before = {table: rows(cls.db, table) for table in V1_TABLES}
            # What each invoice showed at version 8: its customer's and account's names of today.
            cls.shown = {row[0]: row[1:] for row in conn.execute(
                "SELECT i.id, c.name, c.organization, r.name FROM invoices i JOIN customers c ON c.id = i.customer_id"
                " JOIN resellers r ON r.id = i.reseller_id")}
            cls.last_seq = conn.execute("SELECT MAX(last_invoice_seq) FROM resellers WHERE is_demo = 1").fetchone()[0]
        finally:
            conn.close()
        cls.server = RunningServer(Settings(port=0, db_path=cls.db, static_dir="", quiet=True, demo=True,
                                            session_hours=24 * 3650, clock=FakeClock(T0.replace(day=27)))).start()
        cls.after = {table: rows(cls.db, table) for table in V1_TABLES}  # upgraded, before any request
        conn = sqlite3.connect(cls.db)
        try:
            cls.kept = {row[0]: row[1:] for row in conn.execute(
                "SELECT id, buyer_name, buyer_organization, seller_name FROM invoices")}
            cls.kinds = {row[0] for row in conn.execute("SELECT DISTINCT kind FROM invoices")}
            cls.issued = conn.execute("SELECT COUNT(*) FROM invoices WHERE issued_as IS NOT NULL").fetchone()[0]
        finally:
            conn.close()
        cls.token = request(cls.server.port, "POST", "/api/v1/auth/demo",
                            {"email": "demo@reseller.example"}).json["token"]

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def get(self, path, status=200):
        reply = request(self.server.port, "GET", path, token=self.token)
        self.assertEqual(reply.status, status, reply)
        return reply

    def test_every_row_is_kept_and_every_invoice_holds_the_names_it_showed(self):
        # The tables migration 9 changes (a start also seals the links kept in plain text in
        # invitations and outbox: test_migrations.py).
        for table in ("resellers", "customers", "subscriptions", "license_orders", "invoices", "invoice_lines"):
            columns, old_rows = self.before[table]
            new_columns, new_rows = self.after[table]
            index = [new_columns.index(c) for c in columns]
            self.assertEqual(sorted(tuple(r[i] for i in index) for r in new_rows), old_rows, table)
        self.assertEqual(len(self.kept), V1_TABLES["invoices"])
        for invoice_id, shown in self.shown.items():
            self.assertEqual(self.kept[invoice_id], shown, invoice_id)
        self.assertEqual((self.kinds, self.issued), ({"invoice"}, 0))

    def test_an_invoice_issued_before_renders_as_it_was_and_makes_no_e_invoice(self):
        items = self.get("/api/v1/invoices?limit=5").json["items"]
        invoice = self.get(f"/api/v1/invoices/{items[-1]['id']}").json
        self.assertFalse(invoice["issued_as_e_invoice"])
        self.assertEqual(invoice["tax_rule"]["rule"], "legacy")
        self.assertEqual(invoice["e_invoice_missing"]["xrechnung"], ["issued_before_e_invoices"])
        self.assertIsNone(invoice["lines"][0]["period"])
        self.assertEqual(invoice["seller"], {"name": self.shown[invoice["id"]][2]})
        pdf = self.get(f"/api/v1/invoices/{invoice['id']}/pdf").body
        text = pdf_text(pdf)
        for expected in (invoice["number"], invoice["customer_organization"], invoice["lines"][0]["description"],
                         "issued before electronic invoices"):
            self.assertIn(expected, " ".join(text.split()))
        self.assertNotIn(b"factur-x.xml", pdf)
        error = self.get(f"/api/v1/invoices/{invoice['id']}/xrechnung.xml", status=409).json["error"]
        self.assertEqual((error["code"], error["missing"]), ("invoice_incomplete", ["issued_before_e_invoices"]))

    def test_a_rename_after_the_upgrade_leaves_earlier_invoices_as_they_were(self):
        invoice = self.get("/api/v1/invoices?limit=1").json["items"][0]
        reply = request(self.server.port, "PATCH", f"/api/v1/customers/{invoice['customer_id']}",
                        {"name": "Neu Benannt", "organization": "Neu Benannt GmbH"}, self.token)
        self.assertEqual(reply.status, 200, reply)
        again = self.get(f"/api/v1/invoices/{invoice['id']}").json
        self.assertEqual((again["customer_name"], again["customer_organization"]),
                         (invoice["customer_name"], invoice["customer_organization"]))

    def test_new_invoices_go_on_in_the_same_sequence(self):
        reply = request(self.server.port, "PUT", "/api/v1/billing-profile", GERMAN_PROFILE, self.token)
        self.assertEqual(reply.status, 200, reply)
        self.assertEqual(reply.json["currency"], "USD")  # invoices were issued in USD: it stays
        customer = next(c for c in self.get("/api/v1/customers?status=active&limit=200").json["items"]
                        if c["subscription"] and c["subscription"]["status"] == "active")
        reply = request(self.server.port, "POST", f"/api/v1/customers/{customer['id']}/subscription/license-orders",
                        {"licenses": customer["subscription"]["licenses"] + 3}, self.token)
        self.assertEqual(reply.status, 201, reply)
        invoice = reply.json["invoice"]
        self.assertEqual(invoice["number"], f"RE-{T0.year}-{self.last_seq + 1:06d}")
        self.assertTrue(invoice["issued_as_e_invoice"])


if __name__ == "__main__":
    unittest.main()
