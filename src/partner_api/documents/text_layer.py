"""The text layer of right-to-left names (Arabic, Hebrew) in WeasyPrint's PDFs. The page shows
them right, but WeasyPrint 57.2 maps glyphs to characters (ToUnicode) by slicing the text
between one glyph's cluster and the next as if clusters always grew; in a right-to-left run they
shrink, so one glyph gets the whole name and the others nothing, and copying or searching the
name (pdftotext, a screen reader, an accountant's archive) gives garbage. For each font used in
right-to-left text, every glyph is mapped instead to the character the embedded font itself
maps to it (its cmap, read backwards; Arabic presentation forms and lam-alef ligatures back to
their letters), and the font's ToUnicode stream is written again.

Runs in the finisher, on WeasyPrint's own objects (Document.fonts: Font.cmap, Font.ttfont,
Font.name; the font dictionaries' ToUnicode streams); anything not shaped as expected is left
as WeasyPrint wrote it."""
import re
import unicodedata

RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
PRESENTATION = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
TRAILER = [b"endbfchar", b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]


def character(code):
    text = chr(code)
    if any(low <= code <= high for low, high in PRESENTATION):
        return unicodedata.normalize("NFKC", text)
    return text


def repair(document, pdf):
    """Rewrites the glyph-to-character maps of the fonts that drew right-to-left text."""
    fonts = getattr(document, "fonts", None) or {}
    for font in fonts.values():
        ttfont, cmap = getattr(font, "ttfont", None), getattr(font, "cmap", None)
        if ttfont is None or not cmap or not any(RTL.search(text) for text in cmap.values()):
            continue
        reverse = {}
        for code, name in sorted(ttfont.getBestCmap().items(), reverse=True):
            reverse[ttfont.getGlyphID(name)] = code  # the lowest code point wins: the letter, not a form of it
        fixed = {glyph: character(reverse[glyph]) if glyph in reverse else "" for glyph in cmap}
        stream = _to_unicode(pdf, font.name)
        if stream is None:
            continue
        starts = [i for i, line in enumerate(stream.stream) if line.endswith(b"beginbfchar")]
        if len(starts) != 1:
            continue
        stream.stream = stream.stream[:starts[0]] + [f"{len(fixed)} beginbfchar".encode()] + [
            f"<{glyph:04x}> <{text.encode('utf-16-be').hex()}>".encode() for glyph, text in fixed.items()] + TRAILER


def _to_unicode(pdf, base_font):
    for item in pdf.objects:
        if isinstance(item, dict) and item.get("BaseFont") == base_font and "ToUnicode" in item:
            reference = item["ToUnicode"]  # b"21 0 R"
            number = int((reference.decode() if isinstance(reference, bytes) else str(reference)).split()[0])
            return pdf.objects[number]
    return None
