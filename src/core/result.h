#pragma once
#include <cstdint>
#include <utility>
#include <variant>

#include "core/model.h"

namespace rc {

// A decoded answer or the ApiError that stands in for it.
template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(ApiError error) : v_(std::move(error)) {}
    bool ok() const { return v_.index() == 0; }
    const T& value() const { return std::get<0>(v_); }
    T& value() { return std::get<0>(v_); }
    const ApiError& error() const { return std::get<1>(v_); }

    // Whether the value is the copy kept for offline use, and from when (ms since 1970; 0: fresh).
    bool fromCache() const { return cachedAt_ != 0; }
    std::int64_t cachedAt() const { return cachedAt_; }
    void setCachedAt(std::int64_t at) { cachedAt_ = at; }

private:
    std::variant<T, ApiError> v_;
    std::int64_t cachedAt_ = 0;
};

struct Unit {};

}  // namespace rc
