"""Reading the billing parts of request bodies: an address, a customer's billing details, the
reseller's billing profile. Each field is checked as the OpenAPI document states (patterns in
tests/server/make_openapi.py) and a bad one is named in the 422 (address.postal_code, iban)."""
from .. import billing_ids
from .. import money as pricing
from ..domain.line_items import LANGUAGES

ADDRESS = ("street", "postal_code", "city", "country")
POSTAL_CODE = r"[A-Za-z0-9](?:[A-Za-z0-9 -]{0,14}[A-Za-z0-9])?"
PHONE = r"(?=(?:[^0-9]*[0-9]){3})\+?[0-9 ()/.-]{3,39}"
TAX_NUMBER = r"(?=(?:[^0-9]*[0-9]){5})[0-9A-Za-z /.-]{5,24}"
PREFIX = r"(?:[A-Za-z0-9/._-]|\{YYYY\}){0,24}"
PREFIX_MAX = 24
REFERENCE_MAX = 100


def upper(value):
    return value.strip().upper()


def read_address(fields, name, required=True):
    """{street, postal_code, city, country}: with `required`, the address and each part must be given."""
    section = fields.section(name, ADDRESS, required)
    if section is None:
        return None
    return {
        "street": section.name("street", required),
        "postal_code": section.pattern("postal_code", POSTAL_CODE, "Must be a postal code: 1 to 16 letters, digits,"
                                       " spaces or hyphens.", required),
        "city": section.name("city", required),
        "country": section.pattern("country", "|".join(sorted(billing_ids.COUNTRIES)), "Must be a country code"
                                   " (ISO 3166-1 alpha-2) such as DE, AT or FR.", required, normalize=upper),
    }


def read_vat_id(fields, name="vat_id"):
    return fields.checked(name, billing_ids.vat_id, "Must be a VAT ID in its country's format, such as DE123456789"
                                                   " or ATU12345678.")


def read_customer_billing(fields):
    """A customer's billing details as the customer's columns, or None (absent or null)."""
    section = fields.section("billing", ("address", "vat_id", "language", "email", "buyer_reference"),
                             required=False)
    if section is None:
        return None
    address = read_address(section, "address") or {}
    language = section.choice("language", LANGUAGES, required=False)
    country = address.get("country")
    if language is None and country:  # German for German-speaking countries, else English
        language = "de" if country in ("DE", "AT", "CH", "LI") else "en"
    return {
        "billing_street": address.get("street"), "billing_postal_code": address.get("postal_code"),
        "billing_city": address.get("city"), "billing_country": country,
        "billing_vat_id": read_vat_id(section), "billing_language": language,
        "billing_email": section.email("email", required=False),
        "billing_reference": section.text("buyer_reference", REFERENCE_MAX) or None,
    }


PROFILE_FIELDS = ("legal_name", "address", "vat_id", "tax_number", "currency", "invoice_prefix", "payment_terms_days",
                  "iban", "bic", "email", "phone", "tax_basis_points")
REQUIRED_PROFILE_FIELDS = PROFILE_FIELDS[:-1]


def read_profile(fields):
    """(profile columns, currency or None, tax rate in basis points or None). Every field of the
    profile is sent (null where there is none yet); only the address parts and codes are checked."""
    for name in REQUIRED_PROFILE_FIELDS:
        if not fields.has(name):
            fields.fail(name, "This field is required (send null when there is none).")
    address = read_address(fields, "address", required=False) or {}
    values = {
        "legal_name": fields.name("legal_name", False),
        **{part: address.get(part) for part in ADDRESS},
        "vat_id": read_vat_id(fields),
        "tax_number": fields.pattern("tax_number", TAX_NUMBER, "Must be a tax number (Steuernummer) such as"
                                     " 12/345/67890: at least five digits.", False),
        "invoice_prefix": fields.pattern("invoice_prefix", PREFIX, "Letters, digits and / . _ - only, and {YYYY} for"
                                         " the year; at most 24 characters.", False,
                                         normalize=lambda text: text) or "",
        "payment_terms_days": fields.integer("payment_terms_days", 0, 365, required=False),
        "iban": fields.checked("iban", billing_ids.iban, "Must be an IBAN whose check digits are right, such as"
                                                         " DE89 3704 0044 0532 0130 00."),
        "bic": fields.checked("bic", billing_ids.bic, "Must be a BIC (SWIFT code) of 8 or 11 letters and digits."),
        "email": fields.email("email", required=False),
        "phone": fields.pattern("phone", PHONE, "Must be a phone number with at least three digits, such as"
                                " +49 30 1234567.", False),
    }
    if len(values["invoice_prefix"]) > PREFIX_MAX and not fields.failed("invoice_prefix"):
        fields.fail("invoice_prefix", f"Must be at most {PREFIX_MAX} characters.")
    if values["payment_terms_days"] is None and not fields.failed("payment_terms_days") \
            and fields.has("payment_terms_days"):
        fields.fail("payment_terms_days", "This field is required.")
    currency = fields.choice("currency", pricing.CURRENCIES, required=False)
    tax_bp = fields.integer("tax_basis_points", 0, 10_000, required=False)
    return values, currency, tax_bp
