"""The dashboard: customers by status, licenses and monthly recurring revenue, open and
overdue invoices, renewals in the next 30 days, trials and when they end, revenue by month
for a year."""
import datetime as dt

from .. import money as pricing
from ..clock import add_months, iso, parse_day
from .billing import ONE_DAY

# Every status a customer can have, as the dashboard counts them.
STATUSES = ("invited", "active", "suspended", "revoked", "declined", "cancelled")


def month_keys(today, count=12):
    """The last `count` months ending with today's, oldest first, as YYYY-MM."""
    first = add_months(today.replace(day=1), -(count - 1))
    return [add_months(first, i).strftime("%Y-%m") for i in range(count)]


class Dashboard:
    def __init__(self, storage, clock):
        self.storage = storage
        self.clock = clock

    def figures(self, reseller):
        now = self.clock.now()
        today = now.date()
        currency = reseller["currency"]
        months = month_keys(today)
        with self.storage.read() as repo:
            by_status = repo.customers.count_by_status(reseller["id"])
            totals = repo.subscriptions.totals(reseller["id"])
            invoices = repo.invoices.totals(reseller["id"], iso(now))
            # A renewal on day D means the term ends the day before.
            renewals = repo.subscriptions.renewals_between(reseller["id"], (today - ONE_DAY).isoformat(),
                                                           (today + dt.timedelta(days=29)).isoformat())
            revenue = repo.invoices.revenue_by_month(reseller["id"], f"{months[0]}-01")
            trial_count, trials = repo.subscriptions.trials(reseller["id"], 20)
        renewal_items = [{
            "customer_id": row["customer_id"], "customer_name": row["customer_name"],
            "organization": row["customer_organization"], "plan": row["plan"],
            "billing_cycle": row["billing_cycle"], "licenses": row["licenses"],
            "renews_at": (parse_day(row["term_end"]) + ONE_DAY).isoformat(),
            "recurring_amount": pricing.money(row["licenses"] * row["unit_price"], currency),
        } for row in renewals]
        trial_items = [{
            "customer_id": row["customer_id"], "customer_name": row["customer_name"],
            "organization": row["customer_organization"], "licenses": row["licenses"],
            "trial_ends_on": row["term_end"], "days_left": (parse_day(row["term_end"]) - today).days + 1,
            "converts": row["status"] == "trial" and bool(row["auto_renew"]),
        } for row in trials]
        return {
            "customers_by_status": {status: by_status.get(status, 0) for status in STATUSES},
            "customers_total": sum(by_status.values()),
            "licenses_total": totals["licenses"],
            "monthly_recurring_revenue": pricing.money(totals["mrr"], currency),
            "invoices": {
                "open": {"count": invoices["open_count"],
                         "amount": pricing.money(invoices["open_amount"], currency)},
                "overdue": {"count": invoices["overdue_count"],
                            "amount": pricing.money(invoices["overdue_amount"], currency)},
            },
            "renewals_next_30_days": {
                "count": len(renewal_items),
                "amount": pricing.money(sum(i["recurring_amount"]["amount"] for i in renewal_items), currency),
                "items": renewal_items[:20],
            },
            "trials": {"count": trial_count, "items": trial_items},
            "revenue_by_month": [{"month": month, "amount": pricing.money(revenue.get(month, 0), currency)}
                                 for month in months],
        }
