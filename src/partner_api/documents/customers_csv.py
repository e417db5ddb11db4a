"""Customers as CSV (GET /customers/export.csv): one row per customer of the list as the console
shows it, its columns the ones asked for, in either dialect (spreadsheet.py). A customer is the
API's JSON of it (the fields the list shows; representation.customer_export_json)."""
from .spreadsheet import CSV, Amount, csv_chunks


def _sub(customer, key):
    sub = customer["subscription"]
    return None if sub is None else sub[key]


def _monthly(customer):
    sub = customer["subscription"]
    return None if sub is None else Amount(sub["monthly_value"]["amount"])


# Every column the export can write, in its default order: the API's names for them.
COLUMNS = {
    "name": lambda c: c["name"],
    "organization": lambda c: c["organization"],
    "email": lambda c: c["email"],
    "google_domain": lambda c: c["google_domain"],
    "status": lambda c: c["status"],
    "plan": lambda c: _sub(c, "plan"),
    "billing_cycle": lambda c: _sub(c, "billing_cycle"),
    "subscription_status": lambda c: _sub(c, "status"),
    "licenses": lambda c: _sub(c, "licenses"),
    "renews_at": lambda c: _sub(c, "renews_at"),
    "monthly_value": _monthly,
    "currency": lambda c: None if c["subscription"] is None else c["subscription"]["monthly_value"]["currency"],
    "created_at": lambda c: c["created_at"],
    "id": lambda c: c["id"],
}


def customers_csv(customers, columns=None, dialect=CSV):
    """`customers` are the API's customers (as GET /customers lists them), any number; `columns`
    names the columns in order (all of them by default). Yields the CSV's bytes in chunks."""
    columns = list(columns or COLUMNS)
    getters = [COLUMNS[name] for name in columns]
    return csv_chunks(columns, ([get(customer) for get in getters] for customer in customers), dialect)
