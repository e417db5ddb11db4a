// The shell's own pieces (ui/console_ui.*): a region exactly over one of the layout's boxes,
// the product mark, and a navigation entry as the sidebar, the icon rail and the phone's menu draw it.
#pragma once
#include "imgui.h"
#include "ui/kit/layout.h"

namespace rc::ui {

// A child window exactly over `box`, with a hairline on the given edges; pair with endRegion().
bool beginRegion(const char* id, const Box& box, ImVec2 padding, bool borderRight, bool borderBottom);
void endRegion();

// The product mark: a rounded accent square with the add-on's initials.
void productMark(ImVec2 p, float size);

enum class EntryStyle { Row, Rail };
// One destination of the navigation: a row with icon and label (sidebar, phone menu) or an
// icon over a short label (rail). Reported to items() as a "menu" item with its words; true when chosen.
bool navEntry(const char* glyph, const char* label, bool selected, EntryStyle style, float width);

}  // namespace rc::ui
