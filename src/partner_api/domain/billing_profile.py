"""The reseller's billing profile: what its invoices say about the seller (legal name, address,
VAT ID and/or tax number, contact, bank account), the invoice number's prefix, payment terms,
the currency it bills in and, outside Germany, its VAT rate. Saved whole; invoices issued before
keep what they were issued with.

The currency can change only until the first invoice: invoices, the dashboard's sums and the
subscriptions' prices are in one currency per account. Changing it re-prices every subscription
from the new currency's price list. A profile may be saved before it is complete (a reseller
fills it in over time); `missing` says what invoices still lack."""
from .. import money as pricing
from ..clock import iso
from ..errors import CurrencyLocked
from ..storage.billing_profiles import PROFILE_COLUMNS
from .activity import record
from .billing import DEFAULT_PREFIX, INVOICE_DUE_DAYS, invoice_number, save_subscription

ADDRESS = ("street", "postal_code", "city", "country")
# What an invoice needs of its seller (EN 16931 and § 14 UStG), as `missing` names it; XRechnung also
# needs a contact (phone and email, BR-DE-6/7).
NEEDED = ("legal_name", "street", "postal_code", "city", "country", "vat_id_or_tax_number", "email", "phone")


def missing_fields(values):
    """What the profile still lacks for complete invoices and e-invoices."""
    missing = [name for name in NEEDED if name != "vat_id_or_tax_number" and not values.get(name)]
    if not values.get("vat_id") and not values.get("tax_number"):
        missing.insert(NEEDED.index("vat_id_or_tax_number"), "vat_id_or_tax_number")
    return missing


class BillingProfiles:
    def __init__(self, storage, clock):
        self.storage = storage
        self.clock = clock

    def get(self, reseller):
        with self.storage.read() as repo:
            return self._view(repo, reseller["id"])

    def _view(self, repo, reseller_id):
        reseller = repo.resellers.get(reseller_id)
        row = repo.billing_profiles.get(reseller_id)
        values = {name: row[name] for name in PROFILE_COLUMNS} if row else {
            **{name: None for name in PROFILE_COLUMNS}, "invoice_prefix": DEFAULT_PREFIX,
            "payment_terms_days": INVOICE_DUE_DAYS}
        return {**values, "currency": reseller["currency"], "tax_bp": reseller["tax_bp"],
                "currency_locked": repo.invoices.any_of(reseller_id),
                "next_invoice_number": invoice_number(values["invoice_prefix"], reseller["last_invoice_seq"] + 1,
                                                      self.clock.now()),
                "missing": missing_fields(values), "saved": row is not None}

    def save(self, reseller, values, currency, tax_bp, actor):
        """Writes the profile (`values`: every column of PROFILE_COLUMNS). `currency` None: EUR for a
        reseller in Germany until its first invoice, else as it is; `tax_bp` None: as it is."""
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            before = self._view(repo, reseller["id"])
            locked = before["currency_locked"]
            if currency is None:
                currency = "EUR" if values["country"] == "DE" and not locked else before["currency"]
            if currency != before["currency"]:
                if locked:
                    raise CurrencyLocked(before["currency"])
                self._reprice(repo, reseller, currency)
            tax_bp = before["tax_bp"] if tax_bp is None else tax_bp
            repo.billing_profiles.save(reseller["id"], values, iso(now))
            repo.resellers.set_billing(reseller["id"], currency, tax_bp)
            changed = [name for name in (*PROFILE_COLUMNS, "currency", "tax_bp")
                       if {**values, "currency": currency, "tax_bp": tax_bp}[name] != before[name]]
            if changed:
                after = {**values, "currency": currency, "tax_bp": tax_bp}
                record(repo, reseller, None, actor, "billing_profile.updated",
                       f"Changed the billing profile ({', '.join(changed)}).",
                       {name: before[name] for name in changed}, {name: after[name] for name in changed}, now)
            return self._view(repo, reseller["id"])

    @staticmethod
    def _reprice(repo, reseller, currency):
        """Every running subscription at the new currency's list price (nothing was invoiced yet)."""
        for sub in repo.subscriptions.of_reseller(reseller["id"]):
            unit = pricing.unit_price(sub["plan"], sub["billing_cycle"], reseller["discount_bp"], currency)
            save_subscription(repo, sub, {"currency": currency, "unit_price": unit})

