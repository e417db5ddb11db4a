// Touch scrolling: a finger dragged on a list or page scrolls it, and a flick keeps it going,
// slowing down as a phone's lists do (momentum). The drag takes over from the press: the row
// or button the finger started on is not pressed when it lifts. Momentum is plain data with
// its own clock (tested natively); TouchScroller applies it to ImGui's windows each frame.
#pragma once
#include <array>
#include <vector>

struct ImGuiWindow;

namespace rc::ui {

// Velocity from the last moments of a drag, then an exponential slow-down.
class Momentum {
public:
    static constexpr float kStopSpeed = 20;     // px/s: below this it stands still
    static constexpr float kTimeConstant = 0.325f;  // s: the flick loses 63% of its speed in this time

    void start(float x, float y, double t);  // the finger lands (stops any coasting)
    void move(float x, float y, double t);   // the finger moves
    void release(double t);                  // the finger lifts: coast with the drag's speed
    // The distance to scroll this frame while coasting (0, 0 once it has stopped).
    std::array<float, 2> coast(double dt);
    bool coasting() const { return coasting_; }
    std::array<float, 2> velocity() const { return {vx_, vy_}; }
    void stop() { coasting_ = false, vx_ = vy_ = 0; }

private:
    struct Sample {
        float x = 0, y = 0;
        double t = 0;
    };
    std::array<Sample, 8> samples_{};
    int count_ = 0;
    float vx_ = 0, vy_ = 0;
    bool coasting_ = false;
};

class TouchScroller {
public:
    static constexpr float kDragStart = 8;  // px the finger moves before it is a drag, not a tap

    // Call once per frame after ImGui::NewFrame(), before any window is drawn.
    void update();
    bool active() const { return dragging_ || momentum_.coasting(); }

    // A list that scrolls itself (not an ImGui window: a windowed list over the whole result)
    // offers its rectangle each frame and takes the pixels a finger moved it by.
    void addArea(unsigned int id, float x0, float y0, float x1, float y1);
    float takeArea(unsigned int id);

private:
    struct Area {
        unsigned int id = 0;
        float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    };
    ImGuiWindow* target() const;
    void scrollBy(float dx, float dy);

    Momentum momentum_;
    unsigned int windowId_ = 0;  // the window the finger scrolls
    unsigned int areaId_ = 0;    // or the list area
    float areaPending_ = 0;      // pixels the area has yet to take
    std::vector<Area> areas_, areasBuilding_;
    bool pressed_ = false, dragging_ = false;
    float startX_ = 0, startY_ = 0, lastX_ = 0, lastY_ = 0;
};

// The console's scroller this frame (for lists that scroll themselves; null in none).
TouchScroller* touchScroller();

}  // namespace rc::ui
