// The Unicode Bidirectional Algorithm (UAX #9) for one line of plain text such as a name:
// paragraph direction (P2–P3), weak types (W1–W7), paired brackets (N0), neutrals (N1–N2),
// implicit levels (I1–I2), trailing whitespace (L1), reordering (L2) and mirroring (L4).
// Explicit embeddings, overrides and isolates (X1–X8) are not applied: their code points are
// ignored like boundary neutrals, so a stray one changes nothing. Pure functions, no ImGui.
#pragma once
#include <string>
#include <vector>

namespace rc::bidi {

enum class Direction { Auto, LeftToRight, RightToLeft };

struct Levels {
    int paragraph = 0;        // 0: left to right, 1: right to left
    std::vector<int> levels;  // per code point; -1 where the algorithm removes it (X9)
};

Levels resolve(std::u32string_view text, Direction direction = Direction::Auto);
// Indices into `text` in the order they are shown from left to right; removed ones left out.
std::vector<int> visualOrder(std::u32string_view text, const Levels& levels);
// The line as shown, left to right: reordered, mirrored glyphs at right-to-left levels.
std::u32string reorder(std::u32string_view text, Direction direction = Direction::Auto);
// True when nothing in `text` can change order (no right-to-left or Arabic-number character).
bool isLeftToRightOnly(std::u32string_view text);

}  // namespace rc::bidi
