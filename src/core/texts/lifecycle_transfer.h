// The customer's whole life (issue 23), transfers between resellers: the transfer code made on
// the customer's page (shown once), revoking it, and taking a customer over from the customer
// list. English, then German (Sie). Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_LIFECYCLE_TRANSFER(X) \
    X(TransferOut, "Transfer to another reseller…", "An anderen Reseller übertragen …") \
    X(TransferOutTitle, "Transfer {} to another reseller", "{} an einen anderen Reseller übertragen") \
    X(TransferOutIntro, "You create a one-time transfer code and give it to the reseller who takes over. When they enter it, the customer and its subscription (plan, licenses, renewal date) move to them. The invoices issued until now stay with you.", "Sie legen einen einmaligen Transfercode an und geben ihn an den übernehmenden Reseller weiter. Sobald dieser ihn eingibt, wechseln der Kunde und sein Abonnement (Tarif, Lizenzen, Verlängerungsdatum) zu ihm. Die bisher ausgestellten Rechnungen bleiben bei Ihnen.") \
    X(TransferOutValidity, "The code is valid for 14 days and is shown only once. Until it is used you can revoke it on this page.", "Der Code ist 14 Tage gültig und wird nur einmal angezeigt. Bis er verwendet wird, können Sie ihn auf dieser Seite widerrufen.") \
    X(TransferOutReplaces, "A new code replaces the one created on {}: that one stops working.", "Ein neuer Code ersetzt den am {} angelegten; dieser funktioniert dann nicht mehr.") \
    X(CreateTransferCode, "Create transfer code", "Transfercode anlegen") \
    X(CreatingTransferCode, "Creating…", "Wird angelegt …") \
    X(TransferCodeLabel, "Transfer code", "Transfercode") \
    X(TransferCodeOnce, "Copy the code now: it is shown only this once.", "Kopieren Sie den Code jetzt: Er wird nur dieses eine Mal angezeigt.") \
    X(TransferCodeValidUntil, "Valid until {}", "Gültig bis {}") \
    X(TransferCodeNext, "Give it to the other reseller. In their Reseller Console they choose “Take over customer…” above the customer list and enter it; they see what moves before they confirm.", "Geben Sie ihn an den anderen Reseller weiter. Dieser wählt in seiner Reseller-Konsole über der Kundenliste „Kunden übernehmen …“ und gibt den Code ein; vor dem Bestätigen sieht er, was übernommen wird.") \
    X(TransferCodeDone, "Done", "Fertig") \
    X(CopyCode, "Copy code", "Code kopieren") \
    X(ToastCodeCopied, "Transfer code copied to the clipboard.", "Transfercode in die Zwischenablage kopiert.") \
    X(TransferOutstanding, "A transfer code is open until {} (created by {}). The customer moves as soon as the other reseller enters it.", "Ein Transfercode ist bis {} offen (angelegt von {}). Der Kunde wechselt, sobald der andere Reseller ihn eingibt.") \
    X(TransferExpiredNote, "The transfer code created by {} expired on {} and no longer works.", "Der von {} angelegte Transfercode ist am {} abgelaufen und funktioniert nicht mehr.") \
    X(RevokeTransferCode, "Revoke transfer code", "Transfercode widerrufen") \
    X(RevokeTransferQuestion, "Revoke the transfer code? It stops working at once.", "Transfercode widerrufen? Er funktioniert dann sofort nicht mehr.") \
    X(ConfirmRevokeTransfer, "Yes, revoke", "Ja, widerrufen") \
    X(ToastTransferRevoked, "Transfer code revoked. It no longer works.", "Transfercode widerrufen. Er funktioniert nicht mehr.") \
    X(TakeOverCustomer, "Take over customer…", "Kunden übernehmen …") \
    X(TransferInTitle, "Take over a customer from another reseller", "Kunden von einem anderen Reseller übernehmen") \
    X(TransferInIntro, "Enter the transfer code the customer's current reseller gave you. You see what moves before anything changes.", "Geben Sie den Transfercode ein, den Sie vom bisherigen Reseller des Kunden erhalten haben. Sie sehen, was übernommen wird, bevor sich etwas ändert.") \
    X(TransferCodeHint, "e.g. 7K2M-9QXD-4HTP-R8WN-3ZCF", "z. B. 7K2M-9QXD-4HTP-R8WN-3ZCF") \
    X(CheckTransferCode, "Check code", "Code prüfen") \
    X(CheckingTransferCode, "Checking…", "Wird geprüft …") \
    X(TransferFrom, "From", "Von") \
    X(TransferSubscription, "Subscription", "Abonnement") \
    X(TransferAtYourPrices, "At your prices: {} {}", "Zu Ihren Preisen: {} {}") \
    X(TransferInvoicesStay, "Invoices issued so far: {}. They stay with {}; from now on you invoice this customer.", "Bisher ausgestellte Rechnungen: {}. Sie bleiben bei {}; ab jetzt stellen Sie diesem Kunden die Rechnungen aus.") \
    X(ConfirmTransferIn, "Take over customer", "Kunden übernehmen") \
    X(TakingOver, "Taking over…", "Wird übernommen …") \
    X(ToastTransferredIn, "{} is now your customer.", "{} ist jetzt Ihr Kunde.") \
    X(TransferRefusedUnknown, "There is no such transfer code. Check it with the reseller who gave it to you.", "Diesen Transfercode gibt es nicht. Prüfen Sie ihn mit dem Reseller, von dem Sie ihn haben.") \
    X(TransferRefusedUsed, "This transfer code has already been used. Ask the reseller who gave it to you for a new one.", "Dieser Transfercode wurde bereits verwendet. Bitten Sie den Reseller, von dem Sie ihn haben, um einen neuen.") \
    X(TransferRefusedRevoked, "This transfer code was revoked by the reseller who created it. Ask them for a new one.", "Dieser Transfercode wurde von dem Reseller widerrufen, der ihn angelegt hat. Bitten Sie ihn um einen neuen.") \
    X(TransferRefusedSuperseded, "This transfer code was replaced by a newer one. Ask the reseller who gave it to you for the new code.", "Dieser Transfercode wurde durch einen neueren ersetzt. Bitten Sie den Reseller, von dem Sie ihn haben, um den neuen Code.") \
    X(TransferRefusedExpired, "This transfer code has expired (a code is valid for 14 days). Ask the reseller who gave it to you for a new one.", "Dieser Transfercode ist abgelaufen (ein Code ist 14 Tage gültig). Bitten Sie den Reseller, von dem Sie ihn haben, um einen neuen.") \
    X(TransferRefusedOwn, "This customer is already yours: a transfer code is for another reseller to enter.", "Dieser Kunde gehört bereits zu Ihrem Konto: Ein Transfercode ist für einen anderen Reseller bestimmt.")
