"""Sliding-window limits per client (sign-in attempts, kiosk resets) in bounded memory.
Clients are kept least recently seen first: those whose window has passed are dropped from the
front as others arrive (each once, so a check costs the same with 30 or 30,000 clients known;
a walk over all of them once made every check slower as the table grew), and past
`max_clients` the least recently seen go, though a client at its limit is kept over one that is
not (else cycling through many addresses would reset one's own count).

Several serve.py on one PostgreSQL database count together: StoredRateLimiter keeps the hits
in the database (storage/rate_limits.py), so a client behind a load balancer cannot multiply its
attempts by the number of processes. One process (SQLite) keeps them here, in memory."""
import collections
import math
import threading
import time


class RateLimiter:
    def __init__(self, attempts, window_seconds, monotonic=time.monotonic, max_clients=10_000):
        self.attempts = attempts
        self.window = window_seconds
        self.monotonic = monotonic
        self.max_clients = max_clients
        self._hits = collections.OrderedDict()  # client -> deque of attempt times, least recently seen first
        self._lock = threading.Lock()

    def check(self, key):
        """Counts one attempt; returns 0 if allowed, else seconds to wait."""
        now = self.monotonic()
        with self._lock:
            hits = self._hits.pop(key, None) or collections.deque(maxlen=self.attempts)
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            self._forget(now)
            if len(hits) >= self.attempts:
                self._hits[key] = hits
                return max(1, math.ceil(hits[0] + self.window - now))
            hits.append(now)
            self._hits[key] = hits
            return 0

    def _forget(self, now):
        while self._hits:
            oldest = next(iter(self._hits.values()))
            if oldest and oldest[-1] > now - self.window:
                break
            self._hits.popitem(last=False)
        passes = 16
        while len(self._hits) >= self.max_clients:
            key, hits = self._hits.popitem(last=False)
            if len(hits) >= self.attempts and passes:
                passes -= 1
                self._hits[key] = hits  # held at its limit: keep it, drop another
            elif not passes:
                break

    def size(self):
        with self._lock:
            return len(self._hits)


# Every this many checks, a stored limiter drops every client's hits older than its window.
PURGE_EVERY = 500


class StoredRateLimiter:
    """The same limit, counted in the database that every process shares."""

    def __init__(self, storage, name, attempts, window_seconds, now=time.time):
        self.storage = storage
        self.name = name
        self.attempts = attempts
        self.window = window_seconds
        self.now = now  # wall-clock seconds: processes on several machines compare them
        self._checks = 0

    def check(self, key):
        """Counts one attempt; returns 0 if allowed, else seconds to wait."""
        now = self.now()
        since = now - self.window
        self._checks += 1
        # One client's hits are one unit of data: its checks queue up, other clients' do not.
        with self.storage.write(account=f"rate:{self.name}:{key}") as repo:
            hits = repo.rate_limits
            if self._checks % PURGE_EVERY:
                hits.forget_before(since, self.name, key)
            else:
                hits.forget_before(since)
            recent = hits.recent(self.name, key, since)
            if len(recent) >= self.attempts:
                return max(1, math.ceil(recent[0] + self.window - now))
            hits.add(self.name, key, now)
            return 0
