"""Identifiers on invoices, checked before they are stored: countries (ISO 3166-1 alpha-2), VAT
IDs (each EU member state's format, as the VIES service states it, and the few non-EU formats
customers of EU resellers commonly hold), IBANs (ISO 13616 check digits) and BICs (ISO 9362).
Pure functions: the API's validation, the tax rules and the documents all read them."""
import re

# ISO 3166-1 alpha-2, every assigned code.
COUNTRIES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW
BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ
FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ
IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH
MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL
PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD
TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
""".split())

# The member states of the European Union (VAT area), by country code.
EU = frozenset("AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split())

# VAT ID formats after the two-letter prefix. Greece's prefix is EL, not its country code GR;
# XI is Northern Ireland (in the EU VAT area for goods). GB, CH and NO are not EU formats, but
# EU resellers bill customers there and print their number.
VAT_FORMATS = {
    "AT": r"U[0-9]{8}", "BE": r"[01][0-9]{9}", "BG": r"[0-9]{9,10}", "CY": r"[0-9]{8}[A-Z]",
    "CZ": r"[0-9]{8,10}", "DE": r"[0-9]{9}", "DK": r"[0-9]{8}", "EE": r"[0-9]{9}", "EL": r"[0-9]{9}",
    "ES": r"[0-9A-Z][0-9]{7}[0-9A-Z]", "FI": r"[0-9]{8}", "FR": r"[0-9A-HJ-NP-Z]{2}[0-9]{9}",
    "HR": r"[0-9]{11}", "HU": r"[0-9]{8}", "IE": r"[0-9]{7}[A-W][A-IW]?|[0-9][A-Z+*][0-9]{5}[A-W]",
    "IT": r"[0-9]{11}", "LT": r"[0-9]{9}|[0-9]{12}", "LU": r"[0-9]{8}", "LV": r"[0-9]{11}", "MT": r"[0-9]{8}",
    "NL": r"[0-9]{9}B[0-9]{2}", "PL": r"[0-9]{10}", "PT": r"[0-9]{9}", "RO": r"[0-9]{2,10}", "SE": r"[0-9]{10}01",
    "SI": r"[0-9]{8}", "SK": r"[0-9]{10}", "XI": r"[0-9]{9}|[0-9]{12}|GD[0-9]{3}|HA[0-9]{3}",
    "GB": r"[0-9]{9}|[0-9]{12}|GD[0-9]{3}|HA[0-9]{3}", "CH": r"E[0-9]{9}(MWST|TVA|IVA)?", "NO": r"[0-9]{9}MVA",
}
VAT_ID_PATTERN = "^(?:" + "|".join(f"{prefix}(?:{body})" for prefix, body in VAT_FORMATS.items()) + ")$"
_VAT_ID = re.compile(VAT_ID_PATTERN)
# The country a VAT prefix stands for, where it is not the prefix itself.
VAT_PREFIX_COUNTRY = {"EL": "GR", "XI": "GB"}

IBAN_PATTERN = "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"
_IBAN = re.compile(IBAN_PATTERN)
BIC_PATTERN = "^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$"
_BIC = re.compile(BIC_PATTERN)
# What people type between the characters of an identifier, and what is removed before checking.
SEPARATORS = re.compile(r"[\s.\-/]")


def compact(value):
    """An identifier as stored: upper case, without spaces, dots, hyphens or slashes."""
    return SEPARATORS.sub("", value).upper()


def vat_id(value):
    """The VAT ID in its stored form, or None if it is not in its country's format. A Greek number
    typed with GR gets its EL prefix."""
    value = compact(value)
    if value.startswith("GR"):
        value = "EL" + value[2:]
    return value if _VAT_ID.match(value) else None


def vat_country(value):
    """The country (ISO 3166) a stored VAT ID belongs to."""
    prefix = value[:2]
    return VAT_PREFIX_COUNTRY.get(prefix, prefix)


def iban_checksum_ok(value):
    """ISO 13616: the country code and check digits moved to the end, letters as 10..35, mod 97 = 1."""
    moved = value[4:] + value[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def iban(value):
    """The IBAN in its stored form, or None if its format or check digits are wrong."""
    value = compact(value)
    return value if _IBAN.match(value) and iban_checksum_ok(value) else None


def bic(value):
    value = compact(value)
    return value if _BIC.match(value) else None


def grouped_iban(value):
    """An IBAN as printed: groups of four."""
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4))
