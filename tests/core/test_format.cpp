#include <doctest/doctest.h>

#include "core/api_client.h"
#include "core/format.h"

using namespace rc;

TEST_CASE("money is formatted per language from integer minor units") {
    CHECK(format::money(Money{123456, "USD"}, Language::English) == "$1,234.56");
    CHECK(format::money(Money{123456, "USD"}, Language::German) == "1.234,56 $");
    CHECK(format::money(Money{123456, "EUR"}, Language::German) == "1.234,56 €");
    CHECK(format::money(Money{5, "USD"}, Language::English) == "$0.05");
    CHECK(format::money(Money{-1999, "USD"}, Language::English) == "-$19.99");
    CHECK(format::money(Money{100000000, "CHF"}, Language::English) == "1,000,000.00 CHF");
}

TEST_CASE("patterns take their arguments in order or by number") {
    CHECK(format::fill("{} of {}", "3", "41") == "3 of 41");
    CHECK(format::fill("Wechselt am {2} zu {1}.", "Enterprise", "01.01.2027") == "Wechselt am 01.01.2027 zu Enterprise.");
    CHECK(format::fill("no slots", "x") == "no slots");
}

TEST_CASE("timestamps, months and compact amounts") {
    CHECK(format::dateTime("2026-12-04T11:05:00Z", Language::English) == "Dec 4, 2026, 11:05");
    CHECK(format::dateTime("2026-12-04T11:05:00Z", Language::German) == "04.12.2026, 11:05");
    CHECK(format::monthShort("2026-03", Language::German) == "Mär");
    CHECK(format::moneyCompact(Money{9900, "USD"}, Language::English) == "$99");
}

TEST_CASE("chart axes write whole amounts as the language does, not 8,0k") {
    CHECK(format::moneyCompact(Money{800000, "USD"}, Language::German) == "8.000 $");
    CHECK(format::moneyCompact(Money{800000, "USD"}, Language::English) == "$8,000");
    CHECK(format::moneyCompact(Money{25000000, "EUR"}, Language::German) == "250.000 €");
    CHECK(format::moneyCompact(Money{0, "USD"}, Language::German) == "0 $");
    CHECK(format::moneyCompact(Money{125000000, "USD"}, Language::German) == "1,3 Mio. $");
    CHECK(format::moneyCompact(Money{125000000, "USD"}, Language::English) == "$1.3M");
    CHECK(format::moneyCompact(Money{200000000, "USD"}, Language::German) == "2 Mio. $");
    CHECK(format::moneyCompact(Money{-800000, "USD"}, Language::German) == "-8.000 $");
    CHECK(format::moneyCompact(Money{1500, "JPY"}, Language::English) == "1,500 JPY");
}

TEST_CASE("a day is read as the language writes it, and as ISO in both") {
    CHECK(format::parseDay("01.11.2026") == "2026-11-01");
    CHECK(format::parseDay("1.11.2026") == "2026-11-01");
    CHECK(format::parseDay(" 1. 11. 2026 ") == "2026-11-01");
    CHECK(format::parseDay("01.11.26") == "2026-11-01");
    CHECK(format::parseDay("2026-11-01") == "2026-11-01");
    CHECK(format::parseDay("2026-1-5") == "2026-01-05");
    CHECK(format::parseDay("1. November 2026") == "2026-11-01");
    CHECK(format::parseDay("1. Nov. 2026") == "2026-11-01");
    CHECK(format::parseDay("3. M\xc3\xa4rz 2027") == "2027-03-03");
    CHECK(format::parseDay("31. Dez 2026") == "2026-12-31");
    CHECK(format::parseDay("Nov 1, 2026") == "2026-11-01");
    CHECK(format::parseDay("november 1 2026") == "2026-11-01");
    CHECK(format::parseDay("1 Nov 2026") == "2026-11-01");
    CHECK(format::parseDay("Dec 7, 2026") == "2026-12-07");
    // What every language writes back reads again.
    for (Language lang : {Language::English, Language::German})
        CHECK(format::parseDay(format::date("2027-02-28", lang)) == "2027-02-28");
    // Not one day.
    CHECK_FALSE(format::parseDay(""));
    CHECK_FALSE(format::parseDay("01.11."));
    CHECK_FALSE(format::parseDay("31.11.2026"));   // November has 30 days
    CHECK_FALSE(format::parseDay("29.02.2026"));
    CHECK(format::parseDay("29.02.2028") == "2028-02-29");
    CHECK_FALSE(format::parseDay("11/01/2026"));   // month or day first? refused
    CHECK_FALSE(format::parseDay("2026-11-01x"));
    CHECK_FALSE(format::parseDay("1.11.2026 12:00"));
    CHECK_FALSE(format::parseDay("Nov 2026"));
    CHECK_FALSE(format::parseDay("Ma 1, 2026"));   // too short to name a month
    CHECK_FALSE(format::parseDay("1.11.202"));
    CHECK_FALSE(format::parseDay("0.11.2026"));
    CHECK_FALSE(format::parseDay("-1.11.2026"));
}

TEST_CASE("an ISO day is one the calendar has") {
    CHECK(format::isIsoDay("2026-11-30"));
    CHECK_FALSE(format::isIsoDay("2026-11-31"));
    CHECK_FALSE(format::isIsoDay("2026-13-01"));
    CHECK_FALSE(format::isIsoDay("2026-11-30T00:00"));
}

TEST_CASE("integers and dates follow the language") {
    CHECK(format::integer(50000, Language::English) == "50,000");
    CHECK(format::integer(50000, Language::German) == "50.000");
    CHECK(format::integer(999, Language::German) == "999");
    CHECK(format::date("2027-01-03", Language::English) == "Jan 3, 2027");
    CHECK(format::date("2027-01-03", Language::German) == "03.01.2027");
    CHECK(format::date("", Language::German).empty());
    CHECK(format::date("soon", Language::English) == "soon");
}

TEST_CASE("query values are percent-encoded") {
    CHECK(ApiClient::encodeQueryValue("Müller & Söhne") == "M%C3%BCller%20%26%20S%C3%B6hne");
    CustomerFilter q;
    q.search = "a+b";
    std::string path = ApiClient::customersPath(q, "x/y=", 50);
    CHECK(path.find("q=a%2Bb") != std::string::npos);
    CHECK(path.find("cursor=x%2Fy%3D") != std::string::npos);
}

TEST_CASE("only real dates, times and months are formatted; anything else is shown as it came") {
    CHECK(format::date("2028-02-29", Language::English) == "Feb 29, 2028");
    CHECK(format::date("2026-02-29", Language::English) == "2026-02-29");  // not a leap year
    CHECK(format::date("2026-04-31", Language::German) == "2026-04-31");
    CHECK(format::date(" 202-1-01x", Language::English) == " 202-1-01x");  // sscanf took signs and spaces
    CHECK(format::date("+026-01-01", Language::English) == "+026-01-01");
    CHECK(format::dateTime("2026-12-04T11:05:00Z", Language::German) == "04.12.2026, 11:05");
    CHECK(format::dateTime("2026-12-04T99:99:00Z", Language::English) == "Dec 4, 2026");
    CHECK(format::dateTime("2026-12-0\xcc\xab""11:00:00Z", Language::English) == "2026-12-0\xcc\xab""11:00:00Z");
    CHECK(format::monthShort("999-1-1", Language::English) == "999-1-1");
    CHECK(format::monthShort("2026-13", Language::English) == "2026-13");
    CHECK(format::monthShort("2026-03", Language::German) == "M\xc3\xa4r");
}
