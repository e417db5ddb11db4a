// Runs the console's ImGui frames natively, without a renderer, and drives them like a person:
// find an item by label through the same item hooks as window.resellerConsole.items(), move
// the mouse there, press and release, type.
#pragma once
#include <optional>
#include <string>

#include "core/main_queue.h"
#include "core/store.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/console_ui.h"

namespace rc::test {

class UiHarness {
public:
    UiHarness(Store& store, MainQueue& queue, float width = 1280, float height = 800);
    ~UiHarness();

    void frame(int count = 1);
    std::optional<ui::DrawnItem> find(const std::string& label, const char* kind = nullptr) const;
    bool has(const std::string& label, const char* kind = nullptr) const { return find(label, kind).has_value(); }
    // Clicks the centre of the item; fails the test if it is not on screen.
    void click(const std::string& label, const char* kind = nullptr);
    void doubleClick(const std::string& label, const char* kind = nullptr);
    void typeText(const std::string& text);
    // A finger: a tap in the middle of the item, or a drag from one point to another over
    // `steps` frames (each frame 1/60 s), lifted at the end.
    void tap(const std::string& label, const char* kind = nullptr);
    void touchDrag(float x0, float y0, float x1, float y1, int steps);
    // The same with a mouse (a column's edge dragged wider).
    void mouseDrag(float x0, float y0, float x1, float y1, int steps);
    void resize(float width, float height);
    // A touch screen (the page's pointer is coarse): tap targets of 44 px, as the web build sets it.
    void touchScreen(bool on) { ui_.setTouchScreen(on); }
    void pressKey(int imguiKey);
    void pressKey(int modifier, int imguiKey);  // e.g. ImGuiMod_Ctrl, ImGuiKey_A
    const std::vector<ui::DrawnItem>& items() const { return registry_.items(); }
    // The accessibility mirror built from the same frames, as in the browser.
    ui::a11y::Mirror& mirror() { return mirror_; }

private:
    void mouseTo(const ui::DrawnItem& item);
    Store& store_;
    MainQueue& queue_;
    ui::ConsoleUi ui_;
    ui::ItemRegistry registry_;
    ui::a11y::Mirror mirror_;
    double time_ = 0;
};

}  // namespace rc::test
