// Bulk work (issue 19): importing customers from a spreadsheet, acting on many customers at
// once, exporting the list, saved views. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_BULK(X) \
    X(ToastImportDone, "Import finished: {} of {} rows done. The report lists every row.", "Import abgeschlossen: {} von {} Zeilen erledigt. Der Bericht führt jede Zeile auf.") \
    X(ToastImportStopped, "Import stopped: {} of {} rows done. The report lists every row.", "Import angehalten: {} von {} Zeilen erledigt. Der Bericht führt jede Zeile auf.")
