#include "core/format.h"

#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <vector>

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
    std::uint64_t mag = units < 0 ? static_cast<std::uint64_t>(-(units + 1)) + 1 : static_cast<std::uint64_t>(units);
    const char* sym = symbol(m.currency);
    std::string number;
    if (mag >= 1000000) {
        // Tenths of a million, rounded half up: 1,25 Mio. reads 1,3 Mio.; a whole number drops ",0".
        std::uint64_t tenths = (mag + 50000) / 100000;
        number = grouped(tenths / 10, de ? '.' : ',');
        if (tenths % 10) number += std::string(de ? "," : ".") + static_cast<char>('0' + tenths % 10);
        number += de ? " Mio." : "M";
    } else {
        number = grouped(mag, de ? '.' : ',');
    }
    std::string sign = units < 0 ? "-" : "";
    if (de) return sign + number + " " + (sym ? sym : m.currency.c_str());
    return sym ? sign + sym + number : sign + number + " " + m.currency;
}

bool isIsoDay(const std::string& text) {
    int y = 0, m = 0, d = 0;
    return text.size() == 10 && calendarDay(text, y, m, d);
}

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::string lowerAscii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// The ISO day of y/m/d, or nullopt when the calendar has no such day.
std::optional<std::string> isoOf(int y, int m, int d) {
    if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    if (!isIsoDay(buf)) return std::nullopt;
    return std::string(buf);
}

// A month's name in English or German, whole or cut to three or more letters ("nov", "nov.",
// "november", "mär", "dez", "maerz"): 1-12, or 0. Both languages: no name means two months.
int monthNamed(std::string word) {
    if (!word.empty() && word.back() == '.') word.pop_back();
    word = lowerAscii(word);
    static const char* en[] = {"january", "february", "march", "april", "may", "june", "july", "august",
                               "september", "october", "november", "december"};
    static const char* de[] = {"januar", "februar", "m\xc3\xa4rz", "april", "mai", "juni", "juli", "august",
                               "september", "oktober", "november", "dezember"};
    if (word == "maerz") return 3;
    if (word.size() < 3) return 0;
    for (const char** names : {en, de})
        for (int i = 0; i < 12; ++i)
            if (std::string(names[i]).compare(0, word.size(), word) == 0) return i + 1;
    return 0;
}

// The text split into words of digits, letters (and a trailing dot), and the separators
// ".", "-", "/" and ","; spaces only separate.
std::vector<std::string> dateTokens(const std::string& s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c == ' ' || c == '\t') {
            ++i;
        } else if (isDigit(c)) {
            std::size_t j = i;
            while (j < s.size() && isDigit(s[j])) ++j;
            out.push_back(s.substr(i, j - i));
            i = j;
        } else if (c == '.' || c == '-' || c == '/' || c == ',') {
            out.push_back(std::string(1, c));
            ++i;
        } else {
            std::size_t j = i;
            while (j < s.size() && s[j] != ' ' && s[j] != ',' && s[j] != '.' && !isDigit(s[j])) ++j;
            if (j < s.size() && s[j] == '.') ++j;  // "Nov." keeps its dot
            out.push_back(s.substr(i, j - i));
            i = j;
        }
    }
    return out;
}

bool isNumber(const std::string& t, std::size_t minLen, std::size_t maxLen) {
    return t.size() >= minLen && t.size() <= maxLen && isDigit(t[0]);
}

int yearOf(const std::string& t) {
    int y = std::atoi(t.c_str());
    return t.size() == 2 ? 2000 + y : y;
}

}  // namespace

std::optional<std::string> parseDay(const std::string& typed) {
    std::vector<std::string> t = dateTokens(typed);
    if (t.size() > 8) return std::nullopt;
    auto year = [](const std::string& s) { return isNumber(s, 4, 4) || isNumber(s, 2, 2); };
    // 2026-11-01
    if (t.size() == 5 && isNumber(t[0], 4, 4) && t[1] == "-" && isNumber(t[2], 1, 2) && t[3] == "-" &&
        isNumber(t[4], 1, 2))
        return isoOf(std::atoi(t[0].c_str()), std::atoi(t[2].c_str()), std::atoi(t[4].c_str()));
    // 1.11.2026, 01.11.26, 1.11.2026.
    if ((t.size() == 5 || (t.size() == 6 && t[5] == ".")) && isNumber(t[0], 1, 2) && t[1] == "." &&
        isNumber(t[2], 1, 2) && t[3] == "." && year(t[4]))
        return isoOf(yearOf(t[4]), std::atoi(t[2].c_str()), std::atoi(t[0].c_str()));
    // Day, then the month's name: "1 Nov 2026", "1. November 2026", "1. Nov. 2026".
    std::vector<std::string> w;
    for (const std::string& s : t)
        if (s != "," && !(s == "." && !w.empty() && isNumber(w.back(), 1, 2))) w.push_back(s);
    if (w.size() == 3 && isNumber(w[0], 1, 2) && monthNamed(w[1]) && year(w[2]))
        return isoOf(yearOf(w[2]), monthNamed(w[1]), std::atoi(w[0].c_str()));
    // The month's name, then the day: "Nov 1, 2026", "November 1 2026".
    if (w.size() == 3 && monthNamed(w[0]) && isNumber(w[1], 1, 2) && isNumber(w[2], 4, 4))
        return isoOf(std::atoi(w[2].c_str()), monthNamed(w[0]), std::atoi(w[1].c_str()));
    return std::nullopt;
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
