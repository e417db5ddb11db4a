#include "json_mutator.h"

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "json_edits.h"

namespace rc::fuzz {
namespace {

using nlohmann::json;
using namespace json_edits;

struct RandomPick {
    std::minstd_rand rng;
    std::size_t operator()(std::size_t n) { return n ? std::uniform_int_distribution<std::size_t>(0, n - 1)(rng) : 0; }
};

// Text the JSON library never writes itself: escapes and bytes a broken server could send.
void editText(std::string& text, RandomPick& pick) {
    static const char* const kInserts[] = {
        "\\ud800", "\\udc00", "\\ud800\\u0041", "\\udbff\\udfff", "\\u0000", "\\uffff", "\xff", "\xc3(",
        "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80", "\xe2\x82", "1e400", "-1e400", "18446744073709551616",
        "-9223372036854775809", "0.0000000000000000000001e-400"};
    // Only inside a string literal's quotes, so the edit reaches a decoder's string handling.
    std::vector<std::size_t> quotes;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '"' && (i == 0 || text[i - 1] != '\\')) quotes.push_back(i);
    const char* insert = kInserts[pick(sizeof kInserts / sizeof kInserts[0])];
    if (quotes.empty()) {
        text.insert(pick(text.size() + 1), insert);
        return;
    }
    text.insert(quotes[pick(quotes.size())] + 1, insert);
}

}  // namespace

std::size_t mutateJson(std::uint8_t* data, std::size_t size, std::size_t maxSize, unsigned seed, ByteMutator byteMutate) {
    RandomPick pick{std::minstd_rand(seed)};
    if (pick(3) == 0) return byteMutate(data, size, maxSize);
    json doc = json::parse(data, data + size, nullptr, false);
    if (doc.is_discarded()) return byteMutate(data, size, maxSize);
    std::size_t rounds = 1 + pick(3);
    bool edited = false;
    for (std::size_t i = 0; i < rounds; ++i) edited = editTree(doc, pick) || edited;
    if (!edited || depthOf(doc) > kMaxDumpDepth * 2) return byteMutate(data, size, maxSize);
    std::string text = doc.dump(-1, ' ', false, json::error_handler_t::replace);
    if (pick(4) == 0) editText(text, pick);
    if (text.size() > maxSize) return byteMutate(data, size, maxSize);
    std::memcpy(data, text.data(), text.size());
    return text.size();
}

}  // namespace rc::fuzz
