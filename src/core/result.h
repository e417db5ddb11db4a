#pragma once
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

private:
    std::variant<T, ApiError> v_;
};

struct Unit {};

}  // namespace rc
