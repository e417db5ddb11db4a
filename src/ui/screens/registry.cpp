#include "ui/screens/registry.h"

#include "ui/kit/theme.h"
#include "ui/screens/add_member_dialog.h"
#include "ui/screens/billing_parts.h"
#include "ui/screens/billing_view.h"
#include "ui/screens/cancel_dialog.h"
#include "ui/screens/edit_customer_dialog.h"
#include "ui/screens/renewal_dialog.h"
#include "ui/screens/start_paid_dialog.h"
#include "ui/screens/suspend_dialog.h"
#include "ui/screens/customer_view.h"
#include "ui/screens/customers_view.h"
#include "ui/screens/dashboard_view.h"
#include "ui/screens/import_dialog.h"
#include "ui/screens/bulk_dialog.h"
#include "ui/screens/views_menu.h"
#include "ui/screens/invoice_dialog.h"
#include "ui/screens/invoices_view.h"
#include "ui/screens/license_order_dialog.h"
#include "ui/screens/new_customer_dialog.h"
#include "ui/screens/plan_change_dialog.h"
#include "ui/screens/sign_out_dialog.h"
#include "ui/screens/team_view.h"
#include "ui/screens/transfer_in_dialog.h"
#include "ui/screens/transfer_out_dialog.h"

namespace rc::ui {
namespace {

template <class V>
constexpr std::unique_ptr<View> (*make)() = &makeView<V>;

}  // namespace

const std::vector<ScreenLine>& screenLines() {
    // screen, icon, label, the navigation entry it lights, its view (and who it is offered to)
    static const std::vector<ScreenLine> lines = {
        {Screen::Dashboard, icon::Dashboard, Text::MenuDashboard, Screen::Dashboard, make<DashboardView>},
        {Screen::Customers, icon::Customers, Text::MenuCustomers, Screen::Customers, make<CustomersView>},
        {Screen::Customer, icon::Customers, Text::MenuCustomers, Screen::Customers, make<CustomerView>},
        {Screen::Invoices, icon::Invoices, Text::MenuInvoices, Screen::Invoices, make<InvoicesView>},
        {Screen::Team, icon::Team, Text::MenuTeam, Screen::Team, make<TeamView>, Capability::ManageTeam},
        {Screen::Billing, icon::Billing, Text::MenuBilling, Screen::Billing, make<BillingView>, Capability::ManageAccount},
    };
    return lines;
}

const ScreenLine& screenLine(Screen screen) {
    for (const ScreenLine& line : screenLines())
        if (line.screen == screen) return line;
    return screenLines().front();  // unreachable while every screen has its line (a test checks)
}

Views::Views() {
    for (const ScreenLine& line : screenLines()) screens_.push_back(line.make());
    // Drawn in this order over whatever screen opened them.
    dialogs_.push_back(make<NewCustomerDialog>());
    dialogs_.push_back(make<LicenseOrderDialog>());
    dialogs_.push_back(make<PlanChangeDialog>());
    dialogs_.push_back(make<CancelDialog>());
    dialogs_.push_back(make<InvoiceDialog>());
    dialogs_.push_back(make<AddMemberDialog>());
    dialogs_.push_back(make<MemberChangeDialog>());
    dialogs_.push_back(make<SignOutDialog>());
    dialogs_.push_back(make<BillingDetailsDialog>());
    dialogs_.push_back(make<ImportDialog>());
    dialogs_.push_back(make<EditCustomerDialog>());
    dialogs_.push_back(make<SuspendDialog>());
    dialogs_.push_back(make<ResumeDialog>());
    dialogs_.push_back(make<BulkDialog>());
    dialogs_.push_back(make<ViewDialog>());
    dialogs_.push_back(make<StartPaidDialog>());
    dialogs_.push_back(make<RenewalDialog>());
    dialogs_.push_back(make<SeatCapDialog>());
    dialogs_.push_back(make<TransferOutDialog>());
    dialogs_.push_back(make<TransferInDialog>());
}

View& Views::screen(Screen screen) {
    const auto& lines = screenLines();
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].screen == screen) return *screens_[i];
    return *screens_.front();
}

void Views::forgetVisitor() {
    for (auto& v : screens_) v->forgetVisitor();
    for (auto& v : dialogs_) v->forgetVisitor();
}

}  // namespace rc::ui
