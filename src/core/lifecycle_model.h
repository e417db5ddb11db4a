// What the customer's whole life (issue 23) adds to the model: the previews of suspending,
// resuming and starting a trial's paid plan, as the server prices them before anything is written.
#pragma once
#include <optional>
#include <string>

#include "core/model.h"

namespace rc {

// POST …/subscription/suspend/preview
struct SuspendPreview {
    std::string reason;                 // non_payment | customer_request
    std::string suspendsOn;             // YYYY-MM-DD
    bool accruesWhileSuspended = false; // an annual commitment is billed on; a flexible plan is not
    std::string paidThrough;            // YYYY-MM-DD, the last day already invoiced
    Money monthlyValueNow, monthlyValueSuspended;
};

// POST …/subscription/resume/preview: what resuming today costs (nothing within the period
// already paid for; else the rest of the period it resumes in, prorated by day).
struct ResumePreview {
    std::string resumesOn, suspendedSince;  // YYYY-MM-DD; ISO 8601 UTC
    Money amountDueNow;
    std::optional<TaxQuote> tax;
    bool prorated = false;
    std::string prorationFrom, prorationTo;  // YYYY-MM-DD, when prorated
    int prorationDays = 0, periodDays = 0;
    Money unitPrice, recurringAmount;
    std::string renewsOn;  // YYYY-MM-DD; empty: none
};

// POST …/subscription/start-paid/preview: the paid term a trial would start today, its first
// period (invoiced at once) and what it recurs at.
struct StartPaidPreview {
    std::string plan, billingCycle;
    int licenses = 0;
    std::string trialEndsOn, startsOn;    // YYYY-MM-DD: the trial's last day; the paid term's first
    std::string periodFrom, periodTo;     // YYYY-MM-DD, the first period, invoiced now
    Money amountDueNow;
    std::optional<TaxQuote> tax;
    Money unitPrice, recurringAmount, monthlyValue;
    std::string renewsOn;  // YYYY-MM-DD
};

// POST /customers/{id}/transfer-token: the token itself, shown once (the server keeps its hash).
struct TransferToken {
    std::string token;      // 7K2M-9QXD-4HTP-R8WN-3ZCF
    std::string expiresAt;  // ISO 8601 UTC
};

// POST /customers/transfer/preview: what would move to this reseller, and at what price afterwards.
struct TransferPreview {
    std::string customerName, organization, googleDomain, email;
    std::string fromReseller;
    std::string plan, billingCycle, status;
    int licenses = 0;
    std::string termEnd, renewsOn;  // YYYY-MM-DD; renewsOn empty: none
    Money unitPrice, recurringAmount, monthlyValue;  // at this reseller's prices
    int invoicesStaying = 0;                         // stay with the reseller that issued them
    std::string tokenExpiresAt;
};

// POST /customers/transfer: the customer as it is now this reseller's.
struct TransferOutcome {
    Customer customer;
    std::string fromReseller;
};

}  // namespace rc
