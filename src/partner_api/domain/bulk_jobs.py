"""Bulk jobs (issue 19): long work over many customers as database state. A job is made once
(the request carries an Idempotency-Key), its rows are written with it (a customer selection is
read when the job is made; an import's rows arrive in batches, each row by its number, so a
batch sent again adds nothing), and the worker (bulk_worker.py) does the rows in any serve.py.
Progress and every row's outcome are read from the database, so they survive a reload, a lost
connection and a restart of the server."""
import json

from ..clock import iso
from ..errors import Conflict, JobFinished, NotFound, RowConflict, SelectionChanged, ValidationFailed
from .bulk_actions import fields_message, key_of, read_invitation, row_key
from .customers import domain_scope

MAX_ROWS = 100_000          # rows of one job: an import's file, or the customers selected
MAX_IDS = 10_000            # ids in one request; more customers are selected by filter
OPEN = ("receiving", "queued", "running")


def counts_of(job):
    finished = job["done"] + job["failed"] + job["skipped"]
    return {"total": job["total"], "received": job["received"], "done": job["done"], "failed": job["failed"],
            "skipped": job["skipped"], "pending": job["received"] - finished}


def settle(repo, job_id, now):
    """Marks a job done once every row it expects has arrived and is finished."""
    job = repo.bulk_jobs.by_id(job_id)
    finished = job["done"] + job["failed"] + job["skipped"]
    if job["status"] in OPEN and job["received"] >= job["total"] and finished >= job["received"]:
        repo.bulk_jobs.update(job_id, status="done", finished_at=now, lease_owner=None, lease_until=None)
    elif job["status"] == "receiving" and job["received"] >= job["total"]:
        repo.bulk_jobs.update(job_id, status="running" if finished else "queued")


def cancel_job(repo, job_id, code, message, note, now):
    """Stops a job: its pending rows are skipped with `code`, nothing else is undone."""
    skipped = repo.bulk_jobs.skip_pending(job_id, code, message, now)
    repo.bulk_jobs.count_finished(job_id, "skipped", skipped)
    repo.bulk_jobs.update(job_id, status="cancelled", note=note, finished_at=now, lease_owner=None, lease_until=None)
    return skipped


class BulkJobs:
    def __init__(self, storage, clock, actions):
        self.storage = storage
        self.clock = clock
        self.actions = actions
        self.on_new_work = lambda: None  # the server wakes its worker (set by http/server.py)

    # -- reading ------------------------------------------------------------------------------------

    def get(self, reseller, job_id):
        with self.storage.read() as repo:
            job = repo.bulk_jobs.get(reseller["id"], job_id)
        if job is None:
            raise NotFound("There is no bulk job with this id.")
        return job

    def action_of(self, reseller, job_id):
        """What the job does (its capability is that action's)."""
        return self.get(reseller, job_id)["action"]

    def page(self, reseller, job_id, state, offset, limit):
        """(job, rows of one state or all, in row order)."""
        with self.storage.read() as repo:
            job = repo.bulk_jobs.get(reseller["id"], job_id)
            if job is None:
                raise NotFound("There is no bulk job with this id.")
            rows = repo.bulk_jobs.rows(job_id, state, offset, limit) if limit else []
            missing = repo.bulk_jobs.missing(job_id, job["total"], 50) if job["status"] == "receiving" else []
        return job, rows, missing

    def recent(self, reseller, only_open, limit):
        with self.storage.read() as repo:
            return repo.bulk_jobs.recent(reseller["id"], only_open, limit)

    def report_rows(self, reseller, job_id, chunk=2000):
        """Every row of the job with its customer as it is now, read in chunks (each its own read
        transaction, so a report of 100,000 rows never holds one open for long). The caller looks
        the job up first (this runs as the answer streams)."""
        after = 0
        while True:
            with self.storage.read() as repo:
                rows = repo.bulk_jobs.rows_after(reseller["id"], job_id, after, chunk)
            yield from rows
            if len(rows) < chunk:
                return
            after = rows[-1]["position"]

    # -- making a job -------------------------------------------------------------------------------

    def _targets(self, repo, reseller, selection):
        """[(position, customer row or None, id asked for)] of a customer selection, in name order
        for a filter and in the order given for ids. Another reseller's id is not found, as everywhere."""
        if "ids" in selection:
            found = repo.customers.by_ids(reseller["id"], selection["ids"])
            return [(n, found.get(cid), cid) for n, cid in enumerate(selection["ids"], 1)]
        q, status = selection["filter"]
        rows = repo.customers.matching(reseller["id"], q, status, MAX_ROWS + 1)
        if len(rows) > MAX_ROWS:
            raise ValidationFailed({"filter": f"Selects more than {MAX_ROWS:,} customers; narrow it down."})
        expected = selection.get("expected_total")
        if expected is not None and expected != len(rows):
            raise SelectionChanged(expected, len(rows))
        return [(n, row, row["id"]) for n, row in enumerate(rows, 1)]

    def create_for_customers(self, reseller, member, action, licenses, selection, base_url):
        """A job doing `action` to the customers of `selection` ({"filter": (q, status),
        "expected_total"?} or {"ids": [...]}), as they are now: each row keeps the license count it
        was made with, the precondition of its order."""
        now = iso(self.clock.now())
        with self.storage.write(account=reseller["id"]) as repo:
            targets = self._targets(repo, reseller, selection)
            if not targets:
                raise ValidationFailed({"filter" if "filter" in selection else "ids": "Selects no customers."})
            shown = ({"filter": {"q": selection["filter"][0], "status": selection["filter"][1]}}
                     if "filter" in selection else {"ids": len(selection["ids"])})
            job_id = repo.bulk_jobs.add(reseller["id"], member, action, licenses, json.dumps(shown), base_url,
                                        "queued", len(targets), now)
            rows, unknown = [], 0
            for position, customer, asked in targets:
                if customer is None:  # skipped at once; the id asked for stays out of the report
                    unknown += 1
                    rows.append((position, None, None, json.dumps({"customer_id": asked}), None, "skipped",
                                 "not_found", "There is no customer with this id.", now))
                else:
                    rows.append((position, customer["id"], None, None, customer["licenses"], "pending", None, None,
                                 None))
            repo.bulk_jobs.add_rows(job_id, reseller["id"], rows)
            repo.bulk_jobs.update(job_id, received=len(rows), skipped=unknown)
            settle(repo, job_id, now)
            job = repo.bulk_jobs.by_id(job_id)
        self.on_new_work()
        return job

    def create_import(self, reseller, member, rows, total, file_name, base_url):
        """An import of invitations expecting `total` rows; `rows` is its first batch (or all)."""
        now = iso(self.clock.now())
        with self.storage.write(account=reseller["id"]) as repo:
            selection = json.dumps({"import": {"file": file_name, "rows": total}}, ensure_ascii=False)
            job_id = repo.bulk_jobs.add(reseller["id"], member, "invite", None, selection, base_url, "receiving",
                                        total, now)
            self._receive(repo, repo.bulk_jobs.by_id(job_id), rows, now)
            job = repo.bulk_jobs.by_id(job_id)
        self.on_new_work()
        return job

    def receive(self, reseller, job_id, rows):
        """A further batch of an import's rows. A row already held is left as it is (a batch sent
        again after a lost answer adds nothing); the same number with other content is a conflict."""
        now = iso(self.clock.now())
        with self.storage.write(account=reseller["id"]) as repo:
            job = repo.bulk_jobs.get(reseller["id"], job_id)
            if job is None:
                raise NotFound("There is no bulk job with this id.")
            if job["action"] != "invite":
                raise Conflict("Only an import takes rows.")
            added = self._receive(repo, job, rows, now)
            job = repo.bulk_jobs.by_id(job_id)
        if added:
            self.on_new_work()
        return job

    @staticmethod
    def _receive(repo, job, rows, now):
        for number, _ in rows:
            if number > job["total"]:
                raise ValidationFailed({"rows": f"Row {number} is beyond the {job['total']:,} rows of this import."})
        held = repo.bulk_jobs.inputs_at(job["id"], [number for number, _ in rows])
        if job["status"] not in OPEN and len(held) < len(rows):
            raise JobFinished(job["status"])
        new = []
        for number, values in rows:
            text = json.dumps(values, ensure_ascii=False, sort_keys=True)
            if number in held:
                if held[number] != text:
                    raise RowConflict(number)
                continue
            new.append((number, None, row_key(values), text, None, "pending", None, None, None))
        if new:
            repo.bulk_jobs.add_rows(job["id"], job["reseller_id"], new)
            repo.bulk_jobs.update(job["id"], received=job["received"] + len(new))
            settle(repo, job["id"], now)
        return len(new)

    def cancel(self, reseller, job_id, member):
        """Stops the job: rows not yet done are skipped as cancelled; what was done stays done."""
        now = iso(self.clock.now())
        with self.storage.write(account=reseller["id"]) as repo:
            job = repo.bulk_jobs.get(reseller["id"], job_id)
            if job is None:
                raise NotFound("There is no bulk job with this id.")
            if job["status"] in OPEN:
                cancel_job(repo, job_id, "cancelled", f"Cancelled by {member['name']}.",
                           f"Cancelled by {member['name']}.", now)
            return repo.bulk_jobs.by_id(job_id)

    # -- previews -----------------------------------------------------------------------------------

    def preview_for_customers(self, reseller, action, licenses, selection, show, offset, limit):
        """What the action would do to each selected customer now, writing nothing: whom it cannot
        apply to and why, and for license actions the price per customer and in total."""
        currency = reseller["currency"]
        with self.storage.read() as repo:
            targets = self._targets(repo, reseller, selection)
            items, reasons = [], {}
            prorated = monthly_change = 0
            for _, customer, asked in targets:
                if customer is None:
                    item = {"customer_id": asked, "name": None, "organization": None, "google_domain": None,
                            "email": None, "status": None, "applies": False, "reason": "not_found",
                            "message": "There is no customer with this id."}
                else:
                    item = self.actions.preview(repo, reseller, action, licenses, customer)
                if item["applies"] and "prorated_amount" in item:
                    prorated += item["prorated_amount"]["amount"]
                    monthly_change += item["monthly_value_after"]["amount"] - item["monthly_value_before"]["amount"]
                if not item["applies"]:
                    reasons[item["reason"]] = reasons.get(item["reason"], 0) + 1
                if show is None or (show == "applicable") == item["applies"]:
                    items.append(item)
        not_applicable = sum(reasons.values())
        return {"action": action, "licenses": licenses, "total": len(targets),
                "applicable": len(targets) - not_applicable, "not_applicable": not_applicable,
                "reasons": reasons, "prorated_amount": {"amount": prorated, "currency": currency},
                "monthly_value_change": {"amount": monthly_change, "currency": currency},
                "shown": len(items), "items": items[offset:offset + limit]}

    def preview_import(self, reseller, rows):
        """What importing these rows would do to each: invite, or why not (a field's error, already
        imported, already a customer, another reseller's domain, the same domain earlier in the batch)."""
        scope = domain_scope(reseller)
        read = []
        for number, values in rows:
            try:
                invitation = read_invitation(values)
                read.append((number, invitation, key_of(invitation), None))
            except ValidationFailed as error:
                read.append((number, None, None, error))
        with self.storage.read() as repo:
            owners = repo.customers.live_domain_owners([r[1][2] for r in read if r[1]], scope)
            done = repo.bulk_jobs.done_with_keys(reseller["id"], [r[2] for r in read if r[2]])
        items, seen = [], {}
        for number, fields, key, error in read:
            item = {"row": number, "outcome": "invite", "message": None, "fields": None, "customer_id": None}
            if error is not None:
                item.update(outcome="invalid", message=fields_message(error.fields or {}), fields=error.fields)
            elif key in done:
                prior = done[key]
                item.update(outcome="already_imported", customer_id=prior["customer_id"],
                            message=f"Already invited by import {prior['job_id']} (row {prior['position']}).")
            elif fields[2] in owners:
                owner = owners[fields[2]]
                mine = owner["reseller_id"] == reseller["id"]
                item.update(outcome="already_customer" if mine else "domain_taken",
                            customer_id=owner["id"] if mine else None,
                            message=f"The Google domain {fields[2]} already belongs to "
                                    + ("one of your customers." if mine else "a customer."))
            elif fields[2] in seen:
                item.update(outcome="duplicate", message=f"The Google domain {fields[2]} is also in row"
                                                         f" {seen[fields[2]]}.")
            else:
                seen[fields[2]] = number
            items.append(item)
        return items
