// The list's own scrolling (kit/list_scroller.h) frame by frame: a wheel notch glides over
// display frames and ends where a jump would; frames built within one display frame take no
// step; reduced motion jumps; keys and the ends stop a glide.
#include <doctest/doctest.h>

#include "imgui.h"
#include "ui/kit/list_scroller.h"
#include "ui/kit/widgets.h"

using rc::ui::ListScroller;

namespace {

constexpr float kRowHeight = 54.0f;
constexpr std::int64_t kTotal = 100000;
constexpr int kVisible = 14;

struct Frames {
    ListScroller scroller;
    Frames() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1440, 900);
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~Frames() {
        rc::ui::setReducedMotion(false);
        ImGui::DestroyContext();
    }
    // One frame `dt` seconds after the last, the pointer over the list; returns the first row.
    std::int64_t frame(float wheel = 0, float dt = 1.0f / 60.0f, ImGuiKey key = ImGuiKey_None) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = dt;
        io.AddMousePosEvent(400, 400);
        if (wheel != 0) io.AddMouseWheelEvent(0, wheel);
        if (key != ImGuiKey_None) io.AddKeyEvent(key, true);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1440, 900));
        ImGui::Begin("list");
        scroller.update(kTotal, kVisible, kRowHeight, ImVec2(1420, 0), ImVec2(1432, 900), true, true);
        ImGui::End();
        ImGui::Render();
        if (key != ImGuiKey_None) io.AddKeyEvent(key, false);
        return scroller.first();
    }
};

}  // namespace

TEST_CASE("a wheel notch glides over display frames and ends where a jump would") {
    Frames f;
    f.frame();
    rc::ui::takeAnimationRequest();
    // A notch down: 100 px, 1.85 rows of 54 px.
    CHECK(f.frame(-1.0f) == 1);
    CHECK(rc::ui::takeAnimationRequest());  // more to come: the loop draws the next frame
    // Frames built back to back (the runner's settling) take no step.
    CHECK(f.frame(0, 0.0001f) == 1);
    CHECK(rc::ui::takeAnimationRequest());  // and still ask for the next display frame
    CHECK(f.frame() == 1);                  // 1.85 rows in all: the second frame adds 0.85
    CHECK_FALSE(rc::ui::takeAnimationRequest());
    CHECK(f.frame() == 1);

    // A fast flick of five notches: at least a row a frame, never past the aim, all of it in the end.
    ListScroller jump;
    std::int64_t last = f.frame(-5.0f);
    int frames = 1;
    while (rc::ui::takeAnimationRequest() && frames < 60) {
        std::int64_t now = f.frame();
        CHECK(now >= last);
        last = now;
        ++frames;
    }
    CHECK(frames >= 3);
    CHECK(frames <= 10);
    CHECK(last == static_cast<std::int64_t>((1.85185 * 6)));  // 11.1 rows from the top
}

TEST_CASE("with reduced motion the wheel jumps; keys and the ends stop a glide") {
    Frames f;
    f.frame();
    rc::ui::setReducedMotion(true);
    CHECK(f.frame(-3.0f) == 5);  // 5.55 rows at once
    CHECK_FALSE(rc::ui::takeAnimationRequest());
    rc::ui::setReducedMotion(false);

    // Gliding down, then Home: the rows go to the top and stay there.
    f.frame(-5.0f);
    CHECK(rc::ui::takeAnimationRequest());
    CHECK(f.frame(0, 1.0f / 60.0f, ImGuiKey_Home) == 0);
    CHECK(f.frame() == 0);
    CHECK(f.frame() == 0);

    // Up at the top: nothing moves and, after the frame that found the end, nothing is asked for.
    CHECK(f.frame(3.0f) == 0);
    rc::ui::takeAnimationRequest();
    CHECK(f.frame() == 0);
    CHECK_FALSE(rc::ui::takeAnimationRequest());
}
