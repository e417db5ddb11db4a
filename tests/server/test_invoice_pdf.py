"""The invoice PDF: PDF/A-3 as far as the free tools here check it (qpdf's structure check; the
embedded factur-x.xml with its relationship, type and date; the XMP metadata's PDF/A and Factur-X
fields agreeing with the Info dictionary; every font embedded), and its text read back with
pdftotext: every field § 14 (4) UStG asks for, the line descriptions whole, names in Greek,
Chinese, Arabic and Cyrillic. Each case is photographed into build/screenshots/60-invoice-*.png."""
import datetime as dt
import io
import re
import unittest

from billing_support import CASES, GERMAN_PROFILE, customer_body, debian, pdf_text, qpdf_check, screenshot
from support import ROOT, T0, ServerTestCase
from partner_api.documents.invoice_pdf import invoice_pdf

FX = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"
LONG_ORGANIZATION = ("Vereinigte Hanseatische Versicherungs- und Rückversicherungsgesellschaft für Schifffahrt, "
                     "Binnenhandel und Logistik auf Gegenseitigkeit von 1868 (Zweigniederlassung Bremerhaven)")


def flat(text):
    return re.sub(r"\s+", " ", text).strip()


class InvoicePdf(ServerTestCase):
    settings = {"session_hours": 24 * 3650}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        case = cls("run")
        cls.token = case.sign_in("pdf.invoices@example.com")
        case.ok("PUT", "/api/v1/billing-profile", GERMAN_PROFILE, cls.token)
        cls.invoices, cls.pdfs = {}, {}
        for n, name in enumerate(("german", "austrian", "american", "greek", "chinese", "arabic", "russian")):
            body = customer_body(name, n)
            if name == "german":
                body["organization"] = LONG_ORGANIZATION
            customer = case.ok("POST", "/api/v1/customers", body, cls.token, status=201)
            case.accept(customer)
            cls.invoices[name] = case.ok("POST", f"/api/v1/customers/{customer['id']}/subscription/license-orders",
                                         {"licenses": 1250}, cls.token, status=201)["invoice"]
            if name == "german":
                cls.german_customer = customer["id"]
        cls.clock.set(T0 + dt.timedelta(days=9))
        cls.invoices["credit_note"] = case.ok(
            "POST", f"/api/v1/customers/{cls.german_customer}/subscription/license-orders", {"licenses": 1000},
            cls.token, status=201)["credit_note"]
        for name, invoice in cls.invoices.items():
            reply = case.call("GET", f"/api/v1/invoices/{invoice['id']}/pdf", token=cls.token)
            assert reply.status == 200, reply
            cls.pdfs[name] = reply.body

    def test_screenshots_of_every_case(self):
        for name, pdf in self.pdfs.items():
            with self.subTest(case=name):
                pages = screenshot(pdf, f"60-invoice-{name.replace('_', '-')}", ROOT)
                self.assertTrue(pages)
                for page in pages:
                    self.assertTrue(page.read_bytes().startswith(b"\x89PNG"))
                    self.assertGreater(page.stat().st_size, 10_000)

    def test_qpdf_finds_no_structural_error(self):
        for name, pdf in self.pdfs.items():
            with self.subTest(case=name):
                self.assertTrue(pdf.startswith(b"%PDF-1.7"))
                code, output = qpdf_check(pdf)
                self.assertEqual(code, 0, output)
                self.assertIn("No syntax or stream encoding errors found", output)

    def test_pdf_a3_and_factur_x_parts(self):
        pikepdf, = debian("pikepdf")
        for name, pdf in self.pdfs.items():
            with self.subTest(case=name), pikepdf.open(io.BytesIO(pdf)) as document:
                root = document.Root
                (spec,) = list(root.AF)
                self.assertEqual(str(spec.AFRelationship), "/Alternative")
                self.assertEqual((str(spec.F), str(spec.UF)), ("factur-x.xml", "factur-x.xml"))
                names = root.Names.EmbeddedFiles.Names
                self.assertEqual(str(names[0]), "factur-x.xml")
                self.assertEqual(names[1].objgen, spec.objgen)  # the same file specification as /AF
                embedded = spec.EF.F
                self.assertEqual(str(embedded.Subtype), "/text/xml")
                issued = self.invoices[name]["issued_at"]
                self.assertEqual(str(embedded.Params.ModDate), f"D:{re.sub(r'[^0-9]', '', issued)}+00'00'")
                self.assertEqual(int(embedded.Params.Size), len(embedded.read_bytes()))
                self.assertEqual(str(root.OutputIntents[0].S), "/GTS_PDFA1")
                self.assertEqual(len(list(document.trailer.ID)), 2)
                info = {str(k): str(v) for k, v in document.docinfo.items()}
                metadata = document.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
                self.assertEqual((metadata["pdfaid:part"], metadata["pdfaid:conformance"]), ("3", "B"))
                self.assertEqual({key: metadata[f"{{{FX}}}{key}"] for key in
                                  ("DocumentType", "DocumentFileName", "Version", "ConformanceLevel")},
                                 {"DocumentType": "INVOICE", "DocumentFileName": "factur-x.xml", "Version": "1.0",
                                  "ConformanceLevel": "EN 16931"})
                # PDF/A: the Info dictionary and the XMP packet say the same.
                self.assertEqual(metadata["dc:title"], info["/Title"])
                self.assertEqual(metadata["pdf:Producer"], info["/Producer"])
                self.assertEqual(metadata["xmp:CreatorTool"], info["/Creator"])
                self.assertEqual(metadata["xmp:CreateDate"], issued[:19] + "+00:00")
                self.assertEqual(info["/CreationDate"], f"D:{re.sub(r'[^0-9]', '', issued)}+00'00'")
                # Every font is embedded.
                for page in document.pages:
                    for key in page.Resources.Font.keys():
                        font = page.Resources.Font[key]
                        descriptor = font.DescendantFonts[0].FontDescriptor
                        self.assertTrue("/FontFile2" in descriptor or "/FontFile3" in descriptor, str(font.BaseFont))

    def test_every_field_the_law_asks_for_reads_back(self):
        invoice = self.invoices["german"]
        # Read in reading order (a wrapped name whole) and laid out (a label beside its value).
        flat_text = flat(pdf_text(self.pdfs["german"])) + " | " + flat(pdf_text(self.pdfs["german"], "-layout"))
        issued = invoice["issued_at"][:10]
        day = f"{issued[8:10]}.{issued[5:7]}.{issued[:4]}"
        line = invoice["lines"][0]
        for field, expected in [
            ("seller name and address", "Northwind Cloud Partners GmbH"),
            ("seller street", "Friedrichstraße 68"), ("seller city", "10117 Berlin"),
            ("buyer name, written out whole", LONG_ORGANIZATION), ("buyer contact", "Jürgen Müller"),
            ("buyer street", "Hauptstraße 5"), ("buyer city", "80331 München"),
            ("seller VAT ID", "USt-IdNr. DE123456789"), ("seller tax number", "Steuernummer 30/123/45678"),
            ("issue date", f"Rechnungsdatum {day}"), ("sequential number", f"Rechnungsnummer {invoice['number']}"),
            ("what was supplied, whole", line["description"]), ("quantity", "1.250"),
            ("service period", "Leistungszeitraum: 26.11.2026 – 25.12.2026"),
            ("net amount", "Nettobetrag"), ("tax rate and amount", "Umsatzsteuer 19 % auf"),
            ("gross total", "Gesamtbetrag"), ("payment terms", "Zahlbar innerhalb von 14 Tagen ohne Abzug bis zum"),
            ("bank account", "IBAN DE89 3704 0044 0532 0130 00"), ("BIC", "BIC COBADEFFXXX"),
        ]:
            with self.subTest(field=field):
                self.assertIn(expected, flat_text)
        amount = invoice["tax"]["amount"]
        self.assertIn(f"{amount // 100:,}".replace(",", ".") + f",{amount % 100:02d} €", flat_text)
        total = invoice["total"]["amount"]
        self.assertIn(f"{total // 100:,}".replace(",", ".") + f",{total % 100:02d} €", flat_text)

    def test_the_notes_when_no_vat_is_charged(self):
        reverse = flat(pdf_text(self.pdfs["austrian"]))
        self.assertIn("Steuerschuldnerschaft des Leistungsempfängers / Reverse charge", reverse)
        self.assertIn("USt-IdNr. DE123456789", reverse)
        self.assertIn("USt-IdNr. Kunde ATU12345678", reverse)
        outside = flat(pdf_text(self.pdfs["american"]))
        self.assertIn("Not taxable in Germany", outside)
        self.assertIn("Invoice", outside)  # the American customer reads English

    def test_names_in_every_script_read_back(self):
        for name in ("greek", "chinese", "arabic", "russian"):
            organization, contact, billing = CASES[name]
            text = flat(pdf_text(self.pdfs[name]))
            with self.subTest(case=name):
                for expected in (organization, contact, billing["address"]["city"]):
                    self.assertIn(expected, text)
                # A street of right-to-left words and a house number: pdftotext puts the number on the
                # side it is drawn, so the words are read back one by one.
                for word in billing["address"]["street"].split():
                    self.assertIn(word, text)

    def test_a_credit_note_says_what_it_corrects(self):
        text = flat(pdf_text(self.pdfs["credit_note"]))
        note = self.invoices["credit_note"]
        self.assertIn(f"Rechnungskorrektur {note['number']}", text)
        self.assertIn(f"Korrektur zur Rechnung {self.invoices['german']['number']} vom 26.11.2026", text)
        self.assertIn("250 Lizenzen entfernt", text)
        self.assertIn("−", text)  # amounts credited are negative

    def test_the_same_invoice_is_the_same_file(self):
        invoice = self.invoices["greek"]
        again = self.call("GET", f"/api/v1/invoices/{invoice['id']}/pdf", token=self.token).body
        self.assertEqual(again, self.pdfs["greek"])

    def test_many_lines_break_across_pages_with_their_header_and_page_numbers(self):
        base = self.ok("GET", f"/api/v1/invoices/{self.invoices['german']['id']}", token=self.token)
        lines = [{**base["lines"][0], "description": f"{base['lines'][0]['description']} — Posten {n}"}
                 for n in range(1, 61)]
        pdf = invoice_pdf({**base, "lines": lines})
        text = pdf_text(pdf)
        pages = int(re.search(r"Seite 1 von (\d+)", text).group(1))
        self.assertGreaterEqual(pages, 3)
        self.assertIn(f"Seite {pages} von {pages}", text)
        # The table's header on every page that holds lines (the last may hold only the payment terms).
        with_lines = [page for page in text.split("\f") if "Posten" in page]
        self.assertGreaterEqual(len(with_lines), pages - 1)
        self.assertEqual(text.count("Beschreibung"), len(with_lines))
        self.assertTrue(all("Beschreibung" in page for page in with_lines))
        for n in range(1, 61):
            self.assertIn(f"Posten {n}\n", text)
        self.assertEqual(len(screenshot(pdf, "60-invoice-many-lines", ROOT)), pages)


if __name__ == "__main__":
    unittest.main()
