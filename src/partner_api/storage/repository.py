"""All SQL lives here. Every statement is parametrised; the only names spliced into SQL
are column names from fixed tables in this module, never request text."""
import json

CUSTOMER_SORTS = {"name": "name_key", "created_at": "created_at",
                  "renews_at": "renews_key", "licenses": "licenses"}

SUBSCRIPTION_COLUMNS = {
    "plan", "billing_cycle", "licenses", "status", "started_at", "term_start", "term_end",
    "next_bill_on", "auto_renew", "unit_price", "monthly_value", "currency", "scheduled_plan",
    "scheduled_cycle", "cancel_reason", "cancelled_at", "resume_status", "next_event_on",
}
CUSTOMER_COLUMNS = {"name", "email", "organization", "status", "invitation_id", "name_key",
                    "licenses", "renews_key"}
INVITATION_COLUMNS = {"url_token", "status", "accepted_at", "ended_at"}


def _set_clause(changes, allowed):
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    names = sorted(changes)
    return ", ".join(f"{name} = ?" for name in names), [changes[name] for name in names]


class Repository:
    def __init__(self, conn):
        self.conn = conn

    def _one(self, sql, params=()):
        return self.conn.execute(sql, params).fetchone()

    def _all(self, sql, params=()):
        return self.conn.execute(sql, params).fetchall()

    def _insert(self, sql, params):
        return self.conn.execute(sql, params).lastrowid

    # -- resellers -------------------------------------------------------------------------
    def reseller_by_email(self, email):
        return self._one("SELECT * FROM resellers WHERE email = ?", (email,))

    def reseller(self, reseller_id):
        return self._one("SELECT * FROM resellers WHERE id = ?", (reseller_id,))

    def insert_reseller(self, email, name, now, discount_bp=2000, demo=False):
        return self._insert(
            "INSERT INTO resellers(email, name, discount_bp, created_at, is_demo) VALUES (?, ?, ?, ?, ?)",
            (email, name, discount_bp, now, 1 if demo else 0))

    def rename_reseller(self, reseller_id, name):
        self.conn.execute("UPDATE resellers SET name = ? WHERE id = ?", (name, reseller_id))

    def make_real_reseller(self, reseller_id):
        self.conn.execute("UPDATE resellers SET is_demo = 0 WHERE id = ?", (reseller_id,))

    def reseller_count(self):
        return self._one("SELECT COUNT(*) FROM resellers")[0]

    def real_reseller_count(self):
        return self._one("SELECT COUNT(*) FROM resellers WHERE is_demo = 0")[0]

    def take_invoice_seq(self, reseller_id):
        """Next invoice number; the counter only grows, so numbers are never reused."""
        self.conn.execute("UPDATE resellers SET last_invoice_seq = last_invoice_seq + 1 WHERE id = ?",
                          (reseller_id,))
        return self._one("SELECT last_invoice_seq FROM resellers WHERE id = ?", (reseller_id,))[0]

    # -- sessions --------------------------------------------------------------------------
    def insert_session(self, token_hash, reseller_id, now, expires_at):
        self.conn.execute(
            "INSERT INTO sessions(token_hash, reseller_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
            (token_hash, reseller_id, now, expires_at))

    def session(self, token_hash):
        return self._one("SELECT * FROM sessions WHERE token_hash = ?", (token_hash,))

    def end_session(self, token_hash, now):
        self.conn.execute("UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
                          (now, token_hash))

    def end_sessions_of(self, reseller_id, now):
        self.conn.execute("UPDATE sessions SET ended_at = ? WHERE reseller_id = ? AND ended_at IS NULL",
                          (now, reseller_id))

    # -- customers -------------------------------------------------------------------------
    def insert_customer(self, reseller_id, name, email, google_domain, organization, status,
                        now, name_key):
        return self._insert(
            "INSERT INTO customers(reseller_id, name, email, google_domain, organization, status,"
            " created_at, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (reseller_id, name, email, google_domain, organization, status, now, name_key))

    def customer(self, reseller_id, customer_id):
        # The reseller is part of every lookup: another reseller's row is simply not found.
        return self._one("SELECT * FROM customers WHERE id = ? AND reseller_id = ?",
                         (customer_id, reseller_id))

    def update_customer(self, customer_id, **changes):
        clause, params = _set_clause(changes, CUSTOMER_COLUMNS)
        self.conn.execute(f"UPDATE customers SET {clause} WHERE id = ?", params + [customer_id])

    def live_domain_owner(self, google_domain):
        return self._one("SELECT id, reseller_id FROM customers WHERE google_domain = ?"
                         " AND status IN ('invited', 'active')", (google_domain,))

    def _customer_filter(self, reseller_id, status, match):
        where, params = ["reseller_id = ?"], [reseller_id]
        if status:
            where.append("status = ?")
            params.append(status)
        if match:
            where.append("id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)")
            params.append(match)
        return where, params

    def count_customers(self, reseller_id, status=None, match=None):
        where, params = self._customer_filter(reseller_id, status, match)
        return self._one(f"SELECT COUNT(*) FROM customers WHERE {' AND '.join(where)}", params)[0]

    def list_customers(self, reseller_id, status, match, sort, descending, after, limit):
        """One page in keyset order; `after` is (sort key, id) of the previous page's last row."""
        column = CUSTOMER_SORTS[sort]
        where, params = self._customer_filter(reseller_id, status, match)
        direction = "DESC" if descending else "ASC"
        if after is not None:
            where.append(f"({column}, id) {'<' if descending else '>'} (?, ?)")
            params.extend(after)
        sql = (f"SELECT * FROM customers WHERE {' AND '.join(where)}"
               f" ORDER BY {column} {direction}, id {direction} LIMIT ?")
        return self._all(sql, params + [limit])

    def customer_ids_at(self, reseller_id, status, match, sort, descending, offset, limit):
        """Ids of the customers at positions offset..offset+limit-1 of the sort: an index-only
        scan of the sort's covering index (reseller, key, id), rows are read only for the page."""
        column = CUSTOMER_SORTS[sort]
        where, params = self._customer_filter(reseller_id, status, match)
        direction = "DESC" if descending else "ASC"
        return [row[0] for row in self._all(
            f"SELECT id FROM customers WHERE {' AND '.join(where)}"
            f" ORDER BY {column} {direction}, id {direction} LIMIT ? OFFSET ?", params + [limit, offset])]

    def customer_samples(self, reseller_id, status, match, sort, descending, step):
        """(sort key, id) of rows 0, step, 2·step, … of the sort."""
        where, params = self._customer_filter(reseller_id, status, match)
        return self._samples("customers", CUSTOMER_SORTS[sort], "id", where, params, descending, step)

    def customer_ids_from(self, reseller_id, status, match, sort, descending, anchor, skip, limit):
        """Ids of `limit` rows of the sort, starting `skip` rows after the row `anchor` (its
        sort key and id, from customer_samples): a seek in the sort's index, then a short skip."""
        column = CUSTOMER_SORTS[sort]
        where, params = self._customer_filter(reseller_id, status, match)
        direction = "DESC" if descending else "ASC"
        where.append(f"({column}, id) {'<=' if descending else '>='} (?, ?)")
        return [row[0] for row in self._all(
            f"SELECT id FROM customers WHERE {' AND '.join(where)}"
            f" ORDER BY {column} {direction}, id {direction} LIMIT ? OFFSET ?",
            params + list(anchor) + [limit, skip])]

    def _samples(self, table, key, id_column, where, params, descending, step):
        """(key, id) of rows 0, step, 2·step, … of `table` ordered by (key, id): from each sample
        one seek in the sort's index and a skip of step - 1 entries to the next, never a sort."""
        direction, beyond = ("DESC", "<") if descending else ("ASC", ">")
        sql = (f"SELECT {key}, {id_column} FROM {table} WHERE {' AND '.join(where)}{{}}"
               f" ORDER BY {key} {direction}, {id_column} {direction} LIMIT 1 OFFSET ?")
        row = self._one(sql.format(""), params + [0])
        samples = []
        while row is not None:
            samples.append((row[0], row[1]))
            row = self._one(sql.format(f" AND ({key}, {id_column}) {beyond} (?, ?)"),
                            params + [row[0], row[1], step - 1])
        return samples

    def _rows_in_order(self, select, id_column, ids):
        """The rows of `select` whose id is in `ids`, in the order of `ids`."""
        ids = list(ids)
        if not ids:
            return []
        rows = {row["id"]: row for row in self._all(
            f"{select} WHERE {id_column} IN ({','.join('?' * len(ids))})", ids)}
        return [rows[i] for i in ids if i in rows]

    def customers_by_ids(self, ids):
        return self._rows_in_order("SELECT * FROM customers", "id", ids)

    def customers_by_status(self, reseller_id):
        return {row[0]: row[1] for row in self._all(
            "SELECT status, COUNT(*) FROM customers WHERE reseller_id = ? GROUP BY status",
            (reseller_id,))}

    # -- invitations -----------------------------------------------------------------------
    def insert_invitation(self, customer_id, reseller_id, token_hash, url_token, sent_at, expires_at):
        return self._insert(
            "INSERT INTO invitations(customer_id, reseller_id, token_hash, url_token, status,"
            " sent_at, expires_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)",
            (customer_id, reseller_id, token_hash, url_token, sent_at, expires_at))

    def invitation(self, invitation_id):
        return self._one("SELECT * FROM invitations WHERE id = ?", (invitation_id,))

    def invitations(self, ids):
        ids = list(ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {row["id"]: row for row in self._all(
            f"SELECT * FROM invitations WHERE id IN ({marks})", ids)}

    def invitation_by_token_hash(self, token_hash):
        return self._one("SELECT * FROM invitations WHERE token_hash = ?", (token_hash,))

    def update_invitation(self, invitation_id, **changes):
        clause, params = _set_clause(changes, INVITATION_COLUMNS)
        self.conn.execute(f"UPDATE invitations SET {clause} WHERE id = ?", params + [invitation_id])

    # -- subscriptions ---------------------------------------------------------------------
    def insert_subscription(self, values):
        names = sorted(values)
        return self._insert(
            f"INSERT INTO subscriptions({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [values[name] for name in names])

    def subscription_of(self, customer_id):
        return self._one("SELECT * FROM subscriptions WHERE customer_id = ?", (customer_id,))

    def subscriptions_of(self, customer_ids):
        ids = list(customer_ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {row["customer_id"]: row for row in self._all(
            f"SELECT * FROM subscriptions WHERE customer_id IN ({marks})", ids)}

    def update_subscription(self, subscription_id, **changes):
        clause, params = _set_clause(changes, SUBSCRIPTION_COLUMNS)
        self.conn.execute(f"UPDATE subscriptions SET {clause} WHERE id = ?", params + [subscription_id])

    def has_due_subscription(self, reseller_id, today):
        return self._one("SELECT 1 FROM subscriptions WHERE reseller_id = ? AND next_event_on <= ?"
                         " LIMIT 1", (reseller_id, today)) is not None

    def next_due_subscription(self, reseller_id, today):
        return self._one("SELECT * FROM subscriptions WHERE reseller_id = ? AND next_event_on <= ?"
                         " ORDER BY next_event_on, id LIMIT 1", (reseller_id, today))

    def subscription_totals(self, reseller_id):
        return self._one(
            "SELECT COALESCE(SUM(licenses), 0) AS licenses, COALESCE(SUM(monthly_value), 0) AS mrr"
            " FROM subscriptions WHERE reseller_id = ? AND status IN ('trial', 'active', 'pending_cancel')",
            (reseller_id,))

    def renewals_between(self, reseller_id, first_term_end, last_term_end):
        return self._all(
            "SELECT s.*, c.name AS customer_name, c.organization AS customer_organization"
            " FROM subscriptions s JOIN customers c ON c.id = s.customer_id"
            " WHERE s.reseller_id = ? AND s.status = 'active' AND s.auto_renew = 1"
            " AND s.term_end >= ? AND s.term_end < ? ORDER BY s.term_end, s.id",
            (reseller_id, first_term_end, last_term_end))

    # -- license orders --------------------------------------------------------------------
    def insert_license_order(self, reseller_id, customer_id, subscription_id, before, after,
                             amount, currency, invoice_id, now):
        return self._insert(
            "INSERT INTO license_orders(reseller_id, customer_id, subscription_id, licenses_before,"
            " licenses_after, amount, currency, invoice_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (reseller_id, customer_id, subscription_id, before, after, amount, currency,
             invoice_id, now))

    def license_order(self, order_id):
        return self._one("SELECT * FROM license_orders WHERE id = ?", (order_id,))

    def license_orders_of(self, subscription_id):
        return self._all("SELECT * FROM license_orders WHERE subscription_id = ? ORDER BY id",
                         (subscription_id,))

    # -- invoices --------------------------------------------------------------------------
    def insert_invoice(self, reseller_id, customer_id, seq, number, status, currency, subtotal,
                       tax, total, issued_at, due_at, lines, paid_at=None):
        invoice_id = self._insert(
            "INSERT INTO invoices(reseller_id, customer_id, seq, number, status, currency, subtotal,"
            " tax, total, issued_at, due_at, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (reseller_id, customer_id, seq, number, status, currency, subtotal, tax, total,
             issued_at, due_at, paid_at))
        self.conn.executemany(
            "INSERT INTO invoice_lines(invoice_id, position, description, quantity, unit_amount,"
            " amount) VALUES (?, ?, ?, ?, ?, ?)",
            [(invoice_id, position, line["description"], line["quantity"], line["unit_amount"],
              line["amount"]) for position, line in enumerate(lines, 1)])
        return invoice_id

    def invoice(self, reseller_id, invoice_id):
        return self._one(
            "SELECT i.*, c.name AS customer_name, c.organization AS customer_organization,"
            " c.email AS customer_email, c.google_domain AS customer_domain"
            " FROM invoices i JOIN customers c ON c.id = i.customer_id"
            " WHERE i.id = ? AND i.reseller_id = ?", (invoice_id, reseller_id))

    def invoice_lines(self, invoice_id):
        return self._all("SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY position",
                         (invoice_id,))

    def set_invoice_status(self, invoice_id, status, paid_at=None):
        self.conn.execute("UPDATE invoices SET status = ?, paid_at = ? WHERE id = ?",
                          (status, paid_at, invoice_id))

    def _invoice_filter(self, reseller_id, customer_id, status, issued_from, issued_to, now):
        where, params = ["i.reseller_id = ?"], [reseller_id]
        if customer_id is not None:
            where.append("i.customer_id = ?")
            params.append(customer_id)
        # overdue is not stored: it is an open invoice past its due date at this moment.
        if status == "overdue":
            where += ["i.status = 'open'", "i.due_at < ?"]
            params.append(now)
        elif status == "open":
            where += ["i.status = 'open'", "i.due_at >= ?"]
            params.append(now)
        elif status:
            where.append("i.status = ?")
            params.append(status)
        if issued_from:
            where.append("i.issued_at >= ?")
            params.append(issued_from)
        if issued_to:
            where.append("i.issued_at < ?")
            params.append(issued_to)
        return where, params

    def count_invoices(self, reseller_id, customer_id, status, issued_from, issued_to, now):
        where, params = self._invoice_filter(reseller_id, customer_id, status, issued_from,
                                             issued_to, now)
        return self._one(f"SELECT COUNT(*) FROM invoices i WHERE {' AND '.join(where)}", params)[0]

    def list_invoices(self, reseller_id, customer_id, status, issued_from, issued_to, now,
                      after, limit):
        """Newest first; `after` is (issued_at, id) of the previous page's last row."""
        where, params = self._invoice_filter(reseller_id, customer_id, status, issued_from,
                                             issued_to, now)
        if after is not None:
            where.append("(i.issued_at, i.id) < (?, ?)")
            params.extend(after)
        sql = ("SELECT i.*, c.name AS customer_name, c.organization AS customer_organization"
               " FROM invoices i JOIN customers c ON c.id = i.customer_id"
               f" WHERE {' AND '.join(where)} ORDER BY i.issued_at DESC, i.id DESC")
        if limit is None:
            return self.conn.execute(sql, params)  # a cursor: the CSV export streams it
        return self._all(sql + " LIMIT ?", params + [limit])

    def invoice_ids_at(self, reseller_id, customer_id, status, issued_from, issued_to, now, oldest_first,
                       offset, limit):
        """Ids of the invoices at positions offset..offset+limit-1, newest first (or oldest
        first, to reach positions near the end from that side): an index-only scan."""
        where, params = self._invoice_filter(reseller_id, customer_id, status, issued_from,
                                             issued_to, now)
        direction = "ASC" if oldest_first else "DESC"
        return [row[0] for row in self._all(
            f"SELECT i.id FROM invoices i WHERE {' AND '.join(where)}"
            f" ORDER BY i.issued_at {direction}, i.id {direction} LIMIT ? OFFSET ?", params + [limit, offset])]

    def invoice_samples(self, reseller_id, customer_id, status, issued_from, issued_to, now, step):
        """(issued_at, id) of rows 0, step, 2·step, … newest first."""
        where, params = self._invoice_filter(reseller_id, customer_id, status, issued_from,
                                             issued_to, now)
        return self._samples("invoices i", "i.issued_at", "i.id", where, params, True, step)

    def invoice_ids_from(self, reseller_id, customer_id, status, issued_from, issued_to, now, anchor, skip,
                         limit):
        where, params = self._invoice_filter(reseller_id, customer_id, status, issued_from,
                                             issued_to, now)
        where.append("(i.issued_at, i.id) <= (?, ?)")
        return [row[0] for row in self._all(
            f"SELECT i.id FROM invoices i WHERE {' AND '.join(where)}"
            " ORDER BY i.issued_at DESC, i.id DESC LIMIT ? OFFSET ?", params + list(anchor) + [limit, skip])]

    def invoices_by_ids(self, ids):
        return self._rows_in_order(
            "SELECT i.*, c.name AS customer_name, c.organization AS customer_organization"
            " FROM invoices i JOIN customers c ON c.id = i.customer_id", "i.id", ids)

    def invoice_totals(self, reseller_id, now):
        return self._one(
            "SELECT"
            " COALESCE(SUM(due_at >= ?), 0) AS open_count,"
            " COALESCE(SUM(CASE WHEN due_at >= ? THEN total END), 0) AS open_amount,"
            " COALESCE(SUM(due_at < ?), 0) AS overdue_count,"
            " COALESCE(SUM(CASE WHEN due_at < ? THEN total END), 0) AS overdue_amount"
            " FROM invoices WHERE reseller_id = ? AND status = 'open'",
            (now, now, now, now, reseller_id))

    def revenue_by_month(self, reseller_id, since):
        return {row[0]: row[1] for row in self._all(
            "SELECT substr(issued_at, 1, 7), SUM(total) FROM invoices"
            " WHERE reseller_id = ? AND issued_at >= ? AND status != 'void'"
            " GROUP BY substr(issued_at, 1, 7)", (reseller_id, since))}

    def invoices_of_customer(self, reseller_id, customer_id):
        return self._all("SELECT * FROM invoices WHERE reseller_id = ? AND customer_id = ?"
                         " ORDER BY id", (reseller_id, customer_id))

    # -- activity and outbox ---------------------------------------------------------------
    def insert_activity(self, reseller_id, customer_id, actor, action, summary, before, after, now):
        return self._insert(
            "INSERT INTO activity(reseller_id, customer_id, actor, action, summary, before_json,"
            " after_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (reseller_id, customer_id, actor, action, summary,
             None if before is None else json.dumps(before, ensure_ascii=False, sort_keys=True),
             None if after is None else json.dumps(after, ensure_ascii=False, sort_keys=True), now))

    def list_activity(self, reseller_id, customer_id, before_id, limit):
        where, params = ["a.reseller_id = ?"], [reseller_id]
        if customer_id is not None:
            where.append("a.customer_id = ?")
            params.append(customer_id)
        if before_id is not None:
            where.append("a.id < ?")
            params.append(before_id)
        return self._all(
            "SELECT a.*, c.name AS customer_name FROM activity a"
            " LEFT JOIN customers c ON c.id = a.customer_id"
            f" WHERE {' AND '.join(where)} ORDER BY a.id DESC LIMIT ?", params + [limit])

    def insert_outbox(self, reseller_id, customer_id, to_email, subject, body, now):
        return self._insert(
            "INSERT INTO outbox(reseller_id, customer_id, to_email, subject, body, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)", (reseller_id, customer_id, to_email, subject, body, now))

    # -- idempotency -----------------------------------------------------------------------
    def idempotent_response(self, scope, key):
        return self._one("SELECT * FROM idempotency_keys WHERE scope = ? AND key = ?", (scope, key))

    def store_idempotent_response(self, scope, key, request_hash, status, content_type, body, now):
        self.conn.execute(
            "INSERT INTO idempotency_keys(scope, key, request_hash, status, content_type, body,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (scope, key, request_hash, status, content_type, body, now))
