"""The rate limits' hits per client (sign-in attempts, kiosk resets), kept in the database when
several serve.py share it, so that every process counts the same hits (http/rate_limit.py)."""
from .rows import Rows


class RateLimitRows(Rows):
    def recent(self, limit_name, client, since):
        """Times (epoch seconds) of the client's hits after `since`, oldest first."""
        return [row[0] for row in self._all(
            "SELECT at FROM rate_limit_hits WHERE limit_name = ? AND client = ? AND at > ? ORDER BY at",
            (limit_name, client, since))]

    def add(self, limit_name, client, at):
        self.conn.execute("INSERT INTO rate_limit_hits(limit_name, client, at) VALUES (?, ?, ?)",
                          (limit_name, client, at))

    def forget_before(self, at, limit_name=None, client=None):
        """Drops hits older than `at`: one client's of one limit, or everyone's (kept bounded)."""
        if client is None:
            self.conn.execute("DELETE FROM rate_limit_hits WHERE at <= ?", (at,))
        else:
            self.conn.execute("DELETE FROM rate_limit_hits WHERE limit_name = ? AND client = ? AND at <= ?",
                              (limit_name, client, at))
