// The license, plan and cancel dialogs. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_SUBSCRIPTION(X) \
    X(ErrLicensesChanged, "Someone else changed this subscription meanwhile: it now has {} licenses. Nothing was ordered. Check the new count and order again.", "Jemand anderes hat das Abonnement inzwischen geändert: Es hat jetzt {} Lizenzen. Es wurde nichts bestellt. Prüfen Sie die neue Anzahl und bestellen Sie erneut.") \
    X(ErrPlanChanged, "Someone else changed the plan meanwhile: it is now {}. Nothing was changed. Check the plan and choose again.", "Jemand anderes hat den Tarif inzwischen geändert: Er ist jetzt {}. Es wurde nichts geändert. Prüfen Sie den Tarif und wählen Sie erneut.") \
    X(LicensesTitle, "Licenses for {}", "Lizenzen für {}") \
    X(LicensesCurrent, "Current: {} licenses", "Aktuell: {} Lizenzen") \
    X(LicensesNew, "New number of licenses", "Neue Anzahl Lizenzen") \
    X(Decrease, "−", "−") \
    X(Increase, "+", "+") \
    X(AnnualRule, "Annual plans can add licenses at any time. Fewer licenses take effect only at renewal on {}.", "Bei Jahrestarifen können Sie jederzeit Lizenzen hinzufügen. Weniger Lizenzen sind erst zur Verlängerung am {} möglich.") \
    X(AnnualRuleBlocked, "This annual plan cannot go below {} licenses before renewal on {}.", "Dieser Jahrestarif kann vor der Verlängerung am {2} nicht unter {1} Lizenzen sinken.") \
    X(FlexibleRule, "Flexible plans can add or remove licenses at any time.", "Bei flexiblen Tarifen können Sie jederzeit Lizenzen hinzufügen oder entfernen.") \
    X(TrialRule, "Ordering ends the trial: the subscription becomes paid from today.", "Eine Bestellung beendet die Testphase: Das Abonnement wird ab heute kostenpflichtig.") \
    X(LimitRule, "Between {} and {} licenses.", "Zwischen {} und {} Lizenzen.") \
    X(PreviewDueNow, "Due now", "Jetzt fällig") \
    X(PreviewProrated, "prorated {} – {}", "anteilig {} – {}") \
    X(PreviewRecurring, "New recurring amount", "Neuer wiederkehrender Betrag") \
    X(PreviewLoading, "Calculating price…", "Preis wird berechnet …") \
    X(PreviewUnchanged, "Choose a different number of licenses to see the price.", "Wählen Sie eine andere Anzahl Lizenzen, um den Preis zu sehen.") \
    X(PreviewBlocked, "No price yet: choose at least {} licenses.", "Noch kein Preis: Wählen Sie mindestens {} Lizenzen.") \
    X(CouldNotPreview, "Could not calculate the price", "Der Preis konnte nicht berechnet werden") \
    X(OrderNow, "Order now", "Jetzt bestellen") \
    X(ConfirmOrderTitle, "Confirm the order", "Bestellung bestätigen") \
    X(ConfirmOrderText, "Set {} to {} licenses? {} is invoiced now.", "{} auf {} Lizenzen setzen? {} werden jetzt in Rechnung gestellt.") \
    X(ConfirmOrder, "Confirm order", "Bestellung bestätigen") \
    X(Ordering, "Ordering…", "Wird bestellt …") \
    X(OrderFailed, "The order did not go through", "Die Bestellung wurde nicht ausgeführt") \
    X(OrderRetryNote, "Retrying is safe: the same order is never placed twice.", "Ein erneuter Versuch ist sicher: Dieselbe Bestellung wird nie doppelt ausgeführt.") \
    X(PlanTitle, "Change plan for {}", "Tarif wechseln für {}") \
    X(CurrentPlanTag, "Current plan", "Aktueller Tarif") \
    X(SelectedTag, "Selected", "Ausgewählt") \
    X(ListPrice, "List price {}", "Listenpreis {}") \
    X(PriceDifference, "{} per license / month vs. today", "{} pro Lizenz / Monat ggü. heute") \
    X(BillingCycle, "Billing cycle", "Abrechnung") \
    X(EffectiveNow, "Takes effect now; the difference for the rest of the term is invoiced today.", "Gilt sofort; die Differenz für die restliche Laufzeit wird heute berechnet.") \
    X(EffectiveRenewal, "Takes effect at renewal on {}; nothing is invoiced now.", "Gilt ab der Verlängerung am {}; jetzt wird nichts berechnet.") \
    X(ConfirmPlanChange, "Change plan", "Tarif wechseln") \
    X(ChoosePlanNote, "Choose a plan or billing cycle to see the price.", "Wählen Sie einen Tarif oder eine Abrechnung, um den Preis zu sehen.") \
    X(ChangingPlan, "Changing…", "Wird geändert …") \
    X(CancelTitle, "Cancel the subscription of {}", "Abonnement von {} kündigen") \
    X(CancelIntro, "You are cancelling on the customer's behalf. Their users lose Shared Contacts for Gmail when the subscription ends.", "Sie kündigen im Auftrag des Kunden. Seine Nutzer verlieren Shared Contacts for Gmail, wenn das Abonnement endet.") \
    X(CancelAtTermEnd, "At the end of the term ({})", "Zum Ende der Laufzeit ({})") \
    X(CancelAtTermEndNote, "Recommended. Can be undone until then.", "Empfohlen. Bis dahin rückgängig zu machen.") \
    X(CancelNow, "Now", "Sofort") \
    X(CancelNowNote, "Ends today and cannot be undone.", "Endet heute und kann nicht rückgängig gemacht werden.") \
    X(CancelReason, "Reason (optional)", "Grund (optional)") \
    X(CancelTypeDomain, "Type {} to confirm", "Geben Sie zur Bestätigung {} ein") \
    X(KeepSubscription, "Keep subscription", "Abonnement behalten") \
    X(Cancelling, "Cancelling…", "Wird gekündigt …") \
    X(LicenseFewer, "One license fewer", "Eine Lizenz weniger") \
    X(LicenseMore, "One license more", "Eine Lizenz mehr")
