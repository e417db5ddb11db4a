// The whole console for one frame: boot and sign-in screens, or the shell (navigation as a
// sidebar, icon rail or menu button, the top bar, the kiosk ribbon, the current screen), the
// dialogs over it, the toasts and the kiosk's "Still there?" notice. Where each piece goes
// comes from the shell layout (kit/layout.h), worked out once per frame from the screen size.
#pragma once
#include <cstdint>

#include "core/store.h"
#include "ui/screens/customer_view.h"
#include "ui/screens/customers_view.h"
#include "ui/screens/dashboard_view.h"
#include "ui/screens/dialogs.h"
#include "ui/screens/invoices_view.h"
#include "ui/kit/layout.h"
#include "ui/screens/sign_in_view.h"
#include "ui/kit/touch_scroll.h"

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
    void drawTopBar(Store& store);
    void drawMenuDrawer(Store& store);
    void drawLanguageSwitch(Store& store);
    void drawToasts(Store& store);
    void drawKioskNotice(Store& store);
    void handleShortcuts(Store& store);
    void go(Store& store, Screen screen);
    // After a kiosk start-over: nothing typed, no scroll position and no open menu survives.
    void forgetVisitor();

    SignInView signIn_;
    DashboardView dashboard_;
    CustomersView customers_;
    CustomerView customer_;
    InvoicesView invoices_;
    NewCustomerDialog newCustomer_;
    LicenseOrderDialog licenseOrder_;
    PlanChangeDialog planChange_;
    CancelDialog cancel_;
    InvoiceDialog invoice_;
    ShellLayout layout_;
    TouchScroller touchScroll_;
    bool touch_ = false;
    float bannerHeight_ = 0;
    bool touchStyle_ = false;  // the style the theme was last applied for
    bool menuOpen_ = false;
    std::uint64_t startOversSeen_ = 0;
};

}  // namespace rc::ui
