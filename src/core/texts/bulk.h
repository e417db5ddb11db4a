// Bulk work (issue 19): importing customers from a spreadsheet, acting on many customers at
// once, exporting the list, saved views. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_BULK(X) \
    X(ImportOpen, "Import", "Importieren") \
    X(ImportTitle, "Import customers", "Kunden importieren") \
    X(ImportChooseBody, "Choose a CSV file as Excel or another spreadsheet saves it: a header row, then one customer per row with contact name, email address, Google domain and organization. Each row becomes an invitation, checked like New customer; you see every row before anything is sent.", "Wählen Sie eine CSV-Datei, wie Excel oder eine andere Tabellenkalkulation sie speichert: eine Kopfzeile, dann ein Kunde pro Zeile mit Ansprechpartner, E-Mail-Adresse, Google-Domain und Organisation. Jede Zeile wird zu einer Einladung, geprüft wie bei „Neuer Kunde“; Sie sehen jede Zeile, bevor etwas gesendet wird.") \
    X(ImportDropHere, "Drop a CSV file here", "CSV-Datei hier ablegen") \
    X(ImportChooseFile, "Choose file…", "Datei auswählen …") \
    X(ImportChooseOther, "Choose another file…", "Andere Datei auswählen …") \
    X(ImportProblemEmpty, "This file is empty.", "Diese Datei ist leer.") \
    X(ImportProblemBinary, "This is not a text file. Save the spreadsheet as CSV and choose that file.", "Das ist keine Textdatei. Speichern Sie die Tabelle als CSV und wählen Sie diese Datei.") \
    X(ImportProblemWorkbook, "This is an Excel workbook. In Excel, choose Save As, then CSV, and choose that file.", "Das ist eine Excel-Arbeitsmappe. Wählen Sie in Excel „Speichern unter“ und dann „CSV“, und wählen Sie diese Datei.") \
    X(ImportProblemTooLarge, "This file is larger than 20 MB. Split it into smaller files.", "Diese Datei ist größer als 20 MB. Teilen Sie sie in kleinere Dateien auf.") \
    X(ImportProblemTooManyColumns, "Line {} has more than 100 columns. Is this the right file?", "Zeile {} hat mehr als 100 Spalten. Ist das die richtige Datei?") \
    X(ImportProblemLineTooLong, "Line {} is longer than 10,000 characters. Is this the right file?", "Zeile {} ist länger als 10.000 Zeichen. Ist das die richtige Datei?") \
    X(ImportProblemTooManyRows, "This file has more than 100,000 rows. Split it into smaller files.", "Diese Datei hat mehr als 100.000 Zeilen. Teilen Sie sie in kleinere Dateien auf.") \
    X(ImportProblemUnclosedQuote, "A quoted field that starts on line {} never ends. Check the file's quotation marks.", "Ein Feld in Anführungszeichen, das in Zeile {} beginnt, endet nie. Prüfen Sie die Anführungszeichen der Datei.") \
    X(ImportProblemNoRows, "This file has a header row but no customers under it.", "Diese Datei hat eine Kopfzeile, aber keine Kunden darunter.") \
    X(ImportNothingChanged, "Nothing was imported.", "Es wurde nichts importiert.") \
    X(ImportColumnsLabel, "Columns of the file", "Spalten der Datei") \
    X(ImportNoColumn, "(none)", "(keine)") \
    X(ImportColumnN, "Column {}", "Spalte {}") \
    X(ImportDomainFromEmail, "(from the email address)", "(aus der E-Mail-Adresse)") \
    X(ImportMapMissing, "Choose a column for contact name, email address and organization.", "Wählen Sie eine Spalte für Ansprechpartner, E-Mail-Adresse und Organisation.") \
    X(ImportSummary, "{} rows: {} to invite, {} not", "{} Zeilen: {} werden eingeladen, {} nicht") \
    X(ImportChecking, "Checking the rows against your customers…", "Zeilen werden mit Ihren Kunden abgeglichen …") \
    X(ImportColRow, "Row", "Zeile") \
    X(ImportColOutcome, "What happens", "Ergebnis") \
    X(ImportOutcomeInvite, "Invite", "Einladen") \
    X(ImportOutcomeError, "Error: {}: {}", "Fehler: {}: {}") \
    X(ImportOutcomeDuplicate, "Duplicate of row {}", "Duplikat von Zeile {}") \
    X(ImportOutcomeCustomer, "Already a customer", "Bereits Kunde") \
    X(ImportOutcomeImported, "Imported before", "Bereits importiert") \
    X(ImportOutcomeDomainTaken, "Google domain already belongs to another customer", "Google-Domain gehört bereits einem anderen Kunden") \
    X(ImportInviteN, "Invite {} customers", "{} Kunden einladen") \
    X(ImportInviteOne, "Invite 1 customer", "1 Kunden einladen") \
    X(ImportProgress, "{} of {} rows done", "{} von {} Zeilen erledigt") \
    X(ImportUploading, "Sending rows: {} of {}", "Zeilen werden gesendet: {} von {}") \
    X(ImportCounts, "Invited: {} · Failed: {} · Skipped: {}", "Eingeladen: {} · Fehlgeschlagen: {} · Übersprungen: {}") \
    X(ImportWaitingNetwork, "The connection is gone. The import goes on by itself when it is back.", "Die Verbindung ist unterbrochen. Der Import geht von selbst weiter, sobald sie wieder da ist.") \
    X(ImportKeepsGoing, "You can close this page: the import goes on where it stopped when you open the console again.", "Sie können diese Seite schließen: Der Import geht dort weiter, wo er stand, wenn Sie die Konsole wieder öffnen.") \
    X(ImportCancel, "Stop import", "Import anhalten") \
    X(ImportCancelling, "Stopping…", "Wird angehalten …") \
    X(ImportFinishedDone, "Import finished", "Import abgeschlossen") \
    X(ImportFinishedStopped, "Import stopped", "Import angehalten") \
    X(ImportReport, "Download report (CSV)", "Bericht herunterladen (CSV)") \
    X(ExportWhatYouSee, "Exports the {} customers you see, with this search, filter and sort.", "Exportiert die {} Kunden, die Sie sehen, mit dieser Suche, diesem Filter und dieser Sortierung.") \
    X(ExportCommaCsv, "CSV (comma, UTF-8)", "CSV (Komma, UTF-8)") \
    X(ExportExcelDe, "Excel, German (semicolon)", "Excel, deutsch (Semikolon)") \
    X(ToastImportDone, "Import finished: {} of {} rows done. The report lists every row.", "Import abgeschlossen: {} von {} Zeilen erledigt. Der Bericht führt jede Zeile auf.") \
    X(ToastImportStopped, "Import stopped: {} of {} rows done. The report lists every row.", "Import angehalten: {} von {} Zeilen erledigt. Der Bericht führt jede Zeile auf.") \
    X(ErrSelectionChanged, "The customers this selection covers have changed since the preview. Nothing was started; look at the preview again.", "Die ausgewählten Kunden haben sich seit der Vorschau geändert. Es wurde nichts gestartet; sehen Sie sich die Vorschau erneut an.") \
    X(ErrRowConflict, "A row of this import was already sent with other content. The import stopped; choose the file again to start a new import.", "Eine Zeile dieses Imports wurde bereits mit anderem Inhalt gesendet. Der Import wurde angehalten; wählen Sie die Datei erneut, um einen neuen Import zu starten.") \
    X(ErrJobFinished, "This job has already ended and takes nothing more. The report shows what it did.", "Dieser Auftrag ist bereits beendet und nimmt nichts mehr an. Der Bericht zeigt, was er erledigt hat.") \
    X(ErrViewExists, "You already have a saved view with this name. Choose another name.", "Sie haben bereits eine gespeicherte Ansicht mit diesem Namen. Wählen Sie einen anderen Namen.") \
    X(ErrNotYourView, "Only the team member who saved this view, or an Admin, can change or delete it.", "Nur das Teammitglied, das diese Ansicht gespeichert hat, oder ein Admin kann sie ändern oder löschen.") \
    X(ColSelect, "Select", "Auswahl") \
    X(SelectRow, "Select {}", "{} auswählen") \
    X(SelectPage, "Select all on this page", "Alle auf dieser Seite auswählen") \
    X(SelectedCount, "{} selected", "{} ausgewählt") \
    X(SelectAllMatching, "Select all {} matching", "Alle {} Treffer auswählen") \
    X(AllMatchingSelected, "All {} matching customers are selected", "Alle {} passenden Kunden sind ausgewählt") \
    X(ClearSelection, "Clear selection", "Auswahl aufheben") \
    X(SelectMode, "Select", "Auswählen") \
    X(SelectModeDone, "Done", "Fertig") \
    X(SelectModeHint, "Tap customers to select them.", "Tippen Sie auf Kunden, um sie auszuwählen.") \
    X(BulkAddLicenses, "Add licenses", "Lizenzen hinzufügen") \
    X(BulkSetLicenses, "Set licenses", "Lizenzanzahl festlegen") \
    X(BulkResend, "Resend invitations", "Einladungen erneut senden") \
    X(BulkRevoke, "Revoke invitations", "Einladungen widerrufen") \
    X(BulkActions, "Actions", "Aktionen") \
    X(BulkRowResend, "Invitation is sent again", "Einladung wird erneut gesendet") \
    X(BulkRowRevoke, "Invitation is revoked", "Einladung wird widerrufen") \
    X(BulkTitleAdd, "Add licenses to {} customers", "Lizenzen für {} Kunden hinzufügen") \
    X(BulkTitleSet, "Set licenses for {} customers", "Lizenzanzahl für {} Kunden festlegen") \
    X(BulkTitleResend, "Resend invitations to {} customers", "Einladungen an {} Kunden erneut senden") \
    X(BulkTitleRevoke, "Revoke invitations of {} customers", "Einladungen von {} Kunden widerrufen") \
    X(BulkLicensesAdd, "Licenses to add to each subscription", "Zusätzliche Lizenzen je Abonnement") \
    X(BulkLicensesSet, "New number of licenses of each subscription", "Neue Lizenzanzahl je Abonnement") \
    X(BulkLicensesInvalid, "Enter a whole number from {} to {}.", "Geben Sie eine ganze Zahl von {} bis {} ein.") \
    X(BulkShowPreview, "Show preview", "Vorschau anzeigen") \
    X(BulkPreviewLoading, "Checking each selected customer…", "Jeder ausgewählte Kunde wird geprüft …") \
    X(BulkCouldNotPreview, "Could not check the selected customers", "Die ausgewählten Kunden konnten nicht geprüft werden") \
    X(BulkApplies, "Applies to {} of {} customers", "Möglich für {} von {} Kunden") \
    X(BulkNotApplicableHead, "Not possible for {} customers:", "Nicht möglich für {} Kunden:") \
    X(BulkDueNowTotal, "Due now, all customers (prorated)", "Jetzt fällig, alle Kunden (anteilig)") \
    X(BulkMonthlyChange, "Change of the monthly value", "Änderung des Monatswerts") \
    X(BulkLicensesFromTo, "{} to {} licenses", "{} auf {} Lizenzen") \
    X(BulkMonthlyFromTo, "{} to {} a month", "{} auf {} im Monat") \
    X(BulkMoreNotShown, "{} more are not listed here; the report after the job lists every customer.", "{} weitere sind hier nicht aufgeführt; der Bericht nach dem Auftrag führt jeden Kunden auf.") \
    X(BulkNothingApplies, "The action is possible for none of the selected customers.", "Die Aktion ist für keinen der ausgewählten Kunden möglich.") \
    X(BulkConfirmAdd, "Add licenses for {} customers", "Lizenzen für {} Kunden hinzufügen") \
    X(BulkConfirmSet, "Set licenses for {} customers", "Lizenzanzahl für {} Kunden festlegen") \
    X(BulkConfirmResend, "Resend {} invitations", "{} Einladungen erneut senden") \
    X(BulkConfirmRevoke, "Revoke {} invitations", "{} Einladungen widerrufen") \
    X(BulkStarting, "Starting…", "Wird gestartet …") \
    X(BulkProgress, "{} of {} customers done", "{} von {} Kunden erledigt") \
    X(BulkCounts, "Done: {} · Failed: {} · Skipped: {}", "Erledigt: {} · Fehlgeschlagen: {} · Übersprungen: {}") \
    X(BulkFinishedDone, "Finished", "Abgeschlossen") \
    X(BulkFinishedStopped, "Stopped", "Angehalten") \
    X(BulkStop, "Stop", "Anhalten") \
    X(BulkStopping, "Stopping…", "Wird angehalten …") \
    X(BulkWaitingNetwork, "The connection is gone. The job goes on on the server; its progress shows again when the connection is back.", "Die Verbindung ist unterbrochen. Der Auftrag läuft auf dem Server weiter; sein Fortschritt erscheint wieder, sobald die Verbindung zurück ist.") \
    X(BulkKeepsGoing, "The job runs on the server: you can close this page and come back to its progress.", "Der Auftrag läuft auf dem Server: Sie können diese Seite schließen und später zu seinem Fortschritt zurückkehren.") \
    X(BulkWhyNotFound, "No longer a customer", "Kein Kunde mehr") \
    X(BulkWhyNotInvited, "No open invitation", "Keine offene Einladung") \
    X(BulkWhyAccepted, "Invitation already accepted", "Einladung bereits angenommen") \
    X(BulkWhyDomainTaken, "Google domain now belongs to another customer", "Google-Domain gehört inzwischen einem anderen Kunden") \
    X(BulkWhyNoSubscription, "No subscription yet (invitation not accepted)", "Noch kein Abonnement (Einladung nicht angenommen)") \
    X(BulkWhyCancelled, "Subscription cancelled", "Abonnement gekündigt") \
    X(BulkWhyTrial, "In trial: a trial becomes paid on the customer's page", "In der Testphase: Sie wird auf der Kundenseite kostenpflichtig") \
    X(BulkWhyTooMany, "More licenses than a subscription can have", "Mehr Lizenzen, als ein Abonnement haben kann") \
    X(BulkWhyNoChange, "Already has this number of licenses", "Hat bereits diese Lizenzanzahl") \
    X(BulkWhyNotAllowed, "Not possible on this plan now", "Bei diesem Tarif derzeit nicht möglich") \
    X(ViewsMenu, "Views", "Ansichten") \
    X(ListMore, "More", "Mehr") \
    X(ViewSaveCurrent, "Save current view…", "Aktuelle Ansicht speichern …") \
    X(ViewsNone, "No saved views yet.", "Noch keine gespeicherten Ansichten.") \
    X(ViewRename, "Rename", "Umbenennen") \
    X(ViewDelete, "Delete", "Löschen") \
    X(ViewRenameNamed, "Rename {}", "{} umbenennen") \
    X(ViewDeleteNamed, "Delete {}", "{} löschen") \
    X(ViewShared, "shared", "geteilt") \
    X(ViewBy, "shared by {}", "geteilt von {}") \
    X(ViewSaveTitle, "Save view", "Ansicht speichern") \
    X(ViewEditTitle, "Rename or share view", "Ansicht umbenennen oder teilen") \
    X(ViewName, "Name of the view", "Name der Ansicht") \
    X(ViewShareWithTeam, "Share with the team", "Mit dem Team teilen") \
    X(ViewShareHelp, "A shared view is in every team member's menu; only you or an Admin can change or delete it. The view keeps the search, status filter, sort and shown columns.", "Eine geteilte Ansicht steht im Menü jedes Mitglieds; nur Sie oder ein Admin können sie ändern oder löschen. Die Ansicht behält Suche, Statusfilter, Sortierung und angezeigte Spalten.") \
    X(ViewSave, "Save", "Speichern") \
    X(ToastViewSaved, "View “{}” saved.", "Ansicht „{}“ gespeichert.") \
    X(ToastBulkDone, "Bulk action finished: {} of {} customers done. The report lists every customer.", "Sammelaktion abgeschlossen: {} von {} Kunden erledigt. Der Bericht führt jeden Kunden auf.") \
    X(ToastBulkStopped, "Bulk action stopped: {} of {} customers done. The report lists every customer.", "Sammelaktion angehalten: {} von {} Kunden erledigt. Der Bericht führt jeden Kunden auf.") \
    X(FieldErrBulkSelection, "This selection covers no customers, or more than 100,000: narrow the search or the filter.", "Diese Auswahl umfasst keine Kunden oder mehr als 100.000: Grenzen Sie die Suche oder den Filter ein.")
