"""The new-customer field rules in tests/contract/validation_cases.json, which the console's
C++ tests check too: the server accepts every valid value and refuses every invalid one."""
import unittest

from support import ServerTestCase, fingerprint, load_contract

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


if __name__ == "__main__":
    unittest.main()
