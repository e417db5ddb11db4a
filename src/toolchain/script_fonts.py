"""Cuts the per-script font files listed in assets/script_fonts.txt out of Debian's font
packages: each keeps only its characters and the tables Dear ImGui's stb_truetype reads; CFF
outlines (Noto Sans CJK) become TrueType quadratic outlines, which stb_truetype can read.
Needs fontTools, so it runs under Debian's /usr/bin/python3 (python3-fonttools).

    /usr/bin/python3 src/toolchain/script_fonts.py OUT_DIR CACHE_DIR

Writes OUT_DIR/NAME.ttf for each file and OUT_DIR/index.json (name, bytes, sha256, glyphs).
Results are cached in CACHE_DIR by a key of this script, the table and the source files.
"""
import bz2
import hashlib
import io
import json
import shutil
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.scaleUpem import scale_upem

sys.path.insert(0, str(Path(__file__).resolve().parent))
from script_font_table import read_table  # noqa: E402

UNIHAN = Path("/usr/share/unicode")
# Outlines converted from CFF are stored at this many units per em: a coordinate grid of 1/256
# em is finer than a pixel at any size the console draws (30 px × a pixel ratio of 3), and
# cuts the CJK files by a quarter (measured: 602 KB -> 439 KB brotli for 3,755 Hanzi).
CONVERTED_UPEM = 256
CU2QU_MAX_ERR = 1.0  # in the source's units (1000 per em)


# --- Named character sets --------------------------------------------------------------------

def _double_byte(codec, rows):
    """The characters of rows of a double-byte legacy code page (Python's own codecs)."""
    out = set()
    for r in rows:
        for c in range(0xA1, 0xFF):
            try:
                s = bytes([r, c]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1:
                out.add(ord(s))
    return out


def _unihan(fields):
    values = {f: {} for f in fields}
    for name in ("Unihan_OtherMappings.txt.bz2", "Unihan_DictionaryLikeData.txt.bz2"):
        path = UNIHAN / name
        if not path.exists():
            sys.exit(f"{path} is missing: install the Debian package unicode-data")
        with bz2.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if not line.startswith("U+"):
                    continue
                cp, field, value = line.rstrip("\n").split("\t", 2)
                if field in values:
                    values[field][int(cp[2:], 16)] = value
    return values


def named_sets():
    """The common characters, by the standards and lists of each language:
    han-common: China's Table of General Standard Chinese Characters level 1 (3,500 most used,
      Unihan kTGH), Japan's Jōyō kanji (2,136, kJoyoKanji), and the 1,299 most frequent
      traditional characters (kFrequency 1-3);
    han-names: the rest of the Table (levels 2-3, which hold the characters of personal and
      place names), Japan's Jinmeiyō name kanji, JIS X 0208 level 1, Big5's frequent level,
      GB 2312, Hong Kong's school-grade list and the remaining kFrequency characters;
    hangul-common: the 2,350 syllables of KS X 1001, which hold nearly all Korean names, and the
      compatibility jamo an input method shows while composing."""
    u = _unihan(["kTGH", "kJoyoKanji", "kJinmeiyoKanji", "kFrequency", "kGradeLevel"])
    tgh = {cp: int(v.split()[0].split(":")[1]) for cp, v in u["kTGH"].items()}
    frequency = {cp: int(v) for cp, v in u["kFrequency"].items()}
    common = {cp for cp, i in tgh.items() if i <= 3500} | set(u["kJoyoKanji"]) | \
        {cp for cp, f in frequency.items() if f <= 3}
    big5_frequent = set()
    for r in range(0xA4, 0xC7):
        for c in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            if (r, c) > (0xC6, 0x7E):
                continue
            try:
                big5_frequent.add(ord(bytes([r, c]).decode("big5")))
            except UnicodeDecodeError:
                pass
    names = {cp for cp, i in tgh.items() if i > 3500} | set(u["kJinmeiyoKanji"]) | set(frequency) | \
        set(u["kGradeLevel"]) | _double_byte("euc_jp", range(0xB0, 0xD0)) | big5_frequent | \
        _double_byte("gb2312", range(0xB0, 0xF8))
    hangul = _double_byte("euc_kr", range(0xB0, 0xC9)) | set(range(0x3131, 0x318F))
    bmp = lambda s: {cp for cp in s if cp <= 0xFFFF}  # noqa: E731
    return {"han-common": bmp(common), "han-names": bmp(names - common), "hangul-common": hangul}


# --- Cutting and converting ------------------------------------------------------------------

def cut(font, unicodes):
    o = subset.Options()
    o.layout_features = []  # ImGui does no shaping: GSUB/GPOS would be dead weight
    o.hinting = False
    o.desubroutinize = True
    o.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keeps the copyright and the licence (OFL, Apache)
    o.name_languages = [0x409]
    o.notdef_outline = True
    o.glyph_names = False
    o.drop_tables += ["vhea", "vmtx", "VORG", "BASE", "GSUB", "GPOS", "GDEF", "DSIG", "meta", "kern", "gasp"]
    s = subset.Subsetter(o)
    s.populate(unicodes=unicodes)
    s.subset(font)


def cff_to_truetype(font):
    """Cubic CFF outlines to quadratic TrueType ones (stb_truetype reads TrueType outlines)."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # CFF contours run counter-clockwise, TrueType ones clockwise.
        glyphs[name].draw(Cu2QuPen(pen, CU2QU_MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font["head"].glyphDataFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    scale_upem(font, CONVERTED_UPEM)


def cache_key(files):
    """One key for the whole set: a file's characters depend on the files listed before it."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(json.dumps(files, sort_keys=True).encode())
    for source in sorted({f["source"] for f in files}) + [str(UNIHAN / "Unihan_OtherMappings.txt.bz2")]:
        st = Path(source).stat() if Path(source).exists() else None
        h.update(f"{source}:{st.st_size if st else -1}:{st.st_mtime_ns if st else -1}".encode())
    return h.hexdigest()[:16]


def build(out_dir, cache_root):
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = read_table()
    cache_dir = Path(cache_root) / cache_key(files)
    if not (cache_dir / "index.json").exists():
        cut_all(files, cache_dir)
    index = json.loads((cache_dir / "index.json").read_text())
    for entry in index["files"]:
        data = (cache_dir / entry["file"]).read_bytes()
        target = out_dir / entry["file"]
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
    for stale in out_dir.glob("*.ttf"):  # a file no longer listed is not deployed
        if stale.name not in {e["file"] for e in index["files"]}:
            stale.unlink()
    text = (cache_dir / "index.json").read_text()
    idx = out_dir / "index.json"
    if not idx.exists() or idx.read_text() != text:
        idx.write_text(text)


def cut_all(files, cache_dir):
    tmp_dir = cache_dir.with_name(cache_dir.name + ".tmp")
    shutil.rmtree(tmp_dir, ignore_errors=True)
    tmp_dir.mkdir(parents=True)
    sets = None
    taken = {"regular": set(), "medium": set()}  # characters an earlier file already answers for
    index = []
    for entry in files:
        source = Path(entry["source"])
        if not source.exists():
            sys.exit(f"font {source} is missing: install the Debian package {entry['package']}")
        font = TTFont(source, fontNumber=entry["face"], lazy=False) if source.suffix in (".ttc", ".otc") else TTFont(source)
        wanted = {cp for a, b in entry["ranges"] for cp in range(a, b + 1)}
        if entry["sets"]:
            sets = sets or named_sets()
            narrowed = set()
            for name in entry["sets"]:
                narrowed |= sets[name]
            wanted &= narrowed
        wanted = (wanted & set(font.getBestCmap())) - taken[entry["weight"]]
        taken[entry["weight"]] |= wanted
        cut(font, sorted(wanted))
        if "CFF " in font:
            cff_to_truetype(font)
        buf = io.BytesIO()
        font.save(buf)
        data = buf.getvalue()
        name = f"{entry['name']}.ttf"
        (tmp_dir / name).write_bytes(data)
        index.append({"name": entry["name"], "file": name, "bytes": len(data),
                      "sha256": hashlib.sha256(data).hexdigest(), "characters": len(wanted)})
        print(f"script font {name}: {len(wanted)} characters, {len(data)} bytes", flush=True)
    (tmp_dir / "index.json").write_text(json.dumps({"files": index}, indent=1) + "\n")
    shutil.rmtree(cache_dir, ignore_errors=True)
    tmp_dir.replace(cache_dir)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2])
