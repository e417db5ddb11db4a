"""E-invoices: the XRechnung download and the Factur-X XML inside the PDF, for a German customer,
an EU reverse-charge customer, a non-EU customer, a credit note, a Greek and a Chinese name and a
public body with its Leitweg-ID, each checked by the project's own validator (einvoice_rules.py:
the EN 16931 and XRechnung rules by id, cii_structure.py: the CII D16B structure). The validator
is shown to fail on each kind of fault it checks."""
import datetime as dt
import re
import unittest
import xml.etree.ElementTree as ET

import einvoice_rules
from billing_support import GERMAN_PROFILE, customer_body, debian
from support import T0, ServerTestCase
from partner_api.documents.cii import cii_xml

NS = einvoice_rules.NS
CASES = ("german", "austrian", "american", "greek", "chinese", "public")


def facturx_of(pdf):
    """The factur-x.xml a PDF carries, or None."""
    import io
    pikepdf, = debian("pikepdf")
    with pikepdf.open(io.BytesIO(pdf)) as document:
        files = document.attachments
        if "factur-x.xml" not in files:
            return None
        return files["factur-x.xml"].get_file().read_bytes()


class EInvoices(ServerTestCase):
    settings = {"session_hours": 24 * 3650}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        case = cls("run")
        cls.token = case.sign_in("e.invoices@example.com")
        case.ok("PUT", "/api/v1/billing-profile", GERMAN_PROFILE, cls.token)
        cls.invoices, cls.customers = {}, {}
        for n, name in enumerate(CASES):
            customer = case.ok("POST", "/api/v1/customers", customer_body(name, n), cls.token, status=201)
            case.accept(customer)
            cls.customers[name] = customer["id"]
            order = case.ok("POST", f"/api/v1/customers/{customer['id']}/subscription/license-orders",
                            {"licenses": 12}, cls.token, status=201)
            cls.invoices[name] = order["invoice"]
        cls.clock.set(T0 + dt.timedelta(days=9))
        cls.invoices["credit_note"] = case.ok(
            "POST", f"/api/v1/customers/{cls.customers['german']}/subscription/license-orders", {"licenses": 9},
            cls.token, status=201)["credit_note"]
        cls.xml = {name: case.call("GET", f"/api/v1/invoices/{invoice['id']}/xrechnung.xml", token=cls.token)
                   for name, invoice in cls.invoices.items()}

    def test_every_case_is_valid_xrechnung(self):
        for name, reply in self.xml.items():
            with self.subTest(case=name):
                self.assertEqual(reply.status, 200, reply)
                self.assertEqual(reply.header("Content-Type"), "application/xml")
                number = self.invoices[name]["number"]
                self.assertEqual(reply.header("Content-Disposition"),
                                 f'attachment; filename="{number}.xrechnung.xml"')
                self.assertEqual(einvoice_rules.validate(reply.body, "xrechnung"), [])

    def test_the_factur_x_inside_every_pdf_is_valid_en16931(self):
        for name, invoice in self.invoices.items():
            with self.subTest(case=name):
                pdf = self.call("GET", f"/api/v1/invoices/{invoice['id']}/pdf", token=self.token).body
                xml = facturx_of(pdf)
                self.assertIsNotNone(xml, "no factur-x.xml in the PDF")
                self.assertEqual(einvoice_rules.validate(xml, "en16931"), [])
                root = ET.fromstring(xml)
                self.assertEqual(root.find("rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter"
                                           "/ram:ID", NS).text, "urn:cen.eu:en16931:2017")
                self.assertEqual(root.find("rsm:ExchangedDocument/ram:ID", NS).text, invoice["number"])

    def test_what_each_case_says(self):
        def doc(name):
            return einvoice_rules.Doc(ET.fromstring(self.xml[name].body))
        german, austrian, american = doc("german"), doc("austrian"), doc("american")
        self.assertEqual([german.text(n, "ram:RateApplicablePercent") for n in german.breakdowns], ["19.00"])
        self.assertEqual(german.tax_ids(german.seller, "VA"), ["DE123456789"])
        # Reverse charge: 0 %, the wording, both VAT IDs.
        (breakdown,) = austrian.breakdowns
        self.assertEqual((austrian.text(breakdown, "ram:CategoryCode"), austrian.text(breakdown, "ram:CalculatedAmount"),
                          austrian.text(breakdown, "ram:ExemptionReasonCode")), ("AE", "0.00", "VATEX-EU-AE"))
        self.assertIn("Steuerschuldnerschaft des Leistungsempfängers", austrian.text(breakdown, "ram:ExemptionReason"))
        self.assertEqual((austrian.tax_ids(austrian.seller, "VA"), austrian.tax_ids(austrian.buyer, "VA")),
                         (["DE123456789"], ["ATU12345678"]))
        # Outside the EU: not taxable, no VAT IDs in the XML (BR-O-02), the tax number instead.
        self.assertEqual(american.text(american.breakdowns[0], "ram:CategoryCode"), "O")
        self.assertEqual(american.tax_ids(american.seller, "VA"), [])
        self.assertEqual(american.tax_ids(american.seller, "FC"), ["30/123/45678"])
        # The Leitweg-ID as BT-10; without one, the customer number.
        self.assertEqual(doc("public").text(doc("public").agreement, "ram:BuyerReference"), "04011000-12345-34")
        self.assertEqual(german.text(german.agreement, "ram:BuyerReference"), str(self.customers["german"]))
        # Names in their scripts.
        self.assertEqual(doc("greek").text(doc("greek").buyer, "ram:Name"), "Ελληνική Εταιρεία Λογισμικού Α.Ε.")
        self.assertEqual(doc("chinese").text(doc("chinese").buyer, "ram:DefinedTradeContact/ram:PersonName"), "王小明")

    def test_a_credit_note_is_381_with_positive_amounts_naming_the_invoice(self):
        note = self.invoices["credit_note"]
        doc = einvoice_rules.Doc(ET.fromstring(self.xml["credit_note"].body))
        self.assertEqual(doc.type_code(), "381")
        reference = doc.one(doc.settlement, "ram:InvoiceReferencedDocument")
        self.assertEqual(doc.text(reference, "ram:IssuerAssignedID"), self.invoices["german"]["number"])
        self.assertEqual(doc.text(reference, "ram:FormattedIssueDateTime/qdt:DateTimeString"),
                         self.invoices["german"]["issued_at"][:10].replace("-", ""))
        self.assertEqual(doc.text(doc.totals, "ram:GrandTotalAmount"),
                         f"{-note['total']['amount'] // 100}.{-note['total']['amount'] % 100:02d}")

    def test_an_invoice_without_what_e_invoices_need_is_a_pdf_only(self):
        customer = self.invite(self.token, 50)  # no billing details
        self.accept(customer)
        invoice = self.ok("POST", f"/api/v1/customers/{customer['id']}/subscription/license-orders",
                          {"licenses": 2}, self.token, status=201)["invoice"]
        self.assertEqual(invoice["e_invoice_missing"], {"factur_x": ["buyer.address"], "xrechnung": ["buyer.address"]})
        error = self.assertError(self.call("GET", f"/api/v1/invoices/{invoice['id']}/xrechnung.xml", token=self.token),
                                 409, "invoice_incomplete")
        self.assertEqual(error["missing"], ["buyer.address"])
        pdf = self.call("GET", f"/api/v1/invoices/{invoice['id']}/pdf", token=self.token)
        self.assertEqual(pdf.status, 200)
        self.assertIsNone(facturx_of(pdf.body))

    def test_the_rules_the_issue_names_are_all_checked(self):
        ids = set(einvoice_rules.rule_ids())
        for expected in ["BR-01", "BR-02", "BR-CO-10", "BR-CO-13", "BR-CO-15", "BR-CO-17", "BR-S-08", "BR-S-09",
                         "BR-AE-02", "BR-AE-08", "BR-AE-10", "BR-O-02", "BR-O-08", "BR-O-10", "BR-DE-1", "BR-DE-15",
                         "BR-DE-16", "BR-DE-21", "CII-DT-097"]:
            self.assertIn(expected, ids)
        self.assertGreater(len(einvoice_rules.rule_ids("xrechnung")), len(einvoice_rules.rule_ids("en16931")))


def mutated(xml, old, new, count=1):
    text = xml.decode("utf-8")
    if old not in text:
        raise AssertionError(f"not in the document: {old}")
    return text.replace(old, new, count).encode("utf-8")


def dropped(xml, party, child):
    """The document without `child` of the header agreement's `party`."""
    root = ET.fromstring(xml)
    parent = root.find(f"rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/{party}", NS)
    parent.remove(parent.find(child, NS))
    return ET.tostring(root, encoding="utf-8")


def removed(xml, pattern):
    text, n = re.subn(pattern, "", xml.decode("utf-8"), count=1, flags=re.S)
    if not n:
        raise AssertionError(f"not in the document: {pattern}")
    return text.encode("utf-8")


class TheValidatorCatches(unittest.TestCase):
    """Each kind of fault the validator checks, put into a valid document: the rule that names it
    fires (so a passing document passes because it is right, not because nothing is checked)."""

    @classmethod
    def setUpClass(cls):
        base = {"id": 1, "number": "RE-2026-000042", "customer_id": 7, "customer_name": "Anna", "customer_organization":
                "Org", "status": "open", "issued_at": "2026-11-26T09:00:00Z", "due_at": "2026-12-10T09:00:00Z",
                "paid_at": None, "kind": "invoice", "corrects": None, "language": "de", "payment_terms_days": 14,
                "issued_as_e_invoice": True, "corrected_by": [],
                "seller": {"name": "Northwind GmbH", "address": {"street": "Weg 1", "postal_code": "10117",
                                                                 "city": "Berlin", "country": "DE"},
                           "vat_id": "DE123456789", "tax_number": "30/123/45678", "email": "r@northwind.example",
                           "phone": "+49 30 1234567", "iban": "DE89370400440532013000", "bic": "COBADEFFXXX"},
                "buyer": {"name": "Org", "contact": "Anna", "address": {"street": "Gasse 2", "postal_code": "1010",
                                                                        "city": "Wien", "country": "AT"},
                          "vat_id": "ATU12345678", "email": "a@org.example", "reference": None, "customer_number": "7"},
                "lines": [{"description": "Professional: 12 Lizenzen", "quantity": 12,
                           "unit_amount": {"amount": 119, "currency": "EUR"}, "amount": {"amount": 1428, "currency": "EUR"},
                           "period": {"start": "2026-11-26", "end": "2026-12-25"}}]}
        money = {"currency": "EUR"}
        cls.standard = cii_xml({**base, "tax_rule": {"rule": "domestic", "category": "S", "rate_basis_points": 1900},
                                "subtotal": {**money, "amount": 1428}, "tax": {**money, "amount": 271},
                                "total": {**money, "amount": 1699}}, "xrechnung")
        cls.reverse = cii_xml({**base, "tax_rule": {"rule": "reverse_charge", "category": "AE", "rate_basis_points": 0},
                               "subtotal": {**money, "amount": 1428}, "tax": {**money, "amount": 0},
                               "total": {**money, "amount": 1428}}, "xrechnung")
        cls.outside = cii_xml({**base, "tax_rule": {"rule": "not_taxable", "category": "O", "rate_basis_points": 0},
                               "subtotal": {**money, "amount": 1428}, "tax": {**money, "amount": 0},
                               "total": {**money, "amount": 1428}}, "xrechnung")

    def fired(self, xml, profile="xrechnung"):
        return {finding.rule for finding in einvoice_rules.validate(xml, profile)}

    def test_the_three_documents_are_valid(self):
        for xml in (self.standard, self.reverse, self.outside):
            self.assertEqual(einvoice_rules.validate(xml, "xrechnung"), [])

    def test_faults(self):
        cases = [
            ("a wrong tax amount", self.standard, lambda x: mutated(x, "<ram:CalculatedAmount>2.71<",
                                                                     "<ram:CalculatedAmount>2.72<"),
             {"BR-CO-14", "BR-CO-17", "BR-S-09"}),
            ("a line total that does not add up", self.standard, lambda x: mutated(
                x, "<ram:LineTotalAmount>14.28</ram:LineTotalAmount>\n        <ram:TaxBasisTotalAmount>",
                "<ram:LineTotalAmount>14.29</ram:LineTotalAmount>\n        <ram:TaxBasisTotalAmount>"),
             {"BR-CO-10", "BR-CO-13"}),
            ("a grand total that does not add up", self.standard, lambda x: mutated(
                x, "<ram:GrandTotalAmount>16.99<", "<ram:GrandTotalAmount>17.00<"), {"BR-CO-15", "BR-CO-16"}),
            ("no buyer address", self.standard, lambda x: dropped(x, "ram:BuyerTradeParty", "ram:PostalTradeAddress"),
             {"BR-10", "BR-11", "BR-DE-8", "BR-DE-9"}),
            ("no buyer name", self.standard, lambda x: dropped(x, "ram:BuyerTradeParty", "ram:Name"), {"BR-07"}),
            ("a seller VAT ID on an invoice not subject to VAT", self.outside, lambda x: mutated(
                x, '<ram:ID schemeID="FC">30/123/45678</ram:ID>\n        </ram:SpecifiedTaxRegistration>',
                '<ram:ID schemeID="FC">30/123/45678</ram:ID>\n        </ram:SpecifiedTaxRegistration>'
                '<ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE123456789</ram:ID>'
                '</ram:SpecifiedTaxRegistration>'), {"BR-O-02"}),
            ("a rate on a line not subject to VAT", self.outside, lambda x: mutated(
                x, "<ram:CategoryCode>O</ram:CategoryCode>\n        </ram:ApplicableTradeTax>",
                "<ram:CategoryCode>O</ram:CategoryCode><ram:RateApplicablePercent>0.00</ram:RateApplicablePercent>"
                "</ram:ApplicableTradeTax>"), {"BR-O-05"}),
            ("reverse charge without the buyer's VAT ID", self.reverse, lambda x: removed(
                x, r'<ram:SpecifiedTaxRegistration>\s*<ram:ID schemeID="VA">ATU12345678</ram:ID>\s*'
                   r'</ram:SpecifiedTaxRegistration>'), {"BR-AE-02"}),
            ("reverse charge without its wording", self.reverse, lambda x: removed(
                removed(x, r"<ram:ExemptionReason>[^<]*</ram:ExemptionReason>"),
                r"<ram:ExemptionReasonCode>[^<]*</ram:ExemptionReasonCode>"), {"BR-AE-10"}),
            ("reverse charge with tax", self.reverse, lambda x: mutated(
                x, "<ram:CalculatedAmount>0.00<", "<ram:CalculatedAmount>2.71<"), {"BR-AE-09", "BR-CO-14", "BR-CO-17"}),
            ("elements out of the schema's order", self.standard, lambda x: mutated(
                x, "<ram:ID>7</ram:ID>\n        <ram:Name>Org</ram:Name>",
                "<ram:Name>Org</ram:Name>\n        <ram:ID>7</ram:ID>"), {"CII-D16B"}),
            ("an element the schema does not have", self.standard, lambda x: mutated(
                x, "<ram:InvoiceCurrencyCode>", "<ram:Currency>EUR</ram:Currency><ram:InvoiceCurrencyCode>"),
             {"CII-D16B"}),
            ("no Leitweg-ID or other buyer reference", self.standard, lambda x: removed(
                x, r"<ram:BuyerReference>[^<]*</ram:BuyerReference>"), {"BR-DE-15"}),
            ("no seller contact", self.standard, lambda x: removed(
                x, r"<ram:DefinedTradeContact>\s*<ram:DepartmentName>.*?</ram:DefinedTradeContact>"), {"BR-DE-2"}),
            ("an IBAN with a wrong check digit", self.standard, lambda x: mutated(
                x, "DE89370400440532013000", "DE89370400440532013001"), {"BR-DE-19"}),
            ("a date not in format 102", self.standard, lambda x: mutated(
                x, '<udt:DateTimeString format="102">20261126<', '<udt:DateTimeString format="102">2026-11-26<'),
             {"CII-DT-097"}),
            ("not the XRechnung specification", self.standard, lambda x: mutated(
                x, "#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0", ""), {"BR-DE-21"}),
            ("three decimals", self.standard, lambda x: mutated(x, "<ram:BasisAmount>14.28<",
                                                                "<ram:BasisAmount>14.280<"), {"BR-DEC-19"}),
            ("a VAT ID without a country prefix", self.reverse, lambda x: mutated(x, ">ATU12345678<", ">U12345678<"),
             {"BR-CO-09"}),
        ]
        for name, document, fault, expected in cases:
            with self.subTest(fault=name):
                fired = self.fired(fault(document))
                self.assertTrue(expected <= fired, f"{sorted(expected - fired)} did not fire; fired: {sorted(fired)}")


if __name__ == "__main__":
    unittest.main()
