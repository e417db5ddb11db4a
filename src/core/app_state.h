// The console's whole state as plain data, part by part: what the views read. The store's
// slices (src/core/store/) write it; answers are applied at the start of a frame, in order.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/block_list.h"
#include "core/kiosk.h"
#include "core/message.h"
#include "core/lifecycle_model.h"
#include "core/model.h"
#include "core/offline_state.h"
#include "core/route.h"
#include "core/store/bulk_state.h"
#include "core/store/import_state.h"
#include "core/store/views_state.h"

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
    int writesCleared = 0;      // ...and this many writes made offline went with it (never sent)
    std::optional<ApiError> error;
    GoogleStatus google = GoogleStatus::NotConfigured;
    // A person in several accounts chooses one (409 choose_reseller): the same Google
    // credential is posted again with the chosen account's id.
    std::vector<ResellerChoice> choices;
    std::string credential;  // kept only while choosing
};

// Sign out on a shared computer: asked first while writes made offline are still waiting.
struct SignOutState {
    bool asking = false;        // the warning is open
    bool sendingFirst = false;  // "Send them first": signs out when the last one is sent
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
    std::string recentActor;  // the member (email) `recent` is of; empty: everyone's
    Remote remote;
    Remote recentRemote;
};

// The form keeps what was typed until the invitation is sent: a failure loses nothing.
struct NewCustomerForm {
    bool open = false;
    std::string name, email, googleDomain, organization;
    bool withBilling = false;  // the optional "Billing details" section is filled in
    CustomerBilling billing;
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
    bool confirming = false;  // "Change plan" pressed once: what changes and what it costs, to confirm
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

// The customer's billing details, edited in their own dialog on the customer's page.
struct BillingDetailsEdit {
    bool open = false;
    CustomerBilling draft;
    bool submitting = false;
    std::map<std::string, std::string> fieldErrors;  // API names: billing.address.city, billing.vat_id
    std::optional<ApiError> error;
    std::string idempotencyKey;
};

// The reseller's billing profile (its own screen): as the server has it, and the form's values.
struct BillingProfileState {
    std::optional<BillingProfile> profile;
    Remote remote;
    BillingProfile draft;
    bool dirty = false;  // the form differs from the profile: a fresh load keeps what was typed
    bool saving = false;
    std::map<std::string, std::string> fieldErrors;  // API names: address.postal_code, iban
    std::optional<ApiError> error;
};

// Edit customer (issue 23): the details as the dialog opened with them (sent as expected_*) and
// as typed.
struct CustomerEdit {
    bool open = false;
    CustomerDetails seen, draft;
    bool domainEditable = false;  // only while the invitation is open
    bool submitting = false;
    std::map<std::string, std::string> fieldErrors;  // by API field name
    std::optional<ApiError> error;                   // not about one field
    std::string idempotencyKey;
};

// Suspend and Resume (issue 23): the server's preview first; one request per confirmation.
struct SuspendState {
    bool open = false;
    std::string reason = "non_payment";  // non_payment | customer_request
    std::string note;
    std::optional<SuspendPreview> preview;
    Remote previewRemote;
    bool submitting = false;
    std::optional<ApiError> error;
    std::string idempotencyKey;
};

struct ResumeState {
    bool open = false;
    std::optional<ResumePreview> preview;
    Remote previewRemote;
    bool submitting = false;
    std::optional<ApiError> error;
    std::string idempotencyKey;
};

// Start paid plan now (issue 23): a trial's plan, cycle and count, priced by the server before
// anything is written; only a preview of the choice on screen can be confirmed.
struct StartPaidState {
    bool open = false;
    std::string plan, billingCycle;
    int licenses = 0;
    std::optional<StartPaidPreview> preview;  // for exactly the choice above
    Remote previewRemote;
    bool submitting = false;
    std::optional<ApiError> error;
    std::string idempotencyKey;  // one per dialog: a double click or a retry starts it once
};

// Renewal settings of an annual plan (issue 23): the choice as the dialog opened with it, and as made.
struct RenewalState {
    bool open = false;
    std::string action, seenAction;  // auto_renew | renew_with_count | switch_to_flexible | cancel_at_end
    int licenses = 0, seenLicenses = 0;  // the count for renew_with_count
    bool submitting = false;
    std::optional<ApiError> error;
    std::string idempotencyKey;
};

// The seat cap of a flexible plan: none, or at most `cap` licenses.
struct SeatCapState {
    bool open = false;
    bool capped = false, seenCapped = false;
    int cap = 0, seenCap = 0;
    bool submitting = false;
    std::optional<ApiError> error;
    std::string idempotencyKey;
};

// Transfer to another reseller (issue 23): asked to confirm, then the token made for it, shown
// once (this state is the only place the console keeps it; closing the dialog forgets it).
struct TransferOutState {
    bool open = false;
    std::optional<TransferToken> token;  // made: shown once
    bool submitting = false;
    std::optional<ApiError> error;
    std::string idempotencyKey;  // one per dialog
};

// Take over a customer from another reseller: the token as typed, the server's preview of
// exactly that token, then the move (one Idempotency-Key per dialog: a double click moves once).
struct TransferInState {
    bool open = false;
    std::string token;
    std::optional<TransferPreview> preview;  // for `previewedToken`
    std::string previewedToken;
    Remote previewRemote;
    bool submitting = false;
    std::optional<ApiError> error;  // the preview's or the move's refusal
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
    BillingDetailsEdit billing;
    CustomerEdit edit;
    SuspendState suspend;
    ResumeState resume;
    StartPaidState startPaid;
    RenewalState renewal;
    SeatCapState seatCap;
    TransferOutState transferOut;
    bool revokingTransfer = false;  // Revoke transfer code pressed once: asking to confirm
};

using InvoiceListState = ListState<Invoice, InvoiceFilter>;

struct InvoiceDetailState {
    std::int64_t id = 0;
    std::optional<Invoice> invoice;
    Remote remote;
};

// The Team screen (Admins): the members, adding one, and a role change or removal being confirmed.
struct AddMemberForm {
    bool open = false;
    std::string email, name;
    std::string role = "viewer";  // the least a new member can do, until the Admin chooses
    std::map<std::string, std::string> fieldErrors;  // by API field name
    std::optional<ApiError> error;                   // not about one field
    bool submitting = false;
    std::string idempotencyKey;  // one per opened form: a retry never adds twice
};

// A member's role being changed, or the member being removed: the dialog is the confirmation.
struct MemberChange {
    std::int64_t memberId = 0;  // 0: none open
    bool removing = false;      // else a role change to `role`
    std::string role;
    bool submitting = false;
    std::optional<ApiError> error;
    std::string idempotencyKey;
};

struct TeamState {
    std::vector<TeamMember> members;  // Admins first, then by name, as the server orders them
    bool loaded = false;
    Remote remote;
    AddMemberForm add;
    MemberChange change;
    const TeamMember* member(std::int64_t id) const {
        for (const auto& m : members)
            if (m.id == id) return &m;
        return nullptr;
    }
    // The team's Admins (the last one can be neither removed nor given another role).
    int admins() const {
        int n = 0;
        for (const auto& m : members) n += m.role == "admin";
        return n;
    }
};

enum class ToastKind { Success, Info, Error };
// Words are made when the toast is drawn (sentence(message)): a language switch re-translates it.
struct Toast {
    std::uint64_t id = 0;
    ToastKind kind = ToastKind::Success;
    Message message;
    double expiresAt = 0;
};

// Plain data: what every view reads. Each part is written by one slice of the store
// (src/core/store/*.h); the views never write it.
struct AppState {
    Phase phase = Phase::Booting;
    // The server's clock minus the device's (ms), from the Date of the latest answer: days are
    // counted by the server's date (Store::today()), whatever the device's clock says.
    std::int64_t serverClockOffsetMs = 0;
    AppConfig config;
    std::optional<ApiError> configError;
    std::optional<Session> session;
    // Who is signed in and what each role may do (GET /me); core/access.h reads it.
    std::optional<Me> me;
    Route route;
    SignInState signIn;
    SignOutState signOut;
    std::optional<PlanCatalog> plans;
    DashboardState dashboard;
    CustomerListState customers;
    TransferInState transferIn;  // opened from the customer list
    NewCustomerForm newCustomer;
    CustomerPageState customer;
    InvoiceListState invoices;
    InvoiceDetailState invoice;
    TeamState team;
    BillingProfileState billingProfile;
    std::vector<Toast> toasts;
    Remote download;
    OfflineState offline;
    KioskState kiosk;
    TableColumns customerColumns;  // per device (src/core/store/columns.cpp)
    TableColumns invoiceColumns;
    ImportState importer;  // issue 19: customers from a spreadsheet (src/core/store/import.cpp)
    BulkState bulk;        // issue 19: the customer list's selection and a bulk action (src/core/store/bulk.cpp)
    SavedViewsState views; // issue 19: the customer list's saved views (src/core/store/views.cpp)
};

enum class Table { Customers, Invoices };

}  // namespace rc
