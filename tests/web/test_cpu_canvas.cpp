// CpuCanvas, the CPU rasteriser of the draw plan: which pixels a triangle covers (pixel centres,
// the top-left rule, each pixel of a mesh written once), clipping, the atlas's bilinear sample,
// vertex colours, and, over real console frames, that redrawing only the damaged regions as the
// plan says gives the pixels a full redraw gives (what the page's "verify" check relies on).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "../core/fake_platform.h"
#include "../core/fake_transport.h"
#include "core/i18n.h"
#include "imgui.h"
#include "web/cpu_canvas.h"
#include "web/damage.h"
#include "web/draw_plan.h"
#include "../ui/ui_harness.h"
#include "console_walk.h"

using namespace rc;
using web::AlphaTexture;
using web::CanvasTransform;
using web::CpuCanvas;
using web::PixelRect;

namespace {

const ImVec2 kWhite{0.0f, 0.0f};  // the "white" uv of these tests' solid fills
const PixelRect kAll{-100000, -100000, 100000, 100000};

ImDrawVert vert(float x, float y, ImU32 col, ImVec2 uv = kWhite) {
    ImDrawVert v;
    v.pos = ImVec2(x, y);
    v.uv = uv;
    v.col = col;
    return v;
}

std::uint32_t red(std::uint32_t px) { return px & 0xFF; }

// A rectangle as ImGui draws it: two triangles (0,1,2)(0,2,3) sharing the diagonal 0-2.
void rect(CpuCanvas& c, float x0, float y0, float x1, float y1, ImU32 col, const PixelRect& scissor = kAll) {
    const ImDrawVert v[4] = {vert(x0, y0, col), vert(x1, y0, col), vert(x1, y1, col), vert(x0, y1, col)};
    c.triangle(v[0], v[1], v[2], scissor, nullptr, kWhite, {});
    c.triangle(v[0], v[2], v[3], scissor, nullptr, kWhite, {});
}

// Half-transparent white over the opaque black canvas: 128 where blended once, 192 twice, 0 never.
constexpr ImU32 kHalf = IM_COL32(255, 255, 255, 128);
constexpr std::uint32_t kOnce = 128, kTwice = 192;

// The pixels [x0, x1) × [y0, y1) are 128 (blended once), all others 0; counts the wrong ones.
long wrongOutsideRect(const CpuCanvas& c, int x0, int y0, int x1, int y1) {
    long wrong = 0;
    for (int y = 0; y < c.height(); ++y)
        for (int x = 0; x < c.width(); ++x) {
            const bool in = x >= x0 && x < x1 && y >= y0 && y < y1;
            wrong += red(c.pixels()[y * c.width() + x]) != (in ? kOnce : 0u);
        }
    return wrong;
}

// A position as the rasteriser snaps it (1/256 pixel), for exact expectations.
double snap(float v) { return std::llround(static_cast<double>(v) * 256) / 256.0; }

}  // namespace

TEST_CASE("cpu canvas: a rectangle covers the pixels whose centres are inside, each once") {
    CpuCanvas c;
    c.resize(16, 16);
    CHECK(c.pixels()[0] == 0xFF000000u);  // opaque black until drawn
    SUBCASE("integer corners") {
        rect(c, 2, 3, 7, 9, kHalf);
        CHECK(wrongOutsideRect(c, 2, 3, 7, 9) == 0);
    }
    SUBCASE("fractional corners") {
        rect(c, 2.3f, 3.6f, 7.5f, 8.5f, kHalf);  // centres x 2.5..6.5 (7.5 is on the right edge: out), y 4.5..7.5
        CHECK(wrongOutsideRect(c, 2, 4, 7, 8) == 0);
    }
    SUBCASE("corners on pixel centres") {
        rect(c, 1.5f, 1.5f, 4.5f, 5.5f, kHalf);  // left and top edges take their centres, right and bottom do not
        CHECK(wrongOutsideRect(c, 1, 1, 4, 5) == 0);
    }
    SUBCASE("opaque") {
        rect(c, 0.75f, 10.25f, 15.25f, 15.75f, IM_COL32(10, 20, 30, 255));
        long wrong = 0;
        for (int y = 0; y < 16; ++y)
            for (int x = 0; x < 16; ++x) {
                const bool in = x >= 1 && x < 15 && y >= 10 && y < 16;  // centres 10.5 .. 15.5
                wrong += c.pixels()[y * 16 + x] != (in ? IM_COL32(10, 20, 30, 255) : 0xFF000000u);
            }
        CHECK(wrong == 0);
    }
    SUBCASE("nothing for a degenerate or fully transparent rectangle") {
        rect(c, 2, 2, 2, 9, kHalf);
        rect(c, 2, 2, 9, 9, IM_COL32(255, 255, 255, 0));
        CHECK(wrongOutsideRect(c, 0, 0, 0, 0) == 0);
    }
}

TEST_CASE("cpu canvas: a translucent rectangle blends each pixel once, the value numerically right") {
    CpuCanvas c;
    c.resize(24, 24);
    // Many fractional rectangles, each over black where it lands: no seam along the diagonal.
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> at(-2.0f, 26.0f);
    for (int n = 0; n < 200; ++n) {
        c.resize(24, 24);
        float x0 = at(rng), x1 = at(rng), y0 = at(rng), y1 = at(rng);
        if (x0 > x1) std::swap(x0, x1);
        if (y0 > y1) std::swap(y0, y1);
        rect(c, x0, y0, x1, y1, IM_COL32(200, 100, 50, 128));
        // centres cx inside [x0, x1): x + 0.5 >= x0 and x + 0.5 < x1 (in snapped positions)
        const int ex0 = std::max(0, static_cast<int>(std::ceil(snap(x0) - 0.5))), ex1 = std::min(24, static_cast<int>(std::ceil(snap(x1) - 0.5)));
        const int ey0 = std::max(0, static_cast<int>(std::ceil(snap(y0) - 0.5))), ey1 = std::min(24, static_cast<int>(std::ceil(snap(y1) - 0.5)));
        long wrong = 0;
        for (int y = 0; y < 24; ++y)
            for (int x = 0; x < 24; ++x) {
                const bool in = x >= ex0 && x < ex1 && y >= ey0 && y < ey1;
                // 200 * 128 / 255 = 100.4 -> 100; 100 * 128 / 255 = 50.2 -> 50; 50 * 128 / 255 = 25.1 -> 25
                const std::uint32_t want = in ? IM_COL32(100, 50, 25, 255) : 0xFF000000u;
                wrong += c.pixels()[y * 24 + x] != want;
            }
        INFO("rectangle " << x0 << "," << y0 << " - " << x1 << "," << y1);
        CHECK(wrong == 0);
    }
    // Over a colour: source-over, rounded.
    c.resize(4, 4);
    c.clear({0, 0, 4, 4}, IM_COL32(10, 250, 128, 255));
    rect(c, 0, 0, 4, 4, IM_COL32(255, 0, 64, 64));
    // r = (255 * 64 + 10 * 191) / 255 = 71.49 -> 71; g = 250 * 191 / 255 = 187.3 -> 187; b = (64 * 64 + 128 * 191) / 255 = 111.9 -> 112
    CHECK(c.pixels()[5] == IM_COL32(71, 187, 112, 255));
}

TEST_CASE("cpu canvas: a fan and a mesh of triangles sharing edges write each inside pixel once") {
    SUBCASE("a circle as a fan from its first rim point (ImGui's filled circle without anti-aliasing)") {
        for (float cx : {16.0f, 16.5f, 16.37f}) {
            CpuCanvas c;
            c.resize(32, 32);
            const int n = 24;
            std::vector<ImVec2> rim;
            for (int i = 0; i < n; ++i) {
                const float a = 6.2831853f * i / n;
                rim.push_back(ImVec2(cx + 11.3f * std::cos(a), cx - 0.25f + 11.3f * std::sin(a)));
            }
            for (int i = 0; i < n; ++i)  // ImGui's AddConvexPolyFilled: (0, i, i + 1) over the rim
                c.triangle(vert(rim[0].x, rim[0].y, kHalf), vert(rim[i].x, rim[i].y, kHalf), vert(rim[(i + 1) % n].x, rim[(i + 1) % n].y, kHalf),
                           kAll, nullptr, kWhite, {});
            long twice = 0, gaps = 0, strays = 0, inside = 0;
            for (int y = 0; y < 32; ++y)
                for (int x = 0; x < 32; ++x) {
                    const std::uint32_t v = red(c.pixels()[y * 32 + x]);
                    twice += v == kTwice || (v != 0 && v != kOnce);
                    // strictly inside or outside the snapped polygon (rim edges' sign)
                    int sign = 0;
                    bool mixed = false;
                    for (int i = 0; i < n; ++i) {
                        const double ax = snap(rim[i].x), ay = snap(rim[i].y);
                        const double bx = snap(rim[(i + 1) % n].x), by = snap(rim[(i + 1) % n].y);
                        const double e = (bx - ax) * (y + 0.5 - ay) - (by - ay) * (x + 0.5 - ax);
                        const int s = e > 0 ? 1 : (e < 0 ? -1 : 0);
                        if (s == 0) mixed = true;
                        else if (sign == 0) sign = s;
                        else if (s != sign) mixed = true;
                    }
                    if (mixed) continue;  // on or outside an edge: the rule decides; outside is checked below
                    ++inside;
                    gaps += v != kOnce;
                }
            // outside the circle's box nothing is drawn
            for (int y = 0; y < 32; ++y)
                for (int x = 0; x < 32; ++x)
                    if (std::hypot(x + 0.5 - cx, y + 0.5 - (cx - 0.25)) > 11.4) strays += red(c.pixels()[y * 32 + x]) != 0;
            INFO("centre x " << cx);
            CHECK(inside > 300);
            CHECK(twice == 0);
            CHECK(gaps == 0);
            CHECK(strays == 0);
        }
    }
    SUBCASE("a jittered grid, diagonals alternating, edges through pixel centres") {
        CpuCanvas c;
        c.resize(40, 40);
        std::mt19937 rng(3);
        std::uniform_real_distribution<float> jitter(-1.2f, 1.2f);
        const int cols = 6, rows = 5;
        const float step = 5.0f, ox = 4.5f, oy = 6.5f;  // the outer edges on pixel centres
        std::vector<ImVec2> p;
        for (int j = 0; j <= rows; ++j)
            for (int i = 0; i <= cols; ++i) {
                const bool border = i == 0 || j == 0 || i == cols || j == rows;
                const bool moved = !border && (i + j) % 3 != 0;  // the others stay on pixel centres
                const float dx = moved ? jitter(rng) : 0.0f, dy = moved ? jitter(rng) : 0.0f;
                p.push_back(ImVec2(ox + i * step + dx, oy + j * step + dy));
            }
        auto at = [&](int i, int j) { return vert(p[j * (cols + 1) + i].x, p[j * (cols + 1) + i].y, kHalf); };
        for (int j = 0; j < rows; ++j)
            for (int i = 0; i < cols; ++i) {
                if ((i + j) % 2) {
                    c.triangle(at(i, j), at(i + 1, j), at(i + 1, j + 1), kAll, nullptr, kWhite, {});
                    c.triangle(at(i, j), at(i + 1, j + 1), at(i, j + 1), kAll, nullptr, kWhite, {});
                } else {  // the other diagonal, and the other winding
                    c.triangle(at(i + 1, j), at(i, j), at(i, j + 1), kAll, nullptr, kWhite, {});
                    c.triangle(at(i + 1, j), at(i, j + 1), at(i + 1, j + 1), kAll, nullptr, kWhite, {});
                }
            }
        // The outer boundary is the rectangle [4.5, 34.5) × [6.5, 31.5): columns 4..33, rows 6..30.
        CHECK(wrongOutsideRect(c, 4, 6, 34, 31) == 0);
    }
}

TEST_CASE("cpu canvas: clipped to the scissor and the canvas, negative coordinates included") {
    // The same triangles drawn on a larger canvas shifted by whole pixels are the reference.
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> at(-20.0f, 36.0f);
    for (int n = 0; n < 100; ++n) {
        ImDrawVert v[3];
        for (auto& x : v) x = vert(at(rng), at(rng), IM_COL32(255, 255, 255, 128 + n));
        CpuCanvas small, big;
        small.resize(16, 16);
        big.resize(80, 80);
        const PixelRect scissor{3, -5, 12, 11};  // partly outside the canvas too
        small.triangle(v[0], v[1], v[2], scissor, nullptr, kWhite, {});
        CanvasTransform shifted;
        shifted.origin = ImVec2(-32, -32);  // pixel = pos + 32
        big.triangle(v[0], v[1], v[2], kAll, nullptr, kWhite, shifted);
        long wrong = 0;
        for (int y = 0; y < 16; ++y)
            for (int x = 0; x < 16; ++x) {
                const bool inScissor = x >= 3 && x < 12 && y < 11;
                const std::uint32_t want = inScissor ? big.pixels()[(y + 32) * 80 + x + 32] : 0xFF000000u;
                wrong += small.pixels()[y * 16 + x] != want;
            }
        INFO("triangle " << n);
        CHECK(wrong == 0);
    }
    // A triangle entirely left of and above the canvas draws nothing (and writes no memory).
    CpuCanvas c;
    c.resize(8, 8);
    c.triangle(vert(-30, -30, kHalf), vert(-1, -30, kHalf), vert(-30, -1, kHalf), kAll, nullptr, kWhite, {});
    c.triangle(vert(8, 0, kHalf), vert(30, 0, kHalf), vert(8, 30, kHalf), kAll, nullptr, kWhite, {});
    CHECK(wrongOutsideRect(c, 0, 0, 0, 0) == 0);
    // Scale: a unit square at scale 2 covers 2 × 2 pixels.
    CanvasTransform twice;
    twice.scale = ImVec2(2, 2);
    rect(c, 0, 0, 0, 0, kHalf);  // nothing
    const ImDrawVert q[4] = {vert(1, 1, kHalf), vert(2, 1, kHalf), vert(2, 2, kHalf), vert(1, 2, kHalf)};
    c.triangle(q[0], q[1], q[2], kAll, nullptr, kWhite, twice);
    c.triangle(q[0], q[2], q[3], kAll, nullptr, kWhite, twice);
    CHECK(wrongOutsideRect(c, 2, 2, 4, 4) == 0);
}

TEST_CASE("cpu canvas: a triangle draws the same pixels in either winding") {
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> at(-4.0f, 28.0f);
    for (int n = 0; n < 100; ++n) {
        ImDrawVert v[3];
        for (auto& x : v) x = vert(at(rng), at(rng), IM_COL32(255, 255, 255, 128));
        v[1].col = IM_COL32(0, 255, 255, 200);  // interpolated colours too
        CpuCanvas a, b;
        a.resize(24, 24);
        b.resize(24, 24);
        a.triangle(v[0], v[1], v[2], kAll, nullptr, kWhite, {});
        b.triangle(v[0], v[2], v[1], kAll, nullptr, kWhite, {});
        long differ = 0;
        for (int i = 0; i < 24 * 24; ++i) differ += a.pixels()[i] != b.pixels()[i];
        CHECK(differ == 0);
        // One colour: coverage is decided in integers, so every rotation of the vertices agrees too.
        v[1].col = v[0].col;
        CpuCanvas r[3];
        for (int k = 0; k < 3; ++k) {
            r[k].resize(24, 24);
            r[k].triangle(v[k], v[(k + 1) % 3], v[(k + 2) % 3], kAll, nullptr, kWhite, {});
        }
        for (int i = 0; i < 24 * 24; ++i) differ += r[0].pixels()[i] != r[1].pixels()[i] || r[0].pixels()[i] != r[2].pixels()[i];
        CHECK(differ == 0);
    }
}

TEST_CASE("cpu canvas: a pixel's value does not depend on where the scissor cuts its triangle") {
    // The page redraws damaged regions: a glyph or a fringe cut by a region's edge must get, in
    // the region, the values a full redraw gives it, or the kept canvas drifts from the truth.
    AlphaTexture t;
    t.width = 64, t.height = 32;
    std::mt19937 rng(13);
    for (int i = 0; i < t.width * t.height; ++i) t.texels.push_back(static_cast<std::uint8_t>(rng() & 0xFF));
    std::uniform_real_distribution<float> at(-8.0f, 72.0f), uv(-0.1f, 1.1f);
    std::uniform_int_distribution<int> cut(1, 9);
    long differ = 0;
    for (int n = 0; n < 300; ++n) {
        ImDrawVert v[3];
        for (auto& x : v) x = vert(at(rng), at(rng), IM_COL32(rng() & 0xFF, rng() & 0xFF, rng() & 0xFF, rng() & 0xFF), ImVec2(uv(rng), uv(rng)));
        if (n % 3 == 0) v[1].col = v[2].col = v[0].col;  // one colour: the glyph path
        const AlphaTexture* atlas = n % 4 == 3 ? nullptr : &t;  // and solid gradients
        CpuCanvas whole, strips;
        whole.resize(64, 64);
        strips.resize(64, 64);
        whole.triangle(v[0], v[1], v[2], kAll, atlas, ImVec2(-1, -1), {});
        for (int x = 0; x < 64;) {  // vertical strips, as damaged regions cut a row
            const int w = cut(rng);
            strips.triangle(v[0], v[1], v[2], {x, 0, x + w, 64}, atlas, ImVec2(-1, -1), {});
            x += w;
        }
        for (int i = 0; i < 64 * 64; ++i) differ += whole.pixels()[i] != strips.pixels()[i];
    }
    CHECK(differ == 0);
}

TEST_CASE("cpu canvas: the atlas is sampled bilinearly, clamped at its edges") {
    AlphaTexture t;
    t.width = 4, t.height = 2;
    t.texels = {40, 100, 200, 255,  //
                50, 150, 250, 10};
    // One pixel drawn with the same uv at every vertex: that uv's sample, white, over black.
    auto sampled = [&](float u, float v) {
        CpuCanvas c;
        c.resize(2, 2);
        const ImVec2 uv(u, v);
        const ImDrawVert q[4] = {vert(0, 0, IM_COL32_WHITE, uv), vert(2, 0, IM_COL32_WHITE, uv), vert(2, 2, IM_COL32_WHITE, uv),
                                 vert(0, 2, IM_COL32_WHITE, uv)};
        c.triangle(q[0], q[1], q[2], kAll, &t, ImVec2(-1, -1), {});
        c.triangle(q[0], q[2], q[3], kAll, &t, ImVec2(-1, -1), {});
        CHECK(c.pixels()[0] == c.pixels()[3]);
        return red(c.pixels()[3]);
    };
    // Texel centres: u = (x + 0.5) / 4, v = (y + 0.5) / 2.
    CHECK(sampled(0.125f, 0.25f) == 40);
    CHECK(sampled(0.625f, 0.75f) == 250);
    // Between four texels: x 1.25, y 0.5 -> (100 * .75 + 200 * .25) / 2 + (150 * .75 + 250 * .25) / 2 = 150
    CHECK(sampled(1.75f / 4, 0.5f) == 150);
    // x 0.5 on row 0: (40 + 100) / 2 = 70
    CHECK(sampled(0.25f, 0.25f) == 70);
    // x 2.75, y 0.25 -> row 0: 200 * .25 + 255 * .75 = 241.25; row 1: 250 * .25 + 10 * .75 = 70; 241.25 * .75 + 70 * .25 = 198.4
    CHECK(sampled(3.25f / 4, 0.75f / 2) == 198);
    // Clamped: left of the first texel centre and above it: the corner texel; beyond the right
    // and bottom edges: the last column / row.
    CHECK(sampled(0.0f, 0.0f) == 40);
    CHECK(sampled(-0.5f, -3.0f) == 40);
    CHECK(sampled(1.0f, 1.0f) == 10);
    CHECK(sampled(2.0f, 0.25f) == 255);
    CHECK(sampled(0.125f, 7.0f) == 50);
    // The colour's alpha scales the coverage: 255 coverage × alpha 128 -> 128.
    CpuCanvas c;
    c.resize(1, 1);
    const ImVec2 full((3 + 0.5f) / 4, 0.25f);
    c.triangle(vert(0, 0, IM_COL32(255, 255, 255, 128), full), vert(2, 0, IM_COL32(255, 255, 255, 128), full),
               vert(0, 2, IM_COL32(255, 255, 255, 128), full), kAll, &t, ImVec2(-1, -1), {});
    CHECK(red(c.pixels()[0]) == 128);
    // The white uv is a solid fill: no texel read, whatever the atlas holds there.
    c.resize(1, 1);
    const ImVec2 white(0.125f, 0.25f);  // texel 40, but treated as white
    c.triangle(vert(0, 0, IM_COL32_WHITE, white), vert(2, 0, IM_COL32_WHITE, white), vert(0, 2, IM_COL32_WHITE, white), kAll, &t, white, {});
    CHECK(red(c.pixels()[0]) == 255);
}

TEST_CASE("cpu canvas: vertex colours are interpolated (an anti-aliased fringe, alpha 255 to 0)") {
    CpuCanvas c;
    c.resize(10, 2);
    // A fringe 10 pixels wide: opaque white at x = 0, transparent at x = 10, over black.
    const ImU32 on = IM_COL32(255, 255, 255, 255), off = IM_COL32(255, 255, 255, 0);
    const ImDrawVert q[4] = {vert(0, 0, on), vert(10, 0, off), vert(10, 2, off), vert(0, 2, on)};
    c.triangle(q[0], q[1], q[2], kAll, nullptr, kWhite, {});
    c.triangle(q[0], q[2], q[3], kAll, nullptr, kWhite, {});
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 10; ++x) {
            const double want = 255.0 * (1.0 - (x + 0.5) / 10.0);  // alpha at the centre; white over black shows it
            INFO("x " << x << " y " << y);
            CHECK(std::fabs(static_cast<double>(red(c.pixels()[y * 10 + x])) - want) <= 1.0);
        }
    // Colour channels too: red to blue, opaque.
    c.resize(10, 1);
    const ImDrawVert r[4] = {vert(0, 0, IM_COL32(255, 0, 0, 255)), vert(10, 0, IM_COL32(0, 0, 255, 255)),
                             vert(10, 1, IM_COL32(0, 0, 255, 255)), vert(0, 1, IM_COL32(255, 0, 0, 255))};
    c.triangle(r[0], r[1], r[2], kAll, nullptr, kWhite, {});
    c.triangle(r[0], r[2], r[3], kAll, nullptr, kWhite, {});
    for (int x = 0; x < 10; ++x) {
        const std::uint32_t p = c.pixels()[x];
        const double t = (x + 0.5) / 10.0;
        CHECK(std::fabs(double(p & 0xFF) - 255 * (1 - t)) <= 1.0);
        CHECK(std::fabs(double((p >> 16) & 0xFF) - 255 * t) <= 1.0);
        CHECK(((p >> 8) & 0xFF) == 0);
    }
}

namespace {

constexpr std::uint32_t kBackground = 0xFF202020u;

AlphaTexture fontAtlas() {
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    AlphaTexture t;
    t.width = w, t.height = h;
    t.texels.assign(pixels, pixels + static_cast<std::size_t>(w) * h);
    return t;
}

// The browser's two paths over the same frames: `kept` redraws only the damaged regions with
// the culled plan, frame after frame; `full` redraws everything without culling each time.
struct Played {
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    Store store{transport, platform};
    test::UiHarness ui{store, queue, 960, 640};
    web::DamageTracker tracker;
    web::DrawPlan plan, reference;
    CpuCanvas kept;
    AlphaTexture atlas = fontAtlas();
    long long lastDamage = 0, checks = 0;
    std::uint64_t culled = 0;

    Played() {
        kept.resize(960, 640);
        ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(std::intptr_t{1}));  // texture 0 would be drawn as solid fills
    }

    void check(const char* step) {
        const ImDrawData& data = *ImGui::GetDrawData();
        const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
        const auto& damage = tracker.update(data);
        lastDamage = tracker.damagedArea();
        plan.build(data, damage, kBackground, white, true);
        culled += plan.stats().culled;
        kept.play(plan, atlas, white, {});
        reference.build(data, {{0, 0, 960, 640}}, kBackground, white, false);
        CpuCanvas full;
        full.resize(960, 640);
        full.play(reference, atlas, white, {});
        long long differ = 0, notBackground = 0;
        for (std::size_t i = 0; i < 960u * 640u; ++i) {
            differ += full.pixels()[i] != kept.pixels()[i];
            notBackground += full.pixels()[i] != kBackground;
        }
        INFO("step: " << step << ", damaged pixels " << lastDamage);
        CHECK(differ == 0);
        CHECK(notBackground > 960 * 640 / 20);  // the console, not an empty canvas
        ++checks;
    }
};

}  // namespace

TEST_CASE("cpu canvas: redrawing only the damage, culled, gives the pixels of a full redraw (real frames)") {
    Played c;
    test::walkConsole(c);
    CHECK(c.culled > 0);  // the culled path was exercised, not just the full one
    CHECK(c.checks >= 10);
}

TEST_CASE("cpu canvas: text shows, sampled from the font atlas") {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(200, 60);
    io.IniFilename = nullptr;
    AlphaTexture atlas = fontAtlas();
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(std::intptr_t{1}));
    const ImVec2 white = io.Fonts->TexUvWhitePixel;
    ImGui::NewFrame();
    ImGui::GetForegroundDrawList()->AddText(ImVec2(10, 20), IM_COL32(255, 255, 255, 255), "Hello");
    ImGui::Render();
    web::DrawPlan plan;
    plan.build(*ImGui::GetDrawData(), {{0, 0, 200, 60}}, kBackground, white, false);
    auto lit = [&](const AlphaTexture& t, PixelRect box) {
        CpuCanvas c;
        c.resize(200, 60);
        c.play(plan, t, white, {});
        long n = 0;
        for (int y = 0; y < 60; ++y)
            for (int x = 0; x < 200; ++x) {
                const bool different = c.pixels()[y * 200 + x] != kBackground;
                if (different && !(x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1)) return -1L;  // a stray pixel
                n += different;
            }
        return n;
    };
    const ImVec2 size = ImGui::CalcTextSize("Hello");
    const PixelRect box{10, 20, 10 + static_cast<int>(std::ceil(size.x)) + 1, 20 + static_cast<int>(std::ceil(size.y)) + 1};
    const long drawn = lit(atlas, box);
    CHECK(drawn > 40);                            // glyphs' strokes
    CHECK(drawn < (box.x1 - box.x0) * (box.y1 - box.y0) * 3 / 4);  // not a filled box
    // With the atlas blank (the glyphs' coverage 0) the same triangles leave the background.
    AlphaTexture blank = atlas;
    std::fill(blank.texels.begin(), blank.texels.end(), 0);
    CHECK(lit(blank, box) == 0);
    ImGui::DestroyContext();
}
