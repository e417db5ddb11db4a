"""The activity history: every change with who made it, what it was before and after."""
from ..clock import iso
from .lookup import customer_or_404


def record(repo, reseller, customer_id, actor, action, summary, before, after, when):
    """An entry in the history, written in the transaction of the change it describes."""
    repo.activity.add(reseller["id"], customer_id, actor, action, summary, before, after, iso(when))


class Activity:
    def __init__(self, storage):
        self.storage = storage

    def page(self, reseller, customer_id, before_id, limit):
        """(entries, id to continue before): newest first, of one customer or of all."""
        with self.storage.read() as repo:
            if customer_id is not None:
                customer_or_404(repo, reseller, customer_id)
            rows = repo.activity.page(reseller["id"], customer_id, before_id, limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        return rows, (rows[-1]["id"] if more and rows else None)
