#include "core/screen_registry.h"

#include <initializer_list>
#include <limits>

#include "core/format.h"
#include "core/limits.h"
#include "core/status_presentation.h"
#include "core/store.h"

namespace rc {
namespace {

// Any id the server can hand out (up to 2^63-1); 0 for anything else.
std::int64_t positiveId(const std::string& s) {
    if (s.empty() || s.size() > 19) return 0;
    std::int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return 0;
        int digit = c - '0';
        if (v > (std::numeric_limits<std::int64_t>::max() - digit) / 10) return 0;
        v = v * 10 + digit;
    }
    return v;
}

// The server takes a search of up to kMaxSearchChars characters (code points): cut there,
// never inside one.
std::string firstChars(const std::string& s, std::size_t n) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == n) return s.substr(0, i);
    return s;
}

bool oneOf(const std::string& s, std::initializer_list<const char*> options) {
    for (const char* o : options)
        if (s == o) return true;
    return false;
}

void addParam(std::string& q, const char* name, const std::string& value) {
    if (value.empty()) return;
    q += q.empty() ? "?" : "&";
    q += name;
    q += "=";
    q += percentEncode(value);
}

// --- one screen each: its address both ways

// #/dashboard, or #/dashboard?actor=<email>: the recent activity of one member.
bool parseDashboard(const Address& a, Route& r) {
    std::string actor = a.param("actor");
    // An email is at most 254 characters and has its @; anything else is no filter.
    if (actor.size() <= 254 && actor.find('@') != std::string::npos) r.actor = actor;
    return true;
}
std::string formatDashboard(const Route& r) {
    std::string q;
    addParam(q, "actor", r.actor);
    return "#/dashboard" + q;
}

bool parseCustomers(const Address& a, Route& r) {
    if (a.parts.size() != 1) return false;
    r.screen = Screen::Customers;
    r.customers.search = firstChars(a.param("q"), limits::kMaxSearchChars);
    std::string status = a.param("status");
    // Every status the filter offers (suspended and declined since issue 23), from the one list.
    for (const StatusChoice& choice : statusChoices())
        if (status == choice.apiName) r.customers.status = status;
    std::string sort = a.param("sort");
    if (oneOf(sort, {"name", "-name", "created_at", "-created_at", "renews_at", "-renews_at", "licenses", "-licenses"}))
        r.customers.sort = sort;
    r.view = positiveId(a.param("view"));
    return true;
}
std::string formatCustomers(const Route& r) {
    std::string q;
    addParam(q, "q", r.customers.search);
    addParam(q, "status", r.customers.status);
    if (r.customers.sort != "name") addParam(q, "sort", r.customers.sort);
    if (r.view) addParam(q, "view", std::to_string(r.view));
    return "#/customers" + q;
}

// #/customers/<id>, or #/customers/<id>/invoices/<id> with that invoice open over the page; a
// malformed id is the dashboard, like any address that makes no sense.
bool parseCustomer(const Address& a, Route& r) {
    if (a.parts.size() < 2) return false;
    if (std::int64_t id = positiveId(a.parts[1])) {
        r.screen = Screen::Customer;
        r.customerId = id;
        if (a.parts.size() >= 4 && a.parts[2] == "invoices") r.invoiceId = positiveId(a.parts[3]);
    }
    return true;
}
std::string formatCustomer(const Route& r) {
    std::string hash = "#/customers/" + std::to_string(r.customerId);
    return r.invoiceId ? hash + "/invoices/" + std::to_string(r.invoiceId) : hash;
}

// #/invoices, or #/invoices/<id> with that invoice open over the list.
bool parseInvoices(const Address& a, Route& r) {
    r.screen = Screen::Invoices;
    if (a.parts.size() >= 2) r.invoiceId = positiveId(a.parts[1]);
    r.invoices.customerId = positiveId(a.param("customer"));
    std::string status = a.param("status");
    if (oneOf(status, {"open", "paid", "overdue", "void"})) r.invoices.status = status;
    if (format::isIsoDay(a.param("from"))) r.invoices.from = a.param("from");
    if (format::isIsoDay(a.param("to"))) r.invoices.to = a.param("to");
    if (!r.invoices.from.empty() && r.invoices.to < r.invoices.from) r.invoices.to.clear();  // the server refuses it
    return true;
}
std::string formatInvoices(const Route& r) {
    std::string q;
    if (r.invoices.customerId) addParam(q, "customer", std::to_string(r.invoices.customerId));
    addParam(q, "status", r.invoices.status);
    addParam(q, "from", r.invoices.from);
    addParam(q, "to", r.invoices.to);
    return (r.invoiceId ? "#/invoices/" + std::to_string(r.invoiceId) : std::string("#/invoices")) + q;
}

bool parseTeam(const Address& a, Route& r) {
    if (a.parts.size() != 1) return false;
    r.screen = Screen::Team;
    return true;
}
std::string formatTeam(const Route&) { return "#/team"; }

bool parseBilling(const Address& a, Route& r) {
    if (a.parts.size() != 1) return false;
    r.screen = Screen::Billing;
    return true;
}
std::string formatBilling(const Route&) { return "#/billing"; }

bool always(const Route&, std::int64_t) { return true; }
bool never(const Route&, std::int64_t) { return false; }
// A customer's page is refreshed for a write about that customer, or a new customer.
bool sameCustomer(const Route& r, std::int64_t customerId) { return !customerId || r.customerId == customerId; }

}  // namespace

std::string Address::param(const char* name) const {
    for (const auto& [k, v] : params)
        if (k == name) return v;
    return {};
}

const std::vector<ScreenSpec>& screenRegistry() {
    static const std::vector<ScreenSpec> screens = {
        {Screen::Dashboard, "dashboard", parseDashboard, formatDashboard,
         [](Store& s, const Route& r) { s.dashboard().show(r.actor); },
         [](Store& s, const Route&) { s.dashboard().load(); }, always},
        {Screen::Customers, "customers", parseCustomers, formatCustomers,
         [](Store& s, const Route& r) {
             std::int64_t view = r.view;  // a saved view's link (showing the address's filter leaves no view)
             s.customers().show(r.customers);
             if (view) s.views().open(view);
             else s.views().leftView();  // the plain list: no view is shown (a link to one applies it again)
         },
         [](Store& s, const Route&) { s.customers().reload(); }, always},
        {Screen::Customer, "customers", parseCustomer, formatCustomer,
         [](Store& s, const Route& r) { s.customerPage().show(r.customerId), s.invoices().follow(r); },
         [](Store& s, const Route&) { s.customerPage().reload(); }, sameCustomer},
        {Screen::Invoices, "invoices", parseInvoices, formatInvoices,
         [](Store& s, const Route& r) { s.invoices().show(r); },
         [](Store& s, const Route&) { s.invoices().refresh(); }, always},
        {Screen::Team, "team", parseTeam, formatTeam,
         [](Store& s, const Route&) { s.team().show(); },
         [](Store& s, const Route&) { s.team().load(); }, never},
        {Screen::Billing, "billing", parseBilling, formatBilling,
         [](Store& s, const Route&) { s.billing().showProfile(); },
         [](Store& s, const Route&) { s.billing().loadProfile(); }, never},
    };
    return screens;
}

const ScreenSpec& screenSpec(Screen screen) {
    for (const auto& s : screenRegistry())
        if (s.screen == screen) return s;
    return screenRegistry().front();  // the dashboard: never reached, every Screen has a line
}

}  // namespace rc
