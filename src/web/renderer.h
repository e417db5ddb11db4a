// The console's rendering path: Dear ImGui's draw data onto the canvas, redrawing only the
// regions that changed since the last frame (the canvas keeps its pixels between frames;
// damage.h finds those regions, draw_plan.h says what to draw there). Two ways to draw a plan:
// WebGL 2 (renderer.cpp), or, where the browser's WebGL is itself software, the CPU rasteriser
// into wasm memory with the damaged regions copied onto a 2D canvas (renderer_cpu.cpp,
// cpu_canvas.h, web/paint.js). When a frame is drawn at all is the runner's (runner.h).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "imgui.h"
#include "web/cpu_canvas.h"
#include "web/damage.h"
#include "web/draw_plan.h"

namespace rc::web {

struct FrameStats {
    std::uint64_t frames = 0;          // render() calls
    std::uint64_t drawn = 0;           // frames that issued GL work
    std::uint64_t skipped = 0;         // frames identical to the last one: no GL call at all
    std::uint64_t fullRedraws = 0;
    double damagedPixels = 0;          // summed over drawn frames
    double screenPixels = 0;           // summed over drawn frames (what full redraws would cost)
    std::uint64_t drawCalls = 0;
    std::uint64_t trianglesDrawn = 0;
    std::uint64_t trianglesInFrames = 0;
    std::uint64_t trianglesCulled = 0;  // under an opaque shape that covers a region (draw_plan.h)
    double trianglePixels = 0;          // the drawn triangles' areas (shading work, about)
    double clearedPixels = 0;
    double fillPixels = 0;              // of trianglePixels: solid fills (the atlas's white texel)
    double solidPixels = 0;             // of those: drawn by the fill program, no texture read
    std::uint64_t solidBatches = 0;
    double renderMs = 0;                // in render(): damage, plan, GL calls or rasterising and copying
};

class Renderer {
public:
    // Compiles the shader and makes the buffers; `preserved` says whether the canvas keeps its
    // drawing buffer between frames (otherwise every frame is redrawn whole).
    bool init(bool preserved);
    // The CPU rasteriser instead (the page made a 2D canvas: web/paint.js).
    bool initCpu();
    bool cpu() const { return cpu_; }
    // (Re)uploads ImGui's font atlas; the next frame is redrawn whole.
    void uploadFontAtlas();
    // Draws the frame: only where it differs from the last one, nothing if it is the same.
    void render(const ImDrawData& data, ImU32 clearColor);
    // Every frame redrawn whole, as without damage tracking (for measurements and checks).
    void setAlwaysFull(bool on) { alwaysFull_ = on; tracker_.invalidate(); }
    void invalidate() { tracker_.invalidate(); }
    // A hash of everything the frame would draw: equal hashes, equal pictures.
    static std::uint64_t contentHash(const ImDrawData& data);

    // Redraws the last frame whole into an offscreen buffer and counts the pixels that differ
    // from what the canvas shows: 0 means the damaged-region frames left no stale pixel.
    // Call between frames (ImGui's draw data of the last frame is still valid then).
    std::string verifyJson(const ImDrawData& data, ImU32 clearColor);

    const FrameStats& stats() const { return stats_; }
    std::string statsJson() const;

private:
    void renderFrame(const ImDrawData& data, ImU32 clearColor);
    void setupState(const ImDrawData& data, int fbW, int fbH);
    void drawRegions(const ImDrawData& data, const std::vector<PixelRect>& regions, ImU32 clearColor, int fbH, bool cull = true);
    void countPlan(const ImDrawData& data);
    // The CPU path (renderer_cpu.cpp).
    void uploadFontAtlasCpu();
    void renderCpu(const ImDrawData& data, const std::vector<PixelRect>& damage, ImU32 clearColor);
    std::string verifyCpuJson(const ImDrawData& data, ImU32 clearColor);

    unsigned program_ = 0, fillProgram_ = 0, vao_ = 0, vbo_ = 0, ebo_ = 0, fontTexture_ = 0;
    int locProj_ = -1, locTex_ = -1, locWhiteUv_ = -1, locFillProj_ = -1;
    bool preserved_ = false;
    bool cpu_ = false;
    CpuCanvas canvas_;     // the frame the page's 2D canvas shows (CPU path)
    AlphaTexture atlas_;   // the font atlas (CPU path; the WebGL path keeps it in a texture)
    bool alwaysFull_ = false;
    DamageTracker tracker_;
    DrawPlan plan_;
    FrameStats stats_;
};

}  // namespace rc::web
