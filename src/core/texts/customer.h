// A customer's page: invitation, subscription, invoices and history cards. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_CUSTOMER(X) \
    X(BackToCustomers, "Customers", "Kunden") \
    X(CouldNotLoadCustomer, "Could not load this customer", "Dieser Kunde konnte nicht geladen werden") \
    X(CustomerNotFound, "This customer does not exist or belongs to another account.", "Dieser Kunde existiert nicht oder gehört zu einem anderen Konto.") \
    X(InvitationCard, "Invitation", "Einladung") \
    X(InvitationPendingNote, "Waiting for the customer to accept. Resending makes a new link; the old one then stops working.", "Wartet auf die Annahme durch den Kunden. Erneutes Senden erzeugt einen neuen Einladungslink; der alte ist danach nicht mehr gültig.") \
    X(InvitationSent, "Sent", "Gesendet") \
    X(InvitationExpires, "Valid until", "Gültig bis") \
    X(InvitationExpired, "Expired", "Abgelaufen") \
    X(InvitationAccepted, "Accepted", "Angenommen") \
    X(InvitationRevokedNote, "The invitation was revoked. The link no longer works.", "Die Einladung wurde widerrufen. Der Einladungslink ist nicht mehr gültig.") \
    X(InvitationLink, "Invitation link", "Einladungslink") \
    X(CopyLink, "Copy link", "Link kopieren") \
    X(Resend, "Resend", "Erneut senden") \
    X(Revoke, "Revoke", "Widerrufen") \
    X(RevokeQuestion, "Revoke the invitation? The link stops working at once.", "Einladung widerrufen? Der Einladungslink ist dann sofort ungültig.") \
    X(ConfirmRevoke, "Yes, revoke", "Ja, widerrufen") \
    X(SubscriptionCard, "Subscription", "Abonnement") \
    X(TermsPlan, "Plan", "Tarif") \
    X(TermsCycle, "Term and payment", "Laufzeit und Zahlung") \
    X(TermsLicenses, "Licenses", "Lizenzen") \
    X(TermsStatus, "Status", "Status") \
    X(TermsTerm, "Current term", "Aktuelle Laufzeit") \
    X(TermsRenews, "Next renewal", "Nächste Verlängerung") \
    X(TermsFirstBill, "First bill on", "Erste Abrechnung am") \
    X(TermsAutoRenew, "Auto-renew", "Automatische Verlängerung") \
    X(TermsUnitPrice, "Price per license", "Preis pro Lizenz") \
    X(TermsRecurring, "Recurring amount", "Wiederkehrender Betrag") \
    X(TermsTrialEnds, "Trial ends", "Testphase endet") \
    X(PerMonth, "/ month", "pro Monat") \
    X(PerYear, "/ year", "pro Jahr") \
    X(PerLicenseMonth, "per license / month", "pro Lizenz und Monat") \
    X(PerLicenseYear, "per license / year", "pro Lizenz und Jahr") \
    X(ScheduledChange, "Changes to {} on {}.", "Wird am {2} auf {1} umgestellt.") \
    X(PendingCancelNote, "Cancelled on the customer's behalf: the subscription ends on {}. You can undo this until then.", "Im Auftrag des Kunden gekündigt: Das Abonnement endet am {}. Bis dahin können Sie die Kündigung zurücknehmen.") \
    X(CancelledNote, "This subscription has ended.", "Dieses Abonnement ist beendet.") \
    X(NoSubscriptionYet, "The subscription starts when the customer accepts the invitation.", "Das Abonnement beginnt, sobald der Kunde die Einladung annimmt.") \
    X(AddLicenses, "Add licenses", "Lizenzen hinzufügen") \
    X(ChangeLicenses, "Change licenses", "Lizenzanzahl ändern") \
    X(ChangePlan, "Upgrade plan", "Tarif wechseln") \
    X(CancelSubscription, "Cancel subscription", "Abonnement kündigen") \
    X(UndoCancel, "Undo cancellation", "Kündigung zurücknehmen") \
    X(CustomerInvoices, "Invoices", "Rechnungen") \
    X(ViewAllInvoices, "View all", "Alle anzeigen") \
    X(NoInvoicesForCustomer, "No invoices yet.", "Noch keine Rechnungen.") \
    X(ActivityCard, "Activity", "Verlauf")
