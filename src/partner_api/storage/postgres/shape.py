"""Is a pg_dump file exactly a console database? (issue 24's defect 7, on PostgreSQL.)

A restore is refused unless the dump holds only what the migrations make for its schema
version. Two checks, both before anything is kept:
- before touching the database, the dump's table of contents may list only the kinds of object
  a console database has (no event triggers, rules, policies, roles, other schemas' objects);
- the restore runs in one transaction that ends by comparing the restored schema's signature
  (every relation with its columns, constraint, index, trigger, function, rule, policy and type,
  as PostgreSQL itself prints them) with the signature of the migrations' schema for that version,
  built in a scratch schema inside a transaction that is rolled back. A difference raises inside
  the restore's transaction, so the database is left as it was.
"""
import re
import secrets

from ...errors import StartupError
from ..migrations import HISTORY, MIGRATIONS

# What pg_restore --list may name in a console database's dump (data entries included).
ALLOWED_KINDS = {"EXTENSION", "COMMENT", "FUNCTION", "TABLE", "SEQUENCE", "TABLE DATA", "SEQUENCE SET",
                 "SEQUENCE OWNED BY", "DEFAULT", "CONSTRAINT", "FK CONSTRAINT", "INDEX", "TRIGGER", "SCHEMA", "ACL"}
EXTENSIONS = {"pg_trgm"}
# Longest first: "FK CONSTRAINT" before "CONSTRAINT", "SEQUENCE OWNED BY" before "SEQUENCE".
_KINDS = sorted(ALLOWED_KINDS | {"EVENT TRIGGER", "MATERIALIZED VIEW", "MATERIALIZED VIEW DATA", "VIEW", "RULE",
                                 "POLICY", "ROW SECURITY", "TYPE", "DOMAIN", "OPERATOR", "OPERATOR CLASS",
                                 "OPERATOR FAMILY", "AGGREGATE", "PROCEDURE", "DEFAULT ACL", "CAST",
                                 "SERVER", "FOREIGN TABLE", "USER MAPPING", "PUBLICATION", "SUBSCRIPTION",
                                 "LARGE OBJECT", "BLOB", "BLOBS", "CONVERSION", "COLLATION",
                                 "TEXT SEARCH CONFIGURATION",
                                 "TEXT SEARCH DICTIONARY", "PROCEDURAL LANGUAGE", "TRANSFORM", "STATISTICS",
                                 "FOREIGN DATA WRAPPER", "ACCESS METHOD", "CHECK CONSTRAINT", "SHELL TYPE"},
                key=len, reverse=True)
_ENTRY = re.compile(r"^\d+; \d+ \d+ (.*)$")

# One line per object of the current schema, as PostgreSQL prints it; objects an extension owns
# are left out (pg_trgm's functions), and names of the schema itself are dropped from the text.
SIGNATURE_SQL = r"""
WITH ns AS (SELECT oid, nspname FROM pg_namespace WHERE nspname = current_schema()),
ext AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e'),
rels AS (SELECT c.* FROM pg_class c, ns WHERE c.relnamespace = ns.oid
         AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_class'::regclass AND ext.objid = c.oid)),
lines(line) AS (
  SELECT 'relation ' || r.relname || ' ' || r.relkind::text || ' rls=' || r.relrowsecurity::text || ' ('
         || coalesce((SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                                        || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                                        || CASE WHEN a.attidentity <> ''
                                                THEN ' identity ' || a.attidentity::text ELSE '' END
                                        || CASE WHEN a.attgenerated <> '' THEN ' generated' ELSE '' END
                                        || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), ''), ', '
                                        ORDER BY a.attnum)
                      FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                      WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped), '') || ')'
         || CASE WHEN r.relkind IN ('v', 'm') THEN ' as ' || pg_get_viewdef(r.oid) ELSE '' END
  FROM rels r WHERE r.relkind NOT IN ('i', 'I')
  UNION ALL
  SELECT 'index ' || pg_get_indexdef(r.oid) FROM rels r WHERE r.relkind IN ('i', 'I')
  UNION ALL
  SELECT 'constraint ' || rel.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
  FROM pg_constraint k JOIN rels rel ON rel.oid = k.conrelid
  UNION ALL
  SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text
  FROM pg_trigger t JOIN rels rel ON rel.oid = t.tgrelid WHERE NOT t.tgisinternal
  UNION ALL
  SELECT 'rule ' || pg_get_ruledef(w.oid) FROM pg_rewrite w JOIN rels rel ON rel.oid = w.ev_class
  WHERE w.rulename <> '_RETURN'
  UNION ALL
  SELECT 'policy ' || rel.relname || ' ' || p.polname || ' ' || p.polcmd::text || ' '
         || coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' '
         || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')
  FROM pg_policy p JOIN rels rel ON rel.oid = p.polrelid
  UNION ALL
  SELECT 'routine ' || p.prokind::text || ' ' || CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid)
                                                ELSE p.proname || '('
                                                     || pg_get_function_identity_arguments(p.oid) || ')' END
  FROM pg_proc p, ns WHERE p.pronamespace = ns.oid
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_proc'::regclass AND ext.objid = p.oid)
  UNION ALL
  SELECT 'type ' || t.typname || ' ' || t.typtype::text FROM pg_type t, ns WHERE t.typnamespace = ns.oid
  AND t.typrelid = 0 AND t.typelem = 0
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_type'::regclass AND ext.objid = t.oid)
  UNION ALL
  SELECT 'operator ' || o.oprname FROM pg_operator o, ns WHERE o.oprnamespace = ns.oid
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_operator'::regclass AND ext.objid = o.oid)
)
SELECT coalesce(string_agg(replace(replace(line, quote_ident(current_schema()) || '.', ''), E'\n', ' '), E'\n'
                           ORDER BY line), '')
FROM lines
"""

MISMATCH = "rc_shape_mismatch"


def check_contents(listing, path):
    """Refuses a dump whose table of contents (pg_restore --list) names a kind of object a
    console database never has, or an extension the migrations do not make."""
    refused = []
    for line in listing.splitlines():
        found = _ENTRY.match(line.strip())
        if not found:
            continue
        rest = found.group(1)
        kind = next((k for k in _KINDS if rest.startswith(k + " ")), rest.split(" ")[0])
        name = rest[len(kind):].strip()
        if kind not in ALLOWED_KINDS:
            refused.append(f"{kind.lower()} {name}".strip())
        elif kind == "EXTENSION" and name.split(" ")[1:2] and name.split(" ")[1] not in EXTENSIONS:
            refused.append(f"extension {name.split(' ')[1]}")
        elif kind == "SCHEMA" and name.split(" ")[1:2] != ["public"]:
            refused.append(f"schema {name}")
        elif kind == "ACL" and name.split(" ")[1:3] != ["SCHEMA", "public"]:
            refused.append(f"grant on {' '.join(name.split(' ')[1:3])}")  # the schema's own, after a restore
    if refused:
        shown = ", ".join(refused[:8]) + (f" and {len(refused) - 8} more" if len(refused) > 8 else "")
        raise StartupError(f"The backup {path} is not a Reseller Console database as serve.py makes it (not made "
                           f"by serve.py: {shown}). Nothing was changed.")


def expected_signature(conn, version):
    """SIGNATURE_SQL of a schema the PostgreSQL migrations bring to `version`, built in a scratch
    schema inside a transaction that is rolled back (the database is left as it was)."""
    scratch = f"rc_expected_{secrets.token_hex(6)}"
    conn.execute("BEGIN")
    try:
        conn.execute(f'CREATE SCHEMA "{scratch}"')
        # public stays on the path: an extension installed there (pg_trgm) serves the scratch too.
        conn.execute(f'SET LOCAL search_path TO "{scratch}", public')
        for migration in MIGRATIONS:
            if migration.version <= version:
                conn.execute(migration.sql_for("postgresql"))
                conn.execute(HISTORY)
        return conn.execute(SIGNATURE_SQL).fetchone()[0]
    except Exception as error:
        if not type(error).__module__.startswith("psycopg"):
            raise
        first = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise StartupError(f"The backup's schema could not be checked: making the schema of version {version} in "
                           f"a scratch schema failed ({first}). Restore as the database's owner; nothing was "
                           f"changed.") from None
    finally:
        conn.execute("ROLLBACK")


def verification(schema, expected):
    """SQL run at the end of the restore's transaction: raises (and so undoes the restore) when
    the restored schema is not the expected one, with the restored signature as the detail."""
    tag = "rc_" + secrets.token_hex(8)
    quoted = '"' + schema.replace('"', '""') + '"'
    return (f"SET search_path TO {quoted};\n"
            f"DO ${tag}$ DECLARE found text; BEGIN\n"
            f"  found := ({SIGNATURE_SQL});\n"
            f"  IF md5(found) <> '{_md5(expected)}' THEN\n"
            f"    RAISE EXCEPTION '{MISMATCH}' USING DETAIL = found;\n"
            f"  END IF;\n"
            f"END ${tag}$;\n").encode()


def _md5(text):
    import hashlib
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def mismatch(stderr, expected, path, version):
    """The StartupError for psql's output when the verification refused the restore; None when
    psql failed for another reason."""
    if MISMATCH not in stderr:
        return None
    ours = stderr.split(MISMATCH, 1)[1]
    detail = ours.split("DETAIL:", 1)[1] if "DETAIL:" in ours else ""
    detail = detail.split("CONTEXT:", 1)[0]
    found = {line.strip() for line in detail.strip().splitlines() if line.strip()}
    wanted = set(expected.splitlines())
    parts = [f"{label}: " + "; ".join(_short(line) for line in sorted(items)[:6])
             for label, items in (("not made by serve.py", found - wanted), ("missing", wanted - found)) if items]
    return StartupError(f"The backup {path} is not a Reseller Console database as serve.py makes it (schema "
                        f"version {version}; {'; '.join(parts) or 'its schema differs'}). Nothing was changed.")


def _short(line):
    return line if len(line) <= 160 else line[:157] + "..."
