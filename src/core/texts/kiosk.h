// Kiosk and demo deployments. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_KIOSK(X) \
    X(KioskRibbon, "Demo", "Demo") \
    X(KioskRibbonNote, "Sample data · starts over after {} without use", "Beispieldaten · beginnt nach {} ohne Nutzung neu") \
    X(KioskMinutes, "{} min", "{} Min.") \
    X(KioskSeconds, "{} s", "{} s") \
    X(KioskStillThere, "Still there?", "Sind Sie noch da?") \
    X(KioskTouchToContinue, "Touch to continue.", "Tippen Sie auf den Bildschirm, um fortzufahren.") \
    X(KioskStartsOverIn, "The demo starts over in {} seconds for the next visitor.", "Die Demo beginnt in {} Sekunden für den nächsten Besucher neu.") \
    X(KioskContinue, "Continue", "Weiter") \
    X(KioskRestoreFailed, "The demo data could not be reset: {}", "Die Demo-Daten konnten nicht zurückgesetzt werden: {}") \
    X(OpenInvitationPage, "Open invitation page", "Einladungsseite öffnen")
