// Damage tracking: where on screen this frame's draw data differs from the last frame drawn,
// so the renderer (its only user, beside it) redraws only there and keeps every other pixel.
// Pure ImGui data, no GL and no Emscripten: it is also compiled natively and tested there.
#pragma once
#include <cstdint>
#include <vector>

#include "imgui.h"

namespace rc::web {

// A rectangle in framebuffer pixels, top-left origin, [x0, x1) × [y0, y1).
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    long long area() const { return empty() ? 0 : static_cast<long long>(x1 - x0) * (y1 - y0); }
    bool overlaps(const PixelRect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    PixelRect intersect(const PixelRect& o) const {
        return {x0 > o.x0 ? x0 : o.x0, y0 > o.y0 ? y0 : o.y0, x1 < o.x1 ? x1 : o.x1, y1 < o.y1 ? y1 : o.y1};
    }
    PixelRect unite(const PixelRect& o) const;
    bool operator==(const PixelRect& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};

// One visible triangle of the frame as the rasteriser sees it: what it looks like (hash of its
// vertices, clip rectangle and texture) and the pixels it can touch.
struct DrawnTriangle {
    std::uint64_t hash;
    PixelRect bounds;  // its bounding box, inside its clip rectangle
};

class DamageTracker {
public:
    // The triangles of `data` in drawing order, as the renderer and the tracker see them.
    // Triangles clipped away entirely are left out (they draw nothing).
    static void collect(const ImDrawData& data, std::vector<DrawnTriangle>& out);
    // A command's clip rectangle in framebuffer pixels (inside the framebuffer).
    static PixelRect clipRect(const ImDrawCmd& cmd, const ImDrawData& data);
    // The pixels a triangle can touch (before clipping).
    static PixelRect bounds(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, const ImDrawData& data);

    // Compares this frame with the last one given and returns the regions to redraw (at most
    // kMaxRects, disjoint). Everything outside them is pixel for pixel what the last frame
    // drew: the unchanged triangles there are the same, in the same order.
    const std::vector<PixelRect>& update(const ImDrawData& data);

    // The next update damages the whole framebuffer (first frame, resize, new font texture,
    // lost drawing buffer).
    void invalidate() { valid_ = false; }

    // This frame's triangles (after update).
    const std::vector<DrawnTriangle>& triangles() const { return last_; }
    const std::vector<PixelRect>& damage() const { return damage_; }
    long long damagedArea() const;
    PixelRect framebuffer() const { return screen_; }

    static constexpr int kTile = 32;     // damage is rounded out to tiles of this many pixels
    static constexpr int kMaxRects = 6;  // more rectangles than this merge into fewer

private:
    void markTiles(const PixelRect& r);
    void buildRects();

    std::vector<DrawnTriangle> last_, current_;
    std::vector<std::uint64_t> slots_;  // open-addressing table: hash -> count (see update)
    std::vector<std::int32_t> counts_;
    std::vector<std::uint8_t> tiles_;
    std::vector<PixelRect> damage_;
    int tilesX_ = 0, tilesY_ = 0;
    PixelRect screen_;
    bool valid_ = false;
};

}  // namespace rc::web
