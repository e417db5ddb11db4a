// Every function the page calls in the wasm, and only here. Each is declared with RC_EXPORT;
// the build scans this file for them and generates Emscripten's -sEXPORTED_FUNCTIONS list
// (src/toolchain/web_exports.py), failing when web/*.js calls a name that is not here or when a
// function is exported from another file. The page calls them through web/bridge.js.
#include <emscripten.h>
#include <malloc.h>

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/kit/theme.h"
#include "core/sheet.h"
#include "web/app.h"

#define RC_EXPORT extern "C" EMSCRIPTEN_KEEPALIVE

using rc::web::App;
using rc::web::app;

namespace {

// Text handed to the page stays alive until the next call that hands one (the page copies it at once).
const char* handOver(App& a, std::string text) {
    a.answer = std::move(text);
    return a.answer.c_str();
}

}  // namespace

// --- Tests and tools (window.resellerConsole, the browser tests, the benchmarks) ----------------

// JSON of every item drawn in the last frame, for window.resellerConsole.items().
RC_EXPORT const char* rc_items_json() {
    App* a = app();
    return a ? handOver(*a, a->registry.toJson()) : "[]";
}

RC_EXPORT unsigned long rc_frame_count() { return app() ? app()->runner.framesDrawn() : 0; }

RC_EXPORT void rc_request_frame() {
    if (App* a = app()) a->runner.requestFrames(1);
}

// The canvas lost what it showed (a 2D canvas's context restored: web/paint.js): the next frame
// is drawn whole.
RC_EXPORT void rc_render_redraw_all() {
    if (App* a = app()) {
        a->runner.renderer().invalidate();
        a->runner.requestFrames(1);
    }
}

// The text of the input being edited, as JSON ("null" when none), for tests of typing and paste.
RC_EXPORT const char* rc_active_input_json() {
    App* a = app();
    if (!a || !ImGui::GetCurrentContext()) return "null";
    ImGuiContext& g = *GImGui;
    ImGuiInputTextState& st = g.InputTextState;
    if (g.ActiveId == 0 || st.ID != g.ActiveId || st.TextW.Size == 0) return "null";
    std::string text(static_cast<std::size_t>(st.CurLenW) * 4 + 1, '\0');
    int n = ImTextStrToUtf8(text.data(), static_cast<int>(text.size()), st.TextW.Data, st.TextW.Data + st.CurLenW);
    text.resize(static_cast<std::size_t>(n));
    return handOver(*a, nlohmann::json(text).dump());
}

// What the renderer did so far (frames drawn and skipped, damaged pixels, time in it), and the
// ImGui frames built for them (count and milliseconds), as JSON.
RC_EXPORT const char* rc_render_stats_json() {
    App* a = app();
    if (!a) return "{}";
    // Never throws: an uncaught exception would end the console for a statistic.
    nlohmann::json j = nlohmann::json::parse(a->runner.renderer().statsJson(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) j = nlohmann::json::object();
    j["builds"] = a->runner.framesBuilt();
    j["buildMs"] = a->runner.buildMs();
    return handOver(*a, j.dump());
}

// Redraws the last frame whole offscreen and counts pixels that differ from the canvas.
RC_EXPORT const char* rc_render_verify_json() {
    App* a = app();
    if (!a || !ImGui::GetCurrentContext() || !ImGui::GetDrawData()) return "{}";
    return handOver(*a, a->runner.renderer().verifyJson(*ImGui::GetDrawData(), rc::ui::color::Page));
}

// 1: redraw every frame whole (as before damage tracking), for measurements.
RC_EXPORT void rc_render_always_full(int on) {
    if (App* a = app()) a->runner.renderer().setAlwaysFull(on != 0);
}

// Bytes of the wasm heap in use (malloc's count; the wasm memory itself only ever grows).
RC_EXPORT unsigned long rc_heap_used() { return static_cast<unsigned long>(mallinfo().uordblks); }

// Milliseconds spent building the mirror and its diffs, and frames built, since the start.
RC_EXPORT const char* rc_a11y_stats_json() {
    App* a = app();
    if (!a) return "{}";
    nlohmann::json j{{"ms", a->mirrorMs}, {"buildMs", a->runner.buildMs()}, {"frames", a->mirrorFrames},
                     {"nodes", a->mirror.nodes().size()}};
    return handOver(*a, j.dump());
}

// --- The accessibility mirror (web/a11y.js) acting on a node, by its key ----------------------

RC_EXPORT void rc_a11y_activate(unsigned key) {
    App* a = app();
    if (!a) return;
    a->mirror.activate(key);
    a->runner.requestFrames(2);
}

RC_EXPORT void rc_a11y_focus(unsigned key, int showRing) {
    App* a = app();
    if (!a) return;
    // Text typed a moment ago and not applied yet: the mirror gives the field the page's value.
    if (a->mirror.focus(key, showRing != 0, a->runner.input().typedPending())) a->runner.input().dropTyped();
    a->runner.requestFrames(2);
}

RC_EXPORT void rc_a11y_set_text(unsigned key, const char* text) {
    App* a = app();
    if (!a || !text) return;
    a->mirror.setText(key, text);
    a->runner.requestFrames(2);
}

// The keys on a grid's rows (arrows, Page Up/Down, Home/End): the list shows row `row` (from 0) whole.
RC_EXPORT void rc_a11y_reveal(unsigned key, double row) {
    // A number from the page: anything but a whole row in range (NaN, infinities, 1e300) is
    // dropped here, before a conversion that would be undefined.
    App* a = app();
    if (!a || !std::isfinite(row) || row < 0 || row > 9.0e15) return;
    a->mirror.reveal(key, static_cast<std::int64_t>(row));
    a->runner.requestFrames(2);
}

// Text put into a mirrored field without keys (an input method, dictation, insertText): in at
// ImGui's caret, in order with the keys, when ImGui edits that field already; else the field's
// whole new value (the page's focus has not reached ImGui yet).
RC_EXPORT void rc_a11y_input(unsigned key, const char* typed, const char* whole) {
    App* a = app();
    if (!a || !typed || !whole) return;
    if (a->mirror.editing(key)) {
        a->type(typed);
        a->mirror.typed(key, whole);
    } else a->mirror.setText(key, whole);
    a->runner.requestFrames(2);
}

// prefers-reduced-motion and prefers-contrast: more changed in the browser (Preference bits).
RC_EXPORT void rc_set_preferences(int preferences) {
    App* a = app();
    if (!a) return;
    a->applyPreferences(preferences);
    a->runner.requestFrames(2);
}

// --- The page's events and answers --------------------------------------------------------

RC_EXPORT void rc_on_address_changed(const char* hash) {
    if (App* a = app()) a->platform.deliverAddress(hash ? hash : "");
}

// The browser's paste event (web/clipboard.js).
RC_EXPORT void rc_on_paste(const char* text) {
    if (App* a = app()) a->paste(text ? text : "");
}

// Text the page's text agent received without keypresses (web/text_agent.js).
RC_EXPORT void rc_on_text(const char* text) {
    if (App* a = app()) a->type(text ? text : "");
}

// The answer to a request the page made ahead of the program (web/prefetch.js); status 0: none.
RC_EXPORT void rc_on_prefetched(int id, int status, const char* body) {
    if (App* a = app()) a->transport.deliverPrefetched(id, status, body ? body : "");
}

// A download finished (web/downloads.js): its HTTP status (0: no answer) and a failure's body.
RC_EXPORT void rc_on_download_done(int id, int status, const char* body) {
    if (App* a = app()) a->platform.deliverDownload(id, status, body ? body : "");
}

// A file the reseller chose or dropped (web/files.js): its bytes (none when it was over the
// import's limit and not read) and its size. The import takes it while it waits for a file.
RC_EXPORT void rc_on_file_chosen(const char* name, const char* bytes, int length, double size) {
    App* a = app();
    if (!a) return;
    std::string file = name ? name : "";
    if (size > static_cast<double>(rc::sheet::Limits{}.maxBytes)) {
        a->queue.post([a, file] { a->store.importer().fileTooLarge(file); });
    } else {
        std::string data = bytes && length > 0 ? std::string(bytes, static_cast<std::size_t>(length)) : std::string();
        a->queue.post([a, file, data = std::move(data)] { a->store.importer().chooseFile(file, data); });
    }
    a->runner.requestFrames(1);
}

// How Google's script fared (a GoogleStatus code), and a credential from its button (web/google.js).
RC_EXPORT void rc_on_google_status(int status) {
    if (App* a = app()) a->google.statusChanged(status);
}

RC_EXPORT void rc_on_google_credential(const char* credential) {
    if (App* a = app()) a->google.credentialArrived(credential ? credential : "");
}

// A storage call's answer (a StorageStatus code and its payload, web/offline.js).
RC_EXPORT void rc_on_storage_done(int id, int status, const char* payload) {
    if (App* a = app()) a->platform.deliverStorage(id, status, payload ? payload : "");
}

// Online, offline, a new version ready (a PageEvent code, web/offline.js and web/pwa.js).
RC_EXPORT void rc_on_offline_event(int kind) {
    if (App* a = app()) a->platform.deliverOfflineEvent(kind);
}
