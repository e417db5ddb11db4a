// Toasts: what just happened. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_MESSAGES(X) \
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
    X(ToastDownloadFailed, "Download failed: {}", "Download fehlgeschlagen: {}")
