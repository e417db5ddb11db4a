// A sentence the store wants shown (a toast), kept as a text id and its arguments and put into
// words when it is drawn: a language switch re-translates it. Arguments keep what they are (a
// count, a date, a plan, an error) and are formatted in the language of the moment.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/model.h"

namespace rc {

struct MessageArg {
    enum class Kind { Plain, Integer, Date, Plan, Error, Roles };
    Kind kind = Kind::Plain;
    std::string text;          // Plain: shown as is; Date: YYYY-MM-DD; Plan: the plan's code;
                               // Roles: role codes joined by ',' ("buyer,admin": "Buyer or Admin")
    std::int64_t number = 0;   // Integer
    std::optional<ApiError> error;
    bool withStatus = false;   // Error: without the server's own words, add "(HTTP 503)"

    static MessageArg plain(std::string s) { return {Kind::Plain, std::move(s), 0, std::nullopt, false}; }
    static MessageArg integer(std::int64_t n) { return {Kind::Integer, {}, n, std::nullopt, false}; }
    static MessageArg date(std::string isoDate) { return {Kind::Date, std::move(isoDate), 0, std::nullopt, false}; }
    static MessageArg plan(std::string code) { return {Kind::Plan, std::move(code), 0, std::nullopt, false}; }
    static MessageArg failure(ApiError e, bool withStatus = false) { return {Kind::Error, {}, 0, std::move(e), withStatus}; }
    static MessageArg roles(const std::vector<std::string>& codes) {
        std::string joined;
        for (const auto& c : codes) joined += (joined.empty() ? "" : ",") + c;
        return {Kind::Roles, std::move(joined), 0, std::nullopt, false};
    }
};

struct Message {
    Text text = Text::Dash;
    std::vector<MessageArg> args;  // at most three, for the pattern's "{}" slots
};

// The message in the current language.
std::string sentence(const Message& message);

}  // namespace rc
