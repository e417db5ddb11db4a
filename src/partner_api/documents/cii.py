"""An invoice as UN/CEFACT Cross Industry Invoice (CII D16B) XML, profile EN 16931: the
factur-x.xml inside the Factur-X PDF, or (profile "xrechnung") the XRechnung 3.0 CIUS for
public-sector customers. A pure function of the API's invoice JSON; elements are written in the
order the D16B schema's sequences give them. Business terms (BT-n, BG-n) are EN 16931's.

A credit note is TypeCode 381 with positive amounts (the API shows them negative) and names the
invoice it corrects (BG-3). An invoice issued without what a format needs is not written in it:
`e_invoice_missing` names what it lacks."""
import xml.etree.ElementTree as ET

from ..errors import InvoiceIncomplete
from .wording import EXEMPTION, payment_terms

RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
NAMESPACES = {"rsm": RSM, "ram": RAM, "udt": UDT, "qdt": QDT}
for _prefix, _uri in NAMESPACES.items():
    ET.register_namespace(_prefix, _uri)

PROFILES = {
    # Factur-X / ZUGFeRD 2.x, profile EN 16931 (COMFORT).
    "en16931": "urn:cen.eu:en16931:2017",
    # XRechnung 3.0, the German CIUS of EN 16931 (BR-DE-21).
    "xrechnung": "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
}
BUSINESS_PROCESS = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"  # BT-23
TYPE_CODES = {"invoice": "380", "credit_note": "381"}  # UNTDID 1001: commercial invoice, credit note
UNIT = "C62"  # UN/ECE Rec. 20 "one": a license for the line's period
# UNTDID 4461: 58 SEPA credit transfer (with the seller's IBAN); 1 not defined (no IBAN given);
# a credit note is set off against what the customer owes or refunded: 97 clearing between partners.
SEPA_TRANSFER, NOT_DEFINED, CLEARING = "58", "1", "97"


def e_invoice_missing(invoice):
    """{"factur_x": [...], "xrechnung": [...]}: what each e-invoice of this invoice would lack
    (empty: it can be made). The invoice cannot change, so these are facts about it."""
    seller, buyer = invoice.get("seller") or {}, invoice.get("buyer") or {}
    if not invoice.get("issued_as_e_invoice"):
        return {"factur_x": ["issued_before_e_invoices"], "xrechnung": ["issued_before_e_invoices"]}
    missing = []
    address = seller.get("address") or {}
    if not all(address.get(part) for part in ("street", "postal_code", "city", "country")):
        missing.append("seller.address")  # BR-08, BR-09; BR-DE-3, BR-DE-4
    if not seller.get("vat_id") and not seller.get("tax_number"):
        missing.append("seller.tax_id")  # § 14 (4) 2 UStG; BR-S-02, BR-AE-02, BR-CO-26
    address = buyer.get("address") or {}
    if not all(address.get(part) for part in ("postal_code", "city", "country")):
        missing.append("buyer.address")  # BR-10, BR-11; BR-DE-8, BR-DE-9
    xrechnung = list(missing)
    if not seller.get("email") or not seller.get("phone"):
        xrechnung.append("seller.contact")  # BR-DE-2, BR-DE-5, BR-DE-6, BR-DE-7, BT-34
    return {"factur_x": missing, "xrechnung": xrechnung}


def decimal(minor):
    """Integer minor units as a CII amount: 2575 -> "25.75" (always positive here)."""
    minor = abs(minor)
    return f"{minor // 100}.{minor % 100:02d}"


def percent(rate_bp):
    return f"{rate_bp // 100}.{rate_bp % 100:02d}"


def date102(value):
    """A date as CII's format 102 (YYYYMMDD)."""
    return value[:10].replace("-", "")


class _Writer:
    def __init__(self, root):
        self.root = root

    @staticmethod
    def add(parent, path, text=None, **attributes):
        """Appends the elements of `path` ("ram:A/ram:B"), the last with `text` and attributes."""
        node = parent
        for step in path.split("/"):
            prefix, name = step.split(":")
            node = ET.SubElement(node, "{%s}%s" % (NAMESPACES[prefix], name))
        if text is not None:
            node.text = text
        for key, value in attributes.items():
            node.set(key, value)
        return node


def cii_xml(invoice, profile="en16931"):
    """The invoice as CII XML bytes (UTF-8). `invoice` is the API's invoice JSON."""
    credit = invoice["kind"] == "credit_note"
    language = invoice["language"]
    seller, buyer, rule = invoice["seller"], invoice["buyer"], invoice["tax_rule"]
    category, rate = rule["category"], rule["rate_basis_points"]
    currency = invoice["total"]["currency"]
    add = _Writer.add
    root = ET.Element(f"{{{RSM}}}CrossIndustryInvoice")

    context = add(root, "rsm:ExchangedDocumentContext")
    add(context, "ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID", BUSINESS_PROCESS)
    add(context, "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID", PROFILES[profile])

    document = add(root, "rsm:ExchangedDocument")
    add(document, "ram:ID", invoice["number"])
    add(document, "ram:TypeCode", TYPE_CODES[invoice["kind"]])
    add(document, "ram:IssueDateTime/udt:DateTimeString", date102(invoice["issued_at"]), format="102")
    if rule["rule"] in EXEMPTION:  # the note the law asks for, also as free text on the document (BT-22)
        add(document, "ram:IncludedNote/ram:Content", EXEMPTION[rule["rule"]][1])

    transaction = add(root, "rsm:SupplyChainTradeTransaction")
    for position, line in enumerate(invoice["lines"], 1):
        item = add(transaction, "ram:IncludedSupplyChainTradeLineItem")
        add(item, "ram:AssociatedDocumentLineDocument/ram:LineID", str(position))
        add(item, "ram:SpecifiedTradeProduct/ram:Name", line["description"])
        add(item, "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount",
            decimal(line["unit_amount"]["amount"]))
        add(item, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity", str(line["quantity"]), unitCode=UNIT)
        settlement = add(item, "ram:SpecifiedLineTradeSettlement")
        tax = add(settlement, "ram:ApplicableTradeTax")
        add(tax, "ram:TypeCode", "VAT")
        add(tax, "ram:CategoryCode", category)
        if category != "O":  # BR-O-05: no rate on a line not subject to VAT
            add(tax, "ram:RateApplicablePercent", percent(rate))
        if line.get("period"):
            period = add(settlement, "ram:BillingSpecifiedPeriod")
            add(period, "ram:StartDateTime/udt:DateTimeString", date102(line["period"]["start"]), format="102")
            add(period, "ram:EndDateTime/udt:DateTimeString", date102(line["period"]["end"]), format="102")
        add(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount",
            decimal(line["amount"]["amount"]))

    agreement = add(transaction, "ram:ApplicableHeaderTradeAgreement")
    reference = buyer.get("reference") or (buyer.get("customer_number") if profile == "xrechnung" else None)
    if reference:
        add(agreement, "ram:BuyerReference", reference)  # BT-10: the Leitweg-ID for public bodies
    _seller(add, agreement, seller, category)
    _buyer(add, agreement, buyer, category)
    add(transaction, "ram:ApplicableHeaderTradeDelivery")

    settlement = add(transaction, "ram:ApplicableHeaderTradeSettlement")
    add(settlement, "ram:InvoiceCurrencyCode", currency)
    means = add(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
    if credit:
        add(means, "ram:TypeCode", CLEARING)
    elif seller.get("iban"):
        add(means, "ram:TypeCode", SEPA_TRANSFER)
        add(means, "ram:PayeePartyCreditorFinancialAccount/ram:IBANID", seller["iban"])
        if seller.get("bic"):
            add(means, "ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID", seller["bic"])
    else:
        add(means, "ram:TypeCode", NOT_DEFINED)
    breakdown = add(settlement, "ram:ApplicableTradeTax")
    add(breakdown, "ram:CalculatedAmount", decimal(invoice["tax"]["amount"]))
    add(breakdown, "ram:TypeCode", "VAT")
    if rule["rule"] in EXEMPTION:
        add(breakdown, "ram:ExemptionReason", EXEMPTION[rule["rule"]][1])
    add(breakdown, "ram:BasisAmount", decimal(invoice["subtotal"]["amount"]))
    add(breakdown, "ram:CategoryCode", category)
    if rule["rule"] in EXEMPTION:
        add(breakdown, "ram:ExemptionReasonCode", EXEMPTION[rule["rule"]][0])
    add(breakdown, "ram:RateApplicablePercent", percent(rate))  # BR-DE-14: also 0 for AE and O
    periods = [line["period"] for line in invoice["lines"] if line.get("period")]
    if periods:
        period = add(settlement, "ram:BillingSpecifiedPeriod")
        add(period, "ram:StartDateTime/udt:DateTimeString", date102(min(p["start"] for p in periods)), format="102")
        add(period, "ram:EndDateTime/udt:DateTimeString", date102(max(p["end"] for p in periods)), format="102")
    terms = add(settlement, "ram:SpecifiedTradePaymentTerms")
    add(terms, "ram:Description", payment_terms(invoice, language))
    if not credit:
        add(terms, "ram:DueDateDateTime/udt:DateTimeString", date102(invoice["due_at"]), format="102")
    totals = add(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    add(totals, "ram:LineTotalAmount", decimal(invoice["subtotal"]["amount"]))
    add(totals, "ram:TaxBasisTotalAmount", decimal(invoice["subtotal"]["amount"]))
    add(totals, "ram:TaxTotalAmount", decimal(invoice["tax"]["amount"]), currencyID=currency)
    add(totals, "ram:GrandTotalAmount", decimal(invoice["total"]["amount"]))
    add(totals, "ram:DuePayableAmount", decimal(invoice["total"]["amount"]))
    if invoice.get("corrects"):
        corrected = add(settlement, "ram:InvoiceReferencedDocument")
        add(corrected, "ram:IssuerAssignedID", invoice["corrects"]["number"])
        add(corrected, "ram:FormattedIssueDateTime/qdt:DateTimeString", date102(invoice["corrects"]["issued_at"]),
            format="102")
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def _address(add, party, address):
    postal = add(party, "ram:PostalTradeAddress")
    if address.get("postal_code"):
        add(postal, "ram:PostcodeCode", address["postal_code"])
    if address.get("street"):
        add(postal, "ram:LineOne", address["street"])
    if address.get("city"):
        add(postal, "ram:CityName", address["city"])
    add(postal, "ram:CountryID", address["country"])


def _seller(add, agreement, seller, category):
    party = add(agreement, "ram:SellerTradeParty")
    # BR-O-02 keeps the VAT ID out of an invoice not subject to VAT; BR-CO-26 then needs another
    # identifier of the seller (BT-29): its tax number, else its VAT ID as a plain identifier.
    if category == "O":
        add(party, "ram:ID", seller.get("tax_number") or seller.get("vat_id"))
    add(party, "ram:Name", seller["name"])
    if seller.get("email") or seller.get("phone"):
        contact = add(party, "ram:DefinedTradeContact")  # BG-6
        add(contact, "ram:DepartmentName", seller["name"])  # BT-41: the seller itself is the contact point
        if seller.get("phone"):
            add(contact, "ram:TelephoneUniversalCommunication/ram:CompleteNumber", seller["phone"])  # BT-42
        if seller.get("email"):
            add(contact, "ram:EmailURIUniversalCommunication/ram:URIID", seller["email"])  # BT-43
    _address(add, party, seller["address"])
    if seller.get("email"):
        add(party, "ram:URIUniversalCommunication/ram:URIID", seller["email"], schemeID="EM")  # BT-34
    if seller.get("tax_number"):
        add(party, "ram:SpecifiedTaxRegistration/ram:ID", seller["tax_number"], schemeID="FC")  # BT-32
    if seller.get("vat_id") and category != "O":
        add(party, "ram:SpecifiedTaxRegistration/ram:ID", seller["vat_id"], schemeID="VA")  # BT-31


def _buyer(add, agreement, buyer, category):
    party = add(agreement, "ram:BuyerTradeParty")
    add(party, "ram:ID", buyer["customer_number"])  # BT-46
    add(party, "ram:Name", buyer["name"])  # BT-44
    if buyer.get("contact"):
        add(party, "ram:DefinedTradeContact/ram:PersonName", buyer["contact"])  # BT-56
    _address(add, party, buyer["address"])
    if buyer.get("email"):
        add(party, "ram:URIUniversalCommunication/ram:URIID", buyer["email"], schemeID="EM")  # BT-49
    if buyer.get("vat_id") and category != "O":
        add(party, "ram:SpecifiedTaxRegistration/ram:ID", buyer["vat_id"], schemeID="VA")  # BT-48


def xrechnung_xml(invoice, seller=None):
    """The invoice as XRechnung 3.0 (CII), the e-invoice German public bodies take; InvoiceIncomplete
    (409) when it was issued without what XRechnung needs. `seller` (GET /me) is not needed."""
    missing = invoice["e_invoice_missing"]["xrechnung"]
    if missing:
        raise InvoiceIncomplete(missing)
    return cii_xml(invoice, "xrechnung")
