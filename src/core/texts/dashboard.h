// The dashboard. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_DASHBOARD(X) \
    X(DashboardSubtitle, "Your customers and revenue at a glance.", "Ihre Kunden und Umsätze auf einen Blick.") \
    X(FigCustomers, "Customers", "Kunden") \
    X(FigLicenses, "Licenses in use", "Lizenzen im Einsatz") \
    X(FigMrr, "Monthly recurring revenue", "Monatlich wiederkehrender Umsatz") \
    X(FigMrrDetail, "at your prices", "zu Ihren Preisen") \
    X(FigOpenInvoices, "Open invoices", "Offene Rechnungen") \
    X(FigOverdueDetail, "{} overdue ({})", "{} überfällig ({})") \
    X(FigOpenCount, "{} open", "{} offen") \
    X(FigNoneOverdue, "none overdue", "keine überfällig") \
    X(FigRenewals, "Renewals in 30 days", "Verlängerungen in 30 Tagen") \
    X(FigPendingInvitations, "Pending invitations", "Offene Einladungen") \
    X(FigPendingDetail, "waiting for acceptance", "warten auf Annahme") \
    X(RevenueChartTitle, "Revenue, last 12 months", "Umsatz der letzten 12 Monate") \
    X(RevenueChartNote, "Invoiced amounts per month", "Rechnungsbeträge pro Monat") \
    X(RecentActivity, "Recent activity", "Letzte Aktivitäten") \
    X(UpcomingRenewals, "Upcoming renewals", "Anstehende Verlängerungen") \
    X(NoActivity, "Nothing has happened yet.", "Noch keine Aktivitäten.") \
    X(NoRenewals, "No renewals in the next 30 days.", "Keine Verlängerungen in den nächsten 30 Tagen.") \
    X(CouldNotLoadDashboard, "Could not load the dashboard", "Die Übersicht konnte nicht geladen werden")
