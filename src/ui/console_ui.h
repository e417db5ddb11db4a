// The whole console for one frame: boot and sign-in screens, or the shell (navigation as a
// sidebar, icon rail or menu button, the top bar, the kiosk ribbon, the current screen), the
// dialogs over it, the toasts and the kiosk's "Still there?" notice. Where each piece goes
// comes from the shell layout (kit/layout.h), worked out once per frame from the screen size.
#pragma once
#include <cstdint>
#include <optional>

#include "core/store.h"
#include "ui/kit/layout.h"
#include "ui/kit/touch_scroll.h"
#include "ui/screens/registry.h"
#include "ui/screens/sign_in_view.h"

namespace rc::ui {

class ConsoleUi {
public:
    void draw(Store& store);
    // A touch screen (coarse pointer, or a touch was seen): 44 px tap targets and touch spacing.
    void setTouchScreen(bool touch) { touch_ = touch; }
    // The offline banner's strip at the top of the screen (its owner draws it in layout().banner).
    void setBannerHeight(float height) { bannerHeight_ = height; }
    const ShellLayout& layout() const { return layout_; }

private:
    void drawBoot(Store& store);
    void drawRibbon(Store& store);
    void drawNavigation(Store& store);
    // The registry's navigation entries, one under the other (sidebar, phone menu) or as a rail;
    // `gap`: a spacer of that height between entries (the phone's menu has none).
    void navigationEntries(Store& store, bool rail, float width, std::optional<float> gap);
    void focusCustomerSearch();
    void drawTopBar(Store& store);
    void drawMenuDrawer(Store& store);
    void drawLanguageSwitch(Store& store);
    void handleShortcuts(Store& store);
    void go(Store& store, Screen screen);
    // After a kiosk start-over: nothing typed, no scroll position and no open menu survives.
    void forgetVisitor();

    SignInView signIn_;
    Views views_;  // every screen and dialog, from the registry (screens/registry.h)
    ShellLayout layout_;
    TouchScroller touchScroll_;
    bool touch_ = false;
    float bannerHeight_ = 0;
    bool touchStyle_ = false;  // the style the theme was last applied for
    bool menuOpen_ = false;
    std::uint64_t startOversSeen_ = 0;
};

}  // namespace rc::ui
