#include "core/bidi.h"

#include <algorithm>

#include "core/unicode_props.h"

namespace rc::bidi {
namespace {

using unicode::BidiClass;
using C = BidiClass;

bool isStrong(C c) { return c == C::L || c == C::R || c == C::AL; }
bool isRemoved(C c) {
    return c == C::BN || c == C::LRE || c == C::LRO || c == C::RLE || c == C::RLO || c == C::PDF ||
           c == C::LRI || c == C::RLI || c == C::FSI || c == C::PDI;
}
bool isNeutral(C c) { return c == C::B || c == C::S || c == C::WS || c == C::ON; }
// Strong direction for N0 and N1: European and Arabic numbers count as right to left.
C strongOf(C c) {
    if (c == C::L) return C::L;
    if (c == C::R || c == C::AL || c == C::EN || c == C::AN) return C::R;
    return C::ON;
}

// Canonical equivalents among brackets: U+2329/U+232A and U+3008/U+3009.
char32_t canonicalBracket(char32_t cp) {
    if (cp == 0x2329) return 0x3008;
    if (cp == 0x232A) return 0x3009;
    return cp;
}

}  // namespace

Levels resolve(std::u32string_view text, Direction direction) {
    const int n = static_cast<int>(text.size());
    std::vector<C> original(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) original[static_cast<std::size_t>(i)] = unicode::bidiClass(text[static_cast<std::size_t>(i)]);

    Levels out;
    // P2–P3: the first strong character decides, unless the caller knows the direction.
    if (direction == Direction::RightToLeft) {
        out.paragraph = 1;
    } else if (direction == Direction::Auto) {
        for (C c : original)
            if (isStrong(c)) {
                out.paragraph = c == C::L ? 0 : 1;
                break;
            }
    }
    const int para = out.paragraph;
    const C e = para % 2 ? C::R : C::L;  // embedding direction, also sos and eos

    // X9: the run sequence is the text without removed characters.
    std::vector<int> idx;
    for (int i = 0; i < n; ++i)
        if (!isRemoved(original[static_cast<std::size_t>(i)])) idx.push_back(i);
    const int m = static_cast<int>(idx.size());
    std::vector<C> t(static_cast<std::size_t>(m));
    for (int k = 0; k < m; ++k) t[static_cast<std::size_t>(k)] = original[static_cast<std::size_t>(idx[static_cast<std::size_t>(k)])];
    auto at = [&](int k) -> C& { return t[static_cast<std::size_t>(k)]; };

    // W1: a mark takes the type of what it follows.
    for (int k = 0; k < m; ++k)
        if (at(k) == C::NSM) at(k) = k == 0 ? e : at(k - 1);
    // W2: European numbers after Arabic letters are Arabic numbers.
    {
        C last = e;
        for (int k = 0; k < m; ++k) {
            if (isStrong(at(k))) last = at(k);
            else if (at(k) == C::EN && last == C::AL) at(k) = C::AN;
        }
    }
    // W3
    for (int k = 0; k < m; ++k)
        if (at(k) == C::AL) at(k) = C::R;
    // W4: one separator between two numbers of the same kind joins them.
    for (int k = 1; k + 1 < m; ++k) {
        if (at(k) == C::ES && at(k - 1) == C::EN && at(k + 1) == C::EN) at(k) = C::EN;
        else if (at(k) == C::CS && at(k - 1) == C::EN && at(k + 1) == C::EN) at(k) = C::EN;
        else if (at(k) == C::CS && at(k - 1) == C::AN && at(k + 1) == C::AN) at(k) = C::AN;
    }
    // W5: terminators next to European numbers belong to them.
    for (int k = 0; k < m;) {
        if (at(k) != C::ET) {
            ++k;
            continue;
        }
        int end = k;
        while (end < m && at(end) == C::ET) ++end;
        bool touches = (k > 0 && at(k - 1) == C::EN) || (end < m && at(end) == C::EN);
        if (touches)
            for (int j = k; j < end; ++j) at(j) = C::EN;
        k = end;
    }
    // W6
    for (int k = 0; k < m; ++k)
        if (at(k) == C::ES || at(k) == C::ET || at(k) == C::CS) at(k) = C::ON;
    // W7: European numbers in a left-to-right context are left to right.
    {
        C last = e;
        for (int k = 0; k < m; ++k) {
            if (at(k) == C::L || at(k) == C::R) last = at(k);
            else if (at(k) == C::EN && last == C::L) at(k) = C::L;
        }
    }

    // N0: paired brackets take the direction of what they enclose (BD16 finds the pairs).
    {
        struct Pair { int open, close; };
        std::vector<Pair> pairs;
        std::vector<std::pair<char32_t, int>> stack;  // closing bracket expected, position
        for (int k = 0; k < m; ++k) {
            if (at(k) != C::ON) continue;
            char32_t cp = text[static_cast<std::size_t>(idx[static_cast<std::size_t>(k)])];
            bool opening = false;
            char32_t pair = unicode::pairedBracket(cp, &opening);
            if (!pair) continue;
            if (opening) {
                if (stack.size() == 63) break;  // BD16: stop looking for pairs
                stack.emplace_back(canonicalBracket(pair), k);
            } else {
                char32_t closing = canonicalBracket(cp);
                for (int s = static_cast<int>(stack.size()) - 1; s >= 0; --s) {
                    if (stack[static_cast<std::size_t>(s)].first != closing) continue;
                    pairs.push_back({stack[static_cast<std::size_t>(s)].second, k});
                    stack.resize(static_cast<std::size_t>(s));
                    break;
                }
            }
        }
        std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.open < b.open; });
        for (const Pair& p : pairs) {
            bool sameInside = false, oppositeInside = false;
            for (int k = p.open + 1; k < p.close; ++k) {
                C s = strongOf(at(k));
                if (s == e) sameInside = true;
                else if (s != C::ON) oppositeInside = true;
            }
            C resolved = C::ON;
            if (sameInside) {
                resolved = e;
            } else if (oppositeInside) {
                C before = e;
                for (int k = p.open - 1; k >= 0; --k) {
                    C s = strongOf(at(k));
                    if (s != C::ON) {
                        before = s;
                        break;
                    }
                }
                resolved = before != e ? before : e;
            }
            if (resolved == C::ON) continue;
            for (int k : {p.open, p.close}) {
                at(k) = resolved;
                // Marks that followed the bracket follow its new direction.
                for (int j = k + 1; j < m && original[static_cast<std::size_t>(idx[static_cast<std::size_t>(j)])] == C::NSM; ++j)
                    at(j) = resolved;
            }
        }
    }

    // N1–N2: neutrals between two of the same direction take it; others the embedding's.
    for (int k = 0; k < m;) {
        if (!isNeutral(at(k))) {
            ++k;
            continue;
        }
        int end = k;
        while (end < m && isNeutral(at(end))) ++end;
        C before = k == 0 ? e : strongOf(at(k - 1));
        C after = end == m ? e : strongOf(at(end));
        C resolved = before == after && before != C::ON ? before : e;
        for (int j = k; j < end; ++j) at(j) = resolved;
        k = end;
    }

    // I1–I2
    out.levels.assign(static_cast<std::size_t>(n), -1);
    for (int k = 0; k < m; ++k) {
        int level = para;
        C c = at(k);
        if (level % 2 == 0) {
            if (c == C::R) level += 1;
            else if (c == C::AN || c == C::EN) level += 2;
        } else if (c == C::L || c == C::EN || c == C::AN) {
            level += 1;
        }
        out.levels[static_cast<std::size_t>(idx[static_cast<std::size_t>(k)])] = level;
    }

    // L1: separators, and whitespace before them or at the end of the line, return to the
    // paragraph level (judged by the original types; removed characters are skipped over).
    bool trailing = true;
    for (int i = n - 1; i >= 0; --i) {
        C c = original[static_cast<std::size_t>(i)];
        if (c == C::S || c == C::B) {
            out.levels[static_cast<std::size_t>(i)] = para;
            trailing = true;
        } else if (c == C::WS || c == C::LRI || c == C::RLI || c == C::FSI || c == C::PDI) {
            if (trailing) out.levels[static_cast<std::size_t>(i)] = para;
        } else if (!isRemoved(c)) {
            trailing = false;
        }
    }
    // Isolate marks are removed here (no X rules), so undo L1's level for them.
    for (int i = 0; i < n; ++i)
        if (isRemoved(original[static_cast<std::size_t>(i)])) out.levels[static_cast<std::size_t>(i)] = -1;
    return out;
}

std::vector<int> visualOrder(std::u32string_view text, const Levels& levels) {
    std::vector<int> order;
    std::vector<int> lv;
    for (int i = 0; i < static_cast<int>(text.size()); ++i) {
        int l = levels.levels[static_cast<std::size_t>(i)];
        if (l < 0) continue;
        order.push_back(i);
        lv.push_back(l);
    }
    // L2: from the highest level down to the lowest odd one, reverse every run at or above it.
    int highest = 0, lowestOdd = 1000;
    for (int l : lv) {
        highest = std::max(highest, l);
        if (l % 2) lowestOdd = std::min(lowestOdd, l);
    }
    for (int level = highest; level >= lowestOdd && level > 0; --level) {
        std::size_t k = 0;
        while (k < lv.size()) {
            if (lv[k] < level) {
                ++k;
                continue;
            }
            std::size_t end = k;
            while (end < lv.size() && lv[end] >= level) ++end;
            std::reverse(order.begin() + static_cast<long>(k), order.begin() + static_cast<long>(end));
            std::reverse(lv.begin() + static_cast<long>(k), lv.begin() + static_cast<long>(end));
            k = end;
        }
    }
    return order;
}

std::u32string reorder(std::u32string_view text, Direction direction) {
    Levels levels = resolve(text, direction);
    std::u32string out;
    out.reserve(text.size());
    for (int i : visualOrder(text, levels)) {
        char32_t cp = text[static_cast<std::size_t>(i)];
        // L4: a mirrored character at a right-to-left level shows its mirror image.
        out.push_back(levels.levels[static_cast<std::size_t>(i)] % 2 ? unicode::mirrored(cp) : cp);
    }
    return out;
}

bool isLeftToRightOnly(std::u32string_view text) {
    for (char32_t cp : text) {
        C c = unicode::bidiClass(cp);
        if (c == C::R || c == C::AL || c == C::AN || c == C::RLE || c == C::RLO || c == C::RLI || c == C::FSI) return false;
    }
    return true;
}

}  // namespace rc::bidi
