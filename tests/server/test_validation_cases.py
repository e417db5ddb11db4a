"""The new-customer field rules in tests/contract/validation_cases.json, which the console's
C++ tests check too: the server accepts every valid value and refuses every invalid one."""
import re
import unittest
from pathlib import Path

from support import ServerTestCase, fingerprint, load_contract
from partner_api.validation import INVISIBLE_RANGES

CASES = load_contract("validation_cases.json")
BASE = {"name": "Jürgen Müller", "email": "j.mueller@mueller-bau.de", "google_domain": "mueller-bau.de",
        "organization": "Müller Bau GmbH"}


def expand(value):
    return "x" * int(value[2:-1]) if value.startswith("{x") and value.endswith("}") else value


class SharedValidationCases(ServerTestCase):
    def fields_refused(self, field, value):
        """Sends the value with another field deliberately bad, so nothing is ever created,
        and returns the fields the server refused."""
        control = "organization" if field != "organization" else "name"
        body = {**BASE, field: value, control: ""}
        error = self.assertError(self.call("POST", "/api/v1/customers", body, self.token), 422, "validation_failed")
        self.assertIn(control, error["fields"])
        return set(error["fields"]) - {control}

    def test_cases(self):
        self.token = self.sign_in("cases@example.com")
        before = fingerprint(self.db_path)
        fields = {"name": ["name", "organization"], "email": ["email"], "google_domain": ["google_domain"]}
        for rule, targets in fields.items():
            for field in targets:
                for value in CASES[rule]["valid"]:
                    with self.subTest(field=field, valid=value):
                        self.assertEqual(self.fields_refused(field, expand(value)), set())
                for value in CASES[rule]["invalid"]:
                    with self.subTest(field=field, invalid=value):
                        self.assertEqual(self.fields_refused(field, expand(value)), {field})
        self.assertEqual(fingerprint(self.db_path), before)


class SharedInvisibleRanges(unittest.TestCase):
    def test_console_knows_the_same_invisible_characters(self):
        """The console checks names as the user types with its own copy of the ranges; a range
        added on one side only would let the two disagree on a name."""
        source = (Path(__file__).resolve().parents[2] / "src/core/validation.cpp").read_text()
        body = re.search(r"bool isInvisible\(char32_t c\) \{(.*?)\n\}", source, re.S).group(1)
        console = {(int(a, 16), int(b, 16)) for a, b in re.findall(r"\{0x([0-9A-F]+), 0x([0-9A-F]+)\}", body)}
        self.assertEqual(console, set(INVISIBLE_RANGES))
        self.assertIn("(c & 0xFFFE) == 0xFFFE", body, "noncharacters U+xFFFE/U+xFFFF of every plane")


if __name__ == "__main__":
    unittest.main()
