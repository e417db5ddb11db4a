// Structure-aware mutation for the JSON targets: edits a parsed answer the way a broken or
// hostile server would (wrong types, missing or renamed keys, extreme numbers, deep nesting,
// lone surrogates, invalid UTF-8) instead of flipping bytes that rarely get past the parser.
#pragma once
#include <cstddef>
#include <cstdint>

namespace rc::fuzz {

// Mutates data[0..size) in place into at most maxSize bytes and returns the new size.
// `byteMutate` is libFuzzer's own mutator, used when the input is not JSON and for a share
// of the rounds so byte-level edits still happen.
using ByteMutator = std::size_t (*)(std::uint8_t* data, std::size_t size, std::size_t maxSize);
std::size_t mutateJson(std::uint8_t* data, std::size_t size, std::size_t maxSize, unsigned seed, ByteMutator byteMutate);

}  // namespace rc::fuzz
