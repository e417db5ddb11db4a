// Contrast of every text and badge colour on the backgrounds the console draws it on, computed
// from the theme (src/ui/kit/theme.h) with WCAG 2's relative luminance: at least 4.5:1 for body
// text, 3:1 for large text (24 px titles, 30 px figures), in the normal and the high-contrast theme.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

using namespace rc::ui;

namespace {

double channel(unsigned v) {
    double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(ImU32 c) {
    return 0.2126 * channel(c & 0xFF) + 0.7152 * channel((c >> 8) & 0xFF) + 0.0722 * channel((c >> 16) & 0xFF);
}

double contrast(ImU32 a, ImU32 b) {
    double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Pair {
    const char* what;
    ImU32 fg, bg;
    bool large;
};

// Read at call time: the palette changes with setHighContrast().
std::vector<Pair> pairs() {
    using namespace color;
    const ImU32 toastBg = rgb(32, 36, 45), toastText = rgb(240, 242, 246), menuText = rgb(60, 66, 78);
    return {
        {"text on a card", Text, Surface, false},
        {"text on the page", Text, Page, false},
        {"muted text on a card", TextMuted, Surface, false},
        {"muted text on the page", TextMuted, Page, false},
        {"faint text (hints, placeholders, dashes) on a card", TextFaint, Surface, false},
        {"faint text on the page (the search box)", TextFaint, Page, false},
        {"links and invoice numbers on a card", Accent, Surface, false},
        {"links on the page", Accent, Page, false},
        {"the selected menu entry", Accent, AccentSoft, false},
        {"primary button text", Surface, Accent, false},
        {"primary button text, hovered", Surface, AccentHover, false},
        {"danger button text", Surface, Danger, false},
        {"danger text on a card", Danger, Surface, false},
        {"error banner text", Danger, DangerSoft, false},
        {"badge: active / paid", Success, SuccessSoft, false},
        {"badge: invited / ending", Warning, WarningSoft, false},
        {"badge: cancelled / overdue", Danger, DangerSoft, false},
        {"badge: open / trial", Accent, AccentSoft, false},
        {"badge: revoked / void", Neutral, NeutralSoft, false},
        {"toast text", toastText, toastBg, false},
        {"menu entries", menuText, Surface, false},
        {"screen titles", Text, Page, true},
        {"dashboard figures", Text, Surface, true},
    };
}

void checkAll(const char* theme) {
    for (const Pair& p : pairs()) {
        double ratio = contrast(p.fg, p.bg);
        double need = p.large ? 3.0 : 4.5;
        INFO(theme << ": " << p.what << " is " << ratio << ":1, needs " << need << ":1");
        CHECK(ratio >= need);
    }
}

}  // namespace

TEST_CASE("contrast: the formula matches WCAG's known values") {
    CHECK(contrast(color::rgb(0, 0, 0), color::rgb(255, 255, 255)) == doctest::Approx(21.0));
    CHECK(contrast(color::rgb(119, 119, 119), color::rgb(255, 255, 255)) == doctest::Approx(4.48).epsilon(0.01));
    // The palette before this test existed: faint text was 2.7:1 on white, and this catches it.
    CHECK(contrast(color::rgb(150, 157, 170), color::rgb(255, 255, 255)) < 4.5);
}

TEST_CASE("contrast: every text and badge colour of the theme, normal and high contrast") {
    setHighContrast(false);
    checkAll("normal");
    setHighContrast(true);
    checkAll("high contrast");
    // High contrast is higher: body text on the page and the faint text gain.
    CHECK(contrast(color::TextFaint, color::Page) > 7.0);
    setHighContrast(false);
    CHECK(contrast(color::TextFaint, color::Page) < 7.0);
}

TEST_CASE("reduced motion: a spinner and the activity bar draw still and ask for no further frame") {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini left in the working directory
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(400, 300);
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    auto frame = [&] {
        ImGui::NewFrame();
        ImGui::Begin("x");
        spinner(10, color::Accent);
        activityBar(200, true);
        ImGui::End();
        ImGui::Render();
        return takeAnimationRequest();
    };
    setReducedMotion(false);
    CHECK(frame());  // moving: the next frame is wanted
    setReducedMotion(true);
    CHECK_FALSE(frame());
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);  // still drawn
    setReducedMotion(false);
    ImGui::DestroyContext();
}
