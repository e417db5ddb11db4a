#include "core/arabic_shaping.h"

#include "core/unicode_props.h"

namespace rc::arabic {
namespace {

using unicode::ArabicForm;
using unicode::JoiningType;
using J = JoiningType;

constexpr char32_t kLam = 0x0644;

bool joinsForward(J t) { return t == J::D || t == J::L || t == J::C; }   // with the next letter
bool joinsBackward(J t) { return t == J::D || t == J::R || t == J::C; }  // with the previous one

}  // namespace

bool needsShaping(std::u32string_view text) {
    for (char32_t cp : text)
        if (unicode::arabicForm(cp, ArabicForm::Isolated)) return true;
    return false;
}

std::u32string shape(std::u32string_view in) {
    const std::size_t n = in.size();
    std::vector<J> type(n);
    for (std::size_t i = 0; i < n; ++i) type[i] = unicode::joiningType(in[i]);
    // The nearest letter before/after i that is not transparent (marks do not break a join).
    auto neighbour = [&](std::size_t i, int step) -> long {
        for (long k = static_cast<long>(i) + step; k >= 0 && k < static_cast<long>(n); k += step)
            if (type[static_cast<std::size_t>(k)] != J::T) return k;
        return -1;
    };
    std::u32string out;
    out.reserve(n);
    std::vector<bool> skip(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (skip[i]) continue;
        char32_t cp = in[i];
        J t = type[i];
        if (t == J::T || t == J::U) {
            out.push_back(cp);
            continue;
        }
        long prev = neighbour(i, -1), next = neighbour(i, +1);
        bool joinPrev = joinsBackward(t) && prev >= 0 && joinsForward(type[static_cast<std::size_t>(prev)]);
        if (cp == kLam && next >= 0) {
            char32_t lig = unicode::lamAlef(in[static_cast<std::size_t>(next)], joinPrev ? ArabicForm::Final : ArabicForm::Isolated);
            if (lig) {
                out.push_back(lig);
                // Marks between lam and alef stay; the alef is now part of the ligature.
                for (std::size_t k = i + 1; k < static_cast<std::size_t>(next); ++k) out.push_back(in[k]);
                skip[static_cast<std::size_t>(next)] = true;
                for (std::size_t k = i + 1; k < static_cast<std::size_t>(next); ++k) skip[k] = true;
                continue;
            }
        }
        bool joinNext = joinsForward(t) && next >= 0 && joinsBackward(type[static_cast<std::size_t>(next)]);
        ArabicForm form = joinPrev && joinNext ? ArabicForm::Medial
                          : joinPrev           ? ArabicForm::Final
                          : joinNext           ? ArabicForm::Initial
                                               : ArabicForm::Isolated;
        char32_t shaped = unicode::arabicForm(cp, form);
        out.push_back(shaped ? shaped : cp);
    }
    return out;
}

}  // namespace rc::arabic
