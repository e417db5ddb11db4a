"""Stored answers of requests sent with an Idempotency-Key, by scope (whose keys they are)."""
from .rows import Rows


def reseller_scope(reseller_id):
    return f"reseller:{reseller_id}"


def public_scope(client):
    """Requests without a session (sign-in, accepting an invitation): keyed by client address."""
    return f"public:{client}"


class IdempotencyRows(Rows):
    def find(self, scope, key):
        return self._one("SELECT * FROM idempotency_keys WHERE scope = ? AND key = ?", (scope, key))

    def store(self, scope, key, request_hash, status, content_type, body, now):
        self.conn.execute(
            "INSERT INTO idempotency_keys(scope, key, request_hash, status, content_type, body,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (scope, key, request_hash, status, content_type, body, now))

    def forget_reseller(self, reseller_id):
        self.conn.execute("DELETE FROM idempotency_keys WHERE scope = ?", (reseller_scope(reseller_id),))

    def purge(self, before, limit):
        """Deletes up to `limit` answers stored before `before`."""
        return self.conn.execute(
            "DELETE FROM idempotency_keys WHERE (scope, key) IN (SELECT scope, key FROM idempotency_keys"
            " WHERE created_at < ? ORDER BY created_at LIMIT ?)", (before, limit)).rowcount
