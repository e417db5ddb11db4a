"""Invoices as CSV, one row per invoice. Every CSV the server writes goes through csv_chunks:
cells that a spreadsheet would run as a formula (OWASP's rule: a leading =, +, -, @, tab or CR)
are prefixed with an apostrophe."""
import csv
import io
import re

from ..money import plain_amount

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")  # our own amounts, e.g. -12.50


def safe_cell(value):
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def csv_chunks(header, rows, every=500):
    """Yields the CSV as UTF-8 bytes, a chunk per `every` rows, so a large export streams."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(cell) for cell in header])
    for count, row in enumerate(rows, 1):
        writer.writerow([safe_cell(cell) for cell in row])
        if count % every == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


HEADER = ["number", "customer_id", "customer", "organization", "status", "issued_at", "due_at", "paid_at",
          "currency", "subtotal", "tax", "total"]


def invoices_csv(invoices):
    """`invoices` are the API's invoice summaries (as GET /invoices lists them), any number;
    yields the CSV's bytes in chunks."""
    cells = ([invoice["number"], invoice["customer_id"], invoice["customer_name"], invoice["customer_organization"],
              invoice["status"], invoice["issued_at"], invoice["due_at"], invoice["paid_at"],
              invoice["total"]["currency"], plain_amount(invoice["subtotal"]["amount"]),
              plain_amount(invoice["tax"]["amount"]), plain_amount(invoice["total"]["amount"])]
             for invoice in invoices)
    return csv_chunks(HEADER, cells)
