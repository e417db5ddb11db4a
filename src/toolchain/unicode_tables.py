"""Writes the Unicode tables src/core/unicode_props.cpp needs (bidi classes, mirrored and paired
brackets, Arabic joining types and presentation forms) from Debian's unicode-data package, at
build time: the data is third-party and never committed. Standard library only.

    python3 src/toolchain/unicode_tables.py OUT.inc
"""
import hashlib
import sys
from pathlib import Path

UCD = Path("/usr/share/unicode")
VERSION = "15.0.0"  # unicode-data 15.0.0-1 in Debian 12
# The files read, pinned by checksum: a different Unicode version must be a deliberate change.
FILES = {
    "UnicodeData.txt": "806e9aed65037197f1ec85e12be6e8cd870fc5608b4de0fffd990f689f376a73",
    "BidiBrackets.txt": "333ae1e99db0504ca8a046a07dc45b5e7aa91869c685e6bf955ebe674804827a",
    "BidiMirroring.txt": "b4b9e1d87d8ea273613880de9d2b2f0b0b696244b42152bfa0a3106e7d983a20",
    "extracted/DerivedBidiClass.txt": "4841f2090c2dbc592d3ce43bb74c2191b3da50fb9a0d00274f1448c202851b02",
    "extracted/DerivedJoiningType.txt": "c4870b11e2b8b7d0eb70b99ce85608e5c28a399efa316cca97238a58ae160e5e",
}

# Must match enum class BidiClass in src/core/unicode_props.h.
BIDI = ["L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON",
        "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"]
LONG = {"Left_To_Right": "L", "Right_To_Left": "R", "Arabic_Letter": "AL", "European_Number": "EN",
        "European_Separator": "ES", "European_Terminator": "ET", "Arabic_Number": "AN",
        "Common_Separator": "CS", "Nonspacing_Mark": "NSM", "Boundary_Neutral": "BN",
        "Paragraph_Separator": "B", "Segment_Separator": "S", "White_Space": "WS", "Other_Neutral": "ON"}
# Must match enum class JoiningType (U: non-joining is the default).
JOINING = ["U", "R", "L", "D", "C", "T"]
FORMS = ["isolated", "final", "initial", "medial"]
ALEFS = (0x0622, 0x0623, 0x0625, 0x0627)  # the alefs lam joins with into one ligature


def read(name):
    path = UCD / name
    if not path.exists():
        sys.exit(f"{path} is missing: install the Debian package unicode-data")
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != FILES[name]:
        sys.exit(f"{path}: sha256 {digest} is not the pinned Unicode {VERSION} file")
    return data.decode("utf-8").splitlines()


def code_range(field):
    a, _, b = field.strip().partition("..")
    return int(a, 16), int(b or a, 16)


def data_lines(lines):
    for line in lines:
        body = line.split("#", 1)[0].strip()
        if body:
            yield [f.strip() for f in body.split(";")]


def bidi_ranges():
    cls = bytearray([BIDI.index("L")]) * 0x110000
    lines = read("extracted/DerivedBidiClass.txt")
    for line in lines:  # defaults for unassigned code points first, then the listed ones
        if line.startswith("# @missing:"):
            rng, name = line[len("# @missing:"):].split(";")
            a, b = code_range(rng)
            cls[a:b + 1] = bytes([BIDI.index(LONG[name.strip()])]) * (b - a + 1)
    for rng, name in data_lines(lines):
        a, b = code_range(rng)
        cls[a:b + 1] = bytes([BIDI.index(name)]) * (b - a + 1)
    out = []
    for cp in range(0x110000):
        if cp == 0 or cls[cp] != cls[cp - 1]:
            out.append((cp, cls[cp]))
    return out


def joining_ranges():
    kinds = {}
    for rng, kind in data_lines(read("extracted/DerivedJoiningType.txt")):
        a, b = code_range(rng)
        for cp in range(a, b + 1):
            kinds[cp] = kind
    out = []  # (first, last, type) over the listed code points, merged
    for cp in sorted(kinds):
        if out and out[-1][1] == cp - 1 and out[-1][2] == kinds[cp]:
            out[-1][1] = cp
        else:
            out.append([cp, cp, kinds[cp]])
    return out


def presentation_forms():
    """Base letter -> its four forms, and lam + alef -> the two ligature forms, from the
    compatibility decompositions of Arabic Presentation Forms-A and -B (B preferred)."""
    single, lam_alef = {}, {}
    for f in data_lines(read("UnicodeData.txt")):
        cp, decomposition = int(f[0], 16), f[5]
        if not (0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF) or not decomposition.startswith("<"):
            continue
        tag, _, rest = decomposition.partition(">")
        form = tag[1:]
        parts = [int(p, 16) for p in rest.split()]
        if form not in FORMS:
            continue
        if len(parts) == 1:
            entry = single.setdefault(parts[0], {})
            # Forms-B (the basic letters) win over a duplicate in Forms-A.
            if form not in entry or cp >= 0xFE70:
                entry[form] = cp
        elif len(parts) == 2 and parts[0] == 0x0644 and parts[1] in ALEFS and form in ("isolated", "final"):
            lam_alef.setdefault(parts[1], {})[form] = cp
    return single, lam_alef


def main(out_path):
    lines = [f"// Generated at build time by src/toolchain/unicode_tables.py from Unicode {VERSION}"
             " (Debian unicode-data). Do not edit."]
    lines.append("static const BidiRange kBidiRanges[] = {")
    lines += [f"    {{0x{a:X}, BidiClass::{BIDI[c]}}}," for a, c in bidi_ranges()]
    lines.append("};")

    mirrors = sorted((int(a, 16), int(b, 16)) for a, b in data_lines(read("BidiMirroring.txt")))
    lines.append("static const CodePair kMirrors[] = {")
    lines += [f"    {{0x{a:X}, 0x{b:X}}}," for a, b in mirrors]
    lines.append("};")

    brackets = sorted((int(a, 16), int(b, 16), t) for a, b, t in data_lines(read("BidiBrackets.txt")))
    lines.append("static const BracketPair kBrackets[] = {")
    lines += [f"    {{0x{a:X}, 0x{b:X}, {'true' if t == 'o' else 'false'}}}," for a, b, t in brackets]
    lines.append("};")

    lines.append("static const JoiningRange kJoining[] = {")
    lines += [f"    {{0x{a:X}, 0x{b:X}, JoiningType::{t}}}," for a, b, t in joining_ranges()]
    lines.append("};")

    single, lam_alef = presentation_forms()
    lines.append("// base letter: isolated, final, initial, medial (0: the letter has no such form)")
    lines.append("static const ArabicForms kArabicForms[] = {")
    for base in sorted(single):
        forms = ", ".join(f"0x{single[base].get(k, 0):X}" for k in FORMS)
        lines.append(f"    {{0x{base:X}, {{{forms}}}}},")
    lines.append("};")
    lines.append("// alef after lam: the ligature isolated, final")
    lines.append("static const LamAlef kLamAlef[] = {")
    for alef in sorted(a for a in lam_alef if len(lam_alef[a]) == 2):
        lines.append(f"    {{0x{alef:X}, 0x{lam_alef[alef]['isolated']:X}, 0x{lam_alef[alef]['final']:X}}},")
    lines.append("};")

    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(lines) + "\n"
    if not out.exists() or out.read_text() != text:  # unchanged tables: no rebuild
        out.write_text(text)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
