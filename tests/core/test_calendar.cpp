// The date picker's calendar: columns by the language's week, the keys' moves, the spoken names.
#include <doctest/doctest.h>

#include "core/calendar.h"

using namespace rc;
using calendar::Day;
using calendar::Move;

TEST_CASE("weekdays and the grid's columns follow the language's week") {
    Day dec7{2026, 12, 7};
    CHECK(calendar::weekday(dec7) == 0);  // a Monday
    CHECK(calendar::weekday(Day{1970, 1, 1}) == 3);
    CHECK(calendar::weekday(Day{2000, 2, 29}) == 1);
    CHECK(calendar::weekday(Day{1969, 12, 31}) == 2);  // before the epoch too
    // German weeks start on Monday, English ones on Sunday.
    CHECK(calendar::column(dec7, Language::German) == 0);
    CHECK(calendar::column(dec7, Language::English) == 1);
    CHECK(std::string(calendar::weekdayShort(0, Language::German)) == "Mo");
    CHECK(std::string(calendar::weekdayShort(6, Language::German)) == "So");
    CHECK(std::string(calendar::weekdayShort(0, Language::English)) == "Su");
    CHECK(std::string(calendar::weekdayShort(6, Language::English)) == "Sa");
    // 1 November 2026 is a Sunday: the last column of the first German row, the first English one.
    CHECK(calendar::column(Day{2026, 11, 1}, Language::German) == 6);
    CHECK(calendar::row(Day{2026, 11, 2}, Language::German) == 1);
    CHECK(calendar::row(Day{2026, 11, 2}, Language::English) == 0);
    CHECK(calendar::row(Day{2026, 11, 30}, Language::German) == 5);  // a month over six rows
}

TEST_CASE("the keys move the chosen day by a day, a week, a month and a year, within the week's edges") {
    Day d{2027, 1, 31};
    CHECK(calendar::move(d, Move::Right, Language::German) == Day{2027, 2, 1});
    CHECK(calendar::move(Day{2027, 1, 1}, Move::Left, Language::German) == Day{2026, 12, 31});
    CHECK(calendar::move(d, Move::Down, Language::German) == Day{2027, 2, 7});
    CHECK(calendar::move(Day{2027, 1, 3}, Move::Up, Language::German) == Day{2026, 12, 27});
    // A month on from the 31st is the next month's last day.
    CHECK(calendar::move(d, Move::PageDown, Language::German) == Day{2027, 2, 28});
    CHECK(calendar::move(Day{2028, 3, 31}, Move::PageUp, Language::German) == Day{2028, 2, 29});
    CHECK(calendar::move(Day{2028, 2, 29}, Move::YearDown, Language::German) == Day{2029, 2, 28});
    CHECK(calendar::move(Day{2026, 12, 7}, Move::YearUp, Language::German) == Day{2025, 12, 7});
    // Wednesday 9 December 2026: its week is Mon 7 - Sun 13 in German, Sun 6 - Sat 12 in English.
    Day wed{2026, 12, 9};
    CHECK(calendar::move(wed, Move::WeekStart, Language::German) == Day{2026, 12, 7});
    CHECK(calendar::move(wed, Move::WeekEnd, Language::German) == Day{2026, 12, 13});
    CHECK(calendar::move(wed, Move::WeekStart, Language::English) == Day{2026, 12, 6});
    CHECK(calendar::move(wed, Move::WeekEnd, Language::English) == Day{2026, 12, 12});
    // Never past the years an ISO day can have.
    CHECK(calendar::move(Day{9999, 12, 31}, Move::Right, Language::German) == Day{9999, 12, 31});
    CHECK(calendar::move(Day{1000, 1, 1}, Move::PageUp, Language::German) == Day{1000, 1, 1});
}

TEST_CASE("a day's spoken name and a month's title in either language, ISO in and out") {
    Day d{2026, 12, 7};
    CHECK(calendar::spoken(d, Language::German) == "Montag, 7. Dezember 2026");
    CHECK(calendar::spoken(d, Language::English) == "Monday, December 7, 2026");
    CHECK(calendar::spoken(Day{2027, 3, 1}, Language::German) == "Montag, 1. M\xc3\xa4rz 2027");
    CHECK(calendar::monthTitle(2026, 12, Language::German) == "Dezember 2026");
    CHECK(calendar::monthTitle(2026, 5, Language::English) == "May 2026");
    CHECK(calendar::iso(d) == "2026-12-07");
    REQUIRE(calendar::fromIso("2026-02-28").has_value());
    CHECK(*calendar::fromIso("2026-02-28") == Day{2026, 2, 28});
    CHECK_FALSE(calendar::fromIso("2026-02-29").has_value());
    CHECK_FALSE(calendar::fromIso("").has_value());
    CHECK_FALSE(calendar::fromIso("07.12.2026").has_value());
    CHECK(calendar::daysInMonth(2000, 2) == 29);
    CHECK(calendar::daysInMonth(1900, 2) == 28);
}
