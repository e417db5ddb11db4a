#include "ui/kit/touch_scroll.h"

#include <cmath>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/kit/widgets.h"

namespace rc::ui {

void Momentum::start(float x, float y, double t) {
    stop();
    count_ = 0;
    move(x, y, t);
}

void Momentum::move(float x, float y, double t) {
    // Keep the newest samples; the speed comes from the last ~100 ms of the drag.
    if (count_ == static_cast<int>(samples_.size())) {
        for (std::size_t i = 1; i < samples_.size(); ++i) samples_[i - 1] = samples_[i];
        --count_;
    }
    samples_[static_cast<std::size_t>(count_++)] = Sample{x, y, t};
}

void Momentum::release(double t) {
    vx_ = vy_ = 0;
    coasting_ = false;
    if (count_ < 2) return;
    const Sample& last = samples_[static_cast<std::size_t>(count_ - 1)];
    // A finger that stopped before lifting does not fling.
    if (t - last.t > 0.1) return;
    int first = count_ - 1;
    while (first > 0 && last.t - samples_[static_cast<std::size_t>(first - 1)].t <= 0.1) --first;
    const Sample& from = samples_[static_cast<std::size_t>(first)];
    double span = last.t - from.t;
    if (span < 0.008) return;
    vx_ = static_cast<float>((last.x - from.x) / span);
    vy_ = static_cast<float>((last.y - from.y) / span);
    coasting_ = std::hypot(vx_, vy_) >= kStopSpeed;
    if (!coasting_) vx_ = vy_ = 0;
}

std::array<float, 2> Momentum::coast(double dt) {
    if (!coasting_ || dt <= 0) return {0, 0};
    // Exact integral of v·e^(-t/τ) over the frame, so the distance does not depend on frame rate.
    float decay = static_cast<float>(std::exp(-dt / kTimeConstant));
    std::array<float, 2> d{vx_ * kTimeConstant * (1 - decay), vy_ * kTimeConstant * (1 - decay)};
    vx_ *= decay;
    vy_ *= decay;
    if (std::hypot(vx_, vy_) < kStopSpeed) stop();
    return d;
}

namespace {
TouchScroller* gCurrent = nullptr;
}  // namespace

TouchScroller* touchScroller() { return gCurrent; }

void TouchScroller::addArea(unsigned int id, float x0, float y0, float x1, float y1) {
    areasBuilding_.push_back(Area{id, x0, y0, x1, y1});
}

float TouchScroller::takeArea(unsigned int id) {
    if (id != areaId_) return 0;
    float d = areaPending_;
    areaPending_ = 0;
    return d;
}

ImGuiWindow* TouchScroller::target() const { return windowId_ ? ImGui::FindWindowByID(windowId_) : nullptr; }

void TouchScroller::scrollBy(float dx, float dy) {
    if (areaId_) {
        areaPending_ += dy;
        return;
    }
    ImGuiWindow* w = target();
    if (!w) {
        momentum_.stop();
        return;
    }
    // Content follows the finger: dragging up shows what is further down.
    float y = ImClamp(w->Scroll.y - dy, 0.0f, w->ScrollMax.y);
    float x = ImClamp(w->Scroll.x - dx, 0.0f, w->ScrollMax.x);
    // Coasting into an end stops there.
    if (momentum_.coasting() && (y == 0 || y == w->ScrollMax.y) && std::fabs(momentum_.velocity()[1]) > 0 && w->ScrollMax.x == 0)
        momentum_.stop();
    ImGui::SetScrollY(w, y);
    ImGui::SetScrollX(w, x);
}

void TouchScroller::update() {
    ImGuiContext& g = *GImGui;
    ImGuiIO& io = g.IO;
    double now = ImGui::GetTime();
    gCurrent = this;
    areas_.swap(areasBuilding_);
    areasBuilding_.clear();
    if (momentum_.coasting()) {
        auto d = momentum_.coast(io.DeltaTime);
        scrollBy(d[0], d[1]);
        requestAnimation();
    }
    if (io.MouseSource != ImGuiMouseSource_TouchScreen) {
        pressed_ = dragging_ = false;
        return;
    }
    if (io.MouseClicked[0]) {
        // A list that scrolls itself, if the finger is on one (the last drawn is on top) ...
        areaId_ = 0;
        areaPending_ = 0;
        for (auto it = areas_.rbegin(); it != areas_.rend(); ++it)
            if (io.MousePos.x >= it->x0 && io.MousePos.x < it->x1 && io.MousePos.y >= it->y0 && io.MousePos.y < it->y1) {
                areaId_ = it->id;
                break;
            }
        // ... else the nearest window under the finger that can scroll (a page, a table's rows).
        ImGuiWindow* w = g.HoveredWindow;
        while (w && w->ScrollMax.y <= 0 && w->ScrollMax.x <= 0 && !(w->Flags & ImGuiWindowFlags_Popup) && w->ParentWindow)
            w = w->ParentWindow;
        bool onScrollbar = w && (g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_Y) ||
                                 g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_X));
        pressed_ = areaId_ != 0 || (w && (w->ScrollMax.y > 0 || w->ScrollMax.x > 0) && !onScrollbar);
        dragging_ = false;
        windowId_ = pressed_ && !areaId_ ? w->ID : 0;
        startX_ = lastX_ = io.MousePos.x;
        startY_ = lastY_ = io.MousePos.y;
        momentum_.start(io.MousePos.x, io.MousePos.y, now);
        return;
    }
    if (!pressed_) return;
    if (io.MouseDown[0]) {
        float x = io.MousePos.x, y = io.MousePos.y;
        if (!dragging_ && std::hypot(x - startX_, y - startY_) >= kDragStart) {
            // From here on it is a scroll: whatever the finger first pressed lets go.
            dragging_ = true;
            ImGui::ClearActiveID();
            lastX_ = startX_, lastY_ = startY_;
        }
        if (dragging_) {
            scrollBy(x - lastX_, y - lastY_);
            requestAnimation();
        }
        lastX_ = x, lastY_ = y;
        momentum_.move(x, y, now);
        return;
    }
    // Lifted.
    if (dragging_) {
        momentum_.release(now);
        if (momentum_.coasting()) requestAnimation();
    }
    pressed_ = dragging_ = false;
}

}  // namespace rc::ui
