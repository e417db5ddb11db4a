// The composition root: builds the console's object graph (app.h), hands the runner the
// console's frame as callbacks, connects the page's events to the store, and starts. The loop
// is runner.*, the page's calls into the wasm are exports.cpp.
#include <emscripten.h>
#include <emscripten/eventloop.h>

#include <cmath>
#include <cstdlib>

#include "core/i18n.h"
#include "imgui.h"
#include "ui/kit/layout.h"
#include "ui/text/font_files.h"
#include "ui/text/script_fonts.h"
#include "ui/screens/sign_in_view.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "web/app.h"
#include "web/page_codes.h"

namespace rc::web {
namespace {

App* gApp = nullptr;
double gMainAt = 0;
// The first frame waits at most this long after main() for answers the page fetched ahead.
// Under software WebGL a first frame drawn without the rows holds the rows' frame back 250-550
// ms: 400 ms ran out while the list's answer was 50 ms away (rows at 1385 ms instead of ~800).
constexpr double kHoldFirstFrameMs = 1000;

// The UI fonts the page downloaded beside app.wasm (web/console.js), by its keys; each is taken
// once, into the paths loadFonts reads, and the page lets go of its copy.
EM_JS(int, rc_js_page_font_size, (const char* key), {
  var f = rcWeb.pageFonts && rcWeb.pageFonts[UTF8ToString(key)];
  return f ? f.length : 0;
});
EM_JS(void, rc_js_page_font_take, (const char* key, char* out), {
  var k = UTF8ToString(key);
  HEAPU8.set(rcWeb.pageFonts[k], out);
  delete rcWeb.pageFonts[k];
});

void takePageFonts() {
    const std::pair<const char*, const char*> files[] = {{"regular", "/fonts/Roboto-Regular.ttf"},
                                                         {"medium", "/fonts/Roboto-Medium.ttf"},
                                                         {"icons", "/fonts/forkawesome-webfont.ttf"}};
    for (const auto& [key, path] : files) {
        int n = rc_js_page_font_size(key);
        if (n <= 0) continue;  // loadFonts falls back to ImGui's own font, as before
        std::string bytes(static_cast<std::size_t>(n), '\0');
        rc_js_page_font_take(key, bytes.data());
        ui::provideFontFile(path, std::move(bytes));
    }
}

// The German texts (texts-de.bin): fetched by the page beside app.wasm when the reader's
// language is German (web/console.js), else fetched here after a switch to German. Its hashed
// name comes from the page too.
EM_JS(int, rc_js_page_texts_size, (), {
  var t = rcWeb.germanTexts;
  return t && t.bytes ? t.bytes.length : 0;
});
EM_JS(void, rc_js_page_texts_take, (char* out), {
  HEAPU8.set(rcWeb.germanTexts.bytes, out);
  rcWeb.germanTexts.bytes = null;
});
EM_JS(void, rc_js_keep_texts, (), { rcWeb.germanTexts.keep(); });
EM_JS(char*, rc_js_page_texts_url, (), {
  return rcWeb.bridge.toHeap(rcWeb.germanTexts ? rcWeb.germanTexts.url : "");
});

void takePageTexts() {
    int n = rc_js_page_texts_size();
    if (n <= 0) return;
    std::string bytes(static_cast<std::size_t>(n), '\0');
    rc_js_page_texts_take(bytes.data());
    loadGermanTexts(std::move(bytes));  // a refused file: fetched again below, as after a switch
}

// German wanted and not in (a switch, or the page's download failed): fetch it. A failure keeps
// English on screen and the reader's choice as it was, says why once, and tries again later.
constexpr double kGermanTextsRetrySeconds = 15;

void fetchGermanTextsIfWanted(App& app) {
    if (wantedLanguage() != Language::German || germanTextsLoaded() || app.germanTextsFetching) return;
    if (app.platform.now() < app.germanTextsRetryAt) return;
    app.germanTextsFetching = true;
    char* url = rc_js_page_texts_url();
    HttpRequest req;
    req.url = url;
    std::free(url);
    app.transport.send(req, [&app](const HttpResponse& res) {
        app.germanTextsFetching = false;
        if (res.status >= 200 && res.status < 300 && loadGermanTexts(res.body)) {
            rc_js_keep_texts();
            return;
        }
        if (app.germanTextsRetryAt == 0)  // the first failure of a run of them
            app.store.toasts().show(ToastKind::Error, Message{Text::GermanNeedsConnection, {}});
        app.germanTextsRetryAt = app.platform.now() + kGermanTextsRetrySeconds;
        emscripten_set_timeout([](void*) { if (gApp) gApp->runner.requestFrames(1); }, kGermanTextsRetrySeconds * 1000 + 10, nullptr);
    });
}

void reloadFontsIfNeeded(App& app) {
    float density = static_cast<float>(devicePixelRatio());
    if (density <= 0) density = 1;
    // Also when a script font (Greek, Hebrew, CJK...) brought characters a drawn text needs.
    if (std::fabs(density - app.fontDensity) < 0.01f && !ui::scriptFonts().atlasStale()) return;
    bool first = app.fontDensity == 0;
    app.fontDensity = density;
    if (first) {
        startupMark("fonts-start");
        takePageFonts();
    }
    ui::loadFonts("/fonts", density);
    app.runner.renderer().uploadFontAtlas();
    if (first) startupMark("fonts-built");
}

// Toasts leave on their own and a search is sent after a pause in typing: wake the loop when
// the next of them is due, and draw once more if a toast just left.
void expireToasts(App& app) {
    std::size_t before = app.store.state().toasts.size();
    double next = app.store.runTimers();
    if (app.store.state().toasts.size() != before) app.runner.requestFrames(1);
    app.toastTimer.set(next, app.platform.now());
}

// Google's button (a DOM element) follows the place the sign-in screen kept for it this frame.
void placeGoogleButton(App& app) {
    const ui::GoogleButtonSlot& slot = ui::googleButtonSlot();
    const char* locale = language() == Language::German ? "de" : "en";
    // Only the sign-in screen shows it, whatever a stale slot says.
    bool visible = slot.visible && app.store.state().phase == Phase::SignedOut;
    app.google.placeButton(visible, slot.x, slot.y, slot.w, slot.h, locale);
}

}  // namespace

App* app() { return gApp; }

// --- The console's frame, in the order the runner calls it (runner.h) -----------------------

bool App::admitInput(const SDL_Event& event) { return kioskGate.pass(event, store); }

void App::beforeFrame() {
    // An answer can bring the next request's answer with it (the page fetched both ahead at
    // start-up, web/prefetch.js): apply those in this frame too, a few rounds at most.
    for (int round = 0; round < 4 && queue.drain() > 0; ++round) {
    }
    if (!answersMarked) {
        answersMarked = true;
        startupMark("answers");  // the first frame applied what arrived since main() (the trace's)
    }
    // The kiosk's idle clock, applied before each frame; its timer wakes the loop for the
    // notice, each second of its countdown and the start-over.
    kioskTimer.set(store.kiosk().tick(), platform.now());
    reloadFontsIfNeeded(*this);
    ui.setTouchScreen(touchScreen || kioskGate.touchSeen());
}

void App::preNewFrame() { mirror.beginFrame(); }

// The console's views, with the item registry and the accessibility mirror around them.
void App::showGui() {
    registry.beginFrame();
    ui.draw(store);
    registry.endFrame();
    double t0 = emscripten_get_now();
    bool changed = mirror.endFrame();
    mirrorMs += emscripten_get_now() - t0;
    ++mirrorFrames;
    if (changed) applyA11yDiff(mirror.diff());
}

// Fonts this frame's text needs.
void App::afterRender() {
    ui::scriptFonts().fetchWanted(transport, platform.now());
    fetchGermanTextsIfWanted(*this);
}

ImU32 App::clearColor() { return ui::color::Page; }

void App::afterDraw() {
    expireToasts(*this);
    placeGoogleButton(*this);
    if (!rowsDrawn) {
        for (const ui::DrawnItem& item : registry.items())
            if (item.kind == "cell") {
                rowsDrawn = true;
                startupMark("rows");  // the first frame that shows a list's rows (their cells)
                break;
            }
    }
    languageChoice.keep();
}

bool App::nextFrameInMotion() { return ui::takeMotionRequest(); }

bool App::holdFirstFrame() { return transport.waitingForPage() && emscripten_get_now() - gMainAt < kHoldFirstFrameMs; }

// Every condition is looked at each time (taking the animation request clears it).
bool App::wantsFrame() {
    bool more = false;
    if (ui::takeAnimationRequest()) more = true;
    if (!queue.empty()) more = true;
    // Auto-sized windows and cards take a few frames to reach their size: keep drawing until
    // two frames in a row put every item in the same place (bounded, should something oscillate).
    if (registry.changed() && settleFrames < 30) {
        ++settleFrames;
        more = true;
    } else if (!registry.changed()) {
        settleFrames = 0;
    }
    return more;
}

// --- The page's input and wishes --------------------------------------------------------------

void App::paste(const std::string& text) {
    store.kiosk().input();
    runner.paste(text);
}

void App::type(const std::string& text) {
    store.kiosk().input();
    runner.type(text);
}

void App::applyPreferences(int preferences) {
    ui::setReducedMotion((preferences & ReducedMotion) != 0);
    bool more = (preferences & MoreContrast) != 0;
    if (ui::highContrast() != more) {
        ui::setHighContrast(more);
        ui::applyTheme(ui::shell().touch);
    }
}

}  // namespace rc::web

int main() {
    using namespace rc::web;
    startupMark("main");
    gMainAt = emscripten_get_now();
    // However long the page's answers take, the first frame is drawn when the hold ends (and
    // nothing is, when it came long before: idle stays without frames).
    emscripten_set_timeout([](void*) { if (gApp && gApp->runner.framesDrawn() == 0) gApp->runner.requestFrames(1); },
                           kHoldFirstFrameMs, nullptr);
    static App app;
    if (!app.runner.init("Reseller Console", app)) return 1;
    app.registry.attach(ImGui::GetCurrentContext());
    app.mirror.attach(app.registry);
    rc::ui::applyTheme();
    app.applyPreferences(browserPreferences());
    app.runner.input().attach(app.platform);

    app.google.attach(app.store);
    app.platform.onAddressChanged = [](const std::string& hash) {
        gApp->store.navigate(rc::Route::fromHash(hash), /*push=*/false);
    };
    app.platform.onBrowserOnline = [](bool online) { gApp->store.offline().setBrowserOnline(online); };
    app.platform.onUpdateReady = [] { gApp->store.offline().setUpdateReady(); };
    gApp = &app;

    takePageTexts();
    rc::setLanguage(app.languageChoice.atStart(browserLanguage()));
    app.touchScreen = isTouchScreen();
    app.store.start("config.json", WebPlatform::currentHash());
    app.runner.requestFrames(3);  // the first frames measure and centre the layout (see notifyFirstFrame)
    startupMark("main-done");
    // Returning keeps the runtime alive (EXIT_RUNTIME=0); frames come from requestAnimationFrame.
    return 0;
}
