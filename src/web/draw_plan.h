// What the renderer sends to WebGL for a frame's damaged regions, worked out on the CPU: for
// each region a clear, then the triangles that touch it, in ImGui's order, batched per texture
// and scissor. A region that an opaque solid shape covers whole (a card's or a table's
// background, a highlighted row) is cleared in that shape's colour and nothing under it is
// drawn: under software WebGL every blended pixel costs, and most of a frame's pixels are such
// backgrounds drawn over each other. Pure ImGui data, no GL: it is also compiled natively and
// drawn by the software rasteriser of tests/web (the renderer, renderer.*, executes it).
#pragma once
#include <cstdint>
#include <vector>

#include "imgui.h"
#include "web/damage.h"

namespace rc::web {

struct DrawBatch {
    unsigned texture = 0;
    PixelRect scissor;
    std::uint32_t first = 0, count = 0;  // count 0: clear the scissor rectangle with `clear`
    ImU32 clear = 0;
    // Every triangle is a solid fill (samples only the atlas's white texel): the renderer draws
    // it without reading the texture. Only runs large enough to pay for their own draw call.
    bool solid = false;
    double pixels = 0;  // the triangles' areas inside the scissor (about the shading work)
};

struct PlanStats {
    std::uint64_t batches = 0;        // draw calls
    std::uint64_t clears = 0;
    std::uint64_t triangles = 0;      // triangles sent
    std::uint64_t culled = 0;         // triangles of the regions left out as covered
    double trianglePixels = 0;        // the sent triangles' areas, at most their box inside the scissor (about the shading work)
    double clearedPixels = 0;
    double fillPixels = 0;            // of trianglePixels: solid fills' (no texel needed)
    double solidPixels = 0;           // of those: in solid batches (drawn without the texture)
    std::uint64_t solidBatches = 0;
};

// A run of solid fills smaller than this (framebuffer pixels) stays in the textured draw call
// around it: under SwiftShader a separate draw call and two program switches cost about what
// reading the texture for this many pixels does (measured: tests/bench/scroll_bench.mjs).
constexpr double kMinSolidBatchPixels = 16384;

class DrawPlan {
public:
    // Plans `regions` of the frame. `whiteUv`: where the font atlas is opaque white (ImGui's
    // solid fills sample there); `cull`: leave out what an opaque shape covers and draw large
    // runs of solid fills without the texture (off: every triangle, all with the texture: the
    // reference the renderer's check compares with).
    void build(const ImDrawData& data, const std::vector<PixelRect>& regions, ImU32 clearColor, ImVec2 whiteUv, bool cull = true);

    // Every draw list's vertices, in one buffer (the indices below point into it).
    const std::vector<ImDrawVert>& vertices() const { return vertices_; }
    const std::vector<std::uint32_t>& indices() const { return indices_; }
    const std::vector<DrawBatch>& batches() const { return batches_; }
    const PlanStats& stats() const { return stats_; }

private:
    // A fan of triangles that fills a polygon with one opaque colour (ImGui draws rectangles,
    // rounded rectangles and convex shapes so): whatever it covers before it in the frame's
    // order is hidden.
    struct Cover {
        std::uint64_t lastSeq;        // the fan's last triangle in the frame's order
        PixelRect clip, box;          // its clip rectangle, its bounding box
        ImU32 color;
        std::uint32_t firstPoint, points;  // its outline in points_: the hub, then the fan's rim in order
    };
    void findCovers(const ImDrawData& data, ImVec2 whiteUv);
    const Cover* coverOf(const PixelRect& region) const;
    bool contains(const Cover& c, float x, float y) const;
    void mergeSmallSolidRuns();

    std::vector<ImDrawVert> vertices_;
    std::vector<std::uint32_t> indices_;
    std::vector<DrawBatch> batches_;
    std::vector<std::uint32_t> listBase_;
    std::vector<Cover> covers_;
    std::vector<ImVec2> points_;  // framebuffer pixels
    PlanStats stats_;
};

}  // namespace rc::web
