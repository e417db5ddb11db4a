"""Resellers: the accounts (company name, customers, invoices), each a team of members.
Registered resellers' members sign in with Google; demo accounts are made by demo sign-in and
are anyone's."""
from ..clock import iso

DEMO_EMAIL = "demo@reseller.example"


class Resellers:
    def __init__(self, storage, clock):
        self.storage = storage
        self.clock = clock

    def register(self, email, name, demo=False, admin_name=None):
        """Adds a reseller with the person of `email` as its first Admin (named `admin_name`, or
        as the account), or renames an existing one; returns (row, created). Registering a
        real reseller whose email is a demo account makes that account real, ends every
        session demo sign-in opened on it (whoever used the demo is signed out for good) and
        starts it clean: a demo account is anyone's, so nothing its visitors made (customers
        and their live links, invoices, history, team members, stored answers, a kiosk
        snapshot) may become the real reseller's. It keeps its id; its only member is the
        Admin, as for a new account."""
        with self.storage.write() as repo:
            now = iso(self.clock.now())
            existing = repo.resellers.by_email(email.lower())
            if existing:
                repo.resellers.rename(existing["id"], name)
                if existing["is_demo"] and not demo:
                    repo.sessions.end_all_of(existing["id"], now)
                    repo.resellers.clear_demo_account(existing["id"])
                    repo.resellers.make_real(existing["id"])
                    repo.members.add(existing["id"], email.lower(), admin_name or name, "admin", now)
                return repo.resellers.get(existing["id"]), False
            reseller_id = repo.resellers.add(email.lower(), name, now, demo=demo)
            repo.members.add(reseller_id, email.lower(), admin_name or name, "admin", now)
            return repo.resellers.get(reseller_id), True

    def by_email(self, email):
        with self.storage.read() as repo:
            return repo.resellers.by_email(email.lower())

    def count(self):
        with self.storage.read() as repo:
            return repo.resellers.count()

    def real_count(self):
        """Registered resellers (not demo accounts)."""
        with self.storage.read() as repo:
            return repo.resellers.real_count()
