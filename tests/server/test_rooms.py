"""The partner API's rooms hold their shape (issue 17): all SQL lives in storage/, the rooms
point one way (http -> domain -> storage; documents depend on none of them), and no module
or class grows past the size where a seam is due without a reason written down here."""
import ast
import re
import unittest

from support import ROOT

PACKAGE = ROOT / "src" / "partner_api"
SQL = re.compile(r"\b(SELECT\s+[\w*]|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA\s+\w|"
                 r"BEGIN\s+IMMEDIATE|CREATE\s+(TABLE|INDEX|TRIGGER))")
MAX_LINES = 600
MAX_METHODS = 40
# Files and classes allowed past the limits, each with its reason.
LARGER = {}


def modules(room=None):
    root = PACKAGE / room if room else PACKAGE
    return sorted(path for path in root.rglob("*.py"))


def imported(path):
    """Every module a file imports, as absolute dotted names inside partner_api."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]  # what "from ." names
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[:len(package) - node.level + 1]) if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            names.add(target)
            names.update(f"{target}.{alias.name}" for alias in node.names)
    return names


def strings_and_calls(path):
    """(string constants, names of called attributes) of a file's code; docstrings included,
    since SQL in a docstring is as telling as SQL in a call."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    strings = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    calls = {node.func.attr for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)}
    return strings, calls


class Rooms(unittest.TestCase):
    def test_sql_lives_in_storage_only(self):
        for path in modules():
            if "storage" in path.relative_to(PACKAGE).parts:
                continue
            with self.subTest(str(path.relative_to(PACKAGE))):
                strings, calls = strings_and_calls(path)
                self.assertEqual([s for s in strings if SQL.search(s)], [])
                self.assertFalse(calls & {"execute", "executemany", "executescript"})
                self.assertNotIn("sqlite3", imported(path))

    def test_rooms_point_one_way(self):
        forbidden = {"domain": ("partner_api.http",),
                     "storage": ("partner_api.http", "partner_api.domain"),
                     "documents": ("partner_api.http", "partner_api.domain", "partner_api.storage")}
        for room, banned in forbidden.items():
            for path in modules(room):
                with self.subTest(str(path.relative_to(PACKAGE))):
                    self.assertEqual(sorted(name for name in imported(path) if name.startswith(banned)), [])

    def test_no_module_or_class_past_its_seam(self):
        for path in modules():
            name = str(path.relative_to(PACKAGE))
            source = path.read_text(encoding="utf-8")
            with self.subTest(name):
                if name not in LARGER:
                    self.assertLessEqual(source.count("\n"), MAX_LINES)
                for node in ast.walk(ast.parse(source)):
                    if isinstance(node, ast.ClassDef) and f"{name}:{node.name}" not in LARGER:
                        methods = [item for item in node.body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))]
                        self.assertLessEqual(len(methods), MAX_METHODS, node.name)

    def test_the_checks_see_what_they_look_for(self):
        # The checks above would pass on an empty tree: make sure they read the real one.
        self.assertGreater(len(modules("storage")), 5)
        strings, calls = strings_and_calls(PACKAGE / "storage" / "customers.py")
        self.assertTrue(any(SQL.search(s) for s in strings))
        self.assertIn("execute", calls)
        self.assertIn("partner_api.storage.repository.Storage", imported(PACKAGE / "http" / "app.py"))
        self.assertIn("partner_api.errors.NotFound", imported(PACKAGE / "domain" / "lookup.py"))


if __name__ == "__main__":
    unittest.main()
