// SDL's events into Dear ImGui, with what browsers need on top: pasted text and text that comes
// without keypresses (input methods, dictation) kept in order with the keys around them, the
// keyups a Mac's browser never sends while Cmd is held, ImGui's clipboard, and the page's hidden
// text agent (web/text_agent.js) that follows the field ImGui edits.
#pragma once
#include <SDL.h>

#include <deque>
#include <string>

#include "core/platform.h"

namespace rc::web {

class RunnerCallbacks;

class Input {
public:
    // After ImGui's SDL backend is initialised (it installs SDL's private clipboard, replaced
    // here): text ImGui copies goes to the system clipboard through `platform`.
    void attach(Platform& platform);

    // Feeds SDL's events to ImGui; the console may keep a person's input from it (kiosk mode).
    // Returns false when some were left in SDL's queue for a later frame.
    bool poll(RunnerCallbacks& console);
    // The last poll found no event of a person but the wheel's (none at all, or wheel steps).
    bool wheelOnly() const { return wheelOnly_; }
    // The last poll found no event at all.
    bool idle() const { return idle_; }

    // The browser's paste event: pasted through ImGui's own shortcut, after the keys before it.
    void paste(const std::string& text);
    // Text the page's text agent received without keypresses: typed after the keys before it.
    void type(const std::string& text);
    // Text type() queued that ImGui has not been given yet; dropping it (its SDL events then find none).
    bool typedPending() const { return !texts_.empty(); }
    void dropTyped() { texts_.clear(); }

    // After each drawn frame: the page's text agent takes the focus while ImGui edits a field,
    // at its caret (an input method's window opens there), with a number pad for counts.
    void followTextInput();

private:
    void pasteIntoImGui(const std::string& text);

    Platform* platform_ = nullptr;
    std::string clipboard_;  // what ImGui pastes: the text of the browser's latest paste event
    // Pastes and texts wait in SDL's queue (as events of these types) so they land after the
    // keys before them; their text waits here.
    Uint32 pasteEventType_ = static_cast<Uint32>(-1);
    Uint32 textEventType_ = static_cast<Uint32>(-1);
    std::deque<std::string> pastes_;
    std::deque<std::string> texts_;
    bool pasteInFlight_ = false;  // injected into ImGui, not applied yet
    bool wheelOnly_ = true;
    bool idle_ = true;
};

}  // namespace rc::web
