// Every user-visible string, in English and German. Views call tr(Text::X); a test checks that
// no entry is missing a language.
#pragma once
#include <cstddef>
#include <string>

#include "core/model.h"

namespace rc {

enum class Language { English, German };

#define RC_TEXTS(X) \
    X(AppName, "Reseller Console", "Reseller-Konsole") \
    X(ProductName, "Shared Contacts for Gmail", "Shared Contacts for Gmail") \
    X(Loading, "Loading…", "Wird geladen …") \
    X(Retry, "Retry", "Erneut versuchen") \
    X(Close, "Close", "Schließen") \
    X(Cancel, "Cancel", "Abbrechen") \
    X(Back, "Back", "Zurück") \
    X(Yes, "Yes", "Ja") \
    X(No, "No", "Nein") \
    X(Dash, "—", "—") \
    X(SignInTitle, "Sign in to your partner account", "Melden Sie sich bei Ihrem Partnerkonto an") \
    X(SignInSubtitle, "Manage your customers' subscriptions, licenses and invoices in one place.", "Verwalten Sie Abonnements, Lizenzen und Rechnungen Ihrer Kunden an einem Ort.") \
    X(SignInWithGoogle, "Sign in with Google", "Mit Google anmelden") \
    X(GoogleNotConfigured, "Google sign-in is not set up for this deployment.", "Die Google-Anmeldung ist für diese Installation nicht eingerichtet.") \
    X(GoogleLoading, "Loading Google sign-in…", "Google-Anmeldung wird geladen …") \
    X(GoogleUnavailable, "Google sign-in could not be loaded: the browser is offline or something blocks Google. Check your connection and reload the page.", "Die Google-Anmeldung konnte nicht geladen werden: Der Browser ist offline oder etwas blockiert Google. Prüfen Sie Ihre Verbindung und laden Sie die Seite neu.") \
    X(Or, "or", "oder") \
    X(DemoSignIn, "Demo sign-in", "Demo-Anmeldung") \
    X(DemoEmailLabel, "Demo account email", "E-Mail des Demo-Kontos") \
    X(DemoNote, "Demo sign-in uses sample data and needs no Google account.", "Die Demo-Anmeldung nutzt Beispieldaten und braucht kein Google-Konto.") \
    X(SigningIn, "Signing in…", "Anmeldung läuft …") \
    X(SessionEnded, "Your session has ended. Please sign in again.", "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.") \
    X(ErrNotReseller, "This Google account is not registered as a reseller. Ask your partner manager to add it, or sign in with another account.", "Dieses Google-Konto ist nicht als Reseller registriert. Bitten Sie Ihren Partnermanager, es hinzuzufügen, oder melden Sie sich mit einem anderen Konto an.") \
    X(SignOut, "Sign out", "Abmelden") \
    X(SwitchLanguage, "Deutsch", "English") \
    X(SearchShortcut, "Ctrl+K", "Strg+K") \
    X(SearchShortcutMac, "Cmd+K", "Cmd+K") \
    X(MenuDashboard, "Dashboard", "Übersicht") \
    X(MenuCustomers, "Customers", "Kunden") \
    X(MenuInvoices, "Invoices", "Rechnungen") \
    X(DashboardSubtitle, "Your customers and revenue at a glance.", "Ihre Kunden und Umsätze auf einen Blick.") \
    X(FigCustomers, "Customers", "Kunden") \
    X(FigLicenses, "Licenses in use", "Lizenzen im Einsatz") \
    X(FigMrr, "Monthly recurring revenue", "Monatlich wiederkehrender Umsatz") \
    X(FigMrrDetail, "at your prices", "zu Ihren Preisen") \
    X(FigOpenInvoices, "Open invoices", "Offene Rechnungen") \
    X(FigOverdueDetail, "{} overdue ({})", "{} überfällig ({})") \
    X(FigOpenCount, "{} open", "{} offen") \
    X(FigNoneOverdue, "none overdue", "keine überfällig") \
    X(FigRenewals, "Renewals in 30 days", "Verlängerungen in 30 Tagen") \
    X(FigPendingInvitations, "Pending invitations", "Offene Einladungen") \
    X(FigPendingDetail, "waiting for acceptance", "warten auf Annahme") \
    X(RevenueChartTitle, "Revenue, last 12 months", "Umsatz der letzten 12 Monate") \
    X(RevenueChartNote, "Invoiced amounts per month", "Rechnungsbeträge pro Monat") \
    X(RecentActivity, "Recent activity", "Letzte Aktivitäten") \
    X(UpcomingRenewals, "Upcoming renewals", "Anstehende Verlängerungen") \
    X(NoActivity, "Nothing has happened yet.", "Noch keine Aktivitäten.") \
    X(NoRenewals, "No renewals in the next 30 days.", "Keine Verlängerungen in den nächsten 30 Tagen.") \
    X(CouldNotLoadDashboard, "Could not load the dashboard", "Die Übersicht konnte nicht geladen werden") \
    X(CustomersSubtitle, "Everyone you resell Shared Contacts for Gmail to.", "Alle, an die Sie Shared Contacts for Gmail weiterverkaufen.") \
    X(NewCustomer, "New customer", "Neuer Kunde") \
    X(SearchCustomers, "Search name, organization, domain or email", "Name, Organisation, Domain oder E-Mail suchen") \
    X(FilterAll, "All", "Alle") \
    X(ColName, "Name", "Name") \
    X(ColOrganization, "Organization", "Organisation") \
    X(ColDomain, "Google domain", "Google-Domain") \
    X(ColStatus, "Status", "Status") \
    X(ColPlan, "Plan", "Tarif") \
    X(ColLicenses, "Licenses", "Lizenzen") \
    X(ColRenewal, "Renewal", "Verlängerung") \
    X(ColMonthly, "Monthly value", "Monatswert") \
    X(ColActions, "Actions", "Aktionen") \
    X(Columns, "Columns", "Spalten") \
    X(ColumnsShown, "Show these columns", "Diese Spalten zeigen") \
    X(ColumnsReset, "Reset columns", "Spalten zurücksetzen") \
    X(Manage, "Manage", "Verwalten") \
    X(StatusInvited, "Invited", "Eingeladen") \
    X(StatusActive, "Active", "Aktiv") \
    X(StatusRevoked, "Revoked", "Widerrufen") \
    X(StatusCancelled, "Cancelled", "Gekündigt") \
    X(StatusUnknown, "Unknown", "Unbekannt") \
    X(SubTrial, "Trial", "Testphase") \
    X(SubActive, "Active", "Aktiv") \
    X(SubPendingCancel, "Ends at term end", "Endet zum Laufzeitende") \
    X(SubCancelled, "Cancelled", "Gekündigt") \
    X(PlanBasic, "Basic", "Basic") \
    X(PlanProfessional, "Professional", "Professional") \
    X(PlanEnterprise, "Enterprise", "Enterprise") \
    X(CycleFlexible, "Flexible (monthly)", "Flexibel (monatlich)") \
    X(CycleAnnualMonthly, "Annual, paid monthly", "Jährlich, monatliche Zahlung") \
    X(CycleAnnualYearly, "Annual, paid yearly", "Jährlich, jährliche Zahlung") \
    X(CustomersCount, "{} of {} customers", "{} von {} Kunden") \
    X(CustomersRange, "{}–{} of {} customers", "{}–{} von {} Kunden") \
    X(NoCustomersTitle, "No customers yet", "Noch keine Kunden") \
    X(NoCustomersBody, "Invite your first customer with “New customer”.", "Laden Sie Ihren ersten Kunden über „Neuer Kunde“ ein.") \
    X(NoMatchesTitle, "No customers match", "Keine passenden Kunden") \
    X(NoMatchesBody, "Try another search or status.", "Versuchen Sie eine andere Suche oder einen anderen Status.") \
    X(ClearFilters, "Clear search and filter", "Suche und Filter zurücksetzen") \
    X(LoadingCustomers, "Loading customers…", "Kunden werden geladen …") \
    X(CouldNotLoadCustomers, "Could not load customers", "Kunden konnten nicht geladen werden") \
    X(NewCustomerTitle, "Invite a new customer", "Neuen Kunden einladen") \
    X(NewCustomerIntro, "We email the customer an invitation link. Once they accept, their 30-day trial of Professional with 5 licenses starts.", "Wir senden dem Kunden einen Einladungslink per E-Mail. Sobald er annimmt, beginnt seine 30-tägige Testphase von Professional mit 5 Lizenzen.") \
    X(FieldName, "Contact name", "Name des Ansprechpartners") \
    X(FieldEmail, "Email", "E-Mail") \
    X(FieldDomain, "Google Workspace domain", "Google-Workspace-Domain") \
    X(FieldOrganization, "Organization", "Organisation") \
    X(HintName, "Jane Doe", "Erika Mustermann") \
    X(HintEmail, "jane@example.com", "erika@beispiel.de") \
    X(HintDomain, "example.com", "beispiel.de") \
    X(HintOrganization, "Example Ltd.", "Beispiel GmbH") \
    X(DomainHelp, "The domain the customer uses Google Workspace with. It cannot be changed later.", "Die Domain, mit der der Kunde Google Workspace nutzt. Sie lässt sich später nicht ändern.") \
    X(SendInvitation, "Send invitation", "Einladung senden") \
    X(Sending, "Sending…", "Wird gesendet …") \
    X(ErrRequired, "This field is required.", "Dieses Feld ist erforderlich.") \
    X(ErrTooLong, "At most 200 characters.", "Höchstens 200 Zeichen.") \
    X(ErrControlChars, "Must not contain control characters.", "Darf keine Steuerzeichen enthalten.") \
    X(ErrBidiChars, "Must not contain text-direction override characters.", "Darf keine Zeichen enthalten, die die Schreibrichtung umkehren.") \
    X(ErrInvisibleOnly, "Must contain visible letters, not only invisible characters.", "Muss sichtbare Buchstaben enthalten, nicht nur unsichtbare Zeichen.") \
    X(ErrInvalidEmail, "Enter an email address such as name@example.com.", "Geben Sie eine E-Mail-Adresse wie name@example.com ein.") \
    X(ErrInvalidDomain, "Enter a bare domain such as example.com (no https://, path, spaces or @).", "Geben Sie eine reine Domain wie beispiel.de ein (ohne https://, Pfad, Leerzeichen oder @).") \
    X(ErrDomainTaken, "This Google domain already belongs to a customer.", "Diese Google-Domain gehört bereits zu einem Kunden.") \
    X(ErrLicensesChanged, "Someone else changed this subscription meanwhile: it now has {} licenses. Nothing was ordered. Check the new count and order again.", "Jemand anderes hat das Abonnement inzwischen geändert: Es hat jetzt {} Lizenzen. Es wurde nichts bestellt. Prüfen Sie die neue Anzahl und bestellen Sie erneut.") \
    X(ErrPlanChanged, "Someone else changed the plan meanwhile: it is now {}. Nothing was changed. Check the plan and choose again.", "Jemand anderes hat den Tarif inzwischen geändert: Er ist jetzt {}. Es wurde nichts geändert. Prüfen Sie den Tarif und wählen Sie erneut.") \
    X(BackToCustomers, "Customers", "Kunden") \
    X(CouldNotLoadCustomer, "Could not load this customer", "Dieser Kunde konnte nicht geladen werden") \
    X(CustomerNotFound, "This customer does not exist or belongs to another account.", "Dieser Kunde existiert nicht oder gehört zu einem anderen Konto.") \
    X(InvitationCard, "Invitation", "Einladung") \
    X(InvitationPendingNote, "Waiting for the customer to accept. The link works until it expires; resending makes a new link and ends the old one.", "Wartet auf die Annahme durch den Kunden. Der Link gilt bis zum Ablauf; erneutes Senden erzeugt einen neuen Link und beendet den alten.") \
    X(InvitationSent, "Sent", "Gesendet") \
    X(InvitationExpires, "Expires", "Läuft ab") \
    X(InvitationExpired, "Expired", "Abgelaufen") \
    X(InvitationAccepted, "Accepted", "Angenommen") \
    X(InvitationRevokedNote, "The invitation was withdrawn. The link no longer works.", "Die Einladung wurde zurückgezogen. Der Link funktioniert nicht mehr.") \
    X(InvitationLink, "Invitation link", "Einladungslink") \
    X(CopyLink, "Copy link", "Link kopieren") \
    X(Resend, "Resend", "Erneut senden") \
    X(Revoke, "Revoke", "Widerrufen") \
    X(RevokeQuestion, "Revoke the invitation? The link stops working at once.", "Einladung widerrufen? Der Link funktioniert sofort nicht mehr.") \
    X(ConfirmRevoke, "Yes, revoke", "Ja, widerrufen") \
    X(SubscriptionCard, "Subscription", "Abonnement") \
    X(TermsPlan, "Plan", "Tarif") \
    X(TermsCycle, "Billing cycle", "Abrechnung") \
    X(TermsLicenses, "Licenses", "Lizenzen") \
    X(TermsStatus, "Status", "Status") \
    X(TermsTerm, "Current term", "Aktuelle Laufzeit") \
    X(TermsRenews, "Renews on", "Verlängert am") \
    X(TermsAutoRenew, "Auto-renew", "Automatische Verlängerung") \
    X(TermsUnitPrice, "Price per license", "Preis pro Lizenz") \
    X(TermsRecurring, "Recurring amount", "Wiederkehrender Betrag") \
    X(TermsTrialEnds, "Trial ends", "Testphase endet") \
    X(PerMonth, "/ month", "/ Monat") \
    X(PerYear, "/ year", "/ Jahr") \
    X(PerLicenseMonth, "per license / month", "pro Lizenz / Monat") \
    X(PerLicenseYear, "per license / year", "pro Lizenz / Jahr") \
    X(ScheduledChange, "Changes to {} on {}.", "Wechselt am {2} zu {1}.") \
    X(PendingCancelNote, "Cancelled on the customer's behalf: the subscription ends on {}. You can undo this until then.", "Im Auftrag des Kunden gekündigt: Das Abonnement endet am {}. Bis dahin können Sie das rückgängig machen.") \
    X(CancelledNote, "This subscription has ended.", "Dieses Abonnement ist beendet.") \
    X(NoSubscriptionYet, "The subscription starts when the customer accepts the invitation.", "Das Abonnement beginnt, sobald der Kunde die Einladung annimmt.") \
    X(AddLicenses, "Add licenses", "Lizenzen hinzufügen") \
    X(ChangeLicenses, "Change licenses", "Lizenzen ändern") \
    X(ChangePlan, "Upgrade plan", "Tarif wechseln") \
    X(CancelSubscription, "Cancel subscription", "Abonnement kündigen") \
    X(UndoCancel, "Undo cancellation", "Kündigung zurücknehmen") \
    X(CustomerInvoices, "Invoices", "Rechnungen") \
    X(ViewAllInvoices, "View all", "Alle anzeigen") \
    X(NoInvoicesForCustomer, "No invoices yet.", "Noch keine Rechnungen.") \
    X(ActivityCard, "Activity", "Aktivität") \
    X(LicensesTitle, "Licenses for {}", "Lizenzen für {}") \
    X(LicensesCurrent, "Current: {} licenses", "Aktuell: {} Lizenzen") \
    X(LicensesNew, "New number of licenses", "Neue Anzahl Lizenzen") \
    X(Decrease, "−", "−") \
    X(Increase, "+", "+") \
    X(AnnualRule, "Annual plans can add licenses at any time. Fewer licenses take effect only at renewal on {}.", "Bei Jahrestarifen können Sie jederzeit Lizenzen hinzufügen. Weniger Lizenzen sind erst zur Verlängerung am {} möglich.") \
    X(AnnualRuleBlocked, "This annual plan cannot go below {} licenses before renewal on {}.", "Dieser Jahrestarif kann vor der Verlängerung am {2} nicht unter {1} Lizenzen sinken.") \
    X(FlexibleRule, "Flexible plans can add or remove licenses at any time.", "Bei flexiblen Tarifen können Sie jederzeit Lizenzen hinzufügen oder entfernen.") \
    X(TrialRule, "Ordering ends the trial: the subscription becomes paid from today.", "Eine Bestellung beendet die Testphase: Das Abonnement wird ab heute kostenpflichtig.") \
    X(LimitRule, "Between {} and {} licenses.", "Zwischen {} und {} Lizenzen.") \
    X(PreviewDueNow, "Due now", "Jetzt fällig") \
    X(PreviewProrated, "prorated {} – {}", "anteilig {} – {}") \
    X(PreviewRecurring, "New recurring amount", "Neuer wiederkehrender Betrag") \
    X(PreviewLoading, "Calculating price…", "Preis wird berechnet …") \
    X(PreviewUnchanged, "Choose a different number of licenses to see the price.", "Wählen Sie eine andere Anzahl Lizenzen, um den Preis zu sehen.") \
    X(PreviewBlocked, "No price yet: choose at least {} licenses.", "Noch kein Preis: Wählen Sie mindestens {} Lizenzen.") \
    X(CouldNotPreview, "Could not calculate the price", "Der Preis konnte nicht berechnet werden") \
    X(OrderNow, "Order now", "Jetzt bestellen") \
    X(ConfirmOrderTitle, "Confirm the order", "Bestellung bestätigen") \
    X(ConfirmOrderText, "Set {} to {} licenses? {} is invoiced now.", "{} auf {} Lizenzen setzen? {} werden jetzt in Rechnung gestellt.") \
    X(ConfirmOrder, "Confirm order", "Bestellung bestätigen") \
    X(Ordering, "Ordering…", "Wird bestellt …") \
    X(OrderFailed, "The order did not go through", "Die Bestellung wurde nicht ausgeführt") \
    X(OrderRetryNote, "Retrying is safe: the same order is never placed twice.", "Ein erneuter Versuch ist sicher: Dieselbe Bestellung wird nie doppelt ausgeführt.") \
    X(PlanTitle, "Change plan for {}", "Tarif wechseln für {}") \
    X(CurrentPlanTag, "Current plan", "Aktueller Tarif") \
    X(SelectedTag, "Selected", "Ausgewählt") \
    X(ListPrice, "List price {}", "Listenpreis {}") \
    X(PriceDifference, "{} per license / month vs. today", "{} pro Lizenz / Monat ggü. heute") \
    X(BillingCycle, "Billing cycle", "Abrechnung") \
    X(EffectiveNow, "Takes effect now; the difference for the rest of the term is invoiced today.", "Gilt sofort; die Differenz für die restliche Laufzeit wird heute berechnet.") \
    X(EffectiveRenewal, "Takes effect at renewal on {}; nothing is invoiced now.", "Gilt ab der Verlängerung am {}; jetzt wird nichts berechnet.") \
    X(ConfirmPlanChange, "Change plan", "Tarif wechseln") \
    X(ChoosePlanNote, "Choose a plan or billing cycle to see the price.", "Wählen Sie einen Tarif oder eine Abrechnung, um den Preis zu sehen.") \
    X(ChangingPlan, "Changing…", "Wird geändert …") \
    X(CancelTitle, "Cancel the subscription of {}", "Abonnement von {} kündigen") \
    X(CancelIntro, "You are cancelling on the customer's behalf. Their users lose Shared Contacts for Gmail when the subscription ends.", "Sie kündigen im Auftrag des Kunden. Seine Nutzer verlieren Shared Contacts for Gmail, wenn das Abonnement endet.") \
    X(CancelAtTermEnd, "At the end of the term ({})", "Zum Ende der Laufzeit ({})") \
    X(CancelAtTermEndNote, "Recommended. Can be undone until then.", "Empfohlen. Bis dahin rückgängig zu machen.") \
    X(CancelNow, "Now", "Sofort") \
    X(CancelNowNote, "Ends today and cannot be undone.", "Endet heute und kann nicht rückgängig gemacht werden.") \
    X(CancelReason, "Reason (optional)", "Grund (optional)") \
    X(CancelTypeDomain, "Type {} to confirm", "Geben Sie zur Bestätigung {} ein") \
    X(KeepSubscription, "Keep subscription", "Abonnement behalten") \
    X(Cancelling, "Cancelling…", "Wird gekündigt …") \
    X(InvoicesSubtitle, "Invoices for your customers' subscriptions.", "Rechnungen zu den Abonnements Ihrer Kunden.") \
    X(ExportCsv, "Export CSV", "CSV exportieren") \
    X(FilterCustomer, "Customer: {}", "Kunde: {}") \
    X(FilterFrom, "From", "Von") \
    X(FilterTo, "To", "Bis") \
    X(DateHint, "YYYY-MM-DD", "JJJJ-MM-TT") \
    X(ErrDate, "Use a date like 2026-01-31.", "Verwenden Sie ein Datum wie 2026-01-31.") \
    X(ErrDateOrder, "“To” is before “From”.", "„Bis“ liegt vor „Von“.") \
    X(ColNumber, "Number", "Nummer") \
    X(ColCustomer, "Customer", "Kunde") \
    X(ColIssued, "Issued", "Ausgestellt") \
    X(ColDue, "Due", "Fällig") \
    X(ColTotal, "Total", "Summe") \
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
    X(InvoiceBilledTo, "Billed to", "Rechnung an") \
    X(InvoiceIssued, "Issued", "Ausgestellt") \
    X(InvoiceDue, "Due", "Fällig") \
    X(InvoiceDueOn, "Due {}", "Fällig am {}") \
    X(InvoicePaid, "Paid on", "Bezahlt am") \
    X(LineDescription, "Description", "Beschreibung") \
    X(LineQuantity, "Qty", "Menge") \
    X(LineUnit, "Unit price", "Einzelpreis") \
    X(LineAmount, "Amount", "Betrag") \
    X(Subtotal, "Subtotal", "Zwischensumme") \
    X(Tax, "Tax", "Steuer") \
    X(Total, "Total", "Summe") \
    X(DownloadPdf, "Download PDF", "PDF herunterladen") \
    X(Downloading, "Downloading…", "Wird heruntergeladen …") \
    X(CouldNotLoadInvoice, "Could not load this invoice", "Diese Rechnung konnte nicht geladen werden") \
    X(ToastInvitationSent, "Invitation sent to {}.", "Einladung an {} gesendet.") \
    X(ToastInvitationResent, "New invitation link sent to {}.", "Neuer Einladungslink an {} gesendet.") \
    X(ToastInvitationRevoked, "Invitation revoked. The link no longer works.", "Einladung widerrufen. Der Link funktioniert nicht mehr.") \
    X(ToastLinkCopied, "Invitation link copied to the clipboard.", "Einladungslink in die Zwischenablage kopiert.") \
    X(ToastLicensesOrdered, "Licenses set to {}.", "Lizenzen auf {} gesetzt.") \
    X(ToastLicensesOrderedInvoice, "Licenses set to {}. Invoice {} issued.", "Lizenzen auf {} gesetzt. Rechnung {} erstellt.") \
    X(ToastPlanChanged, "Plan changed to {}.", "Tarif zu {} gewechselt.") \
    X(ToastPlanScheduled, "Plan changes to {} on {}.", "Tarif wechselt am {2} zu {1}.") \
    X(ToastCancelledNow, "Subscription cancelled.", "Abonnement gekündigt.") \
    X(ToastCancelScheduled, "Subscription ends on {}. You can undo this until then.", "Abonnement endet am {}. Bis dahin können Sie das rückgängig machen.") \
    X(ToastReactivated, "Cancellation undone. The subscription continues.", "Kündigung zurückgenommen. Das Abonnement läuft weiter.") \
    X(ToastDownloaded, "{} downloaded.", "{} heruntergeladen.") \
    X(ToastDownloadFailed, "Download failed: {}", "Download fehlgeschlagen: {}") \
    X(ActInvited, "Invited {}.", "{} eingeladen.") \
    X(ActUpdated, "Updated the customer's details.", "Kundendaten geändert.") \
    X(ActResent, "Sent a new invitation link.", "Neuen Einladungslink gesendet.") \
    X(ActRevoked, "Revoked the invitation.", "Einladung widerrufen.") \
    X(ActAccepted, "Accepted the invitation; the 30-day trial started.", "Einladung angenommen; die 30-tägige Testphase hat begonnen.") \
    X(ActLicenses, "Licenses changed from {} to {}.", "Lizenzen von {} auf {} geändert.") \
    X(ActPlanChanged, "Plan changed to {}.", "Tarif zu {} gewechselt.") \
    X(ActPlanScheduled, "Plan change to {} scheduled for renewal.", "Tarifwechsel zu {} zur Verlängerung geplant.") \
    X(ActCancelScheduled, "Set to cancel at the end of the term.", "Zum Ende der Laufzeit gekündigt.") \
    X(ActCancelledNow, "Cancelled with immediate effect.", "Mit sofortiger Wirkung gekündigt.") \
    X(ActReactivated, "Cancellation undone.", "Kündigung zurückgenommen.") \
    X(ActEnded, "The subscription ended at the end of its term.", "Das Abonnement endete zum Laufzeitende.") \
    X(ActConverted, "The trial became a paid subscription.", "Die Testphase wurde zum bezahlten Abonnement.") \
    X(ActRenewed, "The subscription renewed for a new term.", "Das Abonnement wurde um eine Laufzeit verlängert.") \
    X(ActInvoice, "Invoice {} issued.", "Rechnung {} erstellt.") \
    X(ActSystem, "automatic", "automatisch") \
    X(Dismiss, "Dismiss", "Ausblenden") \
    X(OfflineDataFrom, "Offline — showing data from {}", "Offline – Stand der Daten: {}") \
    X(OfflineNoData, "Offline — the console cannot reach the server", "Offline – die Konsole erreicht den Server nicht") \
    X(OfflineWaitingOne, "1 change waiting to send", "1 Änderung wartet auf Versand") \
    X(OfflineWaitingMany, "{} changes waiting to send", "{} Änderungen warten auf Versand") \
    X(UpdateReady, "A new version is ready", "Eine neue Version ist bereit") \
    X(Reload, "Reload", "Neu laden") \
    X(StorageUnavailable, "Offline use is unavailable: this browser does not let the console keep data (a private window, or storage turned off).", "Offline-Nutzung ist nicht verfügbar: Dieser Browser lässt die Konsole keine Daten speichern (privates Fenster oder Speicher deaktiviert).") \
    X(StorageFull, "Offline use is unavailable: the browser's storage for this site is full.", "Offline-Nutzung ist nicht verfügbar: Der Browserspeicher für diese Seite ist voll.") \
    X(WaitingToSend, "Waiting to send", "Wartet auf Versand") \
    X(NotSent, "Not sent", "Nicht gesendet") \
    X(Discard, "Discard", "Verwerfen") \
    X(QueuedInvitation, "Saved. The invitation to {} is sent when you are back online.", "Gespeichert. Die Einladung an {} wird gesendet, sobald Sie wieder online sind.") \
    X(QueuedOrder, "Saved. The order for {} licenses is sent when you are back online.", "Gespeichert. Die Bestellung über {} Lizenzen wird gesendet, sobald Sie wieder online sind.") \
    X(QueuedOrderSent, "Licenses for {} set to {}.", "Lizenzen für {} auf {} gesetzt.") \
    X(QueuedInvitationFailed, "The invitation to {} was not sent: {}", "Die Einladung an {} wurde nicht gesendet: {}") \
    X(QueuedOrderFailed, "The license order for {} was not placed: {}", "Die Lizenzbestellung für {} wurde nicht ausgeführt: {}") \
    X(CannotQueue, "You are offline, and this browser cannot keep this for later (its storage is full or turned off). Try again when you are back online.", "Sie sind offline, und dieser Browser kann das nicht für später aufheben (Speicher voll oder deaktiviert). Versuchen Sie es erneut, wenn Sie wieder online sind.") \
    X(NotSavedOffline, "Not saved for offline use: this was not opened while online.", "Nicht offline gespeichert: Das wurde nicht geöffnet, solange eine Verbindung bestand.") \
    X(NeedsNetwork, "Needs a connection — you are offline.", "Braucht eine Verbindung – Sie sind offline.") \
    X(QueuedOrderRow, "{} licenses (now {})", "{} Lizenzen (jetzt {})") \
    X(OrderOfflineNote, "You are offline. The order is sent, and priced by the server, when you are back online.", "Sie sind offline. Die Bestellung wird gesendet und vom Server berechnet, sobald Sie wieder online sind.") \
    X(OrderWhenOnline, "Order when back online", "Bestellen, sobald online") \
    X(ErrNetwork, "Could not reach the server. Check your connection and try again.", "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.") \
    X(ErrServer, "The server ran into a problem. Please try again in a moment.", "Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal.") \
    X(ErrBadResponse, "The server sent an answer the console does not understand.", "Der Server hat eine Antwort gesendet, die die Konsole nicht versteht.") \
    X(ErrUnauthorized, "You are not signed in.", "Sie sind nicht angemeldet.") \
    X(ErrNotFound, "This no longer exists, or it belongs to another account.", "Das gibt es nicht mehr, oder es gehört zu einem anderen Konto.") \
    X(ErrRateLimited, "Too many attempts. Please wait a moment and try again.", "Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es erneut.") \
    X(ErrConfig, "The console could not read its configuration (config.json).", "Die Konsole konnte ihre Konfiguration (config.json) nicht lesen.") \
    X(KioskRibbon, "Demo", "Demo") \
    X(KioskRibbonNote, "Sample data · starts over after {} without use", "Beispieldaten · beginnt nach {} ohne Nutzung neu") \
    X(KioskMinutes, "{} min", "{} Min.") \
    X(KioskSeconds, "{} s", "{} s") \
    X(KioskStillThere, "Still there?", "Sind Sie noch da?") \
    X(KioskTouchToContinue, "Touch to continue.", "Tippen Sie, um weiterzumachen.") \
    X(KioskStartsOverIn, "The demo starts over in {} seconds for the next visitor.", "Die Demo beginnt in {} Sekunden für den nächsten Besucher neu.") \
    X(KioskContinue, "Continue", "Weiter") \
    X(KioskRestoreFailed, "The demo data could not be reset: {}", "Die Demodaten konnten nicht zurückgesetzt werden: {}") \
    X(Menu, "Menu", "Menü") \
    X(OpenInvitationPage, "Open invitation page", "Einladungsseite öffnen") \
    X(SkipToMain, "Skip to main content", "Zum Hauptinhalt springen") \
    X(MainMenu, "Main menu", "Hauptmenü") \
    X(LicenseFewer, "One license fewer", "Eine Lizenz weniger") \
    X(LicenseMore, "One license more", "Eine Lizenz mehr") \
    X(DismissToast, "Dismiss", "Ausblenden")

enum class Text : std::size_t {
#define RC_TEXT_ENUM(id, en, de) id,
    RC_TEXTS(RC_TEXT_ENUM)
#undef RC_TEXT_ENUM
        Count_
};

Language language();
void setLanguage(Language lang);
// Picks German for de, de-DE, de-AT...; English for everything else.
Language languageFromTag(const std::string& tag);

const char* tr(Text id);
const char* tr(Text id, Language lang);

const char* statusLabel(CustomerStatus status);
const char* planLabel(const std::string& plan);
const char* cycleLabel(const std::string& billingCycle);
const char* subscriptionStatusLabel(const std::string& status);
const char* invoiceStatusLabel(const std::string& status);
// An activity entry as a sentence in the current language (the server's own words as a fallback).
std::string activitySentence(const ActivityEntry& entry);
// Who did it: an email, or "automatic" for the system's own renewals and bills.
std::string activityActor(const ActivityEntry& entry);
// The error in the current language: known codes are translated, others use the server's words.
std::string describeError(const ApiError& error);

}  // namespace rc
