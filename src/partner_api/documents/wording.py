"""What invoice documents say, in German and English: labels, the tax notes the law asks for,
payment terms, and how dates and amounts are written in each language. Pure functions of an
invoice's JSON (the API's, with lines)."""
import datetime as dt

from ..billing_ids import grouped_iban

LABELS = {
    "de": {
        "invoice": "Rechnung", "credit_note": "Rechnungskorrektur", "number": "Rechnungsnummer",
        "credit_number": "Nummer", "date": "Rechnungsdatum", "credit_date": "Datum",
        "customer_number": "Kundennummer", "buyer_reference": "Ihre Referenz", "buyer_vat_id": "USt-IdNr. Kunde",
        "service_period": "Leistungszeitraum", "position": "Pos.", "description": "Beschreibung",
        "quantity": "Menge", "unit_price": "Einzelpreis", "amount": "Betrag", "net": "Nettobetrag",
        "vat": "Umsatzsteuer {rate} %", "vat_on": "auf {amount}", "tax": "Steuer", "total": "Gesamtbetrag",
        "vat_id": "USt-IdNr.", "tax_number": "Steuernummer",
        "phone": "Telefon", "email": "E-Mail", "bank": "Bankverbindung", "page": "Seite {page} von {pages}",
        "corrects": "Korrektur zur Rechnung {number} vom {date}. Die folgenden Beträge werden gutgeschrieben.",
        "legacy": "Diese Rechnung wurde vor der Einführung elektronischer Rechnungen ausgestellt.",
        "contact": "Ansprechpartner",
    },
    "en": {
        "invoice": "Invoice", "credit_note": "Credit note", "number": "Invoice number",
        "credit_number": "Number", "date": "Invoice date", "credit_date": "Date",
        "customer_number": "Customer number", "buyer_reference": "Your reference", "buyer_vat_id": "Customer VAT ID",
        "service_period": "Service period", "position": "No.", "description": "Description",
        "quantity": "Qty", "unit_price": "Unit price", "amount": "Amount", "net": "Net amount",
        "vat": "VAT {rate}%", "vat_on": "on {amount}", "tax": "Tax", "total": "Total",
        "vat_id": "VAT ID", "tax_number": "Tax number",
        "phone": "Phone", "email": "Email", "bank": "Bank account", "page": "Page {page} of {pages}",
        "corrects": "Correction of invoice {number} of {date}. The following amounts are credited.",
        "legacy": "This invoice was issued before electronic invoices were introduced.",
        "contact": "Contact",
    },
}

# The notes the law asks for when no VAT is charged. Reverse charge names itself in both
# languages (§ 14a (5) UStG asks for the German words; the customer's authority may read English).
TAX_NOTES = {
    "reverse_charge": {"de": "Steuerschuldnerschaft des Leistungsempfängers / Reverse charge",
                       "en": "Steuerschuldnerschaft des Leistungsempfängers / Reverse charge"},
    "not_taxable": {"de": "Nicht im Inland steuerbare Leistung (§ 3a Abs. 2 UStG) / Not taxable in Germany",
                    "en": "Not taxable in Germany (§ 3a (2) UStG, place of supply outside the EU)"},
    "not_subject": {"de": "Ohne Umsatzsteuer", "en": "Not subject to VAT"},
}
# The same notes as the e-invoice states the exemption (BT-120), with its code (BT-121).
EXEMPTION = {
    "reverse_charge": ("VATEX-EU-AE", "Steuerschuldnerschaft des Leistungsempfängers / Reverse charge"),
    "not_taxable": ("VATEX-EU-O", "Nicht im Inland steuerbare Leistung / Not taxable in Germany"),
    "not_subject": ("VATEX-EU-O", "Not subject to VAT"),
}

MONTHS = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}

COUNTRY_NAMES = {
    "de": {"DE": "Deutschland", "AT": "Österreich", "CH": "Schweiz", "FR": "Frankreich", "IT": "Italien",
           "ES": "Spanien", "NL": "Niederlande", "BE": "Belgien", "PL": "Polen", "GR": "Griechenland",
           "IE": "Irland", "GB": "Vereinigtes Königreich", "US": "Vereinigte Staaten", "CN": "China",
           "JP": "Japan", "LU": "Luxemburg", "DK": "Dänemark", "SE": "Schweden", "CZ": "Tschechien",
           "PT": "Portugal", "FI": "Finnland", "HU": "Ungarn", "RO": "Rumänien", "BG": "Bulgarien",
           "HR": "Kroatien", "SI": "Slowenien", "SK": "Slowakei", "LT": "Litauen", "LV": "Lettland",
           "EE": "Estland", "CY": "Zypern", "MT": "Malta", "NO": "Norwegen", "LI": "Liechtenstein",
           "AE": "Vereinigte Arabische Emirate", "SA": "Saudi-Arabien", "UA": "Ukraine", "TR": "Türkei"},
    "en": {"DE": "Germany", "AT": "Austria", "CH": "Switzerland", "FR": "France", "IT": "Italy", "ES": "Spain",
           "NL": "Netherlands", "BE": "Belgium", "PL": "Poland", "GR": "Greece", "IE": "Ireland",
           "GB": "United Kingdom", "US": "United States", "CN": "China", "JP": "Japan", "LU": "Luxembourg",
           "DK": "Denmark", "SE": "Sweden", "CZ": "Czechia", "PT": "Portugal", "FI": "Finland", "HU": "Hungary",
           "RO": "Romania", "BG": "Bulgaria", "HR": "Croatia", "SI": "Slovenia", "SK": "Slovakia",
           "LT": "Lithuania", "LV": "Latvia", "EE": "Estonia", "CY": "Cyprus", "MT": "Malta", "NO": "Norway",
           "LI": "Liechtenstein", "AE": "United Arab Emirates", "SA": "Saudi Arabia", "UA": "Ukraine",
           "TR": "Türkiye"},
}


def label(language, key, **values):
    return LABELS[language][key].format(**values)


def day(value):
    return dt.date.fromisoformat(value[:10])


def date_text(value, language):
    """2026-12-07 -> 07.12.2026 (German) or 7 Dec 2026 (English)."""
    d = day(value)
    if language == "de":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    return f"{d.day} {MONTHS['en'][d.month - 1][:3]} {d.year}"


def period_text(period, language):
    return f"{date_text(period['start'], language)} – {date_text(period['end'], language)}"


def number_text(value, language):
    """1234567 -> 1.234.567 (German) or 1,234,567 (English)."""
    text = f"{value:,}"
    return text.replace(",", ".") if language == "de" else text


def amount_text(minor, currency, language):
    """Integer minor units as the language writes money: 1.234,56 € / €1,234.56, USD likewise."""
    sign = "−" if minor < 0 else ""
    minor = abs(minor)
    whole, cents = number_text(minor // 100, language), f"{minor % 100:02d}"
    if language == "de":
        return f"{sign}{whole},{cents} {'€' if currency == 'EUR' else currency}"
    return f"{sign}{'€' if currency == 'EUR' else currency + ' '}{whole}.{cents}"


def rate_text(rate_bp, language):
    """1900 -> 19 (or 7,5 / 7.5)."""
    whole, rest = divmod(rate_bp, 100)
    if rest == 0:
        return str(whole)
    text = f"{whole}.{rest:02d}".rstrip("0")
    return text.replace(".", ",") if language == "de" else text


def country_name(code, language):
    return COUNTRY_NAMES[language].get(code, code) if code else ""


def address_lines(address, language, home_country=None):
    """The lines of a postal address; the country is written out unless it is the sender's own."""
    if not address:
        return []
    lines = [address.get("street") or ""]
    lines.append(" ".join(part for part in (address.get("postal_code"), address.get("city")) if part))
    if address.get("country") and address.get("country") != home_country:
        lines.append(country_name(address["country"], language).upper() if language == "de"
                     else country_name(address["country"], language))
    return [line for line in lines if line]


def tax_note(rule, language):
    return TAX_NOTES.get(rule, {}).get(language)


def payment_terms(invoice, language):
    """The payment terms as printed and as the e-invoice states them (BT-20)."""
    days = invoice.get("payment_terms_days")
    if days is None:  # issued before the terms were kept: the days between issue and due date
        days = (day(invoice["due_at"]) - day(invoice["issued_at"])).days
    if invoice.get("kind") == "credit_note":
        return ("Der Betrag wird mit offenen Rechnungen verrechnet oder erstattet." if language == "de"
                else "The amount is set off against open invoices or refunded.")
    due = date_text(invoice["due_at"], language)
    if days == 0:
        return "Zahlbar sofort ohne Abzug." if language == "de" else "Payable immediately without deduction."
    if language == "de":
        return f"Zahlbar innerhalb von {days} Tagen ohne Abzug bis zum {due}."
    return f"Payable within {days} days without deduction, by {due}."


def bank_text(seller, language):
    if not seller.get("iban"):
        return None
    parts = [f"IBAN {grouped_iban(seller['iban'])}"]
    if seller.get("bic"):
        parts.append(f"BIC {seller['bic']}")
    return " · ".join(parts)
