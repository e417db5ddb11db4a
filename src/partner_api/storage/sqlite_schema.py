"""SQLite's side of the numbered migrations (storage/migrations.py lists both dialects under one
number and applies these; storage/postgres/schema.py is PostgreSQL's). Released scripts are never
edited: a schema change is a new script here, in postgres/schema.py where PostgreSQL's differs,
and a line in MIGRATIONS."""

# Version 1: the schema of the first release (partner API 1.0.0), exactly as it shipped.
V1 = """
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

# Version 2: demo accounts are marked as such. Demo sign-in reaches only these, so a real
# reseller can never be signed in by typing their email. Upgraded databases mark the one
# account demo mode has always seeded; every other existing account is treated as real.
V2 = """
ALTER TABLE resellers ADD COLUMN is_demo INTEGER NOT NULL DEFAULT 0;
UPDATE resellers SET is_demo = 1 WHERE email = 'demo@reseller.example';
"""

# Version 3: kiosk mode keeps a snapshot of its demo account and puts it back on every reset
# (domain/kiosk.py, storage/snapshots.py). The rows are kept as one JSON document per account.
V3 = """
CREATE TABLE demo_snapshots (
    reseller_id INTEGER PRIMARY KEY REFERENCES resellers(id),
    taken_at TEXT NOT NULL,
    data TEXT NOT NULL
);
"""

# Version 4: every change to a reseller's customers or invoices bumps that list's generation, in
# the same transaction, whoever writes. The server keeps list totals and sort samples while the
# generation is unchanged (list_cache.py), so a long list is not counted on every request.
V4 = """
CREATE TABLE list_generations (
    reseller_id INTEGER NOT NULL,
    list TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (reseller_id, list)
) WITHOUT ROWID;
CREATE TRIGGER customers_insert_generation AFTER INSERT ON customers BEGIN
    INSERT INTO list_generations(reseller_id, list, n) VALUES (NEW.reseller_id, 'customers', 1)
        ON CONFLICT(reseller_id, list) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER customers_update_generation AFTER UPDATE ON customers BEGIN
    INSERT INTO list_generations(reseller_id, list, n) VALUES (OLD.reseller_id, 'customers', 1)
        ON CONFLICT(reseller_id, list) DO UPDATE SET n = n + 1;
    INSERT INTO list_generations(reseller_id, list, n) VALUES (NEW.reseller_id, 'customers', 1)
        ON CONFLICT(reseller_id, list) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER customers_delete_generation AFTER DELETE ON customers BEGIN
    INSERT INTO list_generations(reseller_id, list, n) VALUES (OLD.reseller_id, 'customers', 1)
        ON CONFLICT(reseller_id, list) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER invoices_insert_generation AFTER INSERT ON invoices BEGIN
    INSERT INTO list_generations(reseller_id, list, n) VALUES (NEW.reseller_id, 'invoices', 1)
        ON CONFLICT(reseller_id, list) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER invoices_update_generation AFTER UPDATE ON invoices BEGIN
    INSERT INTO list_generations(reseller_id, list, n) VALUES (OLD.reseller_id, 'invoices', 1)
        ON CONFLICT(reseller_id, list) DO UPDATE SET n = n + 1;
    INSERT INTO list_generations(reseller_id, list, n) VALUES (NEW.reseller_id, 'invoices', 1)
        ON CONFLICT(reseller_id, list) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER invoices_delete_generation AFTER DELETE ON invoices BEGIN
    INSERT INTO list_generations(reseller_id, list, n) VALUES (OLD.reseller_id, 'invoices', 1)
        ON CONFLICT(reseller_id, list) DO UPDATE SET n = n + 1;
END;
"""

# Who made an activity entry, for rows written before actors were kept (version 5, and rows of a
# kiosk snapshot taken before it): 'system' stays the system; an accepted invitation is the
# customer's doing (named as the customer is named); anything else was the reseller, that is the
# member with that email (its first Admin after the upgrade). Only rows without a kind change.
CLASSIFY_ACTORS = """
UPDATE activity SET
    actor_kind = CASE WHEN actor = 'system' THEN 'system'
                      WHEN action = 'invitation.accepted' THEN 'customer'
                      ELSE 'member' END,
    actor_name = CASE WHEN actor = 'system' THEN NULL
                      WHEN action = 'invitation.accepted'
                          THEN (SELECT c.name FROM customers c WHERE c.id = activity.customer_id)
                      ELSE COALESCE((SELECT m.name FROM members m WHERE m.reseller_id = activity.reseller_id
                                     AND m.email = activity.actor ORDER BY m.id LIMIT 1), activity.actor) END
WHERE actor_kind IS NULL;
"""

# Version 5: a reseller account is a team (issue 22). A member is a person (email, name) with one
# role in one account; sessions belong to a member; every history entry says who acted. Each
# existing account's email becomes its first Admin, named as the account; existing sessions
# become that Admin's. A removed member keeps its row (removed_at) so history and sessions can
# still be traced to it; its email may join again as a new member.
# sessions.member_id has no REFERENCES on purpose: a kiosk reset deletes and puts back the demo
# team's rows while the kiosk's own session points at one of them.
V5 = """
CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    reseller_id INTEGER NOT NULL REFERENCES resellers(id),
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'buyer', 'sales', 'viewer')),
    added_at TEXT NOT NULL,
    last_sign_in_at TEXT,
    removed_at TEXT
);
CREATE UNIQUE INDEX members_current ON members(reseller_id, email) WHERE removed_at IS NULL;
CREATE INDEX members_email ON members(email) WHERE removed_at IS NULL;
INSERT INTO members(reseller_id, email, name, role, added_at)
    SELECT id, email, name, 'admin', created_at FROM resellers ORDER BY id;

ALTER TABLE sessions ADD COLUMN member_id INTEGER;
UPDATE sessions SET member_id = (SELECT m.id FROM members m WHERE m.reseller_id = sessions.reseller_id);
CREATE INDEX sessions_member ON sessions(member_id) WHERE ended_at IS NULL;

-- actor keeps what it held (an email, or 'system'); the kind and the name at the time join it.
ALTER TABLE activity ADD COLUMN actor_kind TEXT CHECK (actor_kind IN ('member', 'customer', 'system'));
ALTER TABLE activity ADD COLUMN actor_name TEXT;
""" + CLASSIFY_ACTORS + """
CREATE INDEX activity_actor ON activity(reseller_id, actor, id);
"""

# Version 6: the rate limits' hits (sign-in attempts, kiosk resets) per client live in the
# database when several serve.py share it (PostgreSQL), so a client cannot multiply its attempts
# by the number of processes behind the load balancer. SQLite keeps them in memory (one process).
V6 = """
CREATE TABLE rate_limit_hits (limit_name TEXT NOT NULL, client TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX rate_limit_hits_client ON rate_limit_hits(limit_name, client, at);
CREATE INDEX rate_limit_hits_at ON rate_limit_hits(at);
"""

# Version 7 (issue 24): a demo account reserves a Google domain only within itself. Its
# customers' domain_scope is its own id; a registered reseller's customers share scope 0, where
# a domain stays one live customer's across all registered resellers. Stored sign-in answers,
# which held a session token, are deleted (sign-in answers are no longer stored). Indexes let
# the background purge find expired sessions, old stored answers and old emails without a scan.
V7 = """
ALTER TABLE customers ADD COLUMN domain_scope INTEGER NOT NULL DEFAULT 0;
UPDATE customers SET domain_scope = reseller_id WHERE reseller_id IN (SELECT id FROM resellers WHERE is_demo = 1);
DROP INDEX customers_live_domain;
CREATE UNIQUE INDEX customers_live_domain
    ON customers(google_domain, domain_scope) WHERE status IN ('invited', 'active');
DELETE FROM idempotency_keys WHERE scope LIKE 'public:%' AND instr(body, '"token":') > 0;
CREATE INDEX sessions_expiry ON sessions(expires_at);
CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);
CREATE INDEX outbox_created ON outbox(created_at);
"""

# Version 9 (issue 18): invoices a German accountant accepts. The reseller's billing profile (its
# legal name, address, tax numbers, bank account, invoice number prefix and payment terms), each
# customer's billing details, and invoices that keep what they were issued with: the parties as
# they were (`issued_as`, JSON), the language, the kind (an invoice or a credit note, which names
# the invoice it corrects) and each line's service period. Invoices issued before keep their
# amounts and lines; the names they showed (read from the customer and the account until now)
# are written into them once here, so a later rename no longer changes them.
V9 = """
CREATE TABLE billing_profiles (
    id INTEGER PRIMARY KEY,
    reseller_id INTEGER NOT NULL UNIQUE REFERENCES resellers(id),
    legal_name TEXT,
    street TEXT,
    postal_code TEXT,
    city TEXT,
    country TEXT,
    vat_id TEXT,
    tax_number TEXT,
    invoice_prefix TEXT NOT NULL DEFAULT 'INV-',
    payment_terms_days INTEGER NOT NULL DEFAULT 30,
    iban TEXT,
    bic TEXT,
    email TEXT,
    phone TEXT,
    updated_at TEXT NOT NULL
);
ALTER TABLE customers ADD COLUMN billing_street TEXT;
ALTER TABLE customers ADD COLUMN billing_postal_code TEXT;
ALTER TABLE customers ADD COLUMN billing_city TEXT;
ALTER TABLE customers ADD COLUMN billing_country TEXT;
ALTER TABLE customers ADD COLUMN billing_vat_id TEXT;
ALTER TABLE customers ADD COLUMN billing_language TEXT;
ALTER TABLE customers ADD COLUMN billing_email TEXT;
ALTER TABLE customers ADD COLUMN billing_reference TEXT;
ALTER TABLE invoices ADD COLUMN kind TEXT NOT NULL DEFAULT 'invoice';
ALTER TABLE invoices ADD COLUMN corrects_invoice_id INTEGER;
ALTER TABLE invoices ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE invoices ADD COLUMN seller_name TEXT;
ALTER TABLE invoices ADD COLUMN buyer_name TEXT;
ALTER TABLE invoices ADD COLUMN buyer_organization TEXT;
ALTER TABLE invoices ADD COLUMN issued_as TEXT;
UPDATE invoices SET
    seller_name = (SELECT r.name FROM resellers r WHERE r.id = invoices.reseller_id),
    buyer_name = (SELECT c.name FROM customers c WHERE c.id = invoices.customer_id),
    buyer_organization = (SELECT c.organization FROM customers c WHERE c.id = invoices.customer_id);
CREATE INDEX invoices_corrects ON invoices(corrects_invoice_id) WHERE corrects_invoice_id IS NOT NULL;
ALTER TABLE invoice_lines ADD COLUMN period_start TEXT;
ALTER TABLE invoice_lines ADD COLUMN period_end TEXT;
"""

# Version 10 (issue 23): the customer's whole life. A suspended customer keeps its Google domain;
# an invitation remembers who answered it (the verified Google account, or a demo acceptance);
# a subscription may be suspended (with the reason), renew with a count chosen ahead, and have a
# seat cap; a customer may be handed to another reseller with a one-time transfer token, kept only
# as its hash. transfer_tokens.customer_id has no REFERENCES on purpose: a kiosk reset deletes and
# puts back the demo account's customers whatever tokens an older snapshot did not hold.
V10 = """
DROP INDEX customers_live_domain;
CREATE UNIQUE INDEX customers_live_domain
    ON customers(google_domain, domain_scope) WHERE status IN ('invited', 'active', 'suspended');
ALTER TABLE invitations ADD COLUMN answered_by TEXT;
ALTER TABLE invitations ADD COLUMN answered_by_name TEXT;
ALTER TABLE invitations ADD COLUMN answer_method TEXT CHECK (answer_method IN ('google', 'demo'));
ALTER TABLE subscriptions ADD COLUMN suspend_reason TEXT;
ALTER TABLE subscriptions ADD COLUMN suspended_at TEXT;
ALTER TABLE subscriptions ADD COLUMN renewal_licenses INTEGER;
ALTER TABLE subscriptions ADD COLUMN max_licenses INTEGER;
CREATE TABLE transfer_tokens (
    id INTEGER PRIMARY KEY,
    reseller_id INTEGER NOT NULL REFERENCES resellers(id),
    customer_id INTEGER NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('live', 'used', 'revoked', 'superseded')),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_by_name TEXT NOT NULL,
    ended_at TEXT,
    to_reseller_id INTEGER
);
CREATE UNIQUE INDEX transfer_tokens_live ON transfer_tokens(customer_id) WHERE status = 'live';
CREATE INDEX transfer_tokens_reseller ON transfer_tokens(reseller_id, id);
"""

# Version 11 (issue 19): bulk work. A bulk job (an import of invitations, or one action over many
# customers) is database state, so any serve.py can carry it on after another stopped: its rows
# are written when the job is made (an import's as its batches arrive), each finished in the same
# transaction as the change it made; the job's lease names the process working on it. A row key
# done once (an import's row) is done for good: the partial unique index makes a second "done"
# impossible. History entries name the job they came from. Saved views of the customer list
# belong to a member, personal or shared with the team.
V11 = """
CREATE TABLE bulk_jobs (
    id INTEGER PRIMARY KEY,
    reseller_id INTEGER NOT NULL REFERENCES resellers(id),
    member_id INTEGER NOT NULL,
    actor TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    licenses INTEGER,
    selection TEXT NOT NULL,
    base_url TEXT NOT NULL,
    status TEXT NOT NULL,
    total INTEGER NOT NULL,
    received INTEGER NOT NULL DEFAULT 0,
    done INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    note TEXT,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    lease_owner TEXT,
    lease_until TEXT
);
CREATE INDEX bulk_jobs_reseller ON bulk_jobs(reseller_id, id);
CREATE INDEX bulk_jobs_open ON bulk_jobs(id) WHERE status IN ('receiving', 'queued', 'running');
CREATE INDEX bulk_jobs_finished ON bulk_jobs(finished_at);
CREATE TABLE bulk_job_rows (
    job_id INTEGER NOT NULL REFERENCES bulk_jobs(id),
    position INTEGER NOT NULL,
    reseller_id INTEGER NOT NULL,
    customer_id INTEGER,
    row_key TEXT,
    input TEXT,
    expected_licenses INTEGER,
    state TEXT NOT NULL,
    code TEXT,
    message TEXT,
    detail TEXT,
    finished_at TEXT,
    PRIMARY KEY (job_id, position)
) WITHOUT ROWID;
CREATE INDEX bulk_job_rows_pending ON bulk_job_rows(job_id, position) WHERE state = 'pending';
CREATE INDEX bulk_job_rows_state ON bulk_job_rows(job_id, state, position);
CREATE INDEX bulk_job_rows_customer ON bulk_job_rows(job_id, customer_id);
CREATE UNIQUE INDEX bulk_job_rows_key ON bulk_job_rows(reseller_id, row_key) WHERE state = 'done';
ALTER TABLE activity ADD COLUMN job_id INTEGER;
CREATE TABLE saved_views (
    id INTEGER PRIMARY KEY,
    reseller_id INTEGER NOT NULL REFERENCES resellers(id),
    member_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    shared INTEGER NOT NULL DEFAULT 0,
    q TEXT NOT NULL DEFAULT '',
    status TEXT,
    sort TEXT NOT NULL,
    columns TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX saved_views_reseller ON saved_views(reseller_id, id);
CREATE UNIQUE INDEX saved_views_name ON saved_views(reseller_id, member_id, name);
"""

# What each invoice line is (line_items.describe's item as JSON: kind, plan, cycle, licenses,
# days...), so a client can say it in its reader's language; NULL for lines issued before.
V12 = """
ALTER TABLE invoice_lines ADD COLUMN item TEXT;
"""
