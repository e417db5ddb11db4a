#!/usr/bin/env python3
"""Writes src/partner_api/openapi.json, the OpenAPI 3 description of the partner API.
test_openapi.py checks it against the server's routes and the contract examples.

    python3 tests/server/make_openapi.py
"""
import json
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
OUT = SRC / "partner_api" / "openapi.json"
sys.path.insert(0, str(SRC))
from partner_api import API_PREFIX  # noqa: E402
from partner_api import billing_ids  # noqa: E402
from partner_api.http import billing_body  # noqa: E402
from partner_api.documents import EXPORT_FORMATS, INVOICE_FORMATS  # noqa: E402
from partner_api.documents import CUSTOMER_COLUMNS, DIALECTS, EXPORT_FORMATS, INVOICE_FORMATS  # noqa: E402
from partner_api.domain.bulk_actions import ACTIONS  # noqa: E402
from partner_api.domain.line_items import TEXTS as LINE_TEXTS  # noqa: E402
from partner_api.domain.bulk_jobs import MAX_IDS, MAX_ROWS  # noqa: E402
from partner_api.domain.roles import CAPABILITIES, ROLE_NAMES, ROLES  # noqa: E402
from partner_api.http.routes import add_kiosk_routes, build_router  # noqa: E402
from partner_api.http.status import error_codes  # noqa: E402
from partner_api.http.routing import ByAction  # noqa: E402


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def obj(required=None, nullable=False, **props):
    schema = {"type": "object", "properties": props, "required": list(required if required is not None else props),
              "additionalProperties": False}
    if nullable:
        schema["nullable"] = True
    return schema


def s(fmt=None, enum=None, nullable=False, **extra):
    schema = {"type": "string", **extra}
    if fmt:
        schema["format"] = fmt
    if enum:
        schema["enum"] = enum
    if nullable:
        schema["nullable"] = True
    return schema


def i(nullable=False, **extra):
    schema = {"type": "integer", **extra}
    if nullable:
        schema["nullable"] = True
    return schema


def arr(items):
    return {"type": "array", "items": items}


def page(item, total=True):
    props = {"items": arr(item), "next_cursor": s(nullable=True, description="Opaque; pass back as cursor.")}
    if total:
        props["total"] = i(description="All matches of the filter, not only this page.")
    return obj(**props)


TS = s("date-time", description="ISO 8601 UTC with Z")
TS_NULL = s("date-time", nullable=True)
DAY = s("date")
MONEY = ref("Money")
PLAN = s(enum=["basic", "professional", "enterprise"])
CYCLE = s(enum=["flexible", "annual_monthly", "annual_yearly"])
LINE_KINDS = tuple(LINE_TEXTS["en"])

# The rules the server enforces on text, stated so a program can check them (the property test
# in test_openapi_properties.py generates values and holds the server to these). x-normalize
# says what the server does to a value before the rules apply.
NO_CONTROLS = "^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$"
INVISIBLE_ONLY = ("^[\\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                  "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff"
                  "\u20d0-\u20ff\ufe20-\ufe2f]*$")
LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
TOP_LABEL = "(?:[A-Za-z]{2,63}|[Xx][Nn]--[A-Za-z0-9-]+)"
NAME_TEXT = s(minLength=1, maxLength=200, pattern=NO_CONTROLS, **{
    "not": {"pattern": INVISIBLE_ONLY}, "x-normalize": "trim, NFC",
    "description": "Trimmed and NFC-normalised first; then 1 to 200 characters, no control characters (C0, C1, "
                   "line or paragraph separators), no bidirectional overrides or isolates (U+202A-U+202E, "
                   "U+2066-U+2069), and at least one visible character."})
EMAIL = s("email", maxLength=254, pattern=f"^[A-Za-z0-9!#$%&'*+/=?^_`{{|}}~.-]+@(?:{LABEL}\\.)+{TOP_LABEL}$",
          **{"x-normalize": "trim", "description": "Trimmed first; the domain part is stored in lower case."})
DOMAIN = s(maxLength=253, pattern=f"^(?:{LABEL}\\.)+{TOP_LABEL}$", **{
    "x-normalize": "trim, lower case, trailing dots removed",
    "description": "A bare DNS name (no scheme, path, spaces or @); the last label is letters or an xn-- label."})
ROLE = s(enum=list(ROLES), description="admin, buyer, sales or viewer: what the member may do (x-roles on "
                                           "each operation; GET /me has the whole table)")
REASON = s(maxLength=500, nullable=True, pattern=NO_CONTROLS, **{
    "x-normalize": "trim, NFC", "description": "One line: no control characters or bidirectional overrides."})
SUB_STATUS = s(enum=["trial", "active", "pending_cancel", "suspended", "cancelled"])
CUSTOMER_STATUS = s(enum=["invited", "active", "suspended", "revoked", "declined", "cancelled"])
STATES = ["invited", "expired", "revoked", "declined", "trial", "active", "pending_cancel", "suspended", "cancelled"]
TRANSFER_TOKEN = s(maxLength=64, pattern="^[ -]*(?:[0-9A-TV-Za-tv-z][ -]*){20}$", example="7K2M-9QXD-4HTP-R8WN-3ZCF", **{
    "x-normalize": "trim, NFC", "description": "As the sending reseller got it (7K2M-9QXD-4HTP-R8WN-3ZCF): 20 letters "
                                               "and digits of Crockford's base32, in any case, with or without "
                                               "spaces and dashes; O reads as 0, I and L as 1."})
MONEY_NULL = {**{"$ref": "#/components/schemas/Money"}, "nullable": True}

# Billing details (issue 18). Identifiers are stored in their compact form: upper case, without the
# spaces, dots, hyphens and slashes people type (x-normalize says so); x-check names a check digit.
COMPACT = "upper case, separators removed"
NULLABLE_NAME = {**NAME_TEXT, "nullable": True}
COUNTRY = s(enum=sorted(billing_ids.COUNTRIES), example="DE", **{
    "x-normalize": "trim, upper case", "description": "ISO 3166-1 alpha-2"})
POSTAL_CODE = s(pattern=f"^{billing_body.POSTAL_CODE}$", example="10117", **{"x-normalize": "trim"})
VAT_ID = s(pattern=billing_ids.VAT_ID_PATTERN, nullable=True, example="DE123456789", **{
    "x-normalize": COMPACT + ", a GR prefix as EL",
    "description": "A VAT ID in its country's format (each EU member state's, as VIES states it; also XI, GB, CH,"
                   " NO): DE123456789, ATU12345678, EL123456789. 422 on the field otherwise."})
IBAN = s(pattern=billing_ids.IBAN_PATTERN, nullable=True, example="DE89370400440532013000", **{
    "x-normalize": COMPACT, "x-check": "iban",
    "description": "An IBAN whose ISO 13616 check digits are right (mod 97 = 1); 422 on the field otherwise."})
BIC = s(pattern=billing_ids.BIC_PATTERN, nullable=True, example="COBADEFFXXX", **{"x-normalize": COMPACT})
PHONE = s(pattern=f"^{billing_body.PHONE}$", nullable=True, example="+49 30 1234567", **{
    "x-normalize": "trim", "description": "Digits, spaces and + ( ) / . -; at least three digits."})
TAX_NUMBER = s(pattern=f"^{billing_body.TAX_NUMBER}$", nullable=True, example="30/123/45678", **{
    "x-normalize": "trim", "description": "The seller's tax number (Steuernummer): at least five digits."})
PREFIX = s(pattern=f"^{billing_body.PREFIX}$", maxLength=billing_body.PREFIX_MAX, nullable=True, example="RE-{YYYY}-",
           description="Letters, digits and / . _ -, and {YYYY} for the year of issue; null: none. Invoice numbers "
                       "are the prefix and the account's sequence without gaps, six digits: RE-2026-000123.")
REFERENCE = s(maxLength=billing_body.REFERENCE_MAX, nullable=True, pattern=NO_CONTROLS, example="04011000-12345-34",
              **{"x-normalize": "trim, NFC", "description": "Buyer reference (BT-10): the Leitweg-ID of a German "
                                                             "public body; XRechnung uses the customer number "
                                                             "without it."})
ADDRESS_EXAMPLE = {"street": "Friedrichstraße 68", "postal_code": "10117", "city": "Berlin", "country": "DE"}

INVOICE_SUMMARY = dict(
    id=i(), number=s(), customer_id=i(), customer_name=s(), customer_organization=s(),
    status=s(enum=["open", "paid", "overdue", "void"]), issued_at=TS, due_at=TS, paid_at=TS_NULL,
    subtotal={**MONEY, "description": "Negative on a credit note."}, tax=MONEY, total=MONEY,
    kind=s(enum=["invoice", "credit_note"]),
    corrects={**obj(id=i(), number=s(), issued_at=TS, required=["id", "number"]), "nullable": True,
              "description": "A credit note: the invoice it corrects."})
E_INVOICE_GAPS = ["issued_before_e_invoices", "seller.address", "seller.tax_id", "buyer.address", "seller.contact"]
SORT = s(enum=["name", "-name", "created_at", "-created_at", "renews_at", "-renews_at", "licenses", "-licenses"])
VIEW_FIELDS = dict(
    name={**NAME_TEXT, "maxLength": 100, "description": NAME_TEXT["description"].replace("200", "100")},
    shared={"type": "boolean", "description": "in every member's menu (false: the maker's only)"},
    q=s(maxLength=200, pattern=NO_CONTROLS, nullable=True, **{"x-normalize": "trim, NFC"}),
    status=s(enum=["invited", "active", "revoked", "cancelled"], nullable=True),
    sort={**SORT, "nullable": True, "description": "null or absent: name"},
    columns={**arr(s(pattern="^[a-z_]{1,32}$")), "maxItems": 20, "uniqueItems": True, "nullable": True,
             "description": "The console's column keys, in order"})

SCHEMAS = {
    "Money": obj(amount=i(description="Integer minor units (cents); never a float."),
                 currency=s(description="ISO 4217 code", pattern="^[A-Z]{3}$")),
    "Error": obj(error=obj(required=["code", "message"],
                           code=s(enum=error_codes(), description="What went wrong, for a program: clients say "
                                  "it in their reader's language (message is English, for people reading logs)."),
                           message=s(description="A human sentence."),
                           fields={"type": "object", "additionalProperties": s(),
                                   "description": "Per-field problems (validation_failed)."},
                           request_id=s(description="Also in the X-Request-Id header and the server's log line."),
                           retry_after=i(description="rate_limited: seconds until a try is let through again "
                                         "(as the Retry-After header)"),
                           required_role={**arr(ROLE), "description": "forbidden because of the role: the roles "
                                          "that may do this (as in the message)."},
                           resellers={**arr(obj(id=i(), name=s(), role=ROLE)), "description": (
                               "choose_reseller: the accounts this person is a member of; send the same "
                               "credential again with one's id as reseller_id.")},
                           current={**obj(required=[], licenses=i(), plan=PLAN, billing_cycle=CYCLE, status=SUB_STATUS,
                                          currency=s(enum=["EUR", "USD"])),
                                    "description": "The subscription as it is now (licenses_changed, plan_changed:"
                                                   " licenses, plan, billing_cycle, status): show it and ask again;"
                                                   " the account's currency (currency_locked)."},
                           missing={**arr(s(enum=E_INVOICE_GAPS)), "description": (
                               "invoice_incomplete: what the invoice was issued without that the e-invoice needs")},
                           current_total=i(description="selection_changed: how many customers the filter selects "
                                                       "now"),
                           row=i(description="row_conflict: the import's row sent again with other content"),
                           reason={**s(enum=["used", "revoked", "superseded", "expired", "own_customer"]),
                                   "description": "transfer_token_gone: why the transfer token no longer works; "
                                                  "conflict on a transfer: own_customer (the token is this "
                                                  "reseller's own)."},
                           state={**s(enum=STATES), "description": "409 from the lifecycle table: the customer's "
                                                                   "state, in which the action is not allowed."},
                           allowed_states={**arr(s(enum=STATES)), "description": "409 from the lifecycle table: the "
                                                                                 "states that allow the action."},
                           max_licenses={**i(), "description": "422 over the seat cap: the cap."})),
    "Health": obj(status=s(enum=["ok"]), version=s()),
    "Ready": obj(status=s(enum=["ready"]), version=s(), schema_version=i(minimum=1)),
    "KioskReset": obj(restored_at=s("date-time"), snapshot_taken_at=s("date-time")),
    "Reseller": obj(id=i(), name=s(), email=s("email")),
    "Member": obj(id=i(), email=s("email"), name=s(), role=ROLE),
    "TeamMember": obj(id=i(), email=s("email"), name=s(), role=ROLE,
                      last_sign_in_at={**TS_NULL, "description": "null if they never signed in"}, added_at=TS),
    "TeamMemberList": obj(items=arr(ref("TeamMember"))),
    "NewMember": obj(email=EMAIL, name=NAME_TEXT, role=ROLE),
    "RoleChange": obj(role=ROLE),
    "Me": obj(id=i(), name=s(), email=s("email"), discount_basis_points=i(), tax_basis_points=i(), currency=s(),
              member=ref("Member"), reseller=ref("Reseller"),
              capabilities={**obj(**{name: arr(ROLE) for name in CAPABILITIES}),
                            "description": "The whole role x capability table: each capability and the roles "
                                           "that have it."}),
    "Session": obj(token=s(description="Bearer token; 256 random bits."), expires_at=TS, reseller=ref("Reseller"),
                   member=ref("Member")),
    "Actor": obj(kind=s(enum=["member", "customer", "system"]),
                 email=s("email", nullable=True, description="null for the system"),
                 name=s(nullable=True, description="as it was at the time; null for the system")),
    "Invitation": obj(status=s(enum=["pending", "accepted", "declined", "expired", "revoked"]),
                      url=s("uri", nullable=True, description="Absolute link; null once answered or revoked."),
                      sent_at=TS, expires_at=TS, accepted_at=TS_NULL, declined_at=TS_NULL,
                      answered_by={**obj(email=s("email", nullable=True), name=s(nullable=True),
                                         method=s(enum=["google", "demo"])), "nullable": True,
                                   "description": "Who accepted or declined: the verified Google account (method "
                                                  "google), or a demo acceptance on a demo server (method demo)."}),
    "ScheduledChange": obj(nullable=True, plan=PLAN, billing_cycle=CYCLE, effective_on=DAY),
    "Subscription": obj(
        id=i(), customer_id=i(), plan=PLAN, billing_cycle=CYCLE, licenses=i(minimum=1, maximum=50000),
        status=SUB_STATUS, started_at=TS, term_start=DAY,
        term_end=DAY, renews_at=s("date", nullable=True), auto_renew={"type": "boolean"},
        unit_price=MONEY, recurring_amount=MONEY,
        monthly_value={**MONEY, "description": "Recurring value per month; 0 for a trial and a suspended flexible "
                                               "plan (it accrues nothing)."},
        scheduled_change=ref("ScheduledChange"), cancel_reason=s(nullable=True),
        trial_ends_on=s("date", nullable=True, description="The trial's last day (also of a trial set to cancel); "
                                                          "null after the trial."),
        suspension={**obj(reason=s(enum=["non_payment", "customer_request"]), since=TS), "nullable": True},
        max_licenses=i(nullable=True, description="The seat cap of a flexible plan: license orders cannot exceed it."),
        renewal={**ref("Renewal"), "nullable": True}),
    "Renewal": {**obj(
        action=s(enum=["auto_renew", "renew_with_count", "switch_to_flexible", "cancel_at_end"]), on=DAY,
        plan={**PLAN, "nullable": True}, billing_cycle={**CYCLE, "nullable": True}, licenses=i(nullable=True),
        unit_price=MONEY_NULL, recurring_amount=MONEY_NULL, monthly_value=MONEY_NULL),
        "description": "What happens when the term ends (a trial's end: its conversion), and the subscription then; "
                    "null fields for cancel_at_end. The subscription's renewal is null when nothing will happen by "
                    "itself (cancelled; a suspended flexible plan)."},
    "Address": {**obj(street=NAME_TEXT, postal_code=POSTAL_CODE, city=NAME_TEXT, country=COUNTRY),
                "example": ADDRESS_EXAMPLE},
    "ProfileAddress": {**obj(required=[], street=NULLABLE_NAME, postal_code={**POSTAL_CODE, "nullable": True}, city=NULLABLE_NAME,
                             country={**COUNTRY, "nullable": True}),
                       "description": "Each part may be null while the profile is being filled in."},
    "CustomerBilling": {**obj(required=["address"], address=ref("Address"), vat_id=VAT_ID,
                              language=s(enum=["de", "en"], nullable=True, description="The invoices' language; "
                                         "null: German for DE, AT, CH, LI, else English."),
                              email={**EMAIL, "nullable": True, "description": "Where invoices go; null: the "
                                                                               "customer's email."},
                              buyer_reference=REFERENCE),
                        "nullable": True,
                        "description": "Billing details: optional until the first invoice; afterwards they can "
                                       "change but not be removed (PATCH with null: 422). Invoices keep the "
                                       "details they were issued with."},
    "Customer": obj(id=i(), name=s(maxLength=200), email=s("email"), google_domain=s(), organization=s(maxLength=200),
                    status=CUSTOMER_STATUS, created_at=TS,
                    invitation={**ref("Invitation"), "nullable": True},
                    subscription={**ref("Subscription"), "nullable": True},
                    billing={**obj(address=ref("Address"), vat_id=s(nullable=True), language=s(enum=["de", "en"]),
                                   email=s("email", nullable=True), buyer_reference=s(nullable=True)),
                             "nullable": True},
                    transfer_token={**obj(created_at=TS, expires_at=TS, created_by=obj(email=s("email"), name=s())),
                                    "nullable": True, "description": "A live transfer token (never the token)."}),
    "CustomerPage": page(ref("Customer")),
    "NewCustomer": obj(required=["name", "email", "google_domain", "organization"], name=NAME_TEXT, email=EMAIL,
                       google_domain=DOMAIN, organization=NAME_TEXT, billing=ref("CustomerBilling")),
    "CustomerChanges": {**obj(required=[], name=NAME_TEXT, email=EMAIL, organization=NAME_TEXT,
                              google_domain=DOMAIN, billing=ref("CustomerBilling"),
                              **{f"expected_{k}": s(maxLength=500, pattern=NO_CONTROLS, **{
                                  "x-normalize": "trim, NFC",
                                  "description": f"The {k} the client saw; another now: 409 customer_changed "
                                                 "with error.current, nothing changed. One line: no control "
                                                 "characters or bidirectional overrides."})
                                 for k in ("name", "email", "organization", "google_domain")}),
                        "minProperties": 1,
                        "description": "At least one field. The Google domain only while the invitation is open "
                                       "(else 409)."},
    "BillingProfileChanges": {**obj(
        required=list(billing_body.REQUIRED_PROFILE_FIELDS),
        legal_name=NULLABLE_NAME, address={**ref("ProfileAddress"), "nullable": True}, vat_id=VAT_ID,
        tax_number=TAX_NUMBER,
        currency=s(enum=["EUR", "USD"], nullable=True, description="null: EUR for a reseller in Germany until its "
                   "first invoice, else as it is. It cannot change once invoices were issued (409 currency_locked)."),
        invoice_prefix=PREFIX, payment_terms_days=i(minimum=0, maximum=365), iban=IBAN, bic=BIC,
        email={**EMAIL, "nullable": True}, phone=PHONE,
        tax_basis_points=i(minimum=0, maximum=10000, nullable=True, description="The VAT rate of a reseller "
                           "outside Germany (German resellers: the German rules); null: as it is.")),
        "description": "The whole profile: every field but tax_basis_points is sent (null where there is none "
                       "yet). Only formats are checked; `missing` in the answer says what invoices still lack."},
    "BillingProfile": obj(
        legal_name=s(nullable=True), address=obj(**{part: s(nullable=True) for part in ("street", "postal_code",
                                                                                        "city", "country")}),
        vat_id=s(nullable=True), tax_number=s(nullable=True), currency=s(enum=["EUR", "USD"]),
        invoice_prefix=s(), payment_terms_days=i(), iban=s(nullable=True), bic=s(nullable=True),
        email=s("email", nullable=True), phone=s(nullable=True), tax_basis_points=i(),
        currency_locked={"type": "boolean", "description": "Invoices were issued: the currency stays."},
        next_invoice_number=s(description="The number the next invoice or credit note gets."),
        missing=arr(s(enum=["legal_name", "street", "postal_code", "city", "country", "vat_id_or_tax_number",
                            "email", "phone"]))),
    "InvitationAccepted": obj(
        customer=obj(id=i(), name=s(), organization=s(), google_domain=s(), status=s(enum=["active"])),
        reseller=obj(name=s()),
        subscription=obj(id=i(), plan=PLAN, licenses=i(), status=s(enum=["trial"]), trial_ends_on=DAY)),
    "InvitationAnswer": obj(required=[], credential=s(maxLength=8192, description=(
        "The visitor's Google ID token (Google Identity Services). Its verified email must belong to the invited "
        "domain: the hd claim equals it, or, for an account without Google Workspace, the email's domain does.")),
        demo={"type": "boolean", "enum": [True], "description": (
            "A demo acceptance instead: only on a demo server without Google sign-in, for a demo account's "
            "invitation.")}),
    "InvitationDeclined": obj(
        customer=obj(id=i(), name=s(), organization=s(), google_domain=s(), status=s(enum=["declined"])),
        reseller=obj(name=s())),
    "StartPaid": obj(plan=PLAN, billing_cycle=CYCLE, licenses=i(minimum=1, maximum=50000)),
    "StartPaidPreview": obj(
        subscription_id=i(), plan=PLAN, billing_cycle=CYCLE, licenses=i(), trial_ends_on=DAY, starts_on=DAY,
        period=obj(**{"from": DAY, "to": DAY}), amount_due_now={**MONEY, "description": "The first billing period."},
        tax={**ref("Tax"), "description": "The VAT the invoice adds to amount_due_now."},
        unit_price=MONEY, recurring_amount=MONEY, monthly_value=MONEY, renews_on=DAY),
    "StartPaidResult": obj(start=ref("StartPaidPreview"), subscription=ref("Subscription"),
                           invoice={**ref("Invoice"), "nullable": True}),
    "Suspend": obj(required=["reason"], reason=s(enum=["non_payment", "customer_request"]), note=REASON),
    "SuspendPreview": obj(subscription_id=i(), reason=s(enum=["non_payment", "customer_request"]), suspends_on=DAY,
                          accrues_while_suspended={"type": "boolean", "description": "false for a flexible plan; an "
                                                                                    "annual commitment runs on"},
                          paid_through=DAY, monthly_value_now=MONEY, monthly_value_suspended=MONEY),
    "SuspendResult": obj(suspension=ref("SuspendPreview"), subscription=ref("Subscription")),
    "ResumePreview": obj(subscription_id=i(), resumes_on=DAY, suspended_since=TS,
                         amount_due_now={**MONEY, "description": "The rest of the billing period it resumes in, "
                                                                 "prorated by day; 0 within the period already paid "
                                                                 "and for annual plans."},
                         tax={**ref("Tax"), "description": "The VAT the invoice adds to amount_due_now."},
                         proration={**obj(**{"from": DAY, "to": DAY, "days": i(), "period_days": i()}),
                                    "nullable": True},
                         unit_price=MONEY, recurring_amount=MONEY, renews_on=s("date", nullable=True)),
    "ResumeResult": obj(resumption=ref("ResumePreview"), subscription=ref("Subscription"),
                        invoice={**ref("Invoice"), "nullable": True}),
    "RenewalSettings": obj(required=["action"], action=s(enum=["auto_renew", "renew_with_count",
                                                                "switch_to_flexible", "cancel_at_end"]),
                           licenses=i(minimum=1, maximum=50000, nullable=True, description=(
                               "The count to renew with: with renew_with_count only (422 otherwise)."))),
    "SeatCap": obj(max_licenses=i(minimum=1, maximum=50000, nullable=True, description=(
        "The most licenses orders may reach, at least the count now (422); null: no cap."))),
    "TransferToken": obj(customer_id=i(), token=s(description="Shown this once; the server keeps only its hash."),
                         expires_at=TS),
    "TransferTokenEntry": obj(token=TRANSFER_TOKEN),
    "TransferPreview": obj(
        customer=obj(name=s(), organization=s(), google_domain=s(), email=s("email")),
        from_reseller=obj(name=s()),
        subscription=obj(plan=PLAN, billing_cycle=CYCLE, licenses=i(), status=SUB_STATUS, term_end=DAY,
                         renews_at=s("date", nullable=True)),
        after=obj(unit_price=MONEY, recurring_amount=MONEY, monthly_value=MONEY),
        invoices_staying=i(description="Invoices the sending reseller issued to the customer: they stay there."),
        token_expires_at=TS),
    "TransferResult": obj(customer=ref("Customer"), from_reseller=obj(name=s())),
    "LicenseTarget": obj(required=["licenses"], licenses=i(minimum=1, maximum=50000),
                         expected_licenses=i(minimum=1, maximum=50000, nullable=True, description=(
                             "The count the client saw. If the subscription has another count now, nothing "
                             "is ordered: 409 licenses_changed with error.current."))),
    "Tax": obj(rule=s(enum=["domestic", "reverse_charge", "not_taxable", "seller_rate", "not_subject"]),
               category=s(enum=["S", "AE", "O"], description="EN 16931 VAT category (UNTDID 5305)"),
               rate_basis_points=i(), amount={**MONEY, "description": "The VAT on prorated_amount."},
               total={**MONEY, "description": "prorated_amount with VAT: what the invoice will say."}),
    "Credit": obj(amount={**MONEY, "description": "Credited now for the rest of the invoiced period (a credit note);"
                                                  " 0 when nothing is."}, tax=MONEY, total=MONEY),
    "LicenseOrderPreview": obj(
        subscription_id=i(), current_licenses=i(), licenses=i(), converts_trial={"type": "boolean"},
        unit_price=MONEY, prorated_amount={**MONEY, "description": "Charged now, prorated to the end of the billing period."},
        proration=obj(**{"from": DAY, "to": DAY, "days": i(), "period_days": i()}),
        recurring_amount=MONEY, monthly_value=MONEY, tax=ref("Tax"), credit=ref("Credit")),
    "LicenseOrder": obj(id=i(), subscription_id=i(), licenses_before=i(), licenses_after=i(), amount=MONEY,
                        invoice_id=i(nullable=True), created_at=TS),
    "LicenseOrderResult": obj(order=ref("LicenseOrder"), subscription=ref("Subscription"),
                              invoice={**ref("Invoice"), "nullable": True},
                              credit_note={**ref("Invoice"), "nullable": True}),
    "PlanTarget": obj(required=["plan", "billing_cycle"], plan=PLAN, billing_cycle=CYCLE,
                      expected_plan={**PLAN, "nullable": True, "description": "The plan the client saw; send "
                                     "with expected_billing_cycle. Changed meanwhile: 409 plan_changed."},
                      expected_billing_cycle={**CYCLE, "nullable": True}),
    "PlanChangePreview": obj(subscription_id=i(), plan=PLAN, billing_cycle=CYCLE,
                             effective=s(enum=["now", "renewal"]), effective_on=DAY, unit_price=MONEY,
                             prorated_amount=MONEY,
                             proration={**obj(nullable=True, **{"from": DAY, "to": DAY, "days": i(), "period_days": i()}),
                                        "description": "The days prorated_amount pays for (an upgrade's rest of the "
                                                       "billing period); null when nothing is prorated (a new term, "
                                                       "a change at renewal, a downgrade)."},
                             recurring_amount=MONEY, monthly_value=MONEY, tax=ref("Tax"), credit=ref("Credit")),
    "PlanChangeResult": obj(change=ref("PlanChangePreview"), subscription=ref("Subscription"),
                            invoice={**ref("Invoice"), "nullable": True},
                            credit_note={**ref("Invoice"), "nullable": True}),
    "Cancel": obj(required=["when"], when=s(enum=["now", "end_of_term"]), reason=REASON),
    "InvoiceSummary": obj(**INVOICE_SUMMARY),
    "Invoice": obj(
        **INVOICE_SUMMARY,
        language=s(enum=["de", "en"]),
        seller={"type": "object", "description": "The seller as the invoice was issued (name, legal_name, "
                "account_name, address, vat_id, tax_number, email, phone, iban, bic); only name for invoices "
                "issued before they kept it."},
        buyer={"type": "object", "description": "The buyer as the invoice was issued (name: the organization, "
               "contact, address, vat_id, email, reference, customer_number); name and contact only for invoices "
               "issued before."},
        tax_rule=obj(rule=s(enum=["domestic", "reverse_charge", "not_taxable", "seller_rate", "not_subject", "legacy"]),
                     category=s(enum=["S", "AE", "O"], nullable=True), rate_basis_points=i(nullable=True)),
        payment_terms_days=i(nullable=True), issued_as_e_invoice={"type": "boolean", "description": (
            "false for invoices issued before invoices kept their parties: PDF only, no e-invoice")},
        corrected_by=arr(obj(id=i(), number=s())),
        e_invoice_missing={**obj(factur_x=arr(s(enum=E_INVOICE_GAPS)), xrechnung=arr(s(enum=E_INVOICE_GAPS))),
                           "description": "What each e-invoice of this invoice lacks (empty: it is made); the "
                                          "invoice cannot change."},
        lines=arr(obj(description=s(description="The line in the invoice's language, as its PDF says it."),
                      quantity=i(), unit_amount=MONEY, amount=MONEY,
                      period={**obj(start=DAY, end=DAY), "nullable": True},
                      item={**obj(required=["kind", "plan"], kind=s(enum=list(LINE_KINDS)), plan=PLAN,
                                  from_plan={**PLAN, "description": "upgrade, downgrade: the plan before"},
                                  cycle=CYCLE, licenses=i(description="The subscription's licenses"),
                                  count=i(description="added, removed: the licenses added or removed"),
                                  days=i(description="Days of the period charged or credited"),
                                  period_days=i(description="Days of the whole billing period")),
                            "nullable": True,
                            "description": "What the line is, for a client to say it in its reader's language "
                                           "(fields by kind, as line_items.TEXTS uses them); null for lines "
                                           "issued before invoices kept it."}))),
    "InvoicePage": page(ref("InvoiceSummary")),
    "Activity": obj(id=i(), created_at=TS, actor=ref("Actor"), action=s(), summary=s(), customer_id=i(nullable=True),
                    customer_name=s(nullable=True),
                    job_id=i(nullable=True, description="The bulk job that made the change, if one did."),
                    before={"type": "object", "nullable": True},
                    after={"type": "object", "nullable": True}),
    "ActivityPage": page(ref("Activity"), total=False),
    "Plans": obj(
        currency=s(), discount_basis_points=i(),
        billing_cycles=arr(obj(billing_cycle=CYCLE, name=s(), licenses_down=s(enum=["any_time", "at_renewal"]))),
        license_limits=obj(min=i(), max=i()),
        items=arr(obj(plan=PLAN, name=s(), prices={
            "type": "object", "additionalProperties": obj(per=s(enum=["license_month", "license_year"]),
                                                          list=MONEY, yours=MONEY)}))),
    "Dashboard": obj(
        customers_by_status=obj(invited=i(), active=i(), suspended=i(), revoked=i(), declined=i(), cancelled=i()),
        customers_total=i(),
        licenses_total=i(), monthly_recurring_revenue=MONEY,
        invoices=obj(open=obj(count=i(), amount=MONEY), overdue=obj(count=i(), amount=MONEY)),
        renewals_next_30_days=obj(count=i(), amount=MONEY, items=arr(obj(
            customer_id=i(), customer_name=s(), organization=s(), plan=PLAN, billing_cycle=CYCLE, licenses=i(),
            renews_at=DAY, recurring_amount=MONEY))),
        trials=obj(count=i(), items=arr(obj(customer_id=i(), customer_name=s(), organization=s(), licenses=i(),
                                            trial_ends_on=DAY, days_left=i(description="today included"),
                                            converts={"type": "boolean", "description": "false when set to cancel"}))),
        revenue_by_month=arr(obj(month=s(pattern="^[0-9]{4}-[0-9]{2}$"), amount=MONEY))),
    # Bulk jobs (issue 19).
    "BulkSelection": obj(required=[], filter=obj(required=[], q=s(maxLength=200), status=s(
        enum=["invited", "active", "revoked", "cancelled"], nullable=True)),
        ids=arr(i(minimum=1)), expected_total=i(minimum=0, maximum=MAX_ROWS, nullable=True, description=(
            "The number of customers the preview showed for this filter: another number now is 409 "
            "selection_changed and nothing starts."))),
    "ImportRow": {**obj(required=["row"], row=i(minimum=1, maximum=MAX_ROWS, description="The row's number in the "
                                                                                            "file (1 is the first data row)"),
                        name=s(nullable=True), email=s(nullable=True), google_domain=s(nullable=True),
                        organization=s(nullable=True)),
                  "description": "The row as the file holds it; its fields are checked as New customer checks them "
                                 "when it is done (a bad row fails alone, named in the report)."},
    "BulkJobRequest": obj(
        required=["action"], action=s(enum=list(ACTIONS)),
        filter={**ref("BulkSelection"), "description": "The customer list's q and status (not with ids)."},
        ids={**arr(i(minimum=1)), "maxItems": MAX_IDS, "description": "Customers by id (not with filter)."},
        expected_total=i(minimum=0, maximum=MAX_ROWS, nullable=True),
        licenses=i(minimum=1, maximum=50000, description="add_licenses: licenses to add; set_licenses: the count"),
        rows={**arr(ref("ImportRow")), "maxItems": 5000, "description": "invite: the first batch of rows (or all)"},
        total=i(minimum=1, maximum=MAX_ROWS, description="invite: how many rows the file has; further batches go to"
                                                         " POST /bulk-jobs/{id}/rows"),
        file_name=s(maxLength=200, nullable=True)),
    "BulkPreviewRequest": {**obj(required=["action"], action=s(enum=list(ACTIONS)), filter=ref("BulkSelection"),
                                 ids=arr(i(minimum=1)), expected_total=i(nullable=True), licenses=i(),
                                 rows=arr(ref("ImportRow")), total=i(), file_name=s(nullable=True),
                                 show=s(enum=["applicable", "not_applicable"]),
                                 offset=i(minimum=0), limit=i(minimum=0, maximum=500, default=100)),
                           "description": "A job's request (BulkJobRequest), with which items to list."},
    "BulkPreviewItem": obj(
        required=["customer_id", "name", "organization", "google_domain", "email", "status", "applies", "reason",
                  "message"],
        customer_id=i(), name=s(nullable=True), organization=s(nullable=True), google_domain=s(nullable=True),
        email=s(nullable=True), status=s(nullable=True), applies={"type": "boolean"},
        reason=s(nullable=True, description="Why the action does not apply: not_found, not_invited, "
                                            "already_accepted, domain_taken, no_subscription, subscription_cancelled,"
                                            " trial, too_many_licenses, no_change, not_allowed"),
        message=s(nullable=True), licenses_before=i(), licenses_after=i(), prorated_amount=MONEY,
        monthly_value_before=MONEY, monthly_value_after=MONEY),
    "BulkPreview": obj(action=s(enum=[a for a in ACTIONS if a != "invite"]), licenses=i(nullable=True), total=i(),
                       applicable=i(), not_applicable=i(),
                       reasons={"type": "object", "additionalProperties": i()},
                       prorated_amount={**MONEY, "description": "Charged now for every customer it applies to"},
                       monthly_value_change={**MONEY, "description": "Change of the monthly value, in total"},
                       shown=i(description="Items of the `show` asked for, of which `items` is a page"),
                       items=arr(ref("BulkPreviewItem"))),
    "ImportPreview": obj(action=s(enum=["invite"]), items=arr(obj(
        row=i(), outcome=s(enum=["invite", "invalid", "already_imported", "already_customer", "domain_taken",
                                 "duplicate"]),
        message=s(nullable=True), fields={"type": "object", "nullable": True, "additionalProperties": s()},
        customer_id=i(nullable=True)))),
    "BulkJobRow": obj(row=i(), state=s(enum=["pending", "done", "failed", "skipped"]),
                      code=s(nullable=True, description="done: invited, invitation_resent, invitation_revoked, "
                                                        "licenses_ordered; skipped: the preview's reasons, "
                                                        "already_imported, already_customer, duplicate, cancelled, "
                                                        "stopped; failed: the single action's error code"),
                      message=s(nullable=True), customer_id=i(nullable=True),
                      input={"type": "object", "nullable": True, "description": "An import's row as sent"},
                      detail={"type": "object", "nullable": True}),
    "BulkJob": obj(
        id=i(), action=s(enum=list(ACTIONS)), status=s(enum=["receiving", "queued", "running", "done", "cancelled"]),
        licenses=i(nullable=True), selection={"type": "object"},
        created_by=obj(email=s("email"), name=s()), created_at=TS, started_at=TS_NULL, finished_at=TS_NULL,
        note=s(nullable=True),
        counts=obj(total=i(), received=i(), done=i(), failed=i(), skipped=i(), pending=i()),
        missing_rows={**arr(arr(i())), "description": "receiving: [first, last] ranges of rows not sent yet"},
        rows=arr(ref("BulkJobRow"))),
    "BulkJobList": obj(items=arr(ref("BulkJob"))),
    "BulkRows": obj(rows={**arr(ref("ImportRow")), "maxItems": 5000}),
    # Saved views (issue 19).
    "SavedView": obj(id=i(), name=s(), shared={"type": "boolean"},
                     mine={"type": "boolean", "description": "saved by the member asking (theirs to change)"},
                     owner=obj(name=s(nullable=True), email=s(nullable=True)), q=s(),
                     status=s(nullable=True), sort=s(), columns={**arr(s()), "nullable": True},
                     created_at=TS, updated_at=TS),
    "SavedViewList": obj(items=arr(ref("SavedView"))),
    "NewSavedView": obj(required=["name"], **VIEW_FIELDS),
    "SavedViewChanges": {**obj(required=[], **VIEW_FIELDS), "minProperties": 1},
}

ERRORS = {
    "400": "invalid_json: the body is not JSON.",
    "401": "unauthorized (no or bad token) or session_expired; answering an invitation: credential_required or "
           "invalid_credential (the Google ID token is not valid, expired, or its email is not verified).",
    "403": "forbidden: the member's role may not do this (required_role lists the roles that may; nothing "
           "was changed); not_a_demo_account (demo sign-in), not_a_reseller (Google sign-in), "
           "not_the_kiosk_account (kiosk reset), wrong_domain (the Google account is not of the invited domain) or "
           "demo_acceptance_refused, not_your_view (a saved view of another member).",
    "404": "not_found: no such resource for this reseller (another reseller's looks the same).",
    "405": "method_not_allowed, with an Allow header.",
    "409": "conflict (from the lifecycle table: with error.state and error.allowed_states), domain_taken, "
           "subscription_cancelled, idempotency_conflict, licenses_changed / plan_changed / customer_changed with "
           "error.current, "
           "member_exists, last_admin, choose_reseller with error.resellers, currency_locked with error.current, "
           "invoice_incomplete with error.missing, selection_changed with error.current_total, row_conflict with "
           "error.row, job_finished or view_exists. Nothing was changed.",
    "410": "invitation_gone: the link expired, was revoked, replaced, accepted or declined; transfer_token_gone: "
           "the transfer token was used, revoked, replaced or expired.",
    "413": "payload_too_large: the body is over 1 MiB.",
    "415": "unsupported_media_type: a body must be sent as Content-Type: application/json.",
    "422": "validation_failed, with fields.",
    "429": "rate_limited, with a Retry-After header.",
    "503": "storage_unavailable: the server's disk is full or failing; nothing was changed, try again later. "
           "database_unreachable (PostgreSQL): the server cannot reach its database right now, with Retry-After. "
           "storage_busy (PostgreSQL): another server process kept changing the same data; nothing was changed, "
           "with Retry-After. "
           "documents_unavailable: this server cannot make PDFs (the weasyprint package is missing). "
           "google_sign_in_unavailable: the server has no Google client id to check an invitation's answer.",
}


def json_body(schema):
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def op(summary, ok, ok_schema=None, errors=(), auth=True, body=None, params=(), content="application/json",
       idempotent=False, description=None):
    codes = set(errors) | ({"401"} if auth else set())
    if body is not None:
        codes |= {"400", "413", "415", "422"}
    if idempotent:
        codes |= {"415", "422", "503"}  # a bad Idempotency-Key is 422; any body must be JSON; writes can fail
    responses = {ok: {"description": "Success"}}
    if ok_schema is not None:
        responses[ok]["content"] = {content: {"schema": ok_schema}}
    for code in sorted(codes):
        responses[code] = {"description": ERRORS[code], "content": {"application/json": {"schema": ref("Error")}}}
    operation = {"summary": summary, "responses": responses}
    if description:
        operation["description"] = description
    if not auth:
        operation["security"] = []
    parameters = list(params)
    if idempotent:
        parameters.append({"$ref": "#/components/parameters/IdempotencyKey"})
    if parameters:
        operation["parameters"] = parameters
    if body is not None:
        operation["requestBody"] = json_body(body)
    return operation


def q(name, schema, description=""):
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


ID = {"name": "id", "in": "path", "required": True, "schema": i()}
TOKEN = {"name": "token", "in": "path", "required": True, "schema": s()}
LIMIT = q("limit", i(minimum=1, maximum=200, default=50))
CURSOR = q("cursor", s(), "next_cursor of the previous page")
CUSTOMER_ID = q("customer_id", i(minimum=0, maximum=999_999_999_999_999_999))
OFFSET = q("offset", i(minimum=0, maximum=10_000_000),
           "the page at this position of the sort (0: the first row); not with cursor. Rows past the end: an"
           " empty page. next_cursor continues after it.")
FORMAT = q("format", s(enum=list(DIALECTS), default="csv"),
           "csv: commas, decimal points, UTF-8; excel-de: semicolons, decimal commas, UTF-8 with a byte-order mark")
INVOICE_FILTERS = [CUSTOMER_ID, q("status", s(enum=["open", "paid", "overdue", "void"])),
                   q("from", DAY, "issued on or after"), q("to", DAY, "issued on or before")]
E404 = ("404",)
SUB_ERRORS = ("404", "409")


def checked_by_bulk_tests(operation):
    """A bulk job's body: which fields it takes depends on its action (rows for an import, a
    filter or ids and licenses for the others), more than a schema per field says; the property
    test leaves it to the bulk job tests."""
    return {**operation, "x-checked-by": "tests/server/test_bulk_jobs.py: the fields depend on the action"}


def media_type(fmt):
    return fmt.media_type.split(";")[0]


def paths():
    customer = [ID]
    return {
        "/health": {"get": op("Liveness and version (never touches the database)", "200", ref("Health"), auth=False)},
        "/ready": {"get": op("Readiness for a load balancer's check: the database answers and holds the schema this "
                             "process was built for", "200", ref("Ready"), ("503",), auth=False,
                             description="503 database_unreachable (with Retry-After) while the database cannot be "
                                         "reached; 503 service_unavailable while the database holds another schema "
                                         "version than this process's (a rolling upgrade: replace the process).")},
        "/openapi.json": {"get": op("This document", "200", {"type": "object"}, auth=False)},
        "/auth/demo": {"post": op("Demo sign-in (demo mode only; 404 otherwise). One reseller per email.", "200",
                                  ref("Session"), ("403", "404", "429"), auth=False, body=obj(email=EMAIL), idempotent=True,
                                  description="A new email gets a demo account of its own, with it as the Admin; the "
                                              "email of a demo team's member enters as that member. 403 "
                                              "not_a_demo_account for the email of a registered reseller or of "
                                              "one of its members.")},
        "/auth/google": {"post": op("Sign in with a Google ID token (RS256, aud, iss, exp, email_verified checked).",
                                    "200", ref("Session"), ("401", "403", "404", "409", "429"), auth=False,
                                    body=obj(required=["credential"], credential=s(), reseller_id=i(
                                        minimum=1, description="the account chosen after 409 choose_reseller")),
                                    idempotent=True,
                                    description="The account's member with the token's email signs in. 403 "
                                                "not_a_reseller when no registered account has them as a member. "
                                                "A member of several accounts without reseller_id: 409 "
                                                "choose_reseller listing them; a reseller_id they are not a member "
                                                "of: 403 forbidden.")},
        "/auth/logout": {"post": op("End this session; the token is dead afterwards.", "204", idempotent=True)},
        "/me": {"get": op("The signed-in member, their reseller account and what each role may do", "200",
                          ref("Me"), description="The account's fields stay at the top level (as before teams); "
                                                 "member, reseller and capabilities are added.")},
        "/plans": {"get": op("Plans with prices per cycle, at list and after the reseller's discount", "200", ref("Plans"))},
        "/billing-profile": {
            "get": op("The reseller's billing profile: what its invoices say about the seller", "200",
                      ref("BillingProfile")),
            "put": op("Replace the billing profile; invoices issued later use it, earlier ones keep theirs", "200",
                      ref("BillingProfile"), ("409",), body=ref("BillingProfileChanges"),
                      description="422 names each field whose format is wrong (a bad IBAN's check digits, a VAT "
                                  "ID not in its country's format). 409 currency_locked: the currency cannot change "
                                  "after the first invoice.", idempotent=True),
        },
        "/dashboard": {"get": op("Customers by status, licenses, MRR, open and overdue invoices, renewals in 30 days,"
                                 " revenue by month for 12 months", "200", ref("Dashboard"))},
        "/customers": {
            "get": op("List customers", "200", ref("CustomerPage"), ("422",), params=[
                q("q", s(maxLength=200), "prefix search over name, organization, domain and email"),
                q("status", CUSTOMER_STATUS),
                q("sort", s(enum=["name", "-name", "created_at", "-created_at", "renews_at", "-renews_at",
                                  "licenses", "-licenses"], default="name")), LIMIT, CURSOR, OFFSET]),
            "post": op("Invite a customer", "201", ref("Customer"), ("409",), body=ref("NewCustomer"), idempotent=True),
        },
        "/customers/{id}": {
            "get": op("A customer with invitation and subscription", "200", ref("Customer"), E404, params=customer),
            "patch": op("Change name, email, organization or billing details; the Google domain while the "
                        "invitation is open", "200", ref("Customer"), ("404", "409"), body=ref("CustomerChanges"),
                        params=customer, idempotent=True),
        },
        "/customers/{id}/invitation/resend": {"post": op("New link; the old one dies", "200", ref("Customer"),
                                                         SUB_ERRORS, params=customer, idempotent=True)},
        "/customers/{id}/invitation/revoke": {"post": op("Withdraw the invitation", "200", ref("Customer"),
                                                         SUB_ERRORS, params=customer, idempotent=True)},
        "/customers/{id}/invitation": {"post": op(
            "Invite again (expired, revoked or declined invitation, cancelled subscription): a new link, the old one "
            "dead, the history kept", "200", ref("Customer"), SUB_ERRORS, params=customer, idempotent=True)},
        "/invitations/{token}/accept": {"post": op(
            "Accept an invitation, signed in with Google as an account of the invited domain: a 30-day "
            "Professional trial of 5 licenses", "200", ref("InvitationAccepted"), ("401", "403", "404", "410", "503"),
            auth=False, params=[TOKEN], body=ref("InvitationAnswer"), idempotent=True,
            description="No session: the credential is the visitor's Google ID token; without one, 401 "
                        "credential_required. Another domain's account: 403 wrong_domain, nothing changed.")},
        "/invitations/{token}/decline": {"post": op(
            "Decline an invitation (the same credential as accepting); the reseller sees the customer as declined",
            "200", ref("InvitationDeclined"), ("401", "403", "404", "410", "503"), auth=False, params=[TOKEN],
            body=ref("InvitationAnswer"), idempotent=True)},
        "/customers/{id}/transfer-token": {
            "post": op("A one-time transfer token for the customer, valid 14 days; an earlier live one dies", "201",
                       ref("TransferToken"), SUB_ERRORS, params=customer, idempotent=True,
                       description="The token is shown in this answer only (also not kept for an Idempotency-Key: "
                                   "a retry makes a new token)."),
            "delete": op("Revoke the customer's live transfer token", "204", None, SUB_ERRORS, params=customer,
                         idempotent=True)},
        "/customers/transfer/preview": {"post": op(
            "What a transfer token would move here: the customer, its subscription, the price afterwards; writes "
            "nothing", "200", ref("TransferPreview"), ("404", "409", "410"), body=ref("TransferTokenEntry"),
            idempotent=True)},
        "/customers/transfer": {"post": op(
            "Take the customer over: it moves with its subscription in one transaction; invoices stay with the "
            "reseller that issued them", "200", ref("TransferResult"), ("404", "409", "410"),
            body=ref("TransferTokenEntry"), idempotent=True,
            description="404 for a token this account cannot know (also a demo account's token at a registered "
                        "reseller); 410 transfer_token_gone when used, revoked, replaced or expired; 409 for the "
                        "sender's own customer or one that is no longer running.")},
        "/customers/{id}/subscription": {
            "get": op("Terms and plan", "200", ref("Subscription"), E404, params=customer),
            "patch": op("Set or clear the seat cap of a flexible plan", "200", ref("Subscription"), SUB_ERRORS,
                        body=ref("SeatCap"), params=customer, idempotent=True)},
        "/customers/{id}/subscription/license-orders/preview": {"post": op(
            "Price a license change without ordering", "200", ref("LicenseOrderPreview"), SUB_ERRORS,
            body=ref("LicenseTarget"), params=customer, idempotent=True)},
        "/customers/{id}/subscription/license-orders": {"post": op(
            "Order: set licenses to a target; writes the order, invoice and activity together. On a trial it"
            " converts to paid. Annual plans cannot go down mid-term (422 says when).", "201",
            ref("LicenseOrderResult"), SUB_ERRORS, body=ref("LicenseTarget"), params=customer, idempotent=True)},
        "/customers/{id}/subscription/plan/preview": {"post": op(
            "Price a plan change", "200", ref("PlanChangePreview"), SUB_ERRORS, body=ref("PlanTarget"),
            params=customer, idempotent=True)},
        "/customers/{id}/subscription/plan": {"post": op(
            "Change plan: upgrades now (prorated), downgrades at renewal on annual cycles and now on flexible",
            "200", ref("PlanChangeResult"), SUB_ERRORS, body=ref("PlanTarget"), params=customer, idempotent=True)},
        "/customers/{id}/subscription/cancel": {"post": op(
            "Cancel now or at the end of the term (pending_cancel)", "200", ref("Subscription"), SUB_ERRORS,
            body=ref("Cancel"), params=customer, idempotent=True)},
        "/customers/{id}/subscription/reactivate": {"post": op(
            "Undo a pending cancel before the term ends", "200", ref("Subscription"), SUB_ERRORS, params=customer,
            idempotent=True)},
        "/customers/{id}/subscription/start-paid/preview": {"post": op(
            "Price starting the paid plan of a trial now", "200", ref("StartPaidPreview"), SUB_ERRORS,
            body=ref("StartPaid"), params=customer, idempotent=True)},
        "/customers/{id}/subscription/start-paid": {"post": op(
            "Start the paid plan of a trial now: the paid term starts today and its first period is invoiced", "200",
            ref("StartPaidResult"), SUB_ERRORS, body=ref("StartPaid"), params=customer, idempotent=True)},
        "/customers/{id}/subscription/suspend/preview": {"post": op(
            "What suspending changes", "200", ref("SuspendPreview"), SUB_ERRORS, body=ref("Suspend"), params=customer,
            idempotent=True)},
        "/customers/{id}/subscription/suspend": {"post": op(
            "Suspend an active subscription: it keeps its data and licenses; a flexible plan accrues nothing",
            "200", ref("SuspendResult"), SUB_ERRORS, body=ref("Suspend"), params=customer, idempotent=True)},
        "/customers/{id}/subscription/resume/preview": {"post": op(
            "Price resuming", "200", ref("ResumePreview"), SUB_ERRORS, params=customer, idempotent=True)},
        "/customers/{id}/subscription/resume": {"post": op(
            "Resume a suspended subscription, with the prorated charge the preview showed", "200",
            ref("ResumeResult"), SUB_ERRORS, params=customer, idempotent=True)},
        "/customers/{id}/subscription/renewal": {"put": op(
            "Renewal settings of an annual plan", "200", ref("Subscription"), SUB_ERRORS, body=ref("RenewalSettings"),
            params=customer, idempotent=True,
            description="409 for a flexible plan (it renews month by month).")},
        "/invoices": {"get": op("List invoices, newest first", "200", ref("InvoicePage"), ("422",),
                                params=INVOICE_FILTERS + [LIMIT, CURSOR, OFFSET])},
        # Document formats come from their registration (src/partner_api/documents/__init__.py).
        **{f"/invoices/export.{fmt.name}": {"get": op(fmt.summary, "200", {"type": "string"}, ("422",),
                                                      params=INVOICE_FILTERS + ([FORMAT] if fmt.spreadsheet else []),
                                                      content=media_type(fmt))}
           for fmt in EXPORT_FORMATS},
        "/invoices/{id}": {"get": op("An invoice with lines", "200", ref("Invoice"), E404, params=[ID])},
        **{f"/invoices/{{id}}/{fmt.name}": {"get": op(fmt.summary, "200", {"type": "string", "format": "binary"},
                                                      ("404", "409", "503"), params=[ID], content=media_type(fmt))}
           for fmt in INVOICE_FORMATS},
        "/activity": {"get": op("Every change, newest first, with who made it", "200", ref("ActivityPage"),
                                ("404", "422"), params=[CUSTOMER_ID, q("actor", EMAIL, "only what this member did "
                                                                                  "(by their email)"), LIMIT, CURSOR])},
        "/customers/export.csv": {"get": op(
            "Every customer of the list as CSV, streamed: the list's q, status and sort, the columns asked for",
            "200", {"type": "string"}, ("422",), content="text/csv", params=[
                q("q", s(maxLength=200)), q("status", s(enum=["invited", "active", "revoked", "cancelled"])),
                q("sort", s(enum=["name", "-name", "created_at", "-created_at", "renews_at", "-renews_at",
                                  "licenses", "-licenses"], default="name")),
                q("columns", s(), "comma-separated, in order, of: " + ", ".join(CUSTOMER_COLUMNS)), FORMAT])},
        "/bulk-jobs": {
            "get": op("Recent bulk jobs of the account, newest first", "200", ref("BulkJobList"), ("422",),
                      params=[q("status", s(enum=["open"]), "only jobs not finished"),
                              q("limit", i(minimum=1, maximum=100, default=20))]),
            "post": checked_by_bulk_tests(op(
                       "Start a bulk job: one action over customers selected by filter or ids, or an import of "
                       "invitations (its rows in batches)", "202", ref("BulkJob"), ("409",),
                       body=ref("BulkJobRequest"), idempotent=True, description=(
                           "Needs an Idempotency-Key (422 without): sent again, it starts nothing twice. Each row "
                           "gets the rules, preconditions and history entry of the single action (the history "
                           "names the job). A filter is read when the job is made; each license row keeps the "
                           "count it had then (its expected_licenses). The capability is the action's: invite, "
                           "resend and revoke manage_customers; add and set licenses manage_subscriptions."))),
        },
        "/bulk-jobs/preview": {"post": checked_by_bulk_tests(op(
            "What a bulk job would do now, writing nothing: for customers whom it cannot apply to and why, and "
            "the price per customer and in total; for an import each row's outcome", "200",
            {"oneOf": [ref("BulkPreview"), ref("ImportPreview")]}, ("409",), body=ref("BulkPreviewRequest"),
            idempotent=True))},
        "/bulk-jobs/{id}": {"get": op(
            "A bulk job: status, counts and a page of its rows' outcomes", "200", ref("BulkJob"), ("404", "422"),
            params=[ID, q("state", s(enum=["pending", "done", "failed", "skipped"])),
                    q("offset", i(minimum=0)), q("limit", i(minimum=0, maximum=1000, default=100))])},
        "/bulk-jobs/{id}/rows": {"post": checked_by_bulk_tests(op(
            "Another batch of an import's rows. A row already received is left as it is (a batch sent again "
            "adds nothing); the same number with other content is 409 row_conflict", "200", ref("BulkJob"),
            ("404", "409"), body=ref("BulkRows"), params=[ID], idempotent=True))},
        "/bulk-jobs/{id}/cancel": {"post": op(
            "Stop a job: rows not done yet are skipped as cancelled; done rows stay done", "200", ref("BulkJob"),
            ("404",), params=[ID], idempotent=True)},
        "/bulk-jobs/{id}/report.csv": {"get": op(
            "Every row's outcome as CSV, streamed", "200", {"type": "string"}, ("404", "422"), content="text/csv",
            params=[ID, FORMAT])},
        "/views": {
            "get": op("The member's saved views and the team's shared ones", "200", ref("SavedViewList")),
            "post": op("Save the customer list's search, filter, sort and columns under a name", "201",
                       ref("SavedView"), ("409",), body=ref("NewSavedView"), idempotent=True),
        },
        "/views/{id}": {
            "patch": op("Change a saved view (its maker's, or an Admin)", "200", ref("SavedView"), ("403", "404", "409"),
                        body=ref("SavedViewChanges"), params=[ID], idempotent=True),
            "delete": op("Delete a saved view (its maker's, or an Admin)", "204", None, ("403", "404"), params=[ID],
                         idempotent=True),
        },
        "/team/members": {
            "get": op("The team's members, Admins first", "200", ref("TeamMemberList")),
            "post": op("Add a member; they sign in with Google under that email", "201", ref("TeamMember"),
                       ("409",), body=ref("NewMember"), idempotent=True,
                       description="409 member_exists when the email is already in this team."),
        },
        "/team/members/{id}": {
            "patch": op("Change a member's role; their sessions end at once", "200", ref("TeamMember"),
                        ("404", "409"), body=ref("RoleChange"), params=[ID], idempotent=True,
                        description="409 last_admin: the team's last Admin keeps the role."),
            "delete": op("Remove a member; their sessions end at once", "204", None, ("404", "409"), params=[ID],
                         idempotent=True, description="409 last_admin: the team's last Admin stays."),
        },
        "/kiosk/reset": {"post": op(
            "Kiosk mode only (serve.py --kiosk; 404 on every other server): put the signed-in demo account's"
            " data back as its snapshot holds it, in one transaction", "200", ref("KioskReset"), ("403", "404", "409"),
            idempotent=True, description="403 not_the_kiosk_account for any account but the kiosk's demo account;"
            " 409 kiosk_reset_conflict when another account holds data the snapshot needs (nothing is changed).")},
    }


def with_roles(paths):
    """Each signed-in operation states the capability it needs and the roles that have it, from the
    server's own route table and role table (domain/roles.py); the roles that do not get 403."""
    stub = type("Stub", (), {"__getattr__": lambda self, name: None})()
    router = build_router(stub, API_PREFIX)
    add_kiosk_routes(router, stub)
    for method, pattern, capability in router.capabilities():
        if capability is None:
            continue
        operation = paths[pattern[len(API_PREFIX):]][method.lower()]
        if isinstance(capability, ByAction):
            by_action(operation, capability)
            continue
        roles = list(CAPABILITIES[capability])
        operation["x-capability"] = capability
        operation["x-roles"] = roles
        named = ", ".join(ROLE_NAMES[role] for role in roles)
        operation["description"] = f"Roles: {named} ({capability}). " + operation.get("description", "")
        operation["description"] = operation["description"].strip()
        if roles != list(ROLES):
            operation["responses"]["403"] = {"description": ERRORS["403"],
                                             "content": {"application/json": {"schema": ref("Error")}}}
            operation["responses"] = dict(sorted(operation["responses"].items()))
    return paths


def by_action(operation, capability):
    """An operation needing its action's capability: x-capability and x-roles per action."""
    operation["x-capability"] = dict(capability.of)
    operation["x-roles"] = {action: list(CAPABILITIES[needed]) for action, needed in capability.of.items()}
    where = "the body's action" if capability.source == "body" else "the job's action"
    listed = "; ".join(f"{action}: {', '.join(ROLE_NAMES[r] for r in CAPABILITIES[needed])} ({needed})"
                       for action, needed in capability.of.items())
    operation["description"] = (f"Roles by {where}: {listed}. " + operation.get("description", "")).strip()
    operation["responses"]["403"] = {"description": ERRORS["403"],
                                     "content": {"application/json": {"schema": ref("Error")}}}
    operation["responses"] = dict(sorted(operation["responses"].items()))


def spec():
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Reseller Console partner API", "version": "1.0.0",
                 "description": "The reference partner API served by serve.py. Money is integer minor units plus "
                                "a currency code. Timestamps are ISO 8601 UTC with Z; dates are YYYY-MM-DD. Every "
                                "error is {\"error\": {\"code\", \"message\", \"fields\"?, \"request_id\"}}; every answer "
                                "carries X-Request-Id. A session belongs to a member of a reseller's team; each "
                                "operation's x-roles lists the roles that may call it (x-capability names the rule), "
                                "and other roles get 403 forbidden with required_role, nothing changed. Every POST, "
                                "PUT, PATCH and DELETE accepts Idempotency-Key; a body must be "
                                "JSON (Content-Type: application/json, else 415), at most 1 MiB (413), with no "
                                "unknown fields (422). Unknown routes answer 404 and wrong methods 405 with Allow; "
                                "methods the server does not know (TRACE) 501; HEAD answers wherever GET does. The "
                                "connection layer answers at once: 400 for two Content-Length headers, one that is "
                                "not plain digits or a folded header line, 411 for a chunked body, 413 for a body "
                                "declared over 1 MiB (also instead of 100 Continue); 408 when a body does not "
                                "arrive within 30 s (headers must arrive within 10 s, an idle connection closes "
                                "after 15 s), 414 for a request line over 64 KiB, 431 for headers over 64 KiB, and "
                                "503 overloaded with Retry-After past its connection limit or past one client "
                                "address's share of it. Cursors are opaque: a changed one is 422."},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "paths": with_roles(paths()),
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "parameters": {"IdempotencyKey": {
                "name": "Idempotency-Key", "in": "header", "required": False,
                "schema": s(minLength=1, maxLength=255, pattern="^[!-~]+$"),
                "description": "Same key and body: the first answer again, nothing changes. Same key, other "
                               "body: 409 idempotency_conflict. Answers are kept 30 days. A sign-in's answer is "
                               "never kept (it holds a session token): a retried sign-in is another session; nor is "
                               "a new transfer token's: a retry makes another."}},
            "schemas": SCHEMAS,
        },
    }
    return document


def main():
    OUT.write_text(json.dumps(spec(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
