#include "core/display_text.h"

#include "core/arabic_shaping.h"
#include "core/bidi.h"
#include "core/unicode_props.h"
#include "core/utf8.h"

namespace rc {
namespace {

bool needsWork(std::u32string_view cps) {
    for (char32_t cp : cps)
        if (unicode::isInvisibleFormat(cp)) return true;
    return !bidi::isLeftToRightOnly(cps) || arabic::needsShaping(cps);
}

bool hasNonAscii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    return false;
}

}  // namespace

bool needsDisplayForm(std::string_view utf8) {
    return hasNonAscii(utf8) && needsWork(utf8::decode(utf8));
}

std::string displayText(std::string_view utf8) {
    if (!hasNonAscii(utf8)) return std::string(utf8);
    std::u32string cps = utf8::decode(utf8);
    if (!needsWork(cps)) return std::string(utf8);
    // Shape first (joining needs logical order and sees the joiners), then drop what has no glyph.
    std::u32string shaped = arabic::needsShaping(cps) ? arabic::shape(cps) : cps;
    std::u32string visible;
    visible.reserve(shaped.size());
    for (char32_t cp : shaped)
        if (!unicode::isInvisibleFormat(cp) || cp == 0x200E || cp == 0x200F || cp == 0x061C) visible.push_back(cp);
    // Direction marks take part in the bidi algorithm (they are strong), then are not drawn.
    std::u32string ordered = bidi::reorder(visible);
    std::u32string out;
    out.reserve(ordered.size());
    for (char32_t cp : ordered)
        if (!unicode::isInvisibleFormat(cp)) out.push_back(cp);
    return utf8::encode(out);
}

}  // namespace rc
