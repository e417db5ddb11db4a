// The characters the console's fonts carry, as ImGui glyph ranges (pairs, zero-terminated).
// src/toolchain reads kTextGlyphs from this file to cut the font files down to these
// characters at build time (and the icons named in theme.h), so keep it plain hex pairs.
#pragma once
#include "imgui.h"

namespace rc::ui {

// Latin with umlauts and ß, typographic punctuation (– — ‘ ’ “ ” „ • …), € and the minus sign.
inline constexpr ImWchar kTextGlyphs[] = {0x0020, 0x024F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0x2212, 0x2212, 0};

// Of those, what the atlas holds from the start: Basic Latin and Latin-1 (English, German and
// the console's own words), the punctuation, € and the minus sign. Rasterising every glyph of
// kTextGlyphs in five sizes was most of the first frame (the atlas is built in the browser);
// the Latin Extended blocks below join the atlas, each whole, when drawn text first needs one.
inline constexpr ImWchar kBaseGlyphs[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x20AC, 0x20AC, 0x2212, 0x2212, 0};
inline constexpr ImWchar kLatinExtendedBlocks[][2] = {{0x0100, 0x017F}, {0x0180, 0x024F}};

// The 30 px figures (dashboard totals, a price): digits, signs, currency and spaces only.
inline constexpr ImWchar kFigureGlyphs[] = {0x0020, 0x007E, 0x00A0, 0x00BF, 0x2010, 0x2027, 0x20AC, 0x20AC, 0x2212, 0x2212, 0};

// Fork Awesome's private-use block; the build keeps only the icons theme.h names.
inline constexpr ImWchar kIconGlyphs[] = {0xF000, 0xF372, 0};

}  // namespace rc::ui
