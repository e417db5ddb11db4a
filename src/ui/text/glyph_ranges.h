// The characters the console's fonts carry, as ImGui glyph ranges (pairs, zero-terminated).
// src/toolchain reads kTextGlyphs from this file to cut the font files down to these
// characters at build time (and the icons named in theme.h), so keep it plain hex pairs.
#pragma once
#include "imgui.h"

namespace rc::ui {

// What the base fonts hold (the build cuts them to this): Basic Latin and Latin-1 (English,
// German and the console's own words), typographic punctuation (– — ‘ ’ “ ” „ • …), € and the
// minus sign. Latin Extended (ő ł ş ș …) is a file of its own (assets/script_fonts.txt,
// latin-ext), fetched when a drawn name first needs it: 22 KB less on every first visit.
inline constexpr ImWchar kTextGlyphs[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x20AC, 0x20AC, 0x2212, 0x2212, 0};

// The 30 px figures (dashboard totals, a price): digits, signs, currency and spaces only.
inline constexpr ImWchar kFigureGlyphs[] = {0x0020, 0x007E, 0x00A0, 0x00BF, 0x2010, 0x2027, 0x20AC, 0x20AC, 0x2212, 0x2212, 0};

// Fork Awesome's private-use block; the build keeps only the icons theme.h names.
inline constexpr ImWchar kIconGlyphs[] = {0xF000, 0xF372, 0};

}  // namespace rc::ui
