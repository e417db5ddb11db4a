#include "core/unicode_props.h"

#include <algorithm>
#include <iterator>

namespace rc::unicode {
namespace {

struct BidiRange { char32_t first; BidiClass cls; };
struct CodePair { char32_t from, to; };
struct BracketPair { char32_t cp, pair; bool opening; };
struct JoiningRange { char32_t first, last; JoiningType type; };
struct ArabicForms { char32_t letter; char32_t forms[4]; };
struct LamAlef { char32_t alef, isolated, final; };

#include "unicode_tables.inc"

}  // namespace

BidiClass bidiClass(char32_t cp) {
    if (cp > 0x10FFFF) return BidiClass::L;
    auto it = std::upper_bound(std::begin(kBidiRanges), std::end(kBidiRanges), cp,
                               [](char32_t c, const BidiRange& r) { return c < r.first; });
    return std::prev(it)->cls;
}

char32_t mirrored(char32_t cp) {
    auto it = std::lower_bound(std::begin(kMirrors), std::end(kMirrors), cp,
                               [](const CodePair& p, char32_t c) { return p.from < c; });
    return it != std::end(kMirrors) && it->from == cp ? it->to : cp;
}

char32_t pairedBracket(char32_t cp, bool* opening) {
    auto it = std::lower_bound(std::begin(kBrackets), std::end(kBrackets), cp,
                               [](const BracketPair& p, char32_t c) { return p.cp < c; });
    if (it == std::end(kBrackets) || it->cp != cp) return 0;
    if (opening) *opening = it->opening;
    return it->pair;
}

JoiningType joiningType(char32_t cp) {
    auto it = std::upper_bound(std::begin(kJoining), std::end(kJoining), cp,
                               [](char32_t c, const JoiningRange& r) { return c < r.first; });
    if (it == std::begin(kJoining)) return JoiningType::U;
    --it;
    return cp <= it->last ? it->type : JoiningType::U;
}

char32_t arabicForm(char32_t letter, ArabicForm form) {
    auto it = std::lower_bound(std::begin(kArabicForms), std::end(kArabicForms), letter,
                               [](const ArabicForms& f, char32_t c) { return f.letter < c; });
    if (it == std::end(kArabicForms) || it->letter != letter) return 0;
    return it->forms[static_cast<int>(form)];
}

char32_t lamAlef(char32_t alef, ArabicForm form) {
    for (const LamAlef& l : kLamAlef)
        if (l.alef == alef) return form == ArabicForm::Final ? l.final : l.isolated;
    return 0;
}

bool isInvisibleFormat(char32_t cp) {
    return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x061C;
}

}  // namespace rc::unicode
