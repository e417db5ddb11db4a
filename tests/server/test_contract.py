"""The JSON examples in tests/contract/ (read by the C++ decoder tests too) must have exactly
the keys and types the real server answers with."""
import re
import unittest

from make_contract import build_examples
from support import CONTRACT, load_contract, shape_matches

REQUIRED = ["customers_page.json", "error_unauthorized.json", "error_validation.json", "auth_demo.json",
            "health.json", "customer.json", "subscription.json", "license_order_preview.json",
            "invoice.json", "dashboard.json", "plans.json"]
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
DATE_KEYS = {"term_start", "term_end", "renews_at", "effective_on", "from", "to", "trial_ends_on"}


def walk(value, path="$"):
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


class ContractExamples(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.live = build_examples()

    def test_required_files_exist(self):
        for name in REQUIRED:
            self.assertTrue((CONTRACT / name).is_file(), name)

    def test_every_file_matches_what_the_server_answers(self):
        # Other files in tests/contract (validation_cases.json) are inputs, not server answers.
        for name in sorted(self.live):
            self.assertTrue((CONTRACT / name).is_file(), f"run make_contract.py: {name} is missing")
            with self.subTest(name=name):
                self.assertEqual(shape_matches(self.live[name], load_contract(name)), [])
                self.assertEqual(shape_matches(load_contract(name), self.live[name]), [])

    def test_customers_page_has_an_invited_and_an_active_customer(self):
        items = load_contract("customers_page.json")["items"]
        self.assertTrue(2 <= len(items) <= 3)
        invited = [c for c in items if c["status"] == "invited"]
        active = [c for c in items if c["status"] == "active" and c["subscription"]]
        self.assertTrue(invited and invited[0]["subscription"] is None)
        self.assertTrue(invited[0]["invitation"]["url"].startswith("http://"))
        self.assertTrue(active)
        self.assertIsInstance(load_contract("customers_page.json")["next_cursor"], str)

    def test_error_examples(self):
        self.assertEqual(load_contract("error_unauthorized.json")["error"]["code"], "unauthorized")
        validation = load_contract("error_validation.json")["error"]
        self.assertEqual(validation["code"], "validation_failed")
        self.assertTrue(validation["fields"])

    def test_money_ids_and_times_are_typed_as_documented(self):
        for name, value in self.live.items():
            for path, item in walk(value):
                key = path.rsplit(".", 1)[-1]
                if isinstance(item, dict) and set(item) == {"amount", "currency"}:
                    self.assertIs(type(item["amount"]), int, f"{name} {path}")
                    self.assertRegex(item["currency"], r"^[A-Z]{3}$")
                if isinstance(item, float):
                    self.fail(f"float in {name} at {path}")
                # request ids and VAT IDs are text
                if key == "id" or (key.endswith("_id") and key not in ("request_id", "vat_id")):
                    self.assertTrue(item is None or type(item) is int, f"{name} {path}")
                if isinstance(item, str) and key.endswith("_at") and key != "renews_at":
                    self.assertRegex(item, TIMESTAMP, f"{name} {path}")
                if isinstance(item, str) and key in DATE_KEYS:
                    self.assertRegex(item, DATE, f"{name} {path}")


if __name__ == "__main__":
    unittest.main()
