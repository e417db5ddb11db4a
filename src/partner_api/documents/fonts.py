"""Fonts for invoice PDFs. Every script comes from Debian's Noto packages through fontconfig
(fonts-noto-core: Noto Sans for Latin, Greek and Cyrillic, Noto Sans Arabic and Hebrew), and
WeasyPrint embeds the glyphs a document uses. Chinese, Japanese and Korean (fonts-noto-cjk) are
the exception: Noto Sans CJK is one CFF font of 65,000 glyphs, and WeasyPrint's subsetter keeps
every glyph slot of it, which took 5 to 9 seconds per PDF here. So a document with CJK text gets
a font of its own first, cut from Noto Sans CJK to exactly its characters (about 0.6 s), passed
to WeasyPrint as an @font-face; the face follows the text (Japanese with kana, Korean with
hangul, else Simplified Chinese). Cut fonts are kept for the same characters."""
import base64
import functools
import io
import re
from pathlib import Path

CJK_DIR = Path("/usr/share/fonts/opentype/noto")
CJK_FILES = {"normal": "NotoSansCJK-Regular.ttc", "bold": "NotoSansCJK-Bold.ttc"}
# Faces of the Noto Sans CJK collections: 0 JP, 1 KR, 2 SC.
FACES = {"ja": 0, "ko": 1, "zh": 2}
CJK = re.compile("[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
                 "\U00020000-\U0003ffff]")
KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff]")
HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
FAMILY = "Invoice CJK"
# The families every document asks for, in order; fontconfig finds the files.
FAMILIES = ('"Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari", "Noto Sans Thai", '
            f'"{FAMILY}", "Noto Sans CJK SC", sans-serif')


def cjk_language(text):
    if KANA.search(text):
        return "ja"
    if HANGUL.search(text):
        return "ko"
    return "zh"


def font_faces(text):
    """@font-face rules for the document's CJK characters ("" when it has none)."""
    characters = "".join(sorted(set(CJK.findall(text))))
    if not characters:
        return ""
    face = FACES[cjk_language(text)]
    rules = []
    for weight, name in CJK_FILES.items():
        data = _cut(str(CJK_DIR / name), face, characters)
        if data:
            rules.append(f"@font-face {{ font-family: '{FAMILY}'; font-weight: {weight};"
                         f" src: url(data:font/otf;base64,{base64.b64encode(data).decode()}); }}")
    return "\n".join(rules)


@functools.lru_cache(maxsize=64)
def _cut(path, face, characters):
    """The face of a font collection with only `characters` (bytes), or None without the file."""
    if not Path(path).exists():
        return None
    from ..debian_packages import import_debian
    subset, ttlib = import_debian("fontTools.subset", "fontTools.ttLib")
    # The source's own timestamp stays: the same characters always give the same bytes.
    font = ttlib.TTFont(path, fontNumber=face, lazy=True, recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = []  # names run horizontally: no vertical or locale forms needed
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # the copyright and the licence (SIL OFL) stay
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
