// Every user-visible string, in English and German. Views call tr(Text::X); a test checks that
// no entry is missing a language.
#pragma once
#include <cstddef>
#include <string>

#include "core/model.h"

namespace rc {

enum class Language { English, German };

#define RC_TEXTS(X)                                                                                      \
    X(AppName, "Reseller Console", "Reseller-Konsole")                                                   \
    X(ProductName, "Shared Contacts for Gmail", "Shared Contacts for Gmail")                             \
    X(Loading, "Loading…", "Wird geladen …")                                                             \
    X(Retry, "Retry", "Erneut versuchen")                                                                \
    X(SignInTitle, "Sign in to your partner account", "Melden Sie sich bei Ihrem Partnerkonto an")       \
    X(SignInSubtitle, "Manage your customers' subscriptions, licenses and invoices in one place.",       \
      "Verwalten Sie Abonnements, Lizenzen und Rechnungen Ihrer Kunden an einem Ort.")                    \
    X(SignInWithGoogle, "Sign in with Google", "Mit Google anmelden")                                    \
    X(GoogleNotConfigured, "Google sign-in is not set up for this deployment yet.",                      \
      "Die Google-Anmeldung ist für diese Installation noch nicht eingerichtet.")                         \
    X(Or, "or", "oder")                                                                                  \
    X(DemoSignIn, "Demo sign-in", "Demo-Anmeldung")                                                      \
    X(DemoEmailLabel, "Demo account email", "E-Mail des Demo-Kontos")                                    \
    X(DemoNote, "Demo sign-in uses sample data and needs no Google account.",                            \
      "Die Demo-Anmeldung nutzt Beispieldaten und braucht kein Google-Konto.")                            \
    X(DemoUnavailable, "Demo sign-in is turned off on this server.",                                     \
      "Die Demo-Anmeldung ist auf diesem Server ausgeschaltet.")                                          \
    X(SigningIn, "Signing in…", "Anmeldung läuft …")                                                     \
    X(SessionEnded, "Your session has ended. Please sign in again.",                                     \
      "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.")                                    \
    X(SignOut, "Sign out", "Abmelden")                                                                   \
    X(MenuDashboard, "Dashboard", "Übersicht")                                                           \
    X(MenuCustomers, "Customers", "Kunden")                                                              \
    X(MenuInvoices, "Invoices", "Rechnungen")                                                            \
    X(CustomersSubtitle, "Everyone you resell Shared Contacts for Gmail to.",                            \
      "Alle, an die Sie Shared Contacts for Gmail weiterverkaufen.")                                      \
    X(ColName, "Name", "Name")                                                                           \
    X(ColOrganization, "Organization", "Organisation")                                                   \
    X(ColDomain, "Google domain", "Google-Domain")                                                       \
    X(ColStatus, "Status", "Status")                                                                     \
    X(ColPlan, "Plan", "Tarif")                                                                          \
    X(ColLicenses, "Licenses", "Lizenzen")                                                               \
    X(ColRenewal, "Renewal", "Verlängerung")                                                             \
    X(ColMonthly, "Monthly value", "Monatswert")                                                         \
    X(StatusInvited, "Invited", "Eingeladen")                                                            \
    X(StatusActive, "Active", "Aktiv")                                                                   \
    X(StatusRevoked, "Revoked", "Widerrufen")                                                            \
    X(StatusCancelled, "Cancelled", "Gekündigt")                                                         \
    X(StatusUnknown, "Unknown", "Unbekannt")                                                             \
    X(SubTrial, "Trial", "Testphase")                                                                    \
    X(PlanBasic, "Basic", "Basic")                                                                       \
    X(PlanProfessional, "Professional", "Professional")                                                  \
    X(PlanEnterprise, "Enterprise", "Enterprise")                                                        \
    X(CustomersCount, "%d of %d customers", "%d von %d Kunden")                                          \
    X(LoadMore, "Load more", "Mehr laden")                                                               \
    X(NoCustomersTitle, "No customers yet", "Noch keine Kunden")                                         \
    X(NoCustomersBody, "Customers you invite appear here.", "Kunden, die Sie einladen, erscheinen hier.") \
    X(LoadingCustomers, "Loading customers…", "Kunden werden geladen …")                                 \
    X(CouldNotLoadCustomers, "Could not load customers", "Kunden konnten nicht geladen werden")          \
    X(DashboardSubtitle, "Your customers at a glance.", "Ihre Kunden auf einen Blick.")                  \
    X(TotalCustomers, "Customers", "Kunden")                                                             \
    X(ActiveCustomers, "Active", "Aktiv")                                                                \
    X(PendingInvitations, "Pending invitations", "Offene Einladungen")                                   \
    X(LicensesTotal, "Licenses", "Lizenzen")                                                             \
    X(MonthlyRevenue, "Monthly recurring revenue", "Monatlich wiederkehrender Umsatz")                   \
    X(DashboardFromLoaded, "Figures from the %d customers loaded so far.",                              \
      "Zahlen aus den bisher geladenen %d Kunden.")                                                       \
    X(InvoicesSubtitle, "Invoices for your customers' subscriptions.",                                   \
      "Rechnungen zu den Abonnements Ihrer Kunden.")                                                      \
    X(InvoicesUnavailableTitle, "Invoices are not available in this version",                           \
      "Rechnungen sind in dieser Version noch nicht verfügbar")                                           \
    X(InvoicesUnavailableBody, "This console cannot show invoices yet. Your customers' invoices are unaffected.", \
      "Diese Konsole kann noch keine Rechnungen anzeigen. Die Rechnungen Ihrer Kunden sind davon nicht betroffen.") \
    X(ErrNetwork, "Could not reach the server. Check your connection and try again.",                   \
      "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.")         \
    X(ErrServer, "The server ran into a problem. Please try again in a moment.",                         \
      "Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal.")            \
    X(ErrBadResponse, "The server sent an answer the console does not understand.",                     \
      "Der Server hat eine Antwort gesendet, die die Konsole nicht versteht.")                            \
    X(ErrUnauthorized, "You are not signed in.", "Sie sind nicht angemeldet.")                           \
    X(ErrInvalidEmail, "Enter an email address such as name@example.com.",                              \
      "Geben Sie eine E-Mail-Adresse wie name@example.com ein.")                                          \
    X(ErrConfig, "The console could not read its configuration (config.json).",                         \
      "Die Konsole konnte ihre Konfiguration (config.json) nicht lesen.")                                 \
    X(SwitchLanguage, "Deutsch", "English")

enum class Text : std::size_t {
#define RC_TEXT_ENUM(id, en, de) id,
    RC_TEXTS(RC_TEXT_ENUM)
#undef RC_TEXT_ENUM
        Count_
};

Language language();
void setLanguage(Language lang);
// Picks German for de, de-DE, de-AT...; English for everything else.
Language languageFromTag(const std::string& tag);

const char* tr(Text id);
const char* tr(Text id, Language lang);

const char* statusLabel(CustomerStatus status);
const char* planLabel(const std::string& plan);
// The error in the current language: known codes are translated, others use the server's words.
std::string describeError(const ApiError& error);

}  // namespace rc
