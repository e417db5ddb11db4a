// Scrolling through a list of any length (100,000 customers, 1,000,000 invoices) by row: its
// own scroll bar spans every row of the result, and the wheel, Page Up/Down, Home/End and the
// bar's thumb go anywhere at once. Only the rows on screen are drawn; the store fetches them.
#pragma once
#include <cstdint>

#include "imgui.h"

namespace rc::ui {

class ListScroller {
public:
    static constexpr float kBarWidth = 12.0f;

    // Handles this frame's wheel and keys for a list of `total` rows of `rowHeight` of which
    // `visibleRows` fit whole on screen, and draws the scroll bar in [barMin, barMax]. `hovered`: the pointer
    // is over the list; `keys`: the list takes Page Up/Down and Home/End now.
    void update(std::int64_t total, int visibleRows, float rowHeight, ImVec2 barMin, ImVec2 barMax, bool hovered, bool keys);

    // A finger dragging or flicking the list (kit/touch_scroll.h) over [min, max]: call before
    // update; the rows follow the finger by whole rows.
    void followTouch(ImVec2 min, ImVec2 max);

    // The first row on screen, and how many fit whole (after update).
    std::int64_t first() const { return first_; }
    int whole() const { return whole_; }
    void toTop() { position_ = 0, first_ = 0, touchPixels_ = 0, wheelLeft_ = 0; }
    // Scrolls as little as shows row `row` (from 0) whole at the next update; -1: nothing.
    void reveal(std::int64_t row) { reveal_ = row; }
    bool dragging() const { return dragging_; }

private:
    void clamp(std::int64_t total, int visibleRows);

    // Moves the rows toward the wheel's aim, a step per display frame (see update).
    void glide();

    double position_ = 0;  // in rows; the wheel moves it by fractions
    double wheelLeft_ = 0;  // rows the wheel asked for that are still to come (smooth scrolling)
    double glidedAt_ = -1;  // ImGui's time of the last step
    float touchPixels_ = 0;  // moved by a finger since the last update
    std::int64_t first_ = 0;
    std::int64_t reveal_ = -1;
    int whole_ = 1;
    bool dragging_ = false;
    float grab_ = 0;  // where on the thumb it was taken
};

// A table row whose block is on its way: quiet bars where the text of `columns` columns will be.
void placeholderRow(float rowHeight, int columns);

}  // namespace rc::ui
