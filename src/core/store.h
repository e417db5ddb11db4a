// The store: the composition root of the console's state and its intents. Views read state()
// (plain data, core/app_state.h) and call intents on its slices, one room per feature:
//     store.customers().setFilter(f);  store.subscription().placeLicenseOrder();
// Answers arrive through the transport's main-thread queue and are applied by the slice that
// asked, in order. No ImGui, no Emscripten: it compiles and is tested natively.
#pragma once
#include <cstdint>
#include <string>

#include "core/api_client.h"
#include "core/app_state.h"
#include "core/offline_reads.h"
#include "core/platform.h"
#include "core/store/billing.h"
#include "core/store/bulk.h"
#include "core/store/views.h"
#include "core/store/columns.h"
#include "core/store/context.h"
#include "core/store/customer_page.h"
#include "core/store/customers.h"
#include "core/store/dashboard.h"
#include "core/store/import.h"
#include "core/store/invoices.h"
#include "core/store/kiosk.h"
#include "core/store/lifecycle.h"
#include "core/store/new_customer.h"
#include "core/store/offline.h"
#include "core/store/session.h"
#include "core/store/sign_out.h"
#include "core/store/subscription.h"
#include "core/store/team.h"
#include "core/store/toasts.h"

namespace rc {

class Store {
public:
    Store(Transport& transport, Platform& platform);
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const AppState& state() const { return state_; }
    // Today (YYYY-MM-DD, UTC) by the server's clock (the device's until an answer said otherwise):
    // a trial's days left read the same on every device, whatever its clock.
    std::string today() const;

    // Reads this device's settings and the page's config, then signs in with a saved session
    // or waits for the reseller. `initialHash` is the address bar's fragment at load: a reload
    // returns to the same screen.
    void start(std::string configUrl = "config.json", std::string initialHash = {});
    // push=false when the address bar itself changed: back, forward, typed.
    void navigate(const Route& route, bool push = true);
    void openCustomer(std::int64_t id);
    // Does what is due by the clock (toasts leave, a paused search is sent); returns when the
    // next thing is due (0: nothing waits).
    double runTimers();

    // The slices, one per feature (src/core/store/).
    SessionSlice& session() { return session_; }
    DashboardSlice& dashboard() { return dashboard_; }
    CustomersSlice& customers() { return customers_; }
    NewCustomerSlice& newCustomer() { return newCustomer_; }
    CustomerPageSlice& customerPage() { return customerPage_; }
    SubscriptionSlice& subscription() { return subscription_; }
    InvoicesSlice& invoices() { return invoices_; }
    ToastsSlice& toasts() { return toasts_; }
    OfflineSlice& offline() { return offline_; }
    const OfflineSlice& offline() const { return offline_; }
    KioskSlice& kiosk() { return kiosk_; }
    ColumnsSlice& columns() { return columns_; }
    TeamSlice& team() { return team_; }
    SignOutSlice& signOut() { return signOut_; }
    ImportSlice& importer() { return importer_; }
    BillingSlice& billing() { return billing_; }
    LifecycleSlice& lifecycle() { return lifecycle_; }
    BulkSlice& bulk() { return bulk_; }
    ViewsSlice& views() { return views_; }

private:
    OfflineReads reads_;  // between the API client and the network: keeps answers for offline use
    ApiClient api_;
    AppState state_;
    StoreContext ctx_;
    SessionSlice session_{ctx_};
    DashboardSlice dashboard_{ctx_};
    CustomersSlice customers_{ctx_};
    NewCustomerSlice newCustomer_{ctx_};
    CustomerPageSlice customerPage_{ctx_};
    SubscriptionSlice subscription_{ctx_};
    InvoicesSlice invoices_{ctx_};
    ToastsSlice toasts_{ctx_};
    OfflineSlice offline_;
    KioskSlice kiosk_{ctx_};
    ColumnsSlice columns_{ctx_};
    TeamSlice team_{ctx_};
    SignOutSlice signOut_{ctx_};
    ImportSlice importer_{ctx_};
    BillingSlice billing_{ctx_};
    LifecycleSlice lifecycle_{ctx_};
    BulkSlice bulk_{ctx_};
    ViewsSlice views_{ctx_};
};

}  // namespace rc
