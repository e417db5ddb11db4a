#include "targets.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <sstream>

#include "core/api_client.h"
#include "core/codec.h"
#include "core/display_text.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/main_queue.h"
#include "core/offline_reads.h"
#include "core/import_rows.h"
#include "core/route.h"
#include "core/sheet.h"
#include "core/store.h"
#include "core/utf8.h"
#include "core/validation.h"
#include "core/write_queue.h"
#include "json_edits.h"

namespace rc::fuzz {
namespace {

// Reads the input front to back; once it is used up every read gives zeros.
class Bytes {
public:
    Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool empty() const { return at_ >= size_; }
    std::uint8_t byte() { return at_ < size_ ? data_[at_++] : 0; }
    // 0..n-1 (0 when n is 0 or 1).
    std::size_t pick(std::size_t n) {
        if (n <= 1) return 0;
        std::uint64_t v = byte();
        for (std::size_t range = 256; range < n; range <<= 8) v = v << 8 | byte();
        return static_cast<std::size_t>(v % n);
    }
    std::size_t operator()(std::size_t n) { return pick(n); }  // as json_edits wants it
    bool flag() { return byte() & 1; }
    std::int64_t int64() {
        std::uint64_t v = 0;
        for (int i = 0; i < 8; ++i) v = v << 8 | byte();
        std::int64_t out;
        std::memcpy(&out, &v, sizeof out);
        return out;
    }
    std::string text(std::size_t maxLen) {
        std::size_t len = std::min(pick(maxLen + 1), size_ - std::min(at_, size_));
        std::string s(reinterpret_cast<const char*>(data_ + at_), len);
        at_ += len;
        return s;
    }
    std::string rest() { return text(size_); }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

// The first broken property wins; later checks add nothing.
struct Checks {
    std::string problem;
    void expect(bool ok, const std::string& what) {
        if (!ok && problem.empty()) problem = what;
    }
};

bool validUtf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n;
        std::uint32_t cp;
        if (c < 0x80) { ++i; continue; }
        if (c >= 0xC2 && c <= 0xDF) n = 1, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF) n = 2, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4) n = 3, cp = c & 0x07;
        else return false;
        if (i + n >= s.size()) return false;
        for (std::size_t k = 1; k <= n; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = cp << 6 | (cc & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n + 1;
    }
    return true;
}

// Text for a finding's message: quoted, cut to 40 bytes, anything unprintable as \xNN.
std::string shown(const std::string& s) {
    std::string out = "\"";
    for (unsigned char ch : s.substr(0, 40)) {
        if (ch >= 0x20 && ch < 0x7f) {
            out += static_cast<char>(ch);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", ch);
            out += buf;
        }
    }
    return out + (s.size() > 40 ? "\"..." : "\"");
}

bool allDigits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int daysIn(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

// YYYY-MM-DD with digits only and a day the calendar has.
bool isCalendarDay(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    if (!allDigits(s.substr(0, 4)) || !allDigits(s.substr(5, 2)) || !allDigits(s.substr(8, 2))) return false;
    int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
    return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

constexpr Language kLanguages[] = {Language::English, Language::German};

// --- what the console does with a decoded answer ---------------------------------------------

void showText(Checks& c, const std::string& s, const char* what) {
    c.expect(validUtf8(s), std::string(what) + " is not valid UTF-8");
}

void showMoney(Checks& c, const Money& m, const char* what) {
    bool iso = m.currency.size() == 3 &&
               std::all_of(m.currency.begin(), m.currency.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    c.expect(iso, std::string(what) + ": currency \"" + m.currency + "\" is not three capital letters");
    for (Language lang : kLanguages) {
        showText(c, format::money(m, lang), what);
        showText(c, format::moneyCompact(m, lang), what);
    }
}

void showDate(Checks& c, const std::string& s, const char* what) {
    for (Language lang : kLanguages) {
        showText(c, format::date(s, lang), what);
        showText(c, format::dateTime(s, lang), what);
    }
}

void showCount(Checks& c, std::int64_t n, const char* what) {
    c.expect(n >= 0 && n <= kMaxCount, std::string(what) + " = " + std::to_string(n) + " is outside 0.." +
                                           std::to_string(kMaxCount));
    for (Language lang : kLanguages) showText(c, format::integer(n, lang), what);
}

void showId(Checks& c, std::int64_t id, const char* what) {
    c.expect(id > 0, std::string(what) + " = " + std::to_string(id) + " is not a positive id");
}

void showSubscription(Checks& c, const Subscription& s) {
    showId(c, s.id, "subscription id");
    showCount(c, s.licenses, "licenses");
    showMoney(c, s.unitPrice, "unit_price");
    showMoney(c, s.recurringAmount, "recurring_amount");
    showMoney(c, s.monthlyValue, "monthly_value");
    showDate(c, s.termStart, "term_start");
    showDate(c, s.termEnd, "term_end");
    showDate(c, s.renewsAt, "renews_at");
    if (s.scheduledChange) showDate(c, s.scheduledChange->effectiveOn, "effective_on");
    for (Language lang : kLanguages) {
        setLanguage(lang);
        c.expect(planLabel(s.plan) && cycleLabel(s.billingCycle) && subscriptionStatusLabel(s.status), "a label is missing");
    }
    setLanguage(Language::English);
}

void showCustomer(Checks& c, const Customer& cu) {
    showId(c, cu.id, "customer id");
    for (const std::string* s : {&cu.name, &cu.email, &cu.googleDomain, &cu.organization}) showText(c, *s, "customer text");
    showDate(c, cu.createdAt, "created_at");
    if (cu.invitation) {
        showDate(c, cu.invitation->sentAt, "sent_at");
        showDate(c, cu.invitation->expiresAt, "expires_at");
    }
    if (cu.subscription) showSubscription(c, *cu.subscription);
    // A customer page's address must lead back to the same customer.
    Route r;
    r.screen = Screen::Customer;
    r.customerId = cu.id;
    if (cu.id > 0) c.expect(Route::fromHash(r.toHash()).customerId == cu.id, "the customer's address " + r.toHash() + " leads elsewhere");
}

void showInvoice(Checks& c, const Invoice& inv) {
    showId(c, inv.id, "invoice id");
    showId(c, inv.customerId, "invoice customer_id");
    showText(c, inv.number, "invoice number");
    for (const Money* m : {&inv.subtotal, &inv.tax, &inv.total}) showMoney(c, *m, "invoice amount");
    showDate(c, inv.issuedAt, "issued_at");
    showDate(c, inv.dueAt, "due_at");
    for (const InvoiceLine& l : inv.lines) {
        showMoney(c, l.unitAmount, "line unit_amount");
        showMoney(c, l.amount, "line amount");
        for (Language lang : kLanguages) showText(c, format::integer(l.quantity, lang), "quantity");
    }
    c.expect(invoiceStatusLabel(inv.status) != nullptr, "no invoice status label");
    Route r;
    r.screen = Screen::Invoices;
    r.invoiceId = inv.id;
    if (inv.id > 0) c.expect(Route::fromHash(r.toHash()).invoiceId == inv.id, "the invoice's address " + r.toHash() + " leads elsewhere");
}

void showActivity(Checks& c, const ActivityEntry& a) {
    showId(c, a.id, "activity id");
    showCount(c, a.licensesBefore, "licenses before");
    showCount(c, a.licensesAfter, "licenses after");
    showDate(c, a.createdAt, "created_at");
    for (Language lang : kLanguages) {
        setLanguage(lang);
        showText(c, activitySentence(a), "activity sentence");
        showText(c, activityActor(a), "activity actor");
    }
    setLanguage(Language::English);
}

void showError(Checks& c, const ApiError& e) {
    for (Language lang : kLanguages) {
        setLanguage(lang);
        c.expect(!describeError(e).empty(), "an error the reseller cannot read (empty text)");
    }
    setLanguage(Language::English);
}

// An answer either decodes into a value whose properties hold, or into a clean bad_response.
template <class T>
Outcome decodeWith(const std::uint8_t* data, std::size_t size, Result<T> (*decode)(const std::string&),
                   const std::function<void(Checks&, const T&)>& check) {
    Checks c;
    Result<T> r = decode(std::string(reinterpret_cast<const char*>(data), size));
    if (!r.ok()) {
        const ApiError& e = r.error();
        c.expect(e.code == "bad_response", "a decoder failed with code \"" + e.code + "\" instead of bad_response");
        c.expect(e.status == 200, "a decoder's error carries status " + std::to_string(e.status));
        c.expect(!e.message.empty(), "a decoder's error has no message");
        showError(c, e);
        return {c.problem, false};
    }
    check(c, r.value());
    return {c.problem, true};
}

// --- decoders ---------------------------------------------------------------------------------

Outcome decodeSessionTarget(const std::uint8_t* d, std::size_t n) {
    return decodeWith<Session>(d, n, &codec::decodeSession, [](Checks& c, const Session& s) {
        c.expect(!s.token.empty(), "empty token accepted");
        // The token goes into an Authorization header: a browser refuses anything else there.
        c.expect(std::all_of(s.token.begin(), s.token.end(), [](char ch) { return ch > 0x20 && ch < 0x7f; }),
                 "a token that cannot be sent in a header was accepted");
        showId(c, s.reseller.id, "reseller id");
        showDate(c, s.expiresAt, "expires_at");
        // What is saved across reloads must come back the same.
        auto again = codec::decodeSession(codec::encodeSession(s));
        c.expect(again.ok(), "a saved session does not load again");
        if (again.ok())
            c.expect(again.value().token == s.token && again.value().reseller.id == s.reseller.id &&
                         again.value().reseller.name == s.reseller.name && again.value().expiresAt == s.expiresAt,
                     "a saved session loads back different");
    });
}

Outcome decodeConfigTarget(const std::uint8_t* d, std::size_t n) {
    return decodeWith<AppConfig>(d, n, &codec::decodeConfig, [](Checks& c, const AppConfig& cfg) {
        c.expect(cfg.apiBaseUrl.empty() || cfg.apiBaseUrl.back() != '/', "api_base_url keeps a trailing slash");
        showText(c, cfg.demoEmail, "demo_email");
    });
}

Outcome decodeCustomersPageTarget(const std::uint8_t* d, std::size_t n) {
    return decodeWith<CustomersPage>(d, n, &codec::decodeCustomersPage, [](Checks& c, const CustomersPage& p) {
        for (const Customer& cu : p.items) showCustomer(c, cu);
        showCount(c, p.total, "total");
    });
}

Outcome decodeCustomerTarget(const std::uint8_t* d, std::size_t n) {
    return decodeWith<Customer>(d, n, &codec::decodeCustomer, showCustomer);
}

Outcome decodeResellerTarget(const std::uint8_t* d, std::size_t n) {
    return decodeWith<Reseller>(d, n, &codec::decodeReseller, [](Checks& c, const Reseller& r) {
        showId(c, r.id, "reseller id");
        showText(c, r.name, "reseller name");
    });
}

Outcome decodeSubscriptionTarget(const std::uint8_t* d, std::size_t n) {
    return decodeWith<Subscription>(d, n, &codec::decodeSubscription, showSubscription);
}

Outcome decodePlansTarget(const std::uint8_t* d, std::size_t n) {
    return decodeWith<PlanCatalog>(d, n, &codec::decodePlans, [](Checks& c, const PlanCatalog& p) {
        showCount(c, p.minLicenses, "license_limits.min");
        showCount(c, p.maxLicenses, "license_limits.max");
        // The order dialog clamps between the two (std::clamp wants min <= max).
        c.expect(p.minLicenses <= p.maxLicenses, "license_limits.min is above max");
        for (const PlanOffer& o : p.plans)
            for (const auto& [cycle, price] : o.prices) {
                showMoney(c, price.list, "list price");
                showMoney(c, price.yours, "your price");
            }
    });
}

Outcome decodeDashboardTarget(const std::uint8_t* d, std::size_t n) {
    return decodeWith<Dashboard>(d, n, &codec::decodeDashboard, [](Checks& c, const Dashboard& db) {
        for (std::int64_t v : {db.invited, db.active, db.revoked, db.cancelled, db.customersTotal, db.licensesTotal,
                               db.openInvoices.count, db.overdueInvoices.count, db.renewals.count})
            showCount(c, v, "a dashboard count");
        for (const Money* m : {&db.monthlyRecurringRevenue, &db.openInvoices.amount, &db.overdueInvoices.amount,
                               &db.renewals.amount})
            showMoney(c, *m, "a dashboard amount");
        for (const Renewal& r : db.renewalItems) {
            showId(c, r.customerId, "renewal customer_id");
            showCount(c, r.licenses, "renewal licenses");
            showDate(c, r.renewsAt, "renews_at");
            showMoney(c, r.recurringAmount, "renewal amount");
        }
        for (const MonthAmount& m : db.revenueByMonth) {
            showMoney(c, m.amount, "month amount");
            for (Language lang : kLanguages) showText(c, format::monthShort(m.month, lang), "month");
        }
    });
}

Outcome decodeLicensePreviewTarget(const std::uint8_t* d, std::size_t n) {
    return decodeWith<LicensePreview>(d, n, &codec::decodeLicensePreview, [](Checks& c, const LicensePreview& p) {
        showCount(c, p.currentLicenses, "current_licenses");
        showCount(c, p.licenses, "licenses");
        for (const Money* m : {&p.unitPrice, &p.proratedAmount, &p.recurringAmount, &p.monthlyValue}) showMoney(c, *m, "a preview amount");
        showDate(c, p.prorationFrom, "proration.from");
        showDate(c, p.prorationTo, "proration.to");
    });
}

Outcome decodePlanChangePreviewTarget(const std::uint8_t* d, std::size_t n) {
    return decodeWith<PlanChangePreview>(d, n, &codec::decodePlanChangePreview, [](Checks& c, const PlanChangePreview& p) {
        for (const Money* m : {&p.unitPrice, &p.proratedAmount, &p.recurringAmount, &p.monthlyValue}) showMoney(c, *m, "a preview amount");
        showDate(c, p.effectiveOn, "effective_on");
    });
}

Outcome decodeOrderOutcomeTarget(const std::uint8_t* d, std::size_t n) {
    return decodeWith<OrderOutcome>(d, n, &codec::decodeOrderOutcome, [](Checks& c, const OrderOutcome& o) {
        showSubscription(c, o.subscription);
        if (o.invoice) showInvoice(c, *o.invoice);
    });
}

Outcome decodeInvoiceTarget(const std::uint8_t* d, std::size_t n) {
    return decodeWith<Invoice>(d, n, &codec::decodeInvoice, showInvoice);
}

Outcome decodeInvoicesPageTarget(const std::uint8_t* d, std::size_t n) {
    return decodeWith<InvoicesPage>(d, n, &codec::decodeInvoicesPage, [](Checks& c, const InvoicesPage& p) {
        for (const Invoice& inv : p.items) showInvoice(c, inv);
        showCount(c, p.total, "total");
    });
}

Outcome decodeActivityPageTarget(const std::uint8_t* d, std::size_t n) {
    return decodeWith<ActivityPage>(d, n, &codec::decodeActivityPage, [](Checks& c, const ActivityPage& p) {
        for (const ActivityEntry& a : p.items) showActivity(c, a);
    });
}

// An error answer's body under one of the statuses the console treats differently (chosen by
// the body's length, so the whole input stays JSON for the mutator).
Outcome decodeErrorTarget(const std::uint8_t* d, std::size_t n) {
    static const int kErrorStatuses[] = {0, 400, 401, 404, 409, 422, 429, 500, 503};
    Checks c;
    int status = kErrorStatuses[n % (sizeof kErrorStatuses / sizeof kErrorStatuses[0])];
    ApiError e = codec::decodeError(HttpResponse{status, std::string(reinterpret_cast<const char*>(d), n), ""});
    c.expect(e.status == status, "the error lost its status");
    c.expect(!e.code.empty(), "an error without a code");
    if (e.currentLicenses) showCount(c, *e.currentLicenses, "the current licenses of a 409");
    for (const auto& [field, message] : e.fields) {
        showText(c, field, "error field");
        showText(c, message, "error message");
    }
    showError(c, e);
    return {c.problem, true};
}

// --- validation -------------------------------------------------------------------------------

// First byte: the field (name, email, google_domain, organization) and the language; the rest
// is what the reseller typed or pasted.
Outcome validationTarget(const std::uint8_t* d, std::size_t n) {
    Checks c;
    Bytes in(d, n);
    std::uint8_t head = in.byte();
    setLanguage(head & 0x80 ? Language::German : Language::English);
    std::string value = in.rest();
    std::string trimmed = validate::trim(value);
    c.expect(validate::trim(trimmed) == trimmed, "trim is not idempotent");
    c.expect(validate::codePoints(value) <= value.size(), "more characters than bytes");
    // The rules stated again here, independently of validation.cpp's code, so they can disagree.
    auto noControls = [](const std::string& s) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            unsigned char ch = static_cast<unsigned char>(s[i]);
            if (ch < 0x20 || ch == 0x7f) return false;
            if (ch == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                static_cast<unsigned char>(s[i + 1]) <= 0x9f)
                return false;
        }
        return true;
    };
    auto printableAscii = [](const std::string& s) {
        return std::all_of(s.begin(), s.end(), [](char ch) { return ch > 0x20 && ch < 0x7f; });
    };
    std::optional<std::string> verdict;
    switch (head & 3) {
        case 0:
        case 3:
            verdict = validate::name(value);
            if (!verdict) {
                c.expect(!trimmed.empty(), "an empty name passed");
                c.expect(noControls(trimmed), "a name with control characters passed");
                c.expect(validate::codePoints(trimmed) <= 200, "a name longer than 200 characters passed");
            }
            break;
        case 1:
            verdict = validate::email(value);
            if (!verdict) {
                c.expect(printableAscii(trimmed), "an email address with spaces, controls or non-ASCII passed");
                c.expect(std::count(trimmed.begin(), trimmed.end(), '@') == 1, "an email address without exactly one @ passed");
                c.expect(trimmed.size() <= 254, "an email address longer than 254 passed");
            }
            break;
        case 2:
            verdict = validate::googleDomain(value);
            if (!verdict) {
                std::string dom = trimmed;
                c.expect(printableAscii(dom), "a domain with spaces, controls or non-ASCII passed");
                c.expect(dom.find('@') == std::string::npos && dom.find('/') == std::string::npos, "a domain with @ or / passed");
            }
            break;
    }
    if (verdict) {
        c.expect(!verdict->empty(), "a validation message is empty");
        showText(c, *verdict, "validation message");
    }
    setLanguage(Language::English);
    return {c.problem, true};
}

// --- route ------------------------------------------------------------------------------------

bool urlSafe(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
               std::strchr("-_.~%/?&=#", ch) != nullptr;
    }) && s.find('\0') == std::string::npos;
}

// Valid UTF-8 built from the input: what a reseller can type into the search field.
std::string typedText(Bytes& in, std::size_t maxChars) {
    static const std::uint32_t kSamples[] = {'a', 'Z', '0', ' ', '%', '&', '=', '#', '+', '/', '?', 0xE4, 0xDF, 0x20AC,
                                             0x4E2D, 0x1F600, 0x200B, 0x202E};
    std::string s;
    std::size_t chars = in.pick(maxChars + 1);
    for (std::size_t i = 0; i < chars; ++i) {
        std::uint32_t cp = kSamples[in.pick(sizeof kSamples / sizeof kSamples[0])];
        if (cp < 0x80) s += static_cast<char>(cp);
        else if (cp < 0x800) s += {static_cast<char>(0xC0 | cp >> 6), static_cast<char>(0x80 | (cp & 0x3F))};
        else if (cp < 0x10000)
            s += {static_cast<char>(0xE0 | cp >> 12), static_cast<char>(0x80 | (cp >> 6 & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
        else
            s += {static_cast<char>(0xF0 | cp >> 18), static_cast<char>(0x80 | (cp >> 12 & 0x3F)),
                  static_cast<char>(0x80 | (cp >> 6 & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    }
    return s;
}

std::int64_t positive(Bytes& in) {
    std::int64_t v = in.int64();
    if (v == std::numeric_limits<std::int64_t>::min()) return std::numeric_limits<std::int64_t>::max();
    v = v < 0 ? -v : v;
    return v == 0 ? 1 : v;
}

std::string day(Bytes& in) {
    char buf[16];
    int y = 1970 + static_cast<int>(in.pick(130)), m = 1 + static_cast<int>(in.pick(12));
    int d = 1 + static_cast<int>(in.pick(static_cast<std::size_t>(daysIn(y, m))));
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

// Mode 0: any address-bar text. Mode 1: a place the console itself can be in, which must
// survive a reload (toHash, then fromHash) unchanged.
Outcome routeTarget(const std::uint8_t* d, std::size_t n) {
    Checks c;
    Bytes in(d, n);
    if (in.byte() & 1) {
        static const char* kStatuses[] = {"", "invited", "active", "revoked", "cancelled"};
        static const char* kSorts[] = {"name", "-name", "created_at", "-created_at", "renews_at", "-renews_at", "licenses", "-licenses"};
        static const char* kInvoiceStatuses[] = {"", "open", "paid", "overdue", "void"};
        Route r;
        r.screen = static_cast<Screen>(in.pick(4));
        if (r.screen == Screen::Customer) r.customerId = positive(in);
        if (r.screen == Screen::Customers) {
            r.customers.search = typedText(in, 200);
            r.customers.status = kStatuses[in.pick(5)];
            r.customers.sort = kSorts[in.pick(8)];
        }
        if (r.screen == Screen::Invoices) {
            if (in.flag()) r.invoiceId = positive(in);
            if (in.flag()) r.invoices.customerId = positive(in);
            r.invoices.status = kInvoiceStatuses[in.pick(5)];
            if (in.flag()) r.invoices.from = day(in);
            if (in.flag()) r.invoices.to = day(in);
        }
        std::string hash = r.toHash();
        c.expect(urlSafe(hash), "an address with unsafe characters: " + hash);
        Route back = Route::fromHash(hash);
        c.expect(back.toHash() == hash, "a reload changes the place: " + hash + " became " + back.toHash());
        c.expect(back.customers.search == r.customers.search, "a reload changes the search");
        return {c.problem, true};
    }
    std::string hash = in.rest();
    Route r = Route::fromHash(hash);
    std::string canonical = r.toHash();
    c.expect(urlSafe(canonical), "an address with unsafe characters: " + canonical);
    c.expect(Route::fromHash(canonical).toHash() == canonical, "an address is not stable over a reload: " + canonical);
    c.expect(validUtf8(r.customers.search) || !validUtf8(percentDecode(hash)), "a search cut inside a character");
    c.expect(percentDecode(percentEncode(hash)) == hash, "percent-decoding does not undo percent-encoding");
    // What the address bar asks for becomes a request to the API: nothing may break out of it.
    c.expect(urlSafe(ApiClient::customersPath(r.customers, hash, 50)), "a customers request with unsafe characters");
    c.expect(urlSafe(ApiClient::invoicesQuery(r.invoices)), "an invoices request with unsafe characters");
    return {c.problem, true};
}

// --- format -----------------------------------------------------------------------------------

std::string digitsOf(const std::string& s) {
    std::string out;
    for (char ch : s)
        if (ch >= '0' && ch <= '9') out += ch;
    return out;
}

std::string currency(Bytes& in) {
    static const char* kKnown[] = {"USD", "EUR", "GBP", "JPY", "KRW", "CHF"};
    if (in.pick(4)) return kKnown[in.pick(6)];
    std::string s;
    for (int i = 0; i < 3; ++i) s += static_cast<char>('A' + in.pick(26));
    return s;
}

// Mode 0: numbers and money; 1: dates, timestamps and months from any text; 2: patterns;
// 3: a moment in the reseller's own time.
Outcome formatTarget(const std::uint8_t* d, std::size_t n) {
    Checks c;
    Bytes in(d, n);
    std::uint8_t mode = in.byte();
    Language lang = mode & 0x80 ? Language::German : Language::English;
    switch (mode % 4) {
        case 0: {
            std::int64_t v = in.int64();
            std::uint64_t mag = v < 0 ? std::uint64_t(0) - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
            std::string i = format::integer(v, lang);
            c.expect(digitsOf(i) == std::to_string(mag), "integer " + std::to_string(v) + " printed as " + i);
            Money m{v, currency(in)};
            std::string s = format::money(m, lang);
            std::string digits = digitsOf(s);
            c.expect(!digits.empty() && std::stoull(digits) == mag, "money " + std::to_string(v) + " " + m.currency + " printed as " + s);
            c.expect((s.find('-') != std::string::npos) == (v < 0), "money's sign is wrong: " + s);
            std::string compact = format::moneyCompact(m, lang);
            c.expect(!compact.empty() && validUtf8(compact), "compact money is empty or broken: " + compact);
            c.expect((compact.find('-') != std::string::npos) == (v <= -100 || (v < 0 && m.currency == "JPY") || (v < 0 && m.currency == "KRW")),
                     "compact money's sign is wrong: " + compact);
            break;
        }
        case 1: {
            std::string s = in.rest();
            std::string date = format::date(s, lang);
            c.expect(date == s || isCalendarDay(s.substr(0, 10)), shown(s) + " was formatted as a date: " + shown(date));
            std::string dt = format::dateTime(s, lang);
            std::size_t comma = dt.rfind(", ");
            c.expect(dt == s || isCalendarDay(s.substr(0, 10)), shown(s) + " was formatted as a timestamp: " + shown(dt));
            if (dt != s && dt != format::date(s.substr(0, 10), lang) && comma != std::string::npos) {
                std::string hm = dt.substr(comma + 2);
                bool ok = hm.size() == 5 && hm[2] == ':' && allDigits(hm.substr(0, 2)) && allDigits(hm.substr(3)) &&
                          std::stoi(hm.substr(0, 2)) < 24 && std::stoi(hm.substr(3)) < 60;
                c.expect(ok, shown(s) + " was formatted with the time " + shown(hm));
            }
            std::string month = format::monthShort(s, lang);
            bool monthOk = month == s || (s.size() >= 7 && allDigits(s.substr(0, 4)) && s[4] == '-' && allDigits(s.substr(5, 2)) &&
                                          std::stoi(s.substr(5, 2)) >= 1 && std::stoi(s.substr(5, 2)) <= 12);
            c.expect(monthOk, shown(s) + " was formatted as the month " + shown(month));
            break;
        }
        case 3: {
            std::int64_t at = in.int64(), now = in.int64();
            if (in.flag() && at >= 0 && at < std::numeric_limits<std::int64_t>::max() / 2)  // mostly: the same day or the next
                now = at + static_cast<std::int64_t>(in.pick(86'400'000));
            int offset = static_cast<int>(in.pick(1681)) - 840;  // what a browser reports: UTC-14..+14
            std::string t = format::localTime(at, offset, now, lang);
            std::size_t colon = t.rfind(':');
            c.expect(colon != std::string::npos && colon >= 2 && allDigits(t.substr(colon - 2, 2)) &&
                         std::stoi(t.substr(colon - 2, 2)) < 24 && allDigits(t.substr(colon + 1)) && std::stoi(t.substr(colon + 1)) < 60,
                     "a moment shown as " + shown(t));
            break;
        }
        default: {
            std::string pattern = in.text(64);
            std::string a = in.text(16), b = in.text(16), rest = in.rest();
            std::string out = format::fill(pattern.c_str(), a, b, rest);
            if (pattern.find('{') == std::string::npos) c.expect(out == pattern.substr(0, std::strlen(pattern.c_str())), "fill changed a pattern without slots");
            break;
        }
    }
    return {c.problem, true};
}

// --- text as drawn ---------------------------------------------------------------------------

// Names and other server text as they are drawn (bidi order, Arabic shaping, invisible marks
// dropped): any bytes, valid UTF-8 or not.
Outcome displayTextTarget(const std::uint8_t* d, std::size_t n) {
    Checks c;
    std::string text(reinterpret_cast<const char*>(d), n);
    std::string drawn = displayText(text);
    c.expect(validUtf8(drawn) || !validUtf8(text), "text drawn as invalid UTF-8: " + shown(drawn));
    c.expect(needsDisplayForm(text) || drawn == text, "displayText changed text that needsDisplayForm says it leaves alone");
    c.expect(utf8::decode(drawn).size() <= utf8::decode(text).size(), "more characters drawn than given: " + shown(drawn));
    if (validUtf8(text)) c.expect(utf8::encode(utf8::decode(text)) == text, "UTF-8 does not survive decode and encode");
    return {c.problem, true};
}

// --- a spreadsheet file chosen for an import ---------------------------------------------------

// The file written back as CSV that the reader must read back the same: every field quoted, a
// "sep=," line first, UTF-8.
std::string asCsv(const sheet::Table& t) {
    std::string out = "sep=,\r\n";
    const auto line = [&](const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i) out += ',';
            out += '"';
            for (char ch : fields[i]) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            out += '"';
        }
        out += "\r\n";
    };
    line(t.header);
    for (const auto& row : t.rows) line(row);
    return out;
}

// Any bytes as the file an import reads (small limits, so inputs of a kilobyte reach them all):
// either one problem and nothing read, or a table of valid UTF-8 within the limits that reads
// back the same when written as CSV, and rows the import can send as JSON.
Outcome sheetTarget(const std::uint8_t* d, std::size_t n) {
    Checks c;
    sheet::Limits limits;
    limits.maxBytes = 4096;
    limits.maxColumns = 8;
    limits.maxLineBytes = 96;
    limits.maxRows = 12;
    const std::string_view bytes(reinterpret_cast<const char*>(d), n);
    sheet::Result r = sheet::parse(bytes, limits);
    if (!r.ok()) {
        c.expect(r.table.header.empty() && r.table.rows.empty(), "a file with a problem left a half-read table");
        return {c.problem, false};
    }
    const sheet::Table& t = r.table;
    c.expect(!t.header.empty(), "a table without a header");
    c.expect(!t.rows.empty() && t.rows.size() <= limits.maxRows, "rows outside 1..maxRows");
    c.expect(t.lines.size() == t.rows.size(), "a row without its line");
    c.expect(std::is_sorted(t.lines.begin(), t.lines.end()) && (t.lines.empty() || t.lines.front() >= 2),
             "rows' lines out of order");
    c.expect(t.separator == ',' || t.separator == ';' || t.separator == '\t' || t.separator == '|', "an odd separator");
    c.expect(t.header.size() <= limits.maxColumns, "a header past maxColumns");
    for (const std::string& h : t.header) showText(c, h, "a header");
    for (const auto& row : t.rows) {
        c.expect(row.size() <= limits.maxColumns, "a row past maxColumns");
        for (const std::string& field : row) showText(c, field, "a cell");
    }
    // Written back as CSV and read again: the same table (limits loose enough for the quotes).
    sheet::Limits loose;
    loose.maxLineBytes = limits.maxLineBytes * 4 + 64;
    sheet::Result again = sheet::parse(asCsv(t), loose);
    c.expect(again.ok(), "the table written as CSV does not read back");
    if (again.ok()) {
        c.expect(again.table.header == t.header, "the header reads back different");
        c.expect(again.table.rows == t.rows, "the rows read back different");
    }
    const import::ColumnMap map = import::guessColumns(t.header);
    const std::vector<import::Row> rows = import::readRows(t, map);
    c.expect(rows.size() == t.rows.size(), "rows lost between the table and the import");
    for (const import::Row& row : rows) {
        c.expect(nlohmann::json::accept(import::rowJson(row)), "a row's JSON does not parse");
        c.expect(row.verdict != import::Verdict::Duplicate || (row.duplicateOf > 0 && row.duplicateOf < row.number),
                 "a duplicate of no earlier row");
        c.expect((row.verdict == import::Verdict::Invalid) == (row.invalid != 0), "a verdict that disagrees with its fields");
    }
    return {c.problem, true};
}

// --- offline storage ------------------------------------------------------------------------

bool headerSafe(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char ch) { return ch > 0x20 && ch < 0x7f; });
}

// Even-length inputs are looked up under the key their own fields name (to get past the
// reseller check), odd ones under a fixed key.
std::string outboxKey(const std::string& stored) {
    nlohmann::json j = nlohmann::json::parse(stored, nullptr, false);
    if (stored.size() % 2 == 0 && j.is_object()) {
        auto r = j.find("reseller"), q = j.find("queued_at"), k = j.find("idempotency_key");
        if (r != j.end() && r->is_number_integer() && q != j.end() && q->is_number_integer() && k != j.end() && k->is_string())
            return write_queue::storageKey(r->get<std::int64_t>(), q->get<std::int64_t>(), k->get<std::string>());
    }
    return write_queue::storageKey(1, 1'795'000'000'000, "stored-key");
}

// A queued write as storage gives it back after a reload: corrupt, edited or another format.
Outcome outboxEntryTarget(const std::uint8_t* d, std::size_t n) {
    Checks c;
    std::string stored(reinterpret_cast<const char*>(d), n);
    std::string key = outboxKey(stored);
    auto w = write_queue::decode(key, stored);
    if (!w) return {c.problem, false};
    c.expect(w->storageKey == key, "a write loaded under another key");
    showCount(c, w->licenses, "queued licenses");
    showCount(c, w->licensesBefore, "queued licenses_before");
    c.expect(w->attempts >= 0 && w->attempts <= write_queue::kMaxAttempts, "attempts = " + std::to_string(w->attempts));
    c.expect(headerSafe(w->idempotencyKey), "an idempotency key a header cannot carry: " + shown(w->idempotencyKey));
    c.expect(!w->path.empty() && w->path[0] == '/' && urlSafe(w->path), "a path a URL cannot carry: " + shown(w->path));
    c.expect(nlohmann::json::accept(w->body), "a body that is not JSON");
    for (const std::string* t : {&w->customerName, &w->email, &w->googleDomain, &w->organization}) showText(c, *t, "queued text");
    // What the store does with it: every kind of answer, then saving it again.
    for (int status : {0, 200, 401, 408, 409, 422, 429, 500, 503}) write_queue::classify(HttpResponse{status, "", ""}, w->attempts);
    auto again = write_queue::decode(key, write_queue::encode(*w));
    c.expect(again && again->body == w->body && again->path == w->path && again->attempts == w->attempts &&
                 again->licenses == w->licenses && again->state == w->state,
             "a saved write loads back different");
    return {c.problem, true};
}

// An answer kept for offline use, as storage gives it back.
Outcome offlineReadTarget(const std::uint8_t* d, std::size_t n) {
    Checks c;
    std::string stored(reinterpret_cast<const char*>(d), n);
    std::int64_t reseller = 1;
    std::string path = "/dashboard";
    nlohmann::json j = nlohmann::json::parse(stored, nullptr, false);
    if (n % 2 == 0 && j.is_object()) {
        auto r = j.find("reseller"), p = j.find("path");
        if (r != j.end() && r->is_number_integer()) reseller = r->get<std::int64_t>();
        if (p != j.end() && p->is_string()) path = p->get<std::string>();
    }
    std::int64_t savedAt = 0;
    std::string body;
    if (!OfflineReads::decodeEntry(stored, reseller, path, savedAt, body)) return {c.problem, false};
    c.expect(savedAt > 0, "saved_at = " + std::to_string(savedAt));
    c.expect(nlohmann::json::accept(body), "a saved answer that is not JSON");
    std::int64_t savedAgain = 0;
    std::string bodyAgain;
    c.expect(OfflineReads::decodeEntry(OfflineReads::encodeEntry(reseller, path, savedAt, body), reseller, path, savedAgain, bodyAgain) &&
                 savedAgain == savedAt && bodyAgain == body,
             "a saved answer loads back different");
    // "Showing data from ..." in the reseller's time, a day later.
    std::int64_t later = savedAt <= std::numeric_limits<std::int64_t>::max() - 86'400'000 ? savedAt + 86'400'000 : savedAt;
    for (Language lang : kLanguages)
        for (int offset : {-720, 0, 60, 840}) showText(c, format::localTime(savedAt, offset, later, lang), "data from");
    return {c.problem, true};
}

// --- the store --------------------------------------------------------------------------------

std::string contractExample(const std::string& name) {
    static std::map<std::string, std::string> cache;
    auto it = cache.find(name);
    if (it != cache.end()) return it->second;
    std::ifstream file(std::string(CONTRACT_DIR) + "/" + name, std::ios::binary);
    std::stringstream ss;
    ss << file.rdbuf();
    return cache[name] = ss.str();
}

// The contract example that answers a request, by method and path.
std::string exampleFor(const HttpRequest& req) {
    const std::string& u = req.url;
    auto has = [&](const char* part) { return u.find(part) != std::string::npos; };
    if (has("config.json")) return R"({"api_base_url": "/api/v1", "demo_sign_in": true, "demo_email": "demo@reseller.example"})";
    if (has("/auth/logout")) return "{}";
    if (has("/auth/")) return contractExample("auth_demo.json");
    if (has("/me")) return contractExample("me.json");
    if (has("/plans")) return contractExample("plans.json");
    if (has("/dashboard")) return contractExample("dashboard.json");
    if (has("/activity")) return contractExample("activity_page.json");
    if (has("/license-orders/preview")) return contractExample("license_order_preview.json");
    if (has("/license-orders")) return contractExample("license_order.json");
    if (has("/plan/preview")) return contractExample("plan_change_preview.json");
    if (has("/subscription/plan")) return contractExample("plan_change.json");
    if (has("/subscription/cancel")) return contractExample("subscription_pending_cancel.json");
    if (has("/subscription/reactivate")) return contractExample("subscription.json");
    if (has("/invoices/")) return contractExample("invoice.json");
    if (has("/invoices")) return contractExample("invoices_page.json");
    if (has("/customers?")) return contractExample("customers_page.json");
    if (has("/customers")) return contractExample("customer.json");
    return "{}";
}

// Answers only when the input says so, through the main queue as the browser does.
class ScriptedTransport : public Transport {
public:
    explicit ScriptedTransport(MainQueue& queue) : queue_(queue) {}
    void send(const HttpRequest& request, Completion done) override {
        sent.push_back(request);
        pending.push_back({request, std::move(done)});
    }
    void answer(std::size_t index, HttpResponse res) {
        auto done = std::move(pending[index].second);
        pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(index));
        queue_.post([done = std::move(done), res = std::move(res)] { done(res); });
    }
    std::vector<HttpRequest> sent;
    std::vector<std::pair<HttpRequest, Completion>> pending;

private:
    MainQueue& queue_;
};

// The page: storage is a map that answers through the main queue (or fails when the input
// says so), timers wait for the input to let time pass.
class ScriptedPlatform : public Platform {
public:
    explicit ScriptedPlatform(MainQueue& queue) : queue_(queue) {}
    void saveSession(const std::string& json) override { session = json; }
    std::string loadSession() override { return session; }
    void setRoute(const std::string& hash, bool) override { route = hash; }
    void copyText(const std::string&) override {}
    void download(const HttpRequest&, const std::string&, DownloadDone done) override { downloads.push_back(std::move(done)); }
    void googleSignedOut() override {}
    double now() override { return clock; }
    std::string newIdempotencyKey() override { return "key-" + std::to_string(++keys); }

    void storagePut(const std::string& key, const std::string& value, StorageDone done) override {
        if (storageStatus == StorageStatus::Ok) storage[key] = value;
        queue_.post([done = std::move(done), st = storageStatus] { done(st); });
    }
    void storageGet(const std::string& key, StorageValue done) override {
        auto it = storage.find(key);
        StorageStatus st = storageStatus != StorageStatus::Ok ? storageStatus : it == storage.end() ? StorageStatus::NotFound : StorageStatus::Ok;
        std::string value = it == storage.end() ? std::string() : it->second;
        queue_.post([done = std::move(done), st, value] { done(st, value); });
    }
    void storageList(const std::string& prefix, StorageList done) override {
        StorageEntries entries;
        if (storageStatus == StorageStatus::Ok)
            for (auto it = storage.lower_bound(prefix); it != storage.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
                entries.push_back(*it);
        queue_.post([done = std::move(done), st = storageStatus, entries] { done(st, entries); });
    }
    void storageRemove(const std::string& key, StorageDone done) override {
        storage.erase(key);
        queue_.post([done = std::move(done), st = storageStatus] { done(st); });
    }
    void storageRemovePrefix(const std::string& prefix, StorageDone done) override {
        for (auto it = storage.lower_bound(prefix); it != storage.end() && it->first.compare(0, prefix.size(), prefix) == 0;)
            it = storage.erase(it);
        queue_.post([done = std::move(done), st = storageStatus] { done(st); });
    }
    std::int64_t epochMillis() override { return epoch + static_cast<std::int64_t>(clock * 1000); }
    int utcOffsetMinutes(std::int64_t) override { return utcOffset; }
    void after(double seconds, std::function<void()> fn) override { timers.push_back({clock + seconds, std::move(fn)}); }
    void applyUpdate() override {}

    void finishDownload(std::size_t index, std::optional<ApiError> error) {
        auto done = std::move(downloads[index]);
        downloads.erase(downloads.begin() + static_cast<std::ptrdiff_t>(index));
        queue_.post([done = std::move(done), error] { done(error); });
    }
    // Lets `seconds` pass: timers that are due run through the main queue.
    void pass(double seconds) {
        clock += seconds;
        for (std::size_t i = 0; i < timers.size();) {
            if (timers[i].first <= clock) {
                queue_.post(std::move(timers[i].second));
                timers.erase(timers.begin() + static_cast<std::ptrdiff_t>(i));
            } else {
                ++i;
            }
        }
    }

    std::string session, route;
    std::vector<DownloadDone> downloads;
    std::map<std::string, std::string> storage;
    StorageStatus storageStatus = StorageStatus::Ok;
    std::vector<std::pair<double, std::function<void()>>> timers;
    double clock = 1000;
    std::int64_t epoch = 1'796'000'000'000;  // December 2026
    int utcOffset = 60;
    int keys = 0;

private:
    MainQueue& queue_;
};

// A body for a pending request: its contract example with a few edits, or raw bytes.
std::string answerBody(Bytes& in, const HttpRequest& req) {
    switch (in.pick(8)) {
        case 0: return in.text(512);
        case 1: return "";
        default: break;
    }
    nlohmann::json doc = nlohmann::json::parse(exampleFor(req), nullptr, false);
    std::size_t edits = in.pick(4);
    for (std::size_t i = 0; i < edits; ++i) json_edits::editTree(doc, in);
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const int kStatuses[] = {200, 200, 200, 201, 0, 400, 401, 403, 404, 409, 413, 422, 429, 500, 502, 503};

// Every request the console sends must be well formed whatever the server said before.
void checkRequests(Checks& c, const std::vector<HttpRequest>& sent, std::size_t from, const AppState& state) {
    const std::string& base = state.config.apiBaseUrl;  // config.json's, set by whoever deploys
    for (std::size_t i = from; i < sent.size(); ++i) {
        const HttpRequest& r = sent[i];
        if (r.url.compare(0, base.size(), base) == 0)
            c.expect(urlSafe(r.url.substr(base.size())), "a request with an unsafe address: " + r.url);
        if (!r.body.empty()) {
            nlohmann::json body = nlohmann::json::parse(r.body, nullptr, false);
            c.expect(!body.is_discarded(), "a request body that is not JSON: " + r.body);
            if (!body.is_discarded() && body.is_object() && body.contains("licenses") && state.plans) {
                const auto& l = body["licenses"];
                c.expect(l.is_number_integer() && l.get<std::int64_t>() >= state.plans->minLicenses &&
                             l.get<std::int64_t>() <= state.plans->maxLicenses,
                         "a license count outside the plan's limits was sent: " + r.body);
            }
        }
        for (const auto& [name, value] : r.headers)
            c.expect(std::none_of(value.begin(), value.end(), [](char ch) { return ch == '\r' || ch == '\n' || ch == '\0'; }),
                     "a header value with CR, LF or NUL: " + name);
    }
}

// What a closed tab left in storage for reseller 1 (the contract's demo reseller): a queued
// license order and a saved dashboard, each possibly edited the way corruption or a hand in
// the browser's devtools would.
void seedStorage(Bytes& in, std::map<std::string, std::string>& storage) {
    QueuedWrite w;
    w.resellerId = 1;
    w.kind = WriteKind::LicenseOrder;
    w.path = "/customers/1/subscription/license-orders";
    w.body = codec::encodeLicenses(31, 30);
    w.idempotencyKey = "stored-key";
    w.queuedAt = 1'795'000'000'000;
    w.customerId = 1;
    w.customerName = "J\xc3\xbcrgen M\xc3\xbcller";
    w.licenses = 31;
    w.licensesBefore = 30;
    std::string key = write_queue::storageKey(w.resellerId, w.queuedAt, w.idempotencyKey);
    nlohmann::json doc = nlohmann::json::parse(write_queue::encode(w));
    for (std::size_t i = in.pick(3); i > 0; --i) json_edits::editTree(doc, in);
    storage[key] = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    nlohmann::json read = nlohmann::json::parse(
        OfflineReads::encodeEntry(1, "/dashboard", 1'795'000'000'000, contractExample("dashboard.json")));
    for (std::size_t i = in.pick(3); i > 0; --i) json_edits::editTree(read, in);
    storage[OfflineReads::keyPrefix(1) + "/dashboard"] = read.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The console's store driven by the input: a saved session, the address at start, then a run of
// the reseller's intents and the server's answers (contract examples with edits, raw bytes,
// errors, dropped connections) in any order.
Outcome storeTarget(const std::uint8_t* d, std::size_t n) {
    Checks c;
    Bytes in(d, n);
    MainQueue queue;
    ScriptedTransport transport(queue);
    ScriptedPlatform platform(queue);
    switch (in.pick(3)) {
        case 0: platform.session = codec::encodeSession(codec::decodeSession(contractExample("auth_demo.json")).value()); break;
        case 1: platform.session = in.text(200); break;
        default: break;
    }
    static const Platform::StorageStatus kStorage[] = {Platform::StorageStatus::Ok, Platform::StorageStatus::Ok,
                                                       Platform::StorageStatus::Unavailable, Platform::StorageStatus::QuotaExceeded,
                                                       Platform::StorageStatus::Failed};
    platform.storageStatus = kStorage[in.pick(5)];
    platform.utcOffset = static_cast<int>(in.pick(1681)) - 840;
    if (in.flag()) seedStorage(in, platform.storage);
    Store store(transport, platform);
    store.start("config.json", in.text(60));
    queue.drain();
    std::size_t checked = 0;
    for (int step = 0; step < 96 && !in.empty(); ++step) {
        const AppState& s = store.state();
        const auto& page = s.customer;
        switch (in.pick(25)) {
            case 0: case 1: case 2: case 3: case 4: case 5: {  // the server answers
                if (transport.pending.empty()) break;
                std::size_t i = in.pick(transport.pending.size());
                int status = kStatuses[in.pick(sizeof kStatuses / sizeof kStatuses[0])];
                std::string body = status == 0 ? std::string() : answerBody(in, transport.pending[i].first);
                transport.answer(i, HttpResponse{status, body, ""});
                break;
            }
            case 6: store.navigate(Route::fromHash(in.text(40)), in.flag()); break;
            case 7:
                store.session().editEmail(in.text(40));
                if (in.flag()) store.session().signInDemo(); else store.session().signInWithGoogle(in.text(40));
                break;
            case 8: store.session().signOut(); break;
            case 9: {
                CustomerFilter f;
                f.search = in.text(30);
                f.status = in.flag() ? "active" : "";
                f.sort = in.flag() ? "-licenses" : "name";
                switch (in.pick(3)) {
                    case 0: store.customers().setFilter(f); break;
                    case 1: {  // rows on screen anywhere in the list, even past its end
                        std::int64_t first = in.flag() ? in.int64() : static_cast<std::int64_t>(in.pick(400));
                        store.customers().view(first, first > INT64_MAX - 64 ? first : first + static_cast<std::int64_t>(in.pick(60)));
                        break;
                    }
                    default: store.customers().retry(); break;
                }
                break;
            }
            case 10:
                if (const Customer* c = s.customers.rows.row(static_cast<std::int64_t>(in.pick(400))); c && in.flag()) store.openCustomer(c->id);
                else store.openCustomer(in.int64());
                break;
            case 11:
                switch (in.pick(5)) {
                    case 0: store.newCustomer().open(); break;
                    case 1: store.newCustomer().edit(in.text(20), in.text(20), in.text(20), in.text(20)); break;
                    case 2: store.newCustomer().checkField(in.flag() ? "email" : "google_domain"); break;
                    case 3: store.newCustomer().submit(); break;
                    default: store.newCustomer().close(); break;
                }
                break;
            case 12:
                switch (in.pick(6)) {
                    case 0: store.customerPage().reload(); break;
                    case 1: store.customerPage().resendInvitation(); break;
                    case 2: store.customerPage().requestRevoke(); break;
                    case 3: store.customerPage().revokeInvitation(); break;
                    case 4: store.customerPage().cancelRevoke(); break;
                    default: store.customerPage().copyInvitationLink(); break;
                }
                break;
            case 13: case 14:  // the license dialog, as its buttons call the store
                switch (in.pick(7)) {
                    case 0: store.subscription().openLicenseOrder(); break;
                    case 1: store.subscription().setLicenseTarget(page.licenses.target + 1); break;
                    case 2: store.subscription().setLicenseTarget(page.licenses.target - 1); break;
                    case 3: store.subscription().setLicenseTarget(static_cast<int>(in.pick(100000))); break;
                    case 4: store.subscription().requestOrderConfirmation(); break;
                    case 5: store.subscription().placeLicenseOrder(); break;
                    default: if (in.flag()) store.subscription().cancelOrderConfirmation(); else store.subscription().closeLicenseOrder(); break;
                }
                break;
            case 15:
                switch (in.pick(6)) {
                    case 0: store.subscription().openPlanChange(); break;
                    case 4: store.subscription().reviewPlanChange(); break;
                    case 5: store.subscription().backToPlanChoice(); break;
                    case 1: {
                        static const char* kPlans[] = {"basic", "professional", "enterprise", ""};
                        static const char* kCycles[] = {"flexible", "annual_monthly", "annual_yearly", ""};
                        store.subscription().choosePlan(kPlans[in.pick(4)], kCycles[in.pick(4)]);
                        break;
                    }
                    case 2: store.subscription().confirmPlanChange(); break;
                    default: store.subscription().closePlanChange(); break;
                }
                break;
            case 16:
                switch (in.pick(5)) {
                    case 0: store.subscription().openCancel(); break;
                    case 1: {
                        std::string typed = page.customer && in.flag() ? page.customer->googleDomain : in.text(20);
                        store.subscription().editCancel(typed, in.flag() ? "now" : "end_of_term", in.text(20));
                        break;
                    }
                    case 2: store.subscription().confirmCancel(); break;
                    case 3: store.subscription().reactivate(); break;
                    default: store.subscription().closeCancel(); break;
                }
                break;
            case 17: {
                InvoiceFilter f;
                f.status = in.flag() ? "open" : "";
                if (in.flag()) f.customerId = in.int64();
                switch (in.pick(3)) {
                    case 0: store.invoices().setFilter(f); break;
                    case 1: {
                        std::int64_t first = in.flag() ? in.int64() : static_cast<std::int64_t>(in.pick(400));
                        store.invoices().view(first, first > INT64_MAX - 64 ? first : first + static_cast<std::int64_t>(in.pick(60)));
                        break;
                    }
                    default: store.invoices().retry(); break;
                }
                break;
            }
            case 18:
                switch (in.pick(4)) {
                    case 0:
                        if (const Invoice* inv = s.invoices.rows.row(static_cast<std::int64_t>(in.pick(400)))) store.invoices().open(inv->id);
                        else store.invoices().open(in.int64());
                        break;
                    case 1: store.invoices().downloadPdf(); break;
                    case 2: store.invoices().exportCsv(); break;
                    default: store.invoices().close(); break;
                }
                break;
            case 19:
                if (!platform.downloads.empty()) {
                    int status = kStatuses[in.pick(sizeof kStatuses / sizeof kStatuses[0])];
                    std::optional<ApiError> error;
                    if (status >= 300 || status == 0) error = ApiError{status, in.flag() ? "" : "unauthorized", "", {}};
                    platform.finishDownload(in.pick(platform.downloads.size()), error);
                }
                break;
            case 20:
                platform.clock += static_cast<double>(in.pick(20));
                store.toasts().expire();
                if (!s.toasts.empty() && in.flag()) store.toasts().dismiss(s.toasts[in.pick(s.toasts.size())].id);
                break;
            case 21:  // the language switch: toasts are put into the new language's words when drawn
                setLanguage(in.flag() ? Language::German : Language::English);
                break;
            case 22: store.session().setGoogleStatus(static_cast<GoogleStatus>(in.pick(4))); break;
            case 23:  // offline: the browser's events, the banner, the outbox, the update
                switch (in.pick(8)) {
                    case 0: store.offline().setBrowserOnline(in.flag()); break;
                    case 1: store.offline().retryConnection(); break;
                    case 2: store.offline().queueLicenseOrder(); break;
                    case 3: case 4: {
                        const auto& outbox = s.offline.outbox;
                        if (outbox.empty()) break;
                        std::string key = outbox[in.pick(outbox.size())].storageKey;
                        if (in.flag()) store.offline().retryWrite(key); else store.offline().discardWrite(key);
                        break;
                    }
                    case 5: store.offline().dismissStorageNote(); break;
                    case 6: store.offline().setUpdateReady(); store.offline().applyUpdate(); break;
                    default: platform.pass(static_cast<double>(in.pick(120))); break;
                }
                break;
            default: store.dashboard().load(); break;
        }
        queue.drain();
        checkRequests(c, transport.sent, checked, store.state());
        checked = transport.sent.size();
        for (const Toast& t : store.state().toasts) showText(c, sentence(t.message), "a toast");
        if (!c.problem.empty()) break;
    }
    setLanguage(Language::English);
    return {c.problem, true};
}

}  // namespace

const std::vector<Target>& targets() {
    static const std::vector<Target> all = {
        {"decode_session", decodeSessionTarget, true, "the saved session (browser storage) and sign-in answers"},
        {"decode_config", decodeConfigTarget, true, "config.json beside index.html"},
        {"decode_customers_page", decodeCustomersPageTarget, true, "GET /customers"},
        {"decode_customer", decodeCustomerTarget, true, "one customer (GET, POST, resend, revoke)"},
        {"decode_reseller", decodeResellerTarget, true, "GET /me"},
        {"decode_subscription", decodeSubscriptionTarget, true, "cancel and reactivate answers"},
        {"decode_plans", decodePlansTarget, true, "GET /plans"},
        {"decode_dashboard", decodeDashboardTarget, true, "GET /dashboard"},
        {"decode_license_preview", decodeLicensePreviewTarget, true, "license order preview"},
        {"decode_plan_change_preview", decodePlanChangePreviewTarget, true, "plan change preview"},
        {"decode_order_outcome", decodeOrderOutcomeTarget, true, "license order and plan change answers"},
        {"decode_invoice", decodeInvoiceTarget, true, "GET /invoices/{id}"},
        {"decode_invoices_page", decodeInvoicesPageTarget, true, "GET /invoices"},
        {"decode_activity_page", decodeActivityPageTarget, true, "GET /activity, and the sentences made from it"},
        {"decode_error", decodeErrorTarget, true, "every non-2xx answer (status + body)"},
        {"outbox_entry", outboxEntryTarget, true, "a queued write as storage gives it back after a reload"},
        {"offline_read", offlineReadTarget, true, "an answer kept for offline use, as storage gives it back"},
        {"display_text", displayTextTarget, false, "server text as drawn: bidi order, Arabic shaping, invisible marks"},
        {"sheet", sheetTarget, false, "a spreadsheet file chosen for an import (CSV dialects, encodings) and its rows"},
        {"validation", validationTarget, false, "new-customer rules: name, email, Google domain, organization"},
        {"route", routeTarget, false, "the address bar (#/...) and the API queries made from it"},
        {"format", formatTarget, false, "numbers, money, dates, timestamps, months, text patterns"},
        {"store", storeTarget, false, "the store: saved session, start address, intents and answers in any order"},
    };
    return all;
}

const Target* findTarget(const std::string& name) {
    for (const Target& t : targets())
        if (name == t.name) return &t;
    return nullptr;
}

}  // namespace rc::fuzz
