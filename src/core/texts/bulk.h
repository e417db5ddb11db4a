// Bulk work (issue 19): importing customers from a spreadsheet, acting on many customers at
// once, exporting the list, saved views. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_BULK(X) \
    X(ToastImportDone, "Import finished: {} of {} rows done. The report lists every row.", "Import abgeschlossen: {} von {} Zeilen erledigt. Der Bericht führt jede Zeile auf.") \
    X(ToastImportStopped, "Import stopped: {} of {} rows done. The report lists every row.", "Import angehalten: {} von {} Zeilen erledigt. Der Bericht führt jede Zeile auf.") \
    X(ErrSelectionChanged, "The customers this selection covers have changed since the preview. Nothing was started; look at the preview again.", "Die ausgewählten Kunden haben sich seit der Vorschau geändert. Es wurde nichts gestartet; sehen Sie sich die Vorschau erneut an.") \
    X(ErrRowConflict, "A row of this import was already sent with other content. The import stopped; choose the file again to start a new import.", "Eine Zeile dieses Imports wurde bereits mit anderem Inhalt gesendet. Der Import wurde angehalten; wählen Sie die Datei erneut, um einen neuen Import zu starten.") \
    X(ErrJobFinished, "This job has already ended and takes nothing more. The report shows what it did.", "Dieser Auftrag ist bereits beendet und nimmt nichts mehr an. Der Bericht zeigt, was er erledigt hat.") \
    X(ErrViewExists, "You already have a saved view with this name. Choose another name.", "Sie haben bereits eine gespeicherte Ansicht mit diesem Namen. Wählen Sie einen anderen Namen.") \
    X(ErrNotYourView, "Only the team member who saved this view, or an Admin, can change or delete it.", "Nur das Teammitglied, das diese Ansicht gespeichert hat, oder ein Admin kann sie ändern oder löschen.") \
    X(FieldErrBulkSelection, "This selection covers no customers, or more than 100,000: narrow the search or the filter.", "Diese Auswahl umfasst keine Kunden oder mehr als 100.000: Grenzen Sie die Suche oder den Filter ein.")
