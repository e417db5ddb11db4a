#include "ui_harness.h"

#include <doctest/doctest.h>

#include "imgui.h"
#include "ui/kit/theme.h"

namespace rc::test {

UiHarness::UiHarness(Store& store, MainQueue& queue, float width, float height) : store_(store), queue_(queue) {
    ImGui::CreateContext();
    registry_.attach(ImGui::GetCurrentContext());
    mirror_.attach(registry_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ui::applyTheme();
    ui::loadFonts("/nonexistent", 1.0f);  // the built-in font: tests do not depend on font files
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
}

UiHarness::~UiHarness() { ImGui::DestroyContext(); }

void UiHarness::frame(int count) {
    // As in the browser: the given frames, then more until the layout stands still.
    for (int i = 0; i < count || (registry_.changed() && i < count + 20); ++i) {
        queue_.drain();
        ImGuiIO& io = ImGui::GetIO();
        time_ += 1.0 / 60.0;
        io.DeltaTime = 1.0f / 60.0f;
        mirror_.beginFrame();
        ImGui::NewFrame();
        registry_.beginFrame();
        ui_.draw(store_);
        registry_.endFrame();
        mirror_.endFrame();
        ImGui::Render();
    }
}

std::optional<ui::DrawnItem> UiHarness::find(const std::string& label, const char* kind) const {
    for (const auto& it : registry_.items())
        if (it.label == label && (!kind || it.kind == kind)) return it;
    return std::nullopt;
}

void UiHarness::mouseTo(const ui::DrawnItem& item) {
    ImGui::GetIO().AddMousePosEvent(item.x + item.w * 0.5f, item.y + item.h * 0.5f);
    frame();
}

void UiHarness::click(const std::string& label, const char* kind) {
    auto item = find(label, kind);
    REQUIRE_MESSAGE(item.has_value(), "no item labelled '" << label << "' on screen");
    mouseTo(*item);
    ImGui::GetIO().AddMouseButtonEvent(0, true);
    frame();
    ImGui::GetIO().AddMouseButtonEvent(0, false);
    frame();
    frame();  // what the click changed is drawn
}

void UiHarness::doubleClick(const std::string& label, const char* kind) {
    auto item = find(label, kind);
    REQUIRE_MESSAGE(item.has_value(), "no item labelled '" << label << "' on screen");
    mouseTo(*item);
    // Both clicks land before the answer to the first one can arrive.
    for (int i = 0; i < 2; ++i) {
        ImGui::GetIO().AddMouseButtonEvent(0, true);
        frame();
        ImGui::GetIO().AddMouseButtonEvent(0, false);
        frame();
    }
    frame();
}

void UiHarness::tap(const std::string& label, const char* kind) {
    auto item = find(label, kind);
    REQUIRE_MESSAGE(item.has_value(), "no item labelled '" << label << "' on screen");
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(item->x + item->w * 0.5f, item->y + item->h * 0.5f);
    io.AddMouseButtonEvent(0, true);
    frame();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(0, false);
    frame(2);
}

void UiHarness::touchDrag(float x0, float y0, float x1, float y1, int steps) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(x0, y0);
    io.AddMouseButtonEvent(0, true);
    frame();
    for (int i = 1; i <= steps; ++i) {
        float t = static_cast<float>(i) / static_cast<float>(steps);
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
        frame();
    }
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(0, false);
    frame();
}

void UiHarness::mouseDrag(float x0, float y0, float x1, float y1, int steps) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(x0, y0);
    frame();
    io.AddMouseButtonEvent(0, true);
    frame();
    for (int i = 1; i <= steps; ++i) {
        float t = static_cast<float>(i) / static_cast<float>(steps);
        io.AddMousePosEvent(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
        frame();
    }
    io.AddMouseButtonEvent(0, false);
    frame(2);
}

void UiHarness::resize(float width, float height) {
    ImGui::GetIO().DisplaySize = ImVec2(width, height);
    frame(3);
}

void UiHarness::typeText(const std::string& text) {
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame(2);  // the edit reaches the store, then is drawn
}

void UiHarness::pressKey(int modifier, int key) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(static_cast<ImGuiKey>(modifier), true);
    io.AddKeyEvent(static_cast<ImGuiKey>(key), true);
    frame();
    io.AddKeyEvent(static_cast<ImGuiKey>(key), false);
    io.AddKeyEvent(static_cast<ImGuiKey>(modifier), false);
    frame();
}

void UiHarness::pressKey(int key) {
    ImGui::GetIO().AddKeyEvent(static_cast<ImGuiKey>(key), true);
    frame();
    ImGui::GetIO().AddKeyEvent(static_cast<ImGuiKey>(key), false);
    frame(2);
}

}  // namespace rc::test
