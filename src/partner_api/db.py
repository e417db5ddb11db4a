"""SQLite connection handling: WAL, a small pool, and transactions that nest.

A transaction belongs to the thread that opened it; a nested `write()`/`read()` on the same
thread joins it. That lets the idempotency layer wrap a whole request (the mutation, its
invoice, its activity entry and the stored response) in one BEGIN IMMEDIATE ... COMMIT.
"""
import contextlib
import queue
import sqlite3
import threading

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS resellers (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    discount_bp INTEGER NOT NULL DEFAULT 2000,
    tax_bp INTEGER NOT NULL DEFAULT 0,
    currency TEXT NOT NULL DEFAULT 'USD',
    last_invoice_seq INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY,
    reseller_id INTEGER NOT NULL REFERENCES resellers(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ended_at TEXT
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS customers (
    id INTEGER PRIMARY KEY,
    reseller_id INTEGER NOT NULL REFERENCES resellers(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    google_domain TEXT NOT NULL,
    organization TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    invitation_id INTEGER,
    -- Sort keys kept beside the row so every sort is one index range scan.
    name_key TEXT NOT NULL,
    licenses INTEGER NOT NULL DEFAULT 0,
    renews_key TEXT NOT NULL DEFAULT '9999-12-31'
);
-- A Google domain belongs to at most one live customer across all resellers.
CREATE UNIQUE INDEX IF NOT EXISTS customers_live_domain
    ON customers(google_domain) WHERE status IN ('invited', 'active');
CREATE INDEX IF NOT EXISTS customers_name ON customers(reseller_id, name_key, id);
CREATE INDEX IF NOT EXISTS customers_created ON customers(reseller_id, created_at, id);
CREATE INDEX IF NOT EXISTS customers_renews ON customers(reseller_id, renews_key, id);
CREATE INDEX IF NOT EXISTS customers_licenses ON customers(reseller_id, licenses, id);
CREATE INDEX IF NOT EXISTS customers_status_name ON customers(reseller_id, status, name_key, id);
CREATE INDEX IF NOT EXISTS customers_status_created ON customers(reseller_id, status, created_at, id);
CREATE INDEX IF NOT EXISTS customers_status_renews ON customers(reseller_id, status, renews_key, id);
CREATE INDEX IF NOT EXISTS customers_status_licenses ON customers(reseller_id, status, licenses, id);

CREATE VIRTUAL TABLE IF NOT EXISTS customer_search USING fts5(
    name, organization, google_domain, email,
    content='customers', content_rowid='id',
    tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER IF NOT EXISTS customers_search_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customer_search(rowid, name, organization, google_domain, email)
    VALUES (new.id, new.name, new.organization, new.google_domain, new.email);
END;
CREATE TRIGGER IF NOT EXISTS customers_search_delete AFTER DELETE ON customers BEGIN
    INSERT INTO customer_search(customer_search, rowid, name, organization, google_domain, email)
    VALUES ('delete', old.id, old.name, old.organization, old.google_domain, old.email);
END;
CREATE TRIGGER IF NOT EXISTS customers_search_update
AFTER UPDATE OF name, organization, google_domain, email ON customers BEGIN
    INSERT INTO customer_search(customer_search, rowid, name, organization, google_domain, email)
    VALUES ('delete', old.id, old.name, old.organization, old.google_domain, old.email);
    INSERT INTO customer_search(rowid, name, organization, google_domain, email)
    VALUES (new.id, new.name, new.organization, new.google_domain, new.email);
END;

CREATE TABLE IF NOT EXISTS invitations (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    reseller_id INTEGER NOT NULL REFERENCES resellers(id),
    token_hash TEXT NOT NULL UNIQUE,
    -- The raw token is kept only while the link is live: the reseller copies it from the
    -- customer resource. It is cleared once the link is accepted, revoked or replaced.
    url_token TEXT,
    status TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    accepted_at TEXT,
    ended_at TEXT
);
CREATE INDEX IF NOT EXISTS invitations_customer ON invitations(customer_id, id);

CREATE TABLE IF NOT EXISTS subscriptions (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL UNIQUE REFERENCES customers(id),
    reseller_id INTEGER NOT NULL REFERENCES resellers(id),
    plan TEXT NOT NULL,
    billing_cycle TEXT NOT NULL,
    licenses INTEGER NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    term_start TEXT NOT NULL,
    term_end TEXT NOT NULL,
    next_bill_on TEXT,
    auto_renew INTEGER NOT NULL DEFAULT 1,
    unit_price INTEGER NOT NULL,
    monthly_value INTEGER NOT NULL DEFAULT 0,
    currency TEXT NOT NULL,
    scheduled_plan TEXT,
    scheduled_cycle TEXT,
    cancel_reason TEXT,
    cancelled_at TEXT,
    -- The status that reactivate restores (a trial set to cancel stays a trial).
    resume_status TEXT,
    -- Earliest day something happens by itself (a bill, a renewal, an end); NULL if never.
    next_event_on TEXT
);
CREATE INDEX IF NOT EXISTS subscriptions_due
    ON subscriptions(reseller_id, next_event_on) WHERE next_event_on IS NOT NULL;
CREATE INDEX IF NOT EXISTS subscriptions_reseller_status ON subscriptions(reseller_id, status);

CREATE TABLE IF NOT EXISTS license_orders (
    id INTEGER PRIMARY KEY,
    reseller_id INTEGER NOT NULL,
    customer_id INTEGER NOT NULL,
    subscription_id INTEGER NOT NULL,
    licenses_before INTEGER NOT NULL,
    licenses_after INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    invoice_id INTEGER,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS license_orders_subscription ON license_orders(subscription_id, id);

CREATE TABLE IF NOT EXISTS invoices (
    id INTEGER PRIMARY KEY,
    reseller_id INTEGER NOT NULL REFERENCES resellers(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    seq INTEGER NOT NULL,
    number TEXT NOT NULL,
    status TEXT NOT NULL,
    currency TEXT NOT NULL,
    subtotal INTEGER NOT NULL,
    tax INTEGER NOT NULL,
    total INTEGER NOT NULL,
    issued_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    paid_at TEXT,
    UNIQUE (reseller_id, seq)
);
CREATE INDEX IF NOT EXISTS invoices_issued ON invoices(reseller_id, issued_at, id);
CREATE INDEX IF NOT EXISTS invoices_customer ON invoices(reseller_id, customer_id, issued_at, id);
CREATE INDEX IF NOT EXISTS invoices_status ON invoices(reseller_id, status, issued_at, id);

CREATE TABLE IF NOT EXISTS invoice_lines (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices(id),
    position INTEGER NOT NULL,
    description TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    unit_amount INTEGER NOT NULL,
    amount INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS invoice_lines_invoice ON invoice_lines(invoice_id, position);

CREATE TABLE IF NOT EXISTS activity (
    id INTEGER PRIMARY KEY,
    reseller_id INTEGER NOT NULL,
    customer_id INTEGER,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    summary TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS activity_reseller ON activity(reseller_id, id);
CREATE INDEX IF NOT EXISTS activity_customer ON activity(reseller_id, customer_id, id);

CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY,
    reseller_id INTEGER NOT NULL,
    customer_id INTEGER,
    to_email TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    body BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (scope, key)
) WITHOUT ROWID;
"""


def connect(path):
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (BEGIN IMMEDIATE for writes).
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


class Database:
    def __init__(self, path):
        self.path = str(path)
        self._pool = queue.LifoQueue()
        self._local = threading.local()
        conn = connect(self.path)
        try:
            conn.executescript(SCHEMA)
            conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                         (str(SCHEMA_VERSION),))
        finally:
            self._pool.put(conn)

    def _acquire(self):
        try:
            return self._pool.get_nowait()
        except queue.Empty:
            return connect(self.path)

    @contextlib.contextmanager
    def _transaction(self, begin):
        current = getattr(self._local, "conn", None)
        if current is not None:
            yield current  # join the transaction this thread already holds
            return
        conn = self._acquire()
        conn.execute(begin)
        self._local.conn = conn
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        finally:
            self._local.conn = None
            self._pool.put(conn)

    def write(self):
        """A write transaction; BEGIN IMMEDIATE takes the write lock up front so two
        read-modify-write requests serialise instead of deadlocking or losing an update."""
        return self._transaction("BEGIN IMMEDIATE")

    def read(self):
        """A read transaction: one consistent snapshot (a page and its total agree)."""
        return self._transaction("BEGIN")

    def close(self):
        while True:
            try:
                self._pool.get_nowait().close()
            except queue.Empty:
                return
