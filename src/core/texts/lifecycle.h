// The customer's whole life (issue 23): statuses the list, the badge, the filter and the
// dashboard share (core/status_presentation.*), trials' days left. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_LIFECYCLE(X) \
    X(StatusSuspended, "Suspended", "Gesperrt") \
    X(StatusDeclined, "Declined", "Abgelehnt") \
    X(SubSuspended, "Suspended", "Gesperrt") \
    X(TrialDaysLeft, "{} days left", "noch {} Tage") \
    X(TrialEndsToday, "ends today", "endet heute") \
    X(DashboardTrials, "In trial", "In der Testphase") \
    X(InviteAgain, "Invite again", "Erneut einladen") \
    X(InvitationDeclinedNote, "The customer declined the invitation. The link no longer works.", "Der Kunde hat die Einladung abgelehnt. Der Einladungslink ist nicht mehr gültig.") \
    X(InvitationDeclined, "Declined", "Abgelehnt") \
    X(InviteAgainNote, "A new link goes to the contact email; the history stays.", "Ein neuer Einladungslink geht an die E-Mail-Adresse des Ansprechpartners; der Verlauf bleibt erhalten.") \
    X(EditCustomer, "Edit customer", "Kunde bearbeiten") \
    X(EditCustomerTitle, "Edit {}", "{} bearbeiten") \
    X(EditCustomerIntro, "Changes show on the customer's page and in the list at once. Invoices already issued keep the details they were issued with.", "Änderungen erscheinen sofort auf der Kundenseite und in der Liste. Bereits ausgestellte Rechnungen behalten die Angaben, mit denen sie ausgestellt wurden.") \
    X(DomainLockedNote, "The Google domain can be changed only while the invitation is open.", "Die Google-Domain lässt sich nur ändern, solange die Einladung offen ist.") \
    X(DomainChangeNote, "The invitation link then works for the new domain only.", "Der Einladungslink gilt dann nur noch für die neue Domain.") \
    X(ToastCustomerSaved, "Customer details saved.", "Kundendaten gespeichert.") \
    X(ErrCustomerChanged, "Someone else changed this customer's details meanwhile. Nothing was saved. The form now shows their changes; check them and save again.", "Die Kundendaten wurden inzwischen von jemand anderem geändert. Es wurde nichts gespeichert. Das Formular zeigt jetzt deren Änderungen; prüfen Sie sie und speichern Sie erneut.") \
    X(Suspend, "Suspend", "Sperren") \
    X(Resume, "Resume", "Fortsetzen") \
    X(SuspendTitle, "Suspend {}'s subscription", "Abonnement von {} sperren") \
    X(SuspendIntro, "The customer keeps their data and licenses; you can resume the subscription at any time.", "Der Kunde behält seine Daten und Lizenzen; Sie können das Abonnement jederzeit fortsetzen.") \
    X(SuspendReasonNonPayment, "Non-payment", "Zahlungsverzug") \
    X(SuspendReasonNonPaymentNote, "Invoices are overdue.", "Rechnungen sind überfällig.") \
    X(SuspendReasonCustomer, "At the customer's request", "Auf Wunsch des Kunden") \
    X(SuspendReasonCustomerNote, "The customer asked for a pause.", "Der Kunde hat um eine Pause gebeten.") \
    X(SuspendNote, "Note (optional)", "Notiz (optional)") \
    X(SuspendFrom, "Suspended from", "Gesperrt ab") \
    X(PaidThrough, "Already invoiced through", "Bereits abgerechnet bis") \
    X(WhileSuspended, "Charged while suspended", "Berechnung während der Sperre") \
    X(NothingWhileSuspended, "Nothing: a flexible plan accrues no charges while suspended.", "Nichts: Ein flexibler Tarif verursacht während der Sperre keine Kosten.") \
    X(AnnualBilledOn, "The annual commitment is billed on while suspended.", "Die Jahresverpflichtung wird während der Sperre weiter berechnet.") \
    X(SuspendConfirm, "Suspend subscription", "Abonnement sperren") \
    X(Suspending, "Suspending…", "Wird gesperrt …") \
    X(KeepActive, "Keep active", "Aktiv lassen") \
    X(ResumeTitle, "Resume {}'s subscription", "Abonnement von {} fortsetzen") \
    X(ResumeIntro, "The subscription is active again from today, with its licenses and plan.", "Das Abonnement ist ab heute wieder aktiv, mit seinen Lizenzen und seinem Tarif.") \
    X(SuspendedSince, "Suspended since", "Gesperrt seit") \
    X(DueNowResume, "Due now", "Jetzt fällig") \
    X(ResumeDays, "{} of {} days", "{} von {} Tagen") \
    X(ResumeFree, "Nothing: the period already invoiced still runs.", "Nichts: Der bereits abgerechnete Zeitraum läuft noch.") \
    X(ResumeConfirm, "Resume subscription", "Abonnement fortsetzen") \
    X(Resuming, "Resuming…", "Wird fortgesetzt …") \
    X(SuspendedNote, "Suspended since {} ({}). Licenses can be ordered and the plan changed once it is resumed.", "Gesperrt seit {} ({}). Lizenzen und Tarif lassen sich erst nach dem Fortsetzen ändern.") \
    X(ToastSuspended, "Subscription suspended.", "Abonnement gesperrt.") \
    X(ToastResumed, "Subscription resumed.", "Abonnement fortgesetzt.") \
    X(ToastResumedInvoice, "Subscription resumed. Invoice {} issued.", "Abonnement fortgesetzt. Rechnung {} ausgestellt.")
