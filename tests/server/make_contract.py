#!/usr/bin/env python3
"""Produces the JSON examples in tests/contract/ from a real server run (a fixed clock and a
scripted scenario). test_contract.py runs the same scenario and checks that every file still
has the keys and types the server answers with; the C++ decoder tests read the same files.

    python3 tests/server/make_contract.py   # rewrite the files after an intended change
"""
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import CONTRACT, T0, request  # noqa: E402
from test_google_auth import CLIENT_ID, RsaKey, make_token  # noqa: E402
from partner_api.clock import FakeClock  # noqa: E402
from partner_api.domain.activity import SYSTEM  # noqa: E402
from partner_api.http.server import RunningServer, Settings  # noqa: E402

FIXED_TOKEN = "q8ZbVJ1xq0pH8mYbq1f4Yp2nU9kXwF3sVb7cRt5LhGs"
FIXED_INVITE = "Xk3n9QpL2vRb8sTq4wYc6zHd1mJf5gNa7eUo0iKrB2c"
FIXED_TRANSFER = "7K2M-9QXD-4HTP-R8WN-3ZCF"


def link_of(customer):
    return customer["invitation"]["url"].rsplit("/", 1)[1]


def google_answer(google_key, clock, email, **claims):
    """The body a visitor's browser sends to answer an invitation: their Google ID token."""
    now = int(clock.now().timestamp())
    return {"credential": make_token(google_key, email=email, iat=now - 10, exp=now + 3600, **claims)}


def build_examples():
    """Runs the scenario; returns {file name: JSON value} with random tokens made fixed."""
    tmp = tempfile.mkdtemp(prefix="contract-")
    clock = FakeClock(T0)
    # A key of its own (the Google tests remove theirs when they finish): signs the ID tokens below.
    google_key = RsaKey(tmp, "contract-key")
    with open(f"{tmp}/jwks.json", "w") as handle:
        json.dump({"keys": [google_key.jwk()]}, handle)
    server = RunningServer(Settings(port=0, db_path=f"{tmp}/contract.db", quiet=True, clock=clock,
                                    public_url="http://127.0.0.1:8000", log=lambda line: None,
                                    session_hours=24 * 30, google_client_id=CLIENT_ID,
                                    google_jwks=f"{tmp}/jwks.json", bulk_worker=False)).start()
    port = server.port
    examples = {}

    def call(method, path, body=None, token=None, expect=200, name=None, **kw):
        reply = request(port, method, path, body, token, **kw)
        assert reply.status == expect, (method, path, reply)
        value = reply.json if reply.body else None
        if name:
            examples[name] = value
        return value

    try:
        call("GET", "/api/v1/health", name="health.json")
        auth = call("POST", "/api/v1/auth/demo", {"email": "demo@reseller.example"}, name="auth_demo.json")
        token = auth["token"]
        call("GET", "/api/v1/me", token=token, name="me.json")
        call("GET", "/api/v1/plans", token=token, name="plans.json")
        examples["error_unauthorized.json"] = request(port, "GET", "/api/v1/customers").json
        examples["error_validation.json"] = request(port, "POST", "/api/v1/customers", {
            "name": "  ", "email": "jürgen at example", "google_domain": "https://mueller-bau.de/x",
            "organization": "Müller Bau GmbH"}, token).json
        examples["error_not_found.json"] = request(port, "GET", "/api/v1/customers/999", token=token).json

        def invite(name, email, domain, organization):
            return call("POST", "/api/v1/customers", {"name": name, "email": email, "google_domain": domain,
                                                        "organization": organization}, token, expect=201)

        active = invite("Jürgen Müller", "j.mueller@mueller-bau.de", "mueller-bau.de", "Müller Bau GmbH")
        clock.advance(hours=2)
        invite_url = active["invitation"]["url"]
        call("POST", f"/api/v1/invitations/{invite_url.rsplit('/', 1)[1]}/accept",
             google_answer(google_key, clock, "j.mueller@mueller-bau.de", name="Jürgen Müller", hd="mueller-bau.de"),
             name="invitation_accept.json")
        trial = invite("Emily Clarke", "emily@clarkehart.co.uk", "clarkehart.co.uk", "Clarke & Hart Solicitors")
        call("POST", f"/api/v1/invitations/{link_of(trial)}/accept",
             google_answer(google_key, clock, "emily@clarkehart.co.uk", name="Emily Clarke"))
        clock.advance(days=3)
        base = f"/api/v1/customers/{active['id']}/subscription"
        call("POST", f"{base}/license-orders", {"licenses": 25}, token, expect=201)
        clock.advance(days=5)
        invite("Sophie Weiß", "sophie.weiss@weiss-immobilien.de", "weiss-immobilien.de", "Weiß & Söhne Immobilien KG")
        invite("Zoë Harper", "zoe@harpercafe.com", "harpercafe.com", "Harper Café Collective")
        call("GET", "/api/v1/customers?limit=3", token=token, name="customers_page.json")
        call("GET", f"/api/v1/customers/{active['id']}", token=token, name="customer.json")
        call("GET", base, token=token, name="subscription.json")
        call("POST", f"{base}/license-orders/preview", {"licenses": 30}, token, name="license_order_preview.json")
        order = call("POST", f"{base}/license-orders", {"licenses": 30}, token, expect=201, name="license_order.json")
        # Someone who still saw 25 orders: nothing happens, the answer carries the count now.
        call("POST", f"{base}/license-orders", {"licenses": 26, "expected_licenses": 25}, token, expect=409,
             name="error_licenses_changed.json")
        call("POST", f"{base}/plan", {"plan": "basic", "billing_cycle": "flexible", "expected_plan": "basic",
                                      "expected_billing_cycle": "flexible"}, token, expect=409,
             name="error_plan_changed.json")
        call("POST", f"{base}/plan/preview", {"plan": "enterprise", "billing_cycle": "flexible"}, token,
             name="plan_change_preview.json")
        call("POST", f"{base}/plan", {"plan": "enterprise", "billing_cycle": "flexible"}, token,
             name="plan_change.json")
        call("GET", f"/api/v1/invoices/{order['invoice']['id']}", token=token, name="invoice.json")
        call("GET", "/api/v1/invoices?limit=2", token=token, name="invoices_page.json")
        call("GET", "/api/v1/activity?limit=3", token=token, name="activity_page.json")
        call("GET", "/api/v1/dashboard", token=token, name="dashboard.json")
        trial_base = f"/api/v1/customers/{trial['id']}/subscription"
        call("POST", f"{trial_base}/cancel", {"when": "end_of_term", "reason": "Trying another tool."}, token,
             name="subscription_pending_cancel.json")
        team_scenario(call, clock, server.app.domain, google_key)
        billing_scenario(call, clock, google_key)
        lifecycle_scenario(call, clock, google_key)
        bulk_scenario(call, server.app.domain)
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    text = json.dumps(examples, ensure_ascii=False)
    text = text.replace(token, FIXED_TOKEN)
    text = re.sub(r'"token": "[A-Za-z0-9_-]{43}"', f'"token": "{FIXED_TOKEN}"', text)
    text = re.sub(r"/invite/[A-Za-z0-9_-]{43}", f"/invite/{FIXED_INVITE}", text)
    text = re.sub(r'"request_id": "[0-9a-f]{16}"', '"request_id": "5f2c8e91a04b7d36"', text)
    text = re.sub(r'"token": "[0-9A-Z]{4}(-[0-9A-Z]{4}){4}"', f'"token": "{FIXED_TRANSFER}"', text)
    return json.loads(text)


def bulk_scenario(call, domain):
    """Bulk work (issue 19): a license change over a filter previewed and done (the worker driven
    here, so each file is the same every time), an import preview, an import waiting for its second
    batch, a filter that changed since its preview, and saved views."""
    token = call("POST", "/api/v1/auth/demo", {"email": "demo@reseller.example"})["token"]
    add = {"action": "add_licenses", "filter": {"q": ""}, "licenses": 5}
    preview = call("POST", "/api/v1/bulk-jobs/preview", {**add, "limit": 4}, token, name="bulk_preview.json")
    call("POST", "/api/v1/bulk-jobs", {**add, "expected_total": preview["total"] + 1}, token, expect=409,
         headers={"Idempotency-Key": "contract-stale"}, name="error_selection_changed.json")
    job = call("POST", "/api/v1/bulk-jobs", {**add, "expected_total": preview["total"]}, token, expect=202,
               headers={"Idempotency-Key": "contract-add"})
    while domain.bulk_worker.step("contract"):
        pass
    call("GET", f"/api/v1/bulk-jobs/{job['id']}?limit=4", token=token, name="bulk_job.json")
    rows = [{"row": 1, "name": "Lena Vogel", "email": "lena@vogel-optik.de", "google_domain": "vogel-optik.de",
             "organization": "Vogel Optik"},
            {"row": 2, "name": "", "email": "kein-at-zeichen", "google_domain": "mueller-bau.de",
             "organization": "Müller Bau"},
            {"row": 3, "name": "Jürgen Müller", "email": "j.mueller@mueller-bau.de", "google_domain": "mueller-bau.de",
             "organization": "Müller Bau GmbH"}]
    call("POST", "/api/v1/bulk-jobs/preview", {"action": "invite", "rows": rows}, token,
         name="bulk_import_preview.json")
    call("POST", "/api/v1/bulk-jobs", {"action": "invite", "rows": rows[:2], "total": 4, "file_name": "kunden.csv"},
         token, expect=202, headers={"Idempotency-Key": "contract-import"}, name="bulk_import_receiving.json")
    call("POST", "/api/v1/views", {"name": "Große Kunden", "sort": "-licenses", "status": "active", "shared": True,
                                   "columns": ["customer", "licenses", "monthly"]}, token, expect=201)
    call("POST", "/api/v1/views", {"name": "Offene Einladungen", "status": "invited"}, token, expect=201)
    call("GET", "/api/v1/views", token=token, name="saved_views.json")


def team_scenario(call, clock, domain, google_key):
    """Teams (issue 22): the demo account's Admin adds a buyer, a seller and a viewer; the viewer is
    refused an order; the last Admin keeps the role; the seller invites and the customer accepts;
    the trial's cancellation comes due (the system); and a person in two registered accounts is
    asked to choose one."""
    admin = call("POST", "/api/v1/auth/demo", {"email": "demo@reseller.example"})["token"]
    me = call("GET", "/api/v1/me", token=admin)
    team = "/api/v1/team/members"
    call("POST", team, {"email": "marcus.weber@reseller.example", "name": "Marcus Weber", "role": "buyer"},
         admin, expect=201, name="team_member.json")
    call("POST", team, {"email": "priya.nair@reseller.example", "name": "Priya Nair", "role": "sales"}, admin,
         expect=201)
    call("POST", team, {"email": "tom.fischer@reseller.example", "name": "Tom Fischer", "role": "viewer"}, admin,
         expect=201)
    call("POST", team, {"email": "Marcus.Weber@reseller.example", "name": "Marcus W.", "role": "sales"}, admin,
         expect=409, name="error_member_exists.json")
    call("PATCH", f"{team}/{me['member']['id']}", {"role": "buyer"}, admin, expect=409,
         name="error_last_admin.json")
    viewer = call("POST", "/api/v1/auth/demo", {"email": "tom.fischer@reseller.example"})["token"]
    customer = call("GET", "/api/v1/customers?status=active&limit=1", token=viewer)["items"][0]
    call("POST", f"/api/v1/customers/{customer['id']}/subscription/license-orders", {"licenses": 40}, viewer,
         expect=403, name="error_forbidden.json")
    clock.advance(days=1)
    seller = call("POST", "/api/v1/auth/demo", {"email": "priya.nair@reseller.example"})["token"]
    invited = call("POST", "/api/v1/customers", {"name": "Ana Souza", "email": "ana@souza-arquitetura.com.br",
                                                 "google_domain": "souza-arquitetura.com.br",
                                                 "organization": "Souza Arquitetura"}, seller, expect=201)
    call("POST", f"/api/v1/invitations/{link_of(invited)}/accept",
         google_answer(google_key, clock, "ana@souza-arquitetura.com.br", name="Ana Souza"))
    clock.advance(days=30)  # the trial set to cancel ends: the system's doing
    admin = call("POST", "/api/v1/auth/demo", {"email": "demo@reseller.example"})["token"]
    call("GET", team, token=admin, name="team_members.json")
    call("GET", "/api/v1/activity?limit=5", token=admin, name="activity_actors.json")
    call("GET", "/api/v1/activity?actor=priya.nair@reseller.example&limit=2", token=admin,
         name="activity_by_actor.json")
    # One person, two registered accounts: Google sign-in asks which.
    first, _ = domain.resellers.register("owner@hartmann-it.de", "Hartmann IT", admin_name="Jana Hartmann")
    second, _ = domain.resellers.register("office@cloudwerk.example", "Cloudwerk GmbH", admin_name="Lea Brandt")
    domain.team.add(second, "owner@hartmann-it.de", "Jana Hartmann", "buyer", SYSTEM)
    now = int(clock.now().timestamp())
    credential = make_token(google_key, email="owner@hartmann-it.de", iat=now - 10, exp=now + 3600)
    call("POST", "/api/v1/auth/google", {"credential": credential}, expect=409, name="error_choose_reseller.json")
    call("POST", "/api/v1/auth/google", {"credential": credential, "reseller_id": second["id"]},
         name="auth_google.json")


def billing_scenario(call, clock, google_key):
    """Invoices (issue 18): the Admin fills in the billing profile (the currency stays, invoices were
    issued), a German customer with billing details orders (an invoice ready for e-invoices) and
    goes down (a credit note); asking for another currency or for the XRechnung of an invoice issued
    without an address is refused."""
    admin = call("POST", "/api/v1/auth/demo", {"email": "demo@reseller.example"})["token"]
    profile = {"legal_name": "Demo Reseller GmbH", "address": {"street": "Friedrichstraße 68", "postal_code": "10117",
                                                               "city": "Berlin", "country": "DE"},
               "vat_id": "DE123456789", "tax_number": "30/123/45678", "currency": None, "invoice_prefix": "RE-{YYYY}-",
               "payment_terms_days": 14, "iban": "DE89 3704 0044 0532 0130 00", "bic": "COBADEFFXXX",
               "email": "rechnung@demo-reseller.example", "phone": "+49 30 1234567"}
    call("PUT", "/api/v1/billing-profile", profile, admin)
    call("GET", "/api/v1/billing-profile", token=admin, name="billing_profile.json")
    call("PUT", "/api/v1/billing-profile", {**profile, "currency": "EUR"}, admin, expect=409,
         name="error_currency_locked.json")
    customer = call("POST", "/api/v1/customers", {
        "name": "Katharina Groß", "email": "k.gross@grosshandel-nord.de", "google_domain": "grosshandel-nord.de",
        "organization": "Großhandel Nord GmbH", "billing": {
            "address": {"street": "Am Sandtorkai 12", "postal_code": "20457", "city": "Hamburg", "country": "DE"},
            "vat_id": "DE987654321", "language": None, "email": "buchhaltung@grosshandel-nord.de",
            "buyer_reference": None}}, admin, expect=201, name="customer_billing.json")
    call("POST", f"/api/v1/invitations/{link_of(customer)}/accept",
         google_answer(google_key, clock, "k.gross@grosshandel-nord.de", name="Katharina Groß", hd="grosshandel-nord.de"))
    base = f"/api/v1/customers/{customer['id']}/subscription/license-orders"
    order = call("POST", base, {"licenses": 12}, admin, expect=201)
    call("GET", f"/api/v1/invoices/{order['invoice']['id']}", token=admin, name="invoice_einvoice.json")
    clock.advance(days=6)
    call("POST", f"{base}/preview", {"licenses": 8}, admin, name="license_order_credit_preview.json")
    call("POST", base, {"licenses": 8}, admin, expect=201, name="license_order_credit.json")
    old = call("GET", "/api/v1/invoices?limit=200", token=admin)["items"][-1]
    call("GET", f"/api/v1/invoices/{old['id']}/xrechnung.xml", token=admin, expect=409,
         name="error_invoice_incomplete.json")


def lifecycle_scenario(call, clock, google_key):
    """The customer's whole life (issue 23): a customer declines; a Google account of another
    domain is refused; a trial starts its paid plan now; a customer is suspended (an order is
    refused by the lifecycle table) and resumed after the period it paid for; an annual plan
    renews with a count chosen ahead; a flexible plan gets a seat cap; a customer moves to
    another reseller with a transfer token; the dashboard counts trials and suspensions."""
    admin = call("POST", "/api/v1/auth/demo", {"email": "demo@reseller.example"})["token"]

    def invite(name, email, domain, organization):
        return call("POST", "/api/v1/customers", {"name": name, "email": email, "google_domain": domain,
                                                    "organization": organization}, admin, expect=201)

    def accepted(name, email, domain, organization):
        customer = invite(name, email, domain, organization)
        call("POST", f"/api/v1/invitations/{link_of(customer)}/accept",
             google_answer(google_key, clock, email, name=name, hd=domain))
        return customer

    declining = invite("Oliver Grant", "o.grant@grant-engineering.co.uk", "grant-engineering.co.uk",
                       "Grant Engineering Ltd")
    call("POST", f"/api/v1/invitations/{link_of(declining)}/accept",
         google_answer(google_key, clock, "someone@gmail.com", name="Someone"), expect=403,
         name="error_wrong_domain.json")
    call("POST", f"/api/v1/invitations/{link_of(declining)}/decline",
         google_answer(google_key, clock, "o.grant@grant-engineering.co.uk", name="Oliver Grant",
                       hd="grant-engineering.co.uk"), name="invitation_decline.json")
    call("GET", f"/api/v1/customers/{declining['id']}", token=admin, name="customer_declined.json")

    trial = accepted("Lukas Straßer", "l.strasser@strasser-medien.de", "strasser-medien.de", "Straßer Medien GmbH")
    base = f"/api/v1/customers/{trial['id']}/subscription"
    start = {"plan": "professional", "billing_cycle": "flexible", "licenses": 12}
    call("POST", f"{base}/start-paid/preview", start, admin, name="start_paid_preview.json")
    call("POST", f"{base}/start-paid", start, admin, name="start_paid.json")
    call("PATCH", base, {"max_licenses": 20}, admin, name="subscription_seat_cap.json")
    call("POST", f"{base}/license-orders", {"licenses": 25}, admin, expect=422, name="error_seat_cap.json")
    call("POST", f"{base}/suspend/preview", {"reason": "non_payment"}, admin, name="suspend_preview.json")
    call("POST", f"{base}/suspend", {"reason": "non_payment", "note": "Invoice INV-000004 unpaid."}, admin,
         name="suspend.json")
    call("GET", f"/api/v1/customers/{trial['id']}", token=admin, name="customer_suspended.json")
    call("POST", f"{base}/license-orders", {"licenses": 14}, admin, expect=409, name="error_not_now.json")
    clock.advance(days=40)  # past the period it paid for: resuming pays the rest of the one it resumes in
    admin = call("POST", "/api/v1/auth/demo", {"email": "demo@reseller.example"})["token"]
    call("POST", f"{base}/resume/preview", None, admin, name="resume_preview.json")
    call("POST", f"{base}/resume", None, admin, name="resume.json")

    annual = accepted("Charlotte Hughes", "charlotte@hughesco.co.uk", "hughesco.co.uk", "Hughes & Co Accountants")
    annual_base = f"/api/v1/customers/{annual['id']}/subscription"
    call("POST", f"{annual_base}/license-orders", {"licenses": 20}, admin, expect=201)
    call("POST", f"{annual_base}/plan", {"plan": "professional", "billing_cycle": "annual_yearly"}, admin)
    call("PUT", f"{annual_base}/renewal", {"action": "renew_with_count", "licenses": 15}, admin,
         name="subscription_renewal.json")

    moving = accepted("Grace Whitfield", "it@whitfieldacademy.org.uk", "whitfieldacademy.org.uk",
                      "Whitfield Academy Trust")
    call("POST", f"/api/v1/customers/{moving['id']}/subscription/license-orders", {"licenses": 30}, admin, expect=201)
    token = call("POST", f"/api/v1/customers/{moving['id']}/transfer-token", None, admin, expect=201,
                 name="transfer_token.json")["token"]
    call("GET", f"/api/v1/customers/{moving['id']}", token=admin, name="customer_transfer_token.json")
    other = call("POST", "/api/v1/auth/demo", {"email": "office@cloudpartner.example"})["token"]
    call("POST", "/api/v1/customers/transfer/preview", {"token": token.lower()}, other, name="transfer_preview.json")
    call("POST", "/api/v1/customers/transfer", {"token": token}, other, name="transfer.json")
    call("POST", "/api/v1/customers/transfer", {"token": token}, other, expect=410,
         name="error_transfer_token_gone.json")
    call("GET", "/api/v1/dashboard", token=admin, name="dashboard_lifecycle.json")


def main():
    CONTRACT.mkdir(parents=True, exist_ok=True)
    for name, value in build_examples().items():
        (CONTRACT / name).write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote tests/contract/{name}")


if __name__ == "__main__":
    main()
