#include "ui/text/shown_text.h"

#include <unordered_map>

#include "core/display_text.h"
#include "ui/text/script_fonts.h"

namespace rc::ui {
namespace {

// Display forms of the texts drawn recently; names repeat every frame, so each is worked out once.
// Two generations: when the newer one is full, the older is dropped, so a reference handed out
// stays valid for at least the next 4,096 new texts (far more than a frame draws).
struct Cache {
    std::unordered_map<std::string, std::string> forms, older;
    static constexpr std::size_t kLimit = 4096;
};

Cache& cache() {
    static Cache c;
    return c;
}

bool isAscii(const std::string& s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

}  // namespace

const std::string& shown(const std::string& logical) {
    if (isAscii(logical)) return logical;
    Cache& c = cache();
    auto it = c.forms.find(logical);
    if (it == c.forms.end()) {
        auto old = c.older.find(logical);
        if (old != c.older.end()) return old->second;
        if (c.forms.size() >= Cache::kLimit) {
            c.older.swap(c.forms);
            c.forms.clear();
        }
        std::string form = displayText(logical);
        scriptFonts().need(form);
        it = c.forms.emplace(logical, std::move(form)).first;
    }
    return it->second;
}

}  // namespace rc::ui
