// A list's rows as cards, for phones: one card per row, all as tall as the list says so a
// windowed list can place them like table rows. The whole card is its tap target; the pieces
// here are what each screen's card (customers, invoices) is drawn with.
#pragma once
#include <cstdint>
#include <string>

#include "imgui.h"

namespace rc::ui {

constexpr float kCardGap = 10;  // between cards
constexpr float kCardPad = 16;  // inside a card

// The card's frame and its tap target at the cursor, called `name` (a screen reader's link);
// returns the click and the card's top-left corner in `at`.
bool cardFrame(const char* id, const std::string& name, float width, float height, ImVec2& at);
// Text at (x, y) that fits `maxW`, or is cut with "…" (the registry keeps it whole and says so).
void cardLine(const std::string& s, float x, float y, float maxW, ImU32 color, ImFont* font);
// The next card starts exactly `height` below this one (at `at`), as the list's row height says.
void endListCard(ImVec2 at, float height);
// A card whose row is on its way (the list's block has not arrived).
void placeholderCard(float width, float height);

}  // namespace rc::ui
