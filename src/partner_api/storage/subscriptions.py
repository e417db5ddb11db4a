"""Subscriptions (with what falls due on them, for the billing catch-up) and license orders."""
from .rows import Rows, set_clause

SUBSCRIPTION_COLUMNS = {
    "plan", "billing_cycle", "licenses", "status", "started_at", "term_start", "term_end",
    "next_bill_on", "auto_renew", "unit_price", "monthly_value", "currency", "scheduled_plan",
    "scheduled_cycle", "cancel_reason", "cancelled_at", "resume_status", "next_event_on",
    "suspend_reason", "suspended_at", "renewal_licenses", "max_licenses", "reseller_id",
}
# What the dashboard counts as licenses in use: every subscription that has not ended.
RUNNING = ("trial", "active", "pending_cancel", "suspended")


class SubscriptionRows(Rows):
    def add(self, values):
        names = sorted(values)
        return self._insert(
            f"INSERT INTO subscriptions({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [values[name] for name in names])

    def of_customer(self, customer_id):
        return self._one("SELECT * FROM subscriptions WHERE customer_id = ?", (customer_id,))

    def of_customers(self, customer_ids):
        ids = list(customer_ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {row["customer_id"]: row for row in self._all(
            f"SELECT * FROM subscriptions WHERE customer_id IN ({marks})", ids)}

    def of_reseller(self, reseller_id):
        """Every subscription of the account that has not ended."""
        return self._all("SELECT * FROM subscriptions WHERE reseller_id = ? AND status != 'cancelled' ORDER BY id",
                         (reseller_id,))

    def update(self, subscription_id, **changes):
        clause, params = set_clause(changes, SUBSCRIPTION_COLUMNS)
        self.conn.execute(f"UPDATE subscriptions SET {clause} WHERE id = ?", params + [subscription_id])

    def has_due(self, reseller_id, today):
        return self._one("SELECT 1 FROM subscriptions WHERE reseller_id = ? AND next_event_on <= ?"
                         " LIMIT 1", (reseller_id, today)) is not None

    def next_due(self, reseller_id, today):
        return self._one("SELECT * FROM subscriptions WHERE reseller_id = ? AND next_event_on <= ?"
                         " ORDER BY next_event_on, id LIMIT 1", (reseller_id, today))

    TOTALS = ("SELECT COALESCE(SUM(licenses), 0){cast} AS licenses, COALESCE(SUM(monthly_value), 0){cast} AS mrr"
              " FROM subscriptions WHERE reseller_id = ? AND status IN (?, ?, ?, ?)")

    def totals(self, reseller_id):
        return self._one(self.TOTALS.format(cast=""), (reseller_id, *RUNNING))

    def renewals_between(self, reseller_id, first_term_end, last_term_end):
        """Paid terms that renew by themselves in the window (a suspended annual plan does: its
        commitment runs on; a suspended flexible one does not)."""
        return self._all(
            "SELECT s.*, c.name AS customer_name, c.organization AS customer_organization"
            " FROM subscriptions s JOIN customers c ON c.id = s.customer_id"
            " WHERE s.reseller_id = ? AND s.auto_renew = 1"
            " AND (s.status = 'active' OR (s.status = 'suspended' AND s.billing_cycle <> 'flexible'))"
            " AND s.term_end >= ? AND s.term_end < ? ORDER BY s.term_end, s.id",
            (reseller_id, first_term_end, last_term_end))

    # A trial, also one set to cancel at its end.
    IN_TRIAL = "(s.status = 'trial' OR (s.status = 'pending_cancel' AND s.resume_status = 'trial'))"

    def trials(self, reseller_id, limit):
        """(count, the `limit` trials that end first, with their customer's name)."""
        count = self._one(f"SELECT COUNT(*) FROM subscriptions s WHERE s.reseller_id = ? AND {self.IN_TRIAL}",
                          (reseller_id,))[0]
        rows = self._all(
            "SELECT s.*, c.name AS customer_name, c.organization AS customer_organization"
            " FROM subscriptions s JOIN customers c ON c.id = s.customer_id"
            f" WHERE s.reseller_id = ? AND {self.IN_TRIAL} ORDER BY s.term_end, s.id LIMIT ?", (reseller_id, limit))
        return count, rows


class LicenseOrderRows(Rows):
    def add(self, reseller_id, customer_id, subscription_id, before, after, amount, currency, invoice_id, now):
        return self._insert(
            "INSERT INTO license_orders(reseller_id, customer_id, subscription_id, licenses_before,"
            " licenses_after, amount, currency, invoice_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (reseller_id, customer_id, subscription_id, before, after, amount, currency,
             invoice_id, now))

    def get(self, order_id):
        return self._one("SELECT * FROM license_orders WHERE id = ?", (order_id,))
