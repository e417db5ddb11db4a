// Benchmark (not a test): CpuCanvas (src/web/cpu_canvas.*) drawing real console frames at
// 1440x900, the Customers list with 100,000 customers scrolled a wheel notch at a time and a
// pointer moving over its rows. Per frame: the damaged pixels, the triangles of the plan, and
// the time of CpuCanvas::play for the damaged regions (culled plan, as the page draws) and for
// a full redraw (every triangle, no culling: the page's "verify" reference). Then where the
// time of the full redraws goes, by kind of triangle.
// Run: build/native/raster_bench [steps]     Prints figures; asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "../core/fake_platform.h"
#include "../core/fake_transport.h"
#include "fake_customers.h"
#include "core/store.h"
#include "imgui.h"
#include "ui/a11y/item_registry.h"
#include "ui/console_ui.h"
#include "ui/kit/theme.h"
#include "web/cpu_canvas.h"
#include "web/damage.h"
#include "web/draw_plan.h"

using namespace rc;
using bench::answerBlocks;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kWidth = 1440, kHeight = 900;
constexpr std::uint32_t kBackground = 0xFF202020u;

double nsSince(Clock::time_point start) { return std::chrono::duration<double, std::nano>(Clock::now() - start).count(); }

struct Frame {
    long long damaged;
    std::uint64_t triangles, fullTriangles;
    double playNs, fullNs;
};

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
double p95(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() * 95 / 100];
}

// The kinds of triangle CpuCanvas draws differently, to see where a full redraw's time goes.
enum Kind { OpaqueFill, BlendedFill, ShadedFill, Glyph, ShadedGlyph, Kinds };
const char* kKindName[Kinds] = {"opaque solid fill", "translucent solid fill", "solid, colours vary", "textured, one colour",
                                "textured, colours vary"};

Kind kindOf(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, bool textured, ImVec2 white) {
    const bool same = a.col == b.col && a.col == c.col;
    const bool solid = !textured || (a.uv.x == white.x && a.uv.y == white.y && b.uv.x == white.x && b.uv.y == white.y &&
                                     c.uv.x == white.x && c.uv.y == white.y);
    if (solid) return !same ? ShadedFill : ((a.col >> IM_COL32_A_SHIFT) == 255 ? OpaqueFill : BlendedFill);
    return same ? Glyph : ShadedGlyph;
}

struct Breakdown {
    double ns[Kinds] = {};
    std::uint64_t count[Kinds] = {};
    double clearNs = 0;
};

// Replays `plan` on `canvas` one kind of triangle at a time and times each kind.
void breakDown(const web::DrawPlan& plan, web::CpuCanvas& canvas, const web::AlphaTexture& atlas, ImVec2 white, Breakdown& out) {
    const auto& v = plan.vertices();
    const auto& idx = plan.indices();
    auto start = Clock::now();
    for (const auto& b : plan.batches())
        if (b.count == 0) canvas.clear(b.scissor, b.clear);
    out.clearNs += nsSince(start);
    for (int k = 0; k < Kinds; ++k) {
        start = Clock::now();
        for (const auto& b : plan.batches()) {
            const bool textured = !(b.solid || b.texture == 0);
            for (std::uint32_t t = b.first; t + 2 < b.first + b.count; t += 3) {
                const ImDrawVert &p = v[idx[t]], &q = v[idx[t + 1]], &r = v[idx[t + 2]];
                if (kindOf(p, q, r, textured, white) != k) continue;
                canvas.triangle(p, q, r, b.scissor, textured ? &atlas : nullptr, white, {});
                ++out.count[k];
            }
        }
        out.ns[k] += nsSince(start);
    }
}

struct Bench {
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    Store store{transport, platform};
    ui::ItemRegistry registry;
    ui::ConsoleUi* ui = nullptr;
    long total;
    web::AlphaTexture atlas;
    web::DamageTracker tracker;
    web::DrawPlan plan, reference;
    web::CpuCanvas kept, full;
    Breakdown breakdown;
    // FNV-1a over every frame's pixels, both canvases: equal before and after a change to
    // CpuCanvas that must not change what it draws.
    std::uint64_t hash = 1469598103934665603ull;
    void mix(const web::CpuCanvas& c) {
        const std::uint32_t* p = c.pixels();
        for (std::size_t i = 0; i < std::size_t(kWidth) * kHeight; i += 2)
            hash = (hash ^ (p[i] | static_cast<std::uint64_t>(p[i + 1]) << 32)) * 1099511628211ull;
    }

    explicit Bench(long customers) : total(customers) {
        ImGui::CreateContext();
        registry.attach(ImGui::GetCurrentContext());
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(kWidth, kHeight);
        ui::applyTheme();
        ui::loadFonts("/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF", 1.0f);
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
        atlas.width = w, atlas.height = h;
        atlas.texels.assign(pixels, pixels + static_cast<std::size_t>(w) * h);
        io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(std::intptr_t{1}));
        ui = new ui::ConsoleUi;
        kept.resize(kWidth, kHeight);
        full.resize(kWidth, kHeight);

        store.start("config.json", "#/customers");
        transport.respond(0, 200, R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "d@r.de"})");
        queue.drain();
        store.session().signInDemo();
        transport.answer("/auth/demo", 200, R"({"token": "t", "expires_at": "2026-11-27T06:00:00Z", "reseller": {"id": 1, "name": "N", "email": "d@r.de"}})");
        queue.drain();
        for (int i = 0; i < 20; ++i) frame(700, 500, 0);  // rows arrive, layout settles
        draw();  // the first frame: everything damaged
    }
    ~Bench() {
        delete ui;
        ImGui::DestroyContext();
    }

    void frame(float mx, float my, float wheel) {
        answerBlocks(transport, total);
        queue.drain();
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        io.AddMousePosEvent(mx, my);
        if (wheel != 0) io.AddMouseWheelEvent(0, wheel);
        ImGui::NewFrame();
        registry.beginFrame();
        ui->draw(store);
        registry.endFrame();
        ImGui::Render();
    }

    // The page's work for the frame just built, timed: the damaged regions, then (for comparison)
    // a full redraw without culling.
    Frame draw(bool breakDownFull = false) {
        const ImDrawData& data = *ImGui::GetDrawData();
        const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
        Frame f{};
        const auto& damage = tracker.update(data);
        f.damaged = tracker.damagedArea();
        plan.build(data, damage, kBackground, white, true);
        f.triangles = plan.stats().triangles;
        auto start = Clock::now();
        kept.play(plan, atlas, white, {});
        f.playNs = nsSince(start);
        reference.build(data, {{0, 0, kWidth, kHeight}}, kBackground, white, false);
        f.fullTriangles = reference.stats().triangles;
        start = Clock::now();
        full.play(reference, atlas, white, {});
        f.fullNs = nsSince(start);
        mix(kept), mix(full);
        if (breakDownFull) breakDown(reference, full, atlas, white, breakdown);
        return f;
    }

    bool same() const { return std::memcmp(kept.pixels(), full.pixels(), sizeof(std::uint32_t) * kWidth * kHeight) == 0; }
};

void report(const char* what, const std::vector<Frame>& frames, bool perFrame) {
    std::vector<double> play, fullMs, perPixel, fullPerPixel;
    double damaged = 0, triangles = 0, fullTriangles = 0, playSum = 0, fullSum = 0;
    if (perFrame) std::printf("  %-5s %10s %9s %10s %12s | %9s %10s\n", "frame", "damaged px", "triangles", "play us", "ns/dmg px", "full tri", "full us");
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const Frame& f = frames[i];
        if (perFrame)
            std::printf("  %-5zu %10lld %9llu %10.1f %12.2f | %9llu %10.1f\n", i + 1, f.damaged, static_cast<unsigned long long>(f.triangles),
                        f.playNs / 1e3, f.damaged ? f.playNs / f.damaged : 0.0, static_cast<unsigned long long>(f.fullTriangles), f.fullNs / 1e3);
        play.push_back(f.playNs / 1e6);
        fullMs.push_back(f.fullNs / 1e6);
        if (f.damaged) perPixel.push_back(f.playNs / f.damaged);
        fullPerPixel.push_back(f.fullNs / (double(kWidth) * kHeight));
        damaged += f.damaged, triangles += f.triangles, fullTriangles += f.fullTriangles, playSum += f.playNs, fullSum += f.fullNs;
    }
    const double n = static_cast<double>(frames.size());
    std::printf("%s, %zu frames:\n"
                "  damaged regions (culled plan): %8.0f px/frame, %6.0f triangles/frame, play p50 %.3f ms p95 %.3f ms, %.2f ns per damaged px\n"
                "  full redraw (no culling):      %8d px/frame, %6.0f triangles/frame, play p50 %.3f ms p95 %.3f ms, %.2f ns per px\n",
                what, frames.size(), damaged / n, triangles / n, median(play), p95(play), damaged ? playSum / damaged : 0.0, kWidth * kHeight,
                fullTriangles / n, median(fullMs), p95(fullMs), fullSum / (n * kWidth * kHeight));
}

}  // namespace

// doctest's REQUIRE is used by the fake transport; this binary has its own main.
int main(int argc, char** argv) {
    const int steps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 60;
    // wasm measured on this machine (these frames' plans replayed in node 20): 2.5x native at
    // -O2, about 4x at the browser build's -Oz with LTO.
    std::printf("CpuCanvas on console frames, %dx%d, native -O2 (wasm: 2.5x slower at -O2, about 4x at the page's -Oz + LTO;\n"
                "one run, the machine is shared)\n", kWidth, kHeight);
    Bench b(100000);

    std::vector<Frame> scroll;
    for (int i = 0; i < steps; ++i) {
        b.frame(700, 500, -1.0f);  // one wheel notch
        scroll.push_back(b.draw(true));
    }
    std::printf("Scroll, one wheel notch a frame, 100,000 customers (first 15 frames):\n");
    report("scroll", std::vector<Frame>(scroll.begin(), scroll.begin() + std::min<std::size_t>(15, scroll.size())), true);
    report("scroll (all)", scroll, false);

    std::vector<Frame> hover;
    for (int i = 0; i < steps; ++i) {
        b.frame(700, 200.0f + static_cast<float>(i % 30) * 20.0f, 0);  // the pointer down the rows
        hover.push_back(b.draw(false));
    }
    report("hover, the pointer moving down the rows", hover, false);

    std::printf("kept canvas equals a full redraw after all frames: %s; pixels of all frames hash to %016llx\n", b.same() ? "yes" : "NO",
                static_cast<unsigned long long>(b.hash));
    std::printf("where a full redraw's time goes (%d frames, each kind of triangle replayed alone):\n", steps);
    double sum = b.breakdown.clearNs;
    for (int k = 0; k < Kinds; ++k) sum += b.breakdown.ns[k];
    std::printf("  %-24s %12s %9s %8s\n", "kind", "triangles", "ms/frame", "share");
    std::printf("  %-24s %12s %9.3f %7.1f%%\n", "clears", "", b.breakdown.clearNs / 1e6 / steps, 100 * b.breakdown.clearNs / sum);
    for (int k = 0; k < Kinds; ++k)
        std::printf("  %-24s %12.0f %9.3f %7.1f%%\n", kKindName[k], double(b.breakdown.count[k]) / steps, b.breakdown.ns[k] / 1e6 / steps,
                    100 * b.breakdown.ns[k] / sum);
    return 0;
}
