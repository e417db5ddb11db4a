"""Invoices as CSV, one row per invoice. Every CSV the server writes goes through csv_chunks.
Spreadsheets split a line on ',' or (German Excel and others) on ';', so each cell is made safe
for both: a field holding either separator is quoted, and every piece of it that would start a
formula after a split (OWASP's list: =, +, -, @, tab, CR) gets an apostrophe in front."""
import re

from ..money import plain_amount

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")  # our own amounts, e.g. -12.50
# The start of the cell, or of a piece after a separator, where (after any spaces) a formula begins.
FORMULA_PIECE = re.compile(r"(^|[,;])(?=[ ]*[=+\-@\t\r])")
NEEDS_QUOTES = re.compile(r'[,;"\r\n]')


def safe_cell(value):
    """The text of a cell that no spreadsheet runs as a formula, whichever separator it uses."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    if PLAIN_NUMBER.match(value):
        return value
    return FORMULA_PIECE.sub(r"\1'", value)


def csv_field(value):
    """One field as written: quoted when it holds either separator, a quote or a line break."""
    text = str(safe_cell(value))
    if NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_line(cells):
    return ",".join(csv_field(cell) for cell in cells) + "\r\n"


def csv_chunks(header, rows, every=500):
    """Yields the CSV as UTF-8 bytes, a chunk per `every` rows, so a large export streams."""
    lines = [csv_line(header)]
    for count, row in enumerate(rows, 1):
        lines.append(csv_line(row))
        if count % every == 0:
            yield "".join(lines).encode("utf-8")
            lines = []
    yield "".join(lines).encode("utf-8")


HEADER = ["number", "customer_id", "customer", "organization", "status", "issued_at", "due_at", "paid_at",
          "currency", "subtotal", "tax", "total", "kind", "corrects"]


def invoices_csv(invoices):
    """`invoices` are the API's invoice summaries (as GET /invoices lists them), any number;
    yields the CSV's bytes in chunks."""
    cells = ([invoice["number"], invoice["customer_id"], invoice["customer_name"], invoice["customer_organization"],
              invoice["status"], invoice["issued_at"], invoice["due_at"], invoice["paid_at"],
              invoice["total"]["currency"], plain_amount(invoice["subtotal"]["amount"]),
              plain_amount(invoice["tax"]["amount"]), plain_amount(invoice["total"]["amount"]),
              # A credit note (negative amounts) and the number of the invoice it corrects.
              invoice["kind"], invoice["corrects"]["number"] if invoice["corrects"] else None]
             for invoice in invoices)
    return csv_chunks(HEADER, cells)
