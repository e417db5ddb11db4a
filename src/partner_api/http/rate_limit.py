"""Sliding-window limit on sign-in attempts per client address."""
import collections
import math
import threading
import time


class RateLimiter:
    def __init__(self, attempts, window_seconds, monotonic=time.monotonic):
        self.attempts = attempts
        self.window = window_seconds
        self.monotonic = monotonic
        self._hits = collections.defaultdict(collections.deque)
        self._lock = threading.Lock()

    def check(self, key):
        """Counts one attempt; returns 0 if allowed, else seconds to wait."""
        now = self.monotonic()
        with self._lock:
            hits = self._hits[key]
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.attempts:
                return max(1, math.ceil(hits[0] + self.window - now))
            hits.append(now)
            if len(self._hits) > 10_000:  # forget idle addresses so memory stays bounded
                for other in [k for k, v in self._hits.items() if not v]:
                    del self._hits[other]
            return 0
