"""Transfer tokens: the one-time secret a reseller gives away with a customer (kept only as its
hash), at most one live per customer."""
from .rows import Rows


class TransferTokenRows(Rows):
    def add(self, reseller_id, customer_id, token_hash, created_at, expires_at, created_by, created_by_name):
        return self._insert(
            "INSERT INTO transfer_tokens(reseller_id, customer_id, token_hash, status, created_at, expires_at,"
            " created_by, created_by_name) VALUES (?, ?, ?, 'live', ?, ?, ?, ?)",
            (reseller_id, customer_id, token_hash, created_at, expires_at, created_by, created_by_name))

    def by_hash(self, token_hash):
        return self._one("SELECT * FROM transfer_tokens WHERE token_hash = ?", (token_hash,))

    def live_of(self, customer_id):
        return self._one("SELECT * FROM transfer_tokens WHERE customer_id = ? AND status = 'live'", (customer_id,))

    def live_of_customers(self, customer_ids):
        ids = list(customer_ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {row["customer_id"]: row for row in self._all(
            f"SELECT * FROM transfer_tokens WHERE status = 'live' AND customer_id IN ({marks})", ids)}

    def end(self, token_id, status, now, to_reseller_id=None):
        self.conn.execute("UPDATE transfer_tokens SET status = ?, ended_at = ?, to_reseller_id = ? WHERE id = ?",
                          (status, now, to_reseller_id, token_id))
