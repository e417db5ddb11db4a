"""Invoices: list with filters and paging, detail with lines, PDF (checked with pdftotext),
CSV export; dashboard, plans and activity."""
import csv
import io
import os
import shutil
import subprocess
import tempfile
import unittest
from unittest import mock

from support import T0, ServerTestCase, sql
from partner_api.documents import ExportFormat, InvoiceFormat
from partner_api.http import routes


class Invoices(ServerTestCase):
    settings = {"session_hours": 24 * 3650}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        self = cls("run")
        cls.token = self.sign_in("billing@example.com")
        cls.customer = self.active_customer(cls.token, 1, licenses=25)
        cls.other = self.active_customer(cls.token, 2, licenses=3)
        self.ok("PATCH", f"/api/v1/customers/{cls.customer['id']}", {"name": "Jürgen Müßig-Weiß"}, cls.token)
        cls.clock.set(T0.replace(year=2027, month=2, day=1))  # two renewals each
        cls.invoice = self.ok("GET", f"/api/v1/invoices?customer_id={cls.customer['id']}", token=cls.token)["items"][-1]

    def test_list_newest_first_with_total_and_paging(self):
        page = self.ok("GET", "/api/v1/invoices?limit=4", token=self.token)
        self.assertEqual(page["total"], 6)
        self.assertEqual(len(page["items"]), 4)
        dates = [i["issued_at"] for i in page["items"]]
        self.assertEqual(dates, sorted(dates, reverse=True))
        rest = self.ok("GET", f"/api/v1/invoices?limit=4&cursor={page['next_cursor']}", token=self.token)
        self.assertEqual(len(rest["items"]), 2)
        self.assertIsNone(rest["next_cursor"])
        self.assertFalse({i["id"] for i in page["items"]} & {i["id"] for i in rest["items"]})

    def test_offset_pages_are_positions_newest_first_from_either_end(self):
        whole = [i["id"] for i in self.ok("GET", "/api/v1/invoices?limit=200", token=self.token)["items"]]
        self.assertEqual(len(whole), 6)
        for offset in range(0, 7):
            for limit in (1, 2, 4):
                page = self.ok("GET", f"/api/v1/invoices?offset={offset}&limit={limit}", token=self.token)
                self.assertEqual([i["id"] for i in page["items"]], whole[offset:offset + limit], (offset, limit))
                self.assertEqual(page["total"], 6)
                self.assertEqual(page["next_cursor"] is None, offset + limit >= 6)
        page = self.ok("GET", f"/api/v1/invoices?customer_id={self.other['id']}&offset=2&limit=2", token=self.token)
        self.assertEqual(len(page["items"]), 1)
        self.assertEqual(page["items"][0]["customer_id"], self.other["id"])
        for query in ["offset=-3", "offset=x", "offset=2&cursor=abc"]:
            self.assertError(self.call("GET", f"/api/v1/invoices?{query}", token=self.token), 422, "validation_failed")

    def test_filters(self):
        by_customer = self.ok("GET", f"/api/v1/invoices?customer_id={self.other['id']}", token=self.token)
        self.assertEqual(by_customer["total"], 3)
        self.assertTrue(all(i["customer_id"] == self.other["id"] for i in by_customer["items"]))
        december = self.ok("GET", "/api/v1/invoices?from=2026-12-01&to=2026-12-31", token=self.token)
        self.assertEqual({i["issued_at"][:7] for i in december["items"]}, {"2026-12"})
        self.assertEqual(december["total"], 2)
        self.assertEqual(self.ok("GET", "/api/v1/invoices?to=2026-11-26", token=self.token)["total"], 2)
        # invoices of November 26 are due December 26: overdue on February 1
        overdue = self.ok("GET", "/api/v1/invoices?status=overdue", token=self.token)
        self.assertEqual(overdue["total"], 4)
        self.assertTrue(all(i["status"] == "overdue" for i in overdue["items"]))
        self.assertEqual(self.ok("GET", "/api/v1/invoices?status=open", token=self.token)["total"], 2)
        self.assertEqual(self.ok("GET", "/api/v1/invoices?status=paid", token=self.token)["total"], 0)

    def test_bad_filters_are_422(self):
        for query in ["status=late", "from=2026-13-01", "to=yesterday", "from=2027-01-02&to=2027-01-01",
                      "customer_id=abc", "limit=500", "cursor=xyz"]:
            self.assertError(self.call("GET", f"/api/v1/invoices?{query}", token=self.token), 422, "validation_failed")

    def test_detail_with_lines(self):
        invoice = self.ok("GET", f"/api/v1/invoices/{self.invoice['id']}", token=self.token)
        self.assertEqual(invoice["total"], {"amount": 2575, "currency": "USD"})
        self.assertEqual(invoice["subtotal"]["amount"] + invoice["tax"]["amount"], invoice["total"]["amount"])
        self.assertEqual(sum(line["amount"]["amount"] for line in invoice["lines"]), invoice["subtotal"]["amount"])
        self.assertEqual(invoice["lines"][0]["quantity"], 25)
        self.assertEqual(invoice["due_at"], "2026-12-26T09:00:00Z")
        self.assertRegex(invoice["number"], r"^INV-\d{6}$")

    def test_each_line_says_what_it_is_for_a_client_to_word_it(self):
        # Issue 25: the description is the invoice's own language; the item lets a client say the
        # line in its reader's language (period, plan, cycle, licenses; proration days where prorated).
        invoice = self.ok("GET", f"/api/v1/invoices/{self.invoice['id']}", token=self.token)
        line = invoice["lines"][0]
        self.assertEqual(line["item"], {"kind": "period", "plan": "professional", "cycle": "flexible", "licenses": 25})
        self.assertEqual(line["description"], "Professional, Flexible (monthly): 25 licenses")
        # Another account's customer, so this account's lists and totals stay as the other tests expect.
        token = self.sign_in("lines@example.com")
        customer = self.active_customer(token, 7, licenses=3)
        order = self.ok("POST", f"/api/v1/customers/{customer['id']}/subscription/license-orders", {"licenses": 5},
                        token=token, status=201)
        added = order["invoice"]["lines"][0]
        self.assertEqual(set(added["item"]), {"kind", "plan", "count", "days", "period_days"})
        self.assertEqual((added["item"]["kind"], added["item"]["count"]), ("added", 2))
        self.assertTrue(0 < added["item"]["days"] <= added["item"]["period_days"], added["item"])
        self.assertIn(f"prorated for {added['item']['days']} of {added['item']['period_days']} days", added["description"])
        # A line issued before its item was kept: null, the description as it was.
        sql(self.db_path, "UPDATE invoice_lines SET item = NULL WHERE invoice_id = ?", (self.invoice["id"],))
        again = self.ok("GET", f"/api/v1/invoices/{self.invoice['id']}", token=self.token)
        self.assertIsNone(again["lines"][0]["item"])
        self.assertEqual(again["lines"][0]["description"], line["description"])

    def test_another_resellers_invoice_is_404(self):
        stranger = self.sign_in("stranger@example.com")
        for path in [f"/api/v1/invoices/{self.invoice['id']}", f"/api/v1/invoices/{self.invoice['id']}/pdf"]:
            self.assertError(self.call("GET", path, token=stranger), 404, "not_found")
        self.assertEqual(self.ok("GET", "/api/v1/invoices", token=stranger)["total"], 0)
        self.assertEqual(self.call("GET", "/api/v1/invoices/export.csv", token=stranger).body.count(b"\n"), 1)

    def test_pdf_opens_in_pdftotext_with_number_customer_and_total(self):
        pdftotext = shutil.which("pdftotext")
        self.assertIsNotNone(pdftotext, "pdftotext is missing: install the Debian package poppler-utils")
        reply = self.call("GET", f"/api/v1/invoices/{self.invoice['id']}/pdf", token=self.token)
        self.assertEqual(reply.status, 200)
        self.assertEqual(reply.header("Content-Type"), "application/pdf")
        self.assertEqual(reply.header("Content-Disposition"), f'attachment; filename="{self.invoice["number"]}.pdf"')
        self.assertTrue(reply.body.startswith(b"%PDF-1.7"))  # PDF/A-3 (test_invoice_pdf.py checks the rest)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "invoice.pdf")
            with open(path, "wb") as handle:
                handle.write(reply.body)
            result = subprocess.run([pdftotext, "-layout", path, "-"], capture_output=True, timeout=30)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn(b"Error", result.stderr)
        text = result.stdout.decode("utf-8")
        self.assertIn(self.invoice["number"], text)
        # Issued before the customer was renamed: it keeps the name it was issued with.
        self.assertIn("Jürgen Müller 1", text)
        self.assertNotIn("Müßig", text)
        self.assertIn("Müller Bau 1 GmbH", text)
        self.assertIn("USD 25.75", text)

    def test_csv_export_with_the_same_filters(self):
        reply = self.call("GET", f"/api/v1/invoices/export.csv?customer_id={self.customer['id']}", token=self.token)
        self.assertEqual(reply.status, 200)
        self.assertEqual(reply.header("Content-Type"), "text/csv; charset=utf-8")
        self.assertIn("attachment", reply.header("Content-Disposition"))
        rows = list(csv.DictReader(io.StringIO(reply.body.decode("utf-8"))))
        self.assertEqual(len(rows), 3)
        self.assertEqual(rows[-1]["number"], self.invoice["number"])
        self.assertEqual(rows[-1]["total"], "25.75")
        self.assertEqual(rows[-1]["customer"], "Jürgen Müller 1")  # the name the invoice was issued with
        self.assertEqual(rows[0]["customer"], "Jürgen Müßig-Weiß")  # a renewal issued after the rename
        self.assertEqual((rows[0]["kind"], rows[0]["corrects"]), ("invoice", ""))
        self.assertEqual(rows[-1]["status"], "overdue")
        everything = self.call("GET", "/api/v1/invoices/export.csv", token=self.token).body.decode()
        self.assertEqual(len(list(csv.DictReader(io.StringIO(everything)))), 6)
        self.assertError(self.call("GET", "/api/v1/invoices/export.csv?status=nope", token=self.token),
                         422, "validation_failed")

    def test_dashboard(self):
        board = self.ok("GET", "/api/v1/dashboard", token=self.token)
        self.assertEqual(board["customers_by_status"], {"invited": 0, "active": 2, "suspended": 0, "revoked": 0,
                                                        "declined": 0, "cancelled": 0})
        self.assertEqual(board["licenses_total"], 28)
        self.assertEqual(board["monthly_recurring_revenue"], {"amount": 28 * 103, "currency": "USD"})
        self.assertEqual(board["invoices"]["overdue"]["count"], 4)
        self.assertEqual(board["invoices"]["open"], {"count": 2, "amount": {"amount": 28 * 103, "currency": "USD"}})
        self.assertEqual(board["renewals_next_30_days"]["count"], 2)
        self.assertEqual(len(board["revenue_by_month"]), 12)
        self.assertEqual(board["revenue_by_month"][-1]["month"], "2027-02")
        by_month = {m["month"]: m["amount"]["amount"] for m in board["revenue_by_month"]}
        self.assertEqual(by_month["2026-11"], 28 * 103)
        self.assertEqual(by_month["2026-10"], 0)

    def test_plans_at_list_and_after_discount(self):
        plans = self.ok("GET", "/api/v1/plans", token=self.token)
        self.assertEqual(plans["discount_basis_points"], 2000)
        prices = {p["plan"]: p["prices"] for p in plans["items"]}
        self.assertEqual(prices["basic"]["flexible"]["list"]["amount"], 100)
        self.assertEqual(prices["basic"]["annual_yearly"]["list"]["amount"], 948)
        self.assertEqual(prices["professional"]["flexible"]["yours"]["amount"], 103)
        self.assertEqual(prices["enterprise"]["annual_yearly"]["list"]["amount"], 1548)
        self.assertEqual(prices["enterprise"]["annual_monthly"]["list"]["amount"], 129)
        self.assertEqual(prices["enterprise"]["annual_yearly"]["per"], "license_year")

    def test_activity_newest_first_with_paging(self):
        page = self.ok("GET", "/api/v1/activity?limit=3", token=self.token)
        self.assertEqual(len(page["items"]), 3)
        ids = [a["id"] for a in page["items"]]
        self.assertEqual(ids, sorted(ids, reverse=True))
        rest = self.ok("GET", f"/api/v1/activity?limit=200&cursor={page['next_cursor']}", token=self.token)
        self.assertLess(rest["items"][0]["id"], ids[-1])
        actions = {a["action"] for a in page["items"] + rest["items"]}
        self.assertTrue({"customer.invited", "invitation.accepted", "subscription.licenses_ordered",
                         "customer.updated", "subscription.renewed"} <= actions)
        ordered = next(a for a in rest["items"] + page["items"] if a["action"] == "subscription.licenses_ordered")
        # Demo sign-in made billing@example.com's account, with that address as its Admin.
        self.assertEqual(ordered["actor"], {"kind": "member", "email": "billing@example.com", "name": "Billing"})
        self.assertIn("licenses", ordered["before"])
        self.assertError(self.call("GET", "/api/v1/activity?cursor=bad", token=self.token), 422, "validation_failed")


def invoice_text(invoice, seller):
    return f"{invoice['number']} from {seller['name']}: {invoice['total']['amount']}".encode()


def numbers_text(invoices):
    yield from (f"{invoice['number']}\n".encode() for invoice in invoices)


class RegisteredFormats(ServerTestCase):
    """A document format is one registration (documents/__init__.py): its route, session
    check and attachment name follow from it."""

    @classmethod
    def setUpClass(cls):
        text = InvoiceFormat("txt", "text/plain; charset=utf-8", "txt", "The invoice as text", invoice_text)
        numbers = ExportFormat("numbers", "text/plain; charset=utf-8", "Invoice numbers", numbers_text)
        with mock.patch.object(routes, "INVOICE_FORMATS", routes.INVOICE_FORMATS + (text,)), \
                mock.patch.object(routes, "EXPORT_FORMATS", routes.EXPORT_FORMATS + (numbers,)):
            super().setUpClass()

    def test_a_registered_format_is_served_at_its_own_path(self):
        token = self.sign_in("formats@example.com")
        self.active_customer(token, 1, licenses=3)
        invoice = self.ok("GET", "/api/v1/invoices", token=token)["items"][0]
        reply = self.call("GET", f"/api/v1/invoices/{invoice['id']}/txt", token=token)
        self.assertEqual(reply.status, 200, reply)
        self.assertEqual(reply.header("Content-Type"), "text/plain; charset=utf-8")
        self.assertEqual(reply.header("Content-Disposition"), f'attachment; filename="{invoice["number"]}.txt"')
        seller = self.ok("GET", "/api/v1/me", token=token)["name"]
        self.assertEqual(reply.body.decode(), f"{invoice['number']} from {seller}: {invoice['total']['amount']}")
        export = self.call("GET", "/api/v1/invoices/export.numbers", token=token)
        self.assertEqual((export.status, export.body.decode()), (200, f"{invoice['number']}\n"))
        self.assertEqual(export.header("Content-Disposition"), 'attachment; filename="invoices.numbers"')
        self.assertError(self.call("GET", f"/api/v1/invoices/{invoice['id']}/txt"), 401, "unauthorized")
        stranger = self.sign_in("formats.stranger@example.com")
        self.assertError(self.call("GET", f"/api/v1/invoices/{invoice['id']}/txt", token=stranger), 404, "not_found")
        self.assertError(self.call("GET", f"/api/v1/invoices/{invoice['id']}/docx", token=token), 404, "not_found")


if __name__ == "__main__":
    unittest.main()
