// Table columns as data, and one pure function that fits them into a width: columns share
// space by their content (names, organizations and domains get the room they need before
// status and plan), drop out in a fixed order when they do not fit (monthly value, renewal,
// plan, ...), a name is never cut while a column that drops before it is shown, and the
// reseller's own widths and hidden columns (kept per device) are respected. No ImGui here.
#pragma once
#include <string>
#include <vector>

namespace rc::ui {

struct ColumnSpec {
    std::string key;       // stable: saved per device ("customer", "domain", "status", ...)
    int dropOrder = 0;     // 0: always shown; otherwise 1 drops first, then 2, ...
    float minWidth = 48;   // narrower than this it says nothing
    float maxWidth = 0;    // content wider than this is cut with "…" (0: no cap)
    bool grows = false;    // takes spare width (text); else it keeps its content's width
    bool whole = false;    // its content is never cut while a droppable column is shown (names)
    bool hideable = true;  // the reseller may hide it
    int wholeWhile = 0;    // not cut while a column with drop order 1..this is shown (domains)
    bool tapTarget = false;  // one control fills it: on touch screens at least a tap target wide
};

// What a column needs this time: its content's width, and what the reseller chose.
struct ColumnNeed {
    float content = 0;      // widest cell (or header) seen, padding included
    float userWidth = 0;    // dragged by the reseller (0: by content)
    bool userHidden = false;
};

struct ColumnPlacement {
    int column = 0;  // index into the specs
    float x = 0, w = 0;
    bool cut = false;  // narrower than its content: cells end in "…"
};

// The columns shown, left to right, within `width`.
std::vector<ColumnPlacement> fitColumns(const std::vector<ColumnSpec>& specs, const std::vector<ColumnNeed>& needs, float width);

}  // namespace rc::ui
