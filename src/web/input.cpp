#include "web/input.h"

#include <emscripten.h>

#include "imgui.h"
#include "imgui_impl_sdl2.h"
#include "imgui_internal.h"
#include "web/runner.h"

EM_JS(void, rc_js_text_agent_follow, (int active, float x, float y, int numeric), {
    rcWeb.textAgent.follow(!!active, x, y, !!numeric);
});

namespace rc::web {
namespace {

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

// Puts an event of `type` in SDL's queue; false when there is no slot for it.
bool queueEvent(Uint32 type) {
    if (type == static_cast<Uint32>(-1)) return false;
    SDL_Event event{};
    event.type = type;
    return SDL_PushEvent(&event) > 0;
}

}  // namespace

void Input::attach(Platform& platform) {
    platform_ = &platform;
    pasteEventType_ = SDL_RegisterEvents(1);
    textEventType_ = SDL_RegisterEvents(1);
    ImGuiIO& io = ImGui::GetIO();
    io.ClipboardUserData = this;
    io.SetClipboardTextFn = [](void* self, const char* text) {
        auto& input = *static_cast<Input*>(self);
        input.clipboard_ = text ? text : "";
        if (input.platform_) input.platform_->copyText(input.clipboard_);
    };
    io.GetClipboardTextFn = [](void* self) { return static_cast<Input*>(self)->clipboard_.c_str(); };
}

// The browser's paste event carries the text; ImGui pastes it through its own shortcut, so
// selection replacement, filters and undo behave as for any paste.
void Input::pasteIntoImGui(const std::string& text) {
    clipboard_ = text;
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

// Called from the page's paste event, between SDL's key events: queued behind them.
void Input::paste(const std::string& text) {
    pastes_.push_back(text);
    if (!queueEvent(pasteEventType_)) {
        pastes_.pop_back();
        pasteIntoImGui(text);  // no event slot: paste now rather than never
    }
}

void Input::type(const std::string& text) {
    texts_.push_back(text);
    if (!queueEvent(textEventType_)) {
        texts_.pop_back();
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    }
}

bool Input::poll(RunnerCallbacks& console) {
    // ImGui reads the clipboard when it applies a paste's keys, which can take a frame or two:
    // until then later input (another paste above all) waits in SDL's queue.
    if (pasteInFlight_ && GImGui->InputEventsQueue.Size > 0) return false;
    pasteInFlight_ = false;
    wheelOnly_ = true;
    idle_ = true;
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        idle_ = false;
        if (event.type != SDL_MOUSEWHEEL) wheelOnly_ = false;
        if (event.type == textEventType_ && !texts_.empty()) {
            ImGui::GetIO().AddInputCharactersUTF8(texts_.front().c_str());
            texts_.pop_front();
            continue;
        }
        if (event.type == pasteEventType_ && !pastes_.empty()) {
            pasteIntoImGui(pastes_.front());
            pastes_.pop_front();
            pasteInFlight_ = true;
            return false;
        }
        if (!console.admitInput(event)) continue;
        ImGui_ImplSDL2_ProcessEvent(&event);
        releaseKeysHeldWithCmd(event);
    }
    return true;
}

void Input::followTextInput() {
    const ImGuiContext& g = *GImGui;
    const ImGuiPlatformImeData& ime = g.PlatformImeData;
    bool numeric = g.InputTextState.ID == g.ActiveId && g.ActiveId != 0 &&
                   (g.InputTextState.Flags & ImGuiInputTextFlags_CharsDecimal);
    rc_js_text_agent_follow(g.IO.WantTextInput ? 1 : 0, ime.InputPos.x, ime.InputPos.y, numeric ? 1 : 0);
}

}  // namespace rc::web
