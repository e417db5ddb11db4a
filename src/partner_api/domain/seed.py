"""Demo data: one reseller with a small team and about 40 customers in every status, made by
living through a year with the real domain (invites, acceptances, orders, plan changes,
renewals), each change made by the member whose role allows it, so the invoices and activity
are exactly what the API itself would have produced. A fixed random seed keeps it the same on
every run; only the dates follow today."""
import datetime as dt
import random

from ..clock import FakeClock, iso
from .activity import Actor
from .billing_clock import BillingClock
from .billing_profile import BillingProfiles
from .customers import Customers
from .invitations import Answerer, Invitations
from .links import LinkSeal
from .resellers import DEMO_EMAIL, Resellers
from .subscriptions import Subscriptions
from .team import Team

DEMO_NAME = "Northwind Cloud Partners"
SEED = 20261126
# The demo team: demo sign-in enters as the Admin (the account's email); demo sign-in with one of
# the others' addresses enters as them, so every role can be tried.
DEMO_ADMIN_NAME = "Helen Brandt"
DEMO_TEAM = [("marcus.weber@reseller.example", "Marcus Weber", "buyer"),
             ("priya.nair@reseller.example", "Priya Nair", "sales"),
             ("tom.fischer@reseller.example", "Tom Fischer", "viewer")]

# (name, email local part, organization, Google domain, story)
CUSTOMERS = [
    ("Jürgen Müller", "j.mueller", "Müller Bau GmbH", "mueller-bau.de", "paid"),
    ("Sophie Weiß", "sophie.weiss", "Weiß & Söhne Immobilien KG", "weiss-immobilien.de", "paid"),
    ("Lena Böhm", "lena", "Böhm Steuerberatung", "boehm-steuer.de", "paid"),
    ("Jörg Schäfer", "joerg.schaefer", "Schäfer Logistik AG", "schaefer-logistik.de", "paid"),
    ("Katharina Groß", "k.gross", "Großhandel Nord GmbH", "grosshandel-nord.de", "paid"),
    ("Andreas Köhler", "a.koehler", "Köhler Maschinenbau GmbH", "koehler-maschinenbau.de", "paid"),
    ("Ute Krämer", "kraemer", "Krämer & Partner Rechtsanwälte", "kraemer-partner.de", "pending_cancel"),
    ("Matthias Bäcker", "info", "Bäckerei Sonnenschein", "baeckerei-sonnenschein.de", "paid"),
    ("Sabine Fuß", "sabine.fuss", "Fuß Orthopädie", "fuss-orthopaedie.de", "cancelled"),
    ("Björn Hoffmann", "bjoern", "Hoffmann Elektrotechnik", "hoffmann-elektro.de", "paid"),
    ("Anna Schröder", "anna.schroeder", "Schröder Architekten", "schroeder-architekten.de", "paid"),
    ("Lukas Straßer", "l.strasser", "Straßer Medien GmbH", "strasser-medien.de", "trial"),
    ("Marie Jäger", "marie", "Jäger Reisen", "jaeger-reisen.de", "invited"),
    ("Tobias Müßig", "t.muessig", "Müßig IT-Service", "muessig-it.de", "paid"),
    ("Claudia Vogel", "praxis", "Vogel Zahnärzte", "vogel-zahnaerzte.de", "revoked"),
    ("Felix Günther", "f.guenther", "Günther Autohaus", "guenther-autohaus.de", "paid"),
    ("Heike Löwe", "heike.loewe", "Löwe Apotheke", "loewe-apotheke.de", "paid"),
    ("Stefan Wößner", "stefan", "Wößner Brauerei", "woessner-brauerei.de", "cancelled"),
    ("Nina Dürr", "nina.duerr", "Dürr Gartenbau", "duerr-gartenbau.de", "invited_expired"),
    ("Ralf Schütz", "r.schuetz", "Schütz Sicherheitstechnik", "schuetz-sicherheit.de", "paid"),
    ("Eva Kühn", "eva.kuehn", "Kühn Consulting", "kuehn-consulting.de", "trial"),
    ("René Köster", "rene", "Köster Digital GmbH", "koester-digital.de", "paid"),
    ("Günter Maaß", "g.maass", "Maaß Versicherungen", "maass-versicherungen.de", "invited"),
    ("Hannah Fischer", "kanzlei", "Fischer Kanzlei", "fischer-kanzlei.de", "paid"),
    ("Emily Clarke", "emily.clarke", "Clarke & Hart Solicitors", "clarkehart.co.uk", "paid"),
    ("James O'Connor", "james", "O'Connor Freight Ltd", "oconnor-freight.ie", "paid"),
    ("Olivia Bennett", "olivia", "Bennett Design Studio", "bennettdesign.co.uk", "paid"),
    ("Michael Turner", "m.turner", "Turner Dental Group", "turnerdental.com", "pending_cancel"),
    ("Charlotte Hughes", "charlotte", "Hughes & Co Accountants", "hughesco.co.uk", "paid"),
    ("Daniel Foster", "dan", "Foster Outdoor Gear", "fosteroutdoor.com", "cancelled"),
    ("Grace Whitfield", "it", "Whitfield Academy Trust", "whitfieldacademy.org.uk", "paid"),
    ("Henry Lawson", "henry.lawson", "Lawson Property Management", "lawsonproperty.com", "revoked"),
    ("Amelia Brooks", "amelia", "Brooks Veterinary Clinic", "brooksvets.co.uk", "paid"),
    ("Oliver Grant", "o.grant", "Grant Engineering Ltd", "grant-engineering.co.uk", "paid"),
    ("Sophia Reynolds", "sophia", "Reynolds Coffee Roasters", "reynoldscoffee.com", "trial"),
    ("William Price", "will", "Price & Sons Builders", "pricebuilders.co.uk", "invited"),
    ("Isabella Morgan", "isabella", "Morgan Marketing", "morganmarketing.io", "paid"),
    ("Thomas Walsh", "t.walsh", "Walsh Legal", "walshlegal.ie", "cancelled"),
    ("Zoë Harper", "zoe", "Harper Café Collective", "harpercafe.com", "paid"),
    ("Chloë Whitman", "chloe", "Whitman Architects", "whitmanarchitects.com", "revoked"),
    ("Noah Ellis", "noah", "Ellis Fitness", "ellisfitness.com", "invited"),
]

# The demo reseller's billing profile (issue 18): a German reseller, so it bills in euro, German
# customers with 19 %, EU businesses by reverse charge and the rest not taxable in Germany.
DEMO_PROFILE = {"legal_name": "Northwind Cloud Partners GmbH", "street": "Friedrichstraße 68", "postal_code": "10117",
                "city": "Berlin", "country": "DE", "vat_id": "DE298765431", "tax_number": "30/452/12345",
                "invoice_prefix": "RE-{YYYY}-", "payment_terms_days": 14, "iban": "DE89370400440532013000",
                "bic": "COBADEFFXXX", "email": "rechnung@northwind-partners.example", "phone": "+49 30 20457180"}
# Where the demo's customers are, by the end of their domain: (country, streets, (postal code, city)).
PLACES = [
    (".de", "DE", ["Königsallee", "Schillerstraße", "Hafenstraße", "Marktplatz", "Lindenweg"],
     [("20095", "Hamburg"), ("80331", "München"), ("50667", "Köln"), ("70173", "Stuttgart"), ("04109", "Leipzig")]),
    (".ie", "IE", ["Grafton Street", "Harcourt Road", "Patrick Street"], [("D02 X285", "Dublin"), ("T12 RW26", "Cork")]),
    (".uk", "GB", ["High Street", "Church Lane", "Victoria Road"],
     [("EC1A 1BB", "London"), ("M1 1AE", "Manchester"), ("BS1 4DJ", "Bristol")]),
    ("", "US", ["Main Street", "Market Street", "Oak Avenue"],
     [("94103", "San Francisco"), ("10001", "New York"), ("78701", "Austin")]),
]


def demo_billing(index, domain, organization):
    """Billing details for the demo's customer number `index` (the same on every run)."""
    suffix, country, streets, cities = next(place for place in PLACES if domain.endswith(place[0]))
    postal_code, city = cities[index % len(cities)]
    vat = None
    if country == "IE":
        vat = f"IE{6_300_000 + index * 1_237:07d}{'ABCDEFGHIJKLMNOPQRSTUVW'[index % 23]}"
    elif country == "DE" and any(form in organization for form in ("GmbH", "AG", "KG")):
        vat = f"DE{811_000_000 + index * 7_919}"
    return {"billing_street": f"{streets[index % len(streets)]} {3 + index * 7 % 90}",
            "billing_postal_code": postal_code, "billing_city": city, "billing_country": country,
            "billing_vat_id": vat, "billing_language": "de" if country == "DE" else "en",
            "billing_email": None, "billing_reference": None}


PLAN_MIX = [("professional", "flexible"), ("enterprise", "annual_yearly"), ("basic", "flexible"),
            ("professional", "annual_monthly"), ("basic", "annual_yearly"),
            ("enterprise", "annual_monthly"), ("professional", "annual_yearly"), ("basic", "annual_monthly"),
            ("enterprise", "flexible")]


def seed_demo(storage, now, base_url="http://127.0.0.1:8000"):
    """Seeds the demo reseller; returns its row. Call only on an empty database."""
    rng = random.Random(SEED)
    start = (now - dt.timedelta(days=365)).replace(hour=9, minute=0, second=0, microsecond=0)
    clock = FakeClock(start)
    quiet = lambda line: None  # noqa: E731  (no outbox lines for made-up customers)
    links = LinkSeal(lambda: storage.secret)
    customers, invitations = Customers(storage, clock, quiet, links), Invitations(storage, clock, quiet, links)
    subscriptions, billing = Subscriptions(storage, clock), BillingClock(storage, clock)
    reseller, _ = Resellers(storage, clock).register(DEMO_EMAIL, DEMO_NAME, demo=True, admin_name=DEMO_ADMIN_NAME)
    with storage.read() as repo:
        admin = Actor.member(repo.members.by_email(reseller["id"], DEMO_EMAIL))
    BillingProfiles(storage, clock).save(reseller, DEMO_PROFILE, None, None, admin)
    with storage.read() as repo:  # the account as the profile left it: it bills in euro now
        reseller = repo.resellers.get(reseller["id"])
    team = [Actor.member(Team(storage, clock).add(reseller, email, name, role, admin))
            for email, name, role in DEMO_TEAM]
    # Who does what: the Admin or the member whose role it is. A random source of its own, so the
    # customers' story (dates, plans, counts) stays what it was before the demo had a team.
    who = random.Random(SEED + 1)
    sellers, buyers = [admin, team[1]], [admin, team[0]]
    events = []  # (when, order, action)

    def at(day, hour, action):
        events.append((start + dt.timedelta(days=day, hours=hour), len(events), action))

    plans = iter(PLAN_MIX * 5)
    for index, (name, local, organization, domain, story) in enumerate(CUSTOMERS):
        email = f"{local}@{domain}"
        if story in ("invited",):
            invited = rng.randint(352, 364)
        elif story == "invited_expired":
            invited = rng.randint(320, 340)
        elif story == "trial":
            invited = rng.randint(337, 360)
        elif story == "revoked":
            invited = rng.randint(150, 340)
        else:
            invited = rng.randint(5, 300 if story != "pending_cancel" else 120)
        hour = rng.randint(0, 7)
        holder = {}

        def invite(name=name, email=email, domain=domain, organization=organization, holder=holder,
                   by=who.choice(sellers), billing=demo_billing(index, domain, organization)):
            holder["id"] = customers.invite(reseller, name, email, domain, organization, base_url, by,
                                            billing)[0]["id"]
            holder["token"] = invitations.live_token(holder["id"])

        at(invited, hour, invite)
        if story.startswith("invited"):
            continue
        if story == "revoked":
            at(invited + rng.randint(2, 9), hour,
               lambda h=holder, by=who.choice(sellers): invitations.revoke(reseller, h["id"], by))
            continue
        accepted = invited + rng.randint(1, 3)
        # The customer's contact accepts, signed in with Google under the invited domain.
        answerer = Answerer("google", email, name, domain)
        at(accepted, hour + 1, lambda h=holder, who=answerer: invitations.accept(h["token"], who))
        if story == "trial":
            continue
        plan, cycle = next(plans)
        licenses = rng.choice([5, 8, 10, 12, 15, 20, 25, 30, 40, 50, 75, 120, 250])
        ordered = accepted + rng.randint(3, 20)
        buyer = who.choice(buyers)
        at(ordered, hour + 2, lambda h=holder, n=licenses, by=buyer: subscriptions.license_order(
            reseller, h["id"], n, True, actor=by))
        if (plan, cycle) != ("professional", "flexible"):
            at(ordered, hour + 3, lambda h=holder, p=plan, c=cycle, by=buyer: subscriptions.plan_change(
                reseller, h["id"], p, c, True, actor=by))
        if story == "paid" and rng.random() < 0.5 and ordered + 30 < 360:
            more = licenses + rng.choice([2, 5, 10, 25])
            at(rng.randint(ordered + 30, 360), hour + 4,
               lambda h=holder, n=more, by=who.choice(buyers): subscriptions.license_order(
                   reseller, h["id"], n, True, actor=by))
        if story == "cancelled":
            at(min(364, ordered + rng.randint(40, 200)), hour + 5,
               lambda h=holder, by=who.choice(buyers): subscriptions.cancel(
                   reseller, h["id"], "now", "Moved to another provider.", by))
        elif story == "pending_cancel":
            at(rng.randint(350, 363), hour + 5,
               lambda h=holder, by=who.choice(buyers): subscriptions.cancel(
                   reseller, h["id"], "end_of_term", "Budget cuts next year.", by))

    for when, _, action in sorted(events, key=lambda e: (e[0], e[1])):
        clock.set(when)
        billing.catch_up(reseller)
        action()
    clock.set(now)
    billing.catch_up(reseller)
    _settle_invoices(storage, reseller, rng, now)
    with storage.write() as repo:  # the buyer and the seller use the console; the viewer never has
        for (email, _, _), days in zip(DEMO_TEAM, (2, 0)):
            when = (now - dt.timedelta(days=days)).replace(hour=8, minute=12, second=0, microsecond=0)
            repo.members.signed_in(repo.members.by_email(reseller["id"], email)["id"], iso(min(when, now)))
    return reseller


def _settle_invoices(storage, reseller, rng, now):
    """Most older invoices were paid a few days after issue; a few stay open (overdue), one void.
    Credit notes are settled when issued."""
    cutoff = now - dt.timedelta(days=20)
    with storage.write() as repo:
        rows = [row for row in repo.invoices.issued_of(reseller["id"]) if row["kind"] == "invoice"]
        old = [row for row in rows if row["issued_at"] < cutoff.strftime("%Y-%m-%dT%H:%M:%SZ")]
        unpaid = set(rng.sample([row["id"] for row in old[-40:]], min(3, len(old))))
        void = rng.choice([row["id"] for row in old[:60]]) if old else None
        for row in old:
            if row["id"] == void:
                repo.invoices.set_status(row["id"], "void")
            elif row["id"] not in unpaid:
                issued = dt.datetime.strptime(row["issued_at"], "%Y-%m-%dT%H:%M:%SZ")
                paid = issued + dt.timedelta(days=rng.randint(2, 18), hours=rng.randint(1, 9))
                repo.invoices.set_status(row["id"], "paid", paid.strftime("%Y-%m-%dT%H:%M:%SZ"))
