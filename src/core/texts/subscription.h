// The license, plan and cancel dialogs. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_SUBSCRIPTION(X) \
    X(ErrLicensesChanged, "Someone else changed this subscription meanwhile: it now has {} licenses. Nothing was ordered. Check the new count and order again.", "Das Abonnement wurde inzwischen von jemand anderem geändert: Es hat jetzt {} Lizenzen. Es wurde nichts bestellt. Prüfen Sie die neue Lizenzanzahl und bestellen Sie erneut.") \
    X(ErrPlanChanged, "Someone else changed the plan meanwhile: it is now {}. Nothing was changed. Check the plan and choose again.", "Der Tarif wurde inzwischen von jemand anderem geändert: Jetzt gilt {}. Es wurde nichts geändert. Prüfen Sie den Tarif und wählen Sie erneut.") \
    X(LicensesTitle, "Licenses for {}", "Lizenzen für {}") \
    X(LicensesCurrent, "Current: {} licenses", "Aktuell: {} Lizenzen") \
    X(LicensesNew, "New number of licenses", "Neue Lizenzanzahl") \
    X(Decrease, "−", "−") \
    X(Increase, "+", "+") \
    X(AnnualRule, "On an annual contract you can add licenses at any time. Fewer licenses take effect only at renewal on {}.", "Beim Jahresvertrag können Sie jederzeit Lizenzen hinzufügen. Weniger Lizenzen sind erst zur Verlängerung am {} möglich.") \
    X(AnnualRuleBlocked, "Fewer than {} licenses are possible only at renewal on {}.", "Weniger als {1} Lizenzen sind erst zur Verlängerung am {2} möglich.") \
    X(FlexibleRule, "On a flexible contract you can add or remove licenses at any time.", "Bei flexibler Laufzeit können Sie jederzeit Lizenzen hinzufügen oder entfernen.") \
    X(TrialRule, "Ordering ends the trial: the subscription becomes paid from today.", "Eine Bestellung beendet die Testphase: Das Abonnement wird ab heute kostenpflichtig.") \
    X(LimitRule, "Between {} and {} licenses.", "Möglich sind {} bis {} Lizenzen.") \
    X(PreviewDueNow, "Due now", "Jetzt fällig") \
    X(PreviewProrated, "prorated {} – {}", "anteilig {} – {}") \
    X(PreviewRecurring, "New recurring amount", "Neuer wiederkehrender Betrag") \
    X(PreviewLoading, "Calculating price…", "Preis wird berechnet …") \
    X(PreviewUnchanged, "Choose a different number of licenses to see the price.", "Wählen Sie eine andere Lizenzanzahl, um den Preis zu sehen.") \
    X(PreviewBlocked, "No price yet: choose at least {} licenses.", "Noch kein Preis: Wählen Sie mindestens {} Lizenzen.") \
    X(CouldNotPreview, "Could not calculate the price", "Der Preis konnte nicht berechnet werden") \
    X(OrderNow, "Order now", "Jetzt bestellen") \
    X(ConfirmOrderTitle, "Confirm the order", "Bestellung bestätigen") \
    X(ConfirmOrderText, "Change the number of licenses of {} to {}? {} is invoiced now.", "Lizenzanzahl für {} auf {} erhöhen? Es werden jetzt {} in Rechnung gestellt.") \
    X(ConfirmOrderFewer, "Change the number of licenses of {} to {}?", "Lizenzanzahl für {} auf {} verringern?") \
    X(ConfirmOrder, "Confirm order", "Bestellung bestätigen") \
    X(Ordering, "Ordering…", "Wird bestellt …") \
    X(OrderFailed, "The order did not go through", "Die Bestellung wurde nicht ausgeführt") \
    X(OrderRetryNote, "Retrying is safe: the same order is never placed twice.", "Ein erneuter Versuch ist sicher: Dieselbe Bestellung wird nie doppelt ausgeführt.") \
    X(PlanTitle, "Change plan for {}", "Tarif für {} wechseln") \
    X(CurrentPlanTag, "Current plan", "Aktueller Tarif") \
    X(SelectedTag, "Selected", "Ausgewählt") \
    X(ListPrice, "List price {}", "Listenpreis {}") \
    X(PriceMore, "{} per license and month more than now", "{} pro Lizenz und Monat mehr als bisher") \
    X(PriceLess, "{} per license and month less than now", "{} pro Lizenz und Monat weniger als bisher") \
    X(BillingCycle, "Term and payment", "Laufzeit und Zahlung") \
    X(EffectiveNow, "Takes effect now; nothing is invoiced for it.", "Gilt sofort; dafür wird nichts berechnet.") \
    X(EffectiveNowProrated, "Takes effect now; the difference is invoiced prorated until {}.", "Gilt sofort; die Differenz wird anteilig bis {} berechnet.") \
    X(EffectiveNewTerm, "Takes effect now: a new term starts today, and its first billing period is invoiced today.", "Gilt sofort: Heute beginnt eine neue Laufzeit, ihr erster Abrechnungszeitraum wird heute berechnet.") \
    X(EffectiveRenewal, "Takes effect at renewal on {}; nothing is invoiced now.", "Gilt ab der Verlängerung am {}; jetzt wird nichts berechnet.") \
    X(ConfirmPlanChange, "Continue", "Weiter") \
    X(ChoosePlanNote, "Choose a plan or term to see the price.", "Wählen Sie einen Tarif oder eine Laufzeit, um den Preis zu sehen.") \
    X(ChangingPlan, "Changing…", "Wird umgestellt …") \
    X(PlanConfirmTitle, "Confirm the plan change", "Tarifwechsel bestätigen") \
    X(PlanConfirm, "Confirm plan change", "Tarifwechsel bestätigen") \
    X(PlanNew, "New plan", "Neuer Tarif") \
    X(PlanTakesEffect, "Takes effect", "Gilt ab") \
    X(PlanEffectiveToday, "today, {}", "sofort, {}") \
    X(PlanEffectiveRenewal, "renewal on {}", "Verlängerung am {}") \
    X(PlanRecurringFrom, "from {}", "ab {}") \
    X(PlanChargedToday, "{} is invoiced today.", "Heute werden {} in Rechnung gestellt.") \
    X(PlanNothingNow, "Nothing is invoiced now.", "Jetzt wird nichts berechnet.") \
    X(CancelTitle, "Cancel the subscription of {}", "Abonnement von {} kündigen") \
    X(CancelIntro, "You are cancelling on the customer's behalf. When the subscription ends, their users lose access to Shared Contacts for Gmail.", "Sie kündigen im Auftrag des Kunden. Wenn das Abonnement endet, verlieren seine Nutzer den Zugriff auf Shared Contacts for Gmail.") \
    X(CancelAtTermEnd, "At the end of the term ({})", "Zum Ende der Laufzeit ({})") \
    X(CancelAtTermEndNote, "Recommended. You can undo the cancellation until then.", "Empfohlen. Sie können die Kündigung bis dahin zurücknehmen.") \
    X(CancelNow, "Now", "Sofort") \
    X(CancelNowNote, "Ends today and cannot be undone.", "Endet heute und kann nicht rückgängig gemacht werden.") \
    X(CancelReason, "Reason (optional)", "Grund (optional)") \
    X(CancelTypeDomain, "Type {} to confirm", "Geben Sie zur Bestätigung {} ein") \
    X(KeepSubscription, "Keep subscription", "Abonnement behalten") \
    X(Cancelling, "Cancelling…", "Wird gekündigt …") \
    X(LicenseFewer, "One license fewer", "Eine Lizenz weniger") \
    X(LicenseMore, "One license more", "Eine Lizenz mehr")
