// Arabic contextual shaping without a shaping engine: each letter becomes its isolated, initial,
// medial or final presentation form (Unicode Arabic Presentation Forms-A/-B, which the Noto
// Sans Arabic font carries), and lam + alef become one ligature. Works on logical order, before
// bidi reordering. Pure function, no ImGui.
#pragma once
#include <string>
#include <vector>

namespace rc::arabic {

std::u32string shape(std::u32string_view logical);
// True when `text` holds a letter that shaping would change.
bool needsShaping(std::u32string_view text);

}  // namespace rc::arabic
