// Damage tracking and the draw plan, checked against a small software rasteriser: a canvas
// that only ever redraws the damaged regions, as the plan says (covered triangles left out,
// the region cleared in the cover's colour), must show, pixel for pixel, what a full redraw of
// every triangle shows, over a sequence of real console frames (hover, scroll, typing, a dialog).
#include <doctest/doctest.h>

#include <cstring>
#include <vector>

#include "../core/fake_platform.h"
#include "../core/fake_transport.h"
#include "core/i18n.h"
#include "imgui.h"
#include "web/damage.h"
#include "web/draw_plan.h"
#include "../ui/ui_harness.h"
#include "console_walk.h"

using namespace rc;
using web::DamageTracker;
using web::DrawPlan;
using web::PixelRect;

namespace {

constexpr std::uint32_t kBackground = 0xFF202020u;

// Draws triangles the way a GPU would as far as damage is concerned: pixel centres inside the
// triangle are blended with its colour, in order, inside the command's clip rectangle and the
// region being redrawn. A solid fill (the atlas's white pixel) has its vertex colour, as the
// shader gives it; elsewhere the colour also depends on the texture coordinates, so a glyph
// that changes shows.
struct Canvas {
    int w, h;
    std::vector<std::uint32_t> px;
    Canvas(int width, int height) : w(width), h(height), px(static_cast<std::size_t>(width) * height, kBackground) {}

    static float edge(const ImVec2& a, const ImVec2& b, float x, float y) { return (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x); }

    void triangle(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, const PixelRect& clip) {
        PixelRect box = DamageTracker::bounds(a, b, c, *ImGui::GetDrawData()).intersect(clip);
        float area = edge(a.pos, b.pos, c.pos.x, c.pos.y);
        if (box.empty() || area == 0) return;
        const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
        bool solid = a.uv.x == white.x && a.uv.y == white.y && b.uv.x == white.x && b.uv.y == white.y;
        std::uint32_t col = solid ? a.col
                                  : a.col ^ (static_cast<std::uint32_t>(a.uv.x * 4096) * 2654435761u) ^ static_cast<std::uint32_t>(b.uv.y * 4096);
        std::uint32_t alpha = (a.col >> 24) & 0xFF;
        for (int y = box.y0; y < box.y1; ++y)
            for (int x = box.x0; x < box.x1; ++x) {
                float cx = x + 0.5f, cy = y + 0.5f;
                float e0 = edge(a.pos, b.pos, cx, cy), e1 = edge(b.pos, c.pos, cx, cy), e2 = edge(c.pos, a.pos, cx, cy);
                bool in = area > 0 ? (e0 >= 0 && e1 >= 0 && e2 >= 0) : (e0 <= 0 && e1 <= 0 && e2 <= 0);
                if (!in) continue;
                std::uint32_t& d = px[static_cast<std::size_t>(y) * w + x];
                std::uint32_t out = 0xFF000000u;
                for (int s = 0; s < 24; s += 8) {
                    std::uint32_t sc = (col >> s) & 0xFF, dc = (d >> s) & 0xFF;
                    out |= ((sc * alpha + dc * (255 - alpha)) / 255) << s;
                }
                d = out;
            }
    }

    void fill(const PixelRect& region, std::uint32_t colour) {
        for (int y = region.y0; y < region.y1; ++y)
            for (int x = region.x0; x < region.x1; ++x) px[static_cast<std::size_t>(y) * w + x] = colour | 0xFF000000u;
    }

    // Does what the renderer does with a plan: each clear, then each batch's triangles inside its scissor.
    void play(const DrawPlan& plan) {
        const auto& v = plan.vertices();
        const auto& i = plan.indices();
        for (const web::DrawBatch& b : plan.batches()) {
            if (b.count == 0) {
                fill(b.scissor, b.clear);
                continue;
            }
            for (std::uint32_t k = b.first; k < b.first + b.count; k += 3) triangle(v[i[k]], v[i[k + 1]], v[i[k + 2]], b.scissor);
        }
    }

    // Clears `region` and draws every triangle of the frame there.
    void redraw(const ImDrawData& data, const PixelRect& region) {
        fill(region, kBackground);
        for (int l = 0; l < data.CmdListsCount; ++l) {
            const ImDrawList* list = data.CmdLists[l];
            for (const ImDrawCmd& cmd : list->CmdBuffer) {
                PixelRect clip = DamageTracker::clipRect(cmd, data).intersect(region);
                const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
                const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
                for (unsigned t = 0; t + 2 < cmd.ElemCount; t += 3) triangle(vtx[idx[t]], vtx[idx[t + 1]], vtx[idx[t + 2]], clip);
            }
        }
    }
};

// A batch the renderer draws without the texture holds solid fills only, and is worth its draw call.
void checkSolidBatches(const DrawPlan& plan, const char* step) {
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    for (const web::DrawBatch& b : plan.batches()) {
        if (!b.solid) continue;
        INFO("step: " << step);
        CHECK(b.pixels >= web::kMinSolidBatchPixels);
        long long notWhite = 0;
        for (std::uint32_t k = b.first; k < b.first + b.count; ++k) {
            const ImVec2 uv = plan.vertices()[plan.indices()[k]].uv;
            notWhite += uv.x != white.x || uv.y != white.y;
        }
        CHECK(notWhite == 0);
    }
}


struct Checked {
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    Store store{transport, platform};
    test::UiHarness ui{store, queue, 960, 640};
    DamageTracker tracker;
    DrawPlan plan;
    Canvas kept{960, 640};
    long long lastDamage = 0;
    std::uint64_t culled = 0, solidBatches = 0;

    // Applies this frame's damage to the kept canvas, as the renderer's plan draws it, and
    // compares it with a full redraw of every triangle.
    void check(const char* step) {
        const ImDrawData& data = *ImGui::GetDrawData();
        const auto& damage = tracker.update(data);
        lastDamage = tracker.damagedArea();
        plan.build(data, damage, kBackground, ImGui::GetIO().Fonts->TexUvWhitePixel);
        culled += plan.stats().culled;
        checkSolidBatches(plan, step);
        solidBatches += plan.stats().solidBatches;
        kept.play(plan);
        Canvas full(960, 640);
        full.redraw(data, {0, 0, 960, 640});
        long long differ = 0;
        for (std::size_t i = 0; i < full.px.size(); ++i) differ += full.px[i] != kept.px[i];
        INFO("step: " << step << ", damaged pixels " << lastDamage);
        CHECK(differ == 0);
    }
};

}  // namespace

TEST_CASE("damage: the first frame is redrawn whole, an unchanged frame not at all") {
    Checked c;
    test::walkToSignIn(c);
    c.check("first frame");
    CHECK(c.lastDamage == 960LL * 640);
    c.ui.frame(1);
    c.check("same frame again");
    CHECK(c.lastDamage == 0);
    c.tracker.invalidate();
    c.check("after invalidate");
    CHECK(c.lastDamage == 960LL * 640);
}

TEST_CASE("damage: hover, scroll, typing and a dialog redraw little, and never leave a stale pixel") {
    Checked c;
    test::walkConsole(c);
    CHECK(c.culled > 0);  // the backgrounds under the rows and the fields were left out
    CHECK(c.solidBatches > 0);  // and some fills were large enough to be drawn without the texture
}

// An ImGui context for frames of bare shapes: a 200×100 display and a built font atlas.
static void createShapesContext() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(200, 100);
    io.IniFilename = nullptr;
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
}

// One frame of shapes on ImGui's foreground list, planned for `region` and drawn both ways.
struct Shapes {
    Shapes() { createShapesContext(); }
    ~Shapes() { ImGui::DestroyContext(); }
    // Draws `shapes` and returns how many triangles the plan left out; the pixels must agree.
    template <class F>
    std::uint64_t culled(F shapes, PixelRect region, ImU32* clear = nullptr) {
        ImGui::NewFrame();
        shapes(ImGui::GetForegroundDrawList());
        ImGui::Render();
        const ImDrawData& data = *ImGui::GetDrawData();
        DrawPlan plan;
        plan.build(data, {region}, kBackground, ImGui::GetIO().Fonts->TexUvWhitePixel);
        Canvas planned(200, 100), full(200, 100);
        planned.play(plan);
        full.redraw(data, region);
        long long differ = 0;
        for (std::size_t i = 0; i < full.px.size(); ++i) differ += full.px[i] != planned.px[i];
        CHECK(differ == 0);
        if (clear) *clear = plan.batches().front().clear;
        return plan.stats().culled;
    }
};

TEST_CASE("draw plan: an opaque shape that covers the region hides what is under it, nothing else does") {
    Shapes s;
    const PixelRect region{32, 32, 64, 64};
    auto under = [](ImDrawList* dl) {
        dl->AddRectFilled(ImVec2(0, 0), ImVec2(200, 100), IM_COL32(200, 10, 10, 255));
        dl->AddText(ImVec2(36, 40), IM_COL32(0, 0, 0, 255), "Ab");
    };
    ImU32 clear = 0;
    // A plain rectangle, then a rounded one: the region is cleared in their colour.
    CHECK(s.culled([&](ImDrawList* dl) { under(dl); dl->AddRectFilled(ImVec2(20, 20), ImVec2(80, 80), IM_COL32(0, 90, 0, 255)); },
                   region, &clear) > 0);
    CHECK(clear == IM_COL32(0, 90, 0, 255));
    CHECK(s.culled([&](ImDrawList* dl) { under(dl); dl->AddRectFilled(ImVec2(20, 20), ImVec2(80, 80), IM_COL32(0, 0, 90, 255), 10); },
                   region, &clear) > 0);
    CHECK(clear == IM_COL32(0, 0, 90, 255));
    // Text drawn over the cover is still drawn (only what came before is hidden).
    CHECK(s.culled([&](ImDrawList* dl) {
        under(dl);
        dl->AddRectFilled(ImVec2(20, 20), ImVec2(80, 80), IM_COL32(0, 90, 0, 255));
        dl->AddText(ImVec2(40, 40), IM_COL32(255, 255, 255, 255), "Cd");
    }, region) > 0);
    // Not covers: a translucent rectangle, one that misses a corner of the region by a pixel,
    // a rounded one whose corner cuts into it, a non-convex outline, one clipped short of it.
    // The page's red background under them covers the region instead.
    const ImU32 red = IM_COL32(200, 10, 10, 255);
    auto notCover = [&](auto shape) {
        ImU32 cleared = 0;
        CHECK(s.culled([&](ImDrawList* dl) { under(dl); shape(dl); }, region, &cleared) == 2);  // the red rectangle's two
        CHECK(cleared == red);
    };
    notCover([](ImDrawList* dl) { dl->AddRectFilled(ImVec2(20, 20), ImVec2(80, 80), IM_COL32(0, 90, 0, 254)); });
    notCover([](ImDrawList* dl) { dl->AddRectFilled(ImVec2(33, 20), ImVec2(80, 80), IM_COL32(0, 90, 0, 255)); });
    notCover([](ImDrawList* dl) { dl->AddRectFilled(ImVec2(32, 32), ImVec2(80, 80), IM_COL32(0, 90, 0, 255), 12); });
    notCover([](ImDrawList* dl) {
        const ImVec2 l[] = {{20, 20}, {80, 20}, {80, 80}, {50, 40}, {20, 80}};  // a notch up into the region
        dl->AddConvexPolyFilled(l, 5, IM_COL32(0, 90, 0, 255));  // drawn as a fan all the same
    });
    notCover([](ImDrawList* dl) {
        dl->PushClipRect(ImVec2(0, 0), ImVec2(60, 100));
        dl->AddRectFilled(ImVec2(20, 20), ImVec2(80, 80), IM_COL32(0, 90, 0, 255));
        dl->PopClipRect();
    });
}

TEST_CASE("draw plan: a large run of solid fills is its own batch, a small one stays with the text") {
    createShapesContext();
    auto plan = [](float side) {
        ImGui::NewFrame();
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        dl->AddText(ImVec2(4, 4), IM_COL32(255, 255, 255, 255), "Ab");
        dl->AddRectFilled(ImVec2(2, 2), ImVec2(2 + side, 2 + side * 0.5f), IM_COL32(0, 90, 0, 255));  // not a cover: misses the corners
        dl->AddText(ImVec2(8, 8), IM_COL32(0, 0, 0, 255), "Cd");
        ImGui::Render();
        DrawPlan p;
        p.build(*ImGui::GetDrawData(), {{0, 0, 200, 100}}, kBackground, ImGui::GetIO().Fonts->TexUvWhitePixel);
        std::vector<web::DrawBatch> drawn;
        for (const auto& b : p.batches())
            if (b.count) drawn.push_back(b);
        return drawn;
    };
    auto big = plan(196);  // 196 × 98 pixels: its own batch between the two texts'
    REQUIRE(big.size() == 3);
    CHECK_FALSE(big[0].solid);
    CHECK(big[1].solid);
    CHECK(big[1].count == 6);
    CHECK_FALSE(big[2].solid);
    auto small = plan(40);  // 40 × 20: one textured batch, in order
    REQUIRE(small.size() == 1);
    CHECK_FALSE(small[0].solid);
    // Without culling (the renderer's reference redraw) nothing is drawn without the texture.
    ImGui::NewFrame();
    ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(2, 2), ImVec2(198, 98), IM_COL32(0, 90, 0, 255));
    ImGui::Render();
    DrawPlan reference;
    reference.build(*ImGui::GetDrawData(), {{0, 0, 200, 100}}, kBackground, ImGui::GetIO().Fonts->TexUvWhitePixel, false);
    CHECK(reference.stats().solidBatches == 0);
    ImGui::DestroyContext();
}

TEST_CASE("damage: the same triangles in another order are damaged where they overlap") {
    createShapesContext();
    auto frame = [&](bool redFirst) {
        ImGui::NewFrame();
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        auto red = [&] { dl->AddRectFilled(ImVec2(10, 10), ImVec2(60, 60), IM_COL32(255, 0, 0, 128)); };
        auto blue = [&] { dl->AddRectFilled(ImVec2(40, 40), ImVec2(90, 90), IM_COL32(0, 0, 255, 128)); };
        if (redFirst) red(), blue();
        else blue(), red();
        dl->AddRectFilled(ImVec2(150, 10), ImVec2(190, 50), IM_COL32(0, 255, 0, 255));
        ImGui::Render();
    };
    DamageTracker tracker;
    frame(true);
    tracker.update(*ImGui::GetDrawData());
    frame(true);
    CHECK(tracker.update(*ImGui::GetDrawData()).empty());
    frame(false);  // the same squares, drawn in the other order: where they overlap changes
    const auto& damage = tracker.update(*ImGui::GetDrawData());
    REQUIRE_FALSE(damage.empty());
    PixelRect all;
    for (const auto& r : damage) all = all.unite(r);
    CHECK(all.x0 <= 10);
    CHECK(all.y1 >= 90);
    CHECK(all.x1 <= 128);  // the green square, far right, is kept
    ImGui::DestroyContext();
}
