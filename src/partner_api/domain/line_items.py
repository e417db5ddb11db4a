"""What an invoice line says it is (period, added, upgrade, resumed; on credit notes removed,
downgrade, cancelled), in the invoice's language (German or English): written out
whole when the invoice is issued and kept with it. The service period is not part of the text;
each line keeps it in its own columns and the documents print it beside the text."""
from .. import money as pricing

LANGUAGES = ("de", "en")
GERMAN_SPEAKING = ("DE", "AT", "CH", "LI")

CYCLE_NAMES = {
    "en": pricing.CYCLE_NAMES,
    # The glossary's words (src/core/texts/GLOSSARY.md), as the console says the billing cycle.
    "de": {"flexible": "Flexibel, monatlich kündbar", "annual_monthly": "Jahresvertrag, monatliche Zahlung",
           "annual_yearly": "Jahresvertrag, jährliche Vorauszahlung"},
}

TEXTS = {
    "en": {
        "period": "{plan}, {cycle}: {licenses}",
        "added": "{plan}: {count} additional {licenses_word}, prorated for {days} of {period_days} days",
        "upgrade": "Upgrade from {from_plan} to {plan} for {licenses}, prorated for {days} of {period_days} days",
        "removed": "{plan}: {count} {licenses_word} removed, credited for {days} of {period_days} days",
        "downgrade": "Change from {from_plan} to {plan} for {licenses}, difference credited for {days} of"
                     " {period_days} days",
        "cancelled": "{plan}: cancelled with immediate effect, {licenses}, credited for the unused {days} of"
                     " {period_days} days",
        "resumed": "{plan}, {cycle}: {licenses} after resuming, prorated for {days} of {period_days} days",
    },
    "de": {
        # The cycle's name holds a comma of its own: in parentheses, as the console writes it.
        "period": "{plan} ({cycle}): {licenses}",
        "added": "{plan}: {count} zusätzliche {licenses_word}, anteilig für {days} von {period_days} Tagen",
        "upgrade": "Wechsel von {from_plan} zu {plan} für {licenses}, anteilig für {days} von {period_days} Tagen",
        "removed": "{plan}: {count} {licenses_word} entfernt, gutgeschrieben für {days} von {period_days} Tagen",
        "downgrade": "Wechsel von {from_plan} zu {plan} für {licenses}, Differenz gutgeschrieben für {days} von"
                     " {period_days} Tagen",
        "cancelled": "{plan}: mit sofortiger Wirkung gekündigt, {licenses}, gutgeschrieben für die nicht genutzten"
                     " {days} von {period_days} Tagen",
        "resumed": "{plan} ({cycle}): {licenses} nach der Fortsetzung, anteilig für {days} von {period_days} Tagen",
    },
}


def licenses_word(count, language):
    if language == "de":
        return "Lizenz" if count == 1 else "Lizenzen"
    return "license" if count == 1 else "licenses"


def count_text(count, language):
    """1234 -> "1.234" in German, "1,234" in English."""
    text = f"{count:,}"
    return text.replace(",", ".") if language == "de" else text


def licenses_text(count, language):
    return f"{count_text(count, language)} {licenses_word(count, language)}"


def describe(item, language):
    """The line's text for an item: {"kind": period | added | upgrade | resumed | removed | cancelled, ...}."""
    values = dict(item)
    values["plan"] = pricing.PLAN_NAMES[item["plan"]]
    if "from_plan" in item:
        values["from_plan"] = pricing.PLAN_NAMES[item["from_plan"]]
    if "cycle" in item:
        values["cycle"] = CYCLE_NAMES[language][item["cycle"]]
    if "licenses" in item:
        values["licenses"] = licenses_text(item["licenses"], language)
    if "count" in item:
        values["licenses_word"] = licenses_word(item["count"], language)
        values["count"] = count_text(item["count"], language)
    return TEXTS[language][item["kind"]].format(**values)


def invoice_language(customer, seller_country):
    """The customer's chosen invoice language; without one, German for a customer in a
    German-speaking country (or of a German reseller, when the customer's country is not known)."""
    if customer["billing_language"] in LANGUAGES:
        return customer["billing_language"]
    country = customer["billing_country"]
    if country is None:
        return "de" if seller_country == "DE" else "en"
    return "de" if country in GERMAN_SPEAKING else "en"
