#include "core/format.h"

#include <cstdio>
#include <algorithm>
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

// Exactly `count` ASCII digits at `pos` (sscanf's %d would also take signs and spaces).
bool digitsAt(const std::string& s, std::size_t pos, std::size_t count, int& value) {
    if (s.size() < pos + count) return false;
    value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        value = value * 10 + (s[i] - '0');
    }
    return true;
}

// YYYY-MM at the start of `s`.
bool yearMonth(const std::string& s, int& y, int& m) {
    return digitsAt(s, 0, 4, y) && s.size() > 4 && s[4] == '-' && digitsAt(s, 5, 2, m) && m >= 1 && m <= 12;
}

// YYYY-MM-DD at the start of `s`, a day the calendar has.
bool calendarDay(const std::string& s, int& y, int& m, int& d) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!yearMonth(s, y, m) || s.size() < 10 || s[7] != '-' || !digitsAt(s, 8, 2, d)) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d >= 1 && d <= (m == 2 && leap ? 29 : kDays[m - 1]);
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
    if (!calendarDay(iso, y, mo, d)) return iso;
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

std::string fill(const char* pattern, const std::string& a, const std::string& b, const std::string& c) {
    const std::string* args[] = {&a, &b, &c};
    std::string out;
    int next = 0;
    for (const char* p = pattern; *p; ++p) {
        if (p[0] == '{' && p[1] == '}' && next < 3) {
            out += *args[next++];
            ++p;
        } else if (p[0] == '{' && p[1] >= '1' && p[1] <= '3' && p[2] == '}') {
            // Numbered slots let a translation put the arguments in another order.
            out += *args[p[1] - '1'];
            p += 2;
        } else {
            out += *p;
        }
    }
    return out;
}

std::string dateTime(const std::string& iso, Language lang) {
    int y = 0, mo = 0, d = 0, hh = 0, mm = 0;
    if (!calendarDay(iso, y, mo, d)) return iso;  // not a timestamp: shown whole, never cut inside a character
    std::string day = date(iso.substr(0, 10), lang);
    if (iso.size() >= 16 && (iso[10] == 'T' || iso[10] == ' ') && digitsAt(iso, 11, 2, hh) && iso[13] == ':' &&
        digitsAt(iso, 14, 2, mm) && hh < 24 && mm < 60) {
        char buf[16];
        std::snprintf(buf, sizeof buf, ", %02d:%02d", hh, mm);
        return day + buf;
    }
    return day;
}

std::string monthShort(const std::string& ym, Language lang) {
    static const char* en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static const char* de[] = {"Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"};
    int y = 0, m = 0;
    if (!yearMonth(ym, y, m)) return ym;
    return lang == Language::German ? de[m - 1] : en[m - 1];
}

std::string moneyCompact(const Money& m, Language lang) {
    bool de = lang == Language::German;
    std::int64_t units = m.amount / (minorDigits(m.currency) == 2 ? 100 : 1);
    const char* sym = symbol(m.currency);
    std::string number;
    if (units >= 1000) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(units) / 1000.0);
        number = buf;
        if (de) std::replace(number.begin(), number.end(), '.', ',');
        number += "k";
    } else {
        number = std::to_string(units);
    }
    if (de) return number + " " + (sym ? sym : m.currency.c_str());
    return sym ? sym + number : number + " " + m.currency;
}

std::string localTime(std::int64_t epochMillis, int utcOffsetMinutes, std::int64_t nowMillis, Language lang) {
    auto localMinutes = [&](std::int64_t ms) {
        std::int64_t m = ms / 60000 + utcOffsetMinutes;
        return ms < 0 && ms % 60000 ? m - 1 : m;
    };
    std::int64_t minutes = localMinutes(epochMillis);
    std::int64_t day = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
    std::int64_t nowMinutes = localMinutes(nowMillis);
    std::int64_t today = nowMinutes >= 0 ? nowMinutes / 1440 : (nowMinutes - 1439) / 1440;
    int hh = static_cast<int>((minutes - day * 1440) / 60), mm = static_cast<int>((minutes - day * 1440) % 60);
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", hh, mm);
    if (day == today) return clock;
    // Civil date from days since 1970 (Howard Hinnant's algorithm).
    std::int64_t z = day + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    std::int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1), m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    char buf[40];
    if (lang == Language::German) {
        std::snprintf(buf, sizeof buf, "%02d.%02d., %s", d, m, clock);
    } else {
        static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        std::snprintf(buf, sizeof buf, "%s %d, %s", months[m - 1], d, clock);
    }
    return buf;
}

}  // namespace rc::format
