// The renderer's CPU path (renderer.h): where the browser's WebGL is itself software, the plan
// is rasterised into wasm memory (cpu_canvas.h) and the page copies the damaged regions onto
// its 2D canvas (web/paint.js). Same damage tracking, same plan, same statistics as WebGL.
#include <emscripten.h>

#include <cstdio>

#include "web/renderer.h"

namespace rc::web {
namespace {

// Any texture id but 0 (which the plan takes for "no texture"): there is one texture, the atlas.
constexpr std::intptr_t kAtlasId = 1;

EM_JS(void, rc_js_paint_put, (const void* pixels, int width, int height, int x, int y, int w, int h), {
  rcWeb.paint.put(pixels, width, height, x, y, w, h);
});
EM_JS(int, rc_js_paint_read, (void* pixels, int width, int height), { return rcWeb.paint.read(pixels, width, height); });

CanvasTransform transformOf(const ImDrawData& data) { return {data.DisplayPos, data.FramebufferScale}; }

}  // namespace

bool Renderer::initCpu() {
    cpu_ = true;
    preserved_ = true;  // the 2D canvas keeps what was put on it
    ImGui::GetIO().BackendRendererName = "rc_cpu_canvas";
    ImGui::GetIO().BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    return true;
}

void Renderer::uploadFontAtlasCpu() {
    ImGuiIO& io = ImGui::GetIO();
    // Read as ui::loadFonts built it (see uploadFontAtlas): kept here, ImGui's copy let go.
    const unsigned char* pixels = io.Fonts->TexPixelsAlpha8;
    if (pixels == nullptr) return;
    atlas_.width = io.Fonts->TexWidth;
    atlas_.height = io.Fonts->TexHeight;
    atlas_.texels.assign(pixels, pixels + static_cast<std::size_t>(atlas_.width) * atlas_.height);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(kAtlasId));
    io.Fonts->ClearTexData();
    tracker_.invalidate();
}

void Renderer::renderCpu(const ImDrawData& data, const std::vector<PixelRect>& damage, ImU32 clearColor) {
    plan_.build(data, damage, clearColor, ImGui::GetIO().Fonts->TexUvWhitePixel);
    countPlan(data);
    stats_.drawCalls += plan_.batches().size();
    canvas_.play(plan_, atlas_, ImGui::GetIO().Fonts->TexUvWhitePixel, transformOf(data));
    for (const PixelRect& r : damage) {
        const PixelRect c = r.intersect({0, 0, canvas_.width(), canvas_.height()});
        if (!c.empty()) rc_js_paint_put(canvas_.pixels(), canvas_.width(), canvas_.height(), c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0);
    }
}

// What the page's canvas shows against every triangle redrawn whole, nothing culled, into a
// canvas of its own: 0 differing pixels means the damaged-region frames (and their copies onto
// the page) left nothing stale.
std::string Renderer::verifyCpuJson(const ImDrawData& data, ImU32 clearColor) {
    const int w = canvas_.width(), h = canvas_.height();
    if (w <= 0 || h <= 0) return R"({"error":"no frame"})";
    std::vector<std::uint32_t> shown(static_cast<std::size_t>(w) * h);
    if (!rc_js_paint_read(shown.data(), w, h)) return R"({"error":"no 2D canvas"})";
    CpuCanvas full;
    full.resize(w, h);
    DrawPlan plan;
    plan.build(data, {PixelRect{0, 0, w, h}}, clearColor, ImGui::GetIO().Fonts->TexUvWhitePixel, /*cull=*/false);
    full.play(plan, atlas_, ImGui::GetIO().Fonts->TexUvWhitePixel, transformOf(data));
    long long differ = 0, kept = 0;
    int firstX = -1, firstY = -1;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const std::size_t i = static_cast<std::size_t>(y) * w + x;
            kept += (canvas_.pixels()[i] & 0xFFFFFFu) != (full.pixels()[i] & 0xFFFFFFu);
            if ((shown[i] & 0xFFFFFFu) != (full.pixels()[i] & 0xFFFFFFu) && differ++ == 0) firstX = x, firstY = y;
        }
    char buf[200];
    std::snprintf(buf, sizeof buf, R"({"width":%d,"height":%d,"differ":%lld,"first":[%d,%d],"keptDiffer":%lld})", w, h, differ,
                  firstX, firstY, kept);
    return buf;
}

}  // namespace rc::web
