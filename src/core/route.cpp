#include "core/route.h"

#include <cstdio>
#include <vector>

#include "core/screen_registry.h"

namespace rc {

std::string percentEncode(const std::string& value) {
    std::string out;
    for (unsigned char c : value) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

std::string percentDecode(const std::string& value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        char c = value[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < value.size()) {
            auto hex = [](char h) -> int {
                if (h >= '0' && h <= '9') return h - '0';
                if (h >= 'a' && h <= 'f') return h - 'a' + 10;
                if (h >= 'A' && h <= 'F') return h - 'A' + 10;
                return -1;
            };
            int hi = hex(value[i + 1]), lo = hex(value[i + 2]);
            if (hi < 0 || lo < 0) {
                out += c;
                continue;
            }
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::string Route::toHash() const { return screenSpec(screen).format(*this); }

Route Route::fromHash(const std::string& hash) {
    std::string h = hash;
    if (!h.empty() && h[0] == '#') h.erase(0, 1);
    if (!h.empty() && h[0] == '/') h.erase(0, 1);
    std::string path = h, query;
    if (auto qm = h.find('?'); qm != std::string::npos) {
        path = h.substr(0, qm);
        query = h.substr(qm + 1);
    }
    Address a;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (!part.empty()) a.parts.push_back(part);
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    start = 0;
    while (start < query.size()) {
        std::size_t amp = query.find('&', start);
        std::string kv = query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
        std::size_t eq = kv.find('=');
        if (eq != std::string::npos) a.params.emplace_back(kv.substr(0, eq), percentDecode(kv.substr(eq + 1)));
        if (amp == std::string::npos) break;
        start = amp + 1;
    }
    if (a.parts.empty()) return Route{};
    for (const auto& spec : screenRegistry()) {
        Route r;
        if (a.parts[0] == spec.path && spec.parse(a, r)) return r;
    }
    return Route{};  // an address no screen claims: the dashboard
}

}  // namespace rc
