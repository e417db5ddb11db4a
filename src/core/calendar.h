// The date picker's calendar, without drawing: which days a month shows in which column (the
// week starts on Monday in German, on Sunday in English), where the keys move the chosen day,
// and what a day is called aloud ("Montag, 7. Dezember 2026" | "Monday, December 7, 2026").
#pragma once
#include <optional>
#include <string>

#include "core/i18n.h"

namespace rc::calendar {

struct Day {
    int year = 1970, month = 1, day = 1;
    bool operator==(const Day& o) const { return year == o.year && month == o.month && day == o.day; }
    bool operator!=(const Day& o) const { return !(*this == o); }
};

// YYYY-MM-DD (a day the calendar has, years 1000-9999) to a Day; nullopt for anything else.
std::optional<Day> fromIso(const std::string& iso);
std::string iso(const Day& d);

int daysInMonth(int year, int month);
// 0 Monday ... 6 Sunday.
int weekday(const Day& d);
// The weekday (0 Monday ... 6 Sunday) a week starts on: Monday in German, Sunday in English.
int weekStart(Language lang);
// The column (0-6) of the day in its month's grid, and the grid row (0-5) it is in.
int column(const Day& d, Language lang);
int row(const Day& d, Language lang);

Day addDays(const Day& d, int days);
// The same day `months` months on, or the month's last day where it is shorter (31.01. -> 28.02.).
Day addMonths(const Day& d, int months);

// What a key does to the chosen day: arrows a day or a week, Page Up/Down a month (with Shift
// a year), Home/End the first or last day of its week.
enum class Move { Left, Right, Up, Down, PageUp, PageDown, YearUp, YearDown, WeekStart, WeekEnd };
Day move(const Day& d, Move how, Language lang);

// "Dezember 2026" | "December 2026".
std::string monthTitle(int year, int month, Language lang);
// The grid's column heads: "Mo".."So" | "Su".."Sa", in the language's week order.
const char* weekdayShort(int column, Language lang);
// "Montag, 7. Dezember 2026" | "Monday, December 7, 2026".
std::string spoken(const Day& d, Language lang);

}  // namespace rc::calendar
