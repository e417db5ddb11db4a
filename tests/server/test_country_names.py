"""The console's country names (src/core/countries.cpp) are the server's documents' (wording.py)."""
import re
import unittest

from support import ROOT
from partner_api.documents.wording import COUNTRY_NAMES

ROW = re.compile(r'\{"([A-Z]{2})", "([^"]+)", "([^"]+)"\},')


class CountryNames(unittest.TestCase):
    def test_console_table_equals_the_documents_table(self):
        text = (ROOT / "src" / "core" / "countries.cpp").read_text(encoding="utf-8")
        rows = ROW.findall(text)
        self.assertTrue(rows, "no rows found in countries.cpp")
        console = {code: (en, de) for code, en, de in rows}
        self.assertEqual(len(console), len(rows), "a code twice")
        server = {code: (COUNTRY_NAMES["en"][code], COUNTRY_NAMES["de"][code]) for code in COUNTRY_NAMES["en"]}
        self.assertEqual(set(COUNTRY_NAMES["de"]), set(COUNTRY_NAMES["en"]))
        self.assertEqual(console, server)
        self.assertEqual([code for code, _, _ in rows], sorted(console), "kept sorted by code")


if __name__ == "__main__":
    unittest.main()
