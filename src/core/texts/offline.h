// Offline use: saved answers and writes waiting to be sent. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_OFFLINE(X) \
    X(OfflineDataFrom, "Offline — showing data from {}", "Offline – Stand der Daten: {}") \
    X(OfflineNoData, "Offline — the console cannot reach the server", "Offline – die Konsole erreicht den Server nicht") \
    X(OfflineWaitingOne, "1 change waiting to send", "1 Änderung wartet auf Versand") \
    X(OfflineWaitingMany, "{} changes waiting to send", "{} Änderungen warten auf Versand") \
    X(UpdateReady, "A new version is ready", "Eine neue Version ist verfügbar") \
    X(Reload, "Reload", "Neu laden") \
    X(StorageUnavailable, "Offline use is unavailable: this browser does not let the console keep data (a private window, or storage turned off).", "Offline-Nutzung ist nicht verfügbar: Dieser Browser lässt die Konsole keine Daten speichern (privates Fenster oder Speicher deaktiviert).") \
    X(StorageFull, "Offline use is unavailable: the browser's storage for this site is full.", "Offline-Nutzung ist nicht verfügbar: Der Browserspeicher für diese Seite ist voll.") \
    X(WaitingToSend, "Waiting to send", "Wartet auf Versand") \
    X(NotSent, "Not sent", "Nicht gesendet") \
    X(QueuedTooLong, "It waited more than 29 days, longer than the server can tell whether it arrived before. Check the customer, then make the change again.", "Die Änderung hat länger als 29 Tage gewartet – zu lange, als dass der Server erkennen könnte, ob sie schon angekommen ist. Prüfen Sie den Kunden und nehmen Sie die Änderung erneut vor.") \
    X(Discard, "Discard", "Verwerfen") \
    X(QueuedInvitation, "Saved. The invitation to {} is sent when you are back online.", "Gespeichert. Die Einladung an {} wird gesendet, sobald Sie wieder online sind.") \
    X(QueuedOrder, "Saved. The order for {} licenses is sent when you are back online.", "Gespeichert. Die Bestellung über {} Lizenzen wird gesendet, sobald Sie wieder online sind.") \
    X(QueuedOrderSent, "Licenses for {} set to {}.", "Lizenzanzahl für {} auf {} geändert.") \
    X(QueuedInvitationFailed, "The invitation to {} was not sent: {}", "Die Einladung an {} wurde nicht gesendet: {}") \
    X(QueuedOrderFailed, "The license order for {} was not placed: {}", "Die Lizenzbestellung für {} wurde nicht ausgeführt: {}") \
    X(CannotQueue, "You are offline, and this browser cannot keep this for later (its storage is full or turned off). Try again when you are back online.", "Sie sind offline, und dieser Browser kann das nicht für später speichern (Speicher voll oder deaktiviert). Versuchen Sie es erneut, wenn Sie wieder online sind.") \
    X(NotSavedOffline, "Not available offline: this page was not opened while online yet.", "Nicht offline verfügbar: Diese Seite wurde noch nicht mit Verbindung geöffnet.") \
    X(NeedsNetwork, "Needs a connection — you are offline.", "Nur mit Verbindung möglich – Sie sind offline.") \
    X(QueuedOrderRow, "{} licenses (now {})", "{} Lizenzen (jetzt {})") \
    X(OrderOfflineNote, "You are offline. The order is sent, and priced by the server, when you are back online.", "Sie sind offline. Die Bestellung wird gesendet und vom Server berechnet, sobald Sie wieder online sind.") \
    X(OrderWhenOnline, "Order when back online", "Bestellen, sobald wieder online")
