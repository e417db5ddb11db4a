// Words every screen uses: the product, buttons, the shell, errors from the network. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_COMMON(X) \
    X(AppName, "Reseller Console", "Reseller-Konsole") \
    X(ProductName, "Shared Contacts for Gmail", "Shared Contacts for Gmail") \
    X(Loading, "Loading…", "Wird geladen …") \
    X(Retry, "Retry", "Erneut versuchen") \
    X(Close, "Close", "Schließen") \
    X(Cancel, "Cancel", "Abbrechen") \
    X(Back, "Back", "Zurück") \
    X(Yes, "Yes", "Ja") \
    X(No, "No", "Nein") \
    X(Dash, "—", "—") \
    X(SwitchLanguage, "Deutsch", "English") \
    X(SearchShortcut, "Ctrl+K", "Strg+K") \
    X(SearchShortcutMac, "Cmd+K", "Cmd+K") \
    X(MenuDashboard, "Dashboard", "Übersicht") \
    X(MenuCustomers, "Customers", "Kunden") \
    X(MenuInvoices, "Invoices", "Rechnungen") \
    X(Dismiss, "Dismiss", "Ausblenden") \
    X(ErrNetwork, "Could not reach the server. Check your connection and try again.", "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.") \
    X(ErrServer, "The server ran into a problem. Please try again in a moment.", "Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal.") \
    X(ErrBadResponse, "The server sent an answer the console does not understand.", "Der Server hat eine Antwort gesendet, die die Konsole nicht versteht.") \
    X(ErrUnauthorized, "You are not signed in.", "Sie sind nicht angemeldet.") \
    X(ErrNotFound, "This no longer exists, or it belongs to another account.", "Dieser Eintrag existiert nicht mehr oder gehört zu einem anderen Konto.") \
    X(ErrRateLimited, "Too many attempts. Please wait a moment and try again.", "Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es erneut.") \
    X(ErrRateLimitedSecond, "Too many attempts. Please try again in 1 second.", "Zu viele Versuche. Bitte versuchen Sie es in 1 Sekunde erneut.") \
    X(ErrRateLimitedSeconds, "Too many attempts. Please try again in {} seconds.", "Zu viele Versuche. Bitte versuchen Sie es in {} Sekunden erneut.") \
    X(ErrRateLimitedMinutes, "Too many attempts. Please try again in {} minutes.", "Zu viele Versuche. Bitte versuchen Sie es in {} Minuten erneut.") \
    X(ErrConfig, "The console could not read its configuration (config.json).", "Die Konsole konnte ihre Konfiguration (config.json) nicht lesen.") \
    X(Menu, "Menu", "Menü") \
    X(SkipToMain, "Skip to main content", "Zum Hauptinhalt springen") \
    X(MainMenu, "Main menu", "Hauptmenü") \
    X(DismissToast, "Dismiss", "Ausblenden") \
    X(GermanNeedsConnection, "Deutsch could not be loaded: switching the language needs a connection. Please try again when you are online.", "Deutsch konnte nicht geladen werden: Für den Sprachwechsel ist eine Verbindung nötig. Bitte versuchen Sie es erneut, wenn Sie online sind.")
