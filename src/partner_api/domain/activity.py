"""The activity history: every change with who made it, what it was before and after."""
import dataclasses

from ..clock import iso
from .lookup import customer_or_404


@dataclasses.dataclass(frozen=True)
class Actor:
    """Who made a change: a member of the team, the customer (accepting an invitation), or the
    system (bills, renewals, trial ends; and the operator's command line). The name is kept as it
    was at the time, so the history still names someone who has left the team."""
    kind: str            # member, customer, system
    email: str = None    # None for the system
    name: str = None
    job: int = None      # the bulk job the change was made by (a member's, one entry per customer)

    @classmethod
    def member(cls, row):
        return cls("member", row["email"], row["name"])

    @classmethod
    def customer(cls, row):
        return cls("customer", row["email"], row["name"])

    @classmethod
    def of_job(cls, job):
        """The member who started a bulk job, acting through it."""
        return cls("member", job["actor"], job["actor_name"], job["id"])


SYSTEM = Actor("system")


def record(repo, reseller, customer_id, actor, action, summary, before, after, when):
    """An entry in the history, written in the transaction of the change it describes."""
    if not isinstance(actor, Actor):  # every change names who made it
        raise TypeError(f"{action}: the actor must be an Actor, not {actor!r}")
    repo.activity.add(reseller["id"], customer_id, actor.kind, actor.email or "system", actor.name, action,
                      summary, before, after, iso(when), actor.job)


class Activity:
    def __init__(self, storage):
        self.storage = storage

    def page(self, reseller, customer_id, before_id, limit, member_email=None):
        """(entries, id to continue before): newest first, of one customer or of all, and of one
        member's doing when `member_email` is given."""
        with self.storage.read() as repo:
            if customer_id is not None:
                customer_or_404(repo, reseller, customer_id)
            rows = repo.activity.page(reseller["id"], customer_id, before_id, limit + 1, member_email)
        more = len(rows) > limit
        rows = rows[:limit]
        return rows, (rows[-1]["id"] if more and rows else None)
