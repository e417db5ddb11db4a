// The console's state and the intents that change it. Views read state() and call intents;
// answers arrive through the transport's main-thread queue and are applied here, in order.
// No ImGui, no Emscripten: it compiles and is tested natively.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/api_client.h"
#include "core/block_list.h"
#include "core/kiosk.h"
#include "core/model.h"
#include "core/offline_reads.h"
#include "core/offline_state.h"
#include "core/platform.h"
#include "core/route.h"

namespace rc {

enum class Phase { Booting, ConfigFailed, SignedOut, SignedIn };
// Google's sign-in library: not configured, loading, ready (its button is shown), or failed to load.
enum class GoogleStatus { NotConfigured, Loading, Ready, Unavailable };

// One request's life: what a screen shows while it is on its way or after it failed.
struct Remote {
    bool loading = false;
    std::optional<ApiError> error;
};

struct SignInState {
    std::string email;
    bool pending = false;
    bool sessionEnded = false;  // came back here because the server ended the session
    std::optional<ApiError> error;
    GoogleStatus google = GoogleStatus::NotConfigured;
};

// A list as long as the server's whole result for `filter` (the scroll bar spans its total),
// held as blocks of rows around what is on screen (core/block_list.h).
template <class Item, class Filter>
struct ListState {
    Filter filter;  // what the rows were fetched for
    BlockList<Item> rows;
    std::int64_t first = 0, last = 0;  // the rows on screen, as the view last said
    bool loaded = false;  // the first block has arrived
    bool stale = false;   // changed elsewhere: fetched again when the screen is shown next
    Remote remote;        // loading: a block on its way; error: the latest failure
};
using CustomerListState = ListState<Customer, CustomerFilter>;

struct DashboardState {
    std::optional<Dashboard> data;
    std::vector<ActivityEntry> recent;
    Remote remote;
};

// The form keeps what was typed until the invitation is sent: a failure loses nothing.
struct NewCustomerForm {
    bool open = false;
    std::string name, email, googleDomain, organization;
    std::map<std::string, std::string> fieldErrors;  // from the server, by API field name
    std::optional<ApiError> error;                   // not about one field
    bool submitting = false;
    std::string idempotencyKey;  // one per opened form: a retry never invites twice
};

struct LicenseOrderState {
    bool open = false;
    int target = 0;
    std::optional<LicensePreview> preview;  // for preview->licenses
    Remote previewRemote;
    bool confirming = false;  // "Order now" pressed once: asking to confirm
    bool ordering = false;
    std::optional<ApiError> orderError;
    std::string idempotencyKey;
};

struct PlanChangeState {
    bool open = false;
    std::string plan, billingCycle;
    std::optional<PlanChangePreview> preview;
    Remote previewRemote;
    bool submitting = false;
    std::optional<ApiError> error;
    std::string idempotencyKey;
};

struct CancelState {
    bool open = false;
    std::string typedDomain;
    std::string when = "end_of_term";  // end_of_term | now
    std::string reason;
    bool submitting = false;
    std::optional<ApiError> error;
    std::string idempotencyKey;
};

struct CustomerPageState {
    std::int64_t id = 0;
    std::optional<Customer> customer;
    Remote remote;
    std::vector<ActivityEntry> activity;
    Remote activityRemote;
    std::vector<Invoice> invoices;
    Remote invoicesRemote;
    bool actionPending = false;  // resend, revoke, reactivate
    bool confirmingRevoke = false;  // Revoke pressed once: asking to confirm
    std::optional<ApiError> actionError;
    LicenseOrderState licenses;
    PlanChangeState plan;
    CancelState cancel;
};

using InvoiceListState = ListState<Invoice, InvoiceFilter>;

struct InvoiceDetailState {
    std::int64_t id = 0;
    std::optional<Invoice> invoice;
    Remote remote;
};

enum class ToastKind { Success, Info, Error };
struct Toast {
    std::uint64_t id = 0;
    ToastKind kind = ToastKind::Success;
    std::string text;
    double expiresAt = 0;
};

// Plain data: can be copied, saved and restored whole.
struct AppState {
    Phase phase = Phase::Booting;
    AppConfig config;
    std::optional<ApiError> configError;
    std::optional<Session> session;
    Route route;
    SignInState signIn;
    std::optional<PlanCatalog> plans;
    DashboardState dashboard;
    CustomerListState customers;
    NewCustomerForm newCustomer;
    CustomerPageState customer;
    InvoiceListState invoices;
    InvoiceDetailState invoice;
    std::vector<Toast> toasts;
    Remote download;
    OfflineState offline;
    KioskState kiosk;
    TableColumns customerColumns;  // per device (src/core/store/columns.cpp)
    TableColumns invoiceColumns;
};

enum class Table { Customers, Invoices };

class Store {
public:
    Store(Transport& transport, Platform& platform) : reads_(transport, platform), api_(reads_), platform_(platform) {
        connectOffline();
    }

    const AppState& state() const { return state_; }

    // Takes over a saved copy of the whole state (offline use and kiosks cache it). Requests
    // that were on their way for the copy are not: what was loading is shown as not loaded.
    void restore(AppState saved);

    // --- start-up and session
    // `initialHash` is the address bar's fragment at load: a reload returns to the same screen.
    void start(std::string configUrl = "config.json", std::string initialHash = {});
    void retryStart();
    void editSignInEmail(std::string email);
    void signInDemo();
    void signInWithGoogle(const std::string& credential);
    void setGoogleStatus(GoogleStatus status);
    void signOut();

    // --- navigation (push=false when the address bar itself changed: back, forward, typed)
    void navigate(const Route& route, bool push = true);
    void openCustomer(std::int64_t id) { Route r; r.screen = Screen::Customer; r.customerId = id; navigate(r); }

    // --- dashboard
    void loadDashboard();

    // --- customers list
    // A new search waits for a pause in typing (one request per pause); status and sort apply at once.
    void setCustomerFilter(const CustomerFilter& filter);
    void reloadCustomers();
    // Rows first..last are on screen: their blocks (and a margin) are fetched, far ones dropped.
    void viewCustomers(std::int64_t first, std::int64_t last);
    void retryCustomers();

    // --- new customer
    void openNewCustomer();
    void closeNewCustomer();
    void editNewCustomer(const std::string& name, const std::string& email, const std::string& domain,
                         const std::string& organization);
    void submitNewCustomer();
    // Checks one field with the server's rules when the reseller leaves it (name, email,
    // google_domain, organization); an empty field is only flagged on submit.
    void checkNewCustomerField(const std::string& field);

    // --- one customer
    void reloadCustomer();
    void resendInvitation();
    void requestRevoke() { if (state_.customer.customer && !state_.customer.actionPending) state_.customer.confirmingRevoke = true; }
    void cancelRevoke() { state_.customer.confirmingRevoke = false; }
    void revokeInvitation();  // only after requestRevoke()
    void copyInvitationLink();

    void openLicenseOrder();
    void closeLicenseOrder();
    void setLicenseTarget(int target);  // asks the server for a price preview
    void requestOrderConfirmation();
    void cancelOrderConfirmation();
    void placeLicenseOrder();

    void openPlanChange();
    void closePlanChange();
    void choosePlan(const std::string& plan, const std::string& billingCycle);
    void confirmPlanChange();

    void openCancel();
    void closeCancel();
    void editCancel(const std::string& typedDomain, const std::string& when, const std::string& reason);
    void confirmCancel();
    void reactivate();

    // --- invoices
    void setInvoiceFilter(const InvoiceFilter& filter);
    void reloadInvoices();
    void viewInvoices(std::int64_t first, std::int64_t last);
    void retryInvoices();
    void openInvoice(std::int64_t id);
    void closeInvoice();
    void downloadInvoicePdf();
    void exportInvoicesCsv();

    // --- toasts
    void dismissToast(std::uint64_t id);
    // Toasts are sentences in the language they were made in: a language switch clears them.
    void dismissAllToasts() { state_.toasts.clear(); }
    // Removes expired toasts; returns the time the next one expires (0: none left).
    double expireToasts();
    // Does what is due by the clock (toasts leave, a paused search is sent); returns when the
    // next thing is due (0: nothing waits).
    double runTimers();

    static constexpr double kSearchPause = 0.3;  // seconds without typing before a search is sent

    // --- offline use (store/offline.cpp)
    // The page's online/offline events: a hint; answers (or their absence) are the truth.
    void setBrowserOnline(bool online);
    void retryConnection();  // "Try again" on the offline banner
    void setUpdateReady();   // the service worker has a new version of the console
    void applyUpdate();      // "Reload" into it
    void dismissStorageNote();
    void retryQueuedWrite(const std::string& storageKey);
    void discardQueuedWrite(const std::string& storageKey);
    // Offline, the license dialog queues the order without a price (the server prices it).
    void queueLicenseOrder();
    bool offline() const { return !state_.offline.online; }
    // Writes wait for the network only where this browser can keep them across a reload.
    bool canQueueWrites() const { return !state_.offline.offlineUseUnavailable(); }
    // --- table columns, remembered per device (src/core/store/columns.cpp)
    void setColumnWidth(Table table, const std::string& key, float width);
    void setColumnHidden(Table table, const std::string& key, bool hidden);
    void resetColumns(Table table);

    // --- kiosk (src/core/store/kiosk.cpp)
    // Any touch, click or key: the visitor is there (and "Still there?" goes away).
    void kioskInput();
    // Applies what is due now (the notice, or starting over); returns when to look again
    // (platform clock, 0: nothing pending). Cheap: the loop calls it every frame.
    double kioskTick();
    // Starts over for the next visitor: dialogs closed, typed text and scroll positions gone,
    // back to the dashboard, and the server asked to put the demo data back. Answers to
    // anything asked before are dropped.
    void kioskStartOver();
    // Opens the customer's invitation page in this window; it links back to this customer.
    void openInvitationPage();

    // Rules shown before the reseller tries (the server enforces the same ones).
    static bool canReduceLicensesNow(const Subscription& s) { return !s.isAnnual() || s.status == "trial"; }

private:
    // --- offline (store/offline.cpp)
    void connectOffline();
    void onReadAnswer(const OfflineReads::Answer& answer);
    void offlineSignedIn();
    void offlineSignedOut(bool dropData);
    void loadOutbox();
    // Saves a write for later; `saved` is told whether storage took it.
    void queueWrite(QueuedWrite write, std::function<void(bool saved)> saved);
    void saveWrite(const QueuedWrite& write);
    void pumpOutbox();
    void onWriteAnswered(const std::string& storageKey, std::uint64_t generation, const HttpResponse& response);
    void refreshScreen();
    void scheduleProbe();
    QueuedWrite* findWrite(const std::string& storageKey);
    QueuedWrite newCustomerWrite(const NewCustomerForm& form, const std::string& body) const;
    void queueNewCustomer(const std::string& body);
    QueuedWrite licenseOrderWrite(std::int64_t customerId, int target) const;

    void afterConfig();
    void onSignedIn(Session session, bool restored);
    void endSession(bool expired);
    void enterRoute();
    void loadPlans();
    // Handles 401 everywhere: back to sign-in, then back to the same screen.
    bool handleAuth(const ApiError& error);
    void toast(ToastKind kind, std::string text);
    void onDownloaded(const std::string& filename, const std::optional<ApiError>& error);
    void loadCustomerExtras();
    void applySubscription(const Subscription& s);
    void requestLicensePreview();
    void requestPlanPreview();
    void onLicensesChanged(int licenses);
    void onPlanChanged(const ApiError& error);
    // False for answers to requests made before a sign-in, sign-out or kiosk start-over.
    bool isCurrentSession(std::uint64_t generation) const { return generation == sessionGeneration_; }
    void kioskSignIn();
    void loadColumns();
    void saveColumns(Table table);
    // Every screen's data, open dialog and draft: gone (a new session, the next kiosk visitor).
    void forgetScreens();
    template <class T, class Call, class Done>
    void customerAction(Call call, Done onSuccess);
    void applyCustomerFilter(const CustomerFilter& filter);
    // Fetches the blocks of rows first..last of a list (and a margin); answers for blocks that
    // were dropped, or for another filter, are dropped too.
    template <class Item, class Filter, class Page, class Fetch>
    void viewRows(ListState<Item, Filter> AppState::*list, std::int64_t first, std::int64_t last, Fetch fetch);

    OfflineReads reads_;  // between the API client and the network: keeps answers for offline use
    ApiClient api_;
    Platform& platform_;
    AppState state_;
    std::string configUrl_;
    std::string initialHash_;
    std::uint64_t sessionGeneration_ = 0;  // answers for an earlier session (or kiosk visitor) are dropped
    bool searchPending_ = false;  // a search waits for a pause in typing
    CustomerFilter pendingSearch_;
    double searchDueAt_ = 0;
    std::uint64_t customerRequest_ = 0;
    std::uint64_t previewRequest_ = 0;
    std::uint64_t nextToastId_ = 1;
};

}  // namespace rc
