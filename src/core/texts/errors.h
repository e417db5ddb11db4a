// What the console says for an error the server answered, by its code (and for a field, by the
// field's name): core/error_text.cpp maps codes and fields to these. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_ERRORS(X) \
    X(ErrRequestRefused, "The server could not read what the console sent. Reload the page and try again; if it happens again, please tell support.", "Der Server konnte die Anfrage der Konsole nicht lesen. Laden Sie die Seite neu und versuchen Sie es erneut. Tritt der Fehler wieder auf, wenden Sie sich bitte an den Support.") \
    X(ErrInvalidCredential, "Google could not confirm this sign-in. Please sign in again.", "Google konnte diese Anmeldung nicht bestätigen. Bitte melden Sie sich erneut an.") \
    X(ErrNotAllowed, "This sign-in may not do this. Nothing was changed.", "Mit dieser Anmeldung ist das nicht erlaubt. Es wurde nichts geändert.") \
    X(ErrNotDemoAccount, "This email belongs to a registered reseller. Demo sign-in opens only demo accounts: sign in with Google instead.", "Diese E-Mail-Adresse gehört zu einem registrierten Reseller. Die Demo-Anmeldung öffnet nur Demo-Konten: Melden Sie sich stattdessen mit Google an.") \
    X(ErrConflict, "This is not possible in the current state. Nothing was changed; reload to see the current state.", "Das ist im aktuellen Zustand nicht möglich. Es wurde nichts geändert; laden Sie neu, um den aktuellen Stand zu sehen.") \
    X(ErrChooseReseller, "You are a member of several partner accounts. Choose one to continue.", "Sie sind Mitglied mehrerer Partnerkonten. Wählen Sie eines aus, um fortzufahren.") \
    X(ErrSubscriptionCancelled, "The subscription has ended; nothing can be changed on it.", "Das Abonnement ist beendet; daran lässt sich nichts mehr ändern.") \
    X(ErrIdempotencyConflict, "This request was already sent with other content. Nothing was changed; reload the page and try again.", "Diese Anfrage wurde bereits mit anderem Inhalt gesendet. Es wurde nichts geändert; laden Sie die Seite neu und versuchen Sie es erneut.") \
    X(ErrNotKioskAccount, "Only the kiosk's own demo account can be reset.", "Nur das eigene Demo-Konto des Kiosks kann zurückgesetzt werden.") \
    X(ErrKioskResetConflict, "The demo data could not be restored: another account holds some of its data now.", "Die Demo-Daten konnten nicht wiederhergestellt werden: Ein anderes Konto nutzt inzwischen einen Teil davon.") \
    X(ErrInvitationGone, "This invitation link is no longer valid.", "Dieser Einladungslink ist nicht mehr gültig.") \
    X(ErrTooLarge, "That is too much to send at once (more than 1 MiB).", "Das ist zu viel auf einmal (mehr als 1 MiB).") \
    X(ErrValidation, "Some entries are missing or invalid.", "Einige Angaben fehlen oder sind ungültig.") \
    X(ErrUnavailable, "The server cannot do this right now. Nothing was changed; please try again in a moment.", "Der Server kann das gerade nicht ausführen. Es wurde nichts geändert; bitte versuchen Sie es gleich noch einmal.") \
    X(ErrStorageFull, "The server could not save this: its disk is full or failing. Nothing was changed; try again later.", "Der Server konnte das nicht speichern: Sein Speicher ist voll oder defekt. Es wurde nichts geändert; versuchen Sie es später erneut.") \
    X(ErrBusy, "The server is busy. Nothing was changed; please try again in a moment.", "Der Server ist ausgelastet. Es wurde nichts geändert; bitte versuchen Sie es gleich noch einmal.") \
    X(ErrTimeout, "The request took too long and was stopped. Check your connection and try again.", "Die Anfrage hat zu lange gedauert und wurde abgebrochen. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.") \
    X(FieldErrName, "Enter a name: at most 200 characters, visible letters, no line breaks.", "Geben Sie einen Namen ein: höchstens 200 Zeichen, sichtbare Buchstaben, keine Zeilenumbrüche.") \
    X(FieldErrOrganization, "Enter the organization: at most 200 characters, visible letters, no line breaks.", "Geben Sie die Organisation ein: höchstens 200 Zeichen, sichtbare Buchstaben, keine Zeilenumbrüche.") \
    X(FieldErrLicenses, "Choose another number of licenses: one the subscription allows, different from today's.", "Wählen Sie eine andere Lizenzanzahl: eine, die das Abonnement zulässt, und nicht die jetzige.") \
    X(FieldErrPlan, "Choose another plan or term: this one applies already.", "Wählen Sie einen anderen Tarif oder eine andere Laufzeit: Diese gilt bereits.") \
    X(FieldErrExpected, "The subscription changed meanwhile. Nothing was changed; reload to see it as it is now.", "Das Abonnement wurde inzwischen geändert. Es wurde nichts geändert; laden Sie neu, um den aktuellen Stand zu sehen.") \
    X(FieldErrReason, "The reason can be at most 500 characters on one line.", "Der Grund darf höchstens 500 Zeichen lang sein und keine Zeilenumbrüche enthalten.") \
    X(FieldErrWhen, "Choose when the subscription ends.", "Wählen Sie, wann das Abonnement endet.") \
    X(FieldErrRole, "Choose a role.", "Wählen Sie eine Rolle.") \
    X(FieldErrResellerId, "Choose one of your partner accounts.", "Wählen Sie eines Ihrer Partnerkonten.") \
    X(FieldErrSearch, "Search for at most 200 characters.", "Der Suchbegriff darf höchstens 200 Zeichen lang sein.") \
    X(ErrCurrencyLocked, "Invoices have already been issued in this account's currency, so it can no longer change.", "Für dieses Konto wurden bereits Rechnungen in seiner Währung ausgestellt; die Währung lässt sich nicht mehr ändern.") \
    X(ErrInvoiceIncomplete, "This invoice was issued without the details an e-invoice needs (such as the customer's address), so no e-invoice can be made from it.", "Diese Rechnung wurde ohne die Angaben ausgestellt, die eine E-Rechnung braucht (etwa die Anschrift des Kunden); daraus lässt sich keine E-Rechnung erzeugen.") \
    X(ErrDocumentsUnavailable, "The server cannot make PDF documents at the moment. Please tell your administrator.", "Der Server kann derzeit keine PDF-Dokumente erzeugen. Bitte wenden Sie sich an Ihren Administrator.") \
    X(FieldErrAddress, "Enter the full address: street, postal code, city and country.", "Geben Sie die vollständige Anschrift an: Straße, Postleitzahl, Ort und Land.") \
    X(FieldErrStreet, "Enter the street and number.", "Geben Sie Straße und Hausnummer an.") \
    X(FieldErrPostalCode, "Enter a postal code: 1 to 16 letters, digits, spaces or hyphens.", "Geben Sie eine Postleitzahl ein: 1 bis 16 Buchstaben, Ziffern, Leerzeichen oder Bindestriche.") \
    X(FieldErrCity, "Enter the city.", "Geben Sie den Ort an.") \
    X(FieldErrCountry, "Choose a country (a code such as DE, AT or FR).", "Wählen Sie ein Land (ein Kürzel wie DE, AT oder FR).") \
    X(FieldErrVatId, "Enter a VAT ID in its country's format, such as DE123456789.", "Geben Sie eine USt-IdNr. im Format ihres Landes ein, z. B. DE123456789.") \
    X(FieldErrTaxNumber, "Enter a tax number such as 12/345/67890.", "Geben Sie eine Steuernummer ein, z. B. 12/345/67890.") \
    X(FieldErrIban, "Enter an IBAN with correct check digits, such as DE89 3704 0044 0532 0130 00.", "Geben Sie eine IBAN mit korrekter Prüfziffer ein, z. B. DE89 3704 0044 0532 0130 00.") \
    X(FieldErrBic, "Enter a BIC (SWIFT code) of 8 or 11 letters and digits.", "Geben Sie eine BIC (SWIFT-Code) aus 8 oder 11 Buchstaben und Ziffern ein.") \
    X(FieldErrPhone, "Enter a phone number with at least three digits.", "Geben Sie eine Telefonnummer mit mindestens drei Ziffern ein.") \
    X(FieldErrCurrency, "Choose a currency.", "Wählen Sie eine Währung.") \
    X(FieldErrInvoicePrefix, "The invoice number's prefix: at most 24 letters, digits and / . _ -, and {YYYY} for the year.", "Präfix der Rechnungsnummer: höchstens 24 Buchstaben, Ziffern und / . _ -, dazu {YYYY} für das Jahr.") \
    X(FieldErrPaymentTerms, "Enter the payment term in days, from 0 to 365.", "Geben Sie das Zahlungsziel in Tagen ein, von 0 bis 365.") \
    X(FieldErrTaxRate, "Enter a tax rate from 0 to 100 %.", "Geben Sie einen Steuersatz von 0 bis 100 % ein.") \
    X(FieldErrLanguage, "Choose German or English.", "Wählen Sie Deutsch oder Englisch.") \
    X(FieldErrReference, "The buyer reference can be at most 100 characters.", "Die Käuferreferenz darf höchstens 100 Zeichen lang sein.") \
    X(FieldErrBilling, "Check the billing details.", "Prüfen Sie die Rechnungsangaben.") \
    X(FieldErrDateRange, "Enter a day; “To” cannot be before “From”.", "Geben Sie einen Tag ein; „Bis“ darf nicht vor „Von“ liegen.") \
    X(ErrCredentialRequired, "Sign in with Google to answer this invitation.", "Melden Sie sich mit Google an, um diese Einladung zu beantworten.") \
    X(ErrWrongDomain, "This Google account does not belong to the invited domain. Nothing was changed.", "Dieses Google-Konto gehört nicht zur eingeladenen Domain. Es wurde nichts geändert.") \
    X(ErrDemoAnswerRefused, "Only a demo account's invitation can be answered without Google sign-in.", "Nur die Einladung eines Demo-Kontos lässt sich ohne Google-Anmeldung beantworten.") \
    X(ErrTransferTokenGone, "This transfer code is no longer valid: it was used, withdrawn, replaced or has expired.", "Dieser Transfercode ist nicht mehr gültig: Er wurde verwendet, widerrufen, ersetzt oder ist abgelaufen.") \
    X(ErrGoogleUnavailable, "This server cannot check Google sign-ins right now. Please tell your administrator.", "Dieser Server kann Google-Anmeldungen derzeit nicht prüfen. Bitte wenden Sie sich an Ihren Administrator.") \
    X(FieldErrTransferToken, "Enter the transfer code as you received it: 20 letters and digits.", "Geben Sie den Transfercode so ein, wie Sie ihn erhalten haben: 20 Buchstaben und Ziffern.") \
    X(FieldErrSeatCap, "Enter a maximum no lower than today's number of licenses, or none.", "Geben Sie eine Obergrenze ein, die nicht unter der jetzigen Lizenzanzahl liegt, oder keine.") \
    X(FieldErrRenewal, "Choose what happens at renewal.", "Wählen Sie, was bei der Verlängerung geschieht.")
