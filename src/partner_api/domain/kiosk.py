"""Kiosk mode: the demo account's data kept as a snapshot and put back in one transaction
(POST /kiosk/reset, served only when serve.py runs with --kiosk), and the start-up checks that
keep a kiosk away from real accounts."""
from ..clock import iso
from ..errors import NotTheKioskAccount
from .resellers import DEMO_EMAIL
from .seed import seed_demo


class KioskRefused(Exception):
    """serve.py --kiosk must not start on this database; the message says why and what to do."""


class Kiosk:
    def __init__(self, storage, clock):
        self.storage = storage
        self.clock = clock

    def snapshot_count(self):
        """Demo snapshots in the database: more than none makes it a kiosk's database."""
        with self.storage.read() as repo:
            return repo.snapshots.count()

    def take_snapshot(self, reseller_id):
        """Keeps the account's rows as its snapshot; returns how many customers it holds."""
        with self.storage.write(account=reseller_id) as repo:
            return repo.snapshots.take(reseller_id, iso(self.clock.now()))

    def reset(self, reseller_id):
        """One transaction: the demo data as the snapshot holds it, or nothing changed. Refuses
        any account that is not a demo account or has no snapshot. Returns the snapshot's date."""
        with self.storage.write(account=reseller_id) as repo:
            reseller = repo.resellers.get(reseller_id)
            # Checked inside the transaction: an account registered as real meanwhile is never touched.
            if reseller is None or not reseller["is_demo"] or repo.snapshots.info(reseller_id) is None:
                raise NotTheKioskAccount()
            # Answers kept for retried requests describe data that no longer exists.
            repo.idempotency.forget_reseller(reseller_id)
            return repo.snapshots.restore(reseller_id)

    def prepare(self, base_url):
        """Start-up of serve.py --kiosk: seeds an empty database, refuses one that holds registered
        resellers or no demo data, takes the demo account's snapshot the first time and restores
        it on every later start. Returns the lines to print."""
        where = self.storage.path
        with self.storage.read() as repo:
            empty = repo.resellers.count() == 0
        if empty:
            seed_demo(self.storage, self.clock.now(), base_url)
        with self.storage.read() as repo:
            real = repo.resellers.real_count()
            demo = repo.resellers.by_email(DEMO_EMAIL)
        if real:
            raise KioskRefused(
                f"serve.py --kiosk will not start: the database {where} holds {real} registered "
                f"reseller{'s' if real != 1 else ''}. A kiosk signs every visitor in without asking who they "
                "are, so it must never share a database with real accounts. Give the kiosk a database of its "
                "own, for example --db ./kiosk.db (a new file gets fresh demo data).")
        if demo is None or not demo["is_demo"]:
            raise KioskRefused(
                f"serve.py --kiosk will not start: the database {where} has no demo account "
                f"({DEMO_EMAIL}) to show. Give the kiosk a database of its own, for example "
                "--db ./kiosk.db (a new file gets fresh demo data).")
        with self.storage.write() as repo:
            customers = repo.customers.count(demo["id"])
            taken = repo.snapshots.info(demo["id"])
            if taken is None and customers == 0:
                raise KioskRefused(
                    f"serve.py --kiosk will not start: the demo account {DEMO_EMAIL} in {where} has no "
                    "customers, so a kiosk would show an empty console. Give the kiosk a database of its "
                    "own, for example --db ./kiosk.db (a new file gets fresh demo data).")
            if taken is None:
                count = repo.snapshots.take(demo["id"], iso(self.clock.now()))
                return [f"Kiosk: took a snapshot of the demo data ({count} customers); every reset returns to it."]
        self.reset(demo["id"])
        return [f"Kiosk: the demo data is as in its snapshot of {taken['taken_at'][:10]}."]
