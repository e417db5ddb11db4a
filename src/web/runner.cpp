#include "web/runner.h"

#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cstdint>

#include "imgui_impl_sdl2.h"
#include "imgui_internal.h"
#include "web/web_platform.h"

namespace rc::web {
namespace {

// At most this many ImGui frames are built back to back for one drawn frame.
constexpr int kSettleFrames = 3;

}  // namespace

void FramePacer::request(int n) {
    framesLeft_ = std::max(framesLeft_, n);
    if (!pending_ && framesLeft_ > 0) {
        pending_ = true;
        emscripten_request_animation_frame(onAnimationFrame, this);
    }
}

int FramePacer::onAnimationFrame(double, void* self) {
    auto& pacer = *static_cast<FramePacer*>(self);
    pacer.pending_ = false;
    int more = pacer.drawFrame_();
    pacer.framesLeft_ = std::max(pacer.framesLeft_ - 1, more);
    if (pacer.framesLeft_ > 0) pacer.request(pacer.framesLeft_);
    return EM_FALSE;
}

void WakeTimer::set(double next, double now) {
    if (next == at_) return;
    if (id_) emscripten_clear_timeout(id_);
    id_ = 0;
    at_ = next;
    if (next > 0) id_ = emscripten_set_timeout(&WakeTimer::fire, std::max(0.0, (next - now) * 1000.0) + 16.0, this);
}

void WakeTimer::fire(void* self) {
    auto* timer = static_cast<WakeTimer*>(self);
    timer->id_ = 0;
    timer->at_ = 0;
    timer->runner_.requestFrames(1);
}

// The page made the canvas's context before the program started (web/paint.js): WebGL 2, or a
// 2D canvas that the CPU rasteriser's frames are copied onto.
EM_JS(int, rc_js_paint_is_cpu, (), { return rcWeb.paint && rcWeb.paint.isCpu() ? 1 : 0; });

bool Runner::init(const char* title, RunnerCallbacks& callbacks) {
    callbacks_ = &callbacks;
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        emscripten_log(EM_LOG_ERROR, "SDL_Init failed: %s", SDL_GetError());
        return false;
    }
    const bool cpu = rc_js_paint_is_cpu() != 0;
    double cssW = 1280, cssH = 800;
    canvasCssSize(cssW, cssH);
    // RESIZABLE with a CSS-sized canvas: SDL follows the page's size; HIGHDPI: backing store in device pixels.
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (!cpu) {
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
        SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
        // The canvas keeps its pixels between frames: a frame redraws only what changed. (The page
        // made the context already, with these attributes: web/paint.js; this is for a page without.)
        EM_ASM({ if (typeof EGL !== "undefined") EGL.contextAttributes.preserveDrawingBuffer = true; });
        flags |= SDL_WINDOW_OPENGL;
    }
    window_ = SDL_CreateWindow(title, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, static_cast<int>(cssW),
                               static_cast<int>(cssH), flags);
    if (!cpu && window_) gl_ = SDL_GL_CreateContext(window_);
    if (!window_ || (!cpu && !gl_)) {
        emscripten_log(EM_LOG_ERROR, "The console's canvas could not be set up: %s", SDL_GetError());
        return false;
    }
    if (!cpu) SDL_GL_MakeCurrent(window_, gl_);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is code, not a saved file
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would need a frame every half second
    io.ConfigMacOSXBehaviors = isMacPlatform();  // Cmd shortcuts, Mac word movement
    if (cpu) {
        ImGui_ImplSDL2_InitForOther(window_);
        if (!renderer_.initCpu()) return false;
    } else {
        ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
        EmscriptenWebGLContextAttributes attrs;
        emscripten_webgl_init_context_attributes(&attrs);
        emscripten_webgl_get_context_attributes(emscripten_webgl_get_current_context(), &attrs);
        if (!renderer_.init(attrs.preserveDrawingBuffer)) return false;
    }
    SDL_AddEventWatch(&Runner::onSdlEvent, this);
    return true;
}

// Called by SDL as each event is queued (from the page's event handlers): wake the loop.
int Runner::onSdlEvent(void* self, SDL_Event* event) {
    // SDL_PollEvent queues a sentinel on every pump; waking for it would draw forever.
    if (event->type == SDL_POLLSENTINEL) return 0;
    static_cast<Runner*>(self)->requestFrames(1);
    return 0;
}

void Runner::paste(const std::string& text) {
    input_.paste(text);
    requestFrames(1);
}

void Runner::type(const std::string& text) {
    input_.type(text);
    requestFrames(1);
}

// Builds one ImGui frame (input, answers, the console's windows) without drawing it.
void Runner::buildFrame() {
    double started = emscripten_get_now();
    inputWaiting_ = !input_.poll(*callbacks_);
    callbacks_->beforeFrame();
    ImGui_ImplSDL2_NewFrame();
    // Frames built back to back can be within one clock tick; ImGui needs time to pass.
    if (ImGui::GetIO().DeltaTime <= 0) ImGui::GetIO().DeltaTime = 1e-4f;
    callbacks_->preNewFrame();
    ImGui::NewFrame();
    callbacks_->showGui();
    ImGui::Render();
    callbacks_->afterRender();
    buildMs_ += emscripten_get_now() - started;
    ++framesBuilt_;
}

// Draws the last built frame and lets the page follow it (text input, the first frame).
void Runner::drawBuiltFrame(bool settled) {
    renderer_.render(*ImGui::GetDrawData(), callbacks_->clearColor());
    callbacks_->afterDraw();
    input_.followTextInput();
    if (++framesDrawn_ == 1) startupMark("first-frame");
    // The first frames measure and centre the layout: the page is shown with the first frame
    // that stood still while it was built, the third at the latest.
    if (!shown_ && (settled || framesDrawn_ >= 3)) {
        shown_ = true;
        notifyFirstFrame();
    }
}

// One drawn frame; returns how many more the console needs right away (0: none, wait for an
// event). ImGui takes a frame or two to settle after an event (a row's hover shows a frame after
// the pointer arrives): those frames are built back to back and only the settled one is drawn,
// so a hover or a keypress costs the rasteriser one frame, not three.
int Runner::drawFrame() {
    if (framesDrawn_ == 0 && !framed_) {
        framed_ = true;
        startupMark("frame");  // the first animation frame (the trace's: what ran since main())
    }
    std::uint64_t last = 0;
    bool settled = false;
    const bool motion = inMotion_;
    inMotion_ = false;
    for (int i = 0; i < kSettleFrames && !settled; ++i) {
        buildFrame();
        // A step of a motion, or a wheel step, with no other input: drawn as built. A second
        // build to settle hover would double a gliding list's cost per frame; hover catches up
        // in the next frame (the motion's next step, or the frames the moved items ask for:
        // wantsFrame), and the motion's last step is settled.
        if (i == 0 && shown_ && !inputWaiting_ && input_.wheelOnly() && (motion || !input_.idle())) break;
        std::uint64_t look = Renderer::contentHash(*ImGui::GetDrawData());
        settled = i > 0 && look == last;
        last = look;
    }
    // Under software WebGL the first frame is the dearest (shaders, the whole screen) and holds
    // the next one back: draw it with the first rows rather than without them just before.
    if (framesDrawn_ == 0 && callbacks_->holdFirstFrame()) return 0;
    if (framesDrawn_ == 0) startupMark("built");  // the first frame to draw is built
    drawBuiltFrame(settled);
    int more = 0;
    if (callbacks_->wantsFrame()) more = 1;
    inMotion_ = callbacks_->nextFrameInMotion();
    // ImGui applies fast input over several frames (one change per key per frame): fast typing
    // or a paste must not be left waiting in its queue until the next event.
    if (GImGui->InputEventsQueue.Size > 0 || inputWaiting_) more = 1;
    // A button fires in the frame that applies the release; what it changed shows in the next.
    for (bool released : GImGui->IO.MouseReleased)
        if (released) more = 1;
    return more;
}

}  // namespace rc::web
