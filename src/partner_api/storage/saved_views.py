"""Saved views of the customer list (issue 19): a member's, personal or shared with the team."""
from .rows import Rows, set_clause


class SavedViewRows(Rows):
    def add(self, reseller_id, member_id, name, shared, q, status, sort, columns, now):
        return self._insert(
            "INSERT INTO saved_views(reseller_id, member_id, name, shared, q, status, sort, columns, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (reseller_id, member_id, name, shared, q, status, sort, columns, now, now))

    def visible_to(self, reseller_id, member_id):
        """The member's own views and the team's shared ones, with who made each, by name."""
        return self._all(
            "SELECT v.*, m.name AS owner_name, m.email AS owner_email FROM saved_views v"
            " LEFT JOIN members m ON m.id = v.member_id"
            " WHERE v.reseller_id = ? AND (v.member_id = ? OR v.shared = 1) ORDER BY v.name, v.id",
            (reseller_id, member_id))

    def get(self, reseller_id, view_id):
        return self._one(
            "SELECT v.*, m.name AS owner_name, m.email AS owner_email FROM saved_views v"
            " LEFT JOIN members m ON m.id = v.member_id WHERE v.id = ? AND v.reseller_id = ?", (view_id, reseller_id))

    def named(self, reseller_id, member_id, name):
        return self._one("SELECT id FROM saved_views WHERE reseller_id = ? AND member_id = ? AND name = ?",
                         (reseller_id, member_id, name))

    def count_of(self, reseller_id, member_id):
        return self._one("SELECT COUNT(*) FROM saved_views WHERE reseller_id = ? AND member_id = ?",
                         (reseller_id, member_id))[0]

    def update(self, view_id, **changes):
        clause, params = set_clause(changes, {"name", "shared", "q", "status", "sort", "columns", "updated_at"})
        self.conn.execute(f"UPDATE saved_views SET {clause} WHERE id = ?", params + [view_id])

    def delete(self, view_id):
        self.conn.execute("DELETE FROM saved_views WHERE id = ?", (view_id,))
