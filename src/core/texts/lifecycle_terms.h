// The customer's whole life (issue 23), the terms of a subscription: starting a trial's paid
// plan now, an annual plan's renewal settings, a flexible plan's seat cap. English, then German (Sie). Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_LIFECYCLE_TERMS(X) \
    X(StartPaid, "Start paid plan now", "Bezahlten Tarif jetzt starten") \
    X(StartPaidTitle, "Start the paid plan for {} now", "Bezahlten Tarif für {} jetzt starten") \
    X(StartPaidIntro, "The trial ends today: the paid plan starts with the plan, term and number of licenses you choose, and its first period is invoiced at once.", "Die Testphase endet heute: Der bezahlte Tarif beginnt mit dem gewählten Tarif, der Laufzeit und der Lizenzanzahl, und der erste Zeitraum wird sofort in Rechnung gestellt.") \
    X(StartPaidPeriod, "First period {} – {}", "Erster Zeitraum {} – {}") \
    X(StartPaidRecurringFrom, "{}, from {}", "{}, ab {}") \
    X(StartPaidOtherwise, "If you do nothing, the trial ends on {} and from {} the subscription continues as {}.", "Ohne Ihr Zutun endet die Testphase am {}, und ab {} läuft das Abonnement als {} weiter.") \
    X(PlanLicensesPrice, "{} with {} licenses for {}", "{} mit {} Lizenzen für {}") \
    X(StartPaidOtherwiseEnds, "If you do nothing, the trial ends on {}.", "Ohne Ihr Zutun endet die Testphase am {}.") \
    X(StartPaidConfirm, "Start paid plan", "Bezahlten Tarif starten") \
    X(StartingPaid, "Starting…", "Wird gestartet …") \
    X(KeepTrial, "Keep the trial", "Testphase beibehalten") \
    X(ToastStartedPaid, "Paid plan started.", "Bezahlter Tarif gestartet.") \
    X(ToastStartedPaidInvoice, "Paid plan started. Invoice {} issued.", "Bezahlter Tarif gestartet. Rechnung {} ausgestellt.") \
    X(RenewalSettings, "Renewal settings", "Verlängerung einstellen") \
    X(RenewalTitle, "Renewal settings for {}", "Verlängerung für {} einstellen") \
    X(RenewalIntro, "What happens when the current term ends on {}.", "Was geschieht, wenn die aktuelle Laufzeit am {} endet.") \
    X(RenewalAuto, "Renew automatically", "Automatisch verlängern") \
    X(RenewalAutoNote, "With the number of licenses the subscription has then.", "Mit der Lizenzanzahl, die das Abonnement dann hat.") \
    X(RenewalCount, "Renew with a number of licenses chosen now", "Mit jetzt gewählter Lizenzanzahl verlängern") \
    X(RenewalCountNote, "The new term starts with this number of licenses.", "Die neue Laufzeit beginnt mit dieser Lizenzanzahl.") \
    X(RenewalFlexible, "Switch to flexible at renewal", "Bei Verlängerung auf Flexibel umstellen") \
    X(RenewalFlexibleNote, "Then billed monthly and cancellable each month, at the flexible price.", "Danach monatlich abgerechnet und monatlich kündbar, zum flexiblen Preis.") \
    X(RenewalCancel, "Cancel at the end of the term", "Zum Ende der Laufzeit kündigen") \
    X(RenewalCancelNote, "The subscription ends after its last day; nothing more is billed.", "Das Abonnement endet nach seinem letzten Tag; danach wird nichts mehr berechnet.") \
    X(RenewalFrom, "From", "Ab") \
    X(RenewalEndsOn, "Ends on", "Endet am") \
    X(RenewalSave, "Save renewal setting", "Verlängerung speichern") \
    X(RenewalSaving, "Saving…", "Wird gespeichert …") \
    X(ToastRenewalSaved, "Renewal setting saved.", "Verlängerung gespeichert.") \
    X(TermsAtRenewal, "At renewal", "Bei Verlängerung") \
    X(RenewalSummaryAuto, "Renews automatically on {}", "Verlängert sich am {} automatisch") \
    X(RenewalSummaryCount, "Renews on {} with {} licenses", "Verlängert sich am {} mit {} Lizenzen") \
    X(RenewalSummaryFlexible, "Switches to flexible on {}", "Wechselt am {} auf Flexibel") \
    X(RenewalSummaryCancel, "Ends on {}", "Endet am {}") \
    X(SeatCap, "Seat cap", "Lizenzobergrenze") \
    X(SeatCapTitle, "Seat cap for {}", "Lizenzobergrenze für {}") \
    X(SeatCapIntro, "License orders cannot go above the cap. It must be at least today's {} licenses.", "Lizenzbestellungen können die Obergrenze nicht überschreiten. Sie muss mindestens bei den jetzigen {} Lizenzen liegen.") \
    X(SeatCapNone, "No cap", "Keine Obergrenze") \
    X(SeatCapNoneNote, "Orders up to the plan's limit.", "Bestellungen bis zur Grenze des Tarifs.") \
    X(SeatCapAtMost, "At most", "Höchstens") \
    X(SeatCapAtMostNote, "No order above this number of licenses.", "Keine Bestellung über diese Lizenzanzahl hinaus.") \
    X(SeatCapLicenses, "{} licenses", "{} Lizenzen") \
    X(SeatCapSave, "Save seat cap", "Obergrenze speichern") \
    X(ToastSeatCapSaved, "Seat cap saved.", "Lizenzobergrenze gespeichert.") \
    X(ToastSeatCapCleared, "Seat cap cleared.", "Lizenzobergrenze aufgehoben.") \
    X(SeatCapRule, "The seat cap allows at most {} licenses; raise or clear it first.", "Die Lizenzobergrenze erlaubt höchstens {} Lizenzen; heben Sie sie zuerst an oder auf.")
