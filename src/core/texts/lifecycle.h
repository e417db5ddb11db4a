// The customer's whole life (issue 23): statuses the list, the badge, the filter and the
// dashboard share (core/status_presentation.*), trials' days left. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_LIFECYCLE(X) \
    X(StatusSuspended, "Suspended", "Gesperrt") \
    X(StatusDeclined, "Declined", "Abgelehnt") \
    X(SubSuspended, "Suspended", "Gesperrt") \
    X(TrialDaysLeft, "Trial · {} days left", "Testphase · noch {} Tage") \
    X(TrialEndsToday, "Trial · ends today", "Testphase · endet heute") \
    X(DashboardSuspended, "Suspended", "Gesperrt") \
    X(DashboardTrials, "In trial", "In der Testphase")
