"""Plans, prices and proration. Money is integer minor units (cents) plus a currency code."""

PLANS = ("basic", "professional", "enterprise")
PLAN_NAMES = {"basic": "Basic", "professional": "Professional", "enterprise": "Enterprise"}
CYCLES = ("flexible", "annual_monthly", "annual_yearly")
CYCLE_NAMES = {
    "flexible": "Flexible (monthly)",
    "annual_monthly": "Annual, paid monthly",
    "annual_yearly": "Annual, paid yearly",
}

# List prices per license in minor units, one price list per currency the reseller can bill in:
# (per month on the flexible plan, per year on annual plans). Set in each currency, not converted.
LIST_PRICES = {
    "USD": {"basic": (100, 948), "professional": (129, 1200), "enterprise": (149, 1548)},
    "EUR": {"basic": (95, 900), "professional": (119, 1140), "enterprise": (139, 1428)},
}
CURRENCIES = tuple(LIST_PRICES)

MIN_LICENSES = 1
MAX_LICENSES = 50_000
TRIAL_PLAN = "professional"
TRIAL_LICENSES = 5
TRIAL_DAYS = 30


def money(amount, currency="USD"):
    return {"amount": int(amount), "currency": currency}


def round_div(numerator, denominator):
    """Integer division rounding half up (all amounts here are non-negative)."""
    return (2 * numerator + denominator) // (2 * denominator)


def list_unit_price(plan, cycle, currency="USD"):
    """List price per license per billing period of the cycle.

    annual_monthly pays the annual price in twelve instalments, so it is per month."""
    monthly, yearly = LIST_PRICES[currency][plan]
    if cycle == "flexible":
        return monthly
    if cycle == "annual_monthly":
        return round_div(yearly, 12)
    return yearly


def discounted(amount, discount_bp):
    return round_div(amount * (10_000 - discount_bp), 10_000)


def unit_price(plan, cycle, discount_bp, currency="USD"):
    return discounted(list_unit_price(plan, cycle, currency), discount_bp)


def billing_months(cycle):
    """Length of one billing period in months."""
    return 12 if cycle == "annual_yearly" else 1


def term_months(cycle):
    return 1 if cycle == "flexible" else 12


def monthly_value(recurring_amount, cycle):
    return round_div(recurring_amount, billing_months(cycle))


def prorate(amount, days_left, period_days):
    """Charge for the part of a billing period that is left, days_left inclusive of today."""
    if period_days <= 0 or days_left <= 0:
        return 0
    return round_div(amount * min(days_left, period_days), period_days)


def format_amount(amount, currency="USD"):
    """Human form for PDFs and CSV: 1234 -> 12.34 (never via float)."""
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    return f"{sign}{amount // 100:,}.{amount % 100:02d}" + ("" if currency is None else f" {currency}")


def plain_amount(amount):
    """Machine form for CSV: 1234 -> 12.34."""
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    return f"{sign}{amount // 100}.{amount % 100:02d}"
