#include "web/renderer.h"

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace rc::web {
namespace {

const char* kVertexShader = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
uniform vec4 Proj;  // xy: scale, zw: offset, from ImGui's coordinates to clip space
uniform vec2 WhiteUv;  // the atlas's opaque white texel, where ImGui's solid fills sample
out vec2 Frag_UV;
out vec4 Frag_Color;
// 1: a solid fill. Taken from the triangle's last vertex: ImGui's triangles sample the white
// texel at all three vertices or at none (text, textured lines).
flat out int Frag_Solid;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    Frag_Solid = UV == WhiteUv ? 1 : 0;
    gl_Position = vec4(Position * Proj.xy + Proj.zw, 0.0, 1.0);
}
)";

const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
flat in int Frag_Solid;
layout (location = 0) out vec4 Out_Color;
void main() {
    // The only texture is the font atlas, single-channel: white with coverage as alpha. A solid
    // fill would read 1.0 there: under software WebGL the texture read is most of a pixel's
    // cost, so its pixels skip it, with the same colour as the fill program below gives them.
    if (Frag_Solid == 1) Out_Color = Frag_Color;
    else Out_Color = Frag_Color * vec4(1.0, 1.0, 1.0, texture(Texture, Frag_UV.st).r);
}
)";

// For batches of solid fills only (draw_plan.h): the vertex colour, no texture read.
const char* kFillShader = R"(#version 300 es
precision mediump float;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() { Out_Color = Frag_Color; }
)";

GLuint compile(GLenum kind, const char* source) {
    GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        emscripten_log(EM_LOG_ERROR, "renderer: shader did not compile: %s", log);
    }
    return shader;
}

void scissor(const PixelRect& r, int fbH) { glScissor(r.x0, fbH - r.y1, r.x1 - r.x0, r.y1 - r.y0); }

GLuint link(GLuint vs, const char* fragmentSource) {
    GLuint fs = compile(GL_FRAGMENT_SHADER, fragmentSource);
    GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok) return program;
    emscripten_log(EM_LOG_ERROR, "renderer: shader program did not link");
    glDeleteProgram(program);
    return 0;
}

}  // namespace

bool Renderer::init(bool preserved) {
    preserved_ = preserved;
    GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader);
    program_ = link(vs, kFragmentShader);
    fillProgram_ = link(vs, kFillShader);
    glDeleteShader(vs);
    if (!program_ || !fillProgram_) return false;
    locProj_ = glGetUniformLocation(program_, "Proj");
    locTex_ = glGetUniformLocation(program_, "Texture");
    locWhiteUv_ = glGetUniformLocation(program_, "WhiteUv");
    locFillProj_ = glGetUniformLocation(fillProgram_, "Proj");
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vbo_);
    glGenBuffers(1, &ebo_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    ImGui::GetIO().BackendRendererName = "rc_webgl2_damage";
    ImGui::GetIO().BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    return true;
}

void Renderer::uploadFontAtlas() {
    if (cpu_) return uploadFontAtlasCpu();
    ImGuiIO& io = ImGui::GetIO();
    // One byte a texel (the atlas is white; only its coverage varies): a quarter of RGBA's
    // upload and of the bytes the rasteriser reads per glyph pixel. Read as ui::loadFonts built
    // it: GetTexDataAsAlpha8 would build a missing atlas with ImGui's own font, and so keep that
    // font's 12 KB in app.wasm.
    unsigned char* pixels = io.Fonts->TexPixelsAlpha8;
    int w = io.Fonts->TexWidth, h = io.Fonts->TexHeight;
    if (pixels == nullptr) return;
    if (fontTexture_) glDeleteTextures(1, &fontTexture_);
    glGenTextures(1, &fontTexture_);
    glBindTexture(GL_TEXTURE_2D, fontTexture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(fontTexture_)));
    // The texels live in WebGL now; the wasm heap's copy is not needed until the next build.
    io.Fonts->ClearTexData();
    tracker_.invalidate();
}

void Renderer::setupState(const ImDrawData& data, int fbW, int fbH) {
    glViewport(0, 0, fbW, fbH);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    float sx = 2.0f / data.DisplaySize.x, sy = -2.0f / data.DisplaySize.y;
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    glUseProgram(fillProgram_);
    glUniform4f(locFillProj_, sx, sy, -1.0f - data.DisplayPos.x * sx, 1.0f - data.DisplayPos.y * sy);
    glUseProgram(program_);
    glUniform1i(locTex_, 0);
    glUniform2f(locWhiteUv_, white.x, white.y);
    glUniform4f(locProj_, sx, sy, -1.0f - data.DisplayPos.x * sx, 1.0f - data.DisplayPos.y * sy);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao_);
}

// Clears each region and draws the triangles that touch it, in ImGui's order (draw_plan.h:
// what an opaque shape covers whole is cleared in its colour instead of drawn).
void Renderer::drawRegions(const ImDrawData& data, const std::vector<PixelRect>& regions, ImU32 clearColor, int fbH, bool cull) {
    plan_.build(data, regions, clearColor, ImGui::GetIO().Fonts->TexUvWhitePixel, cull);
    countPlan(data);

    const auto& vertices = plan_.vertices();
    const auto& indices = plan_.indices();
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(ImDrawVert)), vertices.data(), GL_STREAM_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)), indices.data(), GL_STREAM_DRAW);
    unsigned bound = 0;
    bool fill = false;  // setupState left the textured program in use
    ImU32 cleared = 0;
    bool clearSet = false;
    for (const DrawBatch& b : plan_.batches()) {
        scissor(b.scissor, fbH);
        if (b.count == 0) {
            if (!clearSet || b.clear != cleared) {
                ImVec4 c = ImGui::ColorConvertU32ToFloat4(b.clear);
                glClearColor(c.x, c.y, c.z, 1.0f);
                cleared = b.clear;
                clearSet = true;
            }
            glClear(GL_COLOR_BUFFER_BIT);
            continue;
        }
        if (b.solid != fill) glUseProgram((fill = b.solid) ? fillProgram_ : program_);
        if (b.texture != bound) glBindTexture(GL_TEXTURE_2D, bound = b.texture);
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(b.count), GL_UNSIGNED_INT,
                       reinterpret_cast<void*>(static_cast<std::uintptr_t>(b.first) * sizeof(std::uint32_t)));
        ++stats_.drawCalls;
    }
}

void Renderer::countPlan(const ImDrawData& data) {
    const PlanStats& ps = plan_.stats();
    std::uint64_t inFrame = 0;
    for (int l = 0; l < data.CmdListsCount; ++l) inFrame += static_cast<std::uint64_t>(data.CmdLists[l]->IdxBuffer.Size / 3);
    stats_.trianglesInFrames += inFrame;
    stats_.trianglesDrawn += ps.triangles;
    stats_.trianglesCulled += ps.culled;
    stats_.trianglePixels += ps.trianglePixels;
    stats_.clearedPixels += ps.clearedPixels;
    stats_.fillPixels += ps.fillPixels;
    stats_.solidPixels += ps.solidPixels;
    stats_.solidBatches += ps.solidBatches;
}

std::uint64_t Renderer::contentHash(const ImDrawData& data) {
    std::uint64_t h = 1469598103934665603ull;
    auto bytes = [&h](const void* p, std::size_t n) {
        const auto* c = static_cast<const unsigned char*>(p);
        std::size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            std::uint64_t w;
            std::memcpy(&w, c + i, 8);
            h = (h ^ w) * 0x100000001B3ull;
            h ^= h >> 29;
        }
        for (; i < n; ++i) h = (h ^ c[i]) * 0x100000001B3ull;
    };
    bytes(&data.DisplaySize, sizeof data.DisplaySize);
    bytes(&data.FramebufferScale, sizeof data.FramebufferScale);
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList* list = data.CmdLists[l];
        bytes(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        bytes(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            bytes(&cmd.ClipRect, sizeof cmd.ClipRect);
            ImTextureID tex = cmd.GetTexID();
            bytes(&tex, sizeof tex);
            bytes(&cmd.VtxOffset, sizeof cmd.VtxOffset);
            bytes(&cmd.IdxOffset, sizeof cmd.IdxOffset);
            bytes(&cmd.ElemCount, sizeof cmd.ElemCount);
        }
    }
    return h;
}

void Renderer::render(const ImDrawData& data, ImU32 clearColor) {
    const double started = emscripten_get_now();
    renderFrame(data, clearColor);
    stats_.renderMs += emscripten_get_now() - started;
}

void Renderer::renderFrame(const ImDrawData& data, ImU32 clearColor) {
    ++stats_.frames;
    int fbW = static_cast<int>(data.DisplaySize.x * data.FramebufferScale.x);
    int fbH = static_cast<int>(data.DisplaySize.y * data.FramebufferScale.y);
    if (fbW <= 0 || fbH <= 0) return;
    if (!preserved_ || alwaysFull_) tracker_.invalidate();
    if (cpu_ && (canvas_.width() != fbW || canvas_.height() != fbH)) {
        canvas_.resize(fbW, fbH);  // the page's canvas was resized too, and cleared: redraw whole
        tracker_.invalidate();
    }
    const std::vector<PixelRect>& damage = tracker_.update(data);
    if (damage.empty()) {
        ++stats_.skipped;  // the canvas already shows this frame
        return;
    }
    ++stats_.drawn;
    if (damage.size() == 1 && damage[0] == tracker_.framebuffer()) ++stats_.fullRedraws;
    stats_.damagedPixels += static_cast<double>(tracker_.damagedArea());
    stats_.screenPixels += static_cast<double>(tracker_.framebuffer().area());
    if (cpu_) return renderCpu(data, damage, clearColor);
    setupState(data, fbW, fbH);
    drawRegions(data, damage, clearColor, fbH);
}

std::string Renderer::verifyJson(const ImDrawData& data, ImU32 clearColor) {
    int fbW = static_cast<int>(data.DisplaySize.x * data.FramebufferScale.x);
    int fbH = static_cast<int>(data.DisplaySize.y * data.FramebufferScale.y);
    if (fbW <= 0 || fbH <= 0) return R"({"error":"no frame"})";
    if (cpu_) return verifyCpuJson(data, clearColor);
    std::vector<unsigned char> shown(static_cast<std::size_t>(fbW) * fbH * 4), full(shown.size());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glReadPixels(0, 0, fbW, fbH, GL_RGBA, GL_UNSIGNED_BYTE, shown.data());

    GLuint texture = 0, fbo = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, fbW, fbH, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
    FrameStats keep = stats_;
    setupState(data, fbW, fbH);
    // Every triangle drawn, nothing culled: the reference for the cleared-not-drawn regions too.
    drawRegions(data, {tracker_.framebuffer()}, clearColor, fbH, /*cull=*/false);
    stats_ = keep;
    glReadPixels(0, 0, fbW, fbH, GL_RGBA, GL_UNSIGNED_BYTE, full.data());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glDeleteTextures(1, &texture);

    long long differ = 0;
    int firstX = -1, firstY = -1;
    for (int y = 0; y < fbH; ++y)
        for (int x = 0; x < fbW; ++x) {
            std::size_t i = (static_cast<std::size_t>(y) * fbW + x) * 4;
            if (shown[i] != full[i] || shown[i + 1] != full[i + 1] || shown[i + 2] != full[i + 2]) {
                if (differ++ == 0) firstX = x, firstY = fbH - 1 - y;
            }
        }
    char buf[160];
    std::snprintf(buf, sizeof buf, R"({"width":%d,"height":%d,"differ":%lld,"first":[%d,%d]})", fbW, fbH, differ, firstX, firstY);
    return buf;
}

std::string Renderer::statsJson() const {
    char buf[1024];  // 17 numbers of up to 20 digits and their names: about 700 characters at most
    std::snprintf(buf, sizeof buf,
                  R"({"frames":%llu,"drawn":%llu,"skipped":%llu,"fullRedraws":%llu,"damagedPixels":%.0f,"screenPixels":%.0f,)"
                  R"("drawCalls":%llu,"trianglesDrawn":%llu,"trianglesInFrames":%llu,"trianglesCulled":%llu,)"
                  R"("trianglePixels":%.0f,"clearedPixels":%.0f,"fillPixels":%.0f,"solidPixels":%.0f,"solidBatches":%llu,"renderMs":%.1f,"preserved":%s,"renderer":"%s"})",
                  static_cast<unsigned long long>(stats_.frames), static_cast<unsigned long long>(stats_.drawn),
                  static_cast<unsigned long long>(stats_.skipped), static_cast<unsigned long long>(stats_.fullRedraws),
                  stats_.damagedPixels, stats_.screenPixels, static_cast<unsigned long long>(stats_.drawCalls),
                  static_cast<unsigned long long>(stats_.trianglesDrawn), static_cast<unsigned long long>(stats_.trianglesInFrames),
                  static_cast<unsigned long long>(stats_.trianglesCulled), stats_.trianglePixels, stats_.clearedPixels,
                  stats_.fillPixels, stats_.solidPixels, static_cast<unsigned long long>(stats_.solidBatches), stats_.renderMs,
                  preserved_ ? "true" : "false", cpu_ ? "cpu" : "webgl");
    return buf;
}

}  // namespace rc::web
