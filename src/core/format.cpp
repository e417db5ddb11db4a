#include "core/format.h"

#include <cstdio>
#include <cstdlib>

namespace rc::format {
namespace {

std::string grouped(std::uint64_t v, char sep) {
    std::string digits = std::to_string(v);
    std::string out;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        out += digits[static_cast<std::size_t>(i)];
        int left = n - 1 - i;
        if (left > 0 && left % 3 == 0) out += sep;
    }
    return out;
}

int minorDigits(const std::string& currency) {
    if (currency == "JPY" || currency == "KRW") return 0;
    return 2;
}

const char* symbol(const std::string& currency) {
    if (currency == "USD") return "$";
    if (currency == "EUR") return "€";
    if (currency == "GBP") return "£";
    return nullptr;
}

}  // namespace

std::string integer(std::int64_t value, Language lang) {
    char sep = lang == Language::German ? '.' : ',';
    std::uint64_t mag = value < 0 ? static_cast<std::uint64_t>(-(value + 1)) + 1 : static_cast<std::uint64_t>(value);
    return (value < 0 ? "-" : "") + grouped(mag, sep);
}

std::string money(const Money& m, Language lang) {
    bool de = lang == Language::German;
    int digits = minorDigits(m.currency);
    std::uint64_t mag = m.amount < 0 ? static_cast<std::uint64_t>(-(m.amount + 1)) + 1 : static_cast<std::uint64_t>(m.amount);
    std::uint64_t scale = digits == 2 ? 100 : 1;
    std::string number = grouped(mag / scale, de ? '.' : ',');
    if (digits == 2) {
        char frac[4];
        std::snprintf(frac, sizeof frac, "%02u", static_cast<unsigned>(mag % scale));
        number += de ? ',' : '.';
        number += frac;
    }
    const char* sym = symbol(m.currency);
    std::string sign = m.amount < 0 ? "-" : "";
    if (de) return sign + number + " " + (sym ? sym : m.currency.c_str());
    if (sym) return sign + sym + number;
    return sign + number + " " + m.currency;
}

std::string date(const std::string& iso, Language lang) {
    int y = 0, mo = 0, d = 0;
    if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &mo, &d) != 3 || mo < 1 || mo > 12 || d < 1 || d > 31)
        return iso;
    char buf[32];
    if (lang == Language::German) {
        std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", d, mo, y);
    } else {
        static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        std::snprintf(buf, sizeof buf, "%s %d, %04d", months[mo - 1], d, y);
    }
    return buf;
}

}  // namespace rc::format
