"""The structure the UN/CEFACT CII D16B schema (CrossIndustryInvoice_100pD16B and its
ReusableAggregateBusinessInformationEntity module, as the EN 16931 repository ships them) asks of
the parts of an invoice this project writes: for each complex type, its children in the order of
the schema's xsd:sequence with their occurrences, and the data types of the leaves. Written here
from reading the schema (not generated from it, and no schema file is copied in); `check`
walks a document and names every element that is unknown where it stands, out of order, too
often or missing, and every leaf whose value its data type refuses.

Only the types this project's documents use are spelled out; an element the schema allows under
them but whose own type is not listed here is reported as "not checked" (so a new element in the
writer needs its type here first)."""
import re

RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
UNBOUNDED = None


def seq(*children):
    """(name, type, min, max) in sequence order; "Name:Type" is 0..1, "+Name:Type" 1..1,
    "Name:Type*" 0..unbounded, "+Name:Type*" 1..unbounded."""
    out = []
    for child in children:
        low = 1 if child.startswith("+") else 0
        high = UNBOUNDED if child.endswith("*") else 1
        name, kind = child.strip("+*").split(":")
        out.append((name, kind, low, high))
    return out


# Complex types: children in the order of the schema's sequence (names are in the ram namespace,
# except the root's own children, in rsm).
TYPES = {
    "CrossIndustryInvoiceType": seq("+ExchangedDocumentContext:ExchangedDocumentContextType",
                                    "+ExchangedDocument:ExchangedDocumentType",
                                    "+SupplyChainTradeTransaction:SupplyChainTradeTransactionType",
                                    "ValuationBreakdownStatement:ValuationBreakdownStatementType"),
    "ExchangedDocumentContextType": seq(
        "SpecifiedTransactionID:ID", "TestIndicator:IndicatorType",
        "BusinessProcessSpecifiedDocumentContextParameter:DocumentContextParameterType*",
        "BIMSpecifiedDocumentContextParameter:DocumentContextParameterType*",
        "ScenarioSpecifiedDocumentContextParameter:DocumentContextParameterType*",
        "ApplicationSpecifiedDocumentContextParameter:DocumentContextParameterType*",
        "GuidelineSpecifiedDocumentContextParameter:DocumentContextParameterType*",
        "SubsetSpecifiedDocumentContextParameter:DocumentContextParameterType*",
        "MessageStandardSpecifiedDocumentContextParameter:DocumentContextParameterType"),
    "DocumentContextParameterType": seq("ID:ID", "Value:Text", "SpecifiedDocumentVersion:DocumentVersionType"),
    "ExchangedDocumentType": seq(
        "+ID:ID", "Name:Text*", "TypeCode:Code", "+IssueDateTime:DateTimeType", "CopyIndicator:IndicatorType",
        "Purpose:Text", "ControlRequirementIndicator:IndicatorType", "LanguageID:ID*", "PurposeCode:Code",
        "RevisionDateTime:DateTimeType", "VersionID:ID", "GlobalID:ID", "RevisionID:ID", "PreviousRevisionID:ID",
        "CategoryCode:Code", "IncludedNote:NoteType*", "EffectiveSpecifiedPeriod:SpecifiedPeriodType",
        "IssuerTradeParty:TradePartyType"),
    "NoteType": seq("Subject:Text", "ContentCode:Code", "Content:Text*", "SubjectCode:Code", "ID:ID"),
    "SupplyChainTradeTransactionType": seq(
        "IncludedSupplyChainTradeLineItem:SupplyChainTradeLineItemType*",
        "+ApplicableHeaderTradeAgreement:HeaderTradeAgreementType",
        "+ApplicableHeaderTradeDelivery:HeaderTradeDeliveryType",
        "+ApplicableHeaderTradeSettlement:HeaderTradeSettlementType"),
    "SupplyChainTradeLineItemType": seq(
        "DescriptionCode:Code", "+AssociatedDocumentLineDocument:DocumentLineDocumentType",
        "SpecifiedTradeProduct:TradeProductType", "SpecifiedLineTradeAgreement:LineTradeAgreementType",
        "SpecifiedLineTradeDelivery:LineTradeDeliveryType", "+SpecifiedLineTradeSettlement:LineTradeSettlementType",
        "IncludedSubordinateTradeLineItem:SubordinateTradeLineItemType*"),
    "DocumentLineDocumentType": seq("LineID:ID", "ParentLineID:ID", "LineStatusCode:Code",
                                    "LineStatusReasonCode:Code", "IncludedNote:NoteType*"),
    "TradeProductType": seq(
        "ID:ID", "GlobalID:ID", "SellerAssignedID:ID", "BuyerAssignedID:ID", "ManufacturerAssignedID:ID",
        "Name:Text*", "TradeName:Text", "Description:Text", "TypeCode:Code", "NetWeightMeasure:Measure",
        "GrossWeightMeasure:Measure", "ProductGroupID:ID*", "EndItemTypeCode:Code*", "EndItemName:Text*",
        "AreaDensityMeasure:Measure", "UseDescription:Text*", "BrandName:Text", "SubBrandName:Text",
        "DrainedNetWeightMeasure:Measure", "VariableMeasureIndicator:IndicatorType", "ColourCode:Code",
        "ColourDescription:Text*", "Designation:Text*"),
    "LineTradeAgreementType": seq(
        "BuyerReference:Text", "BuyerRequisitionerTradeParty:TradePartyType*",
        "ApplicableTradeDeliveryTerms:TradeDeliveryTermsType", "SellerOrderReferencedDocument:ReferencedDocumentType",
        "BuyerOrderReferencedDocument:ReferencedDocumentType", "QuotationReferencedDocument:ReferencedDocumentType",
        "ContractReferencedDocument:ReferencedDocumentType", "DemandForecastReferencedDocument:ReferencedDocumentType",
        "PromotionalDealReferencedDocument:ReferencedDocumentType",
        "AdditionalReferencedDocument:ReferencedDocumentType*", "GrossPriceProductTradePrice:TradePriceType",
        "NetPriceProductTradePrice:TradePriceType"),
    "TradePriceType": seq("TypeCode:Code", "+ChargeAmount:Amount*", "BasisQuantity:Quantity",
                          "MinimumQuantity:Quantity", "MaximumQuantity:Quantity", "ChangeReason:Text*"),
    "LineTradeDeliveryType": seq("RequestedQuantity:Quantity", "ReceivedQuantity:Quantity",
                                 "BilledQuantity:Quantity", "ChargeFreeQuantity:Quantity", "PackageQuantity:Quantity"),
    "LineTradeSettlementType": seq(
        "PaymentReference:Text*", "InvoiceIssuerReference:Text", "TotalAdjustmentAmount:Amount",
        "DiscountIndicator:IndicatorType", "ApplicableTradeTax:TradeTaxType*",
        "BillingSpecifiedPeriod:SpecifiedPeriodType", "SpecifiedTradeAllowanceCharge:TradeAllowanceChargeType*",
        "SubtotalCalculatedTradeTax:TradeTaxType*", "SpecifiedLogisticsServiceCharge:LogisticsServiceChargeType*",
        "SpecifiedTradePaymentTerms:TradePaymentTermsType*",
        "SpecifiedTradeSettlementLineMonetarySummation:TradeSettlementLineMonetarySummationType",
        "SpecifiedFinancialAdjustment:FinancialAdjustmentType*", "InvoiceReferencedDocument:ReferencedDocumentType",
        "AdditionalReferencedDocument:ReferencedDocumentType*"),
    "TradeTaxType": seq(
        "CalculatedAmount:Amount*", "TypeCode:Code", "ExemptionReason:Text", "CalculatedRate:Rate",
        "CalculationSequenceNumeric:Numeric", "BasisQuantity:Quantity", "BasisAmount:Amount*",
        "UnitBasisAmount:Amount*", "LineTotalBasisAmount:Amount*", "AllowanceChargeBasisAmount:Amount*",
        "CategoryCode:Code", "CurrencyCode:Code", "Jurisdiction:Text*", "CustomsDutyIndicator:IndicatorType",
        "ExemptionReasonCode:Code", "TaxBasisAllowanceRate:Rate", "TaxPointDate:DateType",
        "Type:Text", "InformationAmount:Amount*", "CategoryName:Text*", "DueDateTypeCode:Code",
        "RateApplicablePercent:Percent"),
    "SpecifiedPeriodType": seq("DurationMeasure:Measure*", "InclusiveIndicator:IndicatorType", "Description:Text*",
                               "StartDateTime:DateTimeType", "EndDateTime:DateTimeType",
                               "CompleteDateTime:DateTimeType"),
    "TradeSettlementLineMonetarySummationType": seq(
        "LineTotalAmount:Amount*", "ChargeTotalAmount:Amount*", "AllowanceTotalAmount:Amount*",
        "TaxBasisTotalAmount:Amount*", "TaxTotalAmount:Amount*", "GrandTotalAmount:Amount*",
        "InformationAmount:Amount*", "TotalAllowanceChargeAmount:Amount*"),
    "HeaderTradeAgreementType": seq(
        "Reference:Text*", "BuyerReference:Text", "SellerTradeParty:TradePartyType", "BuyerTradeParty:TradePartyType",
        "SalesAgentTradeParty:TradePartyType", "BuyerRequisitionerTradeParty:TradePartyType*",
        "BuyerAssignedAccountantTradeParty:TradePartyType", "SellerAssignedAccountantTradeParty:TradePartyType",
        "BuyerTaxRepresentativeTradeParty:TradePartyType", "SellerTaxRepresentativeTradeParty:TradePartyType",
        "ProductEndUserTradeParty:TradePartyType", "ApplicableTradeDeliveryTerms:TradeDeliveryTermsType",
        "SellerOrderReferencedDocument:ReferencedDocumentType", "BuyerOrderReferencedDocument:ReferencedDocumentType",
        "QuotationReferencedDocument:ReferencedDocumentType", "OrderResponseReferencedDocument:ReferencedDocumentType",
        "ContractReferencedDocument:ReferencedDocumentType"),
    "TradePartyType": seq(
        "ID:ID*", "GlobalID:ID*", "Name:Text", "RoleCode:Code*", "Description:Text*",
        "SpecifiedLegalOrganization:LegalOrganizationType", "DefinedTradeContact:TradeContactType*",
        "PostalTradeAddress:TradeAddressType", "URIUniversalCommunication:UniversalCommunicationType*",
        "SpecifiedTaxRegistration:TaxRegistrationType*",
        "EndPointURIUniversalCommunication:UniversalCommunicationType"),
    "LegalOrganizationType": seq("LegalClassificationCode:Code", "Name:Text", "ID:ID", "TradingBusinessName:Text",
                                 "PostalTradeAddress:TradeAddressType"),
    "TradeContactType": seq(
        "ID:ID", "PersonName:Text", "DepartmentName:Text", "TypeCode:Code", "JobTitle:Text", "Responsibility:Text",
        "PersonID:ID*", "TelephoneUniversalCommunication:UniversalCommunicationType",
        "DirectTelephoneUniversalCommunication:UniversalCommunicationType",
        "MobileTelephoneUniversalCommunication:UniversalCommunicationType",
        "FaxUniversalCommunication:UniversalCommunicationType",
        "EmailURIUniversalCommunication:UniversalCommunicationType"),
    "UniversalCommunicationType": seq("URIID:ID", "ChannelCode:Code", "CompleteNumber:Text"),
    "TradeAddressType": seq(
        "ID:ID", "PostcodeCode:Code", "PostOfficeBox:Text", "BuildingName:Text", "LineOne:Text", "LineTwo:Text",
        "LineThree:Text", "LineFour:Text", "LineFive:Text", "StreetName:Text", "CityName:Text",
        "CitySubDivisionName:Text", "CountryID:ID", "CountryName:Text*", "CountrySubDivisionID:ID",
        "CountrySubDivisionName:Text*"),
    "TaxRegistrationType": seq("ID:ID", "AssociatedRegisteredTax:RegisteredTaxType"),
    "HeaderTradeDeliveryType": seq(
        "RelatedSupplyChainConsignment:SupplyChainConsignmentType", "ShipToTradeParty:TradePartyType",
        "UltimateShipToTradeParty:TradePartyType", "ShipFromTradeParty:TradePartyType",
        "ActualDespatchSupplyChainEvent:SupplyChainEventType", "ActualPickUpSupplyChainEvent:SupplyChainEventType",
        "ActualDeliverySupplyChainEvent:SupplyChainEventType"),
    "HeaderTradeSettlementType": seq(
        "DuePayableAmount:Amount*", "CreditorReferenceTypeCode:Code*", "CreditorReferenceType:Text*",
        "CreditorReferenceIssuerID:ID*", "CreditorReferenceID:ID", "PaymentReference:Text*",
        "TaxCurrencyCode:Code", "InvoiceCurrencyCode:Code", "PaymentCurrencyCode:Code",
        "InvoiceIssuerReference:Text", "InvoiceDateTime:DateTimeType", "NextInvoiceDateTime:DateTimeType*",
        "CreditReasonCode:Code", "CreditReason:Text*", "InvoicerTradeParty:TradePartyType",
        "InvoiceeTradeParty:TradePartyType", "PayeeTradeParty:TradePartyType", "PayerTradeParty:TradePartyType",
        "TaxApplicableTradeCurrencyExchange:TradeCurrencyExchangeType",
        "InvoiceApplicableTradeCurrencyExchange:TradeCurrencyExchangeType",
        "PaymentApplicableTradeCurrencyExchange:TradeCurrencyExchangeType",
        "SpecifiedTradeSettlementPaymentMeans:TradeSettlementPaymentMeansType*",
        "ApplicableTradeTax:TradeTaxType*", "BillingSpecifiedPeriod:SpecifiedPeriodType",
        "SpecifiedTradeAllowanceCharge:TradeAllowanceChargeType*", "SubtotalCalculatedTradeTax:TradeTaxType*",
        "SpecifiedLogisticsServiceCharge:LogisticsServiceChargeType*",
        "SpecifiedTradePaymentTerms:TradePaymentTermsType*",
        "SpecifiedTradeSettlementHeaderMonetarySummation:TradeSettlementHeaderMonetarySummationType",
        "SpecifiedFinancialAdjustment:FinancialAdjustmentType*", "InvoiceReferencedDocument:ReferencedDocumentType",
        "ProFormaInvoiceReferencedDocument:ReferencedDocumentType"),
    "TradeSettlementPaymentMeansType": seq(
        "PaymentChannelCode:Code", "TypeCode:Code", "GuaranteeMethodCode:Code", "PaymentMethodCode:Code",
        "Information:Text*", "ID:ID*", "ApplicableTradeSettlementFinancialCard:TradeSettlementFinancialCardType",
        "PayerPartyDebtorFinancialAccount:DebtorFinancialAccountType",
        "PayeePartyCreditorFinancialAccount:CreditorFinancialAccountType",
        "PayerSpecifiedDebtorFinancialInstitution:DebtorFinancialInstitutionType",
        "PayeeSpecifiedCreditorFinancialInstitution:CreditorFinancialInstitutionType"),
    "CreditorFinancialAccountType": seq("IBANID:ID", "AccountName:Text", "ProprietaryID:ID"),
    "CreditorFinancialInstitutionType": seq("BICID:ID"),
    "TradePaymentTermsType": seq(
        "ID:ID", "FromEventCode:Code", "SettlementPeriodMeasure:Measure", "Description:Text*",
        "DueDateDateTime:DateTimeType", "TypeCode:Code", "InstructionTypeCode:Code", "DirectDebitMandateID:ID*",
        "PartialPaymentPercent:Percent", "PaymentMeansID:ID*", "PartialPaymentAmount:Amount*"),
    "TradeSettlementHeaderMonetarySummationType": seq(
        "LineTotalAmount:Amount*", "ChargeTotalAmount:Amount*", "AllowanceTotalAmount:Amount*",
        "TaxBasisTotalAmount:Amount*", "TaxTotalAmount:Amount*", "RoundingAmount:Amount*", "GrandTotalAmount:Amount*",
        "InformationAmount:Amount*", "TotalPrepaidAmount:Amount*", "TotalDiscountAmount:Amount*",
        "TotalAllowanceChargeAmount:Amount*", "DuePayableAmount:Amount*"),
    "ReferencedDocumentType": seq(
        "IssuerAssignedID:ID", "URIID:ID", "StatusCode:Code", "CopyIndicator:IndicatorType", "LineID:ID",
        "TypeCode:Code", "GlobalID:ID", "RevisionID:ID", "Name:Text*", "AttachmentBinaryObject:Binary*",
        "Information:Text*", "ReferenceTypeCode:Code", "SectionName:Text*", "PreviousRevisionID:ID*",
        "FormattedIssueDateTime:FormattedDateTimeType"),
}
# Types written out only up to the children this project could use (the schema's sequence goes
# on): an element past the list is reported as not checked, not as wrong.
PARTIAL = {"TradeProductType", "LineTradeAgreementType", "TradePriceType", "LineTradeDeliveryType",
           "LineTradeSettlementType", "TradeTaxType", "SpecifiedPeriodType", "TradeSettlementLineMonetarySummationType",
           "HeaderTradeAgreementType", "TradePartyType", "LegalOrganizationType", "TradeContactType",
           "TradeAddressType", "HeaderTradeDeliveryType", "HeaderTradeSettlementType", "CreditorFinancialInstitutionType",
           "TradePaymentTermsType", "TradeSettlementHeaderMonetarySummationType", "ReferencedDocumentType"}
# Types whose content is a choice of one element in another namespace.
DATE_TIME_CHOICE = {"DateTimeType": (UDT, "DateTimeString"), "FormattedDateTimeType": (QDT, "DateTimeString"),
                    "IndicatorType": (UDT, "Indicator"), "DateType": (UDT, "DateString")}
# Leaf data types (the unqualified and qualified data types, as text): what their text must be.
DECIMAL = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
LEAVES = {
    "Text": None, "Code": None, "ID": None,
    "Amount": DECIMAL, "Quantity": DECIMAL, "Percent": DECIMAL, "Rate": DECIMAL, "Numeric": DECIMAL,
    "Measure": DECIMAL,
}
# The attributes each leaf type carries in D16B (anything else is not in the schema).
ATTRIBUTES = {"Amount": {"currencyID", "currencyCodeListVersionID"}, "Quantity": {"unitCode"},
              "ID": {"schemeID", "schemeAgencyID"}, "Code": {"listID", "listAgencyID", "listVersionID"},
              "Text": {"languageID"}, "Measure": {"unitCode"}, "Percent": set(), "Rate": set(), "Numeric": set()}


def local(tag):
    return tag.split("}", 1)[1] if "}" in tag else tag


def namespace(tag):
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def check(root):
    """Every way `root` (an ElementTree element, rsm:CrossIndustryInvoice) departs from the
    structure above: a list of "path: problem" strings, empty when it conforms."""
    problems = []
    if root.tag != f"{{{RSM}}}CrossIndustryInvoice":
        return [f"/: the root is {root.tag}, not rsm:CrossIndustryInvoice"]
    _complex(root, "CrossIndustryInvoiceType", "/rsm:CrossIndustryInvoice", problems, RSM)
    return problems


def _complex(element, kind, path, problems, child_namespace=RAM):
    if element.text and element.text.strip():
        problems.append(f"{path}: text in an element of type {kind}")
    sequence = TYPES[kind]
    names = [name for name, _, _, _ in sequence]
    position, counts = 0, {}
    for child in element:
        name = local(child.tag)
        where = f"{path}/{name}"
        if namespace(child.tag) != child_namespace or name not in names:
            if kind in PARTIAL and namespace(child.tag) == child_namespace:
                problems.append(f"{where}: not checked (past the part of {kind} written out here)")
            else:
                problems.append(f"{where}: not an element of {kind}")
            continue
        index = names.index(name)
        if index < position:
            problems.append(f"{where}: out of order (the sequence of {kind} puts it before "
                            f"{names[position]})")
        position = max(position, index)
        counts[name] = counts.get(name, 0) + 1
        _, child_kind, _, high = sequence[index]
        if high is not None and counts[name] > high:
            problems.append(f"{where}: more than {high} in {kind}")
        _element(child, child_kind, where, problems)
    for name, _, low, _ in sequence:
        if counts.get(name, 0) < low:
            problems.append(f"{path}: {name} is required in {kind}")


def _element(element, kind, path, problems):
    if kind in TYPES:
        _complex(element, kind, path, problems)
    elif kind in DATE_TIME_CHOICE:
        uri, name = DATE_TIME_CHOICE[kind]
        children = list(element)
        if len(children) != 1 or children[0].tag != f"{{{uri}}}{name}":
            problems.append(f"{path}: must hold exactly one {name} of {uri.rsplit(':', 2)[-2]}")
        elif kind.endswith("DateTimeType") and set(children[0].attrib) != {"format"}:
            problems.append(f"{path}/{name}: needs a format attribute (and no other)")
    elif kind in LEAVES:
        if len(element):
            problems.append(f"{path}: a {kind} holds no elements")
        text = (element.text or "").strip()
        if LEAVES[kind] is not None and not LEAVES[kind].match(text):
            problems.append(f"{path}: {text!r} is not a decimal ({kind})")
        unknown = set(element.attrib) - ATTRIBUTES.get(kind, set())
        if unknown:
            problems.append(f"{path}: attributes {sorted(unknown)} are not in {kind}")
    else:
        problems.append(f"{path}: type {kind} not checked (the project's documents do not use it)")
