"""The build steps between the page and the wasm: the generators that keep them in step
(src/toolchain/web_codes.py and web_exports.py), on the repository as it is and on copies of it
where the two sides drifted apart, which must fail the build with a message that says where;
dist.py joining the page's scripts into one file; and the German texts' file (texts_table.py)."""
import re
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from toolchain import dist, texts_table, web_codes, web_exports  # noqa: E402


class Tree:
    """A copy of src/ and web/ to break on purpose."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="rc-web-gen-"))
        shutil.copytree(ROOT / "src", self.dir / "src", ignore=shutil.ignore_patterns("partner_api", "__pycache__"))
        shutil.copytree(ROOT / "web", self.dir / "web")
        shutil.copytree(ROOT / "shell", self.dir / "shell")
        self.src, self.web = self.dir / "src", self.dir / "web"

    def edit(self, relative, old, new):
        path = self.dir / relative
        text = path.read_text(encoding="utf-8")
        if old not in text:
            raise AssertionError(f"{relative} no longer holds {old!r}: update the test")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def edit_enum(self, enum, old, new):
        """Edits the header that defines `enum` (wherever the rooms moved it)."""
        header, _ = web_codes.find_enum(self.src, enum)
        self.edit(f"src/{header}", old, new)

    def codes(self):
        return web_codes.generate(self.src, self.web, self.dir / "out" / "codes.js")

    def exports(self):
        return web_exports.generate(self.src, web_exports.page_files(self.web, self.dir / "shell" / "index.html"),
                                    self.dir / "out" / "exported_functions.txt")

    def remove(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class TreeCase(unittest.TestCase):
    def setUp(self):
        self.tree = Tree()

    def tearDown(self):
        self.tree.remove()


class Codes(TreeCase):
    def test_every_group_from_its_enum(self):
        # The values themselves are held to the compiler's in tests/web/test_codes.cpp.
        codes = self.tree.codes()
        self.assertEqual(set(codes), set(web_codes.CODES))
        text = (self.tree.dir / "out" / "codes.js").read_text()
        for group, (header, values) in codes.items():
            self.assertTrue(values, group)
            self.assertTrue((self.tree.src / header).exists(), header)
            members = ", ".join(f"{name}: {value}" for name, value in values)
            self.assertIn(f"{group}: Object.freeze({{{members}}})", text)

    def test_a_renumbered_enum_is_followed(self):
        self.tree.edit_enum("GoogleStatus", "enum class GoogleStatus { NotConfigured, Loading, Ready, Unavailable };",
                       "enum class GoogleStatus { NotConfigured = 4, Loading, Blocked, Ready, Unavailable };")
        codes = dict(self.tree.codes()["GoogleStatus"][1])
        self.assertEqual((codes["Ready"], codes["Unavailable"]), (7, 8))

    def test_a_renamed_enumerator_the_page_uses_fails_and_says_where(self):
        self.tree.edit_enum("GoogleStatus", "NotConfigured, Loading, Ready, Unavailable", "NotConfigured, Loading, Shown, Unavailable")
        with self.assertRaises(web_codes.CodesError) as caught:
            self.tree.codes()
        message = str(caught.exception)
        self.assertRegex(message, r"google\.js:\d+: codes\.GoogleStatus\.Ready does not exist in enum GoogleStatus")
        self.assertIn(web_codes.find_enum(ROOT / "src", "GoogleStatus")[0], message)
        self.assertFalse((self.tree.dir / "out" / "codes.js").exists(), "nothing is written for a drifted tree")

    def test_a_script_naming_a_code_no_enum_has_fails(self):
        self.tree.edit("web/offline.js", "codes.StorageStatus.NotFound", "codes.StorageStatus.Missing")
        with self.assertRaisesRegex(web_codes.CodesError, r"offline\.js:\d+: codes\.StorageStatus\.Missing"):
            self.tree.codes()
        self.tree.edit("web/offline.js", "codes.StorageStatus.Missing", "codes.Storage.NotFound")
        with self.assertRaisesRegex(web_codes.CodesError, r"offline\.js:\d+: codes\.Storage is no group"):
            self.tree.codes()

    def test_an_alias_that_would_hide_a_use_fails(self):
        self.tree.edit("web/google.js", "var SCRIPT =", "var G = codes.GoogleStatus;\n  var SCRIPT =")
        with self.assertRaisesRegex(web_codes.CodesError, r"google\.js:\d+: use a code as codes\.Group\.Name"):
            self.tree.codes()

    def test_an_enum_gone_or_defined_twice_fails(self):
        self.tree.edit("src/web/page_codes.h", "enum class PageEvent", "enum class PageEvents")
        with self.assertRaisesRegex(web_codes.CodesError, "no header under .* defines enum PageEvent"):
            self.tree.codes()
        self.tree.edit("src/web/page_codes.h", "enum class PageEvents", "enum class PageEvent")
        (self.tree.src / "web" / "extra.h").write_text("enum class PageEvent { A };\n")
        with self.assertRaisesRegex(web_codes.CodesError, "defined more than once"):
            self.tree.codes()

    def test_enumerators_it_cannot_read_fail_rather_than_guess(self):
        self.tree.edit("src/web/page_codes.h", "MoreContrast = 2", "MoreContrast = 1 << 1")
        with self.assertRaisesRegex(web_codes.CodesError, "is not a number this generator reads"):
            self.tree.codes()

    def test_comments_inside_an_enum_are_ignored(self):
        self.tree.edit("src/web/page_codes.h", "Online = 1, Offline = 2",
                       "Online = 1,  // the browser's online event\n    /* off */ Offline = 2")
        self.assertEqual(dict(self.tree.codes()["PageEvent"][1]), {"Online": 1, "Offline": 2, "UpdateReady": 3})


class Exports(TreeCase):
    def test_the_list_is_every_rc_export_and_the_runtime(self):
        names = self.tree.exports()
        source = (ROOT / "src" / "web" / "exports.cpp").read_text()
        self.assertEqual(set(names), set(re.findall(r"^RC_EXPORT [^(]*?\b(rc_\w+)\(", source, re.M)))
        listed = (self.tree.dir / "out" / "exported_functions.txt").read_text().split()
        self.assertEqual(listed[:3], ["_main", "_malloc", "_free"])
        self.assertEqual(listed[3:], ["_" + n for n in names])

    def test_what_the_tests_and_benchmarks_call_is_exported(self):
        names = set(self.tree.exports())
        used = web_exports.called_names(sorted((ROOT / "tests" / "e2e").glob("*.mjs")) +
                                        sorted((ROOT / "tests" / "bench").glob("*.mjs")))
        self.assertTrue(used, "the browser tests call some exports")
        self.assertEqual(sorted(set(used) - names), [])

    def test_a_block_comment_after_a_line_comment_naming_a_glob_hides_nothing(self):
        # "web/*.js" in a line comment once opened a block comment that ran to the next "*/".
        names = self.tree.exports()
        self.tree.edit("src/web/exports.cpp", "RC_EXPORT void rc_request_frame(",
                       "int rc_arg(int x) { return x; }\nint rc_z = rc_arg(/*named=*/1);\nRC_EXPORT void rc_request_frame(")
        self.assertEqual(self.tree.exports(), names)

    def test_a_script_calling_a_name_not_exported_fails(self):
        self.tree.edit("web/history.js", '"rc_on_address_changed"', '"rc_on_address_change"')
        with self.assertRaisesRegex(web_exports.ExportsError,
                                    r"history\.js:\d+: calls rc_on_address_change, which web/exports\.cpp does not export"):
            self.tree.exports()

    def test_an_export_removed_while_the_page_calls_it_fails(self):
        self.tree.edit("src/web/exports.cpp", "RC_EXPORT void rc_on_paste(", "void rc_on_paste(")
        with self.assertRaisesRegex(web_exports.ExportsError, r"clipboard\.js:\d+: calls rc_on_paste"):
            self.tree.exports()

    def test_an_export_from_another_file_fails(self):
        self.tree.edit("src/web/runner.cpp", "namespace rc::web {",
                       'extern "C" EMSCRIPTEN_KEEPALIVE int rc_stray() { return 1; }\n\nnamespace rc::web {')
        with self.assertRaisesRegex(web_exports.ExportsError, r"web/runner\.cpp:\d+: exports from the wasm outside"):
            self.tree.exports()

    def test_keepalive_without_the_macro_fails(self):
        self.tree.edit("src/web/exports.cpp", "RC_EXPORT void rc_request_frame(",
                       'extern "C" EMSCRIPTEN_KEEPALIVE void rc_request_frame(')
        with self.assertRaisesRegex(web_exports.ExportsError, "declare exports with RC_EXPORT"):
            self.tree.exports()


class PageBundle(unittest.TestCase):
    PAGE = ('<body><canvas></canvas>\n  <!-- bundle page.js -->\n  <!-- one script per topic -->\n'
            '  <script src="codes.js"></script>\n  <script src="bridge.js"></script>\n'
            '  <script src="console.js"></script>\n  <!-- /bundle -->\n</body>')

    def files(self):
        return {"index.html": self.PAGE.encode(), "codes.js": b"(function () { window.a = 1; })();\n",
                "bridge.js": b"(function () { window.b = 2; })();", "console.js": b'(function () { load("app.js"); })();\n',
                "sw.js": b"const PRECACHE = [];", "app.js": b"var Module;"}

    def setUp(self):
        self.cache = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.cache)

    def test_the_scripts_become_one_file_in_their_order(self):
        files = self.files()
        dist.bundle_scripts(files, self.cache)
        # Minified: no comment or white space, the scripts one after the other.
        self.assertEqual(files["page.js"], b'window.a=1,window.b=2,load("app.js");\n')
        self.assertNotIn("codes.js", files)
        self.assertNotIn("console.js", files)
        self.assertEqual(files["index.html"].decode(), '<body><canvas></canvas>\n  <script src="page.js"></script>\n</body>')
        # Hashed like any file, naming the hashed app.js, and precached instead of the three.
        final_name, final_data = dist.plan(files)
        self.assertRegex(final_name["page.js"], r"^page\.[0-9a-f]{10}\.js$")
        self.assertIn(final_name["app.js"].encode(), final_data["page.js"])
        self.assertIn(final_name["page.js"].encode(), final_data["index.html"])

    def test_a_script_the_stage_lacks_or_a_name_taken_fails(self):
        files = self.files()
        del files["bridge.js"]
        with self.assertRaisesRegex(dist.PackError, "bundles bridge.js, which is not in the stage"):
            dist.bundle_scripts(files, self.cache)
        files = self.files()
        files["page.js"] = b""
        with self.assertRaisesRegex(dist.PackError, "would replace a staged file"):
            dist.bundle_scripts(files, self.cache)

    SCRIPT = (b"// why\nvar Module = window.Module || {}; var longName = 'a  b'; /* note */\n"
              b"function f(someArgument) { var local = someArgument + longName; return local + local; }\n"
              b"Module.f = f; Module.g = function (other) { return other + 1; };\n")

    def test_a_page_script_keeps_its_top_level_names_and_strings(self):
        # The page's scripts share globals by name: only names inside functions are shortened.
        out = dist.minified_js(self.SCRIPT, self.cache).decode()
        self.assertNotIn("why", out)
        self.assertNotIn("note", out)
        for kept in ("var Module=", "longName=", "function f(", '"a  b"', "Module.f=f", "Module.g="):
            self.assertIn(kept, out)
        self.assertNotIn("someArgument", out)
        self.assertNotIn("other", out)
        with self.assertRaisesRegex(dist.PackError, "minifying a script failed"):
            dist.minified_js(b"function (", self.cache)

    def test_the_program_keeps_only_module_and_its_properties(self):
        # app.js: every top-level name but Module is shortened; what the page reaches is Module's.
        out = dist.minified_js(self.SCRIPT, self.cache, "program").decode()
        for kept in ("Module=", '"a  b"', "Module.f=", "Module.g="):
            self.assertIn(kept, out)
        for gone in ("longName", "someArgument", "function f("):
            self.assertNotIn(gone, out)
        with self.assertRaisesRegex(dist.PackError, "minifying a script failed"):
            dist.minified_js(b"function (", self.cache, "program")

    def test_every_script_of_web_is_in_the_page_bundle(self):
        # A script left out would be staged and precached but never run.
        html = (ROOT / "shell" / "index.html").read_text()
        bundles = dist.BUNDLE.findall(html)
        self.assertEqual(len(bundles), 1)
        named = dist.BUNDLED_SCRIPT.findall(bundles[0][1])
        scripts = {p.name for p in (ROOT / "web").glob("*.js")} - {"sw.js"}
        self.assertEqual(sorted(set(named) - {web_codes.GENERATED}), sorted(scripts))
        self.assertEqual(named[0], web_codes.GENERATED, "the codes first: scripts read them as they load")
        self.assertEqual(named[1], "bridge.js")
        self.assertEqual(named[-1], "console.js", "console.js last: it starts the module")


class GermanTexts(unittest.TestCase):
    """texts_table.py reads the X-macro tables the compiler reads; core_tests compares its file
    with the German texts compiled in. Here: what it cannot read fails rather than guessing."""

    def test_the_table_is_every_room_in_order(self):
        rows = texts_table.read_table(ROOT / "src" / "core" / "i18n.h")
        self.assertEqual(rows[0][:2], ("AppName", "Reseller Console"))
        self.assertEqual(len({r[0] for r in rows}), len(rows))
        data = texts_table.german_table(rows)
        self.assertEqual(data[:4], b"RCT1")
        self.assertEqual(data.count(b"\0", 12), len(rows))

    def test_what_it_cannot_read_fails_and_says_where(self):
        tree = Tree()
        self.addCleanup(shutil.rmtree, tree.dir)
        i18n = tree.src / "core" / "i18n.h"
        tree.edit("src/core/texts/kiosk.h", "X(", 'X(Odd, "a\\q", "b") \\\n    X(', )
        with self.assertRaisesRegex(texts_table.TableError, r"escape \\q"):
            texts_table.read_table(i18n)
        tree = Tree()
        self.addCleanup(shutil.rmtree, tree.dir)
        tree.edit("src/core/texts/kiosk.h", "X(", "X(Broken, 12, \"b\") \\\n    X(")
        with self.assertRaisesRegex(texts_table.TableError, "RC_TEXTS_KIOSK: .* entries, .* understood"):
            texts_table.read_table(tree.src / "core" / "i18n.h")
        tree.edit("src/core/i18n.h", "RC_TEXTS_KIOSK(X)", "RC_TEXTS_GONE(X)")
        with self.assertRaisesRegex(texts_table.TableError, "RC_TEXTS_GONE is listed in RC_TEXTS but defined in no"):
            texts_table.read_table(tree.src / "core" / "i18n.h")

    def test_the_service_worker_lists_the_file_with_its_language(self):
        names = {"index.html": "index.html", "texts-de.bin": "texts-de.0123456789.bin", "app.wasm": "app.0123456789.wasm"}
        data = {k: b"x" for k in names}
        sw, _ = dist.service_worker("const PRECACHE = [];", names, data)
        listed = {e["url"]: e.get("lang") for e in __import__("json").loads(sw.decode()[len("const PRECACHE = "):-1])}
        self.assertEqual(listed, {"index.html": None, "texts-de.0123456789.bin": "de", "app.0123456789.wasm": None})


if __name__ == "__main__":
    unittest.main()
