// Builds partner API requests and decodes their answers. Knows HTTP and JSON, not screens.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "core/bulk_codec.h"
#include "core/http.h"
#include "core/lifecycle_model.h"
#include "core/model.h"
#include "core/result.h"
#include "core/route.h"

namespace rc {

class ApiClient {
public:
    template <class T>
    using Callback = std::function<void(Result<T>)>;

    explicit ApiClient(Transport& transport) : transport_(transport) {}

    void setBaseUrl(std::string url) { baseUrl_ = std::move(url); }
    void setToken(std::string token) { token_ = std::move(token); }
    // Called with the Date of every answer the server gave just now (not one kept for offline use).
    void onServerDate(std::function<void(std::int64_t)> fn) { serverDate_ = std::move(fn); }
    const std::string& baseUrl() const { return baseUrl_; }

    void fetchConfig(const std::string& url, Callback<AppConfig> done);
    void signInDemo(const std::string& email, Callback<Session> done);
    // resellerId: the account chosen after 409 choose_reseller (0: not chosen).
    void signInGoogle(const std::string& credential, std::int64_t resellerId, Callback<Session> done);
    void signOut(Callback<Unit> done);
    // Ends the session of `token` (a sign-out made offline, sent when the network is back);
    // answered raw: the caller decides what each answer means.
    void signOutSession(const std::string& token, Transport::Completion done);
    void me(Callback<Me> done);
    void plans(Callback<PlanCatalog> done);
    void dashboard(Callback<Dashboard> done);
    // The reseller's billing profile: read by every member, written whole by an Admin (PUT).
    void billingProfile(Callback<BillingProfile> done);
    void saveBillingProfile(const BillingProfile& profile, Callback<BillingProfile> done);

    void listCustomers(const CustomerFilter& filter, const std::string& cursor, int limit, Callback<CustomersPage> done);
    // The rows at offset..offset+limit-1 of the filter's sort.
    void listCustomersAt(const CustomerFilter& filter, std::int64_t offset, int limit, Callback<CustomersPage> done);
    void createCustomer(const std::string& body, const std::string& idempotencyKey, Callback<Customer> done);
    void customer(std::int64_t id, Callback<Customer> done);
    void resendInvitation(std::int64_t id, const std::string& idempotencyKey, Callback<Customer> done);
    void revokeInvitation(std::int64_t id, const std::string& idempotencyKey, Callback<Customer> done);
    // PATCH with only the billing details (nullopt removes them); the customer as it is now.
    void updateCustomerBilling(std::int64_t id, const std::optional<CustomerBilling>& billing, const std::string& idempotencyKey,
                               Callback<Customer> done);
    // A new invitation for a revoked, declined, expired or cancelled customer (issue 23).
    void inviteAgain(std::int64_t id, const std::string& idempotencyKey, Callback<Customer> done);
    // Edit customer: PATCH with the changed details and the ones seen (codec::encodeCustomerEdit).
    void updateCustomer(std::int64_t id, const std::string& body, const std::string& idempotencyKey, Callback<Customer> done);
    // Suspend and resume a subscription, each with its preview (nothing written); the outcome's
    // subscription (and, resuming, the invoice for the rest of the period).
    void previewSuspend(std::int64_t customerId, const std::string& reason, const std::string& note, Callback<SuspendPreview> done);
    void suspend(std::int64_t customerId, const std::string& reason, const std::string& note, const std::string& idempotencyKey,
                 Callback<OrderOutcome> done);
    void previewResume(std::int64_t customerId, Callback<ResumePreview> done);
    void resume(std::int64_t customerId, const std::string& idempotencyKey, Callback<OrderOutcome> done);
    // A trial's paid plan started now, with its preview; the outcome has the invoice for the first period.
    void previewStartPaid(std::int64_t customerId, const std::string& plan, const std::string& cycle, int licenses,
                          Callback<StartPaidPreview> done);
    void startPaid(std::int64_t customerId, const std::string& plan, const std::string& cycle, int licenses,
                   const std::string& idempotencyKey, Callback<OrderOutcome> done);

    // Renewal settings (codec::encodeRenewal) and the seat cap (codec::encodeSeatCap): the subscription after.
    void setRenewal(std::int64_t customerId, const std::string& body, const std::string& idempotencyKey, Callback<Subscription> done);
    void setSeatCap(std::int64_t customerId, const std::string& body, const std::string& idempotencyKey, Callback<Subscription> done);

    // Transfers (issue 23): a one-time token for the customer (its text shown once), revoking it;
    // the receiving reseller's preview of what would move and the move itself.
    void createTransferToken(std::int64_t customerId, const std::string& idempotencyKey, Callback<TransferToken> done);
    void revokeTransferToken(std::int64_t customerId, const std::string& idempotencyKey, Callback<Unit> done);
    void previewTransfer(const std::string& token, Callback<TransferPreview> done);
    void transfer(const std::string& token, const std::string& idempotencyKey, Callback<TransferOutcome> done);

    void previewLicenses(std::int64_t customerId, int licenses, Callback<LicensePreview> done);
    // expectedLicenses: the count the reseller saw; the server answers 409 licenses_changed if it moved.
    void orderLicenses(std::int64_t customerId, int licenses, int expectedLicenses, const std::string& idempotencyKey,
                       Callback<OrderOutcome> done);
    void previewPlan(std::int64_t customerId, const std::string& plan, const std::string& cycle, Callback<PlanChangePreview> done);
    // expected: the plan and cycle the reseller saw; the server answers 409 plan_changed if they moved.
    void changePlan(std::int64_t customerId, const std::string& plan, const std::string& cycle, const std::string& expectedPlan,
                    const std::string& expectedCycle, const std::string& idempotencyKey, Callback<OrderOutcome> done);
    void cancel(std::int64_t customerId, const std::string& when, const std::string& reason, const std::string& idempotencyKey,
                Callback<Subscription> done);
    void reactivate(std::int64_t customerId, const std::string& idempotencyKey, Callback<Subscription> done);

    void listInvoices(const InvoiceFilter& filter, const std::string& cursor, int limit, Callback<InvoicesPage> done);
    void listInvoicesAt(const InvoiceFilter& filter, std::int64_t offset, int limit, Callback<InvoicesPage> done);
    void invoice(std::int64_t id, Callback<Invoice> done);
    // `actorEmail`: only what that member did (empty: everyone's).
    void activity(std::int64_t customerId, int limit, Callback<ActivityPage> done, const std::string& actorEmail = {});

    void teamMembers(Callback<std::vector<TeamMember>> done);
    void addTeamMember(const std::string& body, const std::string& idempotencyKey, Callback<TeamMember> done);
    void changeMemberRole(std::int64_t memberId, const std::string& role, const std::string& idempotencyKey,
                          Callback<TeamMember> done);
    void removeTeamMember(std::int64_t memberId, const std::string& idempotencyKey, Callback<Unit> done);
    // Kiosk mode: the server puts the demo account's data back as its snapshot holds it.
    void kioskReset(Callback<Unit> done);

    // Bulk work (issue 19): jobs over customers selected by filter or ids, an import's batches
    // (each row by its number, so a batch sent again adds nothing), progress, saved views.
    void previewBulk(BulkAction action, const codec::BulkSelection& selection, int licenses, Callback<BulkPreview> done);
    void startBulkJob(const std::string& body, const std::string& idempotencyKey, Callback<BulkJob> done);
    void sendImportRows(std::int64_t jobId, const std::string& body, Callback<BulkJob> done);
    void previewImport(const std::string& body, Callback<ImportPreview> done);
    // rowsState: only rows in that state ("failed"...), empty: all; limit 0: counts alone.
    void bulkJob(std::int64_t jobId, const std::string& rowsState, int limit, Callback<BulkJob> done);
    void openBulkJobs(Callback<BulkJobList> done);
    void cancelBulkJob(std::int64_t jobId, Callback<BulkJob> done);
    void savedViews(Callback<SavedViewList> done);
    void saveView(const SavedView& view, Callback<SavedView> done);
    void shareView(std::int64_t viewId, bool shared, Callback<SavedView> done);
    void deleteView(std::int64_t viewId, Callback<Unit> done);
    // PATCH /views/{id} with `body` (codec::encodeViewChange: another name, shared or not).
    void updateView(std::int64_t viewId, const std::string& body, Callback<SavedView> done);

    // A write from the offline queue: built like every other request (same key on every
    // attempt), answered raw, because the queue decides what each answer means.
    void sendWrite(const std::string& path, const std::string& body, const std::string& idempotencyKey,
                   Transport::Completion done);

    // Requests handed to the browser's download, with the same headers as every other call.
    HttpRequest invoicePdfRequest(std::int64_t id) const;  // Factur-X (PDF/A-3 with the CII XML inside)
    HttpRequest invoiceXRechnungRequest(std::int64_t id) const;
    HttpRequest invoicesCsvRequest(const InvoiceFilter& filter) const;
    // excelDe: semicolons, decimal commas and a byte-order mark (what German Excel opens directly).
    // `columns`: the export's columns by their API names, in order; empty: all of them.
    HttpRequest customersCsvRequest(const CustomerFilter& filter, bool excelDe,
                                    const std::vector<std::string>& columns = {}) const;
    HttpRequest bulkReportRequest(std::int64_t jobId, bool excelDe) const;

    static std::string encodeQueryValue(const std::string& value) { return percentEncode(value); }
    static std::string customersPath(const CustomerFilter& filter, const std::string& cursor, int limit);
    static std::string invoicesQuery(const InvoiceFilter& filter);

private:
    HttpRequest request(const std::string& method, const std::string& path, std::string body = {},
                        const std::string& idempotencyKey = {}) const;
    template <class T>
    void call(HttpRequest req, Result<T> (*decode)(const std::string&), Callback<T> done);
    // A request answered with no body of interest (204): Unit or the error.
    void callEmpty(HttpRequest req, Callback<Unit> done);

    Transport& transport_;
    std::string baseUrl_ = "/api/v1";
    std::string token_;
    std::function<void(std::int64_t)> serverDate_;
    void noteDate(const HttpResponse& res) const {
        if (res.serverDate > 0 && res.cachedAt == 0 && serverDate_) serverDate_(res.serverDate);
    }
};

}  // namespace rc
