"""What is kept for how long. Expired and ended sessions go a day after (their token then just
answers "not valid" rather than "expired"), stored answers of Idempotency-Key requests after 30
days (longer than a console's offline queue is expected to wait, so a replay still finds its
first answer), emails in the outbox after 30 days (the links in them live 14), bulk jobs with
their rows and reports 90 days after they finished (a job's rows are up to 100,000, so a few
jobs per batch). The server runs
purge() on a background thread; it deletes in batches of a few hundred rows, each its own short
write transaction, so requests wait at most for one batch."""
import datetime as dt

from ..clock import iso

KEEP = {"sessions": dt.timedelta(days=1), "idempotency": dt.timedelta(days=30), "outbox": dt.timedelta(days=30),
        "bulk_jobs": dt.timedelta(days=90)}
BATCH = {"sessions": 500, "idempotency": 500, "outbox": 500, "bulk_jobs": 2}


class Housekeeping:
    def __init__(self, storage, clock):
        self.storage = storage
        self.clock = clock

    def purge(self, stop=None):
        """Deletes what is past its time; returns how many rows of each kind. `stop()` true ends
        it between batches (the server is stopping)."""
        now = self.clock.now()
        removed = {}
        for kind, keep in KEEP.items():
            before = iso(now - keep)
            removed[kind] = 0
            while not (stop and stop()):
                with self.storage.write() as repo:
                    area = {"sessions": repo.sessions, "idempotency": repo.idempotency, "outbox": repo.outbox,
                            "bulk_jobs": repo.bulk_jobs}[kind]
                    count = area.purge(before, BATCH[kind])
                removed[kind] += count
                if count < BATCH[kind]:
                    break
        return removed
