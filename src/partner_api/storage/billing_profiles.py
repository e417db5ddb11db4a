"""The reseller's billing profile: one row per account, written whole."""
from .rows import Rows

PROFILE_COLUMNS = ("legal_name", "street", "postal_code", "city", "country", "vat_id", "tax_number",
                   "invoice_prefix", "payment_terms_days", "iban", "bic", "email", "phone")


class BillingProfileRows(Rows):
    __slots__ = ()

    def get(self, reseller_id):
        return self._one("SELECT * FROM billing_profiles WHERE reseller_id = ?", (reseller_id,))

    def save(self, reseller_id, values, now):
        """Writes the whole profile (every column of PROFILE_COLUMNS), made on first save."""
        names = list(PROFILE_COLUMNS)
        self.conn.execute(
            f"INSERT INTO billing_profiles(reseller_id, {', '.join(names)}, updated_at)"
            f" VALUES (?, {', '.join('?' * len(names))}, ?)"
            f" ON CONFLICT (reseller_id) DO UPDATE SET"
            f" {', '.join(f'{name} = excluded.{name}' for name in names)}, updated_at = excluded.updated_at",
            [reseller_id] + [values[name] for name in names] + [now])
