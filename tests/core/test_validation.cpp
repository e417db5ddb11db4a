#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/validation.h"
#include "fake_transport.h"

using namespace rc;

namespace {

// "{x201}" in the shared file stands for 201 letters.
std::string expand(const std::string& s) {
    if (s.size() > 3 && s.front() == '{' && s[1] == 'x' && s.back() == '}')
        return std::string(static_cast<std::size_t>(std::stoi(s.substr(2, s.size() - 3))), 'x');
    return s;
}

void checkCases(const nlohmann::json& cases, std::optional<std::string> (*rule)(const std::string&)) {
    for (const auto& v : cases.at("valid")) {
        std::string value = expand(v.get<std::string>());
        CAPTURE(value);
        CHECK_FALSE(rule(value).has_value());
    }
    for (const auto& v : cases.at("invalid")) {
        std::string value = expand(v.get<std::string>());
        CAPTURE(value);
        CHECK(rule(value).has_value());
    }
}

}  // namespace

TEST_CASE("new-customer fields follow exactly the server's rules (shared cases)") {
    auto cases = nlohmann::json::parse(test::readContract("validation_cases.json"));
    checkCases(cases.at("name"), &validate::name);
    checkCases(cases.at("email"), &validate::email);
    checkCases(cases.at("google_domain"), &validate::googleDomain);
}

TEST_CASE("names are measured in characters, not bytes") {
    CHECK_FALSE(validate::name(std::string(200, 'x')).has_value());
    std::string umlauts;
    for (int i = 0; i < 200; ++i) umlauts += "ü";
    CHECK_FALSE(validate::name(umlauts).has_value());
    CHECK(validate::name(umlauts + "ü").has_value());
    CHECK(validate::trim("\xc2\xa0 Zoë \xe2\x80\x83") == "Zoë");
}

TEST_CASE("a NUL byte is not one of the characters an email address may hold") {
    CHECK(validate::email(std::string("a\0b@example.com", 15)).has_value());
    CHECK_FALSE(validate::email("a.b@example.com").has_value());
}
