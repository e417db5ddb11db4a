"""Reads assets/script_fonts.txt (the per-script font files) and writes the console's copy of
that table as C++ (the file names, weights and the characters each answers for). Standard
library only, so CMake can run it with any python3.

    python3 src/toolchain/script_font_table.py OUT.inc
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "assets" / "script_fonts.txt"


def parse_ranges(fields):
    ranges, sets = [], []
    for f in fields:
        if f.startswith("set:"):
            sets.append(f[4:])
            continue
        if not f.startswith("U+"):
            raise ValueError(f"{TABLE.name}: '{f}' is neither U+XXXX-YYYY nor set:NAME")
        a, _, b = f[2:].partition("-")
        ranges.append((int(a, 16), int(b or a, 16)))
    return ranges, sets


def read_table(path=TABLE):
    """One dict per file, in the order listed (the order the console tries them)."""
    files = []
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, weight, atlas, package, source, face, *coverage = line.split()
        if weight not in ("regular", "medium") or atlas not in ("whole", "drawn"):
            raise ValueError(f"{path.name}: {name}: weight must be regular|medium, atlas whole|drawn")
        ranges, sets = parse_ranges(coverage)
        if any(b > 0xFFFF for _, b in ranges):
            raise ValueError(f"{path.name}: {name}: the console draws the Basic Multilingual Plane only")
        files.append({"name": name, "weight": weight, "atlas": atlas, "package": package,
                      "source": source, "face": int(face), "ranges": ranges, "sets": sets})
    return files


def main(out_path):
    files = read_table()
    lines = ["// Generated at build time by src/toolchain/script_font_table.py from assets/script_fonts.txt."]
    for i, f in enumerate(files):
        pairs = ", ".join(f"0x{a:04X}, 0x{b:04X}" for a, b in f["ranges"])
        lines.append(f"static const ImWchar kCoverage{i}[] = {{{pairs}, 0}};")
    lines.append("static const ScriptFontFile kScriptFontFiles[] = {")
    for i, f in enumerate(files):
        weight = "FontWeight::Medium" if f["weight"] == "medium" else "FontWeight::Regular"
        whole = "true" if f["atlas"] == "whole" else "false"
        lines.append(f'    {{"{f["name"]}", {weight}, {whole}, kCoverage{i}}},')
    lines.append("};")
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(lines) + "\n"
    if not out.exists() or out.read_text() != text:
        out.write_text(text)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
