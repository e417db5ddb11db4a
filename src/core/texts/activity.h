// History entries as sentences. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_ACTIVITY(X) \
    X(ActInvited, "Invited {}.", "{} eingeladen.") \
    X(ActUpdated, "Updated the customer's details.", "Kundendaten geändert.") \
    X(ActResent, "Sent a new invitation link.", "Neuen Einladungslink gesendet.") \
    X(ActRevoked, "Revoked the invitation.", "Einladung widerrufen.") \
    X(ActAccepted, "Accepted the invitation; the 30-day trial started.", "Einladung angenommen; die 30-tägige Testphase hat begonnen.") \
    X(ActLicenses, "Licenses increased from {} to {}.", "Lizenzanzahl von {} auf {} erhöht.") \
    X(ActLicensesReduced, "Licenses reduced from {} to {}.", "Lizenzanzahl von {} auf {} verringert.") \
    X(ActPlanChanged, "Plan changed to {}.", "Tarif auf {} umgestellt.") \
    X(ActPlanScheduled, "Plan change to {} scheduled for renewal.", "Tarifumstellung auf {} zur Verlängerung geplant.") \
    X(ActCancelScheduled, "Set to cancel at the end of the term.", "Zum Ende der Laufzeit gekündigt.") \
    X(ActCancelledNow, "Cancelled with immediate effect.", "Mit sofortiger Wirkung gekündigt.") \
    X(ActCancelReason, "Reason: {}", "Grund: {}") \
    X(ActReactivated, "Cancellation undone.", "Kündigung zurückgenommen.") \
    X(ActEnded, "The subscription ended at the end of its term.", "Das Abonnement endete zum Laufzeitende.") \
    X(ActConverted, "The trial became a paid subscription.", "Die Testphase ist in ein kostenpflichtiges Abonnement übergegangen.") \
    X(ActRenewed, "The subscription renewed for a new term.", "Das Abonnement wurde um eine Laufzeit verlängert.") \
    X(ActDeclined, "Declined the invitation.", "Einladung abgelehnt.") \
    X(ActInvitedAgain, "Invited {} again.", "{} erneut eingeladen.") \
    X(ActSuspendedNonPayment, "Subscription suspended for non-payment.", "Abonnement wegen Zahlungsverzug gesperrt.") \
    X(ActSuspendedRequest, "Subscription suspended at the customer's request.", "Abonnement auf Wunsch des Kunden gesperrt.") \
    X(ActSuspended, "Subscription suspended.", "Abonnement gesperrt.") \
    X(ActResumed, "Subscription resumed.", "Abonnement fortgesetzt.") \
    X(ActStartedPaid, "Trial ended early; paid plan started: {} with {}.", "Testphase vorzeitig beendet, kostenpflichtiger Tarif begonnen: {} mit {}.") \
    X(ActSeatCapSet, "Maximum number of licenses set to {}.", "Höchste Lizenzanzahl auf {} festgelegt.") \
    X(ActSeatCapCleared, "Maximum number of licenses removed.", "Höchste Lizenzanzahl aufgehoben.") \
    X(ActRenewalAuto, "Set to renew automatically at the end of the term.", "Verlängert sich zum Ende der Laufzeit automatisch.") \
    X(ActRenewalCancel, "Set to end at the end of the term.", "Endet zum Ende der Laufzeit.") \
    X(ActRenewalFlexible, "Set to continue as a flexible plan at the end of the term.", "Wird zum Ende der Laufzeit als flexibler Tarif fortgesetzt.") \
    X(ActRenewalCount, "Set to renew with {} at the end of the term.", "Verlängert sich zum Ende der Laufzeit mit {}.") \
    X(ActTransferCodeCreated, "Created a transfer code.", "Transfercode angelegt.") \
    X(ActTransferCodeRevoked, "Revoked the transfer code.", "Transfercode widerrufen.") \
    X(ActTransferredIn, "Took over the customer from {}.", "Kunden von {} übernommen.") \
    X(ActTransferredOut, "The customer moved to {}; the invoices issued until now stay here.", "Der Kunde ist zu {} gewechselt; die bisherigen Rechnungen bleiben hier.") \
    X(ActBillingProfile, "Changed the billing profile.", "Rechnungsprofil geändert.") \
    X(ActInvoice, "Invoice {} issued.", "Rechnung {} ausgestellt.") \
    X(ActInvoicePeriod, "Invoice {} issued for the next billing period.", "Rechnung {} für den nächsten Abrechnungszeitraum ausgestellt.") \
    X(ActSystem, "automatic", "automatisch") \
    X(ActByCustomer, "{} (customer)", "{} (Kunde)") \
    X(ActTheCustomer, "the customer", "der Kunde") \
    X(ActMemberAdded, "Added {} to the team as {}.", "{} mit der Rolle {} zum Team hinzugefügt.") \
    X(ActRoleChanged, "Changed the role of {} from {} to {}.", "Rolle von {} von {} auf {} geändert.") \
    X(ActMemberRemoved, "Removed {} from the team.", "{} aus dem Team entfernt.") \
    X(ActivityEveryone, "Everyone", "Alle") \
    X(ActivityMine, "Mine", "Meine") \
    X(ActivityBy, "By {}", "Von {}")
