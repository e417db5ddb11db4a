"""Resellers (the accounts) and their members' sign-in sessions."""
from .idempotency import reseller_scope
from .rows import Rows
from .snapshots import TABLES as OWNED_TABLES


class ResellerRows(Rows):
    def by_email(self, email):
        return self._one("SELECT * FROM resellers WHERE email = ?", (email,))

    def get(self, reseller_id):
        return self._one("SELECT * FROM resellers WHERE id = ?", (reseller_id,))

    def add(self, email, name, now, discount_bp=2000, demo=False):
        return self._insert(
            "INSERT INTO resellers(email, name, discount_bp, created_at, is_demo) VALUES (?, ?, ?, ?, ?)",
            (email, name, discount_bp, now, 1 if demo else 0))

    def rename(self, reseller_id, name):
        self.conn.execute("UPDATE resellers SET name = ? WHERE id = ?", (name, reseller_id))

    def set_billing(self, reseller_id, currency, tax_bp):
        """The account's currency and the VAT rate its invoices use outside Germany's rules."""
        self.conn.execute("UPDATE resellers SET currency = ?, tax_bp = ? WHERE id = ?", (currency, tax_bp, reseller_id))

    def make_real(self, reseller_id):
        self.conn.execute("UPDATE resellers SET is_demo = 0 WHERE id = ?", (reseller_id,))

    def clear_demo_account(self, reseller_id):
        """Every row the account owns, gone (its sessions stay, ended, until purged), and its terms
        and invoice counter as a new account's."""
        for table, where in reversed(OWNED_TABLES):
            self.conn.execute(f"DELETE FROM {table} WHERE {where}", (reseller_id,))
        self.conn.execute("DELETE FROM idempotency_keys WHERE scope = ?", (reseller_scope(reseller_id),))
        self.conn.execute("DELETE FROM demo_snapshots WHERE reseller_id = ?", (reseller_id,))
        self.conn.execute("UPDATE resellers SET discount_bp = 2000, tax_bp = 0, currency = 'USD', last_invoice_seq = 0"
                          " WHERE id = ?", (reseller_id,))

    def count(self):
        return self._one("SELECT COUNT(*) FROM resellers")[0]

    def real_count(self):
        return self._one("SELECT COUNT(*) FROM resellers WHERE is_demo = 0")[0]

    def take_invoice_seq(self, reseller_id):
        """Next invoice number; the counter only grows, so numbers are never reused."""
        self.conn.execute("UPDATE resellers SET last_invoice_seq = last_invoice_seq + 1 WHERE id = ?",
                          (reseller_id,))
        return self._one("SELECT last_invoice_seq FROM resellers WHERE id = ?", (reseller_id,))[0]


class SessionRows(Rows):
    def add(self, token_hash, reseller_id, member_id, now, expires_at):
        self.conn.execute(
            "INSERT INTO sessions(token_hash, reseller_id, member_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
            (token_hash, reseller_id, member_id, now, expires_at))

    def get(self, token_hash):
        return self._one("SELECT * FROM sessions WHERE token_hash = ?", (token_hash,))

    def end(self, token_hash, now):
        self.conn.execute("UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
                          (now, token_hash))

    def end_all_of(self, reseller_id, now):
        self.conn.execute("UPDATE sessions SET ended_at = ? WHERE reseller_id = ? AND ended_at IS NULL",
                          (now, reseller_id))

    def end_all_of_member(self, member_id, now):
        self.conn.execute("UPDATE sessions SET ended_at = ? WHERE member_id = ? AND ended_at IS NULL",
                          (now, member_id))

    def purge(self, before, limit):
        """Deletes up to `limit` sessions that expired, or were ended, before `before`."""
        return self.conn.execute(
            "DELETE FROM sessions WHERE token_hash IN (SELECT token_hash FROM sessions WHERE expires_at < ?"
            " UNION SELECT token_hash FROM sessions WHERE ended_at < ? LIMIT ?)", (before, before, limit)).rowcount
