"""Kiosk mode (issue 8): the demo data comes back from its snapshot in one transaction through
an endpoint that exists only with --kiosk (404 otherwise) and resets nothing but the kiosk's
own demo account; serve.py --kiosk refuses databases with registered resellers or without demo
data; a reset racing with orders leaves every order whole or gone, never half-applied."""
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest

from support import POSTGRES, ROOT, T0, ServerTestCase, drop_database, new_database, request, sql
from partner_api.clock import FakeClock
from partner_api.domain import DEMO_EMAIL, Domain
from partner_api.domain.activity import Actor
from partner_api.domain.kiosk import KioskRefused
from partner_api.errors import NotTheKioskAccount
from partner_api.storage import snapshots
from partner_api.storage.backends import database as Database
from partner_api.storage.repository import Storage

SERVE = str(ROOT / "serve.py")
TABLES = [table for table, _ in snapshots.TABLES]


def demo_rows(db_path, email=DEMO_EMAIL):
    """Every row an account owns, table by table, plus its account row: what a reset must restore."""
    reseller_id = sql(db_path, "SELECT id FROM resellers WHERE email = ?", (email,))[0][0]
    out = {"resellers": [tuple(row) for row in sql(db_path, "SELECT * FROM resellers WHERE id = ?", (reseller_id,))]}
    for table, where in snapshots.TABLES:
        out[table] = sorted(tuple(row) for row in sql(db_path, f"SELECT * FROM {table} WHERE {where}", (reseller_id,)))
    return out


def search(port, token, words):
    return request(port, "GET", f"/api/v1/customers?q={words}", token=token).json["total"]


class KioskServer(ServerTestCase):
    """A kiosk server on a seeded database, prepared as serve.py --kiosk prepares it."""
    settings = {"demo": True, "kiosk": True}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.prepared = cls.server.app.domain.kiosk.prepare("http://kiosk.test")
        cls.snapshot = demo_rows(cls.db_path)

    def setUp(self):
        self.token = self.sign_in()
        self.ok("POST", "/api/v1/kiosk/reset", {}, self.token)

    def change_everything(self):
        """What a visitor might do: invite, accept, order, change a plan, cancel."""
        customer = self.invite(self.token, 901)
        self.accept(customer)
        page = self.ok("GET", "/api/v1/customers?status=active&limit=5", token=self.token)["items"]
        paid = next(c for c in page if c["subscription"]["status"] == "active")
        base = f"/api/v1/customers/{paid['id']}/subscription"
        self.ok("POST", f"{base}/license-orders", {"licenses": paid["subscription"]["licenses"] + 3},
                self.token, status=201)
        self.ok("POST", f"{base}/cancel", {"when": "now"}, self.token)
        self.ok("PATCH", f"/api/v1/customers/{page[-1]['id']}", {"name": "Renamed By A Visitor"}, self.token)
        # The kiosk enters as the demo team's Admin, so a visitor can change the team too.
        team = self.ok("GET", "/api/v1/team/members", token=self.token)["items"]
        self.ok("POST", "/api/v1/team/members", {"email": "visitor@kiosk.example", "name": "A Visitor",
                                                 "role": "admin"}, self.token, status=201)
        self.ok("PATCH", f"/api/v1/team/members/{team[-1]['id']}", {"role": "buyer"}, self.token)
        # Bulk work and a saved view (issue 19): a reset takes them away too.
        job = self.ok("POST", "/api/v1/bulk-jobs", {"action": "revoke_invitations",
                                                     "filter": {"q": "", "status": "invited"}},
                      self.token, status=202, headers={"Idempotency-Key": "kiosk-visitor-job"})
        # The server's worker does it in the background: the visitor's change is whole once it is done.
        for _ in range(600):
            if self.ok("GET", f"/api/v1/bulk-jobs/{job['id']}?limit=0", token=self.token)["status"] == "done":
                break
            time.sleep(0.05)
        else:
            self.fail("the kiosk visitor's bulk job did not finish in 30 s")
        self.ok("POST", "/api/v1/views", {"name": "A visitor's view", "shared": True}, self.token, status=201)
        self.assertNotEqual(demo_rows(self.db_path), self.snapshot)

    def test_start_up_took_the_snapshot_of_the_seeded_demo_data(self):
        self.assertIn("took a snapshot", self.prepared[0])
        self.assertGreaterEqual(len(self.snapshot["customers"]), 35)
        self.assertEqual(len(self.snapshot["members"]), 4)  # the demo team
        self.assertTrue(self.snapshot["invoices"] and self.snapshot["activity"])

    def test_a_reset_puts_every_row_back_exactly(self):
        self.change_everything()
        self.assertEqual(search(self.port, self.token, "Renamed"), 1)
        reply = self.ok("POST", "/api/v1/kiosk/reset", {}, self.token)
        self.assertEqual(set(reply), {"restored_at", "snapshot_taken_at"})
        self.assertEqual(demo_rows(self.db_path), self.snapshot)
        # The search index follows the rows: the visitor's name is gone, the old one is back.
        self.assertEqual(search(self.port, self.token, "Renamed"), 0)
        self.assertEqual(search(self.port, self.token, "mueller"), 1)
        # Invoice numbers continue from the snapshot's counter, not from the visitor's orders.
        dashboard = self.ok("GET", "/api/v1/dashboard", token=self.token)
        self.assertEqual(dashboard["customers_total"], len(self.snapshot["customers"]))

    def test_the_session_survives_a_reset_and_stored_replays_are_dropped(self):
        body = {"name": "Replay Kunde", "email": "a@replay-kunde.de", "google_domain": "replay-kunde.de",
                "organization": "Replay GmbH"}
        first = self.ok("POST", "/api/v1/customers", body, self.token, status=201,
                        headers={"Idempotency-Key": "kiosk-replay-1"})
        self.ok("POST", "/api/v1/kiosk/reset", {}, self.token)
        self.ok("GET", "/api/v1/me", token=self.token)
        # The stored answer described a customer the reset removed: the key starts afresh.
        again = self.call("POST", "/api/v1/customers", body, self.token, headers={"Idempotency-Key": "kiosk-replay-1"})
        self.assertEqual(again.status, 201, again)
        self.assertIsNone(again.header("Idempotent-Replayed"))
        self.assertEqual(again.json["name"], first["name"])

    def test_only_the_kiosk_account_can_be_reset(self):
        # Another demo account (made before this was a kiosk) has data and no snapshot.
        domain = self.server.app.domain
        signed = domain.sessions.demo_sign_in("other.visitor@example.org")
        other_token, other = signed.token, signed.reseller
        self.invite(other_token, 902)
        before_other = demo_rows(self.db_path, "other.visitor@example.org")
        self.change_everything()
        changed = demo_rows(self.db_path)
        self.assertError(self.call("POST", "/api/v1/kiosk/reset", {}, other_token), 403, "not_the_kiosk_account")
        self.assertEqual(demo_rows(self.db_path, "other.visitor@example.org"), before_other)
        self.assertEqual(demo_rows(self.db_path), changed)
        # The endpoint takes no account id: there is nothing to point at another reseller.
        self.assertError(self.call("POST", "/api/v1/kiosk/reset", {"reseller_id": other["id"]}, None),
                         401, "unauthorized")

    def test_an_account_registered_as_real_meanwhile_is_never_reset(self):
        domain = self.server.app.domain
        signed = domain.sessions.demo_sign_in("becomes.real@example.org")
        token, reseller = signed.token, signed.reseller
        domain.kiosk.take_snapshot(reseller["id"])
        self.invite(token, 903)
        domain.resellers.register("becomes.real@example.org", "Real Now GmbH")
        before = demo_rows(self.db_path, "becomes.real@example.org")
        with self.assertRaises(NotTheKioskAccount):
            domain.kiosk.reset(reseller["id"])
        self.assertEqual(demo_rows(self.db_path, "becomes.real@example.org"), before)

    def test_another_demo_account_holding_a_domain_does_not_stop_a_reset(self):
        # A visitor cancels a customer, which frees its Google domain; another demo account then
        # invites that domain. Demo accounts reserve domains only within themselves (issue 24),
        # so putting the snapshot's live customer back is no conflict.
        page = self.ok("GET", "/api/v1/customers?status=active&limit=50", token=self.token)["items"]
        victim = next(c for c in page if c["subscription"]["status"] == "active")
        self.ok("POST", f"/api/v1/customers/{victim['id']}/subscription/cancel", {"when": "now"}, self.token)
        signed = self.server.app.domain.sessions.demo_sign_in("holds.domain@example.org")
        self.invite(signed.token, 904, google_domain=victim["google_domain"])
        self.ok("POST", "/api/v1/kiosk/reset", {}, self.token)
        self.assertEqual(demo_rows(self.db_path), self.snapshot)

    def test_a_reset_that_cannot_finish_changes_nothing(self):
        # Putting a row back fails half-way (a trigger made for this test refuses one): the whole
        # transaction is rolled back.
        self.change_everything()
        changed = demo_rows(self.db_path)
        victim = self.snapshot["customers"][-1][0]
        if POSTGRES:
            sql(self.db_path, "CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                              f" IF NEW.id = {victim} THEN RAISE EXCEPTION 'refused for the test'"
                              " USING ERRCODE = 'unique_violation'; END IF; RETURN NEW; END $$")
            sql(self.db_path, "CREATE TRIGGER refuse_one BEFORE INSERT ON customers FOR EACH ROW"
                              " EXECUTE FUNCTION refuse_one()")
        else:
            sql(self.db_path, f"CREATE TRIGGER refuse_one BEFORE INSERT ON customers WHEN NEW.id = {victim}"
                              " BEGIN SELECT RAISE(ABORT, 'refused for the test'); END")
        try:
            self.assertError(self.call("POST", "/api/v1/kiosk/reset", {}, self.token), 409, "kiosk_reset_conflict")
            self.assertEqual(demo_rows(self.db_path), changed)
        finally:
            sql(self.db_path, "DROP TRIGGER refuse_one" + (" ON customers" if POSTGRES else ""))
            if POSTGRES:
                sql(self.db_path, "DROP FUNCTION refuse_one()")
        self.ok("POST", "/api/v1/kiosk/reset", {}, self.token)
        self.assertEqual(demo_rows(self.db_path), self.snapshot)

    def test_orders_racing_with_resets_are_whole_or_gone(self):
        page = self.ok("GET", "/api/v1/customers?status=active&limit=50", token=self.token)["items"]
        flexible = [c for c in page if c["subscription"]["status"] == "active"
                    and c["subscription"]["billing_cycle"] == "flexible"][:3]
        self.assertTrue(flexible)
        problems = []

        def order(customer):
            # With an Idempotency-Key, as the console sends it: the order and the answer that
            # describes it are one transaction, so a reset cannot fall between them.
            for n in range(6):
                reply = self.call("POST", f"/api/v1/customers/{customer['id']}/subscription/license-orders",
                                  {"licenses": customer["subscription"]["licenses"] + n + 1}, self.token,
                                  headers={"Idempotency-Key": f"race-{customer['id']}-{n}"})
                if reply.status not in (201, 409):
                    problems.append(reply)

        def resets():
            for _ in range(4):
                reply = self.call("POST", "/api/v1/kiosk/reset", {}, self.token)
                if reply.status != 200:
                    problems.append(reply)

        threads = [threading.Thread(target=order, args=(c,)) for c in flexible] + [threading.Thread(target=resets)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        self.assertEqual(problems, [])
        # Every order that is there is there whole: its invoice, its lines, its subscription
        # count and its history entry; none points at something a reset removed.
        orphans = sql(self.db_path,
                      "SELECT COUNT(*) FROM license_orders o LEFT JOIN invoices i ON i.id = o.invoice_id"
                      " WHERE o.invoice_id IS NOT NULL AND i.id IS NULL")[0][0]
        lineless = sql(self.db_path, "SELECT COUNT(*) FROM invoices i WHERE NOT EXISTS"
                                     " (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id)")[0][0]
        mismatched = sql(self.db_path,
                         "SELECT COUNT(*) FROM subscriptions s JOIN license_orders o ON o.id ="
                         " (SELECT MAX(id) FROM license_orders WHERE subscription_id = s.id)"
                         " WHERE o.licenses_after != s.licenses")[0][0]
        seq = sql(self.db_path, "SELECT r.last_invoice_seq, MAX(i.seq) FROM resellers r JOIN invoices i"
                                " ON i.reseller_id = r.id WHERE r.email = ? GROUP BY r.last_invoice_seq",
                  (DEMO_EMAIL,))[0]
        self.assertEqual((orphans, lineless, mismatched), (0, 0, 0))
        self.assertEqual(seq[0], seq[1])
        self.ok("POST", "/api/v1/kiosk/reset", {}, self.token)
        self.assertEqual(demo_rows(self.db_path), self.snapshot)

    def test_config_json_tells_the_console_it_is_a_kiosk(self):
        config = self.ok("GET", "/config.json")
        self.assertEqual(config["kiosk"], {"enabled": True, "idle_seconds": 120, "reset_every_minutes": 0})
        self.assertEqual((config["demo_sign_in"], config["demo_email"], config["google_client_id"]),
                         (True, DEMO_EMAIL, ""))

    def test_demo_sign_in_opens_the_kiosk_account_only(self):
        self.assertError(self.call("POST", "/api/v1/auth/demo", {"email": "someone.new@example.org"}),
                         403, "forbidden")
        self.assertEqual(sql(self.db_path, "SELECT 1 FROM resellers WHERE email = 'someone.new@example.org'"), [])

    def test_the_invitation_page_offers_the_way_back_to_the_console(self):
        customer = self.invite(self.token, 905)
        link = customer["invitation"]["url"]
        path = link[link.index("/invite/"):]
        page = self.call("GET", path + f"?back=%23/customers/{customer['id']}").body.decode()
        self.assertIn(f'href="/#/customers/{customer["id"]}"', page)
        self.assertIn("Back to the Reseller Console", page)
        self.assertIn(f"back=%23%2Fcustomers%2F{customer['id']}", page)  # the language link keeps it
        german = self.call("GET", path + "?lang=de&back=%23/customers").body.decode()
        self.assertIn("Zurück zur Reseller-Konsole", german)
        # Anything but one of the console's own #/ addresses goes to the console's start.
        for evil in ("javascript:alert(1)", "//evil.example/", "#/x\"><script>", "https://evil.example"):
            page = self.call("GET", path + "?back=" + evil.replace("#", "%23")).body.decode()
            self.assertIn('href="/#/"', page)
            self.assertNotIn("evil", page.split("<h1>")[0])
        dead = self.call("GET", "/invite/no-such-token?back=%23/customers")
        self.assertEqual(dead.status, 404)
        self.assertIn('href="/#/customers"', dead.body.decode())


class NotAKiosk(ServerTestCase):
    settings = {"demo": True}

    def test_the_reset_endpoint_does_not_exist(self):
        token = self.sign_in()
        self.assertError(self.call("POST", "/api/v1/kiosk/reset", {}, token), 404, "not_found")
        self.assertError(self.call("POST", "/api/v1/kiosk/reset", {}), 404, "not_found")
        self.assertNotIn("kiosk", self.ok("GET", "/config.json"))

    def test_the_invitation_page_has_no_back_link(self):
        token = self.sign_in()
        customer = self.invite(token, 906)
        link = customer["invitation"]["url"]
        page = self.call("GET", link[link.index("/invite/"):] + "?back=%23/customers").body.decode()
        self.assertNotIn("Back to the Reseller Console", page)


class KioskStartUp(unittest.TestCase):
    """serve.py --kiosk's checks, on the databases an operator might point it at."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="kiosk-start-")
        self.path = new_database(self.tmp, "kiosk.db")
        self.clock = FakeClock(T0)

    def tearDown(self):
        drop_database(self.path)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def prepare(self):
        db = Database(self.path)
        try:
            return Domain(Storage(db), self.clock).kiosk.prepare("http://kiosk.test")
        finally:
            db.close()

    def test_a_second_start_restores_what_the_first_one_saved(self):
        self.assertIn("took a snapshot", self.prepare()[0])
        saved = demo_rows(self.path)
        db = Database(self.path)
        try:
            domain = Domain(Storage(db), self.clock)
            signed = domain.sessions.demo_sign_in(DEMO_EMAIL)
            domain.customers.invite(signed.reseller, "Neu Kunde", "a@neu-kunde.de", "neu-kunde.de", "Neu GmbH",
                                    "http://kiosk.test", Actor.member(signed.member))
        finally:
            db.close()
        self.assertNotEqual(demo_rows(self.path), saved)
        self.assertIn("as in its snapshot", self.prepare()[0])
        self.assertEqual(demo_rows(self.path), saved)

    def test_a_database_with_a_registered_reseller_is_refused(self):
        self.prepare()
        db = Database(self.path)
        Domain(Storage(db), self.clock).resellers.register("real@partner.example", "Real Partner GmbH")
        db.close()
        with self.assertRaises(KioskRefused) as refused:
            self.prepare()
        self.assertIn("1 registered reseller", str(refused.exception))
        self.assertIn("--db", str(refused.exception))

    def test_a_database_without_demo_data_is_refused(self):
        db = Database(self.path)
        Domain(Storage(db), self.clock).sessions.demo_sign_in("someone@example.org")  # a demo account, not the kiosk's
        db.close()
        with self.assertRaises(KioskRefused) as refused:
            self.prepare()
        self.assertIn("no demo account", str(refused.exception))
        db = Database(self.path)
        Domain(Storage(db), self.clock).sessions.demo_sign_in(DEMO_EMAIL)  # the account, with no customers
        db.close()
        with self.assertRaises(KioskRefused) as refused:
            self.prepare()
        self.assertIn("no customers", str(refused.exception))

    def test_serve_py_refuses_to_start_with_a_plain_message(self):
        db = Database(self.path)
        Domain(Storage(db), self.clock).resellers.register("real@partner.example", "Real Partner GmbH")
        db.close()
        result = subprocess.run([sys.executable, SERVE, "--kiosk", "--skip-build", "--port", "0", "--db", self.path],
                                capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 2)
        self.assertIn("will not start", result.stderr)
        self.assertIn("registered reseller", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertNotIn("Reseller Console: http", result.stdout)

    def test_reseller_add_on_a_running_kiosks_database_is_refused_unless_forced(self):
        self.prepare()
        process = subprocess.Popen([sys.executable, SERVE, "--kiosk", "--skip-build", "--port", "0", "--quiet",
                                    "--db", self.path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            self.assertIn("Reseller Console: http", process.stdout.readline())
            add = [sys.executable, SERVE, "reseller", "add", "real@partner.example", "Real Partner GmbH", "--db",
                   self.path]
            refused = subprocess.run(add, capture_output=True, text=True, timeout=60)
            self.assertNotEqual(refused.returncode, 0, refused.stdout)
            self.assertIn("kiosk", refused.stderr)
            if not POSTGRES:  # the SQLite file's lock says a server runs on it
                self.assertIn("running", refused.stderr)
            self.assertEqual(sql(self.path, "SELECT COUNT(*) FROM resellers WHERE is_demo = 0"), [(0,)])
            forced = subprocess.run(add + ["--force"], capture_output=True, text=True, timeout=60)
            self.assertEqual(forced.returncode, 0, forced.stderr)
            self.assertIn("WARNING", forced.stderr)
        finally:
            process.terminate()
            process.communicate(timeout=30)

    def test_serve_py_checks_the_kiosk_options(self):
        for args in (["--kiosk-idle", "5"], ["--kiosk-idle", "ten"], ["--kiosk-reset-every", "-1"]):
            result = subprocess.run([sys.executable, SERVE, "--kiosk", "--skip-build", *args],
                                    capture_output=True, text=True, timeout=60)
            self.assertEqual(result.returncode, 2, args)
            self.assertIn("--kiosk", result.stderr)


if __name__ == "__main__":
    unittest.main()
