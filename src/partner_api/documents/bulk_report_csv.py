"""A bulk job's report as CSV (GET /bulk-jobs/{id}/report.csv): one line per row of the job with
its outcome, in either dialect (spreadsheet.py). An import's line shows the row as the file held
it; a line about a customer shows the customer."""
from .spreadsheet import CSV, Amount, csv_chunks

HEADER = ["row", "outcome", "code", "message", "customer_id", "name", "email", "google_domain", "organization",
          "licenses_before", "licenses_after", "amount", "currency"]


def bulk_report_csv(rows, dialect=CSV):
    """`rows` are the job's rows as GET /bulk-jobs/{id} lists them (with `input` for an import's
    row and `customer` for a customer's); yields the CSV's bytes in chunks."""
    def line(row):
        shown = row.get("input") or row.get("customer") or {}
        detail = row.get("detail") or {}
        amount = detail.get("amount")
        return [row["row"], row["state"], row["code"], row["message"], row["customer_id"], shown.get("name"),
                shown.get("email"), shown.get("google_domain"), shown.get("organization"),
                detail.get("licenses_before"), detail.get("licenses_after"),
                Amount(amount["amount"]) if amount else None, amount["currency"] if amount else None]
    return csv_chunks(HEADER, (line(row) for row in rows), dialect)
