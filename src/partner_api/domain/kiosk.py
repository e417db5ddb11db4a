"""Kiosk mode: the demo account's data kept as a snapshot and put back in one transaction,
the start-up checks that keep a kiosk away from real accounts, and the reset endpoint that
exists only when serve.py runs with --kiosk."""
import json
import sqlite3

from ..clock import iso
from ..errors import Conflict, Forbidden
from ..http.messages import json_response
from ..storage.migrations import LATEST
from ..storage.repository import Repository
from .seed import seed_demo
from .service import DEMO_EMAIL

# The demo account's rows, table by table, parents first (the order they are put back in;
# they are removed in the reverse order). Invoice lines belong to it through their invoice.
TABLES = (
    ("customers", "reseller_id = ?"),
    ("invitations", "reseller_id = ?"),
    ("subscriptions", "reseller_id = ?"),
    ("invoices", "reseller_id = ?"),
    ("invoice_lines", "invoice_id IN (SELECT id FROM invoices WHERE reseller_id = ?)"),
    ("license_orders", "reseller_id = ?"),
    ("activity", "reseller_id = ?"),
    ("outbox", "reseller_id = ?"),
)
# What a visitor can change on the account row itself (the invoice counter above all).
RESELLER_COLUMNS = ("name", "discount_bp", "tax_bp", "currency", "last_invoice_seq")


class KioskRefused(Exception):
    """serve.py --kiosk must not start on this database; the message says why and what to do."""


class NotTheKioskAccount(Forbidden):
    code = "not_the_kiosk_account"
    default_message = "Only the kiosk's own demo account can be reset, and only to its snapshot."


class ResetConflict(Conflict):
    code = "kiosk_reset_conflict"
    default_message = "The demo data could not be restored: another account holds some of its data now."


def _columns(conn, table):
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def take_snapshot(conn, reseller_id, now):
    """Stores the account's rows as its snapshot (inside the caller's write transaction)."""
    data = {"schema_version": LATEST, "tables": {}}
    reseller = conn.execute("SELECT * FROM resellers WHERE id = ?", (reseller_id,)).fetchone()
    data["reseller"] = {name: reseller[name] for name in RESELLER_COLUMNS}
    for table, where in TABLES:
        columns = _columns(conn, table)
        rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {where} ORDER BY rowid",
                            (reseller_id,)).fetchall()
        data["tables"][table] = {"columns": columns, "rows": [list(row) for row in rows]}
    conn.execute("INSERT OR REPLACE INTO demo_snapshots(reseller_id, taken_at, data) VALUES (?, ?, ?)",
                 (reseller_id, iso(now), json.dumps(data, ensure_ascii=False, separators=(",", ":"))))
    return len(data["tables"]["customers"]["rows"])


def snapshot_info(conn, reseller_id):
    return conn.execute("SELECT reseller_id, taken_at FROM demo_snapshots WHERE reseller_id = ?",
                        (reseller_id,)).fetchone()


def restore_snapshot(conn, reseller_id):
    """Puts the account's rows back exactly as the snapshot holds them, inside the caller's
    write transaction: every row made since is gone, every row changed is as it was. Refuses
    any account that is not a demo account or has no snapshot. Returns the snapshot's date."""
    reseller = conn.execute("SELECT * FROM resellers WHERE id = ?", (reseller_id,)).fetchone()
    stored = conn.execute("SELECT taken_at, data FROM demo_snapshots WHERE reseller_id = ?",
                          (reseller_id,)).fetchone()
    # Checked inside the transaction: an account registered as real meanwhile is never touched.
    if reseller is None or not reseller["is_demo"] or stored is None:
        raise NotTheKioskAccount()
    data = json.loads(stored["data"])
    for table, where in reversed(TABLES):
        conn.execute(f"DELETE FROM {table} WHERE {where}", (reseller_id,))
    # Answers kept for retried requests describe data that no longer exists.
    conn.execute("DELETE FROM idempotency_keys WHERE scope = ?", (f"reseller:{reseller_id}",))
    for table, _ in TABLES:
        saved = data["tables"].get(table, {"columns": [], "rows": []})
        # Only names this schema has reach the SQL (a later migration may add columns: they
        # take their defaults); the values are parameters.
        existing = set(_columns(conn, table))
        keep = [i for i, name in enumerate(saved["columns"]) if name in existing]
        names = [saved["columns"][i] for i in keep]
        if not names:
            continue
        sql = f"INSERT INTO {table}({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        conn.executemany(sql, ([row[i] for i in keep] for row in saved["rows"]))
    values = data["reseller"]
    conn.execute(f"UPDATE resellers SET {', '.join(f'{name} = ?' for name in RESELLER_COLUMNS)} WHERE id = ?",
                 [values[name] for name in RESELLER_COLUMNS] + [reseller_id])
    return stored["taken_at"]


def reset(db, reseller_id):
    """One transaction: the demo data as the snapshot holds it, or nothing changed."""
    try:
        with db.write() as conn:
            return restore_snapshot(conn, reseller_id)
    except sqlite3.IntegrityError as error:
        raise ResetConflict(f"The demo data could not be restored ({error}); nothing was changed.")


def prepare(db, service, clock, base_url):
    """Start-up of serve.py --kiosk: seeds an empty database, refuses one that holds registered
    resellers or no demo data, takes the demo account's snapshot the first time and restores
    it on every later start. Returns the lines to print."""
    if service.reseller_count() == 0:
        seed_demo(db, clock.now(), base_url)
    real = service.real_reseller_count()
    if real:
        raise KioskRefused(
            f"serve.py --kiosk will not start: the database {db.path} holds {real} registered "
            f"reseller{'s' if real != 1 else ''}. A kiosk signs every visitor in without asking who they "
            "are, so it must never share a database with real accounts. Give the kiosk a database of its "
            "own, for example --db ./kiosk.db (a new file gets fresh demo data).")
    demo = service.reseller_by_email(DEMO_EMAIL)
    if demo is None or not demo["is_demo"]:
        raise KioskRefused(
            f"serve.py --kiosk will not start: the database {db.path} has no demo account "
            f"({DEMO_EMAIL}) to show. Give the kiosk a database of its own, for example "
            "--db ./kiosk.db (a new file gets fresh demo data).")
    with db.write() as conn:
        customers = Repository(conn).count_customers(demo["id"])
        taken = snapshot_info(conn, demo["id"])
        if taken is None and customers == 0:
            raise KioskRefused(
                f"serve.py --kiosk will not start: the demo account {DEMO_EMAIL} in {db.path} has no "
                "customers, so a kiosk would show an empty console. Give the kiosk a database of its "
                "own, for example --db ./kiosk.db (a new file gets fresh demo data).")
        if taken is None:
            count = take_snapshot(conn, demo["id"], clock.now())
            return [f"Kiosk: took a snapshot of the demo data ({count} customers); every reset returns to it."]
    reset(db, demo["id"])
    return [f"Kiosk: the demo data is as in its snapshot of {taken['taken_at'][:10]}."]


class KioskHandlers:
    def __init__(self, service, db):
        self.service = service
        self.db = db

    def reset(self, request):
        taken_at = reset(self.db, request.reseller["id"])
        return json_response(200, {"restored_at": iso(self.service.now()), "snapshot_taken_at": taken_at})


def add_kiosk_routes(router, handlers):
    router.add("POST", "/kiosk/reset", handlers.reset)
