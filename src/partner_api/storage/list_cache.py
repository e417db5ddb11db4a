"""What long lists cost to count and to reach by position, remembered between requests.

Counting a reseller's million invoices takes about 100 ms, and a page in the middle of a sort
skips half a million index entries; both were paid by every request of a scrolling console.
Here a list's total and a sample of its sort (the key of every STEP-th row) are kept per
reseller and filter, and are valid while the list's generation is unchanged: triggers on
`customers` and `invoices` (migration 4) bump `list_generations` in the very transaction that
changes a row, so any writer (the domain, a kiosk reset, a restore) invalidates them. The
generation is read in the request's own read transaction, before the count, so a total is
never kept under a generation older than the rows it counted.

A page at `offset` then starts at the sample at or before it and skips fewer than STEP
entries: bounded whatever the offset. The first request after a change pays for the count
and, if it jumps deep, for one scan that takes the samples.
"""
import collections
import threading

STEP = 1000
# A page reached by skipping fewer index entries than this (from the nearer end of the list)
# is read directly: 50,000 entries take 1–3 ms in SQLite. Beyond, the samples bound the skip
# (500,000 invoices took 70 ms to skip).
DIRECT = 50_000


def positions(total, offset, limit, ids_at):
    """Ids at positions offset..offset+limit-1 of a sorted list of `total` rows. The index is
    walked from whichever end is nearer, so no request skips more than half the list:
    ids_at(reverse, skip, count) returns ids in that direction."""
    end = min(total, offset + limit)
    if offset >= end:
        return []
    if offset <= total - end:
        return ids_at(False, offset, end - offset)
    return list(reversed(ids_at(True, total - end, end - offset)))


def generation(conn, reseller_id, name):
    row = conn.execute("SELECT n FROM list_generations WHERE reseller_id = ? AND list = ?",
                       (reseller_id, name)).fetchone()
    return row[0] if row else 0


class _Entry:
    __slots__ = ("generation", "total", "samples")

    def __init__(self, gen):
        self.generation = gen
        self.total = None
        self.samples = None


class ListCache:
    def __init__(self, capacity=512, step=STEP, direct=DIRECT):
        self.capacity = capacity
        self.step = step
        self.direct = direct
        self._lock = threading.Lock()
        self._entries = collections.OrderedDict()
        self.counts = 0   # totals counted (misses), for tests and the benchmark
        self.scans = 0    # sample scans taken

    def _entry(self, key, gen):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry.generation != gen:
                entry = self._entries[key] = _Entry(gen)
                while len(self._entries) > self.capacity:
                    self._entries.popitem(last=False)
            else:
                self._entries.move_to_end(key)
            return entry

    def total(self, key, gen, count):
        """The list's total: kept, or `count()` once per generation."""
        entry = self._entry(key, gen)
        if entry.total is None:
            entry.total = count()
            self.counts += 1
        return entry.total

    def ids_at(self, key, gen, total, offset, limit, take_samples, ids_at, ids_from):
        """Ids of the rows at positions offset..offset+limit-1 of a list of `total` rows: from
        the kept sample at or before `offset` when the page is deep in a long list, else read
        from the nearer end (positions). `ids_at(reverse, skip, count)` reads from an end,
        `ids_from(sample, skip, count)` from a sample; key None: the list is never kept."""
        start = None if key is None or offset >= total else self.anchor(key, gen, offset, total, take_samples)
        if start is None:
            return positions(total, offset, limit, ids_at)
        return ids_from(*start, limit)

    def anchor(self, key, gen, offset, total, take_samples):
        """(sort key and id of the sampled row at or before `offset`, rows still to skip), or
        None when the page is near enough to an end of the list to be read directly.
        `take_samples(step)` returns the keys of rows 0, step, 2·step, … in the sort, once per
        generation."""
        if min(offset, total - offset) < max(self.direct, self.step):
            return None
        entry = self._entry(key, gen)
        if entry.samples is None:
            entry.samples = take_samples(self.step)
            self.scans += 1
        index = min(offset // self.step, len(entry.samples) - 1)
        if index <= 0:
            return None
        return entry.samples[index], offset - index * self.step
