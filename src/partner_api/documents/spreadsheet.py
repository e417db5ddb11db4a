"""The CSV files the server writes (invoice and customer exports, bulk job reports), in two
dialects: `csv`, the default (comma, decimal point, UTF-8), and `excel-de`, what German Excel
opens by a double click (semicolons, decimal commas, UTF-8 with a byte-order mark, without
which Excel reads the file as Windows-1252). Spreadsheets split a line on ',' or (German Excel
and others) on ';', so every cell is made safe for both whatever the dialect: a field holding
either separator is quoted, and every piece of it that would start a formula after a split
(OWASP's list: =, +, -, @, tab, CR) gets an apostrophe in front."""
import dataclasses
import re

from ..money import plain_amount

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")  # our own amounts, e.g. -12.50
# The start of the cell, or of a piece after a separator, where (after any spaces) a formula begins.
FORMULA_PIECE = re.compile(r"(^|[,;])(?=[ ]*[=+\-@\t\r])")
NEEDS_QUOTES = re.compile(r'[,;"\r\n]')
BOM = "\ufeff"


@dataclasses.dataclass(frozen=True)
class Dialect:
    name: str
    separator: str
    decimal: str
    bom: bool


CSV = Dialect("csv", ",", ".", False)
EXCEL_DE = Dialect("excel-de", ";", ",", True)
DIALECTS = {dialect.name: dialect for dialect in (CSV, EXCEL_DE)}


@dataclasses.dataclass(frozen=True)
class Amount:
    """Money in minor units, written as the dialect writes a decimal number (12.50 or 12,50)."""
    minor: int


def safe_cell(value):
    """The text of a cell that no spreadsheet runs as a formula, whichever separator it uses."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    if PLAIN_NUMBER.match(value):
        return value
    return FORMULA_PIECE.sub(r"\1'", value)


def csv_field(value, dialect=CSV):
    """One field as written: quoted when it holds either separator, a quote or a line break."""
    if value is None:
        return ""
    kind = type(value)
    if kind is str:
        # Only text that starts like a formula or holds a separator can hide one (100,000
        # customers are 1.4 million cells: the common case must not run the full check).
        if value.lstrip(" ")[:1] in FORMULA_STARTS or "," in value or ";" in value:
            value = safe_cell(value)
        if NEEDS_QUOTES.search(value):
            return '"' + value.replace('"', '""') + '"'
        return value
    if kind is int:
        return str(value)
    if kind is Amount:
        return plain_amount(value.minor).replace(".", dialect.decimal)
    return csv_field(str(value), dialect)


def csv_line(cells, dialect=CSV):
    # Most lines hold no text that needs quotes or a formula guard. Their text cells joined, each
    # after a NUL, show it with a few substring scans (a NUL inside a cell can only make the line
    # look risky, never hide a risk); then only the other cells (numbers, amounts) need work.
    text = "\0" + "\0".join([cell for cell in cells if type(cell) is str])
    if ('"' in text or "," in text or ";" in text or "\r" in text or "\n" in text or "\0=" in text
            or "\0+" in text or "\0-" in text or "\0@" in text or "\0\t" in text or "\0 " in text):
        return dialect.separator.join([csv_field(cell, dialect) for cell in cells]) + "\r\n"
    return dialect.separator.join([cell if type(cell) is str else "" if cell is None else csv_field(cell, dialect)
                                   for cell in cells]) + "\r\n"


def csv_chunks(header, rows, dialect=CSV, every=500):
    """Yields the CSV as UTF-8 bytes: the header (after a byte-order mark where the dialect wants
    one) at once, then a chunk per `every` rows, so a large export streams from its first row."""
    yield ((BOM if dialect.bom else "") + csv_line(header, dialect)).encode("utf-8")
    lines = []
    for count, row in enumerate(rows, 1):
        lines.append(csv_line(row, dialect))
        if count % every == 0:
            yield "".join(lines).encode("utf-8")
            lines = []
    if lines:
        yield "".join(lines).encode("utf-8")
