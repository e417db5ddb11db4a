"""Doing bulk jobs' rows (issue 19), in every serve.py at once, each job by one of them at a time.

A worker takes a job's lease (`lease_owner`, `lease_until` on the job: a claim in the database,
so another process leaves the job alone until the lease runs out) in the same write transaction
as a chunk of the job's pending rows, which it does one by one: each row in a savepoint, its
change and its outcome together, so a refused row leaves nothing behind and a finished row is
never done again. A process that dies mid-chunk leaves the chunk undone (its transaction rolls
back) and its lease runs out; whoever takes the job next finds those rows still pending. A chunk
is short (CHUNK_ROWS rows, CHUNK_SECONDS at most): the reseller's other writes wait at most that
long, and jobs of several resellers take turns."""
import collections
import datetime as dt
import json
import time
import traceback

from ..clock import iso
from .bulk_actions import ACTIONS, REFUSALS, Outcome
from .bulk_jobs import OPEN, cancel_job, settle
from .roles import ROLE_NAMES, allowed

# Renewed with every chunk (a quarter of a second): long enough that a busy database never loses it,
# short enough that a job waits little when its process died.
LEASE = dt.timedelta(seconds=10)
CHUNK_ROWS = 50
CHUNK_SECONDS = 0.25


class BulkWorker:
    def __init__(self, storage, clock, actions, billing, log):
        self.storage = storage
        self.clock = clock
        self.actions = actions
        self.billing = billing
        self.log = log

    def step(self, owner):
        """Works one chunk of one job that has rows waiting; False when there was none."""
        with self.storage.read() as repo:
            candidates = repo.bulk_jobs.with_work(owner, iso(self.clock.now()), 5)
        for job_id, reseller_id in candidates:
            if self.chunk(owner, job_id, reseller_id):
                return True
        return False

    def chunk(self, owner, job_id, reseller_id, rows=CHUNK_ROWS, seconds=None):
        """Up to `rows` pending rows of the job, in one transaction; False when the job is not this
        owner's to work on now (another process holds its lease, or it has ended)."""
        with self.storage.read() as repo:
            reseller = repo.resellers.get(reseller_id)
        # As before every request: bills and renewals that fell due come first.
        self.billing.catch_up(reseller)
        started = time.monotonic()
        seconds = CHUNK_SECONDS if seconds is None else seconds  # read now: tests lift the limit
        now = self.clock.now()
        with self.storage.write(account=reseller_id) as repo:
            job = repo.bulk_jobs.by_id(job_id)
            if job is None or job["status"] not in OPEN:
                return False
            if not repo.bulk_jobs.take_lease(job_id, owner, iso(now + LEASE), iso(now)):
                return False
            reseller = repo.resellers.get(reseller_id)
            member = repo.members.get(reseller_id, job["member_id"])
            if member is None or not allowed(member["role"], ACTIONS[job["action"]]):
                # The job acts with its maker's authority, so it stops when they lose it.
                role = "removed from the team" if member is None else f"now {ROLE_NAMES[member['role']]}"
                note = f"Stopped: {job['actor_name']} is {role} and may no longer do this."
                cancel_job(repo, job_id, "stopped", note, note, iso(now))
                return True
            if job["started_at"] is None:
                repo.bulk_jobs.update(job_id, started_at=iso(now))
            if job["status"] == "queued":
                repo.bulk_jobs.update(job_id, status="running")
            counts = collections.Counter()
            for row in repo.bulk_jobs.pending(job_id, rows):
                outcome = self._one(repo, reseller, job, row)
                repo.bulk_jobs.finish_row(job_id, row["position"], outcome.state, outcome.code, outcome.message,
                                          _json(outcome.detail), outcome.customer_id, iso(now))
                counts[outcome.state] += 1
                if time.monotonic() - started > seconds:
                    break
            for state, count in counts.items():
                repo.bulk_jobs.count_finished(job_id, state, count)
            settle(repo, job_id, iso(now))
        return True

    def _one(self, repo, reseller, job, row):
        """One row's outcome; whatever the row wrote is rolled back unless it was done."""
        try:
            with self.storage.savepoint():
                return self.actions.run(repo, reseller, job, row)
        except REFUSALS as error:
            return self.actions.refused(error, row)
        except Exception as error:
            if self.storage.fault(error) is not None:
                raise  # the disk or the database: the whole chunk rolls back and is tried again later
            # A bug must not stop the job on this row for ever: the row fails, the log has the rest.
            self.log(f"bulk job {job['id']} row {row['position']}: internal error {error!r}", level="error",
                     traceback=traceback.format_exc())
            return Outcome("failed", "internal_error", "Something went wrong on the server.", None, row["customer_id"])

    def release(self, owner=None):
        """Gives back `owner`'s leases (a process stopping), or every lease (one SQLite process
        starting: nobody else can be holding one)."""
        with self.storage.write() as repo:
            return repo.bulk_jobs.release_leases(owner)


def _json(value):
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
