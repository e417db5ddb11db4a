"""Bulk jobs (issue 19): one action over customers selected by filter or ids, and imports of
invitations sent in batches. Each row goes through the single action's rules, preconditions and
history; a job survives a crash in the middle and a restart, and never does a row twice.

Most classes here drive the worker themselves (no background worker), so every step is seen."""
import csv
import io
import json
import os
import shutil
import sqlite3
import tempfile
import threading
import time
import unittest
from unittest import mock

from support import ServerTestCase, drop_database, fingerprint, new_database, request, sql
from test_cli import ServeProcess
from partner_api.domain import bulk_worker
from partner_api.domain.seed import seed_demo

API = "/api/v1"


def key(name):
    return {"Idempotency-Key": name}


class Worked(ServerTestCase):
    """A server whose bulk jobs advance only when the test says so."""
    settings = {"bulk_worker": False, "session_hours": 24 * 3650}

    def setUp(self):
        super().setUp()
        # A chunk also ends after CHUNK_SECONDS; on a loaded machine that would make the rows a
        # chunk does a matter of speed. Here a chunk ends by its row count alone.
        patcher = mock.patch.object(bulk_worker, "CHUNK_SECONDS", 3600)
        patcher.start()
        self.addCleanup(patcher.stop)

    @property
    def worker(self):
        return self.server.app.domain.bulk_worker

    def work(self, owner="test-worker"):
        """Works every job to its end; returns how many chunks it took."""
        chunks = 0
        while self.worker.step(owner):
            chunks += 1
        return chunks

    def job(self, token, job_id, **query):
        params = "&".join(f"{k}={v}" for k, v in {"limit": 1000, **query}.items())
        return self.ok("GET", f"{API}/bulk-jobs/{job_id}?{params}", token=token)

    def start(self, token, body, name):
        return self.ok("POST", f"{API}/bulk-jobs", body, token, status=202, headers=key(name))

    def report(self, token, job_id, fmt=None):
        reply = self.call("GET", f"{API}/bulk-jobs/{job_id}/report.csv" + (f"?format={fmt}" if fmt else ""),
                          token=token)
        self.assertEqual(reply.status, 200, reply)
        text = reply.body.decode("utf-8")
        return list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=";" if fmt else ","))

    def history(self, token, customer_id):
        return self.ok("GET", f"{API}/activity?customer_id={customer_id}&limit=50", token=token)["items"]


class LicensesByFilter(Worked):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        self = cls("run")
        cls.token = self.sign_in("bulk.licenses@example.com")
        cls.paid = [self.active_customer(cls.token, n, licenses=10 + n) for n in range(4)]
        cls.trial = self.active_customer(cls.token, 10)  # accepted, still a trial
        cls.invited = self.invite(cls.token, 11)
        cls.cancelled = self.active_customer(cls.token, 12, licenses=3)
        self.ok("POST", f"{API}/customers/{cls.cancelled['id']}/subscription/cancel", {"when": "now"}, cls.token)
        cls.annual = self.active_customer(cls.token, 13, licenses=20, plan="professional", cycle="annual_yearly")

    def test_the_preview_prices_each_customer_as_the_single_preview_does_and_writes_nothing(self):
        before = fingerprint(self.db_path)
        preview = self.ok("POST", f"{API}/bulk-jobs/preview",
                          {"action": "add_licenses", "filter": {"q": ""}, "licenses": 5, "limit": 100}, self.token)
        self.assertEqual(fingerprint(self.db_path), before)
        self.assertEqual(preview["total"], 8)
        by_id = {item["customer_id"]: item for item in preview["items"]}
        prorated = monthly = 0
        for customer in self.paid + [self.annual]:
            item = by_id[customer["id"]]
            single = self.ok("POST", f"{API}/customers/{customer['id']}/subscription/license-orders/preview",
                             {"licenses": customer["subscription"]["licenses"] + 5}, self.token)
            self.assertTrue(item["applies"], item)
            self.assertEqual(item["prorated_amount"], single["prorated_amount"])
            self.assertEqual(item["monthly_value_after"], single["monthly_value"])
            self.assertEqual(item["licenses_after"], customer["subscription"]["licenses"] + 5)
            prorated += single["prorated_amount"]["amount"]
            monthly += single["monthly_value"]["amount"] - customer["subscription"]["monthly_value"]["amount"]
        self.assertEqual(preview["prorated_amount"], {"amount": prorated, "currency": "USD"})
        self.assertEqual(preview["monthly_value_change"], {"amount": monthly, "currency": "USD"})
        reasons = {by_id[c["id"]]["reason"] for c in (self.trial, self.invited, self.cancelled)}
        self.assertEqual(reasons, {"trial", "no_subscription", "subscription_cancelled"})
        self.assertEqual((preview["applicable"], preview["not_applicable"]), (5, 3))
        self.assertEqual(preview["reasons"], {"trial": 1, "no_subscription": 1, "subscription_cancelled": 1})
        only = self.ok("POST", f"{API}/bulk-jobs/preview", {"action": "add_licenses", "filter": {"q": ""},
                                                             "licenses": 5, "show": "not_applicable"}, self.token)
        self.assertEqual(sorted(i["customer_id"] for i in only["items"]),
                         sorted(c["id"] for c in (self.trial, self.invited, self.cancelled)))
        page = self.ok("POST", f"{API}/bulk-jobs/preview", {"action": "add_licenses", "filter": {"q": ""},
                                                             "licenses": 5, "offset": 2, "limit": 3}, self.token)
        self.assertEqual([i["customer_id"] for i in page["items"]],
                         [i["customer_id"] for i in preview["items"]][2:5])
        self.assertEqual(page["prorated_amount"], preview["prorated_amount"])
        # An annual plan may not go down mid-term: named, with the date it can.
        down = self.ok("POST", f"{API}/bulk-jobs/preview", {"action": "set_licenses", "ids": [self.annual["id"]],
                                                             "licenses": 2}, self.token)["items"][0]
        self.assertEqual((down["applies"], down["reason"]), (False, "not_allowed"))
        self.assertIn("at renewal on", down["message"])

    def test_a_job_by_filter_orders_for_each_customer_once_and_the_history_names_it(self):
        token = self.sign_in("bulk.filter@example.com")
        customers = [self.active_customer(token, 30 + n, licenses=4) for n in range(6)]
        self.invite(token, 40)
        body = {"action": "add_licenses", "filter": {"q": "", "status": "active"}, "licenses": 3, "expected_total": 6}
        job = self.start(token, body, "filter-job")
        self.assertEqual((job["status"], job["counts"]["total"], job["counts"]["pending"]), ("queued", 6, 6))
        again = self.ok("POST", f"{API}/bulk-jobs", body, token, status=202, headers=key("filter-job"))
        self.assertEqual(again["id"], job["id"])  # the key: one job, however often it is sent
        self.assertEqual(len(self.ok("GET", f"{API}/bulk-jobs", token=token)["items"]), 1)
        self.assertGreaterEqual(self.work(), 1)
        done = self.job(token, job["id"])
        self.assertEqual(done["status"], "done")
        self.assertEqual(done["counts"], {"total": 6, "received": 6, "done": 6, "failed": 0, "skipped": 0, "pending": 0})
        for customer in customers:
            sub = self.ok("GET", f"{API}/customers/{customer['id']}/subscription", token=token)
            self.assertEqual(sub["licenses"], 7)
            entries = [e for e in self.history(token, customer["id"]) if e["job_id"] == job["id"]]
            self.assertEqual(len(entries), 1)
            self.assertEqual(entries[0]["action"], "subscription.licenses_ordered")
            self.assertEqual(entries[0]["actor"]["email"], "bulk.filter@example.com")
        self.assertEqual(self.work(), 0)  # nothing left: working again changes nothing
        rows = self.report(token, job["id"])
        self.assertEqual(rows[0][:4], ["row", "outcome", "code", "message"])
        self.assertEqual([(r[1], r[2]) for r in rows[1:]], [("done", "licenses_ordered")] * 6)
        self.assertEqual({r[10] for r in rows[1:]}, {"7"})

    def test_partial_failure_each_row_reports_its_outcome(self):
        token = self.sign_in("bulk.partial@example.com")
        ten, eleven = self.active_customer(token, 80, licenses=10), self.active_customer(token, 81, licenses=11)
        trial, invited = self.active_customer(token, 82), self.invite(token, 83)
        cancelled = self.active_customer(token, 84, licenses=3)
        self.ok("POST", f"{API}/customers/{cancelled['id']}/subscription/cancel", {"when": "now"}, token)
        annual = self.active_customer(token, 85, licenses=20, plan="professional", cycle="annual_yearly")
        ids = [c["id"] for c in (ten, eleven, trial, invited, cancelled, annual)]
        job = self.start(token, {"action": "set_licenses", "ids": ids + [999_999], "licenses": 11}, "partial")
        self.work()
        done = self.job(token, job["id"])
        self.assertEqual([(r["row"], r["state"], r["code"]) for r in done["rows"]], [
            (1, "done", "licenses_ordered"), (2, "skipped", "no_change"), (3, "skipped", "trial"),
            (4, "skipped", "no_subscription"), (5, "skipped", "subscription_cancelled"), (6, "skipped", "not_allowed"),
            (7, "skipped", "not_found")])
        self.assertIn("at renewal on", done["rows"][5]["message"])
        self.assertEqual(done["rows"][0]["detail"]["licenses_before"], 10)
        self.assertEqual((done["counts"]["done"], done["counts"]["skipped"], done["counts"]["failed"]), (1, 6, 0))
        self.assertEqual(self.ok("GET", f"{API}/customers/{annual['id']}/subscription", token=token)["licenses"], 20)

    def test_a_count_changed_after_the_job_was_made_fails_that_row_only(self):
        token = self.sign_in("bulk.race@example.com")
        first, second = self.active_customer(token, 50, licenses=8), self.active_customer(token, 51, licenses=8)
        job = self.start(token, {"action": "add_licenses", "ids": [first["id"], second["id"]], "licenses": 2}, "race")
        # Someone orders for the second customer meanwhile: the job's row was made when it had 8.
        self.ok("POST", f"{API}/customers/{second['id']}/subscription/license-orders", {"licenses": 9}, token,
                status=201)
        self.work()
        rows = self.job(token, job["id"])["rows"]
        self.assertEqual([(r["state"], r["code"]) for r in rows],
                         [("done", "licenses_ordered"), ("failed", "licenses_changed")])
        self.assertEqual(self.ok("GET", f"{API}/customers/{second['id']}/subscription", token=token)["licenses"], 9)
        self.assertEqual(self.ok("GET", f"{API}/customers/{first['id']}/subscription", token=token)["licenses"], 10)

    def test_a_changed_selection_starts_nothing(self):
        token = self.sign_in("bulk.stale@example.com")
        for n in range(3):
            self.active_customer(token, 60 + n, licenses=2)
        before = fingerprint(self.db_path)
        reply = self.call("POST", f"{API}/bulk-jobs", {"action": "add_licenses", "filter": {"q": "Müller"},
                                                       "licenses": 1, "expected_total": 2}, token,
                          headers=key("stale"))
        error = self.assertError(reply, 409, "selection_changed")
        self.assertEqual(error["current_total"], 3)
        self.assertEqual(fingerprint(self.db_path), before)
        reply = self.call("POST", f"{API}/bulk-jobs", {"action": "add_licenses", "filter": {"q": "nobody-like-this"},
                                                       "licenses": 1}, token, headers=key("empty"))
        self.assertError(reply, 422, "validation_failed")

    def test_bad_requests_name_their_fields_and_write_nothing(self):
        before = fingerprint(self.db_path)
        for body, field in [
            ({"action": "add_licenses", "filter": {"q": ""}}, "licenses"),
            ({"action": "add_licenses", "licenses": 1}, "filter"),
            ({"action": "add_licenses", "licenses": 1, "filter": {"q": ""}, "ids": [1]}, "filter"),
            ({"action": "add_licenses", "licenses": 0, "ids": [1]}, "licenses"),
            ({"action": "add_licenses", "licenses": 1, "ids": [1, 1]}, "ids"),
            ({"action": "add_licenses", "licenses": 1, "ids": list(range(1, 10_002))}, "ids"),
            ({"action": "add_licenses", "licenses": 1, "ids": ["7"]}, "ids"),
            ({"action": "add_licenses", "licenses": 1, "filter": {"status": "sleeping"}}, "filter.status"),
            ({"action": "add_licenses", "licenses": 1, "filter": {"q": "x" * 201}}, "filter.q"),
            ({"action": "add_licenses", "licenses": 1, "filter": "all"}, "filter"),
            ({"action": "revoke_invitations", "licenses": 1, "filter": {"q": ""}}, "licenses"),
            ({"action": "invite", "filter": {"q": ""}}, "filter"),
            ({"action": "invite", "rows": []}, "rows"),
            ({"action": "invite", "rows": [{"name": "no number"}]}, "rows"),
            ({"action": "invite", "rows": [{"row": 1}, {"row": 1}]}, "rows"),
            ({"action": "delete_everything", "filter": {"q": ""}}, "action"),
        ]:
            with self.subTest(body=str(body)[:80]):
                reply = self.call("POST", f"{API}/bulk-jobs", body, self.token, headers=key(f"bad-{field}"))
                self.assertIn(field, self.assertError(reply, 422, "validation_failed")["fields"])
        reply = self.call("POST", f"{API}/bulk-jobs", {"action": "add_licenses", "filter": {"q": ""}, "licenses": 1},
                          self.token)
        self.assertIn("Idempotency-Key", self.assertError(reply, 422, "validation_failed")["fields"])
        reply = self.call("POST", f"{API}/bulk-jobs", raw=b"action=add_licenses", token=self.token,
                          headers={"Content-Type": "application/x-www-form-urlencoded", **key("form")})
        self.assertError(reply, 415, "unsupported_media_type")
        self.assertEqual(fingerprint(self.db_path), before)

    def test_another_resellers_jobs_and_customers_are_not_there(self):
        token = self.sign_in("bulk.owner@example.com")
        mine = self.active_customer(token, 70, licenses=5)
        job = self.start(token, {"action": "add_licenses", "ids": [mine["id"]], "licenses": 1}, "owner-job")
        stranger = self.sign_in("bulk.stranger@example.com")
        for method, path in [("GET", f"/bulk-jobs/{job['id']}"), ("GET", f"/bulk-jobs/{job['id']}/report.csv"),
                             ("POST", f"/bulk-jobs/{job['id']}/cancel")]:
            self.assertError(self.call(method, API + path, {} if method == "POST" else None, stranger), 404,
                             "not_found")
        self.assertEqual(self.ok("GET", f"{API}/bulk-jobs", token=stranger)["items"], [])
        # Their customer's id in my job: not found, and nothing of theirs in my report.
        theirs = self.start(stranger, {"action": "add_licenses", "ids": [mine["id"]], "licenses": 1}, "steal")
        self.work()
        done = self.job(stranger, theirs["id"])
        self.assertEqual([(r["state"], r["code"], r["customer_id"]) for r in done["rows"]],
                         [("skipped", "not_found", None)])
        self.assertNotIn(mine["name"], json.dumps(self.report(stranger, theirs["id"]), ensure_ascii=False))
        self.assertEqual(self.ok("GET", f"{API}/customers/{mine['id']}/subscription", token=token)["licenses"], 6)


class Invitations(Worked):
    def test_resend_and_revoke_by_filter_apply_to_invitations_only(self):
        token = self.sign_in("bulk.invitations@example.com")
        invited = [self.invite(token, n) for n in range(3)]
        active = self.active_customer(token, 9)
        job = self.start(token, {"action": "revoke_invitations", "filter": {"q": ""}}, "revoke-all")
        self.work()
        rows = {r["customer_id"]: r for r in self.job(token, job["id"])["rows"]}
        self.assertEqual(rows[active["id"]]["code"], "not_invited")
        for customer in invited:
            self.assertEqual(rows[customer["id"]]["code"], "invitation_revoked")
            self.assertEqual(self.ok("GET", f"{API}/customers/{customer['id']}", token=token)["status"], "revoked")
        job = self.start(token, {"action": "resend_invitations", "ids": [invited[0]["id"], active["id"]]}, "resend")
        self.work()
        rows = self.job(token, job["id"])["rows"]
        self.assertEqual([r["code"] for r in rows], ["invitation_resent", "already_accepted"])
        again = self.ok("GET", f"{API}/customers/{invited[0]['id']}", token=token)
        self.assertEqual((again["status"], again["invitation"]["status"]), ("invited", "pending"))
        entries = self.history(token, invited[0]["id"])
        self.assertEqual([e["action"] for e in entries if e["job_id"]], ["invitation.resent", "invitation.revoked"])


class CancelAndRoles(Worked):
    """On the demo data, whose team has a member of each role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        seed_demo(cls.server.app.domain.storage, cls.clock.now(), "http://bulk.test")

    def test_cancel_skips_what_is_not_done_and_keeps_what_is(self):
        token = self.sign_in("bulk.cancel@example.com")
        customers = [self.active_customer(token, n, licenses=2) for n in range(5)]
        job = self.start(token, {"action": "add_licenses", "filter": {"q": ""}, "licenses": 1}, "to-cancel")
        self.worker.chunk("test", job["id"], self.reseller_id(token), rows=2)
        cancelled = self.ok("POST", f"{API}/bulk-jobs/{job['id']}/cancel", {}, token)
        self.assertEqual(cancelled["status"], "cancelled")
        self.assertEqual((cancelled["counts"]["done"], cancelled["counts"]["skipped"]), (2, 3))
        self.work()
        self.assertEqual(self.job(token, job["id"])["counts"], cancelled["counts"])
        licenses = [self.ok("GET", f"{API}/customers/{c['id']}/subscription", token=token)["licenses"]
                    for c in customers]
        self.assertEqual(sorted(licenses), [2, 2, 2, 3, 3])
        self.assertEqual({r["code"] for r in self.job(token, job["id"], state="skipped")["rows"]}, {"cancelled"})
        again = self.ok("POST", f"{API}/bulk-jobs/{job['id']}/cancel", {}, token)  # a double click
        self.assertEqual(again["counts"], cancelled["counts"])

    def reseller_id(self, token):
        return self.ok("GET", f"{API}/me", token=token)["id"]

    def test_a_job_stops_when_its_maker_loses_the_role(self):
        admin = self.sign_in("demo@reseller.example")
        priya = self.sign_in("priya.nair@reseller.example")  # sales: may resend
        job = self.start(priya, {"action": "resend_invitations", "filter": {"q": "", "status": "invited"}}, "priya")
        self.assertGreater(job["counts"]["total"], 2)
        team = self.ok("GET", f"{API}/team/members", token=admin)["items"]
        member = next(m for m in team if m["email"] == "priya.nair@reseller.example")
        self.ok("PATCH", f"{API}/team/members/{member['id']}", {"role": "viewer"}, admin)
        self.work()
        stopped = self.job(admin, job["id"])
        self.assertEqual(stopped["status"], "cancelled")
        self.assertIn("Priya Nair", stopped["note"])
        self.assertEqual(stopped["counts"]["done"], 0)
        self.assertEqual({r["code"] for r in stopped["rows"]}, {"stopped"})

    def test_a_viewer_sees_progress_but_starts_and_cancels_nothing(self):
        admin = self.sign_in("demo@reseller.example")
        viewer = self.sign_in("tom.fischer@reseller.example")
        job = self.start(admin, {"action": "revoke_invitations", "filter": {"q": "", "status": "invited"}}, "v")
        self.assertEqual(self.job(viewer, job["id"])["id"], job["id"])
        self.assertEqual(len(self.report(viewer, job["id"])), job["counts"]["total"] + 1)
        self.assertError(self.call("POST", f"{API}/bulk-jobs/{job['id']}/cancel", {}, viewer), 403, "forbidden")
        reply = self.call("POST", f"{API}/bulk-jobs", {"action": "revoke_invitations", "filter": {"q": ""}}, viewer,
                          headers=key("viewer"))
        self.assertError(reply, 403, "forbidden")


IMPORT = [
    {"name": "Lena Vogel", "email": "lena@vogel-optik.de", "google_domain": "vogel-optik.de",
     "organization": "Vogel Optik"},
    {"name": "", "email": "kein-at-zeichen", "google_domain": "vogel-optik.de", "organization": "Vogel"},
    {"name": "Lena Vogel", "email": "lena@vogel-optik.de", "google_domain": "vogel-optik.de",
     "organization": "Vogel Optik"},
    {"name": "Kai Brandt", "email": "kai@brandt-bau.de", "google_domain": "Brandt-Bau.de", "organization": "Brandt Bau"},
    {"name": "=HYPERLINK(\"x\")", "email": "it@formel.de", "google_domain": "formel.de", "organization": "Formel AG"},
]


def numbered(rows, first=1):
    return [{"row": first + n, **row} for n, row in enumerate(rows)]


class Imports(Worked):
    def test_an_import_in_batches_invites_each_valid_row_once(self):
        token = self.sign_in("bulk.import@example.com")
        rows = numbered(IMPORT)
        job = self.start(token, {"action": "invite", "rows": rows[:2], "total": 5, "file_name": "kunden.csv"}, "imp")
        self.assertEqual((job["status"], job["counts"]["received"]), ("receiving", 2))
        self.assertEqual(job["selection"], {"import": {"file": "kunden.csv", "rows": 5}})
        self.work()  # rows are done while the rest is still coming
        partial = self.job(token, job["id"])
        self.assertEqual(partial["status"], "receiving")
        self.assertEqual(partial["missing_rows"], [[3, 5]])
        # The answer to the first batch was lost: it is sent again, with the next one.
        again = self.ok("POST", f"{API}/bulk-jobs/{job['id']}/rows", {"rows": rows[:3]}, token)
        self.assertEqual(again["counts"]["received"], 3)
        # Row 4 arrives edited (another tab, another copy of the file); the original is then a conflict.
        edited = dict(rows[3], name="Kai Brandt-Meier")
        self.assertEqual(self.ok("POST", f"{API}/bulk-jobs/{job['id']}/rows", {"rows": [rows[2], edited]},
                                 token)["counts"]["received"], 4)
        conflict = self.call("POST", f"{API}/bulk-jobs/{job['id']}/rows", {"rows": [rows[3]]}, token)
        self.assertEqual(self.assertError(conflict, 409, "row_conflict")["row"], 4)
        beyond = self.call("POST", f"{API}/bulk-jobs/{job['id']}/rows", {"rows": numbered([IMPORT[0]], 6)}, token)
        self.assertError(beyond, 422, "validation_failed")
        self.ok("POST", f"{API}/bulk-jobs/{job['id']}/rows", {"rows": rows[4:]}, token)
        self.work()
        done = self.job(token, job["id"])
        self.assertEqual(done["status"], "done")
        outcomes = [(r["row"], r["state"], r["code"]) for r in done["rows"]]
        self.assertEqual(outcomes, [(1, "done", "invited"), (2, "failed", "validation_failed"),
                                    (3, "skipped", "duplicate"), (4, "done", "invited"), (5, "done", "invited")])
        self.assertEqual(set(done["rows"][1]["detail"]["fields"]), {"name", "email"})
        customers = self.ok("GET", f"{API}/customers?limit=50", token=token)["items"]
        self.assertEqual(sorted(c["google_domain"] for c in customers), ["brandt-bau.de", "formel.de", "vogel-optik.de"])
        self.assertEqual(len(sql(self.db_path, "SELECT id FROM outbox WHERE to_email = ?", ("lena@vogel-optik.de",))), 1)
        for customer in customers:
            self.assertEqual([e["job_id"] for e in self.history(token, customer["id"])], [job["id"]])
        # The report: the rows as the file held them, formula-safe in both dialects.
        report = self.report(token, job["id"])
        self.assertEqual(report[5][5], "'=HYPERLINK(\"x\")")
        self.assertEqual(report[2][3], "name: Must not be empty. email: Must be an email address like name@example.com.")
        german = self.call("GET", f"{API}/bulk-jobs/{job['id']}/report.csv?format=excel-de", token=token).body
        self.assertTrue(german.startswith("\ufeffrow;outcome;".encode("utf-8")))

        # The same file imported again: nobody is invited twice.
        before = len(sql(self.db_path, "SELECT id FROM outbox"))
        second = self.start(token, {"action": "invite", "rows": numbered(IMPORT)}, "imp-again")
        self.work()
        outcomes = [(r["state"], r["code"]) for r in self.job(token, second["id"])["rows"]]
        # Row 4 as the file holds it was never imported (the edited row was), but its domain is a customer now.
        self.assertEqual(outcomes, [("skipped", "already_imported"), ("failed", "validation_failed"),
                                    ("skipped", "already_imported"), ("skipped", "already_customer"),
                                    ("skipped", "already_imported")])
        self.assertEqual(len(sql(self.db_path, "SELECT id FROM outbox")), before)

    def test_a_finished_import_takes_no_more_rows(self):
        token = self.sign_in("bulk.finished@example.com")
        job = self.start(token, {"action": "invite", "rows": numbered(IMPORT[:1]), "total": 2}, "finished")
        self.ok("POST", f"{API}/bulk-jobs/{job['id']}/cancel", {}, token)
        reply = self.call("POST", f"{API}/bulk-jobs/{job['id']}/rows", {"rows": numbered(IMPORT[3:4], 2)}, token)
        self.assertError(reply, 409, "job_finished")
        # Rows it already has may be sent again (a retry after the cancel): nothing changes.
        self.ok("POST", f"{API}/bulk-jobs/{job['id']}/rows", {"rows": numbered(IMPORT[:1])}, token)
        self.assertEqual(self.job(token, job["id"])["counts"]["received"], 1)
        # Only an import takes rows.
        customer = self.invite(token, 1)
        revoke = self.start(token, {"action": "revoke_invitations", "ids": [customer["id"]]}, "revoke-one")
        reply = self.call("POST", f"{API}/bulk-jobs/{revoke['id']}/rows", {"rows": numbered(IMPORT[:1])}, token)
        self.assertError(reply, 409, "conflict")

    def test_the_import_preview_says_what_each_row_would_do(self):
        # Registered resellers: their Google domains are unique among them all (a demo account's are its own).
        domain = self.server.app.domain
        for email in ("bulk.preview@example.com", "bulk.preview.other@example.com"):
            domain.resellers.register(email, email.split("@")[0])
        token = domain.sessions.sign_in_member("bulk.preview@example.com").token
        self.invite(token, 1)  # mueller-bau-1.de is mine
        stranger = domain.sessions.sign_in_member("bulk.preview.other@example.com").token
        self.invite(stranger, 2)  # mueller-bau-2.de is someone else's
        done = self.start(token, {"action": "invite", "rows": numbered(IMPORT[3:4])}, "earlier")
        self.work()
        self.assertEqual(self.job(token, done["id"])["counts"]["done"], 1)
        rows = numbered([IMPORT[0], IMPORT[1], IMPORT[0],
                         dict(IMPORT[0], google_domain="mueller-bau-1.de"),
                         dict(IMPORT[0], google_domain="mueller-bau-2.de"), IMPORT[3]])
        before = fingerprint(self.db_path)
        items = self.ok("POST", f"{API}/bulk-jobs/preview", {"action": "invite", "rows": rows}, token)["items"]
        self.assertEqual(fingerprint(self.db_path), before)
        self.assertEqual([i["outcome"] for i in items], ["invite", "invalid", "duplicate", "already_customer",
                                                         "domain_taken", "already_imported"])
        self.assertEqual(set(items[1]["fields"]), {"name", "email"})
        self.assertIsNone(items[4]["customer_id"])  # another reseller's customer is not named


class CrashInTheMiddle(Worked):
    """A chunk is one transaction: a crash in it leaves its rows pending, and the next worker
    does each of them once."""

    def test_a_storage_fault_mid_chunk_rolls_the_chunk_back_and_the_job_resumes(self):
        token = self.sign_in("bulk.crash@example.com")
        job = self.start(token, {"action": "invite", "rows": numbered(
            [{"name": f"Kunde {n}", "email": f"it@kunde-{n}.de", "google_domain": f"kunde-{n}.de",
              "organization": f"Kunde {n} GmbH"} for n in range(30)])}, "crash")
        actions = self.server.app.domain.bulk_worker.actions
        real = actions.run_invitation
        calls = []

        def failing(repo, reseller, job_row, row):
            calls.append(row["position"])
            if len(calls) == 7:  # the disk fails under the seventh row of the chunk
                fault = sqlite3.OperationalError("disk I/O error")
                fault.sqlite_errorcode = 10  # SQLITE_IOERR, as SQLite raises it
                raise fault
            return real(repo, reseller, job_row, row)
        with mock.patch.object(actions, "run_invitation", failing):
            with self.assertRaises(sqlite3.OperationalError):
                self.worker.step("crashing")
        self.assertEqual(self.job(token, job["id"])["counts"]["pending"], 30)
        self.assertEqual(sql(self.db_path, "SELECT COUNT(*) FROM customers WHERE email LIKE 'it@kunde-%'")[0][0], 0)
        # Another worker (the lease was never committed) takes it on and does every row once.
        self.work("after-the-crash")
        after = self.job(token, job["id"])
        self.assertEqual((after["status"], after["counts"]["done"]), ("done", 30))
        self.assertEqual(sql(self.db_path, "SELECT COUNT(*) FROM customers WHERE email LIKE 'it@kunde-%'")[0][0], 30)
        self.assertEqual(sql(self.db_path, "SELECT COUNT(*) FROM activity WHERE job_id = ?", (job["id"],))[0][0], 30)

    def test_a_bug_in_one_row_fails_that_row_and_the_job_goes_on(self):
        token = self.sign_in("bulk.bug@example.com")
        job = self.start(token, {"action": "invite", "rows": numbered(IMPORT[3:5])}, "bug")
        actions = self.server.app.domain.bulk_worker.actions
        real = actions.run_invitation

        def buggy(repo, reseller, job_row, row):
            if row["position"] == 1:
                repo.customers.add(reseller["id"], "Half", "h@half.de", "half.de", "Half", "invited", "x", "half")
                raise KeyError("a bug after a write")
            return real(repo, reseller, job_row, row)
        with mock.patch.object(actions, "run_invitation", buggy):
            self.work()
        rows = self.job(token, job["id"])["rows"]
        self.assertEqual([(r["state"], r["code"]) for r in rows], [("failed", "internal_error"), ("done", "invited")])
        self.assertEqual(sql(self.db_path, "SELECT COUNT(*) FROM customers WHERE email = 'h@half.de'")[0][0], 0)

    def test_two_workers_at_once_never_do_a_row_twice(self):
        token = self.sign_in("bulk.race.workers@example.com")
        job = self.start(token, {"action": "invite", "rows": numbered(
            [{"name": f"Firma {n}", "email": f"it@firma-{n}.de", "google_domain": f"firma-{n}.de",
              "organization": f"Firma {n}"} for n in range(120)])}, "two-workers")
        errors = []

        def run(owner):
            try:
                while self.worker.step(owner):
                    pass
            except Exception as error:  # pragma: no cover - reported below
                errors.append(error)
        threads = [threading.Thread(target=run, args=(f"w{n}",)) for n in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        self.assertEqual(errors, [])
        done = self.job(token, job["id"])
        self.assertEqual((done["status"], done["counts"]["done"]), ("done", 120))
        per_customer = sql(self.db_path, "SELECT customer_id, COUNT(*) FROM activity WHERE job_id = ? GROUP BY 1",
                           (job["id"],))
        self.assertEqual((len(per_customer), {n for _, n in per_customer}), (120, {1}))

    def test_a_lease_keeps_other_workers_off_until_it_runs_out(self):
        token = self.sign_in("bulk.lease@example.com")
        job = self.start(token, {"action": "invite", "rows": numbered(
            [{"name": f"Leasing {n}", "email": f"it@leasing-{n}.de", "google_domain": f"leasing-{n}.de",
              "organization": "Leasing"} for n in range(6)])}, "lease")
        reseller = self.ok("GET", f"{API}/me", token=token)["id"]
        self.assertTrue(self.worker.chunk("first", job["id"], reseller, rows=2))
        self.assertFalse(self.worker.chunk("second", job["id"], reseller, rows=2))  # first's lease holds
        self.assertFalse(self.worker.step("second"))
        self.clock.advance(seconds=bulk_worker.LEASE.total_seconds() + 1)  # first died: its lease runs out
        self.assertTrue(self.worker.chunk("second", job["id"], reseller, rows=10))
        self.assertEqual(self.job(token, job["id"])["counts"]["done"], 6)


class RestartInTheMiddle(unittest.TestCase):
    """serve.py killed (SIGKILL: no goodbye) in the middle of an import, then started again: the
    job carries on where the database says it is, and no row is done twice."""
    ROWS = 4000

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="bulk-restart-")
        self.db = new_database(self.tmp)

    def tearDown(self):
        drop_database(self.db)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def serve(self):
        server = ServeProcess("--db", self.db, "--static", os.path.join(self.tmp, "no-build"))
        # Its log (a line per invitation queued) must never fill a pipe nobody reads.
        for stream in (server.process.stdout, server.process.stderr):
            threading.Thread(target=stream.read, daemon=True).start()
        return server

    def test_a_killed_server_leaves_the_job_to_the_next_one(self):
        server = self.serve()
        try:
            token = request(server.port, "POST", f"{API}/auth/demo", {"email": "restart@example.com"}).json["token"]
            rows = numbered([{"name": f"Neustart {n}", "email": f"it@neustart-{n}.de",
                              "google_domain": f"neustart-{n}.de", "organization": f"Neustart {n} GmbH"}
                             for n in range(self.ROWS)])
            job = request(server.port, "POST", f"{API}/bulk-jobs", {"action": "invite", "rows": rows[:2000],
                                                                    "total": self.ROWS}, token,
                          headers=key("restart")).json
            request(server.port, "POST", f"{API}/bulk-jobs/{job['id']}/rows", {"rows": rows[2000:]}, token)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                done = request(server.port, "GET", f"{API}/bulk-jobs/{job['id']}?limit=0", token=token).json
                if done["counts"]["done"] >= 200:
                    break
                time.sleep(0.02)
        finally:
            server.process.kill()
            server.process.wait(10)
        finished_before = sql(self.db, "SELECT COUNT(*) FROM bulk_job_rows WHERE job_id = ? AND state = 'done'",
                              (job["id"],))[0][0]
        self.assertLess(finished_before, self.ROWS, "the job finished before the kill: nothing was tested")
        server = self.serve()
        try:
            token = request(server.port, "POST", f"{API}/auth/demo", {"email": "restart@example.com"}).json["token"]
            # The page, reloaded, sends its batches again: nothing is added.
            again = request(server.port, "POST", f"{API}/bulk-jobs/{job['id']}/rows", {"rows": rows[:2000]}, token)
            self.assertEqual(again.json["counts"]["received"], self.ROWS, again)
            # Waits as long as the job moves (a loaded machine is slow, not wrong); stuck for 60 s fails.
            moved, progress = time.monotonic(), -1
            while time.monotonic() - moved < 60:
                done = request(server.port, "GET", f"{API}/bulk-jobs/{job['id']}?limit=0", token=token).json
                if done["status"] == "done":
                    break
                if done["counts"]["done"] > progress:
                    moved, progress = time.monotonic(), done["counts"]["done"]
                time.sleep(0.1)
            self.assertEqual((done["status"], done["counts"]["done"]), ("done", self.ROWS), done)
        finally:
            server.stop()
        count = lambda query: sql(self.db, query, (job["id"],))[0][0]  # noqa: E731
        self.assertEqual(count("SELECT COUNT(*) FROM activity WHERE job_id = ?"), self.ROWS)
        self.assertEqual(count("SELECT COUNT(DISTINCT customer_id) FROM activity WHERE job_id = ?"), self.ROWS)
        self.assertEqual(sql(self.db, "SELECT COUNT(*) FROM customers WHERE google_domain LIKE 'neustart-%'")[0][0],
                         self.ROWS)
        self.assertEqual(sql(self.db, "SELECT COUNT(*) FROM outbox WHERE to_email LIKE 'it@neustart-%'")[0][0],
                         self.ROWS)


class BackgroundWorker(ServerTestCase):
    """With the server's own worker: a job finishes without anyone driving it."""

    def test_a_job_finishes_by_itself(self):
        token = self.sign_in("bulk.background@example.com")
        customer = self.active_customer(token, 1, licenses=3)
        job = self.ok("POST", f"{API}/bulk-jobs", {"action": "add_licenses", "ids": [customer["id"]], "licenses": 2},
                      token, status=202, headers=key("background"))
        for _ in range(100):
            if self.ok("GET", f"{API}/bulk-jobs/{job['id']}?limit=0", token=token)["status"] == "done":
                break
            time.sleep(0.05)
        self.assertEqual(self.ok("GET", f"{API}/customers/{customer['id']}/subscription", token=token)["licenses"], 5)
        self.assertEqual(self.ok("GET", f"{API}/bulk-jobs?status=open", token=token)["items"], [])


if __name__ == "__main__":
    unittest.main()
