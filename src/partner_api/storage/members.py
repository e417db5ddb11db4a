"""Team members: people with a role in one reseller account. A removed member keeps its row
(removed_at set) so the history and its sessions still point at someone."""
from .rows import Rows


class MemberRows(Rows):
    def add(self, reseller_id, email, name, role, now):
        return self._insert(
            "INSERT INTO members(reseller_id, email, name, role, added_at) VALUES (?, ?, ?, ?, ?)",
            (reseller_id, email, name, role, now))

    def get(self, reseller_id, member_id):
        """A current member of this account, or None (another account's, or removed)."""
        return self._one("SELECT * FROM members WHERE id = ? AND reseller_id = ? AND removed_at IS NULL",
                         (member_id, reseller_id))

    def by_id(self, member_id):
        """Any member row, removed or not (sessions check it is current themselves)."""
        return self._one("SELECT * FROM members WHERE id = ?", (member_id,))

    def by_email(self, reseller_id, email):
        return self._one("SELECT * FROM members WHERE reseller_id = ? AND email = ? AND removed_at IS NULL",
                         (reseller_id, email))

    def of_reseller(self, reseller_id):
        return self._all("SELECT * FROM members WHERE reseller_id = ? AND removed_at IS NULL ORDER BY id",
                         (reseller_id,))

    def accounts_of(self, email):
        """Every current membership of this email: the member's row with its account's name and
        whether that account is a demo account, oldest account first."""
        return self._all(
            "SELECT m.*, r.name AS reseller_name, r.is_demo AS reseller_is_demo FROM members m"
            " JOIN resellers r ON r.id = m.reseller_id"
            " WHERE m.email = ? AND m.removed_at IS NULL ORDER BY m.reseller_id", (email,))

    def count_admins(self, reseller_id):
        return self._one("SELECT COUNT(*) FROM members WHERE reseller_id = ? AND role = 'admin'"
                         " AND removed_at IS NULL", (reseller_id,))[0]

    def set_role(self, member_id, role):
        self.conn.execute("UPDATE members SET role = ? WHERE id = ?", (role, member_id))

    def remove(self, member_id, now):
        self.conn.execute("UPDATE members SET removed_at = ? WHERE id = ? AND removed_at IS NULL", (now, member_id))

    def signed_in(self, member_id, now):
        self.conn.execute("UPDATE members SET last_sign_in_at = ? WHERE id = ?", (now, member_id))
