"""Customers (with their search index and kept list totals) and their invitations."""
import re

from .list_cache import generation
from .rows import Rows, set_clause

# The API's sorts and the column (with its covering index) each one reads.
SORT_COLUMNS = {"name": "name_key", "created_at": "created_at", "renews_at": "renews_key", "licenses": "licenses"}
# A customer as the CSV export reads it (export_page): the API's names of its columns, in order.
EXPORT_FIELDS = ("name", "organization", "email", "google_domain", "status", "plan", "billing_cycle",
                 "subscription_status", "licenses", "renews_at", "monthly_value", "currency", "created_at", "id")
# A customer's billing details (issue 18), each its own column: optional until the first invoice.
BILLING_COLUMNS = ("billing_street", "billing_postal_code", "billing_city", "billing_country", "billing_vat_id",
                   "billing_language", "billing_email", "billing_reference")
CUSTOMER_COLUMNS = {"name", "email", "organization", "status", "invitation_id", "name_key",
                    "licenses", "renews_key", "google_domain", "reseller_id", "domain_scope", *BILLING_COLUMNS}
INVITATION_COLUMNS = {"url_token", "status", "accepted_at", "ended_at", "answered_by", "answered_by_name",
                      "answer_method", "reseller_id"}
# Statuses in which a customer holds its Google domain (the unique index customers_live_domain).
HOLDS_DOMAIN = ("invited", "active", "suspended")


def fts_query(text):
    """Each word of the search becomes a quoted prefix term, so user text is never FTS syntax."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{word}"*' for word in words) or None


class CustomerRows(Rows):
    __slots__ = ("lists",)

    def __init__(self, conn, lists):
        super().__init__(conn)
        self.lists = lists

    def add(self, reseller_id, name, email, google_domain, organization, status, now, name_key, domain_scope=0):
        """`domain_scope`: where the Google domain must be one live customer's (0: among every
        registered reseller; a demo account's id: within that demo account)."""
        return self._insert(
            "INSERT INTO customers(reseller_id, name, email, google_domain, organization, status,"
            " created_at, name_key, domain_scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (reseller_id, name, email, google_domain, organization, status, now, name_key, domain_scope))

    def get(self, reseller_id, customer_id):
        # The reseller is part of every lookup: another reseller's row is simply not found.
        return self._one("SELECT * FROM customers WHERE id = ? AND reseller_id = ?",
                         (customer_id, reseller_id))

    def update(self, customer_id, **changes):
        clause, params = set_clause(changes, CUSTOMER_COLUMNS)
        self.conn.execute(f"UPDATE customers SET {clause} WHERE id = ?", params + [customer_id])

    def live_domain_owner(self, google_domain, domain_scope=0):
        return self._one("SELECT id, reseller_id FROM customers WHERE google_domain = ? AND domain_scope = ?"
                         " AND status IN (?, ?, ?)", (google_domain, domain_scope, *HOLDS_DOMAIN))

    def live_domain_owners(self, google_domains, domain_scope=0):
        """{domain: (id, reseller_id)} of the domains that belong to a live customer (an import's preview)."""
        domains, found = sorted(set(google_domains)), {}
        for start in range(0, len(domains), 500):
            part = domains[start:start + 500]
            found.update((row["google_domain"], row) for row in self._all(
                "SELECT google_domain, id, reseller_id FROM customers WHERE domain_scope = ?"
                f" AND status IN ('invited', 'active') AND google_domain IN ({','.join('?' * len(part))})",
                [domain_scope] + part))
        return found

    def by_ids(self, reseller_id, ids):
        """{id: row} of the reseller's customers among `ids` (another reseller's are not there)."""
        ids, found = list(ids), {}
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            found.update((row["id"], row) for row in self._all(
                f"SELECT * FROM customers WHERE reseller_id = ? AND id IN ({','.join('?' * len(part))})",
                [reseller_id] + part))
        return found

    def matching(self, reseller_id, search, status, limit):
        """Every customer the list's search and status filter keep (a bulk job's selection), in
        name order, at most `limit`."""
        where, params = self._filter(reseller_id, status, self._match(search) if search else None)
        return self._all(f"SELECT * FROM customers WHERE {' AND '.join(where)} ORDER BY name_key, id LIMIT ?",
                         params + [limit])

    def count_by_status(self, reseller_id):
        return {row[0]: row[1] for row in self._all(
            "SELECT status, COUNT(*) FROM customers WHERE reseller_id = ? GROUP BY status",
            (reseller_id,))}

    def count(self, reseller_id):
        return self._count(reseller_id, None, None)

    def _count(self, reseller_id, status, match):
        where, params = self._filter(reseller_id, status, match)
        return self._one(f"SELECT COUNT(*) FROM customers WHERE {' AND '.join(where)}", params)[0]

    def page(self, reseller_id, search, status, sort, descending, after, offset, limit):
        """(rows, total, next key) of one page of the sort: after the keyset `after` (sort key
        and id of the previous page's last row), or at position `offset`. The total is kept
        while the list is unchanged (list_cache.py)."""
        match = self._match(search) if search else None
        rid = reseller_id
        gen = generation(self.conn, rid, "customers")  # before the count: see list_cache.py
        total = self.lists.total(("customers", rid, status, match), gen, lambda: self._count(rid, status, match))
        if offset is None:
            rows = self._list(rid, status, match, sort, descending, after, limit + 1)
            more = len(rows) > limit
            rows = rows[:limit]
        else:
            ids = self.lists.ids_at(
                ("customers", rid, status, match, sort, descending), gen, total, offset, limit,
                lambda step: self._samples_of(rid, status, match, sort, descending, step),
                lambda reverse, o, n: self._ids_at(rid, status, match, sort, descending != reverse, o, n),
                lambda sample, skip, n: self._ids_from(rid, status, match, sort, descending, sample, skip, n))
            rows = self._rows_in_order("SELECT * FROM customers", "id", ids)
            more = offset + len(rows) < total
        column = SORT_COLUMNS[sort]
        return rows, total, ((rows[-1][column], rows[-1]["id"]) if more and rows else None)

    def export_page(self, reseller_id, search, status, sort, descending, after, limit, no_renewal):
        """(records, next key): one page by keyset without counting the list (the CSV export),
        each customer with its subscription in one query, as a row of EXPORT_FIELDS then its
        sort key. `renews_at` is empty without a subscription or where the kept key is
        `no_renewal`. One joined query of the fields a file shows: 100,000 customers are read
        in about two thirds of the time of the list's rows and their subscriptions apart."""
        column = SORT_COLUMNS[sort]
        inner, params = self._list_sql(reseller_id, status, self._match(search) if search else None, sort,
                                       descending, after, limit + 1,
                                       f"{column} AS sort_value, id, name, organization, email, google_domain,"
                                       " status, created_at, renews_key")
        direction = "DESC" if descending else "ASC"
        rows = self._all(
            "SELECT c.name, c.organization, c.email, c.google_domain, c.status, s.plan, s.billing_cycle, s.status,"
            " s.licenses, CASE WHEN s.id IS NULL OR c.renews_key = ? THEN NULL ELSE c.renews_key END,"
            " s.monthly_value, s.currency, c.created_at, c.id, c.sort_value"
            f" FROM ({inner}) c LEFT JOIN subscriptions s ON s.customer_id = c.id"
            f" ORDER BY c.sort_value {direction}, c.id {direction}", [no_renewal] + params)
        more = len(rows) > limit
        rows = rows[:limit]
        return rows, ((rows[-1][-1], rows[-1][-2]) if more and rows else None)

    @staticmethod
    def _match(search):
        """The search as the filter takes it (and as list totals are kept by)."""
        return fts_query(search)

    def _filter(self, reseller_id, status, match):
        where, params = ["reseller_id = ?"], [reseller_id]
        if status:
            where.append("status = ?")
            params.append(status)
        if match:
            clauses, values = self._search(match)
            where += clauses
            params += values
        return where, params

    @staticmethod
    def _sort_key(sort, match):
        """The expression a sort orders by (its column; a database may order a search otherwise)."""
        return SORT_COLUMNS[sort]

    @staticmethod
    def _search(match):
        """(conditions, parameters) that keep the customers the search matches."""
        return ["id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)"], [match]

    def _list(self, reseller_id, status, match, sort, descending, after, limit):
        """One page in keyset order; `after` is (sort key, id) of the previous page's last row."""
        return self._all(*self._list_sql(reseller_id, status, match, sort, descending, after, limit))

    def _list_sql(self, reseller_id, status, match, sort, descending, after, limit, select="*"):
        column = self._sort_key(sort, match)
        where, params = self._filter(reseller_id, status, match)
        direction = "DESC" if descending else "ASC"
        if after is not None:
            where.append(f"({column}, id) {'<' if descending else '>'} (?, ?)")
            params.extend(after)
        sql = (f"SELECT {select} FROM customers WHERE {' AND '.join(where)}"
               f" ORDER BY {column} {direction}, id {direction} LIMIT ?")
        return sql, params + [limit]

    def _ids_at(self, reseller_id, status, match, sort, descending, offset, limit):
        """Ids of the customers at positions offset..offset+limit-1 of the sort: an index-only
        scan of the sort's covering index (reseller, key, id), rows are read only for the page."""
        column = self._sort_key(sort, match)
        where, params = self._filter(reseller_id, status, match)
        direction = "DESC" if descending else "ASC"
        return [row[0] for row in self._all(
            f"SELECT id FROM customers WHERE {' AND '.join(where)}"
            f" ORDER BY {column} {direction}, id {direction} LIMIT ? OFFSET ?", params + [limit, offset])]

    def _samples_of(self, reseller_id, status, match, sort, descending, step):
        """(sort key, id) of rows 0, step, 2·step, … of the sort."""
        where, params = self._filter(reseller_id, status, match)
        return self._samples("customers", self._sort_key(sort, match), "id", where, params, descending, step)

    def _ids_from(self, reseller_id, status, match, sort, descending, anchor, skip, limit):
        """Ids of `limit` rows of the sort, starting `skip` rows after the row `anchor` (its
        sort key and id, from _samples_of): a seek in the sort's index, then a short skip."""
        column = self._sort_key(sort, match)
        where, params = self._filter(reseller_id, status, match)
        direction = "DESC" if descending else "ASC"
        where.append(f"({column}, id) {'<=' if descending else '>='} (?, ?)")
        return [row[0] for row in self._all(
            f"SELECT id FROM customers WHERE {' AND '.join(where)}"
            f" ORDER BY {column} {direction}, id {direction} LIMIT ? OFFSET ?",
            params + list(anchor) + [limit, skip])]


class InvitationRows(Rows):
    def add(self, customer_id, reseller_id, token_hash, url_token, sent_at, expires_at):
        return self._insert(
            "INSERT INTO invitations(customer_id, reseller_id, token_hash, url_token, status,"
            " sent_at, expires_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)",
            (customer_id, reseller_id, token_hash, url_token, sent_at, expires_at))

    def get(self, invitation_id):
        return self._one("SELECT * FROM invitations WHERE id = ?", (invitation_id,))

    def by_ids(self, ids):
        ids = list(ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {row["id"]: row for row in self._all(
            f"SELECT * FROM invitations WHERE id IN ({marks})", ids)}

    def by_token_hash(self, token_hash):
        return self._one("SELECT * FROM invitations WHERE token_hash = ?", (token_hash,))

    def update(self, invitation_id, **changes):
        clause, params = set_clause(changes, INVITATION_COLUMNS)
        self.conn.execute(f"UPDATE invitations SET {clause} WHERE id = ?", params + [invitation_id])

    def move(self, customer_id, reseller_id):
        """Every invitation of the customer goes with it to another reseller (a transfer)."""
        self.conn.execute("UPDATE invitations SET reseller_id = ? WHERE customer_id = ?", (reseller_id, customer_id))

    def current_of(self, customer_id):
        """The customer's current invitation (the last one sent), or None."""
        return self._one("SELECT i.* FROM customers c JOIN invitations i ON i.id = c.invitation_id"
                         " WHERE c.id = ?", (customer_id,))
