#include "core/api_client.h"

#include "core/bulk_codec.h"
#include "core/codec.h"
#include "core/lifecycle_codec.h"

namespace rc {
namespace {

std::string customerPath(std::int64_t id) { return "/customers/" + std::to_string(id); }

}  // namespace

std::string ApiClient::customersPath(const CustomerFilter& f, const std::string& cursor, int limit) {
    std::string path = "/customers?limit=" + std::to_string(limit);
    if (!f.sort.empty()) path += "&sort=" + percentEncode(f.sort);
    if (!f.search.empty()) path += "&q=" + percentEncode(f.search);
    if (!f.status.empty()) path += "&status=" + percentEncode(f.status);
    if (!cursor.empty()) path += "&cursor=" + percentEncode(cursor);
    return path;
}

std::string ApiClient::invoicesQuery(const InvoiceFilter& f) {
    std::string q;
    auto add = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        q += q.empty() ? "?" : "&";
        q += name;
        q += "=" + percentEncode(value);
    };
    if (f.customerId) add("customer_id", std::to_string(f.customerId));
    add("status", f.status);
    add("from", f.from);
    add("to", f.to);
    return q;
}

HttpRequest ApiClient::request(const std::string& method, const std::string& path, std::string body,
                               const std::string& idempotencyKey) const {
    HttpRequest req;
    req.method = method;
    req.url = baseUrl_ + path;
    req.headers.emplace_back("Accept", "application/json");
    if (!body.empty()) req.headers.emplace_back("Content-Type", "application/json");
    if (!token_.empty()) req.headers.emplace_back("Authorization", "Bearer " + token_);
    if (!idempotencyKey.empty()) req.headers.emplace_back("Idempotency-Key", idempotencyKey);
    req.body = std::move(body);
    return req;
}

template <class T>
void ApiClient::call(HttpRequest req, Result<T> (*decode)(const std::string&), Callback<T> done) {
    transport_.send(req, [this, decode, done = std::move(done)](const HttpResponse& res) {
        noteDate(res);
        if (res.status >= 200 && res.status < 300) {
            Result<T> result = decode(res.body);
            result.setCachedAt(res.cachedAt);
            done(std::move(result));
        } else {
            done(codec::decodeError(res));
        }
    });
}

void ApiClient::fetchConfig(const std::string& url, Callback<AppConfig> done) {
    HttpRequest req;
    req.url = url;
    req.headers.emplace_back("Accept", "application/json");
    call<AppConfig>(std::move(req), &codec::decodeConfig, std::move(done));
}

void ApiClient::signInDemo(const std::string& email, Callback<Session> done) {
    call<Session>(request("POST", "/auth/demo", codec::encodeDemoSignIn(email)), &codec::decodeSession, std::move(done));
}

void ApiClient::signInGoogle(const std::string& credential, std::int64_t resellerId, Callback<Session> done) {
    call<Session>(request("POST", "/auth/google", codec::encodeGoogleSignIn(credential, resellerId)), &codec::decodeSession,
                  std::move(done));
}

void ApiClient::callEmpty(HttpRequest req, Callback<Unit> done) {
    transport_.send(req, [this, done = std::move(done)](const HttpResponse& res) {
        noteDate(res);
        if (res.status >= 200 && res.status < 300) done(Unit{});
        else done(codec::decodeError(res));
    });
}

void ApiClient::signOut(Callback<Unit> done) { callEmpty(request("POST", "/auth/logout"), std::move(done)); }

void ApiClient::signOutSession(const std::string& token, Transport::Completion done) {
    HttpRequest req = request("POST", "/auth/logout");
    for (auto& [name, value] : req.headers)
        if (name == "Authorization") value = "Bearer " + token;
    if (token_.empty()) req.headers.emplace_back("Authorization", "Bearer " + token);
    transport_.send(req, std::move(done));
}

void ApiClient::me(Callback<Me> done) { call<Me>(request("GET", "/me"), &codec::decodeMe, std::move(done)); }

void ApiClient::plans(Callback<PlanCatalog> done) {
    call<PlanCatalog>(request("GET", "/plans"), &codec::decodePlans, std::move(done));
}

void ApiClient::dashboard(Callback<Dashboard> done) {
    call<Dashboard>(request("GET", "/dashboard"), &codec::decodeDashboard, std::move(done));
}

void ApiClient::billingProfile(Callback<BillingProfile> done) {
    call<BillingProfile>(request("GET", "/billing-profile"), &codec::decodeBillingProfile, std::move(done));
}

void ApiClient::saveBillingProfile(const BillingProfile& profile, Callback<BillingProfile> done) {
    // PUT carries the whole profile: sending it twice leaves the same profile, so no key is needed.
    call<BillingProfile>(request("PUT", "/billing-profile", codec::encodeBillingProfile(profile)), &codec::decodeBillingProfile,
                         std::move(done));
}

void ApiClient::listCustomers(const CustomerFilter& filter, const std::string& cursor, int limit, Callback<CustomersPage> done) {
    call<CustomersPage>(request("GET", customersPath(filter, cursor, limit)), &codec::decodeCustomersPage, std::move(done));
}

void ApiClient::listCustomersAt(const CustomerFilter& filter, std::int64_t offset, int limit, Callback<CustomersPage> done) {
    call<CustomersPage>(request("GET", customersPath(filter, {}, limit) + "&offset=" + std::to_string(offset)),
                        &codec::decodeCustomersPage, std::move(done));
}

void ApiClient::createCustomer(const std::string& body, const std::string& key, Callback<Customer> done) {
    call<Customer>(request("POST", "/customers", body, key), &codec::decodeCustomer, std::move(done));
}

void ApiClient::customer(std::int64_t id, Callback<Customer> done) {
    call<Customer>(request("GET", customerPath(id)), &codec::decodeCustomer, std::move(done));
}

void ApiClient::resendInvitation(std::int64_t id, const std::string& key, Callback<Customer> done) {
    call<Customer>(request("POST", customerPath(id) + "/invitation/resend", "{}", key), &codec::decodeCustomer, std::move(done));
}

void ApiClient::revokeInvitation(std::int64_t id, const std::string& key, Callback<Customer> done) {
    call<Customer>(request("POST", customerPath(id) + "/invitation/revoke", "{}", key), &codec::decodeCustomer, std::move(done));
}

void ApiClient::updateCustomerBilling(std::int64_t id, const std::optional<CustomerBilling>& billing, const std::string& key,
                                      Callback<Customer> done) {
    call<Customer>(request("PATCH", customerPath(id), codec::encodeCustomerBilling(billing), key), &codec::decodeCustomer,
                   std::move(done));
}

void ApiClient::inviteAgain(std::int64_t id, const std::string& key, Callback<Customer> done) {
    call<Customer>(request("POST", customerPath(id) + "/invitation", "{}", key), &codec::decodeCustomer, std::move(done));
}

void ApiClient::updateCustomer(std::int64_t id, const std::string& body, const std::string& key, Callback<Customer> done) {
    call<Customer>(request("PATCH", customerPath(id), body, key), &codec::decodeCustomer, std::move(done));
}

void ApiClient::previewSuspend(std::int64_t id, const std::string& reason, const std::string& note, Callback<SuspendPreview> done) {
    call<SuspendPreview>(request("POST", customerPath(id) + "/subscription/suspend/preview", codec::encodeSuspend(reason, note)),
                         &codec::decodeSuspendPreview, std::move(done));
}

void ApiClient::suspend(std::int64_t id, const std::string& reason, const std::string& note, const std::string& key,
                        Callback<OrderOutcome> done) {
    call<OrderOutcome>(request("POST", customerPath(id) + "/subscription/suspend", codec::encodeSuspend(reason, note), key),
                       &codec::decodeOrderOutcome, std::move(done));
}

void ApiClient::createTransferToken(std::int64_t id, const std::string& key, Callback<TransferToken> done) {
    call<TransferToken>(request("POST", customerPath(id) + "/transfer-token", "{}", key), &codec::decodeTransferToken, std::move(done));
}

void ApiClient::revokeTransferToken(std::int64_t id, const std::string& key, Callback<Unit> done) {
    callEmpty(request("DELETE", customerPath(id) + "/transfer-token", {}, key), std::move(done));
}

void ApiClient::previewTransfer(const std::string& token, Callback<TransferPreview> done) {
    call<TransferPreview>(request("POST", "/customers/transfer/preview", codec::encodeTransferToken(token)),
                          &codec::decodeTransferPreview, std::move(done));
}

void ApiClient::transfer(const std::string& token, const std::string& key, Callback<TransferOutcome> done) {
    call<TransferOutcome>(request("POST", "/customers/transfer", codec::encodeTransferToken(token), key),
                          &codec::decodeTransferOutcome, std::move(done));
}

void ApiClient::previewResume(std::int64_t id, Callback<ResumePreview> done) {
    call<ResumePreview>(request("POST", customerPath(id) + "/subscription/resume/preview", "{}"), &codec::decodeResumePreview,
                        std::move(done));
}

void ApiClient::resume(std::int64_t id, const std::string& key, Callback<OrderOutcome> done) {
    call<OrderOutcome>(request("POST", customerPath(id) + "/subscription/resume", "{}", key), &codec::decodeOrderOutcome,
                       std::move(done));
}

void ApiClient::previewStartPaid(std::int64_t id, const std::string& plan, const std::string& cycle, int licenses,
                                 Callback<StartPaidPreview> done) {
    call<StartPaidPreview>(request("POST", customerPath(id) + "/subscription/start-paid/preview",
                                   codec::encodeStartPaid(plan, cycle, licenses)),
                           &codec::decodeStartPaidPreview, std::move(done));
}

void ApiClient::startPaid(std::int64_t id, const std::string& plan, const std::string& cycle, int licenses, const std::string& key,
                          Callback<OrderOutcome> done) {
    call<OrderOutcome>(request("POST", customerPath(id) + "/subscription/start-paid", codec::encodeStartPaid(plan, cycle, licenses), key),
                       &codec::decodeOrderOutcome, std::move(done));
}

void ApiClient::setRenewal(std::int64_t id, const std::string& body, const std::string& key, Callback<Subscription> done) {
    call<Subscription>(request("PUT", customerPath(id) + "/subscription/renewal", body, key), &codec::decodeSubscription, std::move(done));
}

void ApiClient::setSeatCap(std::int64_t id, const std::string& body, const std::string& key, Callback<Subscription> done) {
    call<Subscription>(request("PATCH", customerPath(id) + "/subscription", body, key), &codec::decodeSubscription, std::move(done));
}

void ApiClient::previewLicenses(std::int64_t id, int licenses, Callback<LicensePreview> done) {
    call<LicensePreview>(request("POST", customerPath(id) + "/subscription/license-orders/preview", codec::encodeLicenses(licenses)),
                         &codec::decodeLicensePreview, std::move(done));
}

void ApiClient::orderLicenses(std::int64_t id, int licenses, int expectedLicenses, const std::string& key,
                              Callback<OrderOutcome> done) {
    call<OrderOutcome>(request("POST", customerPath(id) + "/subscription/license-orders",
                               codec::encodeLicenses(licenses, expectedLicenses), key),
                       &codec::decodeOrderOutcome, std::move(done));
}

void ApiClient::previewPlan(std::int64_t id, const std::string& plan, const std::string& cycle, Callback<PlanChangePreview> done) {
    call<PlanChangePreview>(request("POST", customerPath(id) + "/subscription/plan/preview", codec::encodePlanChange(plan, cycle)),
                            &codec::decodePlanChangePreview, std::move(done));
}

void ApiClient::changePlan(std::int64_t id, const std::string& plan, const std::string& cycle, const std::string& expectedPlan,
                           const std::string& expectedCycle, const std::string& key, Callback<OrderOutcome> done) {
    call<OrderOutcome>(request("POST", customerPath(id) + "/subscription/plan",
                               codec::encodePlanChange(plan, cycle, expectedPlan, expectedCycle), key),
                       &codec::decodeOrderOutcome, std::move(done));
}

void ApiClient::cancel(std::int64_t id, const std::string& when, const std::string& reason, const std::string& key,
                       Callback<Subscription> done) {
    call<Subscription>(request("POST", customerPath(id) + "/subscription/cancel", codec::encodeCancel(when, reason), key),
                       &codec::decodeSubscription, std::move(done));
}

void ApiClient::reactivate(std::int64_t id, const std::string& key, Callback<Subscription> done) {
    call<Subscription>(request("POST", customerPath(id) + "/subscription/reactivate", "{}", key), &codec::decodeSubscription,
                       std::move(done));
}

void ApiClient::listInvoices(const InvoiceFilter& filter, const std::string& cursor, int limit, Callback<InvoicesPage> done) {
    std::string q = invoicesQuery(filter);
    q += (q.empty() ? "?" : "&") + std::string("limit=") + std::to_string(limit);
    if (!cursor.empty()) q += "&cursor=" + percentEncode(cursor);
    call<InvoicesPage>(request("GET", "/invoices" + q), &codec::decodeInvoicesPage, std::move(done));
}

void ApiClient::listInvoicesAt(const InvoiceFilter& filter, std::int64_t offset, int limit, Callback<InvoicesPage> done) {
    std::string q = invoicesQuery(filter);
    q += (q.empty() ? "?" : "&") + std::string("limit=") + std::to_string(limit) + "&offset=" + std::to_string(offset);
    call<InvoicesPage>(request("GET", "/invoices" + q), &codec::decodeInvoicesPage, std::move(done));
}

void ApiClient::invoice(std::int64_t id, Callback<Invoice> done) {
    call<Invoice>(request("GET", "/invoices/" + std::to_string(id)), &codec::decodeInvoice, std::move(done));
}

void ApiClient::activity(std::int64_t customerId, int limit, Callback<ActivityPage> done, const std::string& actorEmail) {
    std::string q = "/activity?limit=" + std::to_string(limit);
    if (customerId) q += "&customer_id=" + std::to_string(customerId);
    if (!actorEmail.empty()) q += "&actor=" + percentEncode(actorEmail);
    call<ActivityPage>(request("GET", q), &codec::decodeActivityPage, std::move(done));
}

void ApiClient::sendWrite(const std::string& path, const std::string& body, const std::string& key,
                          Transport::Completion done) {
    transport_.send(request("POST", path, body, key), std::move(done));
}

void ApiClient::kioskReset(Callback<Unit> done) { callEmpty(request("POST", "/kiosk/reset", "{}"), std::move(done)); }

void ApiClient::teamMembers(Callback<std::vector<TeamMember>> done) {
    call<std::vector<TeamMember>>(request("GET", "/team/members"), &codec::decodeTeamMembers, std::move(done));
}

void ApiClient::addTeamMember(const std::string& body, const std::string& key, Callback<TeamMember> done) {
    call<TeamMember>(request("POST", "/team/members", body, key), &codec::decodeTeamMember, std::move(done));
}

void ApiClient::changeMemberRole(std::int64_t memberId, const std::string& role, const std::string& key,
                                 Callback<TeamMember> done) {
    call<TeamMember>(request("PATCH", "/team/members/" + std::to_string(memberId), codec::encodeRole(role), key),
                     &codec::decodeTeamMember, std::move(done));
}

void ApiClient::removeTeamMember(std::int64_t memberId, const std::string& key, Callback<Unit> done) {
    callEmpty(request("DELETE", "/team/members/" + std::to_string(memberId), {}, key), std::move(done));
}

HttpRequest ApiClient::invoicePdfRequest(std::int64_t id) const {
    HttpRequest r = request("GET", "/invoices/" + std::to_string(id) + "/pdf");
    r.headers[0].second = "application/pdf";
    return r;
}

void ApiClient::previewBulk(BulkAction action, const codec::BulkSelection& selection, int licenses,
                            Callback<BulkPreview> done) {
    // 500 customers is the most a preview page holds; its totals cover every selected customer anyway.
    call<BulkPreview>(request("POST", "/bulk-jobs/preview", codec::encodeBulkPreview(action, selection, licenses, 500)),
                      &codec::decodeBulkPreview, std::move(done));
}

void ApiClient::startBulkJob(const std::string& body, const std::string& key, Callback<BulkJob> done) {
    call<BulkJob>(request("POST", "/bulk-jobs", body, key), &codec::decodeBulkJob, std::move(done));
}

void ApiClient::sendImportRows(std::int64_t jobId, const std::string& body, Callback<BulkJob> done) {
    // Idempotent by row number: sending a batch again after a lost answer adds nothing.
    call<BulkJob>(request("POST", "/bulk-jobs/" + std::to_string(jobId) + "/rows", body), &codec::decodeBulkJob,
                  std::move(done));
}

void ApiClient::previewImport(const std::string& body, Callback<ImportPreview> done) {
    call<ImportPreview>(request("POST", "/bulk-jobs/preview", body), &codec::decodeImportPreview, std::move(done));
}

void ApiClient::bulkJob(std::int64_t jobId, const std::string& rowsState, int limit, Callback<BulkJob> done) {
    std::string path = "/bulk-jobs/" + std::to_string(jobId) + "?limit=" + std::to_string(limit);
    if (!rowsState.empty()) path += "&state=" + percentEncode(rowsState);
    call<BulkJob>(request("GET", path), &codec::decodeBulkJob, std::move(done));
}

void ApiClient::openBulkJobs(Callback<BulkJobList> done) {
    call<BulkJobList>(request("GET", "/bulk-jobs?status=open"), &codec::decodeBulkJobList, std::move(done));
}

void ApiClient::cancelBulkJob(std::int64_t jobId, Callback<BulkJob> done) {
    call<BulkJob>(request("POST", "/bulk-jobs/" + std::to_string(jobId) + "/cancel"), &codec::decodeBulkJob,
                  std::move(done));
}

void ApiClient::savedViews(Callback<SavedViewList> done) {
    call<SavedViewList>(request("GET", "/views"), &codec::decodeSavedViewList, std::move(done));
}

void ApiClient::saveView(const SavedView& view, Callback<SavedView> done) {
    call<SavedView>(request("POST", "/views", codec::encodeSavedView(view)), &codec::decodeSavedView, std::move(done));
}

void ApiClient::shareView(std::int64_t viewId, bool shared, Callback<SavedView> done) {
    call<SavedView>(request("PATCH", "/views/" + std::to_string(viewId), shared ? "{\"shared\":true}" : "{\"shared\":false}"),
                    &codec::decodeSavedView, std::move(done));
}

void ApiClient::updateView(std::int64_t viewId, const std::string& body, Callback<SavedView> done) {
    call<SavedView>(request("PATCH", "/views/" + std::to_string(viewId), body), &codec::decodeSavedView, std::move(done));
}

void ApiClient::deleteView(std::int64_t viewId, Callback<Unit> done) {
    call<Unit>(request("DELETE", "/views/" + std::to_string(viewId)), [](const std::string&) { return Result<Unit>(Unit{}); },
               std::move(done));
}

HttpRequest ApiClient::customersCsvRequest(const CustomerFilter& f, bool excelDe,
                                           const std::vector<std::string>& columns) const {
    std::string path = "/customers/export.csv?sort=" + percentEncode(f.sort.empty() ? "name" : f.sort);
    if (!f.search.empty()) path += "&q=" + percentEncode(f.search);
    if (!f.status.empty()) path += "&status=" + percentEncode(f.status);
    if (excelDe) path += "&format=excel-de";
    if (!columns.empty()) {
        std::string list;
        for (const std::string& c : columns) list += (list.empty() ? "" : ",") + c;
        path += "&columns=" + percentEncode(list);
    }
    HttpRequest r = request("GET", path);
    r.headers[0].second = "text/csv";
    return r;
}

HttpRequest ApiClient::bulkReportRequest(std::int64_t jobId, bool excelDe) const {
    HttpRequest r = request("GET", "/bulk-jobs/" + std::to_string(jobId) + "/report.csv" +
                                       (excelDe ? "?format=excel-de" : ""));
    r.headers[0].second = "text/csv";
    return r;
}

HttpRequest ApiClient::invoiceXRechnungRequest(std::int64_t id) const {
    HttpRequest r = request("GET", "/invoices/" + std::to_string(id) + "/xrechnung.xml");
    r.headers[0].second = "application/xml";
    return r;
}

HttpRequest ApiClient::invoicesCsvRequest(const InvoiceFilter& filter) const {
    HttpRequest r = request("GET", "/invoices/export.csv" + invoicesQuery(filter));
    r.headers[0].second = "text/csv";
    return r;
}

}  // namespace rc
