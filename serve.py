#!/usr/bin/env python3
"""Reseller Console: builds the web console if needed, then serves it together with the
reference partner API (SQLite by default, Python standard library only; or PostgreSQL with
Debian's psycopg 3, for several serve.py behind a load balancer).

    python3 serve.py                          demo mode on http://127.0.0.1:8000
    python3 serve.py --db postgresql://USER:PASSWORD@HOST/DBNAME   the same on PostgreSQL
    python3 serve.py migrate --db DB          bring the schema up to date without serving
    python3 serve.py reseller add EMAIL NAME  register a reseller (EMAIL its first Admin) for Google sign-in
    python3 serve.py member add --reseller RESELLER_EMAIL EMAIL ROLE [--name NAME]
                                              add a member to a reseller's team
    python3 serve.py backup --db DB OUT       a consistent copy, also while the server runs
    python3 serve.py restore --db DB BACKUP   put a backup back (the servers must be stopped)
"""
import argparse
import os
import signal
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "src"))
try:
    from toolchain import ensure_web_build
except ImportError:
    ensure_web_build = None

from partner_api import VERSION  # noqa: E402
from partner_api.clock import SystemClock  # noqa: E402
from partner_api.domain import DEMO_EMAIL, Domain  # noqa: E402
from partner_api.domain.activity import SYSTEM  # noqa: E402
from partner_api.domain.roles import ROLE_NAMES, ROLES  # noqa: E402
from partner_api.domain.sessions import name_from_email  # noqa: E402
from partner_api.errors import MemberExists  # noqa: E402
from partner_api.domain.kiosk import KioskRefused  # noqa: E402
from partner_api.domain.seed import seed_demo  # noqa: E402
from partner_api.errors import StartupError  # noqa: E402
from partner_api.http.clients import parse_networks  # noqa: E402
from partner_api.http.google_auth import GOOGLE_JWKS_URL, check_jwks_file  # noqa: E402
from partner_api.http.server import RunningServer, Settings  # noqa: E402
from partner_api.logs import LinesAsEvents, Log, install_excepthooks  # noqa: E402
from partner_api.storage.backends import backup, database, open_database, problem, restore  # noqa: E402
from partner_api.storage.operations import ServerLock  # noqa: E402
from partner_api.storage.postgres import is_url  # noqa: E402
from partner_api.storage.repository import Storage  # noqa: E402
from partner_api.storage.secret import server_secret  # noqa: E402
from partner_api.validation import Fields  # noqa: E402

# A PostgreSQL URL in DATABASE_URL (the usual name on hosting platforms) is the default --db.
DEFAULT_DB = os.environ.get("DATABASE_URL") or "./console-demo.db"
DB_HELP = ("SQLite database file, created if missing, or a PostgreSQL URL "
           f"postgresql://USER:PASSWORD@HOST:PORT/DBNAME (default: $DATABASE_URL, else {'./console-demo.db'})")
# What serve.py says: OUT on stdout (its first line the address), ERR on stderr where the log
# goes. Plain lines, or with --log-json one JSON object per line on both.
OUT = Log(lambda line: print(line, flush=True))
ERR = Log()


def say(line, **fields):
    OUT(line, **fields)


def note(line, level="info", **fields):
    ERR(line, level=level, **fields)


def use_json_lines():
    OUT.json_lines = ERR.json_lines = True
    install_excepthooks(ERR)


class Parser(argparse.ArgumentParser):
    def error(self, message):
        if "--log-json" in sys.argv[1:] or ERR.json_lines:
            note(f"{self.prog}: error: {message}", level="error")
            sys.exit(2)
        super().error(message)
DEFAULT_STATIC = ROOT / "build" / "web" / "dist"


def parse_args(argv):
    if "--log-json" in argv:
        use_json_lines()  # before anything is said, parse errors included
    parser = Parser(
        prog="serve.py",
        description="Build (if needed) and serve the Reseller Console and its partner API.",
        epilog="With no options it runs in demo mode on http://127.0.0.1:8000 with ./console-demo.db. "
               "Subcommands: 'serve.py migrate --db DB' brings the schema up to date and exits (run it once "
               "before starting several processes on one PostgreSQL database); "
               "'serve.py reseller add EMAIL NAME [--db PATH]' registers a reseller "
               "whose EMAIL is its first Admin and may then sign in with Google; 'serve.py member add "
               "--reseller RESELLER_EMAIL EMAIL ROLE [--name NAME]' adds a member (admin, buyer, sales "
               "or viewer) to a reseller's team; 'serve.py backup --db DB OUT' copies a database, "
               "also while a server uses it; 'serve.py restore --db DB BACKUP' puts a copy back. "
               "SIGTERM or Ctrl+C stops the server cleanly: requests in flight finish (10 s at most).")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000,
                        help="port to listen on; 0 picks a free port (default: 8000)")
    parser.add_argument("--db", default=DEFAULT_DB, metavar="PATH_OR_URL", help=DB_HELP)
    parser.add_argument("--db-pool", type=int, default=10, metavar="N",
                        help="PostgreSQL: connections this process keeps at most (default: 10)")
    parser.add_argument("--demo", action="store_true",
                        help="allow demo sign-in and seed demo data into an empty database; on by "
                             "default unless a Google client id is configured")
    parser.add_argument("--skip-build", action="store_true",
                        help="never build; serve what is built, or the API alone if nothing is")
    parser.add_argument("--static", default=str(DEFAULT_STATIC), metavar="DIR",
                        help="folder of the built console (default: build/web/dist beside serve.py)")
    parser.add_argument("--google-client-id", default=os.environ.get("GOOGLE_CLIENT_ID", ""), metavar="ID",
                        help="OAuth client id for Sign in with Google (default: $GOOGLE_CLIENT_ID); "
                             "turns demo sign-in off unless --demo is given too")
    parser.add_argument("--google-jwks", default=GOOGLE_JWKS_URL, metavar="URL_OR_FILE",
                        help="where Google's public signing keys come from: a URL (cached) or a "
                             "JSON file (default: Google's key set URL)")
    parser.add_argument("--public-url", default="", metavar="URL",
                        help="base URL for links in invitations (default: the address serve.py listens on)")
    parser.add_argument("--allow-origin", action="append", default=[], metavar="ORIGIN",
                        help="allow this origin to call the API cross-origin (CORS); repeatable")
    parser.add_argument("--session-hours", type=float, default=8, metavar="N",
                        help="how long a sign-in lasts, in hours (default: 8)")
    parser.add_argument("--quiet", action="store_true", help="no per-request log lines")
    parser.add_argument("--log-json", action="store_true",
                        help="write every line (start-up, requests, faults, tracebacks, the stop) as one JSON "
                             "object, on stderr and stdout (for log collectors)")
    parser.add_argument("--max-connections", type=int, default=512, metavar="N",
                        help="open connections at most; past it a new client gets 503 at once (default: 512)")
    parser.add_argument("--max-connections-per-client", type=int, default=0, metavar="N",
                        help="connections one client address may hold (an IPv6 client: its /64); past it that "
                             "client gets 503 (default: a quarter of --max-connections; a --trusted-proxy has none)")
    parser.add_argument("--trusted-proxy", action="append", default=[], metavar="ADDR",
                        help="a reverse proxy in front of this server (an address or network, e.g. 10.0.0.5 or "
                             "10.0.0.0/24); only requests from it have their X-Forwarded-For read, for the client's "
                             "address in logs and rate limits; repeatable")
    parser.add_argument("--secret-file", default=None, metavar="PATH",
                        help="the server's secret, which invitation links are sealed with in the database "
                             "(default: DB.secret beside the database, made on first start; or "
                             "$PARTNER_API_SECRET); several servers sharing one database need the same one")
    # tests/server/load_bench.py compares the order latency of SQLite's NORMAL and FULL sync.
    parser.add_argument("--synchronous", choices=("FULL", "NORMAL"), default="FULL", help=argparse.SUPPRESS)
    parser.add_argument("--kiosk", action="store_true",
                        help="kiosk and trade-fair mode: the console opens signed in to the demo account, "
                             "full screen, without Sign out, and starts over after a while without use; the "
                             "demo data is restored from a snapshot on every start and every reset. Refuses a "
                             "database that holds registered resellers")
    parser.add_argument("--kiosk-idle", type=int, default=120, metavar="SECONDS",
                        help="with --kiosk: seconds without a touch, click or key before the console asks "
                             "'Still there?' and then starts over (default: 120)")
    parser.add_argument("--kiosk-reset-every", type=float, default=0, metavar="MINUTES",
                        help="with --kiosk: also start over every MINUTES while nobody uses the screen, so a "
                             "screen nobody touches shows fresh data (default: 0, never)")
    # Browser tests serve fixtures under /__test__/ from this folder; never on by default.
    parser.add_argument("--static-extra", default="", help=argparse.SUPPRESS)

    commands = parser.add_subparsers(dest="command", metavar="{migrate,reseller,member,backup,restore}")
    schema = commands.add_parser("migrate", help="bring the database's schema up to date, then exit")
    schema.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH_OR_URL", help=DB_HELP)
    reseller = commands.add_parser("reseller", help="manage resellers")
    reseller_commands = reseller.add_subparsers(dest="reseller_command", required=True, metavar="{add}")
    add = reseller_commands.add_parser("add", help="register (or rename) a reseller by email; that person "
                                                   "becomes its first Admin")
    add.add_argument("email", help="the Google account email of the reseller's first Admin (also the account's email)")
    add.add_argument("name", help="the reseller's company name")
    add.add_argument("--admin-name", default=None, metavar="NAME",
                     help="the Admin's own name, as the history shows it (default: the company name)")
    add.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH_OR_URL", help=DB_HELP)
    add.add_argument("--force", action="store_true",
                     help="register even on a kiosk's database (which a kiosk then refuses to start on)")
    member = commands.add_parser("member", help="manage a reseller's team")
    member_commands = member.add_subparsers(dest="member_command", required=True, metavar="{add}")
    join = member_commands.add_parser("add", help="add a member to a reseller's team; they sign in with Google "
                                                  "under EMAIL")
    join.add_argument("--reseller", required=True, metavar="RESELLER_EMAIL",
                      help="the reseller account's email (as given to 'reseller add')")
    join.add_argument("email", help="the member's Google account email")
    join.add_argument("role", choices=ROLES, help="what the member may do: " + ", ".join(ROLES))
    join.add_argument("--name", default=None, help="the member's name (default: made from the email)")
    join.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH_OR_URL", help=DB_HELP)
    copy = commands.add_parser("backup", help="copy the database consistently, also while a server uses it")
    copy.add_argument("out", metavar="OUT", help="the new file to write (must not exist yet)")
    copy.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH_OR_URL",
                      help=DB_HELP + "; PostgreSQL is copied with pg_dump (custom format)")
    put_back = commands.add_parser("restore", help="put a backup in place of the database (stop the server first)")
    put_back.add_argument("backup", metavar="BACKUP", help="a file made by 'serve.py backup'")
    put_back.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH_OR_URL",
                          help=DB_HELP + "; PostgreSQL is restored with pg_restore, in one transaction")
    args = parser.parse_args(argv)
    if args.db_pool < 2:
        parser.error("--db-pool must be at least 2")
    if args.max_connections < 1:
        parser.error("--max-connections must be at least 1")
    if args.max_connections_per_client < 0:
        parser.error("--max-connections-per-client must be at least 1 (or 0: a quarter of --max-connections)")
    try:
        args.trusted_proxy = parse_networks(args.trusted_proxy)
    except ValueError as error:
        parser.error(f"--trusted-proxy: {error}")
    if args.session_hours <= 0:
        parser.error("--session-hours must be positive")
    if not 0 <= args.port <= 65535:
        parser.error("--port must be between 0 and 65535")
    if not 10 <= args.kiosk_idle <= 86400:
        parser.error("--kiosk-idle must be between 10 and 86400 seconds")
    if not 0 <= args.kiosk_reset_every <= 10080:
        parser.error("--kiosk-reset-every must be between 0 (never) and 10080 minutes (a week)")
    return args


def print_field_errors(fields):
    for field, message in fields.errors.items():
        note(f"{field}: {message}", level="error", field=field)
    return 2


def open_domain(path):
    """(database, domain) for a command, or (None, exit code) once the problem is said."""
    try:  # no server lock: a command may run beside the server
        db = database(path, pool_size=2)
    except Exception as error:  # the same plain words as at start-up
        return None, fail(plain_error(error, path))
    return db, Domain(Storage(db), SystemClock())


def add_reseller(args):
    fields = Fields({"email": args.email, "name": args.name, "admin-name": args.admin_name},
                    {"email", "name", "admin-name"})
    email, name = fields.email("email"), fields.name("name")
    admin_name = fields.name("admin-name", required=False)
    if fields.errors:
        return print_field_errors(fields)
    db, domain = open_domain(args.db)
    if db is None:
        return domain
    try:
        kiosk = domain.kiosk.snapshot_count()
        if kiosk:
            running = ServerLock(args.db).is_held()
            where = (f"{args.db} is a kiosk's database (it holds the demo snapshot a kiosk restores"
                     f"{', and a serve.py is running on it now' if running else ''}). A kiosk signs every visitor in "
                     "without asking who they are: a registered reseller does not belong beside it, and serve.py "
                     "--kiosk refuses to start on a database that holds one.")
            if not args.force:
                return fail(f"{where} Register the reseller in your real server's database; nothing was changed. "
                            "(--force registers it anyway.)")
            note(f"WARNING: {where} Registering anyway (--force).", level="warning")
        resellers = domain.resellers
        before = resellers.by_email(email)
        was_demo = before is not None and bool(before["is_demo"])
        row, created = resellers.register(email, name, admin_name=admin_name)
    finally:
        db.close()
    say(f"{'Registered' if created else 'Updated'} reseller {row['email']} ({row['name']}), id {row['id']}.")
    if created:
        say(f"{row['email']} is its Admin and signs in with Google; add the rest of the team in the console's "
              "Team screen or with 'serve.py member add'.")
    if was_demo:
        say("It was a demo account: it is a registered reseller now and starts clean. Everything made in demo "
            "mode (customers and their invitation links, invoices, history, team members) is gone, every "
            "session demo sign-in had opened on it has ended, and its Admin is the only member.")
    return 0


def add_member(args):
    fields = Fields({"reseller": args.reseller, "email": args.email, "name": args.name},
                    {"reseller", "email", "name"})
    account, email = fields.email("reseller"), fields.email("email")
    name = fields.name("name", required=False)
    if fields.errors:
        return print_field_errors(fields)
    db, domain = open_domain(args.db)
    if db is None:
        return domain
    try:
        reseller = domain.resellers.by_email(account)
        if reseller is None:
            return fail(f"There is no reseller account with the email {account.lower()}. Register one with "
                        f"'serve.py reseller add {account.lower()} \"Company name\"' first.")
        try:
            # The command line is the server's operator, not a member: the history says "the system".
            member = domain.team.add(reseller, email, name or name_from_email(email), args.role, SYSTEM)
        except MemberExists as exists:
            return fail(f"{exists.message} Nothing was changed; change roles in the console's Team screen.")
    finally:
        db.close()
    say(f"Added {member['name']} ({member['email']}) to {reseller['name']} as {ROLE_NAMES[member['role']]}, "
          f"member id {member['id']}. They sign in with Google under {member['email']}.")
    return 0


def build(args):
    if args.skip_build:
        return True
    if is_url(args.db) and ensure_web_build is not None:
        import toolchain
        try:  # psycopg 3 from Debian, installed when missing (as root), like the build's packages
            toolchain.ensure_packages(toolchain.POSTGRES_PACKAGES)
        except toolchain.SetupError as error:
            note(str(error), level="error")
            return False
    if ensure_web_build is None:
        note("Note: the build toolchain (src/toolchain) is not there yet; serving without building.")
        return True
    import toolchain
    try:
        if ERR.json_lines:
            with LinesAsEvents(ERR):  # the build's own output (and its compilers') as log events too
                ensure_web_build()
        else:
            ensure_web_build()
    except toolchain.SetupError as error:
        note(str(error), level="error")
        return False
    return True


def fail(message):
    note(f"serve.py: {message}", level="error")
    return 1


def plain_error(error, path):
    """A database error met while opening or starting, in the start-up's plain words."""
    import sqlite3
    from partner_api.storage.migrations import SchemaError
    from partner_api.storage.operations import check_path, describe
    if isinstance(error, StartupError):
        return str(error)
    if isinstance(error, SchemaError):
        return f"The database {path} cannot be used: {error}"
    if isinstance(error, sqlite3.Error):
        try:
            check_path(path)
        except StartupError as found:
            return str(found)
        return describe(error, path)
    found = problem(error)
    if found is None:
        raise error
    return f"The database {path} failed while serve.py was starting: {found.message}"


def migrate_only(args):
    """serve.py migrate: what a deployment runs once before starting N processes."""
    db_target = getattr(args, "db", DEFAULT_DB)
    try:
        db = open_database(db_target, log=note, pool_size=2)
    except StartupError as error:
        return fail(str(error))
    before, after = db.upgraded_from, db.schema_version
    db.server_lock.release()
    db.close()
    where = db.path if is_url(db_target) else Path(db_target).resolve()
    say(f"The database {where} is at schema version {after}" +
        (f" (was {before})." if before != after else ", already up to date."))
    return 0


def mode_line(settings):
    modes = []
    if settings.kiosk:
        modes.append("kiosk (signed in to the demo account, no sign-out, starts over when idle)")
    elif settings.demo:
        modes.append("demo (demo sign-in is on)")
    if settings.google_client_id:
        modes.append(f"Google sign-in (client id {settings.google_client_id})")
    return "Mode: " + " and ".join(modes or ["no sign-in configured"])


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.command == "reseller":
        return add_reseller(args)
    if args.command == "member":
        return add_member(args)
    if args.command == "migrate":
        return migrate_only(args)
    if args.command in ("backup", "restore"):
        db_path = getattr(args, "db", DEFAULT_DB)
        try:
            say(backup(db_path, args.out) if args.command == "backup" else restore(db_path, args.backup))
        except StartupError as error:
            return fail(str(error))
        return 0
    if not build(args):
        return 1
    demo = args.demo or args.kiosk or not args.google_client_id
    settings = Settings(host=args.host, port=args.port, db_path=args.db, static_dir=args.static,
                        static_extra=args.static_extra, demo=demo, google_client_id=args.google_client_id,
                        google_jwks=args.google_jwks, public_url=args.public_url,
                        allow_origins=tuple(args.allow_origin),
                        session_hours=args.session_hours,
                        quiet=args.quiet, log_json=args.log_json, max_connections=args.max_connections,
                        max_connections_per_client=args.max_connections_per_client,
                        trusted_proxies=args.trusted_proxy,
                        kiosk=args.kiosk, kiosk_idle=args.kiosk_idle, kiosk_reset_every=args.kiosk_reset_every)
    try:
        if args.google_client_id:
            check_jwks_file(args.google_jwks)
        db = open_database(args.db, log=note, synchronous=args.synchronous, pool_size=args.db_pool)
    except StartupError as error:
        return fail(str(error))
    try:
        settings.secret = server_secret(args.db, args.secret_file)
    except StartupError as error:
        db.server_lock.release()
        db.close()
        return fail(str(error))
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    kiosk_lines = []
    try:
        domain = Domain(Storage(db, secret=settings.secret), settings.clock, log=note)
        base_url = args.public_url.rstrip("/") or f"http://{args.host}:{args.port or 8000}"
        # Several processes may start on one PostgreSQL database at once: one seeds, the rest wait.
        with db.setting_up():
            if args.kiosk:
                kiosk_lines = domain.kiosk.prepare(base_url)
            elif demo and domain.resellers.count() == 0:
                seed_demo(domain.storage, settings.clock.now(), base_url)
        if not args.kiosk and demo:
            real = domain.resellers.real_count()
            if real:
                # Demo sign-in never opens a registered account, but anyone who reaches this server
                # can create demo accounts beside them: say so where the operator looks.
                note(f"WARNING: demo sign-in is on, and this database also holds {real} registered "
                     f"reseller{'s' if real != 1 else ''}. Anyone who can reach this server can use demo "
                     "accounts here (never the registered ones). Turn demo off by leaving out --demo "
                     "and setting --google-client-id.", level="warning")
        server = RunningServer(settings, db)
    except OSError as error:
        db.server_lock.release()
        db.close()
        return fail(f"Cannot listen on {args.host}:{args.port}: {error.strerror or error}. "
                    "Pick another --port, or stop what uses it.")
    except KioskRefused as refused:
        db.server_lock.release()
        db.close()
        note(str(refused), level="error")
        return 2
    except Exception as error:
        message = plain_error(error, args.db)  # re-raises what is not a database's error (a bug)
        db.server_lock.release()
        db.close()
        return fail(message)
    server.start()
    upgraded = f", upgraded from version {db.upgraded_from}" if 0 < db.upgraded_from < db.schema_version else ""
    # Start-up facts go where the log goes (stderr); stdout's first line stays the address.
    note(f"Partner API {VERSION}")
    where = db.path if is_url(args.db) else Path(args.db).resolve()
    note(f"Database: {where} (schema version {db.schema_version}{upgraded})")
    if getattr(db, "search_note", None):
        note(db.search_note)
    note(mode_line(settings))
    if not (Path(args.static) / "index.html").is_file():
        note(f"Note: no built console in {args.static}; serving the API alone.")
    url = f"http://{args.host}:{server.port}/"
    say(f"Reseller Console: {url}", url=url)
    if args.kiosk:
        for line in kiosk_lines:
            say(line)
        every = f", and every {args.kiosk_reset_every:g} minutes while untouched" if args.kiosk_reset_every else ""
        say(f"Kiosk: signed in as {DEMO_EMAIL}; starts over after {args.kiosk_idle} seconds without use{every}.")
    elif demo:
        say(f"Demo sign-in: use {DEMO_EMAIL} (any other new email creates an empty demo account).")
    while not stop.wait(0.5):
        pass
    say("Stopping: no new connections; finishing the requests in flight (10 s at most)…")
    left = server.stop(grace=10)
    db.server_lock.release()
    if left:
        # Cut off: what they had not committed is not in the database (SQLite's journal sees to it).
        say(f"Stopped after 10 s with {left} request{'s' if left != 1 else ''} still running; "
            "whatever they had not committed is not in the database.")
        os._exit(1)
    say("Stopped cleanly: every request in flight was answered and the database is checkpointed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
