"""Exports of what the console shows (issue 19): the customer list as CSV with its search, filter
and sort, every row, streamed; both exports in the default dialect and in German Excel's
(semicolons, decimal commas, UTF-8 with a byte-order mark); formula-safe in both."""
import csv
import io
import unittest

from support import ServerTestCase

API = "/api/v1"


def read(reply, german=False):
    text = reply.body.decode("utf-8")
    if german:
        assert text.startswith("\ufeff"), text[:20]
        text = text[1:]
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if german else ","))


class CustomerExport(ServerTestCase):
    settings = {"session_hours": 24 * 3650}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        self = cls("run")
        cls.token = self.sign_in("export@example.com")
        cls.active = [self.active_customer(cls.token, n, licenses=3 + n) for n in range(3)]
        cls.invited = self.invite(cls.token, 7, name="=cmd|' /C calc'!A0", organization="Weiß; Söhne, KG")
        cls.other = self.invite(cls.token, 8, name="Zoë Harper")

    def export(self, query="", token=None):
        reply = self.call("GET", f"{API}/customers/export.csv{query}", token=token or self.token)
        self.assertEqual(reply.status, 200, reply)
        return reply

    def test_the_list_as_shown_every_row_in_its_sort(self):
        reply = self.export("?sort=-licenses")
        self.assertEqual(reply.header("Content-Type"), "text/csv; charset=utf-8")
        self.assertEqual(reply.header("Content-Disposition"), 'attachment; filename="customers.csv"')
        self.assertIsNone(reply.header("Content-Length"))  # streamed
        rows = read(reply)
        header = rows[0]
        self.assertEqual(header[:5], ["name", "organization", "email", "google_domain", "status"])
        listed = self.ok("GET", f"{API}/customers?sort=-licenses&limit=200", token=self.token)["items"]
        self.assertEqual([r[header.index("id")] for r in rows[1:]], [str(c["id"]) for c in listed])
        licenses = [r[header.index("licenses")] for r in rows[1:]]
        self.assertEqual(licenses[:3], ["5", "4", "3"])
        # Each value as the list's JSON has it (the export reads what the rows keep beside them).
        for row, customer in zip(rows[1:], listed):
            sub = customer["subscription"] or {}
            self.assertEqual(row[header.index("renews_at")], sub.get("renews_at") or "")
            self.assertEqual(row[header.index("plan")], sub.get("plan") or "")
            self.assertEqual(row[header.index("subscription_status")], sub.get("status") or "")
            self.assertEqual(row[header.index("created_at")], customer["created_at"])
        amount = listed[0]["subscription"]["monthly_value"]["amount"]
        self.assertEqual(rows[1][header.index("monthly_value")], f"{amount // 100}.{amount % 100:02d}")

    def test_search_and_status_filter_as_the_list_does(self):
        rows = read(self.export("?status=invited"))
        self.assertEqual(sorted(r[3] for r in rows[1:]), ["mueller-bau-7.de", "mueller-bau-8.de"])
        rows = read(self.export("?q=Zo%C3%AB"))
        self.assertEqual([r[0] for r in rows[1:]], ["Zoë Harper"])
        rows = read(self.export("?q=nobody-at-all"))
        self.assertEqual(len(rows), 1)  # the header alone

    def test_columns_as_asked_in_order(self):
        rows = read(self.export("?columns=licenses,name&status=active&sort=licenses"))
        self.assertEqual(rows, [["licenses", "name"], ["3", "Jürgen Müller 0"], ["4", "Jürgen Müller 1"],
                                ["5", "Jürgen Müller 2"]])
        for bad in ("name,name", "name,password", ""):
            reply = self.call("GET", f"{API}/customers/export.csv?columns={bad}&format=x", token=self.token)
            self.assertError(reply, 422, "validation_failed")

    def test_german_excel_dialect_and_formula_safety_in_both(self):
        rows = read(self.export("?format=excel-de&sort=-licenses"), german=True)
        header = rows[0]
        first = self.ok("GET", f"{API}/customers?sort=-licenses&limit=1", token=self.token)["items"][0]
        amount = first["subscription"]["monthly_value"]["amount"]
        self.assertEqual(rows[1][header.index("monthly_value")], f"{amount // 100},{amount % 100:02d}")
        by_name = {r[0]: r for r in rows[1:]}
        self.assertIn("'=cmd|' /C calc'!A0", by_name)
        self.assertEqual(by_name["'=cmd|' /C calc'!A0"][1], "Weiß; Söhne, KG")
        for dialect in ("", "?format=csv"):
            plain = read(self.export(dialect))
            self.assertIn("'=cmd|' /C calc'!A0", [r[0] for r in plain])
        raw = self.export("?format=excel-de").body
        self.assertTrue(raw.startswith(b"\xef\xbb\xbfname;organization;"))
        self.assertIn(b'"Wei\xc3\x9f; S\xc3\xb6hne, KG"', raw)  # quoted: it holds both separators
        self.assertError(self.call("GET", f"{API}/customers/export.csv?format=xlsx", token=self.token), 422,
                         "validation_failed")

    def test_no_invitation_link_leaves_in_a_file(self):
        body = self.export().body.decode()
        self.assertNotIn("/invite/", body)

    def test_another_reseller_exports_only_their_own(self):
        stranger = self.sign_in("export.stranger@example.com")
        self.assertEqual(len(read(self.export(token=stranger))), 1)


    def test_every_row_once_across_the_reads_ties_by_id(self):
        # The export reads by keyset a chunk at a time: with two customers a read, every sort
        # (invited customers tie on licenses) and filter must give the list's rows, each once.
        from partner_api.http.handlers import customers as handlers
        chunk, handlers.EXPORT_CHUNK = handlers.EXPORT_CHUNK, 2
        try:
            for query in ("sort=licenses", "sort=-licenses", "sort=name", "sort=-renews_at", "sort=created_at",
                          "status=invited&sort=-name", "q=M%C3%BCller&sort=licenses"):
                rows = read(self.export(f"?columns=id,licenses,renews_at&{query}"))
                listed = self.ok("GET", f"{API}/customers?{query}&limit=200", token=self.token)["items"]
                self.assertEqual([r[0] for r in rows[1:]], [str(c["id"]) for c in listed], query)
                self.assertEqual([r[1] for r in rows[1:]],
                                 [str(c["subscription"]["licenses"]) if c["subscription"] else "" for c in listed])
        finally:
            handlers.EXPORT_CHUNK = chunk


class CsvLines(unittest.TestCase):
    def test_a_line_is_its_cells_each_written_with_care(self):
        # csv_line skips the per-cell checks for lines whose text needs none: over random cells
        # from an alphabet of every character that matters, it must write what csv_field writes.
        import random
        from partner_api.documents.spreadsheet import CSV, EXCEL_DE, Amount, csv_field, csv_line
        rng = random.Random(19)
        alphabet = ['a', 'Ü', ' ', ',', ';', '"', '\r', '\n', '\t', '\0', '=', '+', '-', '@', '1', '.', "'"]
        for _ in range(20000):
            cells = []
            for _ in range(rng.randint(0, 5)):
                kind = rng.random()
                if kind < 0.7:
                    cells.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4))))
                else:
                    cells.append(rng.choice([None, 7, -12, Amount(-1250), Amount(5)]))
            for dialect in (CSV, EXCEL_DE):
                self.assertEqual(csv_line(cells, dialect),
                                 dialect.separator.join(csv_field(c, dialect) for c in cells) + "\r\n", cells)


class InvoiceExportDialects(ServerTestCase):
    def test_invoices_in_german_excel(self):
        token = self.sign_in("export.invoices@example.com")
        customer = self.active_customer(token, 1, licenses=25)
        plain = read(self.call("GET", f"{API}/invoices/export.csv?customer_id={customer['id']}", token=token))
        german = read(self.call("GET", f"{API}/invoices/export.csv?customer_id={customer['id']}&format=excel-de",
                                token=token), german=True)
        self.assertEqual(len(plain), len(german))
        total = self.ok("GET", f"{API}/invoices?customer_id={customer['id']}", token=token)["items"][0]["total"]
        at = plain[0].index("total")
        self.assertEqual(german[0], plain[0])
        self.assertEqual(plain[1][at], f"{total['amount'] // 100}.{total['amount'] % 100:02d}")
        self.assertEqual(german[1][at], plain[1][at].replace(".", ","))
        self.assertEqual(german[1][:9], plain[1][:9])
        self.assertError(self.call("GET", f"{API}/invoices/export.csv?format=ods", token=token), 422,
                         "validation_failed")


if __name__ == "__main__":
    unittest.main()
