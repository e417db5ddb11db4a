"""Bulk jobs and their rows (issue 19). A job's counters (done, failed, skipped) are kept on the
job and moved in the transaction that finishes its rows, so a status poll never counts 100,000
rows. A row is finished exactly once: the worker reads pending rows inside its write
transaction and marks each in the same transaction as the change it made."""
from .rows import Rows, set_clause

JOB_COLUMNS = {"status", "received", "done", "failed", "skipped", "note", "started_at", "finished_at",
               "lease_owner", "lease_until", "total"}
OPEN = ("receiving", "queued", "running")


class BulkJobRows(Rows):
    def add(self, reseller_id, member, action, licenses, selection, base_url, status, total, now):
        return self._insert(
            "INSERT INTO bulk_jobs(reseller_id, member_id, actor, actor_name, action, licenses, selection, base_url,"
            " status, total, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (reseller_id, member["id"], member["email"], member["name"], action, licenses, selection, base_url,
             status, total, now))

    def get(self, reseller_id, job_id):
        """The reseller's job, or None (another reseller's is simply not there)."""
        return self._one("SELECT * FROM bulk_jobs WHERE id = ? AND reseller_id = ?", (job_id, reseller_id))

    def by_id(self, job_id):
        return self._one("SELECT * FROM bulk_jobs WHERE id = ?", (job_id,))

    def recent(self, reseller_id, only_open, limit):
        where = "reseller_id = ?" + (" AND status IN ('receiving', 'queued', 'running')" if only_open else "")
        return self._all(f"SELECT * FROM bulk_jobs WHERE {where} ORDER BY id DESC LIMIT ?", (reseller_id, limit))

    def update(self, job_id, **changes):
        clause, params = set_clause(changes, JOB_COLUMNS)
        self.conn.execute(f"UPDATE bulk_jobs SET {clause} WHERE id = ?", params + [job_id])

    def count_finished(self, job_id, state, count):
        """Moves one of the job's counters (done, failed, skipped) by `count`."""
        column = {"done": "done", "failed": "failed", "skipped": "skipped"}[state]
        self.conn.execute(f"UPDATE bulk_jobs SET {column} = {column} + ? WHERE id = ?", (count, job_id))

    # -- rows --------------------------------------------------------------------------------------

    def add_rows(self, job_id, reseller_id, rows):
        """`rows`: (position, customer_id, row_key, input JSON, expected_licenses, state, code, message,
        finished_at)."""
        self.conn.executemany(
            "INSERT INTO bulk_job_rows(job_id, position, reseller_id, customer_id, row_key, input, expected_licenses,"
            " state, code, message, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(job_id, position, reseller_id, *rest) for position, *rest in rows])

    def inputs_at(self, job_id, positions):
        """{position: input JSON} of the rows among `positions` the job already holds."""
        positions = list(positions)
        found = {}
        for start in range(0, len(positions), 500):  # bounded IN lists
            part = positions[start:start + 500]
            found.update((row[0], row[1]) for row in self._all(
                f"SELECT position, input FROM bulk_job_rows WHERE job_id = ? AND position IN"
                f" ({','.join('?' * len(part))})", [job_id] + part))
        return found

    def count_rows(self, job_id):
        return self._one("SELECT COUNT(*) FROM bulk_job_rows WHERE job_id = ?", (job_id,))[0]

    def missing(self, job_id, total, limit):
        """Up to `limit` (first, last) ranges of row positions 1..total the job does not hold yet."""
        ranges, expected = [], 1
        for (position,) in self._all("SELECT position FROM bulk_job_rows WHERE job_id = ? ORDER BY position",
                                     (job_id,)):
            if position > expected:
                ranges.append((expected, position - 1))
                if len(ranges) >= limit:
                    return ranges
            expected = position + 1
        if expected <= total:
            ranges.append((expected, total))
        return ranges[:limit]

    def rows(self, job_id, state, offset, limit):
        """A page of the job's rows in position order, of one state or of all."""
        where, params = "job_id = ?", [job_id]
        if state:
            where += " AND state = ?"
            params.append(state)
        return self._all(f"SELECT * FROM bulk_job_rows WHERE {where} ORDER BY position LIMIT ? OFFSET ?",
                         params + [limit, offset])

    def rows_after(self, reseller_id, job_id, after, limit):
        """The rows after position `after` with their customer as it is now, for a report read in chunks."""
        return self._all("SELECT r.*, c.name AS customer_name, c.email AS customer_email,"
                         " c.google_domain AS customer_domain, c.organization AS customer_organization"
                         " FROM bulk_job_rows r LEFT JOIN customers c ON c.id = r.customer_id AND c.reseller_id = ?"
                         " WHERE r.job_id = ? AND r.reseller_id = ? AND r.position > ? ORDER BY r.position LIMIT ?",
                         (reseller_id, job_id, reseller_id, after, limit))

    def pending(self, job_id, limit):
        return self._all("SELECT * FROM bulk_job_rows WHERE job_id = ? AND state = 'pending' ORDER BY position"
                         " LIMIT ?", (job_id, limit))

    def finish_row(self, job_id, position, state, code, message, detail, customer_id, now):
        """Marks a pending row finished; False when it was no longer pending (never twice)."""
        return self.conn.execute(
            "UPDATE bulk_job_rows SET state = ?, code = ?, message = ?, detail = ?,"
            " customer_id = COALESCE(?, customer_id), finished_at = ?"
            " WHERE job_id = ? AND position = ? AND state = 'pending'",
            (state, code, message, detail, customer_id, now, job_id, position)).rowcount == 1

    def skip_pending(self, job_id, code, message, now):
        """Every pending row of the job skipped (a cancelled job); returns how many."""
        return self.conn.execute(
            "UPDATE bulk_job_rows SET state = 'skipped', code = ?, message = ?, finished_at = ?"
            " WHERE job_id = ? AND state = 'pending'", (code, message, now, job_id)).rowcount

    def done_with_key(self, reseller_id, row_key):
        """The row that was done under this key (an import's row), or None."""
        return self._one("SELECT job_id, position, customer_id FROM bulk_job_rows"
                         " WHERE reseller_id = ? AND row_key = ? AND state = 'done'", (reseller_id, row_key))

    def done_with_keys(self, reseller_id, keys):
        """{row key: the row done under it} of the keys that were done (an import's preview)."""
        keys, found = list(keys), {}
        for start in range(0, len(keys), 500):
            part = keys[start:start + 500]
            found.update((row["row_key"], row) for row in self._all(
                "SELECT row_key, job_id, position, customer_id FROM bulk_job_rows WHERE reseller_id = ?"
                f" AND state = 'done' AND row_key IN ({','.join('?' * len(part))})", [reseller_id] + part))
        return found

    def done_for_customer(self, job_id, customer_id):
        """The row of this job that was done for the customer (an earlier row of the same file)."""
        return self._one("SELECT position FROM bulk_job_rows WHERE job_id = ? AND customer_id = ? AND state = 'done'"
                         " ORDER BY position LIMIT 1", (job_id, customer_id))

    # -- the worker's side ---------------------------------------------------------------------------

    def with_work(self, owner, now, limit):
        """Open jobs with rows waiting whose lease is free, expired or `owner`'s: the ones least
        recently worked on first, so several jobs take turns."""
        return self._all(
            "SELECT id, reseller_id FROM bulk_jobs WHERE status IN ('receiving', 'queued', 'running')"
            " AND received > done + failed + skipped"
            " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)"
            " ORDER BY COALESCE(lease_until, ''), id LIMIT ?", (owner, now, limit))

    def take_lease(self, job_id, owner, until, now):
        """The job's lease for `owner` until `until`, if nobody else holds a live one."""
        return self.conn.execute(
            "UPDATE bulk_jobs SET lease_owner = ?, lease_until = ? WHERE id = ?"
            " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)",
            (owner, until, job_id, owner, now)).rowcount == 1

    def release_leases(self, owner=None):
        """Leases of `owner` (a process stopping), or every lease (one SQLite process starting)."""
        if owner is None:
            return self.conn.execute("UPDATE bulk_jobs SET lease_owner = NULL, lease_until = NULL"
                                     " WHERE lease_owner IS NOT NULL").rowcount
        return self.conn.execute("UPDATE bulk_jobs SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?",
                                 (owner,)).rowcount

    def purge(self, before, limit):
        """Deletes up to `limit` jobs finished before `before`, with their rows; returns how many."""
        ids = [row[0] for row in self._all(
            "SELECT id FROM bulk_jobs WHERE finished_at < ? ORDER BY finished_at LIMIT ?", (before, limit))]
        for job_id in ids:
            self.conn.execute("DELETE FROM bulk_job_rows WHERE job_id = ?", (job_id,))
            self.conn.execute("DELETE FROM bulk_jobs WHERE id = ?", (job_id,))
        return len(ids)
