#include "ui/kit/list_scroller.h"

#include <algorithm>
#include <cmath>

#include "imgui_internal.h"
#include "ui/kit/theme.h"
#include "ui/kit/touch_scroll.h"
#include "ui/kit/widgets.h"

namespace rc::ui {

void ListScroller::clamp(std::int64_t total, int visibleRows) {
    // At the end the last row sits at the bottom.
    double last = static_cast<double>(std::max<std::int64_t>(0, total - std::max(1, visibleRows)));
    double clamped = std::clamp(position_, 0.0, last);
    if (clamped != position_) wheelLeft_ = 0;  // at an end, the rest of the wheel's way is gone
    position_ = clamped;
    first_ = static_cast<std::int64_t>(std::floor(position_ + 1e-9));
}

void ListScroller::followTouch(ImVec2 min, ImVec2 max) {
    TouchScroller* touch = touchScroller();
    if (!touch) return;
    unsigned int id = ImGui::GetID("##list-touch");
    touch->addArea(id, min.x, min.y, max.x, max.y);
    touchPixels_ += touch->takeArea(id);
}

// The wheel glides as a browser's does, so the eye can follow: each display frame moves a third
// of the way left, a row at least (a notch, about two rows, comes over two frames; a fast flick
// of several notches over a few more). Frames built back to back for one drawn frame (the
// runner's settling) take no step; with reduced motion the rows jump at once.
void ListScroller::glide() {
    if (wheelLeft_ == 0) return;
    const double now = ImGui::GetTime();
    if (reducedMotion()) {
        position_ += wheelLeft_;
        wheelLeft_ = 0;
        return;
    }
    if (glidedAt_ >= 0 && now - glidedAt_ < 0.008) {  // within this display frame
        requestAnimation();
        return;
    }
    glidedAt_ = now;
    const double left = std::fabs(wheelLeft_);
    const double step = std::min(left, std::max(1.0, left * 0.35));
    const double moved = wheelLeft_ > 0 ? step : -step;
    position_ += moved;
    wheelLeft_ -= moved;
    if (std::fabs(wheelLeft_) < 1e-6) wheelLeft_ = 0;
    if (wheelLeft_ != 0) {
        requestAnimation();
        requestMotion();
    }
}

void ListScroller::update(std::int64_t total, int visibleRows, float rowHeight, ImVec2 barMin, ImVec2 barMax, bool hovered, bool keys) {
    ImGuiIO& io = ImGui::GetIO();
    // Content follows the finger: dragging up shows the rows further down.
    if (touchPixels_ != 0 && rowHeight > 0) position_ -= touchPixels_ / rowHeight, wheelLeft_ = 0;
    touchPixels_ = 0;
    int page = std::max(1, visibleRows - 2);  // a page keeps a row of the last one in sight
    // The browser's wheel step (100 px) moves the rows by as much, gliding there (glide()).
    if (hovered && io.MouseWheel != 0) wheelLeft_ -= io.MouseWheel * 100.0 / rowHeight;
    glide();
    if (keys) {
        if (ImGui::IsKeyPressed(ImGuiKey_PageDown) || ImGui::IsKeyPressed(ImGuiKey_PageUp) || ImGui::IsKeyPressed(ImGuiKey_Home, false) ||
            ImGui::IsKeyPressed(ImGuiKey_End, false))
            wheelLeft_ = 0;  // a key goes where it says, from where the rows are
        if (ImGui::IsKeyPressed(ImGuiKey_PageDown)) position_ += page;
        if (ImGui::IsKeyPressed(ImGuiKey_PageUp)) position_ -= page;
        if (ImGui::IsKeyPressed(ImGuiKey_Home, false)) position_ = 0;
        if (ImGui::IsKeyPressed(ImGuiKey_End, false)) position_ = static_cast<double>(total);
    }
    whole_ = std::max(1, visibleRows);
    if (reveal_ >= 0) {
        wheelLeft_ = 0;
        double row = static_cast<double>(std::min<std::int64_t>(reveal_, std::max<std::int64_t>(0, total - 1)));
        int whole = std::max(1, visibleRows);
        double top = std::floor(position_ + 1e-9);  // rows are drawn whole from the first
        if (row < top) position_ = row;
        else if (row > top + whole - 1) position_ = row - whole + 1;
        reveal_ = -1;
    }
    clamp(total, visibleRows);

    // The bar: the thumb's length is the share on screen (with a floor to keep it grabbable),
    // its place the first row's share of the rows that can come first.
    float trackH = barMax.y - barMin.y;
    double lastFirst = static_cast<double>(std::max<std::int64_t>(1, total - std::max(1, visibleRows)));
    bool scrolls = total > visibleRows && trackH > 0;
    if (!scrolls) {
        dragging_ = false;
        return;
    }
    float thumbH = std::max(28.0f, trackH * static_cast<float>(std::min(1.0, visibleRows / static_cast<double>(total))));
    float room = std::max(1.0f, trackH - thumbH);
    float thumbY = barMin.y + room * static_cast<float>(position_ / lastFirst);

    ImGui::SetCursorScreenPos(barMin);
    ImGui::InvisibleButton("##list-scroll", ImVec2(barMax.x - barMin.x, trackH));
    bool barHovered = ImGui::IsItemHovered();
    if (ImGui::IsItemActivated()) {
        float y = io.MousePos.y;
        if (y >= thumbY && y <= thumbY + thumbH) {
            grab_ = y - thumbY;
        } else {
            grab_ = thumbH * 0.5f;  // a click on the track brings the thumb there
        }
        dragging_ = true;
    }
    if (dragging_ && ImGui::IsItemActive()) {
        wheelLeft_ = 0;
        float y = std::clamp(io.MousePos.y - grab_ - barMin.y, 0.0f, room);
        position_ = std::round(y / room * lastFirst);
        clamp(total, visibleRows);
        thumbY = barMin.y + room * static_cast<float>(position_ / lastFirst);
    } else {
        dragging_ = false;
    }
    ImU32 col = dragging_ ? ImGui::GetColorU32(ImGuiCol_ScrollbarGrabActive)
                : barHovered ? ImGui::GetColorU32(ImGuiCol_ScrollbarGrabHovered)
                             : ImGui::GetColorU32(ImGuiCol_ScrollbarGrab);
    float inset = 2.0f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(barMin.x + inset, thumbY), ImVec2(barMax.x - inset, thumbY + thumbH), col,
                                              (barMax.x - barMin.x) * 0.5f - inset);
}

void placeholderRow(float rowHeight, int columns) {
    ImGui::TableNextRow(ImGuiTableRowFlags_None, rowHeight);
    static const float kShare[] = {0.55f, 0.6f, 0.7f, 0.6f, 0.5f, 0.7f, 0.6f, 0.5f};
    for (int col = 0; col < columns && col < ImGui::TableGetColumnCount(); ++col) {
        ImGui::TableSetColumnIndex(col);
        ImVec2 p = ImGui::GetCursorScreenPos();
        float w = ImGui::GetContentRegionAvail().x * kShare[col % 8];
        float y = p.y + (rowHeight - 12) * 0.5f - ImGui::GetStyle().CellPadding.y;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + w, y + 12), color::rgb(236, 239, 243), 6);
        ImGui::Dummy(ImVec2(w, rowHeight - ImGui::GetStyle().CellPadding.y * 2));
    }
}

}  // namespace rc::ui
