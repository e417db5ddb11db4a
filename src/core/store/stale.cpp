#include "core/store/stale.h"

#include "core/app_state.h"

namespace rc {
namespace {

struct StaleRule {
    Change change;
    std::uint32_t stale;
};

// A customer's status and counts show in the list and the figures; a subscription's changes
// also issue or void invoices.
constexpr StaleRule kRules[] = {
    {Change::CustomerInvited, kStaleCustomerList | kStaleDashboard},
    {Change::InvitationRevoked, kStaleCustomerList | kStaleDashboard},
    {Change::InvitedAgain, kStaleCustomerList | kStaleDashboard},
    {Change::CustomerEdited, kStaleCustomerList | kStaleDashboard},
    {Change::SubscriptionChanged, kStaleCustomerList | kStaleDashboard | kStaleInvoiceList},
    // The history (the dashboard's recent activity) names team changes.
    {Change::TeamChanged, kStaleDashboard},
    {Change::CustomerTransferred, kStaleCustomerList | kStaleDashboard},
};

}  // namespace

std::uint32_t staleAfter(Change change) {
    for (const auto& rule : kRules)
        if (rule.change == change) return rule.stale;
    return 0;
}

void markStale(AppState& state, Change change) {
    std::uint32_t parts = staleAfter(change);
    if (parts & kStaleCustomerList) state.customers.stale = true;
    if (parts & kStaleDashboard) state.dashboard.data.reset();
    if (parts & kStaleInvoiceList) state.invoices.stale = true;
}

}  // namespace rc
