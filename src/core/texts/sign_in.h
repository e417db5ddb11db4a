// The sign-in screen. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_SIGN_IN(X) \
    X(SignInTitle, "Sign in to your partner account", "Melden Sie sich bei Ihrem Partnerkonto an") \
    X(SignInSubtitle, "Manage your customers' subscriptions, licenses and invoices in one place.", "Verwalten Sie Abonnements, Lizenzen und Rechnungen Ihrer Kunden an einem Ort.") \
    X(SignInWithGoogle, "Sign in with Google", "Mit Google anmelden") \
    X(GoogleNotConfigured, "Google sign-in is not set up for this deployment.", "Die Google-Anmeldung ist für diese Installation nicht eingerichtet.") \
    X(GoogleLoading, "Loading Google sign-in…", "Google-Anmeldung wird geladen …") \
    X(GoogleUnavailable, "Google sign-in could not be loaded: the browser is offline or something blocks Google. Check your connection and reload the page.", "Die Google-Anmeldung konnte nicht geladen werden: Der Browser ist offline oder etwas blockiert Google. Prüfen Sie Ihre Verbindung und laden Sie die Seite neu.") \
    X(Or, "or", "oder") \
    X(DemoSignIn, "Demo sign-in", "Demo-Anmeldung") \
    X(DemoEmailLabel, "Demo account email", "E-Mail-Adresse des Demo-Kontos") \
    X(DemoNote, "Demo sign-in uses sample data and needs no Google account.", "Die Demo-Anmeldung nutzt Beispieldaten und braucht kein Google-Konto.") \
    X(SigningIn, "Signing in…", "Anmeldung läuft …") \
    X(SessionEnded, "Your session has ended. Please sign in again.", "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.") \
    X(ErrNotReseller, "This Google account is not registered as a reseller. Ask your partner manager to add it, or sign in with another account.", "Dieses Google-Konto ist nicht als Reseller registriert. Bitten Sie Ihren Partnermanager, es hinzuzufügen, oder melden Sie sich mit einem anderen Konto an.") \
    X(SignOut, "Sign out", "Abmelden")
