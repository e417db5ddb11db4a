"""The rows that may still hold an invitation link's token in plain text, written before links
were sealed (domain/links.py): invitations' url_token, emails in the outbox, stored answers and
kiosk snapshots. Sealed once at start-up; `meta` then says so, so later starts do not look."""
import json

from .rows import Rows

DONE = "invitation_links_sealed"


class SealingRows(Rows):
    def done(self):
        row = self._one("SELECT value FROM meta WHERE key = ?", (DONE,))
        return row is not None and row[0] == "1"

    def mark_done(self):
        self.conn.execute("DELETE FROM meta WHERE key = ?", (DONE,))
        self.conn.execute("INSERT INTO meta(key, value) VALUES (?, '1')", (DONE,))

    def seal(self, seal_token, seal_text):
        """Seals every plain token: `seal_token(token)` for a bare token, `seal_text(text)` for
        text with links in it (unchanged when none is plain). Returns how many rows changed."""
        changed = 0
        for row in self._all("SELECT id, url_token FROM invitations WHERE url_token IS NOT NULL"
                             " AND url_token NOT LIKE 'sealed1.%'"):
            self.conn.execute("UPDATE invitations SET url_token = ? WHERE id = ?", (seal_token(row[1]), row[0]))
            changed += 1
        for row in self._all("SELECT id, body FROM outbox WHERE body LIKE '%/invite/%'"):
            body = seal_text(row[1])
            if body != row[1]:
                self.conn.execute("UPDATE outbox SET body = ? WHERE id = ?", (body, row[0]))
                changed += 1
        # Every stored answer is looked at (a blob has no LIKE in PostgreSQL); this runs once.
        for row in self._all("SELECT scope, key, body FROM idempotency_keys"):
            try:
                text = bytes(row[2]).decode("utf-8")
            except UnicodeDecodeError:
                continue
            body = seal_text(text)
            if body != text:
                self.conn.execute("UPDATE idempotency_keys SET body = ? WHERE scope = ? AND key = ?",
                                  (body.encode("utf-8"), row[0], row[1]))
                changed += 1
        for row in self._all("SELECT reseller_id, data FROM demo_snapshots"):
            data = json.loads(row[1])
            if self._seal_snapshot(data, seal_token, seal_text):
                self.conn.execute("UPDATE demo_snapshots SET data = ? WHERE reseller_id = ?",
                                  (json.dumps(data, ensure_ascii=False, separators=(",", ":")), row[0]))
                changed += 1
        return changed

    @staticmethod
    def _seal_snapshot(data, seal_token, seal_text):
        changed = False
        for table, column, seal in (("invitations", "url_token", seal_token), ("outbox", "body", seal_text)):
            saved = data.get("tables", {}).get(table)
            if not saved or column not in saved["columns"]:
                continue
            index = saved["columns"].index(column)
            for values in saved["rows"]:
                value = values[index]
                if value and not (column == "url_token" and value.startswith("sealed1.")):
                    sealed = seal(value)
                    if sealed != value:
                        values[index] = sealed
                        changed = True
        return changed
