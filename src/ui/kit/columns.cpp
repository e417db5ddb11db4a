#include "ui/kit/columns.h"

#include <algorithm>
#include <numeric>

namespace rc::ui {
namespace {

float wanted(const ColumnSpec& s, const ColumnNeed& n) {
    if (n.userWidth > 0) return std::max(n.userWidth, s.minWidth);
    float w = std::max(n.content, s.minWidth);
    return s.maxWidth > 0 ? std::min(w, s.maxWidth) : w;
}

// The least a shown column can take: text that grows can shrink to its floor, a whole one
// (names) and fixed ones (status, dates, money) need their content.
// A width the reseller dragged is kept too: lower-priority columns drop out to make room for it.
// `guarded`: a column it must stay whole for (wholeWhile) is still shown.
float least(const ColumnSpec& s, const ColumnNeed& n, bool guarded) {
    return s.grows && !s.whole && !guarded && n.userWidth <= 0 ? s.minWidth : wanted(s, n);
}

}  // namespace

std::vector<ColumnPlacement> fitColumns(const std::vector<ColumnSpec>& specs, const std::vector<ColumnNeed>& needs, float width) {
    const std::size_t n = specs.size();
    std::vector<bool> shown(n);
    for (std::size_t i = 0; i < n; ++i) shown[i] = !(needs[i].userHidden && specs[i].hideable);
    auto sum = [&](auto f) {
        float total = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (shown[i]) total += f(i);
        return total;
    };
    auto guarded = [&](std::size_t i) {
        for (std::size_t j = 0; j < n; ++j)
            if (shown[j] && specs[j].dropOrder > 0 && specs[j].dropOrder <= specs[i].wholeWhile) return true;
        return false;
    };
    // Drop columns in their fixed order until what must be whole fits.
    while (sum([&](std::size_t i) { return least(specs[i], needs[i], guarded(i)); }) > width) {
        int next = -1;
        for (std::size_t i = 0; i < n; ++i)
            if (shown[i] && specs[i].dropOrder > 0 && (next < 0 || specs[i].dropOrder < specs[static_cast<std::size_t>(next)].dropOrder))
                next = static_cast<int>(i);
        if (next < 0) break;  // nothing left to drop: whole columns shrink too (below)
        shown[static_cast<std::size_t>(next)] = false;
    }

    std::vector<float> w(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        if (shown[i]) w[i] = wanted(specs[i], needs[i]);
    float total = sum([&](std::size_t i) { return w[i]; });
    if (total < width) {
        // Spare room goes to the text columns, in proportion to what they hold; a column the
        // reseller sized keeps exactly that size.
        auto grows = [&](std::size_t i) { return specs[i].grows && needs[i].userWidth <= 0; };
        float growing = sum([&](std::size_t i) { return grows(i) ? w[i] : 0.0f; });
        if (growing > 0) {
            float extra = width - total;
            for (std::size_t i = 0; i < n; ++i)
                if (shown[i] && grows(i)) w[i] += extra * w[i] / growing;
        }
    } else if (total > width) {
        // Short of room: shrink text that may be cut (domains before names; a width the
        // reseller chose last of those), then whatever still can, never below its floor.
        float over = total - width;
        for (int pass = 0; pass < 4 && over > 0.01f; ++pass) {
            for (std::size_t i = 0; i < n && over > 0.01f; ++i) {
                if (!shown[i]) continue;
                bool cuttable = specs[i].grows && !specs[i].whole && !guarded(i);
                bool eligible = pass == 0   ? cuttable && needs[i].userWidth <= 0
                                : pass == 1 ? cuttable
                                : pass == 2 ? specs[i].grows
                                            : true;
                if (!eligible) continue;
                float give = std::min(over, w[i] - specs[i].minWidth);
                if (give > 0) w[i] -= give, over -= give;
            }
        }
    }
    std::vector<ColumnPlacement> out;
    float x = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!shown[i]) continue;
        ColumnPlacement p;
        p.column = static_cast<int>(i);
        p.x = x;
        p.w = w[i];
        p.cut = w[i] + 0.5f < needs[i].content;
        out.push_back(p);
        x += w[i];
    }
    return out;
}

}  // namespace rc::ui
