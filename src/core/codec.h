// JSON <-> model. Every decoder checks types and turns anything unexpected into an ApiError
// with code "bad_response" instead of throwing past its caller.
#pragma once
#include <optional>
#include <string>

#include "core/http.h"
#include "core/model.h"
#include "core/result.h"

namespace rc::codec {

Result<AppConfig> decodeConfig(const std::string& body);
Result<Session> decodeSession(const std::string& body);
Result<CustomersPage> decodeCustomersPage(const std::string& body);
Result<Customer> decodeCustomer(const std::string& body);
Result<Reseller> decodeReseller(const std::string& body);
// GET /me: the member, their account and the role x capability table.
Result<Me> decodeMe(const std::string& body);
Result<TeamMember> decodeTeamMember(const std::string& body);
Result<std::vector<TeamMember>> decodeTeamMembers(const std::string& body);  // GET /team/members
Result<Subscription> decodeSubscription(const std::string& body);
Result<PlanCatalog> decodePlans(const std::string& body);
Result<Dashboard> decodeDashboard(const std::string& body);
Result<LicensePreview> decodeLicensePreview(const std::string& body);
Result<PlanChangePreview> decodePlanChangePreview(const std::string& body);
Result<OrderOutcome> decodeOrderOutcome(const std::string& body);  // license order and plan change answers
Result<Invoice> decodeInvoice(const std::string& body);
Result<InvoicesPage> decodeInvoicesPage(const std::string& body);
Result<ActivityPage> decodeActivityPage(const std::string& body);
Result<BillingProfile> decodeBillingProfile(const std::string& body);

// Sessions are kept across reloads in the browser's storage (with the member and the last
// capabilities GET /me gave).
std::string encodeSession(const Session& session);
// So are the reseller's table columns (widths and hidden ones); anything odd decodes as none.
std::string encodeTableColumns(const TableColumns& columns);
TableColumns decodeTableColumns(const std::string& json);

// The error for a non-2xx answer: the server's {"error": {...}} when it sent one, otherwise
// a sentence built from the status (proxies and dropped connections send no JSON).
ApiError decodeError(const HttpResponse& response);

CustomerStatus customerStatusFromString(const std::string& s);

std::string encodeDemoSignIn(const std::string& email);
// resellerId: the account chosen after a 409 choose_reseller (0: none chosen yet).
std::string encodeGoogleSignIn(const std::string& credential, std::int64_t resellerId = 0);
std::string encodeNewMember(const std::string& email, const std::string& name, const std::string& role);
std::string encodeRole(const std::string& role);
std::string encodeNewCustomer(const std::string& name, const std::string& email, const std::string& googleDomain,
                              const std::string& organization, const std::optional<CustomerBilling>& billing = std::nullopt);
// PATCH /customers/{id} with only the billing details (nullopt: remove them).
std::string encodeCustomerBilling(const std::optional<CustomerBilling>& billing);
// PUT /billing-profile: the whole profile.
std::string encodeBillingProfile(const BillingProfile& profile);
// expectedLicenses / expectedPlan: what the console saw, so the server refuses an order or
// change made against a subscription someone else changed meanwhile (409). 0 / empty: none.
std::string encodeLicenses(int licenses, int expectedLicenses = 0);
std::string encodePlanChange(const std::string& plan, const std::string& billingCycle, const std::string& expectedPlan = {},
                             const std::string& expectedBillingCycle = {});
std::string encodeCancel(const std::string& when, const std::string& reason);

}  // namespace rc::codec
