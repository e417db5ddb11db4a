"""Shared helpers for the server tests: an in-process server on a free port with a
temporary database, a small HTTP client, and a database fingerprint.

The suite runs against SQLite, or against PostgreSQL when PARTNER_API_TEST_BACKEND=postgresql
(run_tests.py --postgres): every test class then gets a new database in a throwaway cluster
(postgres_cluster.py). Tests reach the database only through `new_database`, `fingerprint`
and `sql`, which speak both; a test that is about SQLite's file says so with `sqlite_only`."""
import datetime as dt
import hashlib
import itertools
import http.client
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from partner_api.clock import FakeClock, UTC  # noqa: E402
from partner_api.http.server import RunningServer, Settings  # noqa: E402
from partner_api.storage.postgres import is_url  # noqa: E402

POSTGRES = os.environ.get("PARTNER_API_TEST_BACKEND", "") == "postgresql"
if POSTGRES:
    # A PostgreSQL database has no file beside it for the server's secret: every serve.py of the
    # pass (in-process or started by a test) is given the same one, as a deployment must be.
    os.environ.setdefault("PARTNER_API_SECRET", "5e" * 32)


def postgres_cluster():
    import postgres_cluster as clusters
    return clusters.shared()


def new_database(folder, name="test.db"):
    """Where a test's database lives: a file in `folder`, or a new PostgreSQL database."""
    if POSTGRES:
        return postgres_cluster().new_database()
    return os.path.join(folder, name)


def drop_database(target):
    if is_url(target):
        postgres_cluster().drop_database(target)


def connect(target):
    if is_url(target):
        from partner_api.storage.postgres import load_psycopg
        from partner_api.storage.postgres.database import Connection, row_factory
        psycopg, _ = load_psycopg()
        return Connection(psycopg.connect(target, autocommit=True, row_factory=row_factory))
    conn = sqlite3.connect(target, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


def sql(target, query, params=()):
    """Runs one statement (qmark parameters) on the test's database; returns its rows as tuples."""
    conn = connect(target)
    try:
        cursor = conn.execute(query, params)
        return [tuple(row) for row in cursor.fetchall()] if cursor.description else []
    finally:
        (conn.raw if is_url(target) else conn).close()


def sqlite_only(reason):
    """For a test of SQLite's file itself (WAL, the file lock, file backups): skipped on PostgreSQL."""
    return unittest.skipIf(POSTGRES, f"SQLite only: {reason}")

CONTRACT = ROOT / "tests" / "contract"
# How a demo server's demo accounts' invitations are answered without Google (issue 23).
DEMO_ANSWER = {"demo": True}
T0 = dt.datetime(2026, 11, 26, 9, 0, 0, tzinfo=UTC)


class Reply:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def header(self, name):
        return self.headers.get(name.lower())

    def __repr__(self):
        return f"<Reply {self.status} {self.body[:300]!r}>"


def request(port, method, path, body=None, token=None, headers=None, raw=None, host="127.0.0.1"):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    all_headers = dict(headers or {})
    if token:
        all_headers["Authorization"] = f"Bearer {token}"
    data = raw
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        all_headers.setdefault("Content-Type", "application/json")
    conn.request(method, path, body=data, headers=all_headers)
    response = conn.getresponse()
    reply = Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    conn.close()
    return reply


# Bookkeeping that changes by design on every request of its kind: the rate limit counts every
# sign-in attempt, refused ones too.
UNFINGERPRINTED = ("rate_limit_hits",)


def fingerprint(db_path):
    """Hash of every row of every table: equal before and after means nothing changed."""
    if is_url(db_path):
        conn = connect(db_path)
        try:
            digest = hashlib.sha256()
            tables = [row[0] for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1").fetchall()]
            for table in tables:
                if table in UNFINGERPRINTED:
                    continue
                for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall():
                    digest.update(repr((table, tuple(row))).encode("utf-8"))
            return digest.hexdigest()
        finally:
            conn.raw.close()
    conn = sqlite3.connect(db_path)
    try:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            if not line.startswith(tuple(f'INSERT INTO "{table}"' for table in UNFINGERPRINTED)):
                digest.update(line.encode("utf-8"))
        return digest.hexdigest()
    finally:
        conn.close()


class ServerTestCase(unittest.TestCase):
    """One server per test class, with a fake clock that tests may move."""

    settings = {}

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="partner-api-test-")
        cls.db_path = new_database(cls.tmp)
        cls.clock = FakeClock(T0)
        cls.log_lines = []
        options = dict(host="127.0.0.1", port=0, db_path=cls.db_path, static_dir="", quiet=True,
                       clock=cls.clock, log=cls.log_lines.append, sign_in_attempts=10_000,
                       kiosk_resets_per_minute=10_000, purge_every=10 ** 9)
        options.update(cls.settings)
        cls.server = RunningServer(Settings(**options)).start()
        cls.port = cls.server.port

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        drop_database(cls.db_path)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def call(self, method, path, body=None, token=None, **kw):
        return request(self.port, method, path, body, token, **kw)

    def ok(self, method, path, body=None, token=None, status=200, **kw):
        reply = self.call(method, path, body, token, **kw)
        self.assertEqual(reply.status, status, reply)
        return reply.json if reply.body else None

    def sign_in(self, email="demo@reseller.example"):
        return self.ok("POST", "/api/v1/auth/demo", {"email": email})["token"]

    def invite(self, token, n=0, **overrides):
        body = {"name": f"Jürgen Müller {n}", "email": f"j.mueller{n}@mueller-bau-{n}.de",
                "google_domain": f"mueller-bau-{n}.de", "organization": f"Müller Bau {n} GmbH"}
        body.update(overrides)
        return self.ok("POST", "/api/v1/customers", body, token, status=201)

    def accept(self, customer):
        """A demo acceptance (the test servers are demo servers without Google, and their
        accounts demo accounts); test_acceptance.py signs in with Google."""
        token = customer["invitation"]["url"].rsplit("/", 1)[1]
        return self.ok("POST", f"/api/v1/invitations/{token}/accept", DEMO_ANSWER)

    def active_customer(self, token, n=0, licenses=None, plan=None, cycle=None):
        """An invited, accepted customer; with licenses it is converted to paid flexible."""
        customer = self.invite(token, n)
        self.accept(customer)
        base = f"/api/v1/customers/{customer['id']}/subscription"
        if licenses:
            self.ok("POST", f"{base}/license-orders", {"licenses": licenses}, token, status=201)
        if plan:
            self.ok("POST", f"{base}/plan", {"plan": plan, "billing_cycle": cycle}, token)
        return self.ok("GET", f"/api/v1/customers/{customer['id']}", token=token)

    def assertError(self, reply, status, code):
        self.assertEqual(reply.status, status, reply)
        body = reply.json
        self.assertEqual(set(body), {"error"}, body)
        self.assertEqual(body["error"]["code"], code, body)
        self.assertIsInstance(body["error"]["message"], str)
        self.assertTrue(body["error"]["message"])
        return body["error"]


class ClockedCase(ServerTestCase):
    """Each test in a demo account of its own (`self.token`, `self.n` for unique customers), on
    the class's clock set back to T0 before and after: tests move it past terms' ends."""
    settings = {"session_hours": 24 * 3650}
    account = "clocked"

    def setUp(self):
        self.clock.set(T0)
        self.token = self.sign_in(f"{self.account}{next(NUMBERS)}@example.com")
        self.n = next(NUMBERS)

    def tearDown(self):
        self.clock.set(T0)

    def base(self, customer):
        return f"/api/v1/customers/{customer['id']}/subscription"

    def sub(self, customer):
        return self.ok("GET", self.base(customer), token=self.token)

    def invoices(self, customer):
        return self.ok("GET", f"/api/v1/invoices?customer_id={customer['id']}", token=self.token)["items"]


NUMBERS = itertools.count(1)


def shape_matches(actual, example, path="$"):
    """Returns a list of differences in keys and JSON types between actual and example.
    A list in the example holds alternative shapes for its elements; null matches null."""
    problems = []
    if example is None or actual is None:
        if (example is None) != (actual is None) and not isinstance(example, (dict, list)):
            pass  # nullable scalar: the example shows one of the two
        return problems
    kinds = {bool: "bool", int: "int", float: "float", str: "str", list: "list", dict: "dict"}
    if kinds[type(actual)] != kinds[type(example)]:
        return [f"{path}: {kinds[type(actual)]} instead of {kinds[type(example)]}"]
    if isinstance(example, dict):
        if set(actual) != set(example):
            problems.append(f"{path}: keys {sorted(set(actual) ^ set(example))} differ")
        for key in set(actual) & set(example):
            problems += shape_matches(actual[key], example[key], f"{path}.{key}")
    elif isinstance(example, list) and example:
        for index, item in enumerate(actual):
            options = [shape_matches(item, alternative, f"{path}[{index}]") for alternative in example]
            if all(options):
                problems += min(options, key=len)
    return problems


def load_contract(name):
    return json.loads((CONTRACT / name).read_text(encoding="utf-8"))
