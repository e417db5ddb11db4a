// Every error the server can answer is said in the reader's language: the codes and the fields
// come from the OpenAPI document (src/partner_api/openapi.json), which the server's tests keep
// equal to what the server can send.
#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/codec.h"
#include "core/countries.h"
#include "core/error_text.h"
#include "core/i18n.h"

using namespace rc;
using nlohmann::json;

namespace {

json openApi() {
    std::ifstream in(OPENAPI_JSON);
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

std::set<std::string> errorCodes(const json& spec) {
    std::set<std::string> codes;
    for (const json& code : spec["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"])
        codes.insert(code.get<std::string>());
    return codes;
}

// Every name a 422 can point at: the members of each request body, each query parameter and
// header, and "body" itself (a body that is not an object).
std::set<std::string> fieldNames(const json& spec) {
    std::set<std::string> names = {"body"};
    const json& schemas = spec["components"]["schemas"];
    const json& params = spec["components"]["parameters"];
    auto resolve = [&](const json& j, const json& within) -> const json& {
        if (j.contains("$ref")) {
            std::string ref = j["$ref"].get<std::string>();
            return within.at(ref.substr(ref.rfind('/') + 1));
        }
        return j;
    };
    for (const auto& [path, operations] : spec["paths"].items()) {
        for (const auto& [method, op] : operations.items()) {
            if (!op.is_object()) continue;
            const json parameters = op.value("parameters", json::array());
            for (const json& p : parameters) {
                const json& param = resolve(p, params);
                if (param["in"] == "query" || param["in"] == "header") names.insert(param["name"].get<std::string>());
            }
            if (op.contains("requestBody")) {
                const json& content = op["requestBody"]["content"];
                if (!content.contains("application/json")) continue;  // an upload of another type
                // Each member, and the members of nested objects (a 422 names them address.city).
                std::function<void(const json&, int)> collect = [&](const json& schema, int depth) {
                    const json& s = resolve(schema, schemas);
                    if (depth > 4 || !s.contains("properties")) return;
                    for (const auto& [name, member] : s["properties"].items()) {
                        names.insert(name);
                        collect(member, depth + 1);
                    }
                };
                collect(content["application/json"]["schema"], 0);
            }
        }
    }
    return names;
}

}  // namespace

TEST_CASE("every error code the server can answer has the console's words in English and German") {
    json spec = openApi();
    std::set<std::string> codes = errorCodes(spec);
    REQUIRE(codes.size() > 30);
    for (const std::string& code : codes) {
        CAPTURE(code);
        auto text = errorText(code);
        REQUIRE(text.has_value());
        CHECK(std::string(tr(*text, Language::German)) != tr(*text, Language::English));
    }
    // And the console's own.
    for (const char* code : {"network_error", "bad_response", "offline_unavailable"}) CHECK(errorText(code));
}

TEST_CASE("every field a 422 can name has the console's words") {
    std::set<std::string> fields = fieldNames(openApi());
    REQUIRE(fields.count("google_domain"));
    REQUIRE(fields.count("from"));
    for (const std::string& field : fields) {
        CAPTURE(field);
        CHECK(errorText("validation_failed", field).has_value());
    }
}

TEST_CASE("a known code is said in the reader's language, never in the server's English") {
    setLanguage(Language::German);
    ApiError e;
    e.status = 422;
    e.code = "validation_failed";
    e.message = "Some fields are missing or invalid.";
    CHECK(describeError(e) == "Einige Angaben fehlen oder sind ungültig.");
    e.fields = {{"from", "Must be a date like 2026-01-31."}, {"to", "Must not be before from."}};
    // Both fields say the same: once.
    CHECK(describeError(e) == tr(Text::FieldErrDateRange));
    e.fields = {{"email", "Must be an email address like name@example.com."}, {"licenses", "Must be between 1 and 50,000."}};
    CHECK(describeError(e) == std::string(tr(Text::ErrInvalidEmail)) + " " + tr(Text::FieldErrLicenses));
    CHECK(describeFieldError("google_domain", "Must be a bare domain name") == tr(Text::ErrInvalidDomain));
    // A nested member is named by its path; its last part has the words.
    CHECK(describeFieldError("billing.address.postal_code", "Must be a postal code.") == tr(Text::FieldErrPostalCode));
    CHECK(describeFieldError("address.country", "Must be a country code.") == tr(Text::FieldErrCountry));

    ApiError conflict;
    conflict.status = 409;
    conflict.code = "conflict";
    conflict.message = "Only a pending invitation can be revoked.";
    CHECK(describeError(conflict) == tr(Text::ErrConflict));

    ApiError changed;
    changed.status = 409;
    changed.code = "licenses_changed";
    changed.currentLicenses = 1234;
    CHECK(describeError(changed).find("1.234 Lizenzen") != std::string::npos);
    setLanguage(Language::English);
}

TEST_CASE("an unknown code or field keeps the server's words, and no words fall back to the status") {
    setLanguage(Language::German);
    ApiError e;
    e.status = 409;
    e.code = "something_new";
    e.message = "A newer server's sentence.";
    CHECK(describeError(e) == "A newer server's sentence.");
    CHECK(describeFieldError("new_field", "Must be blue.") == "Must be blue.");
    e.message.clear();
    e.status = 404;
    CHECK(describeError(e) == tr(Text::ErrNotFound));
    e.status = 502;
    CHECK(describeError(e) == tr(Text::ErrServer));
    ApiError offline;
    offline.status = 0;
    offline.code = "network_error";
    CHECK(describeError(offline) == tr(Text::ErrNetwork));
    setLanguage(Language::English);
}

TEST_CASE("too many attempts says how long to wait, as the server said it (retry_after), in the reader's language") {
    HttpResponse res;
    res.status = 429;
    res.body = R"({"error": {"code": "rate_limited", "message": "Too many sign-in attempts. Try again in 42 seconds.", "retry_after": 42}})";
    ApiError e = codec::decodeError(res);
    CHECK(e.retryAfterSeconds == 42);
    CHECK(describeError(e) == "Too many attempts. Please try again in 42 seconds.");
    setLanguage(Language::German);
    CHECK(describeError(e) == "Zu viele Versuche. Bitte versuchen Sie es in 42 Sekunden erneut.");
    e.retryAfterSeconds = 1;
    CHECK(describeError(e) == "Zu viele Versuche. Bitte versuchen Sie es in 1 Sekunde erneut.");
    e.retryAfterSeconds = 600;  // a kiosk's reset limit: minutes
    CHECK(describeError(e) == "Zu viele Versuche. Bitte versuchen Sie es in 10 Minuten erneut.");
    setLanguage(Language::English);
    // Not said, or nonsense: "a moment", as before.
    for (const char* body : {R"({"error": {"code": "rate_limited", "message": "x"}})",
                             R"({"error": {"code": "rate_limited", "message": "x", "retry_after": -5}})",
                             R"({"error": {"code": "rate_limited", "message": "x", "retry_after": "soon"}})",
                             R"({"error": {"code": "rate_limited", "message": "x", "retry_after": 1e12}})"}) {
        res.body = body;
        ApiError other = codec::decodeError(res);
        CHECK(other.retryAfterSeconds == 0);
        CHECK(describeError(other) == tr(Text::ErrRateLimited));
    }
}

TEST_CASE("an address's country is named in the reader's language; a code the table does not know stays a code") {
    CHECK(countryName("DE") == "Germany");
    CHECK(countryName("AT") == "Austria");
    setLanguage(Language::German);
    CHECK(countryName("DE") == "Deutschland");
    CHECK(countryName("GB") == "Vereinigtes Königreich");
    CHECK(countryName("ZZ") == "ZZ");
    CHECK(countryName("") == "");
    setLanguage(Language::English);
}
