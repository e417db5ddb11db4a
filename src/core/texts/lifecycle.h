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
    X(InviteAgainNote, "A new link goes to the contact email; the history stays.", "Ein neuer Einladungslink geht an die E-Mail-Adresse des Ansprechpartners; der Verlauf bleibt erhalten.")
