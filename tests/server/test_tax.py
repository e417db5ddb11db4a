"""VAT by the rules (domain/tax.py): which rule each seller and buyer get, the rounding per rate,
and the previews and invoices that carry it."""
import unittest

from billing_support import GERMAN_PROFILE, customer_body
from support import ServerTestCase
from partner_api.billing_ids import iban, vat_id
from partner_api.domain.tax import TaxRule, breakdown, rounded_share, tax_rule


class Rules(unittest.TestCase):
    def test_a_german_seller(self):
        cases = [
            ("DE", None, ("domestic", "S", 1900)),
            ("DE", "DE987654321", ("domestic", "S", 1900)),      # a German business: German VAT, no reverse charge
            (None, None, ("domestic", "S", 1900)),               # country not known yet: German VAT
            ("AT", "ATU12345678", ("reverse_charge", "AE", 0)),
            ("GR", "EL123456789", ("reverse_charge", "AE", 0)),
            ("AT", None, ("domestic", "S", 1900)),               # no VAT ID: a consumer, German VAT
            ("US", None, ("not_taxable", "O", 0)),
            ("CH", "CHE123456789MWST", ("not_taxable", "O", 0)),  # outside the EU, VAT ID or not
            ("GB", "GB123456789", ("not_taxable", "O", 0)),
            ("CN", None, ("not_taxable", "O", 0)),
        ]
        for country, vat, expected in cases:
            with self.subTest(country=country, vat=vat):
                self.assertEqual(tax_rule("DE", 0, country, vat), TaxRule(*expected))

    def test_a_seller_elsewhere_keeps_its_rate(self):
        self.assertEqual(tax_rule("AT", 2000, "DE", "DE987654321"), TaxRule("seller_rate", "S", 2000))
        self.assertEqual(tax_rule(None, 700, "US", None), TaxRule("seller_rate", "S", 700))
        self.assertEqual(tax_rule("US", 0, "DE", None), TaxRule("not_subject", "O", 0))

    def test_tax_is_rounded_once_per_rate_half_away_from_zero(self):
        self.assertEqual(rounded_share(50, 1900), 10)      # 9.5 cents
        self.assertEqual(rounded_share(-50, 1900), -10)    # a credit note: the same cent, negative
        self.assertEqual(rounded_share(26, 1900), 5)       # 4.94
        # Seven lines of 0.13: per line 0.0247 -> 0.02, seven times 0.14; on their sum (0.91) 0.1729 -> 0.17,
        # which is what BR-CO-17 checks.
        lines = [13] * 7
        (_, _, taxable, tax), = breakdown(lines, TaxRule("domestic", "S", 1900))
        self.assertEqual((taxable, tax), (91, 17))
        self.assertNotEqual(sum(rounded_share(line, 1900) for line in lines), tax)  # what per-line rounding gives

    def test_identifiers(self):
        self.assertEqual(vat_id("de 123.456.789"), "DE123456789")
        self.assertEqual(vat_id("GR123456789"), "EL123456789")
        self.assertEqual(vat_id("ATU12345678"), "ATU12345678")
        self.assertIsNone(vat_id("AT12345678"))
        self.assertIsNone(vat_id("FR1234567890"))
        self.assertEqual(vat_id("FRXX123456789"), "FRXX123456789")
        self.assertEqual(iban("de89 3704 0044 0532 0130 00"), "DE89370400440532013000")
        self.assertIsNone(iban("DE89 3704 0044 0532 0130 01"))
        self.assertEqual(iban("GB82 WEST 1234 5698 7654 32"), "GB82WEST12345698765432")


class PreviewsAndInvoices(ServerTestCase):
    settings = {"session_hours": 24 * 3650}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        case = cls("run")
        cls.token = case.sign_in("tax.rules@example.com")
        case.ok("PUT", "/api/v1/billing-profile", GERMAN_PROFILE, cls.token)

    def customer(self, case, n):
        body = customer_body(case, n) if case else {"name": "Ohne Angaben", "email": f"x{n}@ohne.example",
                                                    "google_domain": f"ohne-{n}.example", "organization": "Ohne GmbH"}
        customer = self.ok("POST", "/api/v1/customers", body, self.token, status=201)
        self.accept(customer)
        return customer["id"]

    def test_previews_and_the_invoice_carry_the_same_tax(self):
        for case, rule, rate in [("german", "domestic", 1900), ("austrian", "reverse_charge", 0),
                                 ("american", "not_taxable", 0), (None, "domestic", 1900)]:
            with self.subTest(case=case):
                customer_id = self.customer(case, 1)
                base = f"/api/v1/customers/{customer_id}/subscription"
                preview = self.ok("POST", f"{base}/license-orders/preview", {"licenses": 7}, self.token)
                tax = preview["tax"]
                self.assertEqual((tax["rule"], tax["rate_basis_points"]), (rule, rate))
                net = preview["prorated_amount"]["amount"]
                self.assertEqual(tax["amount"]["amount"], rounded_share(net, rate))
                self.assertEqual(tax["total"]["amount"], net + tax["amount"]["amount"])
                order = self.ok("POST", f"{base}/license-orders", {"licenses": 7}, self.token, status=201)
                invoice = order["invoice"]
                self.assertEqual(invoice["tax"], tax["amount"])
                self.assertEqual(invoice["total"], tax["total"])
                self.assertEqual(invoice["tax_rule"]["rule"], rule)
                plan = self.ok("POST", f"{base}/plan/preview", {"plan": "enterprise", "billing_cycle": "flexible"},
                               self.token)
                self.assertEqual(plan["tax"]["amount"]["amount"], rounded_share(plan["prorated_amount"]["amount"],
                                                                                 rate))

    def test_a_customer_without_billing_details_is_invoiced_with_what_there_is(self):
        customer_id = self.customer(None, 2)
        order = self.ok("POST", f"/api/v1/customers/{customer_id}/subscription/license-orders", {"licenses": 2},
                        self.token, status=201)
        invoice = order["invoice"]
        self.assertEqual(invoice["language"], "de")  # a German seller's customer of no known country
        self.assertIsNone(invoice["buyer"]["address"])
        self.assertEqual(invoice["e_invoice_missing"]["factur_x"], ["buyer.address"])
        self.assertEqual(invoice["e_invoice_missing"]["xrechnung"], ["buyer.address"])


class SellerElsewhere(ServerTestCase):
    settings = {"session_hours": 24 * 3650}

    def test_an_austrian_seller_bills_at_its_own_rate(self):
        token = self.sign_in("austrian.seller@example.com")
        profile = {**GERMAN_PROFILE, "address": {"street": "Graben 1", "postal_code": "1010", "city": "Wien",
                                                 "country": "AT"}, "vat_id": "ATU12345678", "tax_basis_points": 2000}
        saved = self.ok("PUT", "/api/v1/billing-profile", profile, token)
        self.assertEqual((saved["currency"], saved["tax_basis_points"]), ("USD", 2000))  # not German: no EUR default
        self.ok("POST", "/api/v1/customers", customer_body("german", 5), token, status=201)
        customer = self.ok("GET", "/api/v1/customers", token=token)["items"][0]
        self.accept(customer)
        invoice = self.ok("POST", f"/api/v1/customers/{customer['id']}/subscription/license-orders",
                          {"licenses": 10}, token, status=201)["invoice"]
        self.assertEqual(invoice["tax_rule"], {"rule": "seller_rate", "category": "S", "rate_basis_points": 2000})
        self.assertEqual(invoice["tax"]["amount"], rounded_share(invoice["subtotal"]["amount"], 2000))


if __name__ == "__main__":
    unittest.main()
