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


class CharacterChecksTakeNoShortcutTooFar(unittest.TestCase):
    def test_every_code_point_as_the_plain_rules_say(self):
        """invisible() and unsafe_text() answer common text without looking each character up
        (an import checks 40,000 names at once); for every code point they must still say what
        their rules say: the ranges and spaces, and the Unicode categories refused."""
        import unicodedata
        from partner_api.validation import BIDI_CONTROLS, invisible, noncharacter, unsafe_text
        # Planes 0-3 (every assigned letter but tags), the tags, and the private planes' edges.
        for code in [*range(0x32000), *range(0xE0000, 0xE1000), 0xEFFFF, 0xF0000, 0x10FFFE, 0x10FFFF]:
            ch = chr(code)
            hidden = ch.isspace() or noncharacter(code) or any(low <= code <= high for low, high in INVISIBLE_RANGES)
            self.assertEqual(invisible(ch), hidden, hex(code))
            category = unicodedata.category(ch)
            refused = ch in BIDI_CONTROLS or category in ("Cc", "Cs")
            self.assertEqual(unsafe_text(ch, one_line=False) is not None, refused, hex(code))
            self.assertEqual(unsafe_text("ok " + ch) is not None, refused or category in ("Zl", "Zp"), hex(code))


if __name__ == "__main__":
    unittest.main()
