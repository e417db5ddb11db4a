#include "core/error_text.h"

#include <cstring>
#include <vector>

#include "core/access.h"
#include "core/format.h"

namespace rc {
namespace {

constexpr const char* kField = "validation_failed";

// Codes the console only gets when it sent something wrong (a bug, or an old page against a new
// server) all say the same: reload, and tell support if it happens again.
constexpr ErrorTextRow kRows[] = {
    // The console's own.
    {"network_error", "", Text::ErrNetwork},
    {"bad_response", "", Text::ErrBadResponse},
    {"offline_unavailable", "", Text::CannotQueue},
    {"queued_too_long", "", Text::QueuedTooLong},  // write_queue::kTooOldCode
    // The server's (src/partner_api/errors.py and the connection layer's, http/status.py).
    {"internal_error", "", Text::ErrServer},
    {"bad_request", "", Text::ErrRequestRefused},
    {"invalid_json", "", Text::ErrRequestRefused},
    {"length_required", "", Text::ErrRequestRefused},
    {"method_not_allowed", "", Text::ErrRequestRefused},
    {"unsupported_media_type", "", Text::ErrRequestRefused},
    {"uri_too_long", "", Text::ErrRequestRefused},
    {"headers_too_large", "", Text::ErrRequestRefused},
    {"not_implemented", "", Text::ErrRequestRefused},
    {"http_version_not_supported", "", Text::ErrRequestRefused},
    {"payload_too_large", "", Text::ErrTooLarge},
    {"request_timeout", "", Text::ErrTimeout},
    {"unauthorized", "", Text::ErrUnauthorized},
    {"session_expired", "", Text::SessionEnded},
    {"invalid_credential", "", Text::ErrInvalidCredential},
    {"forbidden", "", Text::ErrNotAllowed},
    {"not_a_reseller", "", Text::ErrNotReseller},
    {"not_a_demo_account", "", Text::ErrNotDemoAccount},
    {"not_the_kiosk_account", "", Text::ErrNotKioskAccount},
    {"not_found", "", Text::ErrNotFound},
    {"conflict", "", Text::ErrConflict},
    {"domain_taken", "", Text::ErrDomainTaken},
    {"member_exists", "", Text::ErrMemberExists},
    {"last_admin", "", Text::ErrLastAdmin},
    {"choose_reseller", "", Text::ErrChooseReseller},
    {"subscription_cancelled", "", Text::ErrSubscriptionCancelled},
    {"licenses_changed", "", Text::ErrLicensesChanged},
    {"plan_changed", "", Text::ErrPlanChanged},
    {"customer_changed", "", Text::ErrCustomerChanged},
    {"idempotency_conflict", "", Text::ErrIdempotencyConflict},
    {"kiosk_reset_conflict", "", Text::ErrKioskResetConflict},
    {"invitation_gone", "", Text::ErrInvitationGone},
    {"validation_failed", "", Text::ErrValidation},
    {"rate_limited", "", Text::ErrRateLimited},
    {"service_unavailable", "", Text::ErrUnavailable},
    {"database_unreachable", "", Text::ErrUnavailable},
    {"storage_unavailable", "", Text::ErrStorageFull},
    {"storage_busy", "", Text::ErrBusy},
    {"currency_locked", "", Text::ErrCurrencyLocked},
    {"invoice_incomplete", "", Text::ErrInvoiceIncomplete},
    {"documents_unavailable", "", Text::ErrDocumentsUnavailable},
    {"overloaded", "", Text::ErrBusy},
    // Bulk work and saved views (issue 19).
    {"selection_changed", "", Text::ErrSelectionChanged},
    {"row_conflict", "", Text::ErrRowConflict},
    {"job_finished", "", Text::ErrJobFinished},
    {"view_exists", "", Text::ErrViewExists},
    {"not_your_view", "", Text::ErrNotYourView},
    // Issue 23: answers to invitations (the invitation page says them itself) and transfers.
    {"credential_required", "", Text::ErrCredentialRequired},
    {"wrong_domain", "", Text::ErrWrongDomain},
    {"demo_acceptance_refused", "", Text::ErrDemoAnswerRefused},
    {"transfer_token_gone", "", Text::ErrTransferTokenGone},
    {"google_sign_in_unavailable", "", Text::ErrGoogleUnavailable},
    // validation_failed, by field: what the field needs (true for every way it can fail).
    {kField, "name", Text::FieldErrName},
    {kField, "organization", Text::FieldErrOrganization},
    {kField, "email", Text::ErrInvalidEmail},
    {kField, "google_domain", Text::ErrInvalidDomain},
    {kField, "licenses", Text::FieldErrLicenses},
    {kField, "plan", Text::FieldErrPlan},
    {kField, "billing_cycle", Text::FieldErrPlan},
    {kField, "expected_licenses", Text::FieldErrExpected},
    {kField, "expected_plan", Text::FieldErrExpected},
    {kField, "expected_billing_cycle", Text::FieldErrExpected},
    {kField, "expected_name", Text::FieldErrExpected},
    {kField, "expected_email", Text::FieldErrExpected},
    {kField, "expected_organization", Text::FieldErrExpected},
    {kField, "expected_google_domain", Text::FieldErrExpected},
    {kField, "reason", Text::FieldErrReason},
    {kField, "when", Text::FieldErrWhen},
    {kField, "role", Text::FieldErrRole},
    {kField, "reseller_id", Text::FieldErrResellerId},
    {kField, "credential", Text::ErrInvalidCredential},
    {kField, "q", Text::FieldErrSearch},
    {kField, "demo", Text::ErrDemoAnswerRefused},
    {kField, "token", Text::FieldErrTransferToken},
    {kField, "max_licenses", Text::FieldErrSeatCap},
    {kField, "action", Text::FieldErrRenewal},
    {kField, "note", Text::FieldErrReason},
    {kField, "from", Text::FieldErrDateRange},
    {kField, "to", Text::FieldErrDateRange},
    // Billing (issue 18); a nested field's problem is named by its last part (address.city: city).
    {kField, "billing", Text::FieldErrBilling},
    {kField, "address", Text::FieldErrAddress},
    {kField, "street", Text::FieldErrStreet},
    {kField, "postal_code", Text::FieldErrPostalCode},
    {kField, "city", Text::FieldErrCity},
    {kField, "country", Text::FieldErrCountry},
    {kField, "vat_id", Text::FieldErrVatId},
    {kField, "tax_number", Text::FieldErrTaxNumber},
    {kField, "legal_name", Text::FieldErrOrganization},
    {kField, "iban", Text::FieldErrIban},
    {kField, "bic", Text::FieldErrBic},
    {kField, "phone", Text::FieldErrPhone},
    {kField, "currency", Text::FieldErrCurrency},
    {kField, "invoice_prefix", Text::FieldErrInvoicePrefix},
    {kField, "payment_terms_days", Text::FieldErrPaymentTerms},
    {kField, "tax_basis_points", Text::FieldErrTaxRate},
    {kField, "language", Text::FieldErrLanguage},
    {kField, "buyer_reference", Text::FieldErrReference},
    {kField, "filter", Text::FieldErrBulkSelection},
    {kField, "ids", Text::FieldErrBulkSelection},
    // Fields only the console fills in: a refusal is the console's mistake.
    {kField, "expected_total", Text::ErrRequestRefused},
    {kField, "rows", Text::ErrRequestRefused},
    {kField, "total", Text::ErrRequestRefused},
    {kField, "file_name", Text::ErrRequestRefused},
    {kField, "show", Text::ErrRequestRefused},
    {kField, "state", Text::ErrRequestRefused},
    {kField, "format", Text::ErrRequestRefused},
    {kField, "columns", Text::ErrRequestRefused},
    {kField, "shared", Text::ErrRequestRefused},
    {kField, "body", Text::ErrRequestRefused},
    {kField, "Idempotency-Key", Text::ErrRequestRefused},
    {kField, "actor", Text::ErrRequestRefused},
    {kField, "cursor", Text::ErrRequestRefused},
    {kField, "customer_id", Text::ErrRequestRefused},
    {kField, "limit", Text::ErrRequestRefused},
    {kField, "offset", Text::ErrRequestRefused},
    {kField, "sort", Text::ErrRequestRefused},
    {kField, "status", Text::ErrRequestRefused},
};

}  // namespace

const ErrorTextRow* errorTextRows(std::size_t& count) {
    count = sizeof(kRows) / sizeof(kRows[0]);
    return kRows;
}

std::optional<Text> errorText(const std::string& code, const std::string& field) {
    for (const ErrorTextRow& row : kRows)
        if (code == row.code && field == row.field) return row.text;
    return std::nullopt;
}

std::string describeFieldError(const std::string& field, const std::string& serverMessage) {
    if (auto text = errorText(kField, field)) return tr(*text);
    if (std::size_t dot = field.rfind('.'); dot != std::string::npos)
        if (auto text = errorText(kField, field.substr(dot + 1))) return tr(*text);
    // A field this console does not know (a newer server): its words rather than nothing.
    return serverMessage.empty() ? tr(Text::ErrValidation) : serverMessage;
}

std::string describeError(const ApiError& error) {
    // No answer means no connection, except for the console's own refusals (no answer asked for).
    bool own = error.code == "offline_unavailable" || error.code == "queued_too_long";
    if (error.status == 0 && !own) return tr(Text::ErrNetwork);
    if (error.code == "licenses_changed" && error.currentLicenses)
        return format::fill(tr(Text::ErrLicensesChanged), format::integer(*error.currentLicenses));
    if (error.code == "plan_changed" && !error.currentPlan.empty())
        return format::fill(tr(Text::ErrPlanChanged), planWithCycle(error.currentPlan, error.currentBillingCycle));
    // A role's refusal names the roles that may (teams, issue 22).
    if (error.isForbiddenByRole() && !error.requiredRoles.empty())
        return format::fill(tr(Text::ErrForbidden), rolesSentence(rolesToName(error.requiredRoles)));
    // The wait the server named, rather than "a moment" (seconds up to 90, then minutes).
    if (error.code == "rate_limited" && error.retryAfterSeconds > 0) {
        int s = error.retryAfterSeconds;
        if (s <= 90) return format::fill(tr(s == 1 ? Text::ErrRateLimitedSecond : Text::ErrRateLimitedSeconds), format::integer(s));
        return format::fill(tr(Text::ErrRateLimitedMinutes), format::integer((s + 59) / 60));
    }
    // A refused transfer token says why (issue 23): used, revoked, replaced, expired, or one's own.
    if (error.code == "transfer_token_gone") {
        if (error.reason == "used") return tr(Text::TransferRefusedUsed);
        if (error.reason == "revoked") return tr(Text::TransferRefusedRevoked);
        if (error.reason == "superseded") return tr(Text::TransferRefusedSuperseded);
        if (error.reason == "expired") return tr(Text::TransferRefusedExpired);
    }
    if (error.code == "conflict" && error.reason == "own_customer") return tr(Text::TransferRefusedOwn);
    if ((error.code == "licenses_changed" || error.code == "plan_changed"))
        return tr(Text::FieldErrExpected);  // the answer did not say what it is now
    if (error.code == kField && !error.fields.empty()) {
        // Each field's problem once, in the order the server listed them.
        std::vector<std::string> said;
        std::string out;
        for (const auto& [field, message] : error.fields) {
            std::string line = describeFieldError(field, message);
            bool seen = false;
            for (const std::string& s : said) seen = seen || s == line;
            if (seen) continue;
            said.push_back(line);
            out += (out.empty() ? "" : " ") + line;
        }
        return out;
    }
    if (auto text = errorText(error.code)) return tr(*text);
    // A code this console does not know (a newer server): its own words rather than nothing.
    if (!error.message.empty()) return error.message;
    if (error.status == 404) return tr(Text::ErrNotFound);
    if (error.status == 429) return tr(Text::ErrRateLimited);
    if (error.status == 401) return tr(Text::ErrUnauthorized);
    if (error.status == 403) return tr(Text::ErrNotAllowed);
    return tr(Text::ErrServer);
}

}  // namespace rc
