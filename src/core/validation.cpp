#include "core/validation.h"

#include <cstring>
#include <vector>

#include "core/limits.h"

namespace rc::validate {
namespace {

bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlnum(char c) { return isLower(c) || isDigit(c) || (c >= 'A' && c <= 'Z'); }

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) return out;
        start = at + 1;
    }
}

// ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$
bool isLabel(const std::string& l) {
    if (l.empty() || l.size() > 63) return false;
    for (char c : l)
        if (!(isLower(c) || isDigit(c) || c == '-')) return false;
    return l.front() != '-' && l.back() != '-';
}

// ^([a-z]{2,63}|xn--[a-z0-9-]+)$
bool isTopLabel(const std::string& l) {
    if (l.rfind("xn--", 0) == 0) {
        if (l.size() == 4) return false;
        for (char c : l)
            if (!(isLower(c) || isDigit(c) || c == '-')) return false;
        return true;
    }
    if (l.size() < 2 || l.size() > 63) return false;
    for (char c : l)
        if (!isLower(c)) return false;
    return true;
}

// Python's str.strip() removes Unicode whitespace; a paste can bring these along.
bool whitespaceAt(const std::string& s, std::size_t i, std::size_t& len) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f)) return len = 1, true;
    static const char* wide[] = {"\xc2\x85", "\xc2\xa0", "\xe1\x9a\x80", "\xe2\x80\x80", "\xe2\x80\x81", "\xe2\x80\x82",
                                 "\xe2\x80\x83", "\xe2\x80\x84", "\xe2\x80\x85", "\xe2\x80\x86", "\xe2\x80\x87",
                                 "\xe2\x80\x88", "\xe2\x80\x89", "\xe2\x80\x8a", "\xe2\x80\xa8", "\xe2\x80\xa9",
                                 "\xe2\x80\xaf", "\xe2\x81\x9f", "\xe3\x80\x80"};
    for (const char* w : wide) {
        std::size_t n = std::strlen(w);
        if (s.compare(i, n, w) == 0) return len = n, true;
    }
    return false;
}

// Unicode category Cc (C0 controls, DEL, the C1 controls U+0080..U+009F) and the line and
// paragraph separators U+2028/U+2029.
bool hasControl(const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7f) return true;
        if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(s[i + 1]) <= 0x9f)
            return true;
        if (c == 0xe2 && s.compare(i, 3, "\xe2\x80\xa8") == 0) return true;
        if (c == 0xe2 && s.compare(i, 3, "\xe2\x80\xa9") == 0) return true;
    }
    return false;
}

// Decodes the UTF-8 character at i (invalid bytes count as themselves) and its length.
char32_t codePointAt(const std::string& s, std::size_t i, std::size_t& len) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (extra && i + extra >= s.size()) extra = 0;
    char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    len = static_cast<std::size_t>(extra) + 1;
    return cp;
}

// Bidirectional overrides and isolates: they make a name read differently from what it holds.
bool isBidiControl(char32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }

// Characters that draw nothing on their own; the same ranges as INVISIBLE_RANGES in
// src/partner_api/validation.py. ZWJ/ZWNJ and combining marks are fine inside real words.
bool isInvisible(char32_t c) {
    static const char32_t ranges[][2] = {
        {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5},
        {0x180B, 0x180F}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0x2800, 0x2800},
        {0x3164, 0x3164}, {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0x1D173, 0x1D17A},
        {0xE0000, 0xE0FFF}, {0x0300, 0x036F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x20D0, 0x20FF},
        {0xFE20, 0xFE2F},
        // Format controls: interlinear annotation, shorthand and Egyptian hieroglyph formatting.
        {0xFFF9, 0xFFFB}, {0x1BCA0, 0x1BCA3}, {0x13430, 0x1343F},
        // Noncharacters and private use: nothing any font on a reader's machine is sure to draw.
        {0xFDD0, 0xFDEF}, {0xE000, 0xF8FF}, {0xF0000, 0x10FFFF}};
    if ((c & 0xFFFE) == 0xFFFE) return true;  // U+FFFE and U+FFFF of every plane
    for (const auto& r : ranges)
        if (c >= r[0] && c <= r[1]) return true;
    return false;
}

// Nothing a reader would see: every character is whitespace or invisible.
bool onlyInvisible(const std::string& s) {
    std::size_t len = 0;
    for (std::size_t i = 0; i < s.size(); i += len) {
        if (whitespaceAt(s, i, len)) continue;
        if (!isInvisible(codePointAt(s, i, len))) return false;
    }
    return true;
}

bool hasBidiControl(const std::string& s) {
    std::size_t len = 0;
    for (std::size_t i = 0; i < s.size(); i += len)
        if (isBidiControl(codePointAt(s, i, len))) return true;
    return false;
}

}  // namespace

std::string trim(const std::string& s) {
    std::size_t start = 0, len = 0;
    while (start < s.size() && whitespaceAt(s, start, len)) start += len;
    std::size_t end = s.size();
    while (end > start) {
        // Step back to the start of the last UTF-8 character.
        std::size_t ch = end - 1;
        while (ch > start && (static_cast<unsigned char>(s[ch]) & 0xC0) == 0x80) --ch;
        if (!whitespaceAt(s, ch, len) || ch + len != end) break;
        end = ch;
    }
    return s.substr(start, end - start);
}

std::size_t codePoints(const std::string& utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

bool isDomain(const std::string& d) {
    if (d.empty() || d.size() > 253 || d.find('.') == std::string::npos) return false;
    auto labels = split(d, '.');
    if (!isTopLabel(labels.back())) return false;
    for (const auto& l : labels)
        if (!isLabel(l)) return false;
    return true;
}

std::optional<std::string> name(const std::string& value) {
    std::string v = trim(value);
    if (v.empty()) return std::string(tr(Text::ErrRequired));
    if (codePoints(v) > limits::kMaxNameChars) return std::string(tr(Text::ErrTooLong));
    if (hasControl(v)) return std::string(tr(Text::ErrControlChars));
    if (hasBidiControl(v)) return std::string(tr(Text::ErrBidiChars));
    if (onlyInvisible(v)) return std::string(tr(Text::ErrInvisibleOnly));
    return std::nullopt;
}

std::optional<std::string> email(const std::string& value) {
    std::string v = trim(value);
    if (v.empty()) return std::string(tr(Text::ErrRequired));
    static const char* localExtra = "!#$%&'*+/=?^_`{|}~.-";
    auto at = v.find('@');
    bool ok = v.size() <= 254 && at != std::string::npos && at > 0 && v.find('@', at + 1) == std::string::npos;
    if (ok) {
        for (std::size_t i = 0; i < at; ++i)
            // strchr finds a NUL byte too (the pattern's terminator): it is not one of the characters.
            if (!isAlnum(v[i]) && (v[i] == '\0' || !std::strchr(localExtra, v[i]))) ok = false;
        std::string domain = v.substr(at + 1);
        // The address pattern wants labels of letters, digits and hyphens joined by single dots.
        for (const auto& l : split(domain, '.'))
            if (l.empty()) ok = false;
        ok = ok && isDomain(lower(domain));
    }
    if (!ok) return std::string(tr(Text::ErrInvalidEmail));
    return std::nullopt;
}

std::optional<std::string> googleDomain(const std::string& value) {
    std::string v = lower(trim(value));
    if (v.empty()) return std::string(tr(Text::ErrRequired));
    while (!v.empty() && v.back() == '.') v.pop_back();
    if (!isDomain(v)) return std::string(tr(Text::ErrInvalidDomain));
    return std::nullopt;
}

}  // namespace rc::validate
