// The console in the browser as one object graph: built and wired by main.cpp (the composition
// root) and reached by the page's calls in exports.cpp; nothing else holds it.
#pragma once
#include <string>

#include "core/language_choice.h"
#include "core/main_queue.h"
#include "core/store.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/console_ui.h"
#include "ui/a11y/item_registry.h"
#include "web/fetch_transport.h"
#include "web/google_sign_in.h"
#include "web/kiosk_input.h"
#include "web/runner.h"
#include "web/web_platform.h"

namespace rc::web {

// Wakes the runner for one frame (every answer and page event asks for one to apply it); one
// type for all three, so the wasm carries one std::function instantiation for them.
struct WakeRunner {
    Runner* runner;
    void operator()() const { runner->requestFrames(1); }
};

// The object graph, and the console's frame as the runner calls it (main.cpp).
struct App final : RunnerCallbacks {
    MainQueue queue;
    Runner runner;
    FetchTransport transport{queue, WakeRunner{&runner}};
    GoogleSignIn google{queue, WakeRunner{&runner}};
    WebPlatform platform{queue, WakeRunner{&runner}, google};
    Store store{transport, platform};
    LanguageChoice languageChoice{platform};  // the language chosen on this device, kept
    ui::ConsoleUi ui;
    ui::ItemRegistry registry;
    ui::a11y::Mirror mirror;  // the accessibility tree the page keeps in step (web/a11y.js)
    KioskInputGate kioskGate;
    WakeTimer toastTimer{runner};  // the next toast to leave, a search after a pause in typing
    WakeTimer kioskTimer{runner};  // the kiosk's idle clock
    bool touchScreen = false;      // the page's pointer is coarse (a finger)
    float fontDensity = 0;         // the devicePixelRatio the fonts were rasterised for
    int settleFrames = 0;          // frames drawn in a row only because the layout was still moving
    double mirrorMs = 0;           // time spent building the mirror and its diffs, for the benchmark
    unsigned long mirrorFrames = 0;
    bool germanTextsFetching = false;  // texts-de.bin asked for after a switch to German
    double germanTextsRetryAt = 0;     // after a failed download: not again before this (platform.now())
    bool rowsDrawn = false;        // a list's first rows were drawn (the start-up trace's last step)
    bool answersMarked = false;  // the start-up trace's "answers" mark was set
    std::string answer;  // the last text handed to the page (items, stats), kept until the next

    // The page's paste event, and text that came without keys: somebody is there (kiosk), and
    // it goes into ImGui in order with the keys around it.
    void paste(const std::string& text);
    void type(const std::string& text);
    // prefers-reduced-motion and prefers-contrast: more (Preference bits).
    void applyPreferences(int preferences);

    // RunnerCallbacks: the console's frame.
    bool admitInput(const SDL_Event& event) override;
    void beforeFrame() override;
    void preNewFrame() override;
    void showGui() override;
    void afterRender() override;
    ImU32 clearColor() override;
    void afterDraw() override;
    bool wantsFrame() override;
    bool holdFirstFrame() override;
    bool nextFrameInMotion() override;
};

// The one App, once main() has built it (nullptr before).
App* app();

}  // namespace rc::web
