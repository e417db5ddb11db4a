// The shell's layout as data, in one place: the breakpoints, what the navigation becomes at
// each width (sidebar, icon rail, top bar with a menu button), the strips that share the top
// of the screen (the offline banner, the kiosk's "Demo" ribbon), where screens draw, touch
// sizes, and the few width rules screens follow (figure cards per row, one or two columns).
// A pure function of the screen: tested natively, no ImGui in here.
#pragma once

namespace rc::ui {

namespace breakpoint {
constexpr float Medium = 700;   // below: phones (top bar with a menu button, cards, full-screen dialogs)
constexpr float Wide = 1200;    // from here: the full sidebar
constexpr float Short = 600;    // below this height (200 % zoom, a phone held sideways): less air, no subtitles
}  // namespace breakpoint

constexpr float kTapTarget = 44;  // CSS px, the smallest thing a finger should have to hit

enum class SizeClass { Narrow, Medium, Wide };
enum class Navigation { Sidebar, Rail, MenuButton };

struct Box {
    float x = 0, y = 0, w = 0, h = 0;
    bool empty() const { return w <= 0 || h <= 0; }
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};

struct ShellInputs {
    float width = 0, height = 0;  // the viewport, CSS px
    bool touch = false;           // a touch screen: tap targets of 44 x 44
    bool kiosk = false;           // the "Demo" ribbon
    float bannerHeight = 0;       // the offline banner's strip, as tall as its owner needs (0: none)
};

struct ShellLayout {
    SizeClass size = SizeClass::Wide;
    Navigation navigation = Navigation::Sidebar;
    Box banner;    // offline banner (top-most)
    Box ribbon;    // kiosk ribbon, under the banner
    Box nav;       // sidebar or rail; empty on phones
    Box topBar;
    Box content;   // where the current screen draws (padding applied)
    Box drawer;    // the phone's menu, when it is open
    float padding = 32;
    float tapTarget = 0;      // minimum height and width of anything tappable (0: none)
    float controlHeight = 36; // buttons and fields
    bool touch = false;
    bool dialogsFullScreen = false;
    bool showSearchJump = true;  // the top bar's search box
    bool showAccount = true;     // the reseller's name and email in the top bar
    bool shortScreen = false;    // little height: pages drop their subtitles and keep lists in sight
};

ShellLayout layoutShell(const ShellInputs& in);

// Width rules the screens share (all take the width they have to draw in).
int figureColumns(float width);     // dashboard figure cards per row: 3, 2 or 1
bool twoColumns(float width);       // side-by-side cards (customer page, chart beside activity)
// Customer and invoice lists as cards instead of a table: phones.
bool cardList(const ShellLayout& layout);

// This frame's layout, for widgets and views (set by ConsoleUi at the start of each frame).
const ShellLayout& shell();
void setShell(const ShellLayout& layout);

// A height or width no smaller than a tap target on touch screens.
float tappable(float size);

}  // namespace rc::ui
