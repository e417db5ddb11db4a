"""The price list a reseller sees: every plan and billing cycle at list price and after the
reseller's discount, and the license limits."""
from .. import money as pricing


def price_list(reseller):
    currency = reseller["currency"]
    items = []
    for plan in pricing.PLANS:
        prices = {}
        for cycle in pricing.CYCLES:
            list_price = pricing.list_unit_price(plan, cycle, currency)
            prices[cycle] = {
                "per": "license_year" if cycle == "annual_yearly" else "license_month",
                "list": pricing.money(list_price, currency),
                "yours": pricing.money(pricing.discounted(list_price, reseller["discount_bp"]), currency),
            }
        items.append({"plan": plan, "name": pricing.PLAN_NAMES[plan], "prices": prices})
    return {
        "currency": currency,
        "discount_basis_points": reseller["discount_bp"],
        "billing_cycles": [{"billing_cycle": c, "name": pricing.CYCLE_NAMES[c],
                            "licenses_down": "any_time" if c == "flexible" else "at_renewal"}
                           for c in pricing.CYCLES],
        "license_limits": {"min": pricing.MIN_LICENSES, "max": pricing.MAX_LICENSES},
        "items": items,
    }
