"""The built console as serve.py sends it: precompressed .br/.gz when the browser accepts
them (with Vary), content-hashed files cached for a year, the rest revalidated."""
import gzip
import tempfile
import unittest
from pathlib import Path

from support import ServerTestCase

WASM = b"\0asm" + bytes(range(256)) * 40
JS = b"console.log('the console');\n" * 200


class PrecompressedFiles(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        cls.outer = tempfile.mkdtemp(prefix="static-")
        static = Path(cls.outer, "dist")
        static.mkdir()
        files = {"index.html": b"<!doctype html><title>x</title>", "app.0123456789.wasm": WASM,
                 "console.abcdef0123.js": JS, "sw.js": b"self.x = 1;", "manifest.webmanifest": b"{}",
                 "icon-192.89abcdef01.png": b"\x89PNG", "plain.js": JS}
        for name, data in files.items():
            (static / name).write_bytes(data)
            if not name.endswith(".png") and name != "plain.js":
                (static / (name + ".gz")).write_bytes(gzip.compress(data))
                (static / (name + ".br")).write_bytes(b"BR:" + data[:10])  # told apart by content
        cls.settings = {"static_dir": str(static)}
        super().setUpClass()

    def get(self, path, encoding=None, **headers):
        if encoding is not None:
            headers["Accept-Encoding"] = encoding
        return self.call("GET", path, headers=headers)

    def test_brotli_when_accepted(self):
        reply = self.get("/app.0123456789.wasm", "gzip, deflate, br")
        self.assertEqual(reply.status, 200)
        self.assertEqual(reply.header("Content-Encoding"), "br")
        self.assertEqual(reply.header("Content-Type"), "application/wasm")
        self.assertEqual(reply.header("Vary"), "Accept-Encoding")
        self.assertTrue(reply.body.startswith(b"BR:"))
        self.assertEqual(reply.header("Content-Length"), str(len(reply.body)))

    def test_gzip_when_brotli_is_not_accepted(self):
        reply = self.get("/console.abcdef0123.js", "gzip")
        self.assertEqual(reply.header("Content-Encoding"), "gzip")
        self.assertEqual(gzip.decompress(reply.body), JS)
        self.assertEqual(reply.header("Content-Type"), "text/javascript; charset=utf-8")
        refused = self.get("/console.abcdef0123.js", "br;q=0, gzip;q=0.5")
        self.assertEqual(refused.header("Content-Encoding"), "gzip")

    def test_identity_without_accept_encoding(self):
        for encoding in (None, "", "identity", "br;q=0, gzip;q=0"):
            reply = self.get("/app.0123456789.wasm", encoding)
            self.assertIsNone(reply.header("Content-Encoding"), encoding)
            self.assertEqual(reply.body, WASM, encoding)
            self.assertEqual(reply.header("Vary"), "Accept-Encoding")

    def test_without_a_compressed_copy_the_file_goes_as_it_is(self):
        reply = self.get("/plain.js", "br, gzip")
        self.assertIsNone(reply.header("Content-Encoding"))
        self.assertEqual(reply.body, JS)

    def test_hashed_names_are_immutable_and_the_rest_revalidated(self):
        for path in ("/app.0123456789.wasm", "/console.abcdef0123.js", "/icon-192.89abcdef01.png"):
            self.assertEqual(self.get(path, "br").header("Cache-Control"), "public, max-age=31536000, immutable", path)
        for path in ("/", "/index.html", "/sw.js", "/manifest.webmanifest", "/plain.js"):
            self.assertEqual(self.get(path, "br").header("Cache-Control"), "no-cache", path)
        self.assertEqual(self.get("/manifest.webmanifest").header("Content-Type"), "application/manifest+json")
        self.assertEqual(self.get("/sw.js").header("Content-Type"), "text/javascript; charset=utf-8")

    def test_each_encoding_has_its_own_etag(self):
        br = self.get("/index.html", "br")
        plain = self.get("/index.html", "")
        self.assertNotEqual(br.header("ETag"), plain.header("ETag"))
        again = self.get("/index.html", "br", **{"If-None-Match": br.header("ETag")})
        self.assertEqual(again.status, 304)
        self.assertEqual(again.body, b"")
        other = self.get("/index.html", "", **{"If-None-Match": br.header("ETag")})
        self.assertEqual(other.status, 200)
        self.assertEqual(other.body, b"<!doctype html><title>x</title>")

    def test_head_reports_the_encoded_length(self):
        head = self.call("HEAD", "/app.0123456789.wasm", headers={"Accept-Encoding": "br"})
        self.assertEqual(head.status, 200)
        self.assertEqual(head.body, b"")
        self.assertEqual(head.header("Content-Encoding"), "br")
        self.assertEqual(head.header("Content-Length"), str(len(b"BR:" + WASM[:10])))


if __name__ == "__main__":
    unittest.main()
