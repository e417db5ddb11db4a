// Reading the partner API's JSON with every type checked: what each decoder (core/codec.cpp and
// the rooms' codecs beside it) uses, so a wrong shape becomes one ApiError "bad_response" and
// never an exception past the decoder.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/model.h"
#include "core/result.h"

namespace rc::json_read {

using nlohmann::json;

// Thrown inside the decoders only; decode() converts it into an ApiError.
struct ShapeError {
    std::string what;
};

inline const json& member(const json& obj, const char* key) {
    if (!obj.is_object()) throw ShapeError{std::string("expected an object around \"") + key + "\""};
    auto it = obj.find(key);
    if (it == obj.end()) throw ShapeError{std::string("missing \"") + key + "\""};
    return *it;
}

inline std::string str(const json& obj, const char* key) {
    const json& v = member(obj, key);
    if (!v.is_string()) throw ShapeError{std::string("\"") + key + "\" is not a string"};
    return v.get<std::string>();
}

inline std::string optStr(const json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return {};
    if (!it->is_string()) throw ShapeError{std::string("\"") + key + "\" is not a string"};
    return it->get<std::string>();
}

inline std::int64_t integer(const json& obj, const char* key) {
    const json& v = member(obj, key);
    if (!v.is_number_integer()) throw ShapeError{std::string("\"") + key + "\" is not an integer"};
    // Above 2^63-1 the library keeps it unsigned; converting would wrap to a negative number.
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
        throw ShapeError{std::string("\"") + key + "\" is out of range"};
    return v.get<std::int64_t>();
}

// Ids name things in addresses and requests: 0 means "none" there, so they are positive.
inline std::int64_t id(const json& obj, const char* key) {
    std::int64_t v = integer(obj, key);
    if (v <= 0) throw ShapeError{std::string("\"") + key + "\" is not a positive id"};
    return v;
}

// A number of things (licenses, customers, rows): 0 to kMaxCount.
inline int count(const json& obj, const char* key) {
    std::int64_t v = integer(obj, key);
    if (v < 0 || v > kMaxCount) throw ShapeError{std::string("\"") + key + "\" is not a count"};
    return static_cast<int>(v);
}

inline bool boolean(const json& obj, const char* key) {
    const json& v = member(obj, key);
    if (!v.is_boolean()) throw ShapeError{std::string("\"") + key + "\" is not a boolean"};
    return v.get<bool>();
}

inline Money money(const json& obj, const char* key) {
    const json& v = member(obj, key);
    Money m;
    m.amount = integer(v, "amount");
    m.currency = str(v, "currency");
    // ISO 4217: three capital letters (the formatter prints the code beside the amount).
    bool iso = m.currency.size() == 3 && std::all_of(m.currency.begin(), m.currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!iso) throw ShapeError{std::string("\"") + key + "\" has a bad currency"};
    return m;
}

// Optional members: absent and null both read as "none".
inline const json* optional(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
}

// A rate in basis points: 0 to 100 %.
inline int basisPoints(const json& obj, const char* key) {
    int v = count(obj, key);
    if (v > 10000) throw ShapeError{std::string("\"") + key + "\" is above 100%"};
    return v;
}

// A price's tax by the customer's rule ("tax" of a preview), or none.
inline std::optional<TaxQuote> taxQuote(const json& j) {
    const json* t = optional(j, "tax");
    if (t == nullptr) return std::nullopt;
    return TaxQuote{str(*t, "rule"), optStr(*t, "category"), basisPoints(*t, "rate_basis_points"), money(*t, "amount"),
                    money(*t, "total")};
}

inline const json& list(const json& j, const char* key) {
    const json& v = member(j, key);
    if (!v.is_array()) throw ShapeError{std::string("\"") + key + "\" is not a list"};
    return v;
}

inline ApiError badResponse(const std::string& detail) {
    ApiError e;
    e.status = 200;
    e.code = "bad_response";
    e.message = "The server sent an answer the console does not understand (" + detail + ").";
    return e;
}

// Parses, then runs `build`; malformed JSON and wrong shapes both come back as bad_response.
template <class T, class F>
Result<T> decode(const std::string& body, F build) {
    json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return badResponse("not JSON");
    try {
        return build(j);
    } catch (const ShapeError& e) {
        return badResponse(e.what);
    } catch (const json::exception& e) {
        return badResponse(e.what());
    }
}

}  // namespace rc::json_read
