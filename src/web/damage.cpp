#include "web/damage.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace rc::web {
namespace {

inline std::uint64_t mix(std::uint64_t h, std::uint64_t w) {
    h ^= w + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
}

inline std::uint64_t mixVertex(std::uint64_t h, const ImDrawVert& v) {
    std::uint32_t w[5];
    static_assert(sizeof(ImDrawVert) == sizeof(w), "ImDrawVert is pos, uv, col");
    std::memcpy(w, &v, sizeof w);
    h = mix(h, (static_cast<std::uint64_t>(w[0]) << 32) | w[1]);
    h = mix(h, (static_cast<std::uint64_t>(w[2]) << 32) | w[3]);
    return mix(h, w[4]);
}

}  // namespace

PixelRect PixelRect::unite(const PixelRect& o) const {
    if (empty()) return o;
    if (o.empty()) return *this;
    return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
}

PixelRect DamageTracker::clipRect(const ImDrawCmd& cmd, const ImDrawData& data) {
    const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
    PixelRect screen{0, 0, static_cast<int>(data.DisplaySize.x * scale.x), static_cast<int>(data.DisplaySize.y * scale.y)};
    PixelRect clip{static_cast<int>(std::floor((cmd.ClipRect.x - off.x) * scale.x)),
                   static_cast<int>(std::floor((cmd.ClipRect.y - off.y) * scale.y)),
                   static_cast<int>(std::ceil((cmd.ClipRect.z - off.x) * scale.x)),
                   static_cast<int>(std::ceil((cmd.ClipRect.w - off.y) * scale.y))};
    return clip.intersect(screen);
}

PixelRect DamageTracker::bounds(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, const ImDrawData& data) {
    const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
    // Pairwise rather than std::min({...}): the list form stays a loop in the size-optimised
    // browser build, and this runs for every triangle of every frame.
    float minX = std::min(a.pos.x, std::min(b.pos.x, c.pos.x)), maxX = std::max(a.pos.x, std::max(b.pos.x, c.pos.x));
    float minY = std::min(a.pos.y, std::min(b.pos.y, c.pos.y)), maxY = std::max(a.pos.y, std::max(b.pos.y, c.pos.y));
    return {static_cast<int>(std::floor((minX - off.x) * scale.x)), static_cast<int>(std::floor((minY - off.y) * scale.y)),
            static_cast<int>(std::ceil((maxX - off.x) * scale.x)), static_cast<int>(std::ceil((maxY - off.y) * scale.y))};
}

void DamageTracker::collect(const ImDrawData& data, std::vector<DrawnTriangle>& out) {
    out.clear();
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList* list = data.CmdLists[l];
        const ImDrawVert* vtx = list->VtxBuffer.Data;
        const ImDrawIdx* idx = list->IdxBuffer.Data;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            PixelRect clip = clipRect(cmd, data);
            if (clip.empty()) continue;
            std::uint64_t base = mix(mix(0x51ED270B27A3ull, (static_cast<std::uint64_t>(clip.x0) << 32) | static_cast<std::uint32_t>(clip.y0)),
                                     (static_cast<std::uint64_t>(clip.x1) << 32) | static_cast<std::uint32_t>(clip.y1));
            base = mix(base, static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID())));
            if (cmd.UserCallback) {  // drawn by someone else: assume it covers its clip rectangle
                out.push_back({mix(base, reinterpret_cast<std::uintptr_t>(cmd.UserCallback)), clip});
                continue;
            }
            const ImDrawIdx* it = idx + cmd.IdxOffset;
            for (unsigned int t = 0; t + 2 < cmd.ElemCount; t += 3) {
                const ImDrawVert& a = vtx[cmd.VtxOffset + it[t]];
                const ImDrawVert& b = vtx[cmd.VtxOffset + it[t + 1]];
                const ImDrawVert& c = vtx[cmd.VtxOffset + it[t + 2]];
                PixelRect box = bounds(a, b, c, data).intersect(clip);
                if (box.empty()) continue;
                std::uint64_t h = mixVertex(mixVertex(mixVertex(base, a), b), c);
                out.push_back({h ? h : 1, box});
            }
        }
    }
}

long long DamageTracker::damagedArea() const {
    long long sum = 0;
    for (const PixelRect& r : damage_) sum += r.area();
    return std::min(sum, screen_.area());
}

void DamageTracker::markTiles(const PixelRect& r) {
    int tx0 = std::max(0, r.x0 / kTile), ty0 = std::max(0, r.y0 / kTile);
    int tx1 = std::min(tilesX_, (r.x1 + kTile - 1) / kTile), ty1 = std::min(tilesY_, (r.y1 + kTile - 1) / kTile);
    for (int y = ty0; y < ty1; ++y) std::memset(&tiles_[static_cast<std::size_t>(y) * tilesX_ + tx0], 1, static_cast<std::size_t>(std::max(0, tx1 - tx0)));
}

// Runs of damaged tiles per tile row, stacked where rows repeat the same run; then merged
// until few enough remain (overlaps are harmless: a region is cleared and redrawn whole).
void DamageTracker::buildRects() {
    std::vector<PixelRect> rects;  // in tiles
    std::vector<PixelRect> open;
    for (int y = 0; y < tilesY_; ++y) {
        std::vector<PixelRect> row;
        const std::uint8_t* line = &tiles_[static_cast<std::size_t>(y) * tilesX_];
        for (int x = 0; x < tilesX_;) {
            if (!line[x]) { ++x; continue; }
            int start = x;
            while (x < tilesX_ && line[x]) ++x;
            row.push_back({start, y, x, y + 1});
        }
        std::vector<PixelRect> next;
        for (PixelRect& r : row) {
            auto same = std::find_if(open.begin(), open.end(), [&](const PixelRect& o) { return o.x0 == r.x0 && o.x1 == r.x1; });
            if (same != open.end()) {
                same->y1 = y + 1;
                next.push_back(*same);
                open.erase(same);
            } else {
                next.push_back(r);
            }
        }
        rects.insert(rects.end(), open.begin(), open.end());
        open.swap(next);
    }
    rects.insert(rects.end(), open.begin(), open.end());
    while (static_cast<int>(rects.size()) > kMaxRects) {
        std::size_t bi = 0, bj = 1;
        long long best = -1;
        for (std::size_t i = 0; i < rects.size(); ++i)
            for (std::size_t j = i + 1; j < rects.size(); ++j) {
                long long waste = rects[i].unite(rects[j]).area() - rects[i].area() - rects[j].area();
                if (best < 0 || waste < best) best = waste, bi = i, bj = j;
            }
        rects[bi] = rects[bi].unite(rects[bj]);
        rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(bj));
    }
    for (const PixelRect& t : rects) {
        PixelRect px{t.x0 * kTile, t.y0 * kTile, t.x1 * kTile, t.y1 * kTile};
        px = px.intersect(screen_);
        if (!px.empty()) damage_.push_back(px);
    }
}

const std::vector<PixelRect>& DamageTracker::update(const ImDrawData& data) {
    collect(data, current_);
    PixelRect screen{0, 0, static_cast<int>(data.DisplaySize.x * data.FramebufferScale.x),
                     static_cast<int>(data.DisplaySize.y * data.FramebufferScale.y)};
    damage_.clear();
    if (!valid_ || !(screen == screen_)) {
        screen_ = screen;
        valid_ = true;
        if (!screen_.empty()) damage_.push_back(screen_);
        last_.swap(current_);
        return damage_;
    }
    tilesX_ = (screen_.x1 + kTile - 1) / kTile;
    tilesY_ = (screen_.y1 + kTile - 1) / kTile;
    tiles_.assign(static_cast<std::size_t>(tilesX_) * tilesY_, 0);

    // How often each look of triangle appears: -1 per old one, +1 per new one.
    std::size_t need = (last_.size() + current_.size()) * 2 + 16, size = 1;
    while (size < need) size <<= 1;
    slots_.assign(size, 0);
    counts_.assign(size, 0);
    const std::size_t mask = size - 1;
    auto slot = [&](std::uint64_t h) {
        std::size_t i = static_cast<std::size_t>(h) & mask;
        while (slots_[i] != 0 && slots_[i] != h) i = (i + 1) & mask;
        slots_[i] = h;
        return i;
    };
    std::vector<std::size_t> lastSlot(last_.size()), curSlot(current_.size());
    for (std::size_t i = 0; i < last_.size(); ++i) --counts_[lastSlot[i] = slot(last_[i].hash)];
    for (std::size_t i = 0; i < current_.size(); ++i) ++counts_[curSlot[i] = slot(current_[i].hash)];

    // Triangles that came or went damage their pixels. The ones in both frames must also be
    // drawn in the same order: where the order differs, everything in between is damaged.
    std::vector<std::size_t> a, b;
    for (std::size_t i = 0; i < last_.size(); ++i)
        if (counts_[lastSlot[i]] != 0) markTiles(last_[i].bounds); else a.push_back(i);
    for (std::size_t i = 0; i < current_.size(); ++i)
        if (counts_[curSlot[i]] != 0) markTiles(current_[i].bounds); else b.push_back(i);
    std::size_t n = std::min(a.size(), b.size()), front = 0, back = 0;
    while (front < n && last_[a[front]].hash == current_[b[front]].hash) ++front;
    while (back < n - front && last_[a[a.size() - 1 - back]].hash == current_[b[b.size() - 1 - back]].hash) ++back;
    for (std::size_t i = front; i + back < a.size(); ++i) markTiles(last_[a[i]].bounds);
    for (std::size_t i = front; i + back < b.size(); ++i) markTiles(current_[b[i]].bounds);

    buildRects();
    last_.swap(current_);
    return damage_;
}

}  // namespace rc::web
