"""Writes the German half of the text table (src/core/texts/*.h, X(id, en, de)) as its own file,
texts-de.bin, which the page fetches only for German readers (issue 21: the browser's app.wasm
keeps English only). Layout, read by rc::loadGermanTexts (src/core/i18n.cpp):
  "RCT1", the number of texts (u32 LE), the FNV-1a hash of the ids in enum order (u32 LE,
  "Id1\\nId2\\n..."), then each German text in enum order, NUL-terminated.
A file from another build (other ids, another order) has another hash and is refused.

  texts_table.py I18N_H OUT
"""
import re
import struct
import sys
from pathlib import Path

MAGIC = b"RCT1"
LITERAL = r'"(?:[^"\\\n]|\\.)*"'
ENTRY = re.compile(r"\bX\(\s*(\w+)\s*,\s*((?:%s\s*)+),\s*((?:%s\s*)+)\)" % (LITERAL, LITERAL))
ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "'": "'"}


class TableError(Exception):
    pass


def fnv1a(data):
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def literal_text(source):
    """The bytes of adjacent C string literals (UTF-8 source), with the escapes the texts use."""
    out = []
    for lit in re.findall(LITERAL, source):
        body, i = lit[1:-1], 0
        while i < len(body):
            c = body[i]
            if c == "\\":
                nxt = body[i + 1]
                if nxt not in ESCAPES:
                    raise TableError(f"escape \\{nxt} in {lit}: teach texts_table.py it")
                out.append(ESCAPES[nxt])
                i += 2
            else:
                out.append(c)
                i += 1
    return "".join(out)


def read_table(i18n_h):
    """[(id, en, de)] in enum order: the rooms in RC_TEXTS's order, each room's X(...) in its file's order."""
    i18n_h = Path(i18n_h)
    text = i18n_h.read_text(encoding="utf-8").replace("\\\n", " ")
    rooms = re.search(r"#define RC_TEXTS\(X\)(.*)", text)
    if not rooms:
        raise TableError(f"{i18n_h} has no RC_TEXTS(X) list")
    order = re.findall(r"(RC_TEXTS_\w+)\(X\)", rooms.group(1))
    bodies = {}
    for header in sorted((i18n_h.parent / "texts").glob("*.h")):
        source = header.read_text(encoding="utf-8").replace("\\\n", " ")
        for m in re.finditer(r"#define (RC_TEXTS_\w+)\(X\)(.*)", source):
            bodies[m.group(1)] = m.group(2)
    rows = []
    for room in order:
        if room not in bodies:
            raise TableError(f"{room} is listed in RC_TEXTS but defined in no src/core/texts/*.h")
        body = bodies[room]
        found = list(ENTRY.finditer(body))
        if len(found) != body.count("X("):
            raise TableError(f"{room}: {body.count('X(')} entries, {len(found)} understood")
        rows += [(m.group(1), literal_text(m.group(2)), literal_text(m.group(3))) for m in found]
    return rows


def german_table(rows):
    ids = "".join(r[0] + "\n" for r in rows).encode("utf-8")
    out = bytearray(MAGIC + struct.pack("<II", len(rows), fnv1a(ids)))
    for _, _, de in rows:
        data = de.encode("utf-8")
        if b"\0" in data:
            raise TableError("a German text holds a NUL")
        out += data + b"\0"
    return bytes(out)


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        data = german_table(read_table(argv[1]))
    except TableError as e:
        print(f"texts_table: {e}", file=sys.stderr)
        return 1
    out = Path(argv[2])
    out.parent.mkdir(parents=True, exist_ok=True)
    if not out.exists() or out.read_bytes() != data:
        out.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
