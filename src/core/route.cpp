#include "core/route.h"

#include <cstdio>
#include <limits>
#include <vector>

namespace rc {
namespace {

bool isDay(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    return true;
}

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

// The server takes a search of up to 200 characters (code points): cut there, never inside one.
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

}  // namespace

std::string percentEncode(const std::string& value) {
    std::string out;
    for (unsigned char c : value) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

std::string percentDecode(const std::string& value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        char c = value[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < value.size()) {
            auto hex = [](char h) -> int {
                if (h >= '0' && h <= '9') return h - '0';
                if (h >= 'a' && h <= 'f') return h - 'a' + 10;
                if (h >= 'A' && h <= 'F') return h - 'A' + 10;
                return -1;
            };
            int hi = hex(value[i + 1]), lo = hex(value[i + 2]);
            if (hi < 0 || lo < 0) {
                out += c;
                continue;
            }
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::string Route::toHash() const {
    std::string q;
    switch (screen) {
        case Screen::Dashboard: return "#/dashboard";
        case Screen::Customer: return "#/customers/" + std::to_string(customerId);
        case Screen::Customers:
            addParam(q, "q", customers.search);
            addParam(q, "status", customers.status);
            if (customers.sort != "name") addParam(q, "sort", customers.sort);
            return "#/customers" + q;
        case Screen::Invoices:
            if (invoices.customerId) addParam(q, "customer", std::to_string(invoices.customerId));
            addParam(q, "status", invoices.status);
            addParam(q, "from", invoices.from);
            addParam(q, "to", invoices.to);
            return (invoiceId ? "#/invoices/" + std::to_string(invoiceId) : std::string("#/invoices")) + q;
    }
    return "#/dashboard";
}

Route Route::fromHash(const std::string& hash) {
    Route r;
    std::string h = hash;
    if (!h.empty() && h[0] == '#') h.erase(0, 1);
    if (!h.empty() && h[0] == '/') h.erase(0, 1);
    std::string path = h, query;
    if (auto qm = h.find('?'); qm != std::string::npos) {
        path = h.substr(0, qm);
        query = h.substr(qm + 1);
    }
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (!part.empty()) parts.push_back(part);
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    std::vector<std::pair<std::string, std::string>> params;
    start = 0;
    while (start < query.size()) {
        std::size_t amp = query.find('&', start);
        std::string kv = query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
        std::size_t eq = kv.find('=');
        if (eq != std::string::npos) params.emplace_back(kv.substr(0, eq), percentDecode(kv.substr(eq + 1)));
        if (amp == std::string::npos) break;
        start = amp + 1;
    }
    auto param = [&](const char* name) -> std::string {
        for (const auto& [k, v] : params)
            if (k == name) return v;
        return {};
    };

    if (parts.empty() || parts[0] == "dashboard") return r;
    if (parts[0] == "customers") {
        if (parts.size() >= 2) {
            if (std::int64_t id = positiveId(parts[1])) {
                r.screen = Screen::Customer;
                r.customerId = id;
            }
            return r;
        }
        r.screen = Screen::Customers;
        r.customers.search = firstChars(param("q"), 200);
        std::string status = param("status");
        if (oneOf(status, {"invited", "active", "revoked", "cancelled"})) r.customers.status = status;
        std::string sort = param("sort");
        if (oneOf(sort, {"name", "-name", "created_at", "-created_at", "renews_at", "-renews_at", "licenses", "-licenses"}))
            r.customers.sort = sort;
        return r;
    }
    if (parts[0] == "invoices") {
        r.screen = Screen::Invoices;
        if (parts.size() >= 2) r.invoiceId = positiveId(parts[1]);
        r.invoices.customerId = positiveId(param("customer"));
        std::string status = param("status");
        if (oneOf(status, {"open", "paid", "overdue", "void"})) r.invoices.status = status;
        if (isDay(param("from"))) r.invoices.from = param("from");
        if (isDay(param("to"))) r.invoices.to = param("to");
        return r;
    }
    return r;
}

}  // namespace rc
