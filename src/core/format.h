// The one place numbers, money and dates become text, per language.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/i18n.h"
#include "core/model.h"

namespace rc::format {

std::string integer(std::int64_t value, Language lang);        // 1,234 | 1.234
std::string money(const Money& m, Language lang);              // $1,234.56 | 1.234,56 $
std::string date(const std::string& isoDate, Language lang);   // Dec 31, 2026 | 31.12.2026; "" stays ""

// Puts the arguments into the "{}" slots of a translated pattern, in order.
std::string fill(const char* pattern, const std::string& a, const std::string& b = {}, const std::string& c = {});
// A timestamp (ISO 8601 UTC) as a date and time: Dec 4, 2026, 11:00 | 04.12.2026, 11:00.
std::string dateTime(const std::string& isoTimestamp, Language lang);
// A month "2026-03" as Mar | Mär.
std::string monthShort(const std::string& yyyymm, Language lang);
// Money for chart axes, whole units: $8,000 | 8.000 $; from a million $1.2M | 1,2 Mio. $.
std::string moneyCompact(const Money& m, Language lang);

// A day the calendar has, written YYYY-MM-DD (what the API takes and answers).
bool isIsoDay(const std::string& text);
// A day as a person types it, to YYYY-MM-DD; nullopt for anything that is not one day:
// 2026-11-01, 1.11.2026, 01.11.26 (the dotted form is day first wherever it is written),
// "Nov 1, 2026", "November 1 2026", "1 Nov 2026", "1. November 2026", "1. Nov. 2026". Month
// names of either language are taken in both (none names two months). Slashes (11/01/2026)
// are refused: they read as a different day in the US and in Europe.
std::optional<std::string> parseDay(const std::string& typed);

// A moment (ms since 1970) in the reseller's own time: "10:42" today, else with the date
// ("Dec 4, 10:42" | "04.12., 10:42").
std::string localTime(std::int64_t epochMillis, int utcOffsetMinutes, std::int64_t nowMillis, Language lang);

inline std::string dateTime(const std::string& s) { return dateTime(s, language()); }
inline std::string monthShort(const std::string& s) { return monthShort(s, language()); }
inline std::string moneyCompact(const Money& m) { return moneyCompact(m, language()); }
inline std::string integer(std::int64_t v) { return integer(v, language()); }
inline std::string money(const Money& m) { return money(m, language()); }
inline std::string date(const std::string& d) { return date(d, language()); }

}  // namespace rc::format
