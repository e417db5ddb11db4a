// Server-provided text as it is drawn: Arabic letters shaped, the line put in visual order by
// the bidi algorithm (first strong character sets the direction), mirrored brackets, and
// invisible format characters (joiners, marks, isolates) dropped. Text that needs none of it
// comes back unchanged. Pure function over UTF-8, safe on any bytes (fuzz target material).
#pragma once
#include <string>
#include <string_view>

namespace rc {

// True when displayText(utf8) would differ from utf8.
bool needsDisplayForm(std::string_view utf8);
std::string displayText(std::string_view utf8);

}  // namespace rc
