// The customer list, and the statuses, plans and cycles it shows. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_CUSTOMERS(X) \
    X(CustomersSubtitle, "Everyone you resell Shared Contacts for Gmail to.", "Alle Kunden, an die Sie Shared Contacts for Gmail weiterverkaufen.") \
    X(NewCustomer, "New customer", "Neuer Kunde") \
    X(SearchCustomers, "Search name, organization, domain or email", "Name, Organisation, Domain oder E-Mail suchen") \
    X(FilterAll, "All", "Alle") \
    X(ColName, "Name", "Name") \
    X(ColOrganization, "Organization", "Organisation") \
    X(ColDomain, "Google domain", "Google-Domain") \
    X(ColStatus, "Status", "Status") \
    X(ColPlan, "Plan", "Tarif") \
    X(ColLicenses, "Licenses", "Lizenzen") \
    X(ColRenewal, "Renewal", "Verlängerung") \
    X(ColMonthly, "Monthly value", "Monatswert") \
    X(ColActions, "Actions", "Aktionen") \
    X(Columns, "Columns", "Spalten") \
    X(ColumnsShown, "Show these columns", "Angezeigte Spalten") \
    X(ColumnsReset, "Reset columns", "Spalten zurücksetzen") \
    X(Manage, "Manage", "Verwalten") \
    X(StatusInvited, "Invited", "Eingeladen") \
    X(StatusActive, "Active", "Aktiv") \
    X(StatusRevoked, "Revoked", "Widerrufen") \
    X(StatusCancelled, "Cancelled", "Beendet") \
    X(StatusUnknown, "Unknown", "Unbekannt") \
    X(SubTrial, "Trial", "Testphase") \
    X(SubActive, "Active", "Aktiv") \
    X(SubPendingCancel, "Ends at term end", "Gekündigt zum Laufzeitende") \
    X(SubCancelled, "Cancelled", "Beendet") \
    X(StatusTrialUntil, "Trial until {}", "Testphase bis {}") \
    X(StatusCancelsOn, "Cancelled, ends {}", "Gekündigt zum {}") \
    X(PlanBasic, "Basic", "Basic") \
    X(PlanProfessional, "Professional", "Professional") \
    X(PlanEnterprise, "Enterprise", "Enterprise") \
    X(CycleFlexible, "Flexible, monthly", "Flexibel, monatlich kündbar") \
    X(CycleAnnualMonthly, "Annual contract, paid monthly", "Jahresvertrag, monatliche Zahlung") \
    X(CycleAnnualYearly, "Annual contract, paid yearly in advance", "Jahresvertrag, jährliche Vorauszahlung") \
    X(CustomersCount, "{} of {} customers", "{} von {} Kunden") \
    X(CustomersRange, "{}–{} of {} customers", "{}–{} von {} Kunden") \
    X(NoCustomersTitle, "No customers yet", "Noch keine Kunden") \
    X(NoCustomersBody, "Invite your first customer with “New customer”.", "Laden Sie Ihren ersten Kunden über „Neuer Kunde“ ein.") \
    X(NoMatchesTitle, "No customers match", "Keine passenden Kunden") \
    X(NoMatchesBody, "Try another search or status.", "Versuchen Sie eine andere Suche oder einen anderen Status.") \
    X(ClearFilters, "Clear search and filter", "Suche und Filter zurücksetzen") \
    X(LoadingCustomers, "Loading customers…", "Kunden werden geladen …") \
    X(CouldNotLoadCustomers, "Could not load customers", "Kunden konnten nicht geladen werden")
