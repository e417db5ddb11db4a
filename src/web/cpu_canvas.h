// The console drawn by the CPU, for browsers whose WebGL is itself software (a PC without a GPU:
// SwiftShader, llvmpipe). There every WebGL frame costs Chromium ~6.5 ms of copying the canvas
// back before it draws a pixel (tests/bench/gl_frame_bench.mjs), a 2D canvas frame under 1 ms
// (the same bench, c2d:put); so the frame is rasterised here, into wasm memory, and the
// page copies the damaged regions onto a 2D canvas (renderer.*). It executes the same draw plan
// as the WebGL path (draw_plan.h) with the same rules: pixel centres, the top-left fill rule,
// bilinear sampling of the font atlas clamped at its edges, source-over blending.
// Pure ImGui data, no Emscripten: compiled natively and tested there (tests/web).
#pragma once
#include <cstdint>
#include <vector>

#include "imgui.h"
#include "web/draw_plan.h"

namespace rc::web {

// A single-channel texture: the font atlas, white with coverage as the value.
struct AlphaTexture {
    std::vector<std::uint8_t> texels;
    int width = 0, height = 0;
};

// Where the plan's vertices (ImGui's coordinates) land in the canvas: pixel = (pos - origin) * scale.
struct CanvasTransform {
    ImVec2 origin{0, 0};
    ImVec2 scale{1, 1};
};

class CpuCanvas {
public:
    // A new size: every pixel opaque black until drawn.
    void resize(int width, int height);
    int width() const { return width_; }
    int height() const { return height_; }
    // Row after row from the top, 4 bytes a pixel in the order R, G, B, A (an ImageData's; in
    // a little-endian word it is ImGui's IM_COL32). Alpha is always 255.
    const std::uint32_t* pixels() const { return pixels_.data(); }
    std::uint32_t* pixels() { return pixels_.data(); }

    // Executes the plan's batches in order: a batch without triangles clears its scissor to its
    // colour; the others draw their triangles inside the scissor (and the canvas), blended over
    // what is there (source alpha, one minus source alpha). A triangle whose three vertices sit
    // on `whiteUv` is a solid fill (its colour, no texel read); the others take their alpha
    // from `atlas`, sampled bilinearly. Batches with texture 0 are drawn as solid fills.
    void play(const DrawPlan& plan, const AlphaTexture& atlas, ImVec2 whiteUv, const CanvasTransform& to);

    // Fills a rectangle (clipped to the canvas) with an opaque colour.
    void clear(const PixelRect& r, ImU32 color);
    // One triangle, as play draws it (exposed for the tests).
    void triangle(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, const PixelRect& scissor,
                  const AlphaTexture* atlas, ImVec2 whiteUv, const CanvasTransform& to);

private:
    std::vector<std::uint32_t> pixels_;
    int width_ = 0, height_ = 0;
};

}  // namespace rc::web
