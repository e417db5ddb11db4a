"""Invoices as CSV, one row per invoice, in either dialect (spreadsheet.py)."""
from .spreadsheet import CSV, Amount, csv_chunks, safe_cell  # noqa: F401  (safe_cell: tests read it here)

HEADER = ["number", "customer_id", "customer", "organization", "status", "issued_at", "due_at", "paid_at",
          "currency", "subtotal", "tax", "total", "kind", "corrects"]


def invoices_csv(invoices, dialect=CSV):
    """`invoices` are the API's invoice summaries (as GET /invoices lists them), any number;
    yields the CSV's bytes in chunks."""
    cells = ([invoice["number"], invoice["customer_id"], invoice["customer_name"], invoice["customer_organization"],
              invoice["status"], invoice["issued_at"], invoice["due_at"], invoice["paid_at"],
              invoice["total"]["currency"], Amount(invoice["subtotal"]["amount"]),
              Amount(invoice["tax"]["amount"]), Amount(invoice["total"]["amount"]),
              # A credit note (negative amounts) and the number of the invoice it corrects.
              invoice["kind"], invoice["corrects"]["number"] if invoice["corrects"] else None]
             for invoice in invoices)
    return csv_chunks(HEADER, cells, dialect)
