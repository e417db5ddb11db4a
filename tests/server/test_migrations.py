"""Schema migrations: a database made by the first release (a committed SQL dump) is brought
up to the latest schema with every row kept and then serves the reseller's whole journey; a
new database gets the same schema; a database from a newer version is refused untouched."""
import json
import os
import shutil
import sqlite3
import tempfile
import unittest

from support import ROOT, T0, fingerprint, request, sqlite_only
from partner_api.clock import FakeClock
from partner_api.domain import Domain
from partner_api.domain.activity import Actor
from partner_api.domain.kiosk import KioskRefused
from partner_api.domain.sessions import token_hash
from partner_api.storage.db import Database
from partner_api.storage.repository import Storage
from partner_api.storage.migrations import LATEST, MIGRATIONS, SchemaError
from partner_api.http.server import RunningServer, Settings

FIXTURE_V1 = ROOT / "tests" / "server" / "fixtures" / "db_v1.sql"
# Every table of the first release and its row count in the fixture.
V1_TABLES = {"resellers": 2, "sessions": 1, "customers": 42, "invitations": 42, "subscriptions": 33,
             "license_orders": 41, "invoices": 173, "invoice_lines": 173, "activity": 261,
             "outbox": 42, "idempotency_keys": 2}


def load_dump(path, target):
    conn = sqlite3.connect(target)
    try:
        conn.executescript(path.read_text(encoding="utf-8"))
    finally:
        conn.close()


def rows(db_path, table):
    conn = sqlite3.connect(db_path)
    try:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        return columns, sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {table}"))
    finally:
        conn.close()


def schema_of(db_path):
    """Tables, their columns and every index, trigger and view: what the schema is, not how
    it was written."""
    conn = sqlite3.connect(db_path)
    try:
        out = {}
        for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                                       " AND name NOT LIKE 'customer_search_%' ORDER BY name"):
            if kind == "table":
                out[name] = [(r[1], r[2].upper(), r[3], r[4], r[5]) for r in conn.execute(f"PRAGMA table_info({name})")]
            else:
                out[name] = kind
        return out
    finally:
        conn.close()


@sqlite_only("the first release's SQLite dump upgraded (PostgreSQL: test_postgres_operations.py)")
class FromTheFirstRelease(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="migrations-")
        self.db = os.path.join(self.tmp, "v1.db")
        load_dump(FIXTURE_V1, self.db)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_the_fixture_is_a_first_release_database(self):
        conn = sqlite3.connect(self.db)
        try:
            self.assertEqual(conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0], "1")
            for table, count in V1_TABLES.items():
                self.assertEqual(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0], count, table)
        finally:
            conn.close()

    def test_upgrade_keeps_every_row_of_every_table(self):
        before = {table: rows(self.db, table) for table in V1_TABLES}
        messages = []
        db = Database(self.db, log=messages.append)
        db.close()
        self.assertEqual((db.upgraded_from, db.schema_version), (1, LATEST))
        self.assertEqual(len(messages), LATEST - 1, messages)
        for table, (columns, old_rows) in before.items():
            new_columns, new_rows = rows(self.db, table)
            self.assertEqual(len(new_rows), len(old_rows), table)
            # Columns may be added, never dropped or changed: each old value is still there.
            self.assertTrue(set(columns) <= set(new_columns), table)
            index = [new_columns.index(c) for c in columns]
            self.assertEqual(sorted(tuple(r[i] for i in index) for r in new_rows), old_rows, table)

    def test_upgrade_records_its_history_and_marks_only_the_demo_account(self):
        Database(self.db).close()
        conn = sqlite3.connect(self.db)
        try:
            history = conn.execute("SELECT version, name, applied_at FROM schema_migrations ORDER BY version").fetchall()
            self.assertEqual([h[0] for h in history], [m.version for m in MIGRATIONS])
            self.assertIsNone(history[0][2])  # applied by the first release, before the history
            self.assertTrue(all(h[2] for h in history[1:]))
            self.assertEqual(dict(conn.execute("SELECT email, is_demo FROM resellers")),
                             {"demo@reseller.example": 1, "real@partner.example": 0})
        finally:
            conn.close()

    def test_the_upgraded_demo_account_can_be_snapshotted_and_restored(self):
        # Version 3 (kiosk snapshots): the first release's demo account is put back exactly,
        # and the registered reseller's rows are never touched.
        db = Database(self.db)
        try:
            domain = Domain(Storage(db), FakeClock(T0.replace(day=27)))
            demo = domain.resellers.by_email("demo@reseller.example")
            domain.kiosk.take_snapshot(demo["id"])
            # Sessions stay (the kiosk stays signed in); stored replays of the account are dropped.
            before = {table: rows(self.db, table) for table in V1_TABLES if table not in ("sessions", "idempotency_keys")}
            others = [r for r in rows(self.db, "idempotency_keys")[1] if r[0] != f"reseller:{demo['id']}"]
            admin = Actor.member(domain.team.members(demo)[0])  # the account's email, its Admin since the upgrade
            domain.customers.invite(demo, "Nach Upgrade", "a@nach-upgrade.de", "nach-upgrade.de", "Nach GmbH", "http://x",
                                    admin)
            self.assertNotEqual(rows(self.db, "customers"), before["customers"])
            domain.kiosk.reset(demo["id"])
            self.assertEqual({table: rows(self.db, table) for table in before}, before)
            self.assertEqual(rows(self.db, "idempotency_keys")[1], others)
            with self.assertRaises(KioskRefused):  # it still holds a registered reseller
                domain.kiosk.prepare("http://x")
        finally:
            db.close()

    def test_upgraded_schema_equals_a_new_databases_schema(self):
        Database(self.db).close()
        fresh = os.path.join(self.tmp, "fresh.db")
        Database(fresh).close()
        self.assertEqual(schema_of(self.db), schema_of(fresh))

    def test_a_second_start_changes_nothing(self):
        Database(self.db).close()
        before = fingerprint(self.db)
        db = Database(self.db)
        db.close()
        self.assertEqual((db.upgraded_from, db.schema_version), (LATEST, LATEST))
        self.assertEqual(fingerprint(self.db), before)

    def test_the_upgraded_database_serves_the_whole_journey(self):
        server = RunningServer(Settings(port=0, db_path=self.db, static_dir="", quiet=True, demo=True,
                                        clock=FakeClock(T0.replace(day=27)))).start()
        port = server.port

        def call(method, path, body=None, token=None, status=200, **kw):
            reply = request(port, method, "/api/v1" + path, body, token, **kw)
            self.assertEqual(reply.status, status, reply)
            return reply.json if reply.body else None

        try:
            # The seeded demo account is marked demo and signs in.
            token = call("POST", "/auth/demo", {"email": "demo@reseller.example"})["token"]
            self.assertEqual(call("GET", "/me", token=token)["email"], "demo@reseller.example")
            # The registered reseller is not reachable through demo sign-in after the upgrade.
            self.assertEqual(request(port, "POST", "/api/v1/auth/demo", {"email": "real@partner.example"}).status, 403)
            page = call("GET", "/customers?limit=200", token=token)
            self.assertEqual(page["total"], 42)
            self.assertIn("Fixture Kunde", {c["name"] for c in page["items"]})
            # An Idempotency-Key stored by the first release still replays its answer.
            fixture = next(c for c in page["items"] if c["name"] == "Fixture Kunde")
            replay = request(port, "POST", "/api/v1/customers",
                             {"name": "Fixture Kunde", "email": "it@fixture-kunde.de",
                              "google_domain": "fixture-kunde.de", "organization": "Fixture Kunde GmbH"},
                             token, headers={"Idempotency-Key": "fixture-invite-1"})
            self.assertEqual((replay.status, replay.json["id"], replay.header("Idempotent-Replayed")),
                             (201, fixture["id"], "true"))
            # Invite, accept, order, change plan, cancel, reactivate, invoices, PDF, CSV.
            customer = call("POST", "/customers", {"name": "Neu Kunde", "email": "a@neu-kunde.de",
                                                  "google_domain": "neu-kunde.de", "organization": "Neu GmbH"},
                            token, status=201)
            call("POST", f"/invitations/{customer['invitation']['url'].rsplit('/', 1)[1]}/accept", {"demo": True})
            sub = f"/customers/{customer['id']}/subscription"
            order = call("POST", f"{sub}/license-orders", {"licenses": 7}, token, status=201,
                         headers={"Idempotency-Key": "after-upgrade-1"})
            self.assertEqual(order["subscription"]["licenses"], 7)
            call("POST", f"{sub}/plan", {"plan": "enterprise", "billing_cycle": "flexible"}, token)
            call("POST", f"{sub}/cancel", {"when": "end_of_term"}, token)
            call("POST", f"{sub}/reactivate", {}, token)
            invoices = call("GET", f"/invoices?customer_id={customer['id']}", token=token)
            self.assertGreaterEqual(invoices["total"], 2)
            pdf = request(port, "GET", f"/api/v1/invoices/{invoices['items'][0]['id']}/pdf", token=token)
            self.assertEqual((pdf.status, pdf.body[:5]), (200, b"%PDF-"))
            csv = request(port, "GET", "/api/v1/invoices/export.csv", token=token)
            self.assertEqual(csv.status, 200)
            self.assertEqual(csv.body.decode().count("\r\n"), call("GET", "/invoices", token=token)["total"] + 1)
            self.assertTrue(call("GET", "/dashboard", token=token)["customers_total"] >= 43)
            self.assertTrue(call("GET", f"/activity?customer_id={customer['id']}", token=token)["items"])
        finally:
            server.stop()


@sqlite_only("the first release's SQLite dump upgraded to teams (PostgreSQL starts at the latest schema)")
class TeamsFromTheFirstRelease(unittest.TestCase):
    """Version 5 (issue 22) on the first release's database: each account's email becomes its
    first Admin, its sessions that Admin's, and every history entry gets its actor while its text
    stays as it was. Checked row by row against what the first release's rows say."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="migrations-teams-")
        self.db = os.path.join(self.tmp, "v1.db")
        load_dump(FIXTURE_V1, self.db)
        conn = sqlite3.connect(self.db)
        try:
            self.v1 = {table: [dict(zip([c[1] for c in conn.execute(f"PRAGMA table_info({table})")], row))
                               for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
                       for table in ("resellers", "sessions", "activity", "customers")}
            # A live session of each account, as the first release wrote them (token known here).
            for reseller in self.v1["resellers"]:
                conn.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, NULL)",
                             (token_hash(f"v1-token-{reseller['id']}"), reseller["id"], "2026-11-27T09:00:00Z",
                              "2026-11-28T09:00:00Z"))
            conn.commit()
        finally:
            conn.close()
        Database(self.db).close()
        self.conn = sqlite3.connect(self.db)
        self.conn.row_factory = sqlite3.Row

    def tearDown(self):
        self.conn.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_each_account_has_its_email_as_its_one_admin(self):
        members = [dict(row) for row in self.conn.execute("SELECT * FROM members ORDER BY id")]
        self.assertEqual(len(members), len(self.v1["resellers"]))
        for reseller, member in zip(self.v1["resellers"], members):
            self.assertEqual({k: member[k] for k in ("reseller_id", "email", "name", "role", "added_at",
                                                    "last_sign_in_at", "removed_at")},
                             {"reseller_id": reseller["id"], "email": reseller["email"], "name": reseller["name"],
                              "role": "admin", "added_at": reseller["created_at"], "last_sign_in_at": None,
                              "removed_at": None})

    def test_every_session_is_its_accounts_admins(self):
        admins = {row["reseller_id"]: row["id"] for row in self.conn.execute("SELECT * FROM members")}
        sessions = self.conn.execute("SELECT * FROM sessions").fetchall()
        self.assertEqual(len(sessions), len(self.v1["sessions"]) + len(self.v1["resellers"]))
        for session in sessions:
            self.assertEqual(session["member_id"], admins[session["reseller_id"]], session["token_hash"])

    def test_every_history_entry_keeps_its_text_and_gets_its_actor(self):
        resellers = {r["id"]: r for r in self.v1["resellers"]}
        customers = {c["id"]: c for c in self.v1["customers"]}
        after = {row["id"]: dict(row) for row in self.conn.execute("SELECT * FROM activity")}
        self.assertEqual(len(after), len(self.v1["activity"]))
        kinds = set()
        for old in self.v1["activity"]:
            new = after[old["id"]]
            with self.subTest(entry=old["id"], action=old["action"]):
                self.assertEqual({k: new[k] for k in old}, old)  # the text and everything else as it was
                if old["actor"] == "system":
                    expected = ("system", None)
                elif old["actor"] == resellers[old["reseller_id"]]["email"]:
                    expected = ("member", resellers[old["reseller_id"]]["name"])  # its Admin, named as the account
                else:  # the customer accepting the invitation
                    self.assertEqual(old["action"], "invitation.accepted")
                    self.assertEqual(old["actor"], customers[old["customer_id"]]["email"])
                    expected = ("customer", customers[old["customer_id"]]["name"])
                self.assertEqual((new["actor_kind"], new["actor_name"]), expected)
                kinds.add(expected[0])
        self.assertEqual(kinds, {"system", "member", "customer"})  # the fixture has all three

    def test_the_upgraded_database_signs_in_members_and_names_actors(self):
        server = RunningServer(Settings(port=0, db_path=self.db, static_dir="", quiet=True, demo=True,
                                        clock=FakeClock(T0.replace(day=27)))).start()
        try:
            # The first release's session goes on, as the account's Admin.
            for reseller in self.v1["resellers"]:
                me = request(server.port, "GET", "/api/v1/me", token=f"v1-token-{reseller['id']}").json
                self.assertEqual((me["email"], me["member"]["email"], me["member"]["role"]),
                                 (reseller["email"], reseller["email"], "admin"))
            token = "v1-token-1"
            history = request(server.port, "GET", "/api/v1/activity?limit=200", token=token).json["items"]
            self.assertEqual({e["actor"]["kind"] for e in history}, {"system", "member", "customer"})
            mine = request(server.port, "GET", "/api/v1/activity?limit=5&actor=demo@reseller.example",
                           token=token).json["items"]
            self.assertEqual({(e["actor"]["email"], e["actor"]["name"]) for e in mine},
                             {("demo@reseller.example", "Northwind Cloud Partners")})
            # The registered reseller's Admin signs in with Google as that Admin.
            signed = server.app.domain.sessions.sign_in_member("real@partner.example")
            self.assertEqual((signed.reseller["email"], signed.member["role"]), ("real@partner.example", "admin"))
        finally:
            server.stop()

    def test_a_kiosk_snapshot_from_before_teams_restores_its_history_with_actors(self):
        db = Database(self.db)
        try:
            domain = Domain(Storage(db), FakeClock(T0.replace(day=27)))
            demo = domain.resellers.by_email("demo@reseller.example")
            domain.kiosk.take_snapshot(demo["id"])
            expected = rows(self.db, "activity")
            # What schema version 4 stored: no team, no actor kind or name.
            stored = json.loads(self.conn.execute("SELECT data FROM demo_snapshots").fetchone()[0])
            stored["schema_version"] = 4
            del stored["tables"]["members"]
            activity = stored["tables"]["activity"]
            keep = [i for i, name in enumerate(activity["columns"]) if name not in ("actor_kind", "actor_name")]
            activity["columns"] = [activity["columns"][i] for i in keep]
            activity["rows"] = [[row[i] for i in keep] for row in activity["rows"]]
            self.conn.execute("UPDATE demo_snapshots SET data = ?", (json.dumps(stored),))
            self.conn.commit()
            admin = domain.team.members(demo)[0]
            helper = domain.team.add(demo, "helper@reseller.example", "Hanna Helfer", "sales", Actor.member(admin))
            domain.kiosk.reset(demo["id"])
            self.assertEqual(rows(self.db, "activity"), expected)
            # The team, which the old snapshot does not hold, stays as it is.
            self.assertEqual([m["id"] for m in domain.team.members(demo)], [admin["id"], helper["id"]])
        finally:
            db.close()

    def test_a_kiosk_snapshot_from_before_bulk_jobs_empties_them(self):
        db = Database(self.db)
        try:
            domain = Domain(Storage(db), FakeClock(T0.replace(day=27)))
            demo = domain.resellers.by_email("demo@reseller.example")
            domain.kiosk.take_snapshot(demo["id"])
            stored = json.loads(self.conn.execute("SELECT data FROM demo_snapshots").fetchone()[0])
            stored["schema_version"] = 10  # the version before bulk jobs and saved views
            for table in ("bulk_jobs", "bulk_job_rows", "saved_views"):
                del stored["tables"][table]
            self.conn.execute("UPDATE demo_snapshots SET data = ?", (json.dumps(stored),))
            self.conn.commit()
            admin = domain.team.members(demo)[0]
            domain.saved_views.create(demo, admin, "A visitor's view", True,
                                      {"q": "", "status": None, "sort": "name", "columns": None})
            customer_id = self.conn.execute("SELECT id FROM customers WHERE reseller_id = ?", (demo["id"],)).fetchone()[0]
            domain.bulk.create_for_customers(demo, admin, "revoke_invitations", None, {"ids": [customer_id]},
                                             "http://x")
            for table in ("bulk_jobs", "bulk_job_rows", "saved_views"):
                self.assertEqual(len(rows(self.db, table)[1]), 1, table)
            domain.kiosk.reset(demo["id"])
            for table in ("bulk_jobs", "bulk_job_rows", "saved_views"):
                self.assertEqual(rows(self.db, table)[1], [], table)
        finally:
            db.close()


@sqlite_only("the first release's SQLite dump brought to version 6 (PostgreSQL: test_postgres_operations.py)")
class DomainScopesFromVersion6(unittest.TestCase):
    """Version 7 (issue 24) on a database as the version before made it (the first release's
    fixture brought to version 6, with a stored sign-in answer as version 5 stored them): demo
    customers reserve their domains within their account only, stored answers holding a session
    token are gone, everything else is kept row by row; the links it holds in plain text are
    sealed at the first start."""

    def setUp(self):
        from partner_api.storage.migrations import migrate
        self.tmp = tempfile.mkdtemp(prefix="migrations-7-")
        self.db = os.path.join(self.tmp, "v6.db")
        load_dump(FIXTURE_V1, self.db)
        conn = sqlite3.connect(self.db, isolation_level=None)
        try:
            self.assertEqual(migrate(conn, target=6), (1, 6))
            conn.execute("INSERT INTO idempotency_keys VALUES ('public:127.0.0.1', 'sign-in-6', 'h', 200,"
                         " 'application/json; charset=utf-8', ?, '2026-11-27T09:00:00Z')",
                         (b'{"token":"a-session-token-of-version-6","expires_at":"2026-11-27T17:00:00Z"}',))
            conn.execute("INSERT INTO idempotency_keys VALUES ('public:127.0.0.1', 'accept-6', 'h', 200,"
                         " 'application/json; charset=utf-8', ?, '2026-11-27T09:00:00Z')",
                         (b'{"customer":{"id":1},"reseller":{"name":"Northwind"}}',))
            self.before = {table: rows(self.db, table) for table in V1_TABLES}
        finally:
            conn.close()

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_demo_customers_are_scoped_to_their_account_and_every_other_row_is_kept(self):
        messages = []
        Database(self.db, log=messages.append).close()
        self.assertEqual(len(messages), LATEST - 6, messages)
        conn = sqlite3.connect(self.db)
        try:
            scopes = dict(conn.execute("SELECT c.id, c.domain_scope = r.id AND r.is_demo = 1 OR c.domain_scope = 0"
                                       " AND r.is_demo = 0 FROM customers c JOIN resellers r ON r.id = c.reseller_id"))
            self.assertEqual(set(scopes.values()), {1})
            self.assertEqual(conn.execute("SELECT COUNT(*) FROM customers WHERE domain_scope = 1").fetchone()[0], 42)
            keys = {row[0] for row in conn.execute("SELECT key FROM idempotency_keys")}
            self.assertEqual(keys, {"fixture-invite-1", "fixture-order-1", "accept-6"})
        finally:
            conn.close()
        for table, (columns, old_rows) in self.before.items():
            new_columns, new_rows = rows(self.db, table)
            index = [new_columns.index(c) for c in columns]
            kept = sorted(tuple(r[i] for i in index) for r in new_rows)
            if table == "idempotency_keys":
                old_rows = [r for r in old_rows if r[1] != "sign-in-6"]
            self.assertEqual(kept, old_rows, table)
        fresh = os.path.join(self.tmp, "fresh.db")
        Database(fresh).close()
        self.assertEqual(schema_of(self.db), schema_of(fresh))

    def test_the_upgraded_database_lets_demo_and_real_share_a_domain_and_seals_its_links(self):
        server = RunningServer(Settings(port=0, db_path=self.db, static_dir="", quiet=True, demo=True,
                                        clock=FakeClock(T0.replace(day=27)))).start()
        try:
            domain = server.app.domain
            demo = request(server.port, "POST", "/api/v1/auth/demo", {"email": "demo@reseller.example"}).json["token"]
            live = [c for c in request(server.port, "GET", "/api/v1/customers?status=invited&limit=200",
                                       token=demo).json["items"] if c["invitation"]["url"]]
            self.assertTrue(live)
            real = domain.sessions.sign_in_member("real@partner.example").token
            reply = request(server.port, "POST", "/api/v1/customers",
                            {"name": "Echt", "email": "it@" + live[0]["google_domain"],
                             "google_domain": live[0]["google_domain"], "organization": "Echt GmbH"}, real)
            self.assertEqual(reply.status, 201, reply)
        finally:
            server.stop()
        conn = sqlite3.connect(self.db)
        try:
            text = "\n".join(conn.iterdump())
        finally:
            conn.close()
        for customer in live:
            self.assertNotIn(customer["invitation"]["url"].rsplit("/", 1)[1], text)


@sqlite_only("the first release's SQLite dump brought to version 9 (PostgreSQL: test_postgres_operations.py)")
class LifecycleFromVersion9(unittest.TestCase):
    """Version 10 (issue 23) on a database as the version before made it (the first release's
    fixture brought to version 9): every row is kept, answers, suspensions, renewal counts and
    seat caps start empty, and the upgraded data lives the whole new life: a suspended customer
    keeps its domain, a customer is invited again, and moves to another account."""

    def setUp(self):
        from partner_api.storage.migrations import migrate
        self.tmp = tempfile.mkdtemp(prefix="migrations-10-")
        self.db = os.path.join(self.tmp, "v9.db")
        load_dump(FIXTURE_V1, self.db)
        conn = sqlite3.connect(self.db, isolation_level=None)
        try:
            self.assertEqual(migrate(conn, target=9), (1, 9))
            self.before = {table: rows(self.db, table) for table in V1_TABLES}
        finally:
            conn.close()

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_every_row_is_kept_and_the_new_columns_start_empty(self):
        messages = []
        Database(self.db, log=messages.append).close()
        # Later migrations (11: bulk jobs) follow it; version 10 is the one this test is about.
        self.assertEqual(messages[0], "Upgrading the database to schema version 10 (suspension, verified answers, "
                                      "renewal count, seat cap, transfer tokens).")
        for table, (columns, old_rows) in self.before.items():
            new_columns, new_rows = rows(self.db, table)
            index = [new_columns.index(c) for c in columns]
            self.assertEqual(sorted(tuple(r[i] for i in index) for r in new_rows), old_rows, table)
        conn = sqlite3.connect(self.db)
        try:
            self.assertEqual(conn.execute("SELECT COUNT(*) FROM invitations WHERE answered_by IS NOT NULL OR"
                                          " answer_method IS NOT NULL").fetchone()[0], 0)
            self.assertEqual(conn.execute("SELECT COUNT(*) FROM subscriptions WHERE suspend_reason IS NOT NULL OR"
                                          " renewal_licenses IS NOT NULL OR max_licenses IS NOT NULL").fetchone()[0], 0)
            self.assertEqual(conn.execute("SELECT COUNT(*) FROM transfer_tokens").fetchone()[0], 0)
        finally:
            conn.close()
        fresh = os.path.join(self.tmp, "fresh.db")
        Database(fresh).close()
        self.assertEqual(schema_of(self.db), schema_of(fresh))

    def test_the_upgraded_data_lives_its_whole_life(self):
        server = RunningServer(Settings(port=0, db_path=self.db, static_dir="", quiet=True, demo=True,
                                        clock=FakeClock(T0.replace(day=27)))).start()
        try:
            def call(method, path, body=None, token=None, status=200):
                reply = request(server.port, method, "/api/v1" + path, body, token)
                self.assertEqual(reply.status, status, reply)
                return reply.json if reply.body else None
            demo = call("POST", "/auth/demo", {"email": "demo@reseller.example"})["token"]
            paid = [c for c in call("GET", "/customers?status=active&limit=200", token=demo)["items"]
                    if c["subscription"]["status"] == "active"][0]
            self.assertIsNotNone(paid["subscription"]["renewal"])
            call("POST", f"/customers/{paid['id']}/subscription/suspend", {"reason": "non_payment"}, demo)
            # Suspended, it keeps its domain within the demo account.
            taken = request(server.port, "POST", "/api/v1/customers",
                            {"name": "Doppelt", "email": "x@" + paid["google_domain"],
                             "google_domain": paid["google_domain"], "organization": "Doppelt GmbH"}, demo)
            self.assertEqual((taken.status, taken.json["error"]["code"]), (409, "domain_taken"))
            call("POST", f"/customers/{paid['id']}/subscription/resume", None, demo)
            cancelled = call("GET", "/customers?status=cancelled&limit=1", token=demo)["items"][0]
            again = call("POST", f"/customers/{cancelled['id']}/invitation", None, demo)
            self.assertEqual(again["status"], "invited")
            token = call("POST", f"/customers/{paid['id']}/transfer-token", None, demo, status=201)["token"]
            other = call("POST", "/auth/demo", {"email": "other-demo@reseller.example"})["token"]
            call("POST", "/customers/transfer", {"token": token}, other)
            self.assertEqual(call("GET", f"/customers/{paid['id']}", token=other)["status"], "active")
        finally:
            server.stop()


@sqlite_only("SQLite files (PostgreSQL: test_postgres_operations.py)")
class NewAndNewerDatabases(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="migrations-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_a_new_database_gets_every_migration(self):
        path = os.path.join(self.tmp, "new.db")
        db = Database(path)
        db.close()
        self.assertEqual((db.upgraded_from, db.schema_version), (0, LATEST))
        conn = sqlite3.connect(path)
        try:
            self.assertEqual([r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")],
                             [m.version for m in MIGRATIONS])
        finally:
            conn.close()

    def test_a_database_from_a_newer_version_is_refused_untouched(self):
        path = os.path.join(self.tmp, "newer.db")
        Database(path).close()
        conn = sqlite3.connect(path)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(LATEST + 1),))
        conn.commit()
        conn.execute("PRAGMA journal_mode=DELETE")  # as another tool might leave it
        conn.close()
        with open(path, "rb") as fh:
            before = fh.read()
        with self.assertRaises(SchemaError) as raised:
            Database(path)
        self.assertIn(f"schema version {LATEST + 1}", str(raised.exception))
        self.assertIn("newer", str(raised.exception))
        with open(path, "rb") as fh:
            self.assertEqual(fh.read(), before)
        self.assertFalse(os.path.exists(path + "-wal"))

    def test_another_programs_database_is_refused(self):
        path = os.path.join(self.tmp, "other.db")
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.close()
        with self.assertRaises(SchemaError):
            Database(path)

    def test_a_failing_migration_leaves_the_previous_version(self):
        from partner_api.storage import migrations
        path = os.path.join(self.tmp, "v1.db")
        load_dump(FIXTURE_V1, path)
        before = fingerprint(path)
        broken = migrations.Migration(LATEST + 1, "broken", "CREATE TABLE half (id INTEGER);\nSELECT * FROM no_such_table;")
        saved = migrations.MIGRATIONS[:], migrations.LATEST
        migrations.MIGRATIONS.append(broken)
        migrations.LATEST = broken.version
        try:
            with self.assertRaises(sqlite3.OperationalError):
                migrations.migrate(sqlite3.connect(path, isolation_level=None))
        finally:
            migrations.MIGRATIONS[:], migrations.LATEST = saved
        conn = sqlite3.connect(path)
        try:
            self.assertEqual(conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0], str(LATEST))
            self.assertIsNone(conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchone())
        finally:
            conn.close()
        self.assertNotEqual(fingerprint(path), before)  # the earlier migrations did apply


if __name__ == "__main__":
    unittest.main()
