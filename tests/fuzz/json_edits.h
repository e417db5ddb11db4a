// Edits to a parsed JSON answer, the way a broken or hostile server would write it: wrong
// types, missing or renamed keys, extreme numbers, long lists and strings, deep nesting.
// `pick(n)` chooses 0..n-1: a random engine in the mutator, the input's bytes in the store target.
#pragma once
#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace rc::fuzz::json_edits {

using nlohmann::json;

constexpr std::size_t kMaxNodes = 4096;
constexpr int kMaxDumpDepth = 400;  // json::dump recurses: deeper documents get byte edits only

struct Node {
    json* value;
    int depth;
};

// Every value, parents before children; iterative because inputs can nest deeply.
inline std::vector<Node> collect(json& root, int& maxDepth) {
    std::vector<Node> out{{&root, 0}};
    maxDepth = 0;
    for (std::size_t i = 0; i < out.size() && out.size() < kMaxNodes; ++i) {
        Node n = out[i];
        maxDepth = std::max(maxDepth, n.depth);
        if (n.value->is_structured())
            for (auto& child : *n.value) out.push_back({&child, n.depth + 1});
    }
    return out;
}

// How deep the document nests, without recursing.
inline int depthOf(const json& root) {
    int deepest = 0;
    std::vector<std::pair<const json*, int>> stack{{&root, 0}};
    while (!stack.empty()) {
        auto [v, d] = stack.back();
        stack.pop_back();
        deepest = std::max(deepest, d);
        if (v->is_structured())
            for (const auto& child : *v) stack.push_back({&child, d + 1});
    }
    return deepest;
}

template <class Pick>
json extremeScalar(Pick& pick) {
    switch (pick(22)) {
        case 0: return std::numeric_limits<std::int64_t>::max();
        case 1: return std::numeric_limits<std::int64_t>::min();
        case 2: return std::numeric_limits<std::uint64_t>::max();
        case 3: return std::uint64_t{1} << 63;
        case 4: return 2147483647;
        case 5: return 2147483648LL;
        case 6: return -2147483648LL;
        case 7: return -1;
        case 8: return 0;
        case 9: return 1e308;
        case 10: return -0.5;
        case 11: return 4.9e-324;
        case 12: return true;
        case 13: return nullptr;
        case 14: return "";
        case 15: return std::string(pick(20000) + 1, 'x');
        case 16: return "\xe2\x80\xae\xe2\x80\x8b";  // right-to-left override, zero-width space
        case 17: return "2026-02-31";
        case 18: return "9999-99-99T99:99:99Z";
        case 19: return "INV-" + std::string(pick(20000) + 1, '7');
        case 20: return json::array();
        default: return json::object();
    }
}

// A value of another type that still carries something of the original.
template <class Pick>
json flipType(const json& v, Pick& pick) {
    if (v.is_number()) return v.dump();
    if (v.is_string()) {
        json parsed = json::parse(v.get<std::string>(), nullptr, false);
        return parsed.is_discarded() ? json(0) : parsed;
    }
    if (v.is_object()) {
        json a = json::array();
        for (const auto& x : v) a.push_back(x);
        return a;
    }
    if (v.is_array()) {
        json o = json::object();
        for (std::size_t i = 0; i < v.size(); ++i) o[std::to_string(i)] = v[i];
        return o;
    }
    return pick(2) ? json::array({v}) : json{{"value", v}};
}

template <class Pick>
json nudgeNumber(const json& v, Pick& pick) {
    if (v.is_number_float()) return v.get<double>() * 1e300;
    std::int64_t n = v.is_number_unsigned() ? static_cast<std::int64_t>(v.get<std::uint64_t>() >> 1) : v.get<std::int64_t>();
    switch (pick(6)) {
        case 0: return n == std::numeric_limits<std::int64_t>::max() ? json(std::uint64_t(n) + 1) : json(n + 1);
        case 1: return n == std::numeric_limits<std::int64_t>::min() ? json(-1e19) : json(n - 1);
        case 2: return n == std::numeric_limits<std::int64_t>::min() ? json(n) : json(-n);
        case 3: return static_cast<double>(n) + 0.5;
        case 4: return static_cast<double>(n) * 1e12;
        default: return json(std::uint64_t(n) * 4294967296ULL);
    }
}

// Edits the parsed document once; false when nothing applicable was found.
template <class Pick>
bool editTree(nlohmann::json& root, Pick& pick) {
    int depth = 0;
    std::vector<Node> all = collect(root, depth);
    if (depth > kMaxDumpDepth) return false;
    std::vector<std::string> keys;
    for (const Node& n : all)
        if (n.value->is_object())
            for (auto it = n.value->begin(); it != n.value->end(); ++it) keys.push_back(it.key());
    Node n = all[pick(all.size())];
    json& v = *n.value;
    switch (pick(10)) {
        case 0: v = extremeScalar(pick); return true;
        case 1: v = flipType(v, pick); return true;
        case 2:  // drop a member or an element
            if (v.is_object() && !v.empty()) {
                auto it = v.begin();
                std::advance(it, static_cast<std::ptrdiff_t>(pick(v.size())));
                v.erase(it);
                return true;
            }
            if (v.is_array() && !v.empty()) {
                v.erase(v.begin() + static_cast<std::ptrdiff_t>(pick(v.size())));
                return true;
            }
            return false;
        case 3:  // rename a member to another key of the API
            if (v.is_object() && !v.empty() && !keys.empty()) {
                auto it = v.begin();
                std::advance(it, static_cast<std::ptrdiff_t>(pick(v.size())));
                json moved = std::move(*it);
                std::string from = it.key();
                v.erase(from);
                v[keys[pick(keys.size())]] = std::move(moved);
                return true;
            }
            return false;
        case 4:  // many copies of one element: long pages, big invoices
            if (v.is_array() && !v.empty()) {
                json item = v[pick(v.size())];
                std::size_t copies = 1 + pick(pick(4) ? 8 : 200);  // mostly a few: big inputs run slowly
                for (std::size_t i = 0; i < copies; ++i) v.push_back(item);
                return true;
            }
            return false;
        case 5: {  // a subtree from elsewhere in the document
            const Node& from = all[pick(all.size())];
            if (from.value == n.value) return false;
            json copy = *from.value;
            v = std::move(copy);
            return true;
        }
        case 6: {  // nesting
            std::size_t levels = 1 + pick(300);
            for (std::size_t i = 0; i < levels; ++i) v = json::array({std::move(v)});
            return true;
        }
        case 7:
            if (v.is_number()) {
                v = nudgeNumber(v, pick);
                return true;
            }
            return false;
        case 8:
            if (v.is_string() && !v.get<std::string>().empty()) {
                std::string s = v.get<std::string>();
                switch (pick(4)) {
                    case 0: s.resize(pick(s.size())); break;
                    case 1: s = s + s + s; break;
                    case 2: s.insert(pick(s.size() + 1), 1, static_cast<char>(pick(32))); break;
                    default: s = std::string(1 + pick(4), ' ') + s; break;
                }
                v = s;
                return true;
            }
            return false;
        default:  // a new member under a known key
            if (v.is_object() && !keys.empty()) {
                v[keys[pick(keys.size())]] = extremeScalar(pick);
                return true;
            }
            return false;
    }
}

}  // namespace rc::fuzz::json_edits
