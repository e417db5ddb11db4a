// The date picker: month and weekday names, its buttons. English, then German (Sie).
// Part of the text table: src/core/i18n.h lists every room's file.
#pragma once

#define RC_TEXTS_CALENDAR(X) \
    X(MonthJanuary, "January", "Januar") \
    X(MonthFebruary, "February", "Februar") \
    X(MonthMarch, "March", "März") \
    X(MonthApril, "April", "April") \
    X(MonthMay, "May", "Mai") \
    X(MonthJune, "June", "Juni") \
    X(MonthJuly, "July", "Juli") \
    X(MonthAugust, "August", "August") \
    X(MonthSeptember, "September", "September") \
    X(MonthOctober, "October", "Oktober") \
    X(MonthNovember, "November", "November") \
    X(MonthDecember, "December", "Dezember") \
    X(WeekdayMonday, "Monday", "Montag") \
    X(WeekdayTuesday, "Tuesday", "Dienstag") \
    X(WeekdayWednesday, "Wednesday", "Mittwoch") \
    X(WeekdayThursday, "Thursday", "Donnerstag") \
    X(WeekdayFriday, "Friday", "Freitag") \
    X(WeekdaySaturday, "Saturday", "Samstag") \
    X(WeekdaySunday, "Sunday", "Sonntag") \
    X(WeekdayMondayShort, "Mo", "Mo") \
    X(WeekdayTuesdayShort, "Tu", "Di") \
    X(WeekdayWednesdayShort, "We", "Mi") \
    X(WeekdayThursdayShort, "Th", "Do") \
    X(WeekdayFridayShort, "Fr", "Fr") \
    X(WeekdaySaturdayShort, "Sa", "Sa") \
    X(WeekdaySundayShort, "Su", "So") \
    X(ChooseDate, "Choose a date", "Datum auswählen") \
    X(ChooseDateFor, "Choose the “{}” date", "Datum für „{}“ auswählen") \
    X(PreviousMonth, "Previous month", "Vorheriger Monat") \
    X(NextMonth, "Next month", "Nächster Monat")
