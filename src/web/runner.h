// The browser runner: the SDL2 window and its canvas (WebGL 2, or 2D for the CPU rasteriser),
// Dear ImGui's context and its SDL backend, and the loop that draws only when something changed
// (input, a finished request, a resize, an animation, a layout that has not settled) and nothing
// while idle. The console is a set of callbacks (after hello_imgui's runner); main.cpp, the
// composition root, supplies them.
#pragma once
#include <SDL.h>

#include <functional>
#include <string>

#include "imgui.h"
#include "web/input.h"
#include "web/renderer.h"

namespace rc::web {

// What the console does in a frame, in the order the runner calls it (hello_imgui's
// RunnerCallbacks, as an interface: one vtable rather than a std::function per step).
class RunnerCallbacks {
public:
    // A person's input event: false keeps it from ImGui (kiosk mode's "Still there?").
    virtual bool admitInput(const SDL_Event& event) = 0;
    // After input, before ImGui's frame: answers, timers, fonts.
    virtual void beforeFrame() = 0;
    // Right before ImGui::NewFrame (the accessibility mirror hands ImGui the page's requests).
    virtual void preNewFrame() = 0;
    // The console's windows, between ImGui::NewFrame and ImGui::Render.
    virtual void showGui() = 0;
    // After ImGui::Render (fonts the frame's text needs).
    virtual void afterRender() = 0;
    // The colour behind everything (the theme's, which can change while running).
    virtual ImU32 clearColor() = 0;
    // After a frame was drawn: the page follows it (toasts' timer, Google's button).
    virtual void afterDraw() = 0;
    // Whether the console needs another frame right away (answers waiting, an animation, a
    // layout still moving); asked once after every drawn frame.
    virtual bool wantsFrame() = 0;
    // Before the first frame is drawn: keep the loading screen a moment longer (answers the
    // page fetched ahead are on their way; the console wakes the loop when one arrives).
    virtual bool holdFirstFrame() = 0;
    // Asked with wantsFrame: the next frame continues a motion (ui::requestMotion), so without
    // new input its first build is drawn as it is.
    virtual bool nextFrameInMotion() = 0;

protected:
    ~RunnerCallbacks() = default;
};

// When to draw: a frame for each change and a few after, so ImGui's hover and layout settle;
// idle, no frame at all (one requestAnimationFrame per frame asked for).
class FramePacer {
public:
    // `drawFrame` draws one frame and returns how many more frames it still needs (0: none).
    explicit FramePacer(std::function<int()> drawFrame) : drawFrame_(std::move(drawFrame)) {}
    // Asks for at least `n` more frames, starting at the next animation frame.
    void request(int n);
    bool pending() const { return pending_; }

private:
    static int onAnimationFrame(double, void* self);
    std::function<int()> drawFrame_;
    int framesLeft_ = 0;
    bool pending_ = false;
};

class Runner {
public:
    // SDL, the canvas's WebGL 2 context (keeping its pixels between frames) or, where the page
    // chose the CPU rasteriser (web/paint.js), none; ImGui's context and backend, the renderer.
    // False (with the reason logged) when the browser cannot give a context.
    bool init(const char* title, RunnerCallbacks& callbacks);
    // After init, before the first frame: ImGui's clipboard goes to the page.
    Input& input() { return input_; }

    // Asks for at least `n` frames (input, answers and timers all come through here).
    void requestFrames(int n) { pacer_.request(n); }
    // The page's paste event and text without keypresses, in order with SDL's keys.
    void paste(const std::string& text);
    void type(const std::string& text);

    Renderer& renderer() { return renderer_; }
    // Frames drawn so far (idle, this number stays still), and milliseconds spent building
    // ImGui frames in all (the accessibility mirror's benchmark compares against it).
    unsigned long framesDrawn() const { return framesDrawn_; }
    double buildMs() const { return buildMs_; }
    unsigned long framesBuilt() const { return framesBuilt_; }

private:
    int drawFrame();
    void buildFrame();
    void drawBuiltFrame(bool settled);
    static int onSdlEvent(void* self, SDL_Event* event);

    SDL_Window* window_ = nullptr;
    SDL_GLContext gl_ = nullptr;
    RunnerCallbacks* callbacks_ = nullptr;
    Input input_;
    Renderer renderer_;
    FramePacer pacer_{[this] { return drawFrame(); }};
    bool inputWaiting_ = false;  // events left in SDL's queue for the next frame
    unsigned long framesDrawn_ = 0;
    bool shown_ = false;  // the page took its loading screen away (notifyFirstFrame)
    bool framed_ = false;  // the first animation frame came
    bool inMotion_ = false;  // this frame continues a motion (RunnerCallbacks::nextFrameInMotion)
    double buildMs_ = 0;
    unsigned long framesBuilt_ = 0;
};

// Wakes the runner at a time on the platform clock (idle, the loop draws nothing by itself):
// a toast's end, a search after a pause in typing, the kiosk's idle clock.
class WakeTimer {
public:
    explicit WakeTimer(Runner& runner) : runner_(runner) {}
    // `next` and `now` in seconds of the platform clock; next = 0: no wake-up.
    void set(double next, double now);

private:
    static void fire(void* self);
    Runner& runner_;
    double at_ = 0;  // 0: not set
    long id_ = 0;
};

}  // namespace rc::web
