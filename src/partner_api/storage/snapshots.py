"""Snapshots of a demo account (kiosk mode): its rows kept as one JSON document, and put back
exactly, inside the caller's write transaction."""
import json
import sqlite3

from ..errors import ResetConflict
from .migrations import CLASSIFY_ACTORS, LATEST
from .rows import Rows

# The demo account's rows, table by table, parents first (the order they are put back in;
# they are removed in the reverse order). Invoice lines belong to it through their invoice.
TABLES = (
    ("members", "reseller_id = ?"),
    ("billing_profiles", "reseller_id = ?"),
    ("customers", "reseller_id = ?"),
    ("transfer_tokens", "reseller_id = ?"),
    ("invitations", "reseller_id = ?"),
    ("subscriptions", "reseller_id = ?"),
    ("invoices", "reseller_id = ?"),
    ("invoice_lines", "invoice_id IN (SELECT id FROM invoices WHERE reseller_id = ?)"),
    ("license_orders", "reseller_id = ?"),
    ("activity", "reseller_id = ?"),
    ("outbox", "reseller_id = ?"),
    ("bulk_jobs", "reseller_id = ?"),
    ("bulk_job_rows", "reseller_id = ?"),
    ("saved_views", "reseller_id = ?"),
)
# Tables without an id column, and the order their rows are kept in.
ORDER = {"bulk_job_rows": "job_id, position"}
# Tables that held nothing of any account when they were made (schema version 11): a snapshot taken
# before them is empty there, so a reset empties them (a visitor's bulk jobs and saved views go).
EMPTY_WHEN_MADE = ("bulk_jobs", "bulk_job_rows", "saved_views")
# Customer columns put back as they must be rather than as saved: a demo account's domains are
# its own (schema version 6; older snapshots hold no such column).
FIXED = {"domain_scope": lambda reseller_id: reseller_id}
# What a visitor can change on the account row itself (the invoice counter above all).
RESELLER_COLUMNS = ("name", "discount_bp", "tax_bp", "currency", "last_invoice_seq")


class SnapshotRows(Rows):
    # What a row that another account holds raises while the snapshot goes back.
    CONFLICTS = (sqlite3.IntegrityError,)

    def _columns(self, table):
        return [row[1] for row in self.conn.execute(f"PRAGMA table_info({table})")]

    def take(self, reseller_id, now):
        """Stores the account's rows as its snapshot; returns how many customers it holds."""
        data = {"schema_version": LATEST, "tables": {}}
        reseller = self._one("SELECT * FROM resellers WHERE id = ?", (reseller_id,))
        data["reseller"] = {name: reseller[name] for name in RESELLER_COLUMNS}
        for table, where in TABLES:
            columns = self._columns(table)
            order = ORDER.get(table, "id")
            rows = self._all(f"SELECT {', '.join(columns)} FROM {table} WHERE {where} ORDER BY {order}",
                             (reseller_id,))
            data["tables"][table] = {"columns": columns, "rows": [list(row) for row in rows]}
        self.conn.execute("INSERT INTO demo_snapshots(reseller_id, taken_at, data) VALUES (?, ?, ?)"
                          " ON CONFLICT (reseller_id) DO UPDATE SET taken_at = excluded.taken_at, data = excluded.data",
                          (reseller_id, now, json.dumps(data, ensure_ascii=False, separators=(",", ":"))))
        return len(data["tables"]["customers"]["rows"])

    def count(self):
        return self._one("SELECT COUNT(*) FROM demo_snapshots")[0]

    def info(self, reseller_id):
        """(reseller_id, taken_at) of the account's snapshot, or None."""
        return self._one("SELECT reseller_id, taken_at FROM demo_snapshots WHERE reseller_id = ?", (reseller_id,))

    def restore(self, reseller_id):
        """Puts the account's rows back exactly as its snapshot holds them: every row made since
        is gone, every row changed is as it was. Returns the snapshot's date; ResetConflict when
        another account holds what the snapshot needs (a Google domain), and the caller's
        transaction then rolls back whole."""
        stored = self._one("SELECT taken_at, data FROM demo_snapshots WHERE reseller_id = ?", (reseller_id,))
        data = json.loads(stored["data"])
        # A table the snapshot does not hold (it was taken before that table existed: the team
        # before schema version 5) is left as it is rather than emptied.
        tables = [(table, where) for table, where in TABLES if table in data["tables"] or table in EMPTY_WHEN_MADE]
        try:
            for table, where in reversed(tables):
                self.conn.execute(f"DELETE FROM {table} WHERE {where}", (reseller_id,))
            for table, _ in tables:
                saved = data["tables"].get(table, {"columns": [], "rows": []})
                # Only names this schema has reach the SQL (a later migration may add columns: they
                # take their defaults); the values are parameters.
                existing = set(self._columns(table))
                keep = [i for i, name in enumerate(saved["columns"]) if name in existing and name not in FIXED]
                names = [saved["columns"][i] for i in keep]
                if not names:
                    continue
                fixed = [(name, value(reseller_id)) for name, value in FIXED.items() if name in existing
                         and table == "customers"]
                names += [name for name, _ in fixed]
                sql = f"INSERT INTO {table}({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
                self.conn.executemany(sql, ([row[i] for i in keep] + [value for _, value in fixed]
                                            for row in saved["rows"]))
            # History from a snapshot taken before actors were kept gets them as the upgrade gave them.
            if "actor_kind" not in data["tables"].get("activity", {}).get("columns", ["actor_kind"]):
                self.conn.execute(CLASSIFY_ACTORS)
            values = data["reseller"]
            self.conn.execute(
                f"UPDATE resellers SET {', '.join(f'{name} = ?' for name in RESELLER_COLUMNS)} WHERE id = ?",
                [values[name] for name in RESELLER_COLUMNS] + [reseller_id])
        except self.CONFLICTS as error:
            raise ResetConflict(f"The demo data could not be restored ({error}); nothing was changed.")
        return stored["taken_at"]
