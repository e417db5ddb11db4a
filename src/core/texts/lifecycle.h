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
    X(ErrCustomerChanged, "Someone else changed this customer's details meanwhile. Nothing was saved. The form now shows their changes; check them and save again.", "Die Kundendaten wurden inzwischen von jemand anderem geändert. Es wurde nichts gespeichert. Das Formular zeigt jetzt deren Änderungen; prüfen Sie sie und speichern Sie erneut.")
