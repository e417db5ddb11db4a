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
    CustomerQuery q;
    q.search = "a+b";
    q.cursor = "x/y=";
    std::string path = ApiClient::customersPath(q);
    CHECK(path.find("q=a%2Bb") != std::string::npos);
    CHECK(path.find("cursor=x%2Fy%3D") != std::string::npos);
}
