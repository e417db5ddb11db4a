// JSON <-> the customer's whole life (issue 23): Edit customer's PATCH with its preconditions,
// suspending and resuming, starting a trial's paid plan, each with its preview. Decoders check every type as core/codec.h does;
// anything unexpected is an ApiError "bad_response".
#pragma once
#include <optional>
#include <string>

#include "core/lifecycle_model.h"
#include "core/model.h"
#include "core/result.h"

namespace rc::codec {

// PATCH /customers/{id}: the details that differ from `seen` (trimmed; the domain lower-cased and
// only when `withDomain`), and every detail as it was seen (expected_*): another member's change
// meanwhile is 409 customer_changed, not overwritten.
std::string encodeCustomerEdit(const CustomerDetails& seen, const CustomerDetails& draft, bool withDomain);
// Whether encodeCustomerEdit would change anything.
bool customerEditChanges(const CustomerDetails& seen, const CustomerDetails& draft, bool withDomain);

// POST …/subscription/suspend (and its preview): {"reason", "note"}, the note only when given.
std::string encodeSuspend(const std::string& reason, const std::string& note);
Result<SuspendPreview> decodeSuspendPreview(const std::string& body);
Result<ResumePreview> decodeResumePreview(const std::string& body);

// POST …/subscription/start-paid (and its preview): {"plan", "billing_cycle", "licenses"}.
std::string encodeStartPaid(const std::string& plan, const std::string& cycle, int licenses);
Result<StartPaidPreview> decodeStartPaidPreview(const std::string& body);

// PUT …/subscription/renewal: {"action"}, and {"licenses"} with renew_with_count only.
std::string encodeRenewal(const std::string& action, int licenses);
// PATCH …/subscription: {"max_licenses": N} or {"max_licenses": null}.
std::string encodeSeatCap(std::optional<int> cap);

// Transfers between resellers: the token made for a customer; the receiving reseller's
// {"token"} (sent as typed: the server reads any case, spaces and dashes), its preview and outcome.
Result<TransferToken> decodeTransferToken(const std::string& body);
std::string encodeTransferToken(const std::string& token);
Result<TransferPreview> decodeTransferPreview(const std::string& body);
Result<TransferOutcome> decodeTransferOutcome(const std::string& body);
// Whether `typed` can be a transfer token (20 of Crockford's base32 letters and digits, spaces and
// dashes aside; O, I and L read as 0, 1, 1), as the server checks it: the dialog says so before sending.
bool plausibleTransferToken(const std::string& typed);

}  // namespace rc::codec
