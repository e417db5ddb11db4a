#include "ui/kit/layout.h"

#include <algorithm>

namespace rc::ui {
namespace {

constexpr float kSidebarWidth = 240;
constexpr float kRailWidth = 84;
constexpr float kTopBarHeight = 64;
constexpr float kPhoneTopBarHeight = 56;
constexpr float kRibbonHeight = 28;

ShellLayout gShell;

}  // namespace

ShellLayout layoutShell(const ShellInputs& in) {
    ShellLayout l;
    float w = std::max(0.0f, in.width), h = std::max(0.0f, in.height);
    l.size = w >= breakpoint::Wide ? SizeClass::Wide : w >= breakpoint::Medium ? SizeClass::Medium : SizeClass::Narrow;
    l.touch = in.touch;
    l.tapTarget = in.touch ? kTapTarget : 0;
    l.controlHeight = in.touch ? kTapTarget : 36;

    // The strips across the top: the offline banner, then the kiosk ribbon.
    float y = 0;
    if (in.bannerHeight > 0) {
        l.banner = Box{0, y, w, in.bannerHeight};
        y += in.bannerHeight;
    }
    if (in.kiosk) {
        l.ribbon = Box{0, y, w, kRibbonHeight};
        y += kRibbonHeight;
    }

    switch (l.size) {
        case SizeClass::Wide:
            l.navigation = Navigation::Sidebar;
            l.nav = Box{0, y, kSidebarWidth, h - y};
            l.padding = 32;
            break;
        case SizeClass::Medium:
            l.navigation = Navigation::Rail;
            l.nav = Box{0, y, kRailWidth, h - y};
            l.padding = 24;
            break;
        case SizeClass::Narrow:
            l.navigation = Navigation::MenuButton;
            l.padding = 16;
            l.dialogsFullScreen = true;
            l.drawer = Box{0, y, std::min(320.0f, w - 48), h - y};
            break;
    }
    float topH = l.size == SizeClass::Narrow ? kPhoneTopBarHeight : kTopBarHeight;
    l.topBar = Box{l.nav.w, y, w - l.nav.w, topH};
    l.shortScreen = h < breakpoint::Short;
    float top = y + topH + (l.size == SizeClass::Narrow || l.shortScreen ? 12 : 28);
    l.content = Box{l.nav.w + l.padding, top, std::max(0.0f, w - l.nav.w - 2 * l.padding),
                    std::max(0.0f, h - top - (l.size == SizeClass::Narrow || l.shortScreen ? 12 : 24))};
    // The search box needs room beside the language switch and the account.
    l.showSearchJump = l.topBar.w >= 900;
    l.showAccount = l.size != SizeClass::Narrow;
    return l;
}

int figureColumns(float width) { return width >= 840 ? 3 : width >= 520 ? 2 : 1; }
bool twoColumns(float width) { return width >= 860; }
bool cardList(const ShellLayout& layout) { return layout.size == SizeClass::Narrow; }

const ShellLayout& shell() { return gShell; }
void setShell(const ShellLayout& layout) { gShell = layout; }

float tappable(float size) { return std::max(size, gShell.tapTarget); }

}  // namespace rc::ui
