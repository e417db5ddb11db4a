// Text as the console draws it: server-provided names and lines in their display form (bidi
// order, Arabic shaping: core/display_text.h), and the fonts for their scripts asked for.
// Every widget that draws text the reseller did not write here passes it through shown().
#pragma once
#include <string>

namespace rc::ui {

// The display form of `logical`; the same object for text that needs none (all ASCII, or no
// right-to-left or Arabic letters). The reference stays valid until the next frame.
const std::string& shown(const std::string& logical);
inline const char* shownC(const std::string& logical) { return shown(logical).c_str(); }

}  // namespace rc::ui
