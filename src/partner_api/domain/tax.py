"""VAT on an invoice: which rule applies (the seller's and the buyer's country and the buyer's VAT
ID decide), and the amounts. Pure functions; the invoice keeps the rule it was issued with.

A reseller in Germany:
- a customer in Germany, or one whose country is not known yet: 19 % (standard rate, category S);
- a business in another EU member state with a VAT ID: 0 %, reverse charge (category AE, § 13b
  UStG / Art. 196 of the VAT directive), both VAT IDs on the invoice;
- a customer in another EU member state without a VAT ID: 19 % (a consumer; German VAT applies
  while the reseller stays under the EU-wide EUR 10,000 threshold of § 3a (5) UStG);
- a customer outside the EU: not taxable in Germany (category O, § 3a (2) UStG).
A reseller elsewhere (or one whose country is not known yet) keeps its configured rate: category
S at that rate, or O when it is 0.

Amounts are integer minor units. Tax is computed per VAT category and rate, on the sum of the
net line amounts of that rate, rounded half away from zero to the cent: the rule EN 16931 checks
(BR-CO-17, BR-S-09: tax amount = taxable amount x rate, rounded to two decimals). Rounding each
line and adding them up can miss that by a cent when an invoice has many lines."""
import dataclasses

from ..billing_ids import EU

GERMANY = "DE"
GERMAN_STANDARD_RATE_BP = 1900  # 19 % in basis points


@dataclasses.dataclass(frozen=True)
class TaxRule:
    rule: str       # domestic | reverse_charge | not_taxable | seller_rate | not_subject
    category: str   # UNTDID 5305 as EN 16931 uses it: S, AE, O
    rate_bp: int    # basis points; 0 for AE and O

    def as_json(self):
        return {"rule": self.rule, "category": self.category, "rate_bp": self.rate_bp}

    @classmethod
    def from_json(cls, value):
        return cls(value["rule"], value["category"], value["rate_bp"])


def tax_rule(seller_country, seller_rate_bp, buyer_country, buyer_vat_id):
    """The rule for an invoice from a seller in `seller_country` (None: not known) with its
    configured rate, to a buyer in `buyer_country` (None: not known) with or without a VAT ID."""
    if seller_country != GERMANY:
        if seller_rate_bp > 0:
            return TaxRule("seller_rate", "S", seller_rate_bp)
        return TaxRule("not_subject", "O", 0)
    if buyer_country is None or buyer_country == GERMANY:
        return TaxRule("domestic", "S", GERMAN_STANDARD_RATE_BP)
    if buyer_country in EU:
        if buyer_vat_id:
            return TaxRule("reverse_charge", "AE", 0)
        return TaxRule("domestic", "S", GERMAN_STANDARD_RATE_BP)
    return TaxRule("not_taxable", "O", 0)


def rounded_share(amount, rate_bp):
    """amount x rate, half away from zero (a credit note's negative amounts round as their
    positive counterparts)."""
    sign = -1 if amount < 0 else 1
    return sign * ((2 * abs(amount) * rate_bp + 10_000) // 20_000)


def breakdown(line_amounts, rule):
    """[(category, rate_bp, taxable, tax)] for an invoice whose lines all fall under `rule`."""
    taxable = sum(line_amounts)
    return [(rule.category, rule.rate_bp, taxable, rounded_share(taxable, rule.rate_bp))]


def tax_of(amount, rule):
    """The tax on a net amount under `rule` (what a price preview shows)."""
    return rounded_share(amount, rule.rate_bp)
