#include "core/http_date.h"

#include <cctype>
#include <cstdio>
#include <cstring>

#include "core/status_presentation.h"

namespace rc {
namespace {

bool digits(const std::string& s, std::size_t at, std::size_t n, int& out) {
    if (at + n > s.size()) return false;
    out = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

}  // namespace

std::int64_t parseHttpDate(const std::string& t) {
    // "Tue, 07 Dec 2026 17:00:00 GMT": fixed positions, 29 characters.
    static const char* const kMonths = "JanFebMarAprMayJunJulAugSepOctNovDec";
    if (t.size() != 29 || t[3] != ',' || t[4] != ' ' || t[7] != ' ' || t[11] != ' ' || t[16] != ' ' || t[19] != ':' ||
        t[22] != ':' || t[25] != ' ' || t.compare(26, 3, "GMT") != 0)
        return 0;
    int day = 0, year = 0, hour = 0, minute = 0, second = 0;
    if (!digits(t, 5, 2, day) || !digits(t, 12, 4, year) || !digits(t, 17, 2, hour) || !digits(t, 20, 2, minute) ||
        !digits(t, 23, 2, second))
        return 0;
    const char* found = std::strstr(kMonths, t.substr(8, 3).c_str());
    if (!found || (found - kMonths) % 3 != 0) return 0;
    unsigned month = static_cast<unsigned>((found - kMonths) / 3 + 1);
    if (day < 1 || day > 31 || year < 1970 || hour > 23 || minute > 59 || second > 60) return 0;
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02u-%02d", year, month, day);
    std::int64_t days = daysBetween("1970-01-01", iso);
    return ((days * 24 + hour) * 60 + minute) * 60000 + second * 1000;
}

std::string dateHeaderOf(const std::string& raw) {
    std::size_t at = 0;
    while (at < raw.size()) {
        std::size_t end = raw.find('\n', at);
        if (end == std::string::npos) end = raw.size();
        std::string line = raw.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.size() > 5 && std::tolower(static_cast<unsigned char>(line[0])) == 'd' &&
            std::tolower(static_cast<unsigned char>(line[1])) == 'a' && std::tolower(static_cast<unsigned char>(line[2])) == 't' &&
            std::tolower(static_cast<unsigned char>(line[3])) == 'e' && line[4] == ':') {
            std::size_t v = line.find_first_not_of(' ', 5);
            return v == std::string::npos ? std::string() : line.substr(v);
        }
        at = end + 1;
    }
    return {};
}

}  // namespace rc
