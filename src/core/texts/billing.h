// Billing (issue 18): the reseller's billing profile, customers' billing details, taxes in the
// previews, credit notes and e-invoices. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_BILLING(X) \
    X(ToastBillingProfileSaved, "Billing profile saved. New invoices use it.", "Rechnungsprofil gespeichert. Neue Rechnungen verwenden es.") \
    X(ToastBillingDetailsSaved, "Billing details saved. New invoices use them.", "Rechnungsdaten gespeichert. Neue Rechnungen verwenden sie.") \
    X(MenuBilling, "Billing", "Abrechnung") \
    X(BillingSubtitle, "Who your invoices come from: company, tax IDs, numbering and bank account.", "Von wem Ihre Rechnungen kommen: Unternehmen, Steuernummern, Nummernkreis und Bankverbindung.") \
    X(BillingCompanyCard, "Company", "Unternehmen") \
    X(BillingTaxCard, "Tax", "Steuern") \
    X(BillingInvoicesCard, "Invoices", "Rechnungen") \
    X(BillingBankCard, "Bank account", "Bankverbindung") \
    X(FieldLegalName, "Legal name", "Vollständiger Firmenname") \
    X(FieldStreet, "Street and number", "Straße und Hausnummer") \
    X(FieldPostalCode, "Postal code", "Postleitzahl") \
    X(FieldCity, "City", "Ort") \
    X(FieldCountry, "Country (code)", "Land (Kürzel)") \
    X(HintCountry, "DE", "DE") \
    X(FieldVatId, "VAT ID", "USt-IdNr.") \
    X(HintVatId, "DE123456789", "DE123456789") \
    X(FieldTaxNumber, "Tax number", "Steuernummer") \
    X(HelpTaxIds, "Your invoices need the VAT ID or the tax number.", "Ihre Rechnungen brauchen die USt-IdNr. oder die Steuernummer.") \
    X(FieldCurrency, "Currency", "Währung") \
    X(CurrencyLockedNote, "Invoices were issued in {}: the currency stays.", "Es wurden schon Rechnungen in {} ausgestellt: Die Währung bleibt.") \
    X(FieldInvoicePrefix, "Invoice number prefix", "Präfix der Rechnungsnummer") \
    X(HelpInvoicePrefix, "{YYYY} becomes the year. Next number: {}", "{YYYY} wird zur Jahreszahl. Nächste Nummer: {}") \
    X(FieldPaymentTerms, "Payment terms (days)", "Zahlungsziel (Tage)") \
    X(ErrPaymentTerms, "Enter a number of days from 0 to 365.", "Geben Sie eine Anzahl Tage von 0 bis 365 ein.") \
    X(FieldIban, "IBAN", "IBAN") \
    X(FieldBic, "BIC", "BIC") \
    X(FieldInvoiceEmail, "Email for invoices", "E-Mail für Rechnungen") \
    X(FieldPhone, "Phone", "Telefon") \
    X(BillingMissing, "New invoices still lack: {}", "Neuen Rechnungen fehlt noch: {}") \
    X(SaveChanges, "Save changes", "Änderungen speichern") \
    X(Saving, "Saving…", "Wird gespeichert …") \
    X(DiscardChanges, "Discard changes", "Änderungen verwerfen") \
    X(CouldNotLoadBilling, "Could not load the billing profile", "Das Rechnungsprofil konnte nicht geladen werden") \
    X(BillingDetailsCard, "Billing details", "Rechnungsdaten") \
    X(NoBillingDetails, "None yet. Invoices need a billing address.", "Noch keine. Rechnungen brauchen eine Rechnungsanschrift.") \
    X(EditBillingDetails, "Edit billing details", "Rechnungsdaten bearbeiten") \
    X(AddBillingDetails, "Add billing details", "Rechnungsdaten angeben") \
    X(BillingDetailsTitle, "Billing details of {}", "Rechnungsdaten von {}") \
    X(BillingDetailsIntro, "Used for every new invoice; invoices already issued stay as they are.", "Gilt für jede neue Rechnung; bereits ausgestellte Rechnungen bleiben unverändert.") \
    X(BillingAddress, "Billing address", "Rechnungsanschrift") \
    X(FieldInvoiceLanguage, "Invoice language", "Rechnungssprache") \
    X(LanguageGerman, "German (DE)", "Deutsch (DE)") \
    X(LanguageEnglish, "English (EN)", "Englisch (EN)") \
    X(FieldBuyerReference, "Buyer reference (Leitweg-ID for public authorities)", "Käuferreferenz (Leitweg-ID bei Behörden)") \
    X(WithBillingDetails, "Add billing details now (optional until the first invoice)", "Rechnungsdaten jetzt angeben (bis zur ersten Rechnung optional)") \
    X(CreditNoteTitle, "Credit note {}", "Rechnungskorrektur {}") \
    X(CreditNote, "Credit note", "Rechnungskorrektur") \
    X(CorrectsInvoice, "Corrects invoice {} of {}", "Korrigiert die Rechnung {} vom {}") \
    X(CorrectedBy, "Corrected by {}", "Korrigiert durch {}") \
    X(ServicePeriod, "Service period {}", "Leistungszeitraum {}") \
    X(TaxRate, "VAT {}%", "USt. {} %") \
    X(TaxReverseCharge, "Reverse charge (0%)", "Reverse-Charge (0 %)") \
    X(TaxNotTaxable, "Not taxable in Germany", "Nicht im Inland steuerbar") \
    X(TaxNotSubject, "Not subject to VAT", "Nicht umsatzsteuerpflichtig") \
    X(ReverseChargeNote, "Steuerschuldnerschaft des Leistungsempfängers / Reverse charge: the customer owes the VAT.", "Steuerschuldnerschaft des Leistungsempfängers / Reverse charge: Der Kunde schuldet die Umsatzsteuer.") \
    X(NotTaxableNote, "Not taxable in Germany: the customer is outside the EU.", "Nicht im Inland steuerbare Leistung: Der Kunde sitzt außerhalb der EU.") \
    X(BuyerVatId, "VAT ID {}", "USt-IdNr. {}") \
    X(PayableWithin, "Payable within {} days", "Zahlbar innerhalb von {} Tagen") \
    X(DownloadXRechnung, "XRechnung (XML)", "XRechnung (XML)") \
    X(EInvoiceNote, "The PDF is an e-invoice (ZUGFeRD / Factur-X, EN 16931); public authorities get the XRechnung.", "Das PDF ist eine E-Rechnung (ZUGFeRD / Factur-X, EN 16931); Behörden erhalten die XRechnung.") \
    X(LegacyInvoiceNote, "Issued before e-invoices: the PDF shows it as it was issued.", "Vor Einführung der E-Rechnung ausgestellt: Das PDF zeigt sie so, wie sie ausgestellt wurde.") \
    X(EInvoiceLacks, "The e-invoice lacks: {}", "Für die E-Rechnung fehlt: {}") \
    X(PreviewTotalWithTax, "including VAT", "inklusive Umsatzsteuer") \
    X(PreviewCredit, "Credited (credit note)", "Gutschrift (Rechnungskorrektur)") \
    X(MissingSellerAddress, "your address", "Ihre Anschrift") \
    X(MissingSellerTaxId, "your VAT ID or tax number", "Ihre USt-IdNr. oder Steuernummer") \
    X(MissingBuyerAddress, "the customer's billing address", "die Rechnungsanschrift des Kunden") \
    X(MissingSellerContact, "your email and phone in the billing profile", "Ihre E-Mail und Telefonnummer im Rechnungsprofil") \
    X(VatIdOrTaxNumber, "VAT ID or tax number", "USt-IdNr. oder Steuernummer")
