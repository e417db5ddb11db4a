// Domain types as the partner API returns them, in the reseller's words.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/limits.h"

namespace rc {

// Counts the console adds to and subtracts from (licenses, the order dialog's +/-, retries)
// stay far from int's limits; anything read from outside above this is refused.
constexpr std::int64_t kMaxCount = 1'000'000'000;

// Integer minor units plus an ISO 4217 code; never a float.
struct Money {
    std::int64_t amount = 0;
    std::string currency = "USD";
};

struct Reseller {
    std::int64_t id = 0;
    std::string name;
    std::string email;
};

// A person in a reseller account, with one role: admin | buyer | sales | viewer.
struct Member {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    std::string role;
    bool operator==(const Member& o) const { return id == o.id && email == o.email && name == o.name && role == o.role; }
};

// The role x capability table as GET /me gives it: capability -> the roles that have it.
using Capabilities = std::map<std::string, std::vector<std::string>>;

// Who is signed in: the member, their reseller account, and what each role may do.
struct Me {
    Member member;
    Reseller reseller;
    Capabilities capabilities;  // empty until GET /me has answered once
};

struct Session {
    std::string token;
    std::string expiresAt;  // ISO 8601 UTC
    Reseller reseller;
    // The sign-in answer's member (a session saved before teams has none: GET /me tells), and
    // the last capabilities GET /me gave, kept with the session so a reload knows them at once.
    std::optional<Member> member;
    Capabilities capabilities;
};

// An account a person may enter, when they are a member of several (409 choose_reseller).
struct ResellerChoice {
    std::int64_t id = 0;
    std::string name;
    std::string role;
};

// A member as the Team screen lists them.
struct TeamMember {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    std::string role;
    std::string lastSignInAt;  // ISO 8601 UTC; empty: never signed in
    std::string addedAt;
};

struct Invitation {
    std::string status;  // pending | accepted | declined | expired | revoked
    std::string url;     // empty once answered or revoked
    std::string sentAt;
    std::string expiresAt;
    std::string acceptedAt;
    std::string declinedAt;
    std::string answeredBy;  // the Google account that accepted or declined; empty: none yet (or a demo answer)
};

// Why a subscription is suspended (issue 23), and since when.
struct Suspension {
    std::string reason;  // non_payment | customer_request
    std::string since;   // ISO 8601 UTC
};

// What happens at the end of the term, and the subscription then (issue 23).
struct RenewalPlan {
    std::string action;  // auto_renew | renew_with_count | switch_to_flexible | cancel_at_end
    std::string on;      // YYYY-MM-DD
    std::string plan, billingCycle;  // empty for cancel_at_end
    int licenses = 0;
    std::optional<Money> recurringAmount;
};

struct ScheduledChange {
    std::string plan;
    std::string billingCycle;
    std::string effectiveOn;  // YYYY-MM-DD
};

struct Subscription {
    std::int64_t id = 0;
    std::string plan;          // basic | professional | enterprise
    std::string billingCycle;  // flexible | annual_monthly | annual_yearly
    int licenses = 0;
    std::string status;  // trial | active | pending_cancel | suspended | cancelled
    std::string termStart, termEnd, renewsAt;  // YYYY-MM-DD, renewsAt may be empty
    bool autoRenew = false;
    Money unitPrice;
    Money recurringAmount;
    Money monthlyValue;
    std::optional<ScheduledChange> scheduledChange;
    std::string cancelReason;
    std::string trialEndsOn;  // YYYY-MM-DD, the trial's last day; empty after the trial
    std::optional<Suspension> suspension;
    std::optional<int> maxLicenses;  // the seat cap of a flexible plan
    std::optional<RenewalPlan> renewal;

    bool isAnnual() const { return billingCycle != "flexible"; }
    bool isSuspended() const { return status == "suspended"; }
    bool isCancelled() const { return status == "cancelled"; }
    // Shown before the reseller tries (the server enforces the same rule): annual plans only
    // go down at renewal.
    bool canReduceLicensesNow() const { return !isAnnual() || status == "trial"; }
};

// --- Billing (issue 18) ----------------------------------------------------------------------

// Country as ISO 3166-1 alpha-2 ("DE"); all parts empty: none given.
struct PostalAddress {
    std::string street, postalCode, city, country;
    bool empty() const { return street.empty() && postalCode.empty() && city.empty() && country.empty(); }
    bool operator==(const PostalAddress& o) const {
        return street == o.street && postalCode == o.postalCode && city == o.city && country == o.country;
    }
};

// A customer's billing details: where invoices go and in which language (optional until the first invoice).
struct CustomerBilling {
    PostalAddress address;
    std::string vatId;
    std::string language = "de";  // de | en
    std::string email;
    std::string buyerReference;  // Leitweg-ID or the customer's own reference
    bool operator==(const CustomerBilling& o) const {
        return address == o.address && vatId == o.vatId && language == o.language && email == o.email &&
               buyerReference == o.buyerReference;
    }
};

// The reseller as seller on its invoices (GET/PUT /billing-profile).
struct BillingProfile {
    std::string legalName;
    PostalAddress address;
    std::string vatId, taxNumber;
    std::string currency = "EUR";  // EUR | USD
    std::string invoicePrefix;
    int paymentTermsDays = 14;
    std::string iban, bic, email, phone;
    int taxBasisPoints = 0;     // the rate a reseller outside Germany charges
    bool currencyLocked = false;  // invoices issued: the currency stays
    std::string nextInvoiceNumber;
    std::vector<std::string> missing;  // what invoices still lack (API field names)
};

// The tax of a price preview, computed by the server by the customer's rule.
struct TaxQuote {
    std::string rule;      // domestic | reverse_charge | not_taxable | seller_rate | not_subject
    std::string category;  // EN 16931 VAT category: S, AE, O, ...
    int rateBasisPoints = 0;
    Money amount;  // the tax
    Money total;   // due with the tax
};

// What a reduction credits (a credit note is issued for it).
struct CreditQuote {
    Money amount, tax, total;
    bool any() const { return total.amount != 0; }
};

enum class CustomerStatus { Invited, Active, Suspended, Revoked, Declined, Cancelled, Unknown };

// A live transfer token as its reseller sees it afterwards (never the token itself).
struct TransferTokenInfo {
    std::string createdAt, expiresAt, createdBy;
};

struct Customer {
    std::int64_t id = 0;
    std::string name;
    std::string email;
    std::string googleDomain;
    std::string organization;
    CustomerStatus status = CustomerStatus::Unknown;
    std::string createdAt;
    std::optional<Invitation> invitation;
    std::optional<Subscription> subscription;
    std::optional<TransferTokenInfo> transferToken;
    std::optional<CustomerBilling> billing;
};

struct CustomersPage {
    std::vector<Customer> items;
    std::int64_t total = 0;
    std::string nextCursor;  // empty: no further page
};

// --- Plans and prices ---------------------------------------------------------------------

struct PlanPrice {
    std::string per;  // license_month | license_year
    Money list;
    Money yours;      // after the reseller's discount
};

struct PlanOffer {
    std::string plan;  // basic | professional | enterprise
    std::string name;
    std::vector<std::pair<std::string, PlanPrice>> prices;  // billing cycle -> price
    const PlanPrice* price(const std::string& cycle) const {
        for (const auto& [c, p] : prices)
            if (c == cycle) return &p;
        return nullptr;
    }
};

struct PlanCatalog {
    std::string currency = "USD";
    int discountBasisPoints = 0;
    int minLicenses = limits::kMinLicenses;
    int maxLicenses = limits::kMaxLicenses;
    std::vector<PlanOffer> plans;
    const PlanOffer* find(const std::string& plan) const {
        for (const auto& p : plans)
            if (p.plan == plan) return &p;
        return nullptr;
    }
};

// The counts a license order may ask for: the server's, or the defaults before it answered.
inline limits::LicenseRange licenseRange(const std::optional<PlanCatalog>& plans) {
    return plans ? limits::LicenseRange{plans->minLicenses, plans->maxLicenses} : limits::LicenseRange{};
}

// --- Orders and previews --------------------------------------------------------------------

struct LicensePreview {
    int currentLicenses = 0;
    int licenses = 0;
    bool convertsTrial = false;
    Money unitPrice;
    Money proratedAmount;  // due now
    std::string prorationFrom, prorationTo;
    Money recurringAmount;
    Money monthlyValue;
    std::optional<TaxQuote> tax;
    std::optional<CreditQuote> credit;
};

struct PlanChangePreview {
    std::string plan;
    std::string billingCycle;
    std::string effective;    // now | renewal
    std::string effectiveOn;  // YYYY-MM-DD
    Money unitPrice;
    Money proratedAmount;
    std::string prorationFrom, prorationTo;  // the days proratedAmount pays for; empty: not prorated
    Money recurringAmount;
    Money monthlyValue;
    std::optional<TaxQuote> tax;
    std::optional<CreditQuote> credit;
};

// --- Invoices ---------------------------------------------------------------------------------

// What an invoice line is, so the console says it in the reader's language (core/invoice_text.h):
// kind period | added | upgrade | resumed | removed | downgrade | cancelled; -1: not sent.
struct InvoiceLineItem {
    std::string kind, plan, fromPlan, cycle;
    std::int64_t licenses = -1, count = -1, days = -1, periodDays = -1;
};

struct InvoiceLine {
    std::string description;  // in the invoice's language, as its PDF says it
    std::int64_t quantity = 0;
    Money unitAmount;
    Money amount;
    std::string periodStart, periodEnd;  // the service period (YYYY-MM-DD); empty on old invoices
    std::optional<InvoiceLineItem> item;  // none on lines issued before invoices kept it
};

// Another invoice named by this one (the invoice a credit note corrects, or a credit note).
struct InvoiceRef {
    std::int64_t id = 0;
    std::string number;
    std::string issuedAt;
};

// A party as the invoice was issued with it (seller or buyer); old invoices hold only the name.
struct InvoiceParty {
    std::string name;
    std::string contact;  // the buyer's contact person
    PostalAddress address;
    std::string vatId, taxNumber, email, phone, iban, bic;
    std::string reference;       // buyer: Leitweg-ID / reference
    std::string customerNumber;  // buyer
};

struct InvoiceTaxRule {
    std::string rule;      // domestic | reverse_charge | not_taxable | seller_rate | not_subject | legacy
    std::string category;  // S | AE | O | ... (empty for legacy)
    int rateBasisPoints = 0;
};

struct Invoice {
    std::int64_t id = 0;
    std::string number;
    std::int64_t customerId = 0;
    std::string customerName;
    std::string customerOrganization;
    std::string status;  // open | paid | overdue | void
    std::string issuedAt, dueAt, paidAt;
    Money subtotal, tax, total;
    std::string kind = "invoice";  // invoice | credit_note (Rechnungskorrektur)
    std::optional<InvoiceRef> corrects;  // a credit note: the invoice it corrects
    // Only in the detail:
    std::vector<InvoiceLine> lines;
    std::string language;  // de | en: the document's language
    std::optional<InvoiceParty> seller, buyer;
    std::optional<InvoiceTaxRule> taxRule;
    int paymentTermsDays = -1;  // -1: not kept (issued before billing profiles)
    bool issuedAsEInvoice = false;
    std::vector<InvoiceRef> correctedBy;  // credit notes that correct this invoice
    // What an e-invoice of it would lack (API field names); empty: the download is complete.
    std::vector<std::string> facturXMissing, xrechnungMissing;

    bool isCreditNote() const { return kind == "credit_note"; }
};

struct InvoicesPage {
    std::vector<Invoice> items;
    std::int64_t total = 0;
    std::string nextCursor;
};

// After an order or a plan change: what changed, and the invoice it issued (if any).
struct OrderOutcome {
    Subscription subscription;
    std::optional<Invoice> invoice;
    std::optional<Invoice> creditNote;  // a reduction of what was invoiced
};

// --- Activity and dashboard -------------------------------------------------------------------

// Who made a change: a member of the team, the customer (accepting an invitation), or the
// system (bills, renewals, trial ends).
enum class ActorKind { Member, Customer, System };
struct Actor {
    ActorKind kind = ActorKind::System;
    std::string email;
    std::string name;
};

struct ActivityEntry {
    std::int64_t id = 0;
    std::string createdAt;
    Actor actor;
    std::string action;   // e.g. subscription.licenses_ordered
    std::string summary;  // the server's sentence (English)
    std::int64_t customerId = 0;
    std::string customerName;
    // From the entry's before/after snapshots, so the console can say it in its own language.
    int licensesBefore = 0, licensesAfter = 0;
    std::string planAfter, cycleAfter, statusAfter, scheduledPlan, scheduledCycle;
    // Team changes: the member concerned and their role before and after.
    std::string memberName, memberEmail, roleBefore, roleAfter;
    std::string cancelReason;  // subscription.cancelled: what the reseller gave, if anything
    // Lifecycle changes: why it was suspended, the renewal chosen (and its count), the seat cap
    // (-1: none; -2: not in the entry), the other reseller of a transfer.
    std::string suspendReason, renewalAction, otherReseller;
    int renewalLicenses = 0;
    std::int64_t maxLicenses = -2;
};

struct ActivityPage {
    std::vector<ActivityEntry> items;
    std::string nextCursor;
};

struct CountAndAmount {
    std::int64_t count = 0;
    Money amount;
};

struct Renewal {
    std::int64_t customerId = 0;
    std::string customerName;
    std::string organization;
    std::string plan;
    int licenses = 0;
    std::string renewsAt;
    Money recurringAmount;
};

struct MonthAmount {
    std::string month;  // YYYY-MM
    Money amount;
};

struct Dashboard {
    std::int64_t invited = 0, active = 0, suspended = 0, revoked = 0, declined = 0, cancelled = 0, customersTotal = 0;
    std::int64_t trials = 0;  // customers in their trial now
    std::int64_t licensesTotal = 0;
    Money monthlyRecurringRevenue;
    CountAndAmount openInvoices, overdueInvoices;
    CountAndAmount renewals;
    std::vector<Renewal> renewalItems;
    std::vector<MonthAmount> revenueByMonth;
};

// Read from config.json beside index.html at start-up; never compiled in.
// How the reseller arranged a table on this device: column widths they dragged and columns
// they hid, by the column's key. Kept in the browser's storage, never on the server.
struct TableColumns {
    std::map<std::string, float> widths;
    std::set<std::string> hidden;
    bool operator==(const TableColumns& o) const { return widths == o.widths && hidden == o.hidden; }
};

// Kiosk and trade-fair deployments (config.json "kiosk"): signed in to the demo account by
// itself, and starting over after a while without use.
struct KioskConfig {
    bool enabled = false;
    int idleSeconds = 120;          // without input before "Still there?"
    double resetEveryMinutes = 0;   // an untouched screen starts over this often; 0: never
};

struct AppConfig {
    std::string apiBaseUrl = "/api/v1";
    std::string googleClientId;
    bool demoSignIn = false;
    std::string demoEmail;
    KioskConfig kiosk;
};

// The one error type: what went wrong, in words the reseller can read.
// The details Edit customer changes (issue 23), as the console showed them or the server has them.
struct CustomerDetails {
    std::string name, email, organization, googleDomain;
    bool operator==(const CustomerDetails& o) const {
        return name == o.name && email == o.email && organization == o.organization && googleDomain == o.googleDomain;
    }
    bool operator!=(const CustomerDetails& o) const { return !(*this == o); }
};

struct ApiError {
    int status = 0;         // HTTP status; 0 when the request never got an answer
    std::string code;       // server's code, or network_error / bad_response
    std::string message;
    std::vector<std::pair<std::string, std::string>> fields;  // field -> message
    // licenses_changed / plan_changed (409): the subscription as it is now; nothing was written.
    std::optional<int> currentLicenses;
    std::string currentPlan, currentBillingCycle;
    // customer_changed (409): the customer's details as they are now; nothing was written.
    std::optional<CustomerDetails> currentDetails;
    // forbidden (403): the roles that would have been allowed, in the server's order.
    std::vector<std::string> requiredRoles;
    // rate_limited (429): seconds until a try is let through again (0: not said).
    int retryAfterSeconds = 0;
    // choose_reseller (409): the accounts the person may enter.
    std::vector<ResellerChoice> resellerChoices;
    // transfer_token_gone (410): used | revoked | superseded | expired; conflict (409) on a
    // transfer: own_customer. Empty: not said.
    std::string reason;

    bool isNetwork() const { return status == 0; }
    bool isAuth() const { return status == 401; }
    // The member's role does not allow the request (the server changed nothing).
    bool isForbiddenByRole() const { return status == 403 && code == "forbidden"; }
};

}  // namespace rc
