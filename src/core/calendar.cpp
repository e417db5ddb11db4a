#include "core/calendar.h"

#include <cstdio>

#include "core/format.h"

namespace rc::calendar {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian day, and back (H. Hinnant's civil algorithms).
long long daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = static_cast<unsigned>(y - era * 400);
    unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

Day civilFromDays(long long z) {
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = static_cast<unsigned>(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = static_cast<long long>(yoe) + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return Day{static_cast<int>(y + (m <= 2)), m, d};
}

// The picker stays inside the years an ISO day of the API can have.
Day clampYears(const Day& d) {
    if (d.year < 1000) return Day{1000, 1, 1};
    if (d.year > 9999) return Day{9999, 12, 31};
    return d;
}

const Text kMonths[] = {Text::MonthJanuary, Text::MonthFebruary, Text::MonthMarch, Text::MonthApril,
                        Text::MonthMay, Text::MonthJune, Text::MonthJuly, Text::MonthAugust,
                        Text::MonthSeptember, Text::MonthOctober, Text::MonthNovember, Text::MonthDecember};
// Monday first, as weekday() counts.
const Text kWeekdays[] = {Text::WeekdayMonday, Text::WeekdayTuesday, Text::WeekdayWednesday, Text::WeekdayThursday,
                          Text::WeekdayFriday, Text::WeekdaySaturday, Text::WeekdaySunday};
const Text kWeekdaysShort[] = {Text::WeekdayMondayShort, Text::WeekdayTuesdayShort, Text::WeekdayWednesdayShort,
                               Text::WeekdayThursdayShort, Text::WeekdayFridayShort, Text::WeekdaySaturdayShort,
                               Text::WeekdaySundayShort};

}  // namespace

std::optional<Day> fromIso(const std::string& text) {
    if (!format::isIsoDay(text)) return std::nullopt;
    Day d{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2))};
    if (d.year < 1000) return std::nullopt;
    return d;
}

std::string iso(const Day& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

int daysInMonth(int year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

int weekday(const Day& d) {
    long long z = daysFromCivil(d.year, d.month, d.day);  // 1970-01-01 was a Thursday (3)
    return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

int weekStart(Language lang) { return lang == Language::German ? 0 : 6; }

int column(const Day& d, Language lang) { return (weekday(d) - weekStart(lang) + 7) % 7; }

int row(const Day& d, Language lang) {
    int first = column(Day{d.year, d.month, 1}, lang);
    return (first + d.day - 1) / 7;
}

Day addDays(const Day& d, int days) { return clampYears(civilFromDays(daysFromCivil(d.year, d.month, d.day) + days)); }

Day addMonths(const Day& d, int months) {
    int index = d.year * 12 + (d.month - 1) + months;
    Day out{index / 12, index % 12 + 1, 1};
    out.day = d.day < daysInMonth(out.year, out.month) ? d.day : daysInMonth(out.year, out.month);
    return clampYears(out);
}

Day move(const Day& d, Move how, Language lang) {
    switch (how) {
        case Move::Left: return addDays(d, -1);
        case Move::Right: return addDays(d, 1);
        case Move::Up: return addDays(d, -7);
        case Move::Down: return addDays(d, 7);
        case Move::PageUp: return addMonths(d, -1);
        case Move::PageDown: return addMonths(d, 1);
        case Move::YearUp: return addMonths(d, -12);
        case Move::YearDown: return addMonths(d, 12);
        case Move::WeekStart: return addDays(d, -column(d, lang));
        case Move::WeekEnd: return addDays(d, 6 - column(d, lang));
    }
    return d;
}

std::string monthTitle(int year, int month, Language lang) {
    return std::string(tr(kMonths[month - 1], lang)) + " " + std::to_string(year);
}

const char* weekdayShort(int col, Language lang) { return tr(kWeekdaysShort[(col + weekStart(lang)) % 7], lang); }

std::string spoken(const Day& d, Language lang) {
    std::string weekdayName = tr(kWeekdays[weekday(d)], lang), monthName = tr(kMonths[d.month - 1], lang);
    if (lang == Language::German) return weekdayName + ", " + std::to_string(d.day) + ". " + monthName + " " + std::to_string(d.year);
    return weekdayName + ", " + monthName + " " + std::to_string(d.day) + ", " + std::to_string(d.year);
}

}  // namespace rc::calendar
