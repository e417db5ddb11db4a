// The whole console for one frame: boot and sign-in screens, or the main layout (left menu,
// top bar, current screen).
#pragma once
#include "core/store.h"
#include "ui/customers_view.h"
#include "ui/dashboard_view.h"
#include "ui/invoices_view.h"
#include "ui/sign_in_view.h"

namespace rc::ui {

class ConsoleUi {
public:
    void draw(Store& store);

private:
    void drawBoot(Store& store);
    void drawSidebar(Store& store, float height);
    void drawTopBar(Store& store, float width);
    void drawLanguageSwitch();

    SignInView signIn_;
    DashboardView dashboard_;
    CustomersView customers_;
    InvoicesView invoices_;
};

}  // namespace rc::ui
