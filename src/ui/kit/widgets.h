// Shared widgets: buttons with a busy state, status badges, text that tests can find,
// empty and error states, the activity bar. Every one records itself in the ItemRegistry.
#pragma once
#include <optional>
#include <string>

#include "core/model.h"
#include "core/status_presentation.h"
#include "imgui.h"

namespace rc::ui {

// Text that is recorded for items(); `kind` is "text" unless given.
void text(const std::string& s, ImU32 color = 0, ImFont* font = nullptr, const char* kind = "text");
void textMuted(const std::string& s);
// Wrapped text (a sentence or two), recorded like any other text.
void paragraph(const std::string& s, ImU32 color = 0, ImFont* font = nullptr);
void heading(const std::string& title, const std::string& subtitle = {});
// The width heading() takes: the wider of its title and subtitle.
float headingWidth(const std::string& title, const std::string& subtitle);

// A list page's title and subtitle with its main action (New customer, Export CSV): the action on
// the right, level with the title, where there is room, else under the subtitle at full width.
// Draw the action at the cursor with actionSize(), then call end() to go on under both.
class PageTitle {
public:
    PageTitle(const std::string& title, const std::string& subtitle, const char* actionLabel);
    bool beside() const { return beside_; }
    ImVec2 actionSize() const { return ImVec2(actionW_, 40); }
    // Puts the cursor `dy` under the action's top, its right edge at the page's for `width`.
    void under(float dy, float width) const;
    void end() const;

private:
    ImVec2 top_, below_;
    float width_ = 0, actionW_ = 0;
    bool beside_ = false;
};

enum class ButtonStyle { Primary, Secondary, Ghost, Danger, DangerGhost };
// A button; `busy` shows a spinner and ignores clicks; `disabled` greys it out.
bool button(const char* label, ButtonStyle style = ButtonStyle::Secondary, ImVec2 size = ImVec2(0, 0),
            bool busy = false, bool disabled = false);

// The width a button() with this label takes (its font and padding), for laying out rows of them.
float buttonWidth(const char* label);
// Puts the next item beside the last one when `width` still fits in the row, else on a new line:
// rows of buttons wrap on narrow screens instead of running off the edge.
void sameLineIfFits(float width, float spacing = 10);

// Call right before a page's scrolling area's BeginChild(id): the area starts at the top when
// the page is entered again, or shows another `subject` (a customer's id). ImGui keeps a child
// window's scroll while it is not drawn, so a page opened where an earlier visit (of another
// customer, at another size) left it.
void pageScrollStartsAtTop(const char* id, long long subject = 0);

// A single-line text field bound to a std::string; returns true when Enter was pressed with
// ImGuiInputTextFlags_EnterReturnsTrue, else when it changed. `name` is what the field is called
// on screen (the label above it); items() reports the field under that name.
bool inputText(const char* id, const std::string& name, std::string& value, float width, const char* hint = nullptr,
               ImGuiInputTextFlags flags = 0);
// Puts `value` into the field `itemId` while it is being edited (ImGui types into its own copy of
// an active field's text): a count typed above its limit shows the limit, not what was typed.
void replaceActiveText(ImGuiID itemId, const std::string& value);

void statusBadge(CustomerStatus status);
// The badge of a presented status (core/status_presentation.h: one truth for the header, the
// list, the cards): its label in its tone.
void statusBadge(const StatusPresentation& p);
// Today (YYYY-MM-DD, UTC) by the device's clock, for the presentation's days left.
std::string today();
void pill(const char* label, ImU32 fg, ImU32 bg);

void spinner(float radius, ImU32 color);
void spinnerAt(ImVec2 centre, float radius, ImU32 color);  // draws only; no layout
// A thin indeterminate progress bar across `width` (above a table while it loads).
void activityBar(float width, bool active);

struct Gate;  // kit/gated.h
// A centred block with an icon, a title and a sentence; returns true when the action is clicked.
// A closed `gate` shows the action disabled with its reason under it (kit/gated.h).
bool emptyState(const char* icon, const char* title, const char* body, const char* action = nullptr,
                const Gate* gate = nullptr);
// A red-tinted box saying what went wrong; returns true when Retry is clicked.
bool errorBanner(const std::string& message, bool offerRetry);

// A bordered white card with optional title; pair with endCard().
void beginCard(const char* id, const char* title, ImVec2 size = ImVec2(0, 0), bool autoHeight = true);
void endCard();

// A row of mutually exclusive choices; returns the index clicked, or -1. When the width runs
// out, the choices continue on a second row.
int segmented(const char* id, const char* const* labels, int count, int selected);
// The width segmented() takes on one row.
float segmentedWidth(const char* const* labels, int count);

// A label on the left and its value on the right, on one line of a card (two where the label
// does not fit its column).
void keyValue(const std::string& key, const std::string& value, ImU32 valueColor = 0);

// Text that acts like a link; returns true when clicked.
bool link(const char* label);

// A small red line under a field.
void fieldError(const std::string& message);

// Money in a status colour used by badges: invoice status, subscription status.
void invoiceBadge(const std::string& status);

// prefers-reduced-motion: spinners and the activity bar stand still (and ask for no frames).
void setReducedMotion(bool on);
bool reducedMotion();

// Anything that animates this frame asks for the next one; the main loop reads and clears it.
void requestAnimation();
bool takeAnimationRequest();
// A motion under way (the list gliding to where the wheel sent it) that is not at its end: the
// next frame shows it one step on, and the loop may draw that frame as first built rather than
// settle it (hover catches up a frame later; the motion's last frame is settled as any other).
void requestMotion();
bool takeMotionRequest();

// A button drawn where another just was (Stop where Invite was) takes clicks only once it has
// been on screen longer than a double click lasts, so the second click of a double click on the
// first one does not land on it. settled(): each frame the button is drawn; hidden(): when not.
struct ArrivalGuard {
    static constexpr double kSeconds = 0.5;  // longer than the systems' default double-click time
    double shownAt = -1;
    bool settled();
    void hidden() { shownAt = -1; }
};

}  // namespace rc::ui
