"""The project's own validator for the e-invoices it writes (UN/CEFACT CII D16B): the EN 16931
business rules (BR-…, BR-CO-…, BR-DEC-…, BR-S-…, BR-AE-…, BR-O-…, code lists BR-CL-…, CII
syntax CII-DT-… / CII-SR-…) and the XRechnung 3.0 rules (BR-DE-…) that such invoices touch, each
under its rule id from the specification, written in Python after reading the official
Schematron (ConnectingEurope/eInvoicing-EN16931, itplr-kosit/xrechnung-schematron) — nothing of
those files is copied in. The structure is checked by cii_structure.py.

    python3 tests/server/einvoice_rules.py FILE.xml [en16931|xrechnung]   prints every finding

Rules for parts the project never writes (allowances, charges, other VAT categories, card and
direct-debit payments) are not implemented; a code list is checked against the entries this
project can write (a code outside them is reported, which a real validator might accept)."""
import collections
import decimal
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
import cii_structure  # noqa: E402
from partner_api.billing_ids import COUNTRIES  # noqa: E402

NS = {"rsm": cii_structure.RSM, "ram": cii_structure.RAM, "udt": cii_structure.UDT, "qdt": cii_structure.QDT}
D = decimal.Decimal
CENT = D("0.01")
XRECHNUNG_ID = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"

Finding = collections.namedtuple("Finding", "rule flag message")
RULES = []


def rule(rule_id, text, profiles=("en16931", "xrechnung"), flag="fatal"):
    """Registers a check: a function of the document returning the places it fails (a list of
    strings; empty or True when it holds)."""
    def register(function):
        RULES.append((rule_id, text, profiles, flag, function))
        return function
    return register


class Doc:
    """The document with the paths the rules read."""

    def __init__(self, root):
        self.root = root
        self.transaction = self.one(root, "rsm:SupplyChainTradeTransaction")
        self.agreement = self.one(self.transaction, "ram:ApplicableHeaderTradeAgreement")
        self.settlement = self.one(self.transaction, "ram:ApplicableHeaderTradeSettlement")
        self.seller = self.one(self.agreement, "ram:SellerTradeParty")
        self.buyer = self.one(self.agreement, "ram:BuyerTradeParty")
        self.lines = self.all(self.transaction, "ram:IncludedSupplyChainTradeLineItem")
        self.totals = self.one(self.settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
        self.breakdowns = self.all(self.settlement, "ram:ApplicableTradeTax")
        self.currency = self.text(self.settlement, "ram:InvoiceCurrencyCode")

    @staticmethod
    def one(node, path):
        return None if node is None else node.find(path, NS)

    @staticmethod
    def all(node, path):
        return [] if node is None else node.findall(path, NS)

    @staticmethod
    def text(node, path):
        found = None if node is None else node.find(path, NS)
        return (found.text or "").strip() if found is not None else None

    def amount(self, node, path):
        value = self.text(node, path)
        try:
            return D(value) if value else None
        except decimal.InvalidOperation:
            return None

    def line_category(self, line):
        return self.text(line, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode")

    def line_rate(self, line):
        return self.amount(line, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent")

    def line_net(self, line):
        return self.amount(line, "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation"
                                 "/ram:LineTotalAmount") or D(0)

    def tax_ids(self, party, scheme):
        return [node.text for node in self.all(party, "ram:SpecifiedTaxRegistration/ram:ID")
                if node.get("schemeID") == scheme and (node.text or "").strip()]

    def breakdown(self, category):
        return [node for node in self.breakdowns if self.text(node, "ram:CategoryCode") == category]

    def lines_of(self, category):
        return [line for line in self.lines if self.line_category(line) == category]

    def type_code(self):
        return self.text(self.root, "rsm:ExchangedDocument/ram:TypeCode")


def rounded(value):
    """To two decimals, half up (XPath's round() on the positive amounts of a CII invoice)."""
    return value.quantize(CENT, rounding=decimal.ROUND_HALF_UP)


def decimals(text):
    return len(text.split(".", 1)[1]) if text and "." in text else 0


def present(value):
    return value is not None and value != ""


# --- The invoice as a whole (EN 16931) --------------------------------------------------------

@rule("BR-01", "An Invoice shall have a Specification identifier (BT-24).")
def br_01(doc):
    return present(doc.text(doc.root, "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"))


@rule("BR-02", "An Invoice shall have an Invoice number (BT-1).")
def br_02(doc):
    return present(doc.text(doc.root, "rsm:ExchangedDocument/ram:ID"))


@rule("BR-03", "An Invoice shall have an Invoice issue date (BT-2).")
def br_03(doc):
    return present(doc.text(doc.root, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString"))


@rule("BR-04", "An Invoice shall have an Invoice type code (BT-3).")
def br_04(doc):
    return present(doc.type_code())


@rule("BR-05", "An Invoice shall have an Invoice currency code (BT-5).")
def br_05(doc):
    return present(doc.currency)


@rule("BR-06", "An Invoice shall contain the Seller name (BT-27).")
def br_06(doc):
    return present(doc.text(doc.seller, "ram:Name"))


@rule("BR-07", "An Invoice shall contain the Buyer name (BT-44).")
def br_07(doc):
    return present(doc.text(doc.buyer, "ram:Name"))


@rule("BR-08", "An Invoice shall contain the Seller postal address (BG-5).")
def br_08(doc):
    return doc.one(doc.seller, "ram:PostalTradeAddress") is not None


@rule("BR-09", "The Seller postal address (BG-5) shall contain a Seller country code (BT-40).")
def br_09(doc):
    return present(doc.text(doc.seller, "ram:PostalTradeAddress/ram:CountryID"))


@rule("BR-10", "An Invoice shall contain the Buyer postal address (BG-8).")
def br_10(doc):
    return doc.one(doc.buyer, "ram:PostalTradeAddress") is not None


@rule("BR-11", "The Buyer postal address shall contain a Buyer country code (BT-55).")
def br_11(doc):
    return present(doc.text(doc.buyer, "ram:PostalTradeAddress/ram:CountryID"))


@rule("BR-12", "An Invoice shall have the Sum of Invoice line net amount (BT-106).")
def br_12(doc):
    return present(doc.text(doc.totals, "ram:LineTotalAmount"))


@rule("BR-13", "An Invoice shall have the Invoice total amount without VAT (BT-109).")
def br_13(doc):
    return present(doc.text(doc.totals, "ram:TaxBasisTotalAmount"))


@rule("BR-14", "An Invoice shall have the Invoice total amount with VAT (BT-112).")
def br_14(doc):
    return present(doc.text(doc.totals, "ram:GrandTotalAmount"))


@rule("BR-15", "An Invoice shall have the Amount due for payment (BT-115).")
def br_15(doc):
    return present(doc.text(doc.totals, "ram:DuePayableAmount"))


@rule("BR-16", "An Invoice shall have at least one Invoice line (BG-25).")
def br_16(doc):
    return len(doc.lines) > 0


@rule("BR-49", "A Payment instruction (BG-16) shall specify the Payment means type code (BT-81).")
def br_49(doc):
    return [f"payment means {i}" for i, means in enumerate(doc.all(doc.settlement,
            "ram:SpecifiedTradeSettlementPaymentMeans"), 1) if not present(doc.text(means, "ram:TypeCode"))]


@rule("BR-61", "For a credit transfer (BT-81 30 or 58) the Payment account identifier (BT-84) shall be present.")
def br_61(doc):
    return [f"payment means {doc.text(means, 'ram:TypeCode')}" for means in
            doc.all(doc.settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
            if doc.text(means, "ram:TypeCode") in ("30", "58")
            and not present(doc.text(means, "ram:PayeePartyCreditorFinancialAccount/ram:IBANID"))
            and not present(doc.text(means, "ram:PayeePartyCreditorFinancialAccount/ram:ProprietaryID"))]


@rule("BR-55", "Each Preceding Invoice reference (BG-3) shall contain a Preceding Invoice reference (BT-25).")
def br_55(doc):
    return all(present(doc.text(ref, "ram:IssuerAssignedID"))
               for ref in doc.all(doc.settlement, "ram:InvoiceReferencedDocument"))


@rule("BR-62", "The Seller electronic address (BT-34) shall have a Scheme identifier.")
def br_62(doc):
    return all(node.get("schemeID") for node in doc.all(doc.seller, "ram:URIUniversalCommunication/ram:URIID"))


@rule("BR-63", "The Buyer electronic address (BT-49) shall have a Scheme identifier.")
def br_63(doc):
    return all(node.get("schemeID") for node in doc.all(doc.buyer, "ram:URIUniversalCommunication/ram:URIID"))


@rule("BR-CO-09", "The Seller and Buyer VAT identifiers (BT-31, BT-48) shall have an ISO 3166-1 alpha-2 prefix"
                  " (Greece: EL).")
def br_co_09(doc):
    prefixes = COUNTRIES | {"EL", "XI"}
    return [vat for party in (doc.seller, doc.buyer) for vat in doc.tax_ids(party, "VA") if vat[:2] not in prefixes]


@rule("BR-CO-26", "The Seller identifier (BT-29), legal registration identifier (BT-30) and/or VAT identifier"
                  " (BT-31) shall be present.")
def br_co_26(doc):
    return (present(doc.text(doc.seller, "ram:ID")) or present(doc.text(doc.seller, "ram:GlobalID"))
            or present(doc.text(doc.seller, "ram:SpecifiedLegalOrganization/ram:ID"))
            or bool(doc.tax_ids(doc.seller, "VA")))


# --- Lines ------------------------------------------------------------------------------------

def each_line(check):
    def run(doc):
        return [f"line {i}: {problem}" for i, line in enumerate(doc.lines, 1) for problem in check(doc, line)]
    return run


rule("BR-21", "Each Invoice line (BG-25) shall have an Invoice line identifier (BT-126).")(each_line(
    lambda doc, line: [] if present(doc.text(line, "ram:AssociatedDocumentLineDocument/ram:LineID")) else ["no id"]))
rule("BR-22", "Each Invoice line (BG-25) shall have an Invoiced quantity (BT-129).")(each_line(
    lambda doc, line: [] if present(doc.text(line, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity"))
    else ["no quantity"]))
rule("BR-23", "An Invoice line (BG-25) shall have an Invoiced quantity unit of measure code (BT-130).")(each_line(
    lambda doc, line: [] if (doc.one(line, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity") is not None and
                             doc.one(line, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity").get("unitCode"))
    else ["no unit code"]))
rule("BR-24", "Each Invoice line (BG-25) shall have an Invoice line net amount (BT-131).")(each_line(
    lambda doc, line: [] if present(doc.text(line, "ram:SpecifiedLineTradeSettlement/"
                                                   "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount"))
    else ["no net amount"]))
rule("BR-25", "Each Invoice line (BG-25) shall contain the Item name (BT-153).")(each_line(
    lambda doc, line: [] if present(doc.text(line, "ram:SpecifiedTradeProduct/ram:Name")) else ["no item name"]))
rule("BR-26", "Each Invoice line (BG-25) shall contain the Item net price (BT-146).")(each_line(
    lambda doc, line: [] if present(doc.text(line, "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/"
                                                   "ram:ChargeAmount")) else ["no net price"]))
rule("BR-27", "The Item net price (BT-146) shall NOT be negative.")(each_line(
    lambda doc, line: ["negative net price"] if (doc.amount(line, "ram:SpecifiedLineTradeAgreement/"
                                                                  "ram:NetPriceProductTradePrice/ram:ChargeAmount")
                                                 or 0) < 0 else []))
rule("BR-CO-04", "Each Invoice line (BG-25) shall be categorized with an Invoiced item VAT category code (BT-151).")(
    each_line(lambda doc, line: [] if present(doc.line_category(line)) else ["no VAT category"]))


def period_problems(doc, period):
    start = doc.text(period, "ram:StartDateTime/udt:DateTimeString")
    end = doc.text(period, "ram:EndDateTime/udt:DateTimeString")
    return start, end


@rule("BR-29", "The Invoicing period end date (BT-74) shall be later or equal to its start date (BT-73).")
def br_29(doc):
    start, end = period_problems(doc, doc.one(doc.settlement, "ram:BillingSpecifiedPeriod"))
    return not (start and end) or end >= start


@rule("BR-30", "An Invoice line period end date (BT-135) shall be later or equal to its start date (BT-134).")
def br_30(doc):
    out = []
    for i, line in enumerate(doc.lines, 1):
        start, end = period_problems(doc, doc.one(line, "ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod"))
        if start and end and end < start:
            out.append(f"line {i}: {end} before {start}")
    return out


@rule("BR-CO-19", "If the Invoicing period (BG-14) is used, its start date (BT-73) or end date (BT-74) shall be"
                  " filled.")
def br_co_19(doc):
    period = doc.one(doc.settlement, "ram:BillingSpecifiedPeriod")
    return period is None or any(period_problems(doc, period))


@rule("BR-CO-20", "If an Invoice line period (BG-26) is used, its start date (BT-134) or end date (BT-135) shall be"
                  " filled.")
def br_co_20(doc):
    return [f"line {i}" for i, line in enumerate(doc.lines, 1)
            if (period := doc.one(line, "ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod")) is not None
            and not any(period_problems(doc, period))]


# --- Totals -----------------------------------------------------------------------------------

@rule("BR-CO-10", "Sum of Invoice line net amount (BT-106) = Σ Invoice line net amount (BT-131).")
def br_co_10(doc):
    given, computed = doc.amount(doc.totals, "ram:LineTotalAmount"), sum(map(doc.line_net, doc.lines), D(0))
    return [] if given == rounded(computed) else [f"BT-106 {given}, lines add up to {computed}"]


@rule("BR-CO-13", "Invoice total amount without VAT (BT-109) = Σ line net amounts (BT-131) - allowances (BT-107)"
                  " + charges (BT-108).")
def br_co_13(doc):
    lines = doc.amount(doc.totals, "ram:LineTotalAmount") or D(0)
    allowances = doc.amount(doc.totals, "ram:AllowanceTotalAmount") or D(0)
    charges = doc.amount(doc.totals, "ram:ChargeTotalAmount") or D(0)
    basis = doc.amount(doc.totals, "ram:TaxBasisTotalAmount")
    return [] if basis == rounded(lines - allowances + charges) else [f"BT-109 {basis}"]


def tax_total(doc):
    """BT-110: the TaxTotalAmount in the invoice's currency."""
    for node in doc.all(doc.totals, "ram:TaxTotalAmount"):
        if node.get("currencyID") == doc.currency:
            return D(node.text.strip())
    return None


@rule("BR-CO-14", "Invoice total VAT amount (BT-110) = Σ VAT category tax amount (BT-117).")
def br_co_14(doc):
    given = tax_total(doc)
    computed = sum((doc.amount(node, "ram:CalculatedAmount") or D(0) for node in doc.breakdowns), D(0))
    return [] if given == rounded(computed) else [f"BT-110 {given}, breakdown adds up to {computed}"]


@rule("BR-CO-15", "Invoice total amount with VAT (BT-112) = Invoice total amount without VAT (BT-109) + Invoice"
                  " total VAT amount (BT-110).")
def br_co_15(doc):
    grand, basis, tax = (doc.amount(doc.totals, "ram:GrandTotalAmount"),
                         doc.amount(doc.totals, "ram:TaxBasisTotalAmount"), tax_total(doc) or D(0))
    return [] if grand is not None and basis is not None and grand == basis + tax else [f"BT-112 {grand}"]


@rule("BR-CO-16", "Amount due for payment (BT-115) = Invoice total amount with VAT (BT-112) - Paid amount (BT-113)"
                  " + Rounding amount (BT-114).")
def br_co_16(doc):
    due, grand = doc.amount(doc.totals, "ram:DuePayableAmount"), doc.amount(doc.totals, "ram:GrandTotalAmount")
    paid = doc.amount(doc.totals, "ram:TotalPrepaidAmount") or D(0)
    rounding = doc.amount(doc.totals, "ram:RoundingAmount") or D(0)
    return [] if due is not None and grand is not None and due == grand - paid + rounding else [f"BT-115 {due}"]


def decimals_rule(rule_id, term, paths):
    def check(doc):
        return [f"{term} {node.text}" for path, base in paths(doc) for node in doc.all(base, path)
                if decimals((node.text or "").strip()) > 2]
    rule(rule_id, f"The allowed maximum number of decimals for the {term} is 2.")(check)


decimals_rule("BR-DEC-09", "Sum of Invoice line net amount (BT-106)", lambda d: [("ram:LineTotalAmount", d.totals)])
decimals_rule("BR-DEC-12", "Invoice total amount without VAT (BT-109)",
              lambda d: [("ram:TaxBasisTotalAmount", d.totals)])
decimals_rule("BR-DEC-13", "Invoice total VAT amount (BT-110)", lambda d: [("ram:TaxTotalAmount", d.totals)])
decimals_rule("BR-DEC-14", "Invoice total amount with VAT (BT-112)", lambda d: [("ram:GrandTotalAmount", d.totals)])
decimals_rule("BR-DEC-18", "Amount due for payment (BT-115)", lambda d: [("ram:DuePayableAmount", d.totals)])
decimals_rule("BR-DEC-19", "VAT category taxable amount (BT-116)",
              lambda d: [("ram:BasisAmount", node) for node in d.breakdowns])
decimals_rule("BR-DEC-20", "VAT category tax amount (BT-117)",
              lambda d: [("ram:CalculatedAmount", node) for node in d.breakdowns])
decimals_rule("BR-DEC-23", "Invoice line net amount (BT-131)", lambda d: [
    ("ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount", line)
    for line in d.lines])


# --- VAT breakdown ----------------------------------------------------------------------------

@rule("BR-CO-18", "An Invoice shall at least have one VAT breakdown group (BG-23).")
def br_co_18(doc):
    return len(doc.breakdowns) > 0


@rule("BR-45", "Each VAT breakdown (BG-23) shall have a VAT category taxable amount (BT-116).")
def br_45(doc):
    return all(present(doc.text(node, "ram:BasisAmount")) for node in doc.breakdowns)


@rule("BR-46", "Each VAT breakdown (BG-23) shall have a VAT category tax amount (BT-117).")
def br_46(doc):
    return all(present(doc.text(node, "ram:CalculatedAmount")) for node in doc.breakdowns)


@rule("BR-47", "Each VAT breakdown (BG-23) shall be defined through a VAT category code (BT-118).")
def br_47(doc):
    return all(present(doc.text(node, "ram:CategoryCode")) for node in doc.breakdowns)


@rule("BR-48", "Each VAT breakdown (BG-23) shall have a VAT category rate (BT-119), except if the Invoice is not"
               " subject to VAT.")
def br_48(doc):
    return all(present(doc.text(node, "ram:RateApplicablePercent")) or doc.text(node, "ram:CategoryCode") == "O"
               for node in doc.breakdowns)


@rule("BR-CO-17", "VAT category tax amount (BT-117) = VAT category taxable amount (BT-116) x (VAT category rate"
                  " (BT-119) / 100), rounded to two decimals.")
def br_co_17(doc):
    out = []
    for node in doc.breakdowns:
        basis, tax = doc.amount(node, "ram:BasisAmount"), doc.amount(node, "ram:CalculatedAmount")
        rate = doc.amount(node, "ram:RateApplicablePercent") or D(0)
        if basis is not None and tax is not None and tax != rounded(basis * rate / 100):
            out.append(f"{doc.text(node, 'ram:CategoryCode')} {rate} %: {tax} on {basis}")
    return out


def category_rules(code, name, rate_zero):
    """The rules EN 16931 gives a VAT category: lines and breakdown agree, the rate, the amounts."""
    prefix = f"BR-{code}"

    rule(f"{prefix}-01", f"An Invoice with an Invoice line of category \"{name}\" shall contain it in the VAT"
                         " breakdown (BG-23)" + (" exactly once." if code != "S" else "."))(
        lambda doc: not doc.lines_of(code) or (len(doc.breakdown(code)) >= 1 if code == "S"
                                               else len(doc.breakdown(code)) == 1))
    if code == "O":
        rule("BR-O-05", "An Invoice line where the VAT category code (BT-151) is \"Not subject to VAT\" shall not"
                        " contain an Invoiced item VAT rate (BT-152).")(
            lambda doc: [f"line rate {doc.line_rate(line)}" for line in doc.lines_of("O")
                         if doc.line_rate(line) is not None])
    else:
        rule(f"{prefix}-05", f"In an Invoice line of category \"{name}\" the Invoiced item VAT rate (BT-152) shall be"
                             + (" 0 (zero)." if rate_zero else " greater than zero."))(
            lambda doc: [f"line rate {doc.line_rate(line)}" for line in doc.lines_of(code)
                         if (doc.line_rate(line) is None or (doc.line_rate(line) != 0 if rate_zero
                                                             else doc.line_rate(line) <= 0))])

    def basis(doc):
        out = []
        for node in doc.breakdown(code):
            rate = doc.amount(node, "ram:RateApplicablePercent")
            lines = [line for line in doc.lines_of(code) if code != "S" or doc.line_rate(line) == rate]
            expected = rounded(sum(map(doc.line_net, lines), D(0)))
            if doc.amount(node, "ram:BasisAmount") != expected:
                out.append(f"BT-116 {doc.text(node, 'ram:BasisAmount')}, lines {expected}")
        return out
    rule(f"{prefix}-08", f"The VAT category taxable amount (BT-116) of category \"{name}\" shall equal the sum of the"
                         " Invoice line net amounts (BT-131) of that category" + (" and rate." if code == "S" else "."))(
        basis)
    if rate_zero:
        rule(f"{prefix}-09", f"The VAT category tax amount (BT-117) of category \"{name}\" shall be 0 (zero).")(
            lambda doc: [doc.text(node, "ram:CalculatedAmount") for node in doc.breakdown(code)
                         if doc.amount(node, "ram:CalculatedAmount") != 0])
        rule(f"{prefix}-10", f"A VAT breakdown of category \"{name}\" shall have a VAT exemption reason code (BT-121)"
                             " or text (BT-120).")(
            lambda doc: all(present(doc.text(node, "ram:ExemptionReason"))
                            or present(doc.text(node, "ram:ExemptionReasonCode")) for node in doc.breakdown(code)))
    else:
        rule("BR-S-09", "The VAT category tax amount (BT-117) of category \"Standard rated\" shall equal the taxable"
                        " amount (BT-116) multiplied by the VAT category rate (BT-119).")(
            lambda doc: [f"{doc.text(node, 'ram:CalculatedAmount')}" for node in doc.breakdown("S")
                         if doc.amount(node, "ram:CalculatedAmount") !=
                         rounded(doc.amount(node, "ram:BasisAmount") * doc.amount(node, "ram:RateApplicablePercent")
                                 / 100)])
        rule("BR-S-10", "A VAT breakdown of category \"Standard rated\" shall not have a VAT exemption reason code"
                        " (BT-121) or text (BT-120).")(
            lambda doc: not any(present(doc.text(node, "ram:ExemptionReason"))
                                or present(doc.text(node, "ram:ExemptionReasonCode")) for node in doc.breakdown("S")))


category_rules("S", "Standard rated", rate_zero=False)
category_rules("AE", "Reverse charge", rate_zero=True)
category_rules("O", "Not subject to VAT", rate_zero=True)


@rule("BR-S-02", "An Invoice with an Invoice line of category \"Standard rated\" shall contain the Seller VAT"
                 " identifier (BT-31) or tax registration identifier (BT-32).")
def br_s_02(doc):
    return not doc.lines_of("S") or bool(doc.tax_ids(doc.seller, "VA") or doc.tax_ids(doc.seller, "FC"))


@rule("BR-AE-02", "An Invoice with an Invoice line of category \"Reverse charge\" shall contain the Seller VAT"
                  " identifier (BT-31) or tax registration identifier (BT-32), and the Buyer VAT identifier (BT-48)"
                  " or legal registration identifier (BT-47).")
def br_ae_02(doc):
    if not doc.lines_of("AE"):
        return True
    seller = doc.tax_ids(doc.seller, "VA") or doc.tax_ids(doc.seller, "FC")
    buyer = doc.tax_ids(doc.buyer, "VA") or present(doc.text(doc.buyer, "ram:SpecifiedLegalOrganization/ram:ID"))
    return bool(seller and buyer)


@rule("BR-O-02", "An Invoice with an Invoice line of category \"Not subject to VAT\" shall not contain the Seller"
                 " VAT identifier (BT-31) or the Buyer VAT identifier (BT-48).")
def br_o_02(doc):
    return not doc.lines_of("O") or not (doc.tax_ids(doc.seller, "VA") or doc.tax_ids(doc.buyer, "VA"))


@rule("BR-O-11", "An Invoice with a VAT breakdown of category \"Not subject to VAT\" shall not contain other VAT"
                 " breakdown groups (BG-23).")
def br_o_11(doc):
    return not doc.breakdown("O") or len(doc.breakdowns) == 1


@rule("BR-O-12", "An Invoice with a VAT breakdown of category \"Not subject to VAT\" shall not contain an Invoice"
                 " line of another category.")
def br_o_12(doc):
    return not doc.breakdown("O") or all(doc.line_category(line) == "O" for line in doc.lines)


# --- Code lists (the entries this project writes) --------------------------------------------

def code_rule(rule_id, text, values, codes):
    rule(rule_id, text)(lambda doc: [value for value in values(doc) if value not in codes])


code_rule("BR-CL-01", "The document type code (BT-3) shall be from UNTDID 1001 (commercial invoice 380, credit note"
                      " 381, corrected invoice 384, …).", lambda d: [d.type_code()], {"380", "381", "384", "389"})
code_rule("BR-CL-04", "Invoice currency code (BT-5) shall be coded using ISO 4217.",
          lambda d: [d.currency], {"EUR", "USD", "GBP", "CHF"})
code_rule("BR-CL-14", "Country codes (BT-40, BT-55) shall be coded using ISO 3166-1.", lambda d: [
    d.text(party, "ram:PostalTradeAddress/ram:CountryID") for party in (d.seller, d.buyer)], COUNTRIES)
code_rule("BR-CL-16", "The payment means code (BT-81) shall be from UNTDID 4461.", lambda d: [
    d.text(m, "ram:TypeCode") for m in d.all(d.settlement, "ram:SpecifiedTradeSettlementPaymentMeans")],
    {"1", "30", "31", "42", "48", "49", "57", "58", "59", "97", "ZZZ"})
code_rule("BR-CL-17", "The VAT category codes (BT-118, BT-151) shall be from UNTDID 5305 as EN 16931 uses it.", lambda d: [
    d.text(n, "ram:CategoryCode") for n in d.breakdowns] + [d.line_category(line) for line in d.lines],
    {"S", "Z", "E", "AE", "K", "G", "O", "L", "M"})
code_rule("BR-CL-22", "The VAT exemption reason code (BT-121) shall be from the VATEX list.", lambda d: [
    d.text(n, "ram:ExemptionReasonCode") for n in d.breakdowns if d.text(n, "ram:ExemptionReasonCode") is not None],
    {"VATEX-EU-AE", "VATEX-EU-O", "VATEX-EU-G", "VATEX-EU-IC", "VATEX-EU-79-C"})
code_rule("BR-CL-23", "The unit of measure code (BT-130) shall be from UN/ECE Recommendations 20 and 21.", lambda d: [
    q.get("unitCode") for line in d.lines for q in d.all(line, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity")],
    {"C62", "H87", "XPP", "DAY", "MON", "ANN", "HUR"})
code_rule("BR-CL-25", "The electronic address scheme (BT-34, BT-49) shall be from the CEF EAS list.", lambda d: [
    n.get("schemeID") for p in (d.seller, d.buyer) for n in d.all(p, "ram:URIUniversalCommunication/ram:URIID")],
    {"EM", "0088", "0204", "9930"})


# --- CII syntax (EN 16931's CII binding) ------------------------------------------------------

@rule("CII-SR-014", "ExchangedDocument: TypeCode must exist exactly once.")
def cii_sr_014(doc):
    return len(doc.all(doc.root, "rsm:ExchangedDocument/ram:TypeCode")) == 1


@rule("CII-DT-031", "currencyID should not be present on an amount (but BT-110's TaxTotalAmount).")
def cii_dt_031(doc):
    return [element.tag.split("}")[1] for element in doc.root.iter()
            if element.tag.endswith("Amount") and element.tag != f"{{{NS['ram']}}}TaxTotalAmount"
            and "currencyID" in element.attrib]


@rule("CII-DT-037", "A tax's TypeCode shall be 'VAT'.")
def cii_dt_037(doc):
    return [node.text for element in doc.root.iter() if element.tag.endswith("TradeTax")
            for node in element.findall("ram:TypeCode", NS) if node.text != "VAT"]


@rule("CII-DT-097", "A date time string with format attribute 102 shall be YYYYMMDD.")
def cii_dt_097(doc):
    pattern = re.compile(r"^\s*\d{4}(1[0-2]|0[1-9])(3[01]|[12][0-9]|0[1-9])\s*$")
    return [node.text for node in doc.root.iter(f"{{{NS['udt']}}}DateTimeString")
            if node.get("format") == "102" and not pattern.match(node.text or "")]


# --- XRechnung 3.0 (BR-DE) --------------------------------------------------------------------

XR = ("xrechnung",)


@rule("BR-DE-1", "An invoice shall contain payment instructions (BG-16).", XR)
def br_de_1(doc):
    return doc.one(doc.settlement, "ram:SpecifiedTradeSettlementPaymentMeans") is not None


@rule("BR-DE-2", "The group SELLER CONTACT (BG-6) shall be transmitted.", XR)
def br_de_2(doc):
    return doc.one(doc.seller, "ram:DefinedTradeContact") is not None


@rule("BR-DE-3", "The element Seller city (BT-37) shall be transmitted.", XR)
def br_de_3(doc):
    return present(doc.text(doc.seller, "ram:PostalTradeAddress/ram:CityName"))


@rule("BR-DE-4", "The element Seller post code (BT-38) shall be transmitted.", XR)
def br_de_4(doc):
    return present(doc.text(doc.seller, "ram:PostalTradeAddress/ram:PostcodeCode"))


@rule("BR-DE-5", "The element Seller contact point (BT-41) shall be transmitted.", XR)
def br_de_5(doc):
    contact = doc.one(doc.seller, "ram:DefinedTradeContact")
    return present(doc.text(contact, "ram:PersonName")) or present(doc.text(contact, "ram:DepartmentName"))


@rule("BR-DE-6", "The element Seller contact telephone number (BT-42) shall be transmitted.", XR)
def br_de_6(doc):
    return present(doc.text(doc.seller, "ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/"
                                        "ram:CompleteNumber"))


@rule("BR-DE-7", "The element Seller contact email address (BT-43) shall be transmitted.", XR)
def br_de_7(doc):
    return present(doc.text(doc.seller, "ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:URIID"))


@rule("BR-DE-8", "The element Buyer city (BT-52) shall be transmitted.", XR)
def br_de_8(doc):
    return present(doc.text(doc.buyer, "ram:PostalTradeAddress/ram:CityName"))


@rule("BR-DE-9", "The element Buyer post code (BT-53) shall be transmitted.", XR)
def br_de_9(doc):
    return present(doc.text(doc.buyer, "ram:PostalTradeAddress/ram:PostcodeCode"))


@rule("BR-DE-14", "The element VAT category rate (BT-119) shall be transmitted.", XR)
def br_de_14(doc):
    return all(present(doc.text(node, "ram:RateApplicablePercent")) for node in doc.breakdowns)


@rule("BR-DE-15", "The element Buyer reference (BT-10) shall be transmitted.", XR)
def br_de_15(doc):
    return present(doc.text(doc.agreement, "ram:BuyerReference"))


@rule("BR-DE-16", "With VAT categories S, Z, E, AE, K, G, L or M, the Seller VAT identifier (BT-31), tax"
                  " registration identifier (BT-32) or tax representative (BG-11) shall be transmitted.", XR)
def br_de_16(doc):
    categories = {doc.line_category(line) for line in doc.lines}
    return not categories & {"S", "Z", "E", "AE", "K", "G", "L", "M"} or bool(
        doc.tax_ids(doc.seller, "VA") or doc.tax_ids(doc.seller, "FC")
        or doc.one(doc.agreement, "ram:SellerTaxRepresentativeTradeParty") is not None)


@rule("BR-DE-17", "The Invoice type code (BT-3) should be one of 326, 380, 384, 389, 381, 875, 876, 877.", XR,
      flag="warning")
def br_de_17(doc):
    return doc.type_code() in ("326", "380", "384", "389", "381", "875", "876", "877")


@rule("BR-DE-19", "The Payment account identifier (BT-84) should be a correct IBAN with payment means 58.", XR,
      flag="warning")
def br_de_19(doc):
    out = []
    for means in doc.all(doc.settlement, "ram:SpecifiedTradeSettlementPaymentMeans"):
        if doc.text(means, "ram:TypeCode") != "58":
            continue
        iban = re.sub(r"\s", "", doc.text(means, "ram:PayeePartyCreditorFinancialAccount/ram:IBANID") or "")
        moved = iban[4:] + iban[:4]
        if not re.match(r"^[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{0,30}$", iban) or \
                int("".join(str(int(ch, 36)) for ch in moved.upper())) % 97 != 1:
            out.append(iban)
    return out


@rule("BR-DE-21", "The Specification identifier (BT-24) should be the XRechnung standard's.", XR, flag="warning")
def br_de_21(doc):
    return doc.text(doc.root, "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID") \
        == XRECHNUNG_ID


@rule("BR-DE-23-a", "With payment means 30 or 58, CREDIT TRANSFER (BG-17) shall be transmitted.", XR)
def br_de_23_a(doc):
    return all(doc.one(means, "ram:PayeePartyCreditorFinancialAccount") is not None
               for means in doc.all(doc.settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
               if doc.text(means, "ram:TypeCode") in ("30", "58"))


@rule("BR-DE-23-b", "With payment means 30 or 58, PAYMENT CARD (BG-18) and DIRECT DEBIT (BG-19) shall not be"
                    " transmitted.", XR)
def br_de_23_b(doc):
    return all(doc.one(means, "ram:ApplicableTradeSettlementFinancialCard") is None
               and doc.one(means, "ram:PayerPartyDebtorFinancialAccount") is None
               for means in doc.all(doc.settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
               if doc.text(means, "ram:TypeCode") in ("30", "58"))


@rule("BR-DE-27", "The Seller contact telephone number (BT-42) should contain at least three digits.", XR,
      flag="warning")
def br_de_27(doc):
    phone = doc.text(doc.seller, "ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:CompleteNumber")
    return len(re.findall(r"[0-9]", phone or "")) >= 3


@rule("BR-DE-28", "The Seller contact email address (BT-43) should have exactly one @, not at either end.", XR,
      flag="warning")
def br_de_28(doc):
    email = doc.text(doc.seller, "ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:URIID") or ""
    return re.match(r"^[^@\s]+@([^@.\s]+\.)+[^@.\s]+$", email) is not None


# --- Running them -----------------------------------------------------------------------------

def validate(xml_bytes, profile="en16931"):
    """Every finding (rule, flag, message) for the document: the structure (rule "CII-D16B") and
    every rule of the profile. An empty list: valid as far as these rules go."""
    root = ET.fromstring(xml_bytes)
    findings = [Finding("CII-D16B", "fatal", problem) for problem in cii_structure.check(root)]
    doc = Doc(root)
    for rule_id, text, profiles, flag, function in RULES:
        if profile not in profiles:
            continue
        try:
            result = function(doc)
        except (AttributeError, TypeError, decimal.InvalidOperation) as error:
            result = [f"could not be checked ({error.__class__.__name__}: a required part is missing)"]
        if result is True or result == [] or result is None:
            continue
        detail = "" if result is False else f" ({'; '.join(map(str, result))})"
        findings.append(Finding(rule_id, flag, text + detail))
    return findings


def rule_ids(profile=None):
    return [rule_id for rule_id, _, profiles, _, _ in RULES if profile is None or profile in profiles]


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    found = validate(Path(sys.argv[1]).read_bytes(), sys.argv[2] if len(sys.argv) > 2 else "en16931")
    for finding in found:
        print(f"{finding.rule} [{finding.flag}] {finding.message}")
    print(f"{len(rule_ids(sys.argv[2] if len(sys.argv) > 2 else 'en16931'))} rules, {len(found)} findings")
    sys.exit(1 if any(f.flag == "fatal" for f in found) else 0)
