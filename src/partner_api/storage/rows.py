"""What every storage area shares: the transaction's connection and small SQL helpers.
Every statement is parametrised; the only names spliced into SQL are column names from fixed
tables in this package, never request text."""


def set_clause(changes, allowed):
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    names = sorted(changes)
    return ", ".join(f"{name} = ?" for name in names), [changes[name] for name in names]


class Rows:
    """One area of the data (customers, invoices, ...) inside one transaction."""

    __slots__ = ("conn",)

    def __init__(self, conn):
        self.conn = conn

    def _one(self, sql, params=()):
        return self.conn.execute(sql, params).fetchone()

    def _all(self, sql, params=()):
        return self.conn.execute(sql, params).fetchall()

    def _insert(self, sql, params):
        return self.conn.execute(sql, params).lastrowid

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
