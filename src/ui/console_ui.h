// The whole console for one frame: boot and sign-in screens, or the main layout (left menu,
// top bar, current screen), the dialogs over it and the toasts.
#pragma once
#include "core/store.h"
#include "ui/customer_view.h"
#include "ui/customers_view.h"
#include "ui/dashboard_view.h"
#include "ui/dialogs.h"
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
    void drawLanguageSwitch(Store& store);
    void drawToasts(Store& store);
    void handleShortcuts(Store& store);

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
};

}  // namespace rc::ui
