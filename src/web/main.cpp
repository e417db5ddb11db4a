// The browser entry point: SDL2 + WebGL 2, Dear ImGui, and a main loop that draws only when
// something changed (input, a finished request, a resize, an animation) and a few frames after.
#include <SDL.h>
#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/i18n.h"
#include "core/main_queue.h"
#include "core/store.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"
#include "ui/console_ui.h"
#include "ui/item_registry.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "web/fetch_transport.h"
#include "web/platform.h"

namespace {

// ImGui settles hover and click state over a couple of frames after each event.
constexpr int kFramesAfterEvent = 3;

struct App {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    rc::MainQueue queue;
    rc::web::FetchTransport transport{queue, [] { requestFrames(kFramesAfterEvent); }};
    rc::Store store{transport};
    rc::ui::ConsoleUi ui;
    rc::ui::ItemRegistry registry;
    int framesLeft = 0;
    bool framePending = false;
    unsigned long frameCount = 0;
    float fontDensity = 0;
    std::string itemsJson;

    static void requestFrames(int n);
};

App* gApp = nullptr;

EM_BOOL onAnimationFrame(double, void*);

void App::requestFrames(int n) {
    if (!gApp) return;
    gApp->framesLeft = std::max(gApp->framesLeft, n);
    if (!gApp->framePending) {
        gApp->framePending = true;
        emscripten_request_animation_frame(onAnimationFrame, nullptr);
    }
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
    if (std::fabs(density - app.fontDensity) < 0.01f) return;
    app.fontDensity = density;
    rc::ui::loadFonts("/fonts", density);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void drawFrame(App& app) {
    SDL_Event event;
    while (SDL_PollEvent(&event)) ImGui_ImplSDL2_ProcessEvent(&event);
    app.queue.drain();
    reloadFontsIfNeeded(app);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    app.registry.beginFrame();
    app.ui.draw(app.store);
    app.registry.endFrame();
    ImGui::Render();

    ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    ImVec4 bg = ImGui::ColorConvertU32ToFloat4(rc::ui::color::Page);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    // The first frames measure and centre the layout; show the page once it stands still.
    if (++app.frameCount == 3) rc::web::notifyFirstFrame();
}

EM_BOOL onAnimationFrame(double, void*) {
    App& app = *gApp;
    app.framePending = false;
    drawFrame(app);
    --app.framesLeft;
    if (rc::ui::takeAnimationRequest()) app.framesLeft = std::max(app.framesLeft, 1);
    if (!app.queue.empty()) app.framesLeft = std::max(app.framesLeft, 1);
    if (app.framesLeft > 0) App::requestFrames(app.framesLeft);
    return EM_FALSE;
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

EMSCRIPTEN_KEEPALIVE void rc_request_frame() { App::requestFrames(kFramesAfterEvent); }

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
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is code, not a saved file
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would need a frame every half second
    rc::ui::applyTheme();
    ImGui_ImplSDL2_InitForOpenGL(app.window, app.gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    rc::setLanguage(rc::languageFromTag(rc::web::browserLanguage()));
    SDL_AddEventWatch(onSdlEvent, nullptr);
    app.store.start("config.json");
    App::requestFrames(kFramesAfterEvent + 1);
    // Returning keeps the runtime alive (EXIT_RUNTIME=0); frames come from requestAnimationFrame.
    return 0;
}
