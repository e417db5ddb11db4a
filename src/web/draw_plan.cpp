#include "web/draw_plan.h"

#include <algorithm>
#include <cmath>

namespace rc::web {
namespace {

bool inside(const PixelRect& inner, const PixelRect& outer) {
    return inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1;
}

float cross(const ImVec2& a, const ImVec2& b, const ImVec2& c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); }

// Shapes smaller than this (framebuffer pixels a side) are not worth looking at as covers.
constexpr float kMinCover = 16.0f;

}  // namespace

// ImGui fills a rectangle as the fan (0,1,2)(0,2,3) and a convex shape as (0,i-1,i)...; its
// anti-aliased fringe follows with transparent outer vertices, which are not part of a cover.
void DrawPlan::findCovers(const ImDrawData& data, ImVec2 whiteUv) {
    covers_.clear();
    points_.clear();
    const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
    auto pixel = [&](const ImVec2& p) { return ImVec2((p.x - off.x) * scale.x, (p.y - off.y) * scale.y); };
    std::uint64_t seq = 0;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList* list = data.CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
            const unsigned n = cmd.ElemCount / 3;
            PixelRect clip = DamageTracker::clipRect(cmd, data);
            for (unsigned t = 0; t < n;) {
                const ImDrawVert& hub = vtx[idx[3 * t]];
                const ImU32 col = hub.col;
                auto solid = [&](const ImDrawVert& v) {
                    return v.col == col && v.uv.x == whiteUv.x && v.uv.y == whiteUv.y;
                };
                if (((col >> IM_COL32_A_SHIFT) & 0xFF) != 0xFF || !solid(hub) || clip.empty()) {
                    ++t;
                    continue;
                }
                const std::uint32_t start = static_cast<std::uint32_t>(points_.size());
                points_.push_back(pixel(hub.pos));
                unsigned u = t;
                ImDrawIdx next = idx[3 * t + 1];
                while (u < n && idx[3 * u] == idx[3 * t] && idx[3 * u + 1] == next && solid(vtx[idx[3 * u + 1]]) &&
                       solid(vtx[idx[3 * u + 2]])) {
                    if (u == t) points_.push_back(pixel(vtx[idx[3 * u + 1]].pos));
                    points_.push_back(pixel(vtx[idx[3 * u + 2]].pos));
                    next = idx[3 * u + 2];
                    ++u;
                }
                if (u == t) {
                    points_.resize(start);
                    ++t;
                    continue;
                }
                const std::uint32_t count = static_cast<std::uint32_t>(points_.size()) - start;
                const ImVec2* p = &points_[start];
                float minX = p[0].x, maxX = p[0].x, minY = p[0].y, maxY = p[0].y, area = 0;
                for (std::uint32_t i = 0; i < count; ++i) {
                    const ImVec2 &a = p[i], &b = p[(i + 1) % count];
                    minX = std::min(minX, a.x), maxX = std::max(maxX, a.x), minY = std::min(minY, a.y), maxY = std::max(maxY, a.y);
                    area += a.x * b.y - b.x * a.y;
                }
                if (std::fabs(area) >= 2.0f && maxX - minX >= kMinCover && maxY - minY >= kMinCover) {
                    PixelRect box{static_cast<int>(std::floor(minX)), static_cast<int>(std::floor(minY)),
                                  static_cast<int>(std::ceil(maxX)), static_cast<int>(std::ceil(maxY))};
                    covers_.push_back({seq + u - 1, clip, box, col, start, count});
                } else {
                    points_.resize(start);
                }
                t = u;
            }
            seq += n;
        }
    }
}

// The point lies on the inner side of every edge of the cover's outline (on an edge counts as
// in): inside the outline's kernel, the part every point of the outline sees. A rectangle whose
// corners all lie there lies there whole (the kernel is convex), and the fan's triangles cover
// it: the segment from the fan's hub through any such point stays inside until it meets an
// edge, and with it the triangle of that edge.
bool DrawPlan::contains(const Cover& c, float x, float y) const {
    const ImVec2* p = &points_[c.firstPoint];
    const ImVec2 q(x, y);
    float sign = 0;
    for (std::uint32_t i = 0; i < c.points; ++i) {
        float s = cross(p[i], p[(i + 1) % c.points], q);
        if (std::fabs(s) <= 1e-3f) continue;
        if (sign == 0) sign = s;
        else if ((s > 0) != (sign > 0)) return false;
    }
    return true;
}

// The last cover in the frame's order that holds the whole region.
const DrawPlan::Cover* DrawPlan::coverOf(const PixelRect& region) const {
    for (auto it = covers_.rbegin(); it != covers_.rend(); ++it) {
        const Cover& c = *it;
        if (!inside(region, c.clip) || !inside(region, c.box)) continue;
        auto x0 = static_cast<float>(region.x0), y0 = static_cast<float>(region.y0);
        auto x1 = static_cast<float>(region.x1), y1 = static_cast<float>(region.y1);
        if (contains(c, x0, y0) && contains(c, x1, y0) && contains(c, x0, y1) && contains(c, x1, y1)) return &c;
    }
    return nullptr;
}

// A triangle that lies inside its clip rectangle needs only the region as scissor, so
// neighbouring commands with the same texture become one draw call.
void DrawPlan::build(const ImDrawData& data, const std::vector<PixelRect>& regions, ImU32 clearColor, ImVec2 whiteUv, bool cull) {
    vertices_.clear();
    indices_.clear();
    batches_.clear();
    stats_ = PlanStats{};
    listBase_.assign(static_cast<std::size_t>(data.CmdListsCount), 0);
    for (int l = 0; l < data.CmdListsCount; ++l) {
        listBase_[static_cast<std::size_t>(l)] = static_cast<std::uint32_t>(vertices_.size());
        const ImDrawList* list = data.CmdLists[l];
        vertices_.insert(vertices_.end(), list->VtxBuffer.Data, list->VtxBuffer.Data + list->VtxBuffer.Size);
    }
    if (cull) findCovers(data, whiteUv);
    else covers_.clear();
    const ImVec2 scale = data.FramebufferScale;
    auto white = [whiteUv](const ImDrawVert& v) { return v.uv.x == whiteUv.x && v.uv.y == whiteUv.y; };
    for (const PixelRect& region : regions) {
        const Cover* cover = cull ? coverOf(region) : nullptr;
        const std::uint64_t from = cover ? cover->lastSeq + 1 : 0;  // triangles before this are hidden
        batches_.push_back({0, region, 0, 0, cover ? cover->color : clearColor});
        ++stats_.clears;
        stats_.clearedPixels += static_cast<double>(region.area());
        std::uint64_t seq = 0;
        for (int l = 0; l < data.CmdListsCount; ++l) {
            const ImDrawList* list = data.CmdLists[l];
            const ImDrawVert* vtx = list->VtxBuffer.Data;
            for (const ImDrawCmd& cmd : list->CmdBuffer) {
                if (cmd.UserCallback) continue;  // the console installs none
                const unsigned n = cmd.ElemCount / 3;
                const std::uint64_t cmdSeq = seq;
                seq += n;
                PixelRect clip = DamageTracker::clipRect(cmd, data);
                PixelRect visible = clip.intersect(region);
                if (visible.empty()) continue;
                if (cmdSeq + n <= from) {
                    stats_.culled += n;
                    continue;
                }
                unsigned texture = static_cast<unsigned>(reinterpret_cast<std::intptr_t>(cmd.GetTexID()));
                const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
                std::uint32_t base = listBase_[static_cast<std::size_t>(l)] + cmd.VtxOffset;
                for (unsigned t = 0; t < n; ++t) {
                    if (cmdSeq + t < from) {
                        ++stats_.culled;
                        continue;
                    }
                    const ImDrawVert &a = vtx[cmd.VtxOffset + idx[3 * t]], &b = vtx[cmd.VtxOffset + idx[3 * t + 1]],
                                     &c = vtx[cmd.VtxOffset + idx[3 * t + 2]];
                    PixelRect box = DamageTracker::bounds(a, b, c, data);
                    if (!box.overlaps(visible)) continue;
                    const PixelRect& sc = inside(box, clip) ? region : visible;
                    const bool solid = cull && white(a) && white(b) && white(c);
                    const DrawBatch* last = &batches_.back();
                    if (last->count == 0 || last->texture != texture || !(last->scissor == sc) || last->solid != solid)
                        batches_.push_back({texture, sc, static_cast<std::uint32_t>(indices_.size()), 0, 0, solid});
                    indices_.push_back(base + idx[3 * t]);
                    indices_.push_back(base + idx[3 * t + 1]);
                    indices_.push_back(base + idx[3 * t + 2]);
                    batches_.back().count += 3;
                    ++stats_.triangles;
                    double area = std::fabs(cross(a.pos, b.pos, c.pos)) * 0.5 * scale.x * scale.y;
                    double pixels = std::min(area, static_cast<double>(box.intersect(sc).area()));
                    batches_.back().pixels += pixels;
                    stats_.trianglePixels += pixels;
                    if (solid) stats_.fillPixels += pixels;
                }
            }
        }
    }
    mergeSmallSolidRuns();
    for (const DrawBatch& b : batches_) {
        if (b.count) ++stats_.batches;
        if (b.solid) ++stats_.solidBatches, stats_.solidPixels += b.pixels;
    }
}

// The batches were split wherever a triangle's kind changed (solid fill or not); a solid run
// too small for its own draw call joins the textured batches beside it again (the textured
// program draws a solid fill the same: it reads the white texel, 1.0).
void DrawPlan::mergeSmallSolidRuns() {
    std::size_t out = 0;
    for (std::size_t i = 0; i < batches_.size(); ++i) {
        DrawBatch b = batches_[i];
        if (b.solid && b.pixels < kMinSolidBatchPixels) b.solid = false;
        if (out > 0) {
            DrawBatch& m = batches_[out - 1];
            if (m.count && b.count && !m.solid && !b.solid && m.texture == b.texture && m.scissor == b.scissor &&
                m.first + m.count == b.first) {
                m.count += b.count;
                m.pixels += b.pixels;
                continue;
            }
        }
        batches_[out++] = b;
    }
    batches_.resize(out);
}

}  // namespace rc::web
