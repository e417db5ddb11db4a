// The browser entry point: SDL2 + WebGL 2, Dear ImGui, and a main loop that draws only when
// something changed (input, a finished request, a resize, an animation) and a few frames after;
// the drawing itself (damage tracking, frame pacing) is web/renderer.
#include <SDL.h>
#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <nlohmann/json.hpp>
#include <string>

#include "core/i18n.h"
#include "core/main_queue.h"
#include "core/store.h"
#include "imgui.h"
#include "imgui_impl_sdl2.h"
#include "imgui_internal.h"
#include "ui/a11y_tree.h"
#include "ui/console_ui.h"
#include "ui/item_registry.h"
#include "ui/layout.h"
#include "ui/script_fonts.h"
#include "ui/sign_in_view.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "web/fetch_transport.h"
#include "web/kiosk_input.h"
#include "web/renderer.h"
#include "web/web_platform.h"

namespace {

// An event asks for one frame; ImGui's hover and click state settle within it (see drawFrame).
constexpr int kFramesAfterEvent = 1;
// At most this many ImGui frames are built back to back for one drawn frame.
constexpr int kSettleFrames = 3;

void wakeLoop();

// Wakes the loop at a time on the platform clock (idle, the loop draws nothing by itself).
struct WakeTimer {
    double at = 0;  // 0: not set
    long id = 0;

    void set(double next, double now) {
        if (next == at) return;
        if (id) emscripten_clear_timeout(id);
        id = 0;
        at = next;
        if (next > 0) id = emscripten_set_timeout(&WakeTimer::fire, std::max(0.0, (next - now) * 1000.0) + 16.0, this);
    }

    static void fire(void* self) {
        auto* timer = static_cast<WakeTimer*>(self);
        timer->id = 0;
        timer->at = 0;
        wakeLoop();
    }
};

struct App {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    rc::MainQueue queue;
    rc::web::FetchTransport transport{queue, [] { requestFrames(kFramesAfterEvent); }};
    rc::web::WebPlatform platform{queue, [] { requestFrames(kFramesAfterEvent); }};
    rc::Store store{transport, platform};
    rc::ui::ConsoleUi ui;
    rc::ui::ItemRegistry registry;
    rc::ui::a11y::Mirror mirror;  // the accessibility tree the page keeps in step (web/a11y.js)
    double mirrorMs = 0;          // time spent building the mirror and its diffs, for the benchmark
    double buildMs = 0;           // time spent building ImGui frames in all (the mirror's peer)
    unsigned long mirrorFrames = 0;
    rc::web::Renderer renderer;
    rc::web::FramePacer pacer{[] { return drawFrame(); }};
    unsigned long frameCount = 0;
    float fontDensity = 0;
    std::string itemsJson;
    std::string activeInputJson;
    std::string clipboard;  // what ImGui pastes: the text of the browser's latest paste event
    // Pastes wait in SDL's queue (as an event of this type) so they land after the keys before them.
    Uint32 pasteEventType = 0;
    std::deque<std::string> pastes;
    bool pasteInFlight = false;  // injected into ImGui, not yet applied
    // Text from the page's text agent waits in SDL's queue too, behind the keys before it.
    Uint32 textEventType = 0;
    std::deque<std::string> texts;
    int settleFrames = 0;  // frames drawn in a row only because the layout was still moving
    bool inputWaiting = false;   // events left in SDL's queue for the next frame
    WakeTimer toastTimer;  // the next toast to leave
    WakeTimer kioskTimer;  // the kiosk's idle clock
    rc::web::KioskInputGate kioskGate;
    bool touchScreen = false;  // the page's pointer is coarse (a finger)

    static void requestFrames(int n);
    static int drawFrame();
};

App* gApp = nullptr;

void wakeLoop() { App::requestFrames(1); }

// The browser's prefers-reduced-motion and prefers-contrast: more, read at start-up (web/a11y.js
// reports later changes through rc_set_preferences).
EM_JS(int, browser_preferences, (), {
    var m = function(q) { return window.matchMedia && window.matchMedia(q).matches; };
    return (m("(prefers-reduced-motion: reduce)") ? 1 : 0) | (m("(prefers-contrast: more)") ? 2 : 0);
});

void applyPreferences(int prefs) {
    rc::ui::setReducedMotion((prefs & 1) != 0);
    if (rc::ui::highContrast() != ((prefs & 2) != 0)) {
        rc::ui::setHighContrast((prefs & 2) != 0);
        rc::ui::applyTheme(rc::ui::shell().touch);
    }
}

// Hands a frame's accessibility diff to web/a11y.js (nothing is called while nothing changed).
EM_JS(void, a11y_apply, (const char* diff), {
    if (window.rcA11y) window.rcA11y.apply(UTF8ToString(diff));
});

void App::requestFrames(int n) {
    if (gApp) gApp->pacer.request(n);
}

// Called by SDL as each event is queued (from the page's event handlers): wake the loop.
int onSdlEvent(void*, SDL_Event* event) {
    // SDL_PollEvent queues a sentinel on every pump; waking for it would draw forever.
    if (event->type == SDL_POLLSENTINEL) return 0;
    App::requestFrames(kFramesAfterEvent);
    return 0;
}

void reloadFontsIfNeeded(App& app) {
    float density = static_cast<float>(rc::web::devicePixelRatio());
    if (density <= 0) density = 1;
    // Also when a script font (Greek, Hebrew, CJK...) brought characters a drawn text needs.
    if (std::fabs(density - app.fontDensity) < 0.01f && !rc::ui::scriptFonts().atlasStale()) return;
    app.fontDensity = density;
    rc::ui::loadFonts("/fonts", density);
    app.renderer.uploadFontAtlas();
}

// Toasts leave on their own and a search is sent after a pause in typing: wake the loop when
// the next of them is due, and draw once more if a toast just left.
void expireToasts(App& app) {
    std::size_t before = app.store.state().toasts.size();
    double next = app.store.runTimers();
    if (app.store.state().toasts.size() != before) App::requestFrames(1);
    app.toastTimer.set(next, app.platform.now());
}

// The kiosk's idle clock, applied before each frame; its timer wakes the loop for the notice,
// each second of its countdown and the start-over.
void tickKiosk(App& app) { app.kioskTimer.set(app.store.kiosk().tick(), app.platform.now()); }

// Google's client script is loaded once the config names a client id. The store mirrors how
// it fared (also after the store restarts), before the frame draws.
void syncGoogleStatus(App& app) {
    const rc::AppState& s = app.store.state();
    if (s.phase == rc::Phase::Booting || s.config.googleClientId.empty()) return;
    app.platform.startGoogle(s.config.googleClientId);
    if (s.signIn.google != app.platform.googleStatus()) app.store.session().setGoogleStatus(app.platform.googleStatus());
}

// Google's button (a DOM element) follows the place the sign-in screen kept for it this frame.
void placeGoogleButton(App& app) {
    const rc::ui::GoogleButtonSlot& slot = rc::ui::googleButtonSlot();
    const char* locale = rc::language() == rc::Language::German ? "de" : "en";
    // Only the sign-in screen shows it, whatever a stale slot says.
    bool visible = slot.visible && app.store.state().phase == rc::Phase::SignedOut;
    app.platform.placeGoogleButton(visible, slot.x, slot.y, slot.w, slot.h, locale);
}

// The browser's paste event carries the text; ImGui pastes it through its own shortcut, so
// selection replacement, filters and undo behave as for any paste.
void pasteIntoImGui(App& app, const std::string& text) {
    app.clipboard = text;
    ImGuiIO& io = ImGui::GetIO();
    ImGuiKey shortcut = io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl;
    for (ImGuiKey mod : {ImGuiMod_Ctrl, ImGuiMod_Shift, ImGuiMod_Alt, ImGuiMod_Super}) io.AddKeyEvent(mod, mod == shortcut);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    // Back to the keys actually held, as SDL knows them.
    SDL_Keymod held = SDL_GetModState();
    io.AddKeyEvent(ImGuiMod_Ctrl, (held & KMOD_CTRL) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (held & KMOD_SHIFT) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (held & KMOD_ALT) != 0);
    io.AddKeyEvent(ImGuiMod_Super, (held & KMOD_GUI) != 0);
}

// Called from the page's paste event, between SDL's key events: queue it behind them.
void queuePaste(App& app, const std::string& text) {
    app.pastes.push_back(text);
    SDL_Event event{};
    event.type = app.pasteEventType;
    if (app.pasteEventType == static_cast<Uint32>(-1) || SDL_PushEvent(&event) <= 0) {
        app.pastes.pop_back();
        pasteIntoImGui(app, text);  // no event slot: paste now rather than never
    }
}

// Browsers on a Mac send no keyup for keys pressed while Cmd is held (Cmd+Backspace would
// keep deleting): when Cmd goes up, ImGui lets go of every other key SDL still thinks is down.
void releaseKeysHeldWithCmd(const SDL_Event& event) {
    if (!ImGui::GetIO().ConfigMacOSXBehaviors || event.type != SDL_KEYUP) return;
    SDL_Scancode code = event.key.keysym.scancode;
    if (code != SDL_SCANCODE_LGUI && code != SDL_SCANCODE_RGUI) return;
    int count = 0;
    const Uint8* down = SDL_GetKeyboardState(&count);
    for (int sc = 0; sc < count; ++sc) {
        if (!down[sc] || (sc >= SDL_SCANCODE_LCTRL && sc <= SDL_SCANCODE_RGUI)) continue;
        SDL_Event up{};
        up.type = SDL_KEYUP;
        up.key.state = SDL_RELEASED;
        up.key.keysym.scancode = static_cast<SDL_Scancode>(sc);
        up.key.keysym.sym = SDL_GetKeyFromScancode(static_cast<SDL_Scancode>(sc));
        up.key.keysym.mod = static_cast<Uint16>(SDL_GetModState());
        ImGui_ImplSDL2_ProcessEvent(&up);
    }
}

// Feeds SDL's events to ImGui; returns false when some were left in SDL's queue for later.
bool pollInput(App& app) {
    // ImGui reads the clipboard when it applies a paste's keys, which can take a frame or two:
    // until then later input (another paste above all) waits in SDL's queue.
    if (app.pasteInFlight && GImGui->InputEventsQueue.Size > 0) return false;
    app.pasteInFlight = false;
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        if (event.type == app.textEventType && !app.texts.empty()) {
            ImGui::GetIO().AddInputCharactersUTF8(app.texts.front().c_str());
            app.texts.pop_front();
            continue;
        }
        if (event.type == app.pasteEventType && !app.pastes.empty()) {
            pasteIntoImGui(app, app.pastes.front());
            app.pastes.pop_front();
            app.pasteInFlight = true;
            return false;
        }
        if (!app.kioskGate.pass(event, app.store)) continue;
        ImGui_ImplSDL2_ProcessEvent(&event);
        releaseKeysHeldWithCmd(event);
    }
    return true;
}

// Builds one ImGui frame (input, answers, the UI) without drawing it.
void buildFrame(App& app) {
    double started = emscripten_get_now();
    app.inputWaiting = !pollInput(app);
    app.queue.drain();
    tickKiosk(app);
    syncGoogleStatus(app);
    reloadFontsIfNeeded(app);
    app.ui.setTouchScreen(app.touchScreen || app.kioskGate.touchSeen());

    ImGui_ImplSDL2_NewFrame();
    // Frames built back to back can be within one clock tick; ImGui needs time to pass.
    if (ImGui::GetIO().DeltaTime <= 0) ImGui::GetIO().DeltaTime = 1e-4f;
    app.mirror.beginFrame();
    ImGui::NewFrame();
    app.registry.beginFrame();
    app.ui.draw(app.store);
    app.registry.endFrame();
    double t0 = emscripten_get_now();
    bool changed = app.mirror.endFrame();
    app.mirrorMs += emscripten_get_now() - t0;
    ++app.mirrorFrames;
    if (changed) a11y_apply(app.mirror.diff().c_str());
    ImGui::Render();
    rc::ui::scriptFonts().fetchWanted(app.transport, app.platform.now());  // fonts this frame's text needs
    app.buildMs += emscripten_get_now() - started;
}

// Draws the last built frame and lets the page follow it (toasts, Google's button, text input).
void drawBuiltFrame(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    app.renderer.render(*ImGui::GetDrawData(), rc::ui::color::Page);
    expireToasts(app);
    placeGoogleButton(app);
    const ImGuiPlatformImeData& ime = GImGui->PlatformImeData;
    bool numeric = GImGui->InputTextState.ID == GImGui->ActiveId && GImGui->ActiveId != 0 &&
                   (GImGui->InputTextState.Flags & ImGuiInputTextFlags_CharsDecimal);
    app.platform.textInput(io.WantTextInput, ime.InputPos.x, ime.InputPos.y, numeric);
    // The first frames measure and centre the layout; show the page once it stands still.
    if (++app.frameCount == 3) rc::web::notifyFirstFrame();
}

// One drawn frame; returns how many more the console needs right away (0: none, wait for an
// event). ImGui takes a frame or two to settle after an event (a row's hover shows a frame after
// the pointer arrives): those frames are built back to back and only the settled one is drawn,
// so a hover or a keypress costs the rasteriser one frame, not three.
int App::drawFrame() {
    App& app = *gApp;
    std::uint64_t last = 0;
    for (int i = 0; i < kSettleFrames; ++i) {
        buildFrame(app);
        std::uint64_t look = rc::web::Renderer::contentHash(*ImGui::GetDrawData());
        if (i > 0 && look == last) break;
        last = look;
    }
    drawBuiltFrame(app);
    int more = 0;
    if (rc::ui::takeAnimationRequest()) more = 1;
    if (!app.queue.empty()) more = 1;
    // ImGui applies fast input over several frames (one change per key per frame): fast typing
    // or a paste must not be left waiting in its queue until the next event.
    if (GImGui->InputEventsQueue.Size > 0 || app.inputWaiting) more = 1;
    // A button fires in the frame that applies the release; what it changed shows in the next.
    for (bool released : GImGui->IO.MouseReleased)
        if (released) more = 1;
    // Auto-sized windows and cards take a few frames to reach their size: keep drawing until
    // two frames in a row put every item in the same place (bounded, should something oscillate).
    if (app.registry.changed() && app.settleFrames < 30) {
        ++app.settleFrames;
        more = 1;
    } else if (!app.registry.changed()) {
        app.settleFrames = 0;
    }
    return more;
}

}  // namespace

extern "C" {

// JSON of every item drawn in the last frame, for window.resellerConsole.items().
EMSCRIPTEN_KEEPALIVE const char* rc_items_json() {
    if (!gApp) return "[]";
    gApp->itemsJson = gApp->registry.toJson();
    return gApp->itemsJson.c_str();
}

EMSCRIPTEN_KEEPALIVE unsigned long rc_frame_count() { return gApp ? gApp->frameCount : 0; }

// The page's accessibility mirror (web/a11y.js) acting on a node, by its key.
// prefers-reduced-motion (1) and prefers-contrast: more (2) changed in the browser.
EMSCRIPTEN_KEEPALIVE void rc_set_preferences(int prefs) {
    applyPreferences(prefs);
    App::requestFrames(2);
}

EMSCRIPTEN_KEEPALIVE void rc_a11y_activate(unsigned key) {
    if (!gApp) return;
    gApp->mirror.activate(key);
    App::requestFrames(2);
}
EMSCRIPTEN_KEEPALIVE void rc_a11y_focus(unsigned key, int showRing) {
    if (!gApp) return;
    gApp->mirror.focus(key, showRing != 0);
    App::requestFrames(2);
}
EMSCRIPTEN_KEEPALIVE void rc_a11y_set_text(unsigned key, const char* text) {
    if (!gApp || !text) return;
    gApp->mirror.setText(key, text);
    App::requestFrames(2);
}
// The keys on a grid's rows (arrows, Page Up/Down, Home/End): the list shows row `row` (from 0) whole.
EMSCRIPTEN_KEEPALIVE void rc_a11y_reveal(unsigned key, double row) {
    // A number from the page: anything but a whole row in range (NaN, infinities, 1e300) is
    // dropped here, before a conversion that would be undefined.
    if (!gApp || !std::isfinite(row) || row < 0 || row > 9.0e15) return;
    gApp->mirror.reveal(key, static_cast<std::int64_t>(row));
    App::requestFrames(2);
}
// Text put into a mirrored field without keys (an input method, dictation, insertText): in at
// ImGui's caret, in order with the keys, when ImGui edits that field already; else the field's
// whole new value (the page's focus has not reached ImGui yet).
EMSCRIPTEN_KEEPALIVE void rc_a11y_input(unsigned key, const char* typed, const char* whole) {
    if (!gApp || !typed || !whole) return;
    if (gApp->mirror.editing(key)) gApp->platform.onText(typed);
    else gApp->mirror.setText(key, whole);
    App::requestFrames(2);
}

// Milliseconds spent building the mirror and its diffs, and frames built, since the start.
EMSCRIPTEN_KEEPALIVE const char* rc_a11y_stats_json() {
    if (!gApp) return "{}";
    nlohmann::json j{{"ms", gApp->mirrorMs}, {"buildMs", gApp->buildMs}, {"frames", gApp->mirrorFrames}, {"nodes", gApp->mirror.nodes().size()}};
    gApp->itemsJson = j.dump();
    return gApp->itemsJson.c_str();
}

EMSCRIPTEN_KEEPALIVE void rc_request_frame() { App::requestFrames(kFramesAfterEvent); }

// What the renderer did so far (frames drawn and skipped, damaged pixels), as JSON.
EMSCRIPTEN_KEEPALIVE const char* rc_render_stats_json() {
    if (!gApp) return "{}";
    gApp->itemsJson = gApp->renderer.statsJson();
    return gApp->itemsJson.c_str();
}

// Redraws the last frame whole offscreen and counts pixels that differ from the canvas.
EMSCRIPTEN_KEEPALIVE const char* rc_render_verify_json() {
    if (!gApp || !ImGui::GetCurrentContext() || !ImGui::GetDrawData()) return "{}";
    gApp->itemsJson = gApp->renderer.verifyJson(*ImGui::GetDrawData(), rc::ui::color::Page);
    return gApp->itemsJson.c_str();
}

// Bytes of the wasm heap in use (malloc's count; the wasm memory itself only ever grows).
EMSCRIPTEN_KEEPALIVE unsigned long rc_heap_used() { return static_cast<unsigned long>(mallinfo().uordblks); }

// 1: redraw every frame whole (as before damage tracking), for measurements.
EMSCRIPTEN_KEEPALIVE void rc_render_always_full(int on) {
    if (gApp) gApp->renderer.setAlwaysFull(on != 0);
}

// The text of the input being edited, as JSON ("null" when none), for tests of typing and paste.
EMSCRIPTEN_KEEPALIVE const char* rc_active_input_json() {
    if (!gApp || !ImGui::GetCurrentContext()) return "null";
    ImGuiContext& g = *GImGui;
    ImGuiInputTextState& st = g.InputTextState;
    if (g.ActiveId == 0 || st.ID != g.ActiveId || st.TextW.Size == 0) return "null";
    std::string text(static_cast<std::size_t>(st.CurLenW) * 4 + 1, '\0');
    int n = ImTextStrToUtf8(text.data(), static_cast<int>(text.size()), st.TextW.Data, st.TextW.Data + st.CurLenW);
    text.resize(static_cast<std::size_t>(n));
    gApp->activeInputJson = nlohmann::json(text).dump();
    return gApp->activeInputJson.c_str();
}

}  // extern "C"

int main() {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        emscripten_log(EM_LOG_ERROR, "SDL_Init failed: %s", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    // The canvas keeps its pixels between frames: a frame redraws only what changed.
    EM_ASM({ if (typeof EGL !== "undefined") EGL.contextAttributes.preserveDrawingBuffer = true; });

    double cssW = 1280, cssH = 800;
    rc::web::canvasCssSize(cssW, cssH);
    static App app;
    gApp = &app;
    // RESIZABLE with a CSS-sized canvas: SDL follows the page's size; HIGHDPI: backing store in device pixels.
    app.window = SDL_CreateWindow("Reseller Console", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                                  static_cast<int>(cssW), static_cast<int>(cssH),
                                  SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    app.gl = SDL_GL_CreateContext(app.window);
    if (!app.window || !app.gl) {
        emscripten_log(EM_LOG_ERROR, "WebGL 2 context could not be created: %s", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(app.window, app.gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    app.registry.attach(ImGui::GetCurrentContext());
    app.mirror.attach(app.registry);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is code, not a saved file
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would need a frame every half second
    io.ConfigMacOSXBehaviors = rc::web::isMacPlatform();  // Cmd shortcuts, Mac word movement
    rc::ui::applyTheme();
    applyPreferences(browser_preferences());
    ImGui_ImplSDL2_InitForOpenGL(app.window, app.gl);
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    emscripten_webgl_get_context_attributes(emscripten_webgl_get_current_context(), &attrs);
    if (!app.renderer.init(attrs.preserveDrawingBuffer)) return 1;
    // After the backend's init, which installs SDL's clipboard (a private buffer on the web).
    io.SetClipboardTextFn = [](void*, const char* text) {
        gApp->clipboard = text ? text : "";
        gApp->platform.copyText(gApp->clipboard);
    };
    io.GetClipboardTextFn = [](void*) { return gApp->clipboard.c_str(); };

    app.platform.onAddressChanged = [](const std::string& hash) {
        gApp->store.navigate(rc::Route::fromHash(hash), /*push=*/false);
    };
    app.platform.onGoogleCredential = [](const std::string& credential) { gApp->store.session().signInWithGoogle(credential); };
    app.platform.onBrowserOnline = [](bool online) { gApp->store.offline().setBrowserOnline(online); };
    app.platform.onUpdateReady = [] { gApp->store.offline().setUpdateReady(); };
    app.pasteEventType = SDL_RegisterEvents(1);
    app.platform.onPaste = [](const std::string& text) {
        gApp->store.kiosk().input();
        queuePaste(*gApp, text);
    };
    app.textEventType = SDL_RegisterEvents(1);
    app.platform.onText = [](const std::string& text) {
        gApp->store.kiosk().input();
        gApp->texts.push_back(text);
        SDL_Event event{};
        event.type = gApp->textEventType;
        if (gApp->textEventType == static_cast<Uint32>(-1) || SDL_PushEvent(&event) <= 0) {
            gApp->texts.pop_back();
            ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        }
        App::requestFrames(kFramesAfterEvent);
    };

    rc::setLanguage(rc::languageFromTag(rc::web::browserLanguage()));
    app.touchScreen = rc::web::isTouchScreen();
    SDL_AddEventWatch(onSdlEvent, nullptr);
    app.store.start("config.json", rc::web::WebPlatform::currentHash());
    App::requestFrames(3);  // the first frames measure and centre the layout (see notifyFirstFrame)
    // Returning keeps the runtime alive (EXIT_RUNTIME=0); frames come from requestAnimationFrame.
    return 0;
}
