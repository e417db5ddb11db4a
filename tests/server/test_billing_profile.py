"""The reseller's billing profile (GET/PUT /billing-profile) and customers' billing details: what
is stored and how, each bad field named in the 422, the currency and its lock, the number
prefix, who may change it, and that invoices keep what they were issued with."""
import copy
import unittest

from billing_support import GERMAN_PROFILE, customer_body
from support import T0, ServerTestCase, fingerprint

PATH = "/api/v1/billing-profile"


class BillingProfile(ServerTestCase):
    settings = {"session_hours": 24 * 3650}

    def test_a_new_account_has_defaults_and_says_what_invoices_lack(self):
        token = self.sign_in("fresh.profile@example.com")
        profile = self.ok("GET", PATH, token=token)
        self.assertEqual(profile["currency"], "USD")
        self.assertEqual(profile["invoice_prefix"], "INV-")
        self.assertEqual(profile["payment_terms_days"], 30)
        self.assertEqual(profile["next_invoice_number"], "INV-000001")
        self.assertFalse(profile["currency_locked"])
        self.assertEqual(profile["missing"], ["legal_name", "street", "postal_code", "city", "country",
                                              "vat_id_or_tax_number", "email", "phone"])
        self.assertEqual(profile["address"], {"street": None, "postal_code": None, "city": None, "country": None})

    def test_saved_whole_in_stored_forms_and_a_german_reseller_bills_in_euro(self):
        token = self.sign_in("saved.profile@example.com")
        customer = self.active_customer(token, 1)  # a trial: nothing invoiced yet
        profile = self.ok("PUT", PATH, GERMAN_PROFILE, token)
        self.assertEqual(profile["vat_id"], "DE123456789")
        self.assertEqual(profile["iban"], "DE89370400440532013000")
        self.assertEqual(profile["currency"], "EUR")  # null currency + Germany, before the first invoice
        self.assertEqual(profile["missing"], [])
        self.assertEqual(profile["next_invoice_number"], f"RE-{T0.year}-000001")
        self.assertEqual(self.ok("GET", PATH, token=token), profile)
        # The trial's price is now the euro list's.
        plans = self.ok("GET", "/api/v1/plans", token=token)
        self.assertEqual(plans["currency"], "EUR")
        sub = self.ok("GET", f"/api/v1/customers/{customer['id']}/subscription", token=token)
        self.assertEqual(sub["unit_price"]["currency"], "EUR")
        self.assertEqual(sub["unit_price"]["amount"],
                         next(p for p in plans["items"] if p["plan"] == "professional")["prices"]["flexible"]["yours"]
                         ["amount"])
        history = self.ok("GET", "/api/v1/activity?limit=1", token=token)["items"][0]
        self.assertEqual(history["action"], "billing_profile.updated")
        self.assertEqual(history["actor"]["email"], "saved.profile@example.com")

    def test_each_bad_field_is_named_and_nothing_is_written(self):
        token = self.sign_in("bad.profile@example.com")
        before = fingerprint(self.db_path)
        cases = {
            "iban": ("iban", "DE89 3704 0044 0532 0130 01"),  # one digit wrong: the check digits say so
            "vat_id": ("vat_id", "DE12345678"),  # eight digits: Germany's format has nine
            "bic": ("bic", "COBA"),
            "address.country": ("address", {**GERMAN_PROFILE["address"], "country": "XX"}),
            "address.postal_code": ("address", {**GERMAN_PROFILE["address"], "postal_code": "10117!"}),
            "phone": ("phone", "call me"),
            "invoice_prefix": ("invoice_prefix", "RE {YEAR}"),
            "payment_terms_days": ("payment_terms_days", 400),
            "currency": ("currency", "GBP"),
            "tax_number": ("tax_number", "12"),
        }
        for expected, (field, value) in cases.items():
            with self.subTest(field=expected):
                body = {**GERMAN_PROFILE, field: value}
                error = self.assertError(self.call("PUT", PATH, body, token), 422, "validation_failed")
                self.assertEqual(set(error["fields"]), {expected}, error)
        missing = {k: v for k, v in GERMAN_PROFILE.items() if k != "iban"}
        self.assertIn("iban", self.assertError(self.call("PUT", PATH, missing, token), 422,
                                               "validation_failed")["fields"])
        self.assertEqual(fingerprint(self.db_path), before)

    def test_the_currency_is_fixed_by_the_first_invoice(self):
        token = self.sign_in("locked.profile@example.com")
        self.ok("PUT", PATH, {**GERMAN_PROFILE, "currency": "USD"}, token)
        self.assertEqual(self.ok("GET", PATH, token=token)["currency"], "USD")
        self.active_customer(token, 2, licenses=3)
        profile = self.ok("GET", PATH, token=token)
        self.assertTrue(profile["currency_locked"])
        before = fingerprint(self.db_path)
        error = self.assertError(self.call("PUT", PATH, {**GERMAN_PROFILE, "currency": "EUR"}, token), 409,
                                 "currency_locked")
        self.assertEqual(error["current"], {"currency": "USD"})
        self.assertEqual(fingerprint(self.db_path), before)
        # null keeps it; the rest of the profile still changes.
        saved = self.ok("PUT", PATH, {**GERMAN_PROFILE, "payment_terms_days": 30}, token)
        self.assertEqual((saved["currency"], saved["payment_terms_days"]), ("USD", 30))

    def test_numbers_follow_the_prefix_without_gaps(self):
        token = self.sign_in("numbers.profile@example.com")
        self.active_customer(token, 3, licenses=2)  # INV-000001 under the default prefix
        self.ok("PUT", PATH, GERMAN_PROFILE, token)
        self.active_customer(token, 4, licenses=2)
        numbers = [i["number"] for i in reversed(self.ok("GET", "/api/v1/invoices", token=token)["items"])]
        self.assertEqual(numbers, ["INV-000001", f"RE-{T0.year}-000002"])
        self.assertEqual(self.ok("GET", PATH, token=token)["next_invoice_number"], f"RE-{T0.year}-000003")

    def test_every_member_reads_it_and_only_an_admin_changes_it(self):
        admin = self.sign_in("roles.profile@example.com")
        self.ok("PUT", PATH, GERMAN_PROFILE, admin)
        for role in ("buyer", "sales", "viewer"):
            self.ok("POST", "/api/v1/team/members", {"email": f"{role}.profile@example.com", "name": role.title(),
                                                     "role": role}, admin, status=201)
        tokens = {role: self.sign_in(f"{role}.profile@example.com") for role in ("buyer", "sales", "viewer")}
        before = fingerprint(self.db_path)
        for role, token in tokens.items():
            with self.subTest(role=role):
                self.assertEqual(self.ok("GET", PATH, token=token)["legal_name"], GERMAN_PROFILE["legal_name"])
                error = self.assertError(self.call("PUT", PATH, GERMAN_PROFILE, token), 403, "forbidden")
                self.assertEqual(error["required_role"], ["admin"])
        self.assertEqual(fingerprint(self.db_path), before)


class CustomerBilling(ServerTestCase):
    settings = {"session_hours": 24 * 3650}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        case = cls("run")
        cls.token = case.sign_in("customer.billing@example.com")
        case.ok("PUT", PATH, GERMAN_PROFILE, cls.token)

    def test_new_customer_with_billing_details_and_a_language_by_country(self):
        customer = self.ok("POST", "/api/v1/customers", customer_body("austrian", 1), self.token, status=201)
        self.assertEqual(customer["billing"], {
            "address": {"street": "Ringstraße 1", "postal_code": "1010", "city": "Wien", "country": "AT"},
            "vat_id": "ATU12345678", "language": "de", "email": None, "buyer_reference": None})
        greek = self.ok("POST", "/api/v1/customers", customer_body("greek", 1), self.token, status=201)
        self.assertEqual((greek["billing"]["vat_id"], greek["billing"]["language"]), ("EL123456789", "en"))
        plain = self.invite(self.token, 1)
        self.assertIsNone(plain["billing"])

    def test_bad_billing_details_are_named_by_their_place(self):
        body = customer_body("german", 2)
        for path, value, field in [
            (("address", "country"), "Deutschland", "billing.address.country"),
            (("address", "city"), "  ", "billing.address.city"),
            (("vat_id",), "DE 1234", "billing.vat_id"),
            (("language",), "fr", "billing.language"),
            (("email",), "nope", "billing.email"),
        ]:
            broken = copy.deepcopy(body)
            target = broken["billing"]
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
            with self.subTest(field=field):
                error = self.assertError(self.call("POST", "/api/v1/customers", broken, self.token), 422,
                                         "validation_failed")
                self.assertEqual(set(error["fields"]), {field})
        broken = copy.deepcopy(body)
        del broken["billing"]["address"]
        self.assertIn("billing.address", self.assertError(self.call("POST", "/api/v1/customers", broken, self.token),
                                                          422, "validation_failed")["fields"])

    def test_billing_details_change_but_stay_once_invoiced(self):
        customer = self.invite(self.token, 3)
        path = f"/api/v1/customers/{customer['id']}"
        changed = self.ok("PATCH", path, {"billing": customer_body("german", 3)["billing"]}, self.token)
        self.assertEqual(changed["billing"]["address"]["city"], "München")
        self.assertIsNone(self.ok("PATCH", path, {"billing": None}, self.token)["billing"])  # nothing invoiced yet
        self.ok("PATCH", path, {"billing": customer_body("german", 3)["billing"]}, self.token)
        self.accept(customer)
        self.ok("POST", f"{path}/subscription/license-orders", {"licenses": 3}, self.token, status=201)
        error = self.assertError(self.call("PATCH", path, {"billing": None}, self.token), 422, "validation_failed")
        self.assertIn("billing", error["fields"])
        moved = self.ok("PATCH", path, {"billing": customer_body("austrian", 3)["billing"]}, self.token)
        self.assertEqual(moved["billing"]["address"]["country"], "AT")
        # The invoice keeps the address it was issued with.
        invoice = self.ok("GET", f"/api/v1/invoices?customer_id={customer['id']}", token=self.token)["items"][0]
        detail = self.ok("GET", f"/api/v1/invoices/{invoice['id']}", token=self.token)
        self.assertEqual(detail["buyer"]["address"]["city"], "München")
        self.assertEqual(detail["tax_rule"]["rule"], "domestic")


if __name__ == "__main__":
    unittest.main()
