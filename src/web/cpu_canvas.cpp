#include "web/cpu_canvas.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace rc::web {
namespace {

// std::llround, without the libm call (six a triangle): half away from zero, exact for |v| < 2^52.
inline std::int64_t roundToInt(double v) {
    std::int64_t i = static_cast<std::int64_t>(v);
    const double f = v - static_cast<double>(i);
    return i + (f >= 0.5) - (f <= -0.5);
}

// Vertex positions are snapped to 1/256 pixel (as a GPU's rasteriser does) so that whether a
// pixel centre is inside an edge is decided exactly, in integers: two triangles that share an
// edge never both draw, nor both skip, a pixel on it.
constexpr int kSub = 256;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {  // b > 0
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// n pixels set to v, eight bytes a store (a scalar loop stores four: wasm without SIMD has
// nothing wider than i64.store). Opaque fills are most of a frame's pixels.
inline void fillRow(std::uint32_t* p, int n, std::uint32_t v) {
    if (n > 0 && (reinterpret_cast<std::uintptr_t>(p) & 4)) *p++ = v, --n;
    const std::uint64_t two = (static_cast<std::uint64_t>(v) << 32) | v;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        std::memcpy(p + i, &two, 8);
        std::memcpy(p + i + 2, &two, 8);
        std::memcpy(p + i + 4, &two, 8);
        std::memcpy(p + i + 6, &two, 8);
    }
    for (; i + 2 <= n; i += 2) std::memcpy(p + i, &two, 8);
    if (i < n) p[i] = v;
}

// x / 255 rounded, for x in [0, 255 * 255].
inline std::uint32_t div255(std::uint32_t x) { return (x + 128 + ((x + 128) >> 8)) >> 8; }

// Source-over: rgb = src * a + dst * (1 - a); the canvas stays opaque.
inline std::uint32_t blend(std::uint32_t dst, std::uint32_t r, std::uint32_t g, std::uint32_t b, std::uint32_t a) {
    const std::uint32_t inv = 255 - a;
    const std::uint32_t dr = dst & 0xFF, dg = (dst >> 8) & 0xFF, db = (dst >> 16) & 0xFF;
    return div255(r * a + dr * inv) | (div255(g * a + dg * inv) << 8) | (div255(b * a + db * inv) << 16) | 0xFF000000u;
}

inline std::uint32_t clampByte(float v) {
    int i = static_cast<int>(v + 0.5f);
    return static_cast<std::uint32_t>(i < 0 ? 0 : (i > 255 ? 255 : i));
}

// The two atlas rows a bilinear sample at v reads, and the weight of the second (0-256).
struct AtlasRows {
    const std::uint8_t *r0, *r1;
    std::uint32_t wy;
};

inline AtlasRows atlasRows(const AlphaTexture& t, float v) {
    const float ty = v * static_cast<float>(t.height) - 0.5f;
    const float fy0 = std::floor(ty);
    int y0 = static_cast<int>(fy0);
    const std::uint32_t wy = static_cast<std::uint32_t>((ty - fy0) * 256.0f + 0.5f);
    int y1 = y0 + 1;
    const int my = t.height - 1;
    y0 = y0 < 0 ? 0 : (y0 > my ? my : y0);
    y1 = y1 < 0 ? 0 : (y1 > my ? my : y1);
    return {t.texels.data() + static_cast<std::size_t>(y0) * t.width, t.texels.data() + static_cast<std::size_t>(y1) * t.width, wy};
}

// The atlas's value at (u, v) as GL_LINEAR with CLAMP_TO_EDGE gives it, 0-255, v's rows given.
inline std::uint32_t sample(const AlphaTexture& t, const AtlasRows& rows, float u) {
    float tx = u * static_cast<float>(t.width) - 0.5f;
    // Beyond [-1, width] both texels clamp to the same edge one and the weight does not matter:
    // kept there, floor is a truncation (no libm call, no NaN or overflow in the conversion).
    const float w = static_cast<float>(t.width);
    tx = tx > -1.0f ? (tx < w ? tx : w) : -1.0f;
    int x0 = static_cast<int>(tx);
    x0 -= static_cast<float>(x0) > tx;  // floor
    const float fx0 = static_cast<float>(x0);
    const std::uint32_t wx = static_cast<std::uint32_t>((tx - fx0) * 256.0f + 0.5f);
    int x1 = x0 + 1;
    const int mx = t.width - 1;
    x0 = x0 < 0 ? 0 : (x0 > mx ? mx : x0);
    x1 = x1 < 0 ? 0 : (x1 > mx ? mx : x1);
    const std::uint32_t top = rows.r0[x0] * (256 - wx) + rows.r0[x1] * wx;  // 0 .. 255 * 256
    // On a texel row (text at scale 1: most samples) the bottom row weighs nothing.
    if (rows.wy == 0) return (top + 128) >> 8;  // == (top * 256 + (1 << 15)) >> 16
    const std::uint32_t bottom = rows.r1[x0] * (256 - wx) + rows.r1[x1] * wx;
    return (top * (256 - rows.wy) + bottom * rows.wy + (1u << 15)) >> 16;
}

inline std::uint32_t sample(const AlphaTexture& t, float u, float v) { return sample(t, atlasRows(t, v), u); }

struct Edge {
    std::int64_t dx, dy, ax, ay, bias;
    // Walked row by row: c = q * S + r (0 <= r < S, S = |dy| * 256) for the current row, and
    // what a row down adds to c, split the same way; no division per row.
    std::int64_t c, q, r, S, qd, rd;

    // At row `cy` (a pixel centre's y, in 1/256).
    void start(std::int64_t cy) {
        // inside: dx * (cy - ay) - dy * (cx - ax) + bias >= 0, cx = px * 256 + 128,
        // i.e. c - s * px >= 0 with s = dy * 256
        c = dx * (cy - ay) - dy * (kSub / 2 - ax) + bias;
        S = dy < 0 ? -dy * kSub : dy * kSub;
        if (S == 0) return;
        q = floorDiv(c, S), r = c - q * S;
        const std::int64_t d = dx * kSub;
        qd = floorDiv(d, S), rd = d - qd * S;
    }
    void next() {
        if (S == 0) {
            c += dx * kSub;
            return;
        }
        q += qd, r += rd;
        if (r >= S) r -= S, ++q;
    }
    // The pixel columns of the current row inside this edge: [lo, hi].
    void span(std::int64_t& lo, std::int64_t& hi) const {
        if (S == 0) {
            if (c < 0) lo = 1, hi = 0;
        } else if (dy > 0) {
            hi = std::min(hi, q);  // floor(c / s)
        } else {
            lo = std::max(lo, -q);  // ceil(-c / -s)
        }
    }
};

// A triangle's attribute as a plane over the canvas: value at pixel (x, y) = at + x * ddx + y * ddy.
struct Plane {
    float at = 0, ddx = 0, ddy = 0;
    // Along row `y`: the value at pixel centre x is base + x * ddx, from x itself. Never summed
    // from the span's first pixel: that pixel depends on where a scissor (a damaged region)
    // cuts the row, and the sum's rounding with it, so a redrawn region would not match.
    struct Row {
        float base, ddx;
        float at(float x) const { return base + x * ddx; }
    };
    Row row(float y) const { return {at + y * ddy, ddx}; }
};

}  // namespace

void CpuCanvas::resize(int width, int height) {
    width_ = std::max(width, 0);
    height_ = std::max(height, 0);
    pixels_.assign(static_cast<std::size_t>(width_) * height_, 0xFF000000u);
}

void CpuCanvas::clear(const PixelRect& r, ImU32 color) {
    const PixelRect c = r.intersect({0, 0, width_, height_});
    if (c.empty()) return;
    const std::uint32_t v = color | 0xFF000000u;
    for (int y = c.y0; y < c.y1; ++y) fillRow(pixels_.data() + static_cast<std::size_t>(y) * width_ + c.x0, c.x1 - c.x0, v);
}

void CpuCanvas::triangle(const ImDrawVert& va, const ImDrawVert& vb, const ImDrawVert& vc, const PixelRect& scissor,
                         const AlphaTexture* atlas, ImVec2 whiteUv, const CanvasTransform& to) {
    const PixelRect clip = scissor.intersect({0, 0, width_, height_});
    if (clip.empty()) return;
    const ImDrawVert* v[3] = {&va, &vb, &vc};
    std::int64_t X[3], Y[3];
    for (int i = 0; i < 3; ++i) {
        X[i] = roundToInt(static_cast<double>((v[i]->pos.x - to.origin.x) * to.scale.x) * kSub);
        Y[i] = roundToInt(static_cast<double>((v[i]->pos.y - to.origin.y) * to.scale.y) * kSub);
    }
    std::int64_t area = (X[1] - X[0]) * (Y[2] - Y[0]) - (Y[1] - Y[0]) * (X[2] - X[0]);
    if (area == 0) return;
    if (area < 0) {  // wind it so that inside is where every edge function is >= 0
        std::swap(v[1], v[2]);
        std::swap(X[1], X[2]);
        std::swap(Y[1], Y[2]);
        area = -area;
    }
    Edge e[3];
    for (int i = 0; i < 3; ++i) {
        const int j = (i + 1) % 3;
        e[i].ax = X[i], e[i].ay = Y[i], e[i].dx = X[j] - X[i], e[i].dy = Y[j] - Y[i];
        // The top-left rule: a centre exactly on an edge belongs to the triangle on the edge's
        // right (y down) or, for a horizontal edge, the one below it.
        const bool topLeft = e[i].dy < 0 || (e[i].dy == 0 && e[i].dx > 0);
        e[i].bias = topLeft ? 0 : -1;
    }
    // Rows and columns whose centres can be inside.
    const std::int64_t minY = std::min({Y[0], Y[1], Y[2]}), maxY = std::max({Y[0], Y[1], Y[2]});
    const std::int64_t minX = std::min({X[0], X[1], X[2]}), maxX = std::max({X[0], X[1], X[2]});
    int y0 = static_cast<int>(std::max<std::int64_t>(clip.y0, -floorDiv(-(minY - kSub / 2), kSub)));
    int y1 = static_cast<int>(std::min<std::int64_t>(clip.y1 - 1, floorDiv(maxY - kSub / 2, kSub)));
    const std::int64_t bx0 = std::max<std::int64_t>(clip.x0, -floorDiv(-(minX - kSub / 2), kSub));
    const std::int64_t bx1 = std::min<std::int64_t>(clip.x1 - 1, floorDiv(maxX - kSub / 2, kSub));
    if (y0 > y1 || bx0 > bx1) return;

    const bool sameColor = va.col == vb.col && va.col == vc.col;
    const bool solid = atlas == nullptr || atlas->texels.empty() ||
                       (va.uv.x == whiteUv.x && va.uv.y == whiteUv.y && vb.uv.x == whiteUv.x && vb.uv.y == whiteUv.y &&
                        vc.uv.x == whiteUv.x && vc.uv.y == whiteUv.y);
    const std::uint32_t col = va.col;
    if (sameColor && ((col >> IM_COL32_A_SHIFT) & 0xFF) == 0) return;  // draws nothing

    // Planes of the attributes that vary, from the snapped positions (pixel units).
    const float px[3] = {X[0] / float(kSub), X[1] / float(kSub), X[2] / float(kSub)};
    const float py[3] = {Y[0] / float(kSub), Y[1] / float(kSub), Y[2] / float(kSub)};
    const float a2 = static_cast<float>(static_cast<double>(area) / (double(kSub) * kSub));
    auto plane = [&](float f0, float f1, float f2) {
        Plane p;
        p.ddx = ((f1 - f0) * (py[2] - py[0]) - (f2 - f0) * (py[1] - py[0])) / a2;
        p.ddy = ((f2 - f0) * (px[1] - px[0]) - (f1 - f0) * (px[2] - px[0])) / a2;
        p.at = f0 - px[0] * p.ddx - py[0] * p.ddy;
        return p;
    };
    Plane cr, cg, cb, ca, pu, pv;
    if (!sameColor) {
        auto ch = [&](int shift) {
            return plane(float((v[0]->col >> shift) & 0xFF), float((v[1]->col >> shift) & 0xFF), float((v[2]->col >> shift) & 0xFF));
        };
        cr = ch(IM_COL32_R_SHIFT), cg = ch(IM_COL32_G_SHIFT), cb = ch(IM_COL32_B_SHIFT), ca = ch(IM_COL32_A_SHIFT);
    }
    if (!solid) {
        pu = plane(v[0]->uv.x, v[1]->uv.x, v[2]->uv.x);
        pv = plane(v[0]->uv.y, v[1]->uv.y, v[2]->uv.y);
    }
    const std::uint32_t r = (col >> IM_COL32_R_SHIFT) & 0xFF, g = (col >> IM_COL32_G_SHIFT) & 0xFF,
                        b = (col >> IM_COL32_B_SHIFT) & 0xFF, a = (col >> IM_COL32_A_SHIFT) & 0xFF;
    const std::uint32_t opaque = col | 0xFF000000u;

    for (Edge& edge : e) edge.start(static_cast<std::int64_t>(y0) * kSub + kSub / 2);
    for (int y = y0; y <= y1; ++y, e[0].next(), e[1].next(), e[2].next()) {
        std::int64_t lo = bx0, hi = bx1;
        e[0].span(lo, hi);
        e[1].span(lo, hi);
        e[2].span(lo, hi);
        if (lo > hi) continue;
        std::uint32_t* row = pixels_.data() + static_cast<std::size_t>(y) * width_;
        const int x0 = static_cast<int>(lo), x1 = static_cast<int>(hi);
        const float fy = static_cast<float>(y) + 0.5f;
        float fx = static_cast<float>(x0) + 0.5f;  // the pixel centre's x, exact (+= 1 below)
        if (solid && sameColor) {
            if (a == 255) fillRow(row + x0, x1 - x0 + 1, opaque);
            else
                for (int x = x0; x <= x1; ++x) row[x] = blend(row[x], r, g, b, a);
        } else if (solid) {
            const Plane::Row vr = cr.row(fy), vg = cg.row(fy), vb = cb.row(fy), va_ = ca.row(fy);
            for (int x = x0; x <= x1; ++x, fx += 1.0f) {
                const std::uint32_t al = clampByte(va_.at(fx));
                if (al) row[x] = blend(row[x], clampByte(vr.at(fx)), clampByte(vg.at(fx)), clampByte(vb.at(fx)), al);
            }
        } else if (sameColor && pv.ddx == 0.0f) {
            // A glyph's quad: v is the same along the row, so are the atlas rows it reads.
            const Plane::Row u = pu.row(fy);
            const AtlasRows rows = atlasRows(*atlas, pv.row(fy).base);
            for (int x = x0; x <= x1; ++x, fx += 1.0f) {
                const std::uint32_t t = sample(*atlas, rows, u.at(fx));
                if (!t) continue;
                const std::uint32_t al = a == 255 ? t : div255(a * t);  // div255(255 * t) == t
                row[x] = al == 255 ? opaque : blend(row[x], r, g, b, al);  // what blend gives at 255
            }
        } else if (sameColor) {
            const Plane::Row u = pu.row(fy), w = pv.row(fy);
            for (int x = x0; x <= x1; ++x, fx += 1.0f) {
                const std::uint32_t t = sample(*atlas, u.at(fx), w.at(fx));
                if (t) row[x] = blend(row[x], r, g, b, div255(a * t));
            }
        } else {
            const Plane::Row vr = cr.row(fy), vg = cg.row(fy), vb = cb.row(fy), va_ = ca.row(fy);
            const Plane::Row u = pu.row(fy), w = pv.row(fy);
            for (int x = x0; x <= x1; ++x, fx += 1.0f) {
                const std::uint32_t al = div255(clampByte(va_.at(fx)) * sample(*atlas, u.at(fx), w.at(fx)));
                if (al) row[x] = blend(row[x], clampByte(vr.at(fx)), clampByte(vg.at(fx)), clampByte(vb.at(fx)), al);
            }
        }
    }
}

void CpuCanvas::play(const DrawPlan& plan, const AlphaTexture& atlas, ImVec2 whiteUv, const CanvasTransform& to) {
    const auto& vertices = plan.vertices();
    const auto& indices = plan.indices();
    for (const DrawBatch& batch : plan.batches()) {
        if (batch.count == 0) {
            clear(batch.scissor, batch.clear);
            continue;
        }
        const AlphaTexture* texture = batch.solid || batch.texture == 0 ? nullptr : &atlas;
        for (std::uint32_t k = batch.first; k + 2 < batch.first + batch.count; k += 3)
            triangle(vertices[indices[k]], vertices[indices[k + 1]], vertices[indices[k + 2]], batch.scissor, texture, whiteUv, to);
    }
}

}  // namespace rc::web
