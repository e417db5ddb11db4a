// The New customer dialog and the rules its fields are checked by. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_NEW_CUSTOMER(X) \
    X(NewCustomerTitle, "Invite a new customer", "Neuen Kunden einladen") \
    X(NewCustomerIntro, "We email the customer an invitation link. Once they accept, their 30-day trial of Professional with 5 licenses starts.", "Wir senden dem Kunden einen Einladungslink per E-Mail. Sobald er die Einladung annimmt, beginnt eine 30-tägige Testphase mit Professional und 5 Lizenzen.") \
    X(FieldName, "Contact name", "Ansprechpartner") \
    X(FieldEmail, "Email", "E-Mail-Adresse") \
    X(FieldDomain, "Google Workspace domain", "Google-Workspace-Domain") \
    X(FieldOrganization, "Organization", "Organisation") \
    X(HintName, "Jane Doe", "Erika Mustermann") \
    X(HintEmail, "jane@example.com", "erika@beispiel.de") \
    X(HintDomain, "example.com", "beispiel.de") \
    X(HintOrganization, "Example Ltd.", "Beispiel GmbH") \
    X(DomainHelp, "The domain the customer uses Google Workspace with. It can be corrected only while the invitation is open.", "Die Domain, mit der der Kunde Google Workspace nutzt. Sie lässt sich nur korrigieren, solange die Einladung offen ist.") \
    X(SendInvitation, "Send invitation", "Einladung senden") \
    X(Sending, "Sending…", "Wird gesendet …") \
    X(ErrRequired, "This field is required.", "Dieses Feld ist erforderlich.") \
    X(ErrTooLong, "At most 200 characters.", "Höchstens 200 Zeichen.") \
    X(ErrControlChars, "Must not contain control characters.", "Darf keine Steuerzeichen enthalten.") \
    X(ErrBidiChars, "Must not contain text-direction override characters.", "Darf keine Zeichen enthalten, die die Schreibrichtung umkehren.") \
    X(ErrInvisibleOnly, "Must contain visible letters, not only invisible characters.", "Muss sichtbare Buchstaben enthalten, nicht nur unsichtbare Zeichen.") \
    X(ErrInvalidEmail, "Enter an email address such as name@example.com.", "Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.") \
    X(ErrInvalidDomain, "Enter a bare domain such as example.com (no https://, path, spaces or @).", "Geben Sie eine reine Domain wie beispiel.de ein (ohne https://, Pfad, Leerzeichen oder @).") \
    X(ErrDomainTaken, "This Google domain already belongs to a customer.", "Diese Google-Domain gehört bereits zu einem Kunden.")
