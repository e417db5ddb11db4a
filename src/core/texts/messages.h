// Toasts: what just happened. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_MESSAGES(X) \
    X(ToastInvitationSent, "Invitation sent to {}.", "Einladung an {} gesendet.") \
    X(ToastInvitationResent, "New invitation link sent to {}.", "Neuer Einladungslink an {} gesendet.") \
    X(ToastInvitationRevoked, "Invitation revoked. The link no longer works.", "Einladung widerrufen. Der Einladungslink ist nicht mehr gültig.") \
    X(ToastLinkCopied, "Invitation link copied to the clipboard.", "Einladungslink in die Zwischenablage kopiert.") \
    X(ToastLicensesOrdered, "Licenses set to {}.", "Lizenzanzahl auf {} geändert.") \
    X(ToastLicensesOrderedInvoice, "Licenses set to {}. Invoice {} issued.", "Lizenzanzahl auf {} geändert. Rechnung {} ausgestellt.") \
    X(ToastLicensesRaised, "Licenses set to {}.", "Lizenzanzahl auf {} erhöht.") \
    X(ToastLicensesRaisedInvoice, "Licenses set to {}. Invoice {} issued.", "Lizenzanzahl auf {} erhöht. Rechnung {} ausgestellt.") \
    X(ToastLicensesLowered, "Licenses set to {}.", "Lizenzanzahl auf {} verringert.") \
    X(ToastPlanChanged, "Plan changed to {}.", "Tarif auf {} umgestellt.") \
    X(ToastPlanScheduled, "Plan changes to {} on {}.", "Tarif wird am {2} auf {1} umgestellt.") \
    X(ToastCancelledNow, "Subscription cancelled.", "Abonnement gekündigt.") \
    X(ToastCancelScheduled, "Cancelled as of {}. You can undo this until then.", "Gekündigt zum {}. Bis dahin können Sie die Kündigung zurücknehmen.") \
    X(ToastReactivated, "Cancellation undone. The subscription continues.", "Kündigung zurückgenommen. Das Abonnement läuft weiter.") \
    X(ToastDownloaded, "{} downloaded.", "{} heruntergeladen.") \
    X(ToastDownloadFailed, "Download failed: {}", "Download fehlgeschlagen: {}")
