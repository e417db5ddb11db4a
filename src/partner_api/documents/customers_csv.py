"""Customers as CSV (GET /customers/export.csv): one row per customer of the list as the console
shows it, its columns the ones asked for, in either dialect (spreadsheet.py). A customer comes as
a row of plain values named by `fields` (storage's export rows: 100,000 customers are 1.4 million
cells, so no per-customer dict or per-cell call on the way)."""
from .spreadsheet import CSV, Amount, csv_chunks

# Every column the export can write, in its default order: the API's names for them.
COLUMNS = ("name", "organization", "email", "google_domain", "status", "plan", "billing_cycle",
           "subscription_status", "licenses", "renews_at", "monthly_value", "currency", "created_at", "id")
MONEY = ("monthly_value",)  # minor units, written as the dialect writes a decimal number


def customers_csv(records, fields, columns=None, dialect=CSV):
    """`records` are customers as rows of values named by `fields` (any number, any extra values
    after them); `columns` names the columns in order (all of them by default). Yields the CSV's
    bytes in chunks."""
    columns = list(columns or COLUMNS)
    positions = [fields.index(name) for name in columns]
    money = [n for n, name in enumerate(columns) if name in MONEY]

    def cells():
        for record in records:
            row = [record[p] for p in positions]
            for n in money:
                if row[n] is not None:
                    row[n] = Amount(row[n])
            yield row
    return csv_chunks(columns, cells(), dialect)
