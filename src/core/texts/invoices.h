// The invoice list and one invoice. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_INVOICES(X) \
    X(InvoicesSubtitle, "Invoices for your customers' subscriptions.", "Rechnungen zu den Abonnements Ihrer Kunden.") \
    X(ExportCsv, "Export CSV", "CSV exportieren") \
    X(FilterCustomer, "Customer: {}", "Kunde: {}") \
    X(FilterFrom, "From", "Von") \
    X(FilterTo, "To", "Bis") \
    X(DateHint, "e.g. Nov 1, 2026", "TT.MM.JJJJ") \
    X(ErrDate, "Enter a day such as Jan 31, 2026 or 2026-01-31.", "Geben Sie ein Datum wie 31.01.2026 ein.") \
    X(ErrDateOrder, "“To” is before “From”.", "„Bis“ liegt vor „Von“.") \
    X(ColNumber, "Number", "Nummer") \
    X(ColCustomer, "Customer", "Kunde") \
    X(ColIssued, "Issued", "Ausgestellt") \
    X(ColDue, "Due", "Fällig") \
    X(ColTotal, "Total", "Gesamtbetrag") \
    X(InvOpen, "Open", "Offen") \
    X(InvPaid, "Paid", "Bezahlt") \
    X(InvOverdue, "Overdue", "Überfällig") \
    X(InvVoid, "Void", "Storniert") \
    X(InvoicesCount, "{} of {} invoices", "{} von {} Rechnungen") \
    X(InvoicesRange, "{}–{} of {} invoices", "{}–{} von {} Rechnungen") \
    X(NoInvoicesTitle, "No invoices", "Keine Rechnungen") \
    X(NoInvoicesBody, "Invoices appear when customers buy licenses or renew.", "Rechnungen entstehen, wenn Kunden Lizenzen kaufen oder verlängern.") \
    X(NoInvoicesMatch, "No invoices match these filters.", "Keine Rechnungen passen zu diesen Filtern.") \
    X(LoadingInvoices, "Loading invoices…", "Rechnungen werden geladen …") \
    X(CouldNotLoadInvoices, "Could not load invoices", "Rechnungen konnten nicht geladen werden") \
    X(InvoiceTitle, "Invoice {}", "Rechnung {}") \
    X(InvoiceBilledTo, "Billed to", "Rechnungsempfänger") \
    X(InvoiceIssued, "Issued", "Ausgestellt") \
    X(InvoiceDue, "Due", "Fällig") \
    X(InvoiceDueOn, "Due {}", "Fällig am {}") \
    X(InvoicePaid, "Paid on", "Bezahlt am") \
    X(LineDescription, "Description", "Beschreibung") \
    X(LineLicenseOne, "1 license", "1 Lizenz") \
    X(LineLicenses, "{} licenses", "{} Lizenzen") \
    X(LineAdditionalOne, "1 additional license", "1 zusätzliche Lizenz") \
    X(LineAdditional, "{} additional licenses", "{} zusätzliche Lizenzen") \
    X(LinePlanWhat, "{}: {}", "{}: {}") \
    X(LineRemoved, "{}: {} removed", "{}: {} entfernt") \
    X(LineUpgrade, "Upgrade from {} to {} for {}", "Tarifwechsel von {} zu {} für {}") \
    X(LineDowngrade, "Change from {} to {} for {}", "Tarifwechsel von {} zu {} für {}") \
    X(LineCancelled, "{}: cancelled with immediate effect, {}", "{}: mit sofortiger Wirkung gekündigt, {}") \
    X(LineResumed, "{}: {} after resuming", "{}: {} nach der Fortsetzung") \
    X(LineProrated, ", prorated for {} of {} days", ", anteilig für {} von {} Tagen") \
    X(LineCredited, ", credited for {} of {} days", ", gutgeschrieben für {} von {} Tagen") \
    X(LineDifferenceCredited, ", difference credited for {} of {} days", ", Differenz gutgeschrieben für {} von {} Tagen") \
    X(LineUnusedCredited, ", credited for the unused {} of {} days", ", gutgeschrieben für die nicht genutzten {} von {} Tagen") \
    X(LineQuantity, "Qty", "Menge") \
    X(LineUnit, "Unit price", "Einzelpreis") \
    X(LineAmount, "Amount", "Betrag") \
    X(Subtotal, "Subtotal", "Zwischensumme") \
    X(Tax, "Tax", "Steuer") \
    X(Total, "Total", "Gesamtbetrag") \
    X(DownloadPdf, "Download PDF", "PDF herunterladen") \
    X(Downloading, "Downloading…", "Wird heruntergeladen …") \
    X(CouldNotLoadInvoice, "Could not load this invoice", "Diese Rechnung konnte nicht geladen werden")
