// The characters the console's fonts carry, as ImGui glyph ranges (pairs, zero-terminated).
// src/toolchain reads kTextGlyphs from this file to cut the font files down to these
// characters at build time (and the icons named in theme.h), so keep it plain hex pairs.
#pragma once
#include "imgui.h"

namespace rc::ui {

// Latin with umlauts and ß, typographic punctuation (– — ‘ ’ “ ” „ • …), € and the minus sign.
inline constexpr ImWchar kTextGlyphs[] = {0x0020, 0x024F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0x2212, 0x2212, 0};

// Fork Awesome's private-use block; the build keeps only the icons theme.h names.
inline constexpr ImWchar kIconGlyphs[] = {0xF000, 0xF372, 0};

}  // namespace rc::ui
