// Where the reseller is, as the address bar shows it: #/customers/42, #/invoices?status=open.
#pragma once
#include <cstdint>
#include <string>

namespace rc {

enum class Screen { Dashboard, Customers, Customer, Invoices, Team, Billing };

struct CustomerFilter {
    std::string search;
    std::string status;       // "" = all; invited | active | revoked | cancelled
    std::string sort = "name";  // name | -name | created_at | renews_at | licenses, "-" = descending
    bool operator==(const CustomerFilter& o) const { return search == o.search && status == o.status && sort == o.sort; }
    bool operator!=(const CustomerFilter& o) const { return !(*this == o); }
};

struct InvoiceFilter {
    std::int64_t customerId = 0;  // 0 = all customers
    std::string status;           // "" = all; open | paid | overdue | void
    std::string from, to;         // YYYY-MM-DD, "" = open-ended
    bool operator==(const InvoiceFilter& o) const {
        return customerId == o.customerId && status == o.status && from == o.from && to == o.to;
    }
    bool operator!=(const InvoiceFilter& o) const { return !(*this == o); }
};

struct Route {
    Screen screen = Screen::Dashboard;
    std::int64_t customerId = 0;  // Screen::Customer
    std::int64_t invoiceId = 0;   // an invoice open over the Invoices list or the Customer page
    std::string actor;            // Screen::Dashboard: the recent activity of one member (their email)
    std::int64_t view = 0;        // Screen::Customers: the saved view the list shows (#/customers?view=ID)
    CustomerFilter customers;
    InvoiceFilter invoices;

    // Each screen's address is written and read by its line in core/screen_registry.cpp.
    std::string toHash() const;
    // Anything unknown or malformed falls back to the dashboard; it never fails.
    static Route fromHash(const std::string& hash);
    bool operator==(const Route& o) const { return toHash() == o.toHash(); }
};

// Query-string helpers shared with the API client.
std::string percentEncode(const std::string& value);
std::string percentDecode(const std::string& value);

}  // namespace rc
