"""The activity history (every change, with before and after) and the outbox of emails."""
import json

from .rows import Rows


class ActivityRows(Rows):
    def add(self, reseller_id, customer_id, actor_kind, actor, actor_name, action, summary, before, after, now,
            job_id=None):
        """`actor` is the acting person's email ('system' for the system, whose name is NULL);
        `job_id` the bulk job that made the change, if one did."""
        return self._insert(
            "INSERT INTO activity(reseller_id, customer_id, actor_kind, actor, actor_name, action, summary,"
            " before_json, after_json, created_at, job_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (reseller_id, customer_id, actor_kind, actor, actor_name, action, summary,
             None if before is None else json.dumps(before, ensure_ascii=False, sort_keys=True),
             None if after is None else json.dumps(after, ensure_ascii=False, sort_keys=True), now, job_id))

    def page(self, reseller_id, customer_id, before_id, limit, member_email=None):
        """Newest first, before the entry `before_id` (the previous page's last); of one customer
        and/or of what one member did (by email), or all."""
        where, params = ["a.reseller_id = ?"], [reseller_id]
        if customer_id is not None:
            where.append("a.customer_id = ?")
            params.append(customer_id)
        if member_email is not None:
            where.append("a.actor = ? AND a.actor_kind = 'member'")
            params.append(member_email)
        if before_id is not None:
            where.append("a.id < ?")
            params.append(before_id)
        return self._all(
            "SELECT a.*, c.name AS customer_name FROM activity a"
            " LEFT JOIN customers c ON c.id = a.customer_id"
            f" WHERE {' AND '.join(where)} ORDER BY a.id DESC LIMIT ?", params + [limit])


class OutboxRows(Rows):
    def add(self, reseller_id, customer_id, to_email, subject, body, now):
        return self._insert(
            "INSERT INTO outbox(reseller_id, customer_id, to_email, subject, body, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)", (reseller_id, customer_id, to_email, subject, body, now))

    def purge(self, before, limit):
        """Deletes up to `limit` emails queued before `before`; returns how many."""
        return self.conn.execute("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE created_at < ?"
                                 " ORDER BY created_at LIMIT ?)", (before, limit)).rowcount
