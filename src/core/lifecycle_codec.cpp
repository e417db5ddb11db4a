#include "core/lifecycle_codec.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "core/codec.h"
#include "core/json_read.h"
#include "core/validation.h"

namespace rc::codec {

using json = nlohmann::json;

namespace {
// What the server would store for what was typed (it trims; a domain is lower case).
CustomerDetails normalized(const CustomerDetails& d) {
    CustomerDetails n{validate::trim(d.name), validate::trim(d.email), validate::trim(d.organization), validate::trim(d.googleDomain)};
    for (char& c : n.googleDomain) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return n;
}

json changes(const CustomerDetails& seen, const CustomerDetails& draft, bool withDomain) {
    CustomerDetails n = normalized(draft);
    json j = json::object();
    if (n.name != seen.name) j["name"] = n.name;
    if (n.email != seen.email) j["email"] = n.email;
    if (n.organization != seen.organization) j["organization"] = n.organization;
    if (withDomain && n.googleDomain != seen.googleDomain) j["google_domain"] = n.googleDomain;
    return j;
}
}  // namespace

std::string encodeCustomerEdit(const CustomerDetails& seen, const CustomerDetails& draft, bool withDomain) {
    json j = changes(seen, draft, withDomain);
    j["expected_name"] = seen.name;
    j["expected_email"] = seen.email;
    j["expected_organization"] = seen.organization;
    j["expected_google_domain"] = seen.googleDomain;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool customerEditChanges(const CustomerDetails& seen, const CustomerDetails& draft, bool withDomain) {
    return !changes(seen, draft, withDomain).empty();
}

std::string encodeSuspend(const std::string& reason, const std::string& note) {
    json j{{"reason", reason}};
    if (!note.empty()) j["note"] = note;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<SuspendPreview> decodeSuspendPreview(const std::string& body) {
    using namespace json_read;
    return decode<SuspendPreview>(body, [](const json& j) {
        SuspendPreview p;
        p.reason = str(j, "reason");
        p.suspendsOn = str(j, "suspends_on");
        p.accruesWhileSuspended = boolean(j, "accrues_while_suspended");
        p.paidThrough = str(j, "paid_through");
        p.monthlyValueNow = money(j, "monthly_value_now");
        p.monthlyValueSuspended = money(j, "monthly_value_suspended");
        return p;
    });
}

Result<ResumePreview> decodeResumePreview(const std::string& body) {
    using namespace json_read;
    return decode<ResumePreview>(body, [](const json& j) {
        ResumePreview p;
        p.resumesOn = str(j, "resumes_on");
        p.suspendedSince = optStr(j, "suspended_since");
        p.amountDueNow = money(j, "amount_due_now");
        p.tax = taxQuote(j);
        auto proration = j.find("proration");
        if (proration != j.end() && !proration->is_null()) {
            p.prorated = true;
            p.prorationFrom = str(*proration, "from");
            p.prorationTo = str(*proration, "to");
            p.prorationDays = count(*proration, "days");
            p.periodDays = count(*proration, "period_days");
        }
        p.unitPrice = money(j, "unit_price");
        p.recurringAmount = money(j, "recurring_amount");
        p.renewsOn = optStr(j, "renews_on");
        return p;
    });
}

std::string encodeStartPaid(const std::string& plan, const std::string& cycle, int licenses) {
    json j{{"plan", plan}, {"billing_cycle", cycle}, {"licenses", licenses}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<StartPaidPreview> decodeStartPaidPreview(const std::string& body) {
    using namespace json_read;
    return decode<StartPaidPreview>(body, [](const json& j) {
        StartPaidPreview p;
        p.plan = str(j, "plan");
        p.billingCycle = str(j, "billing_cycle");
        p.licenses = count(j, "licenses");
        p.trialEndsOn = str(j, "trial_ends_on");
        p.startsOn = str(j, "starts_on");
        const json& period = member(j, "period");
        p.periodFrom = str(period, "from");
        p.periodTo = str(period, "to");
        p.amountDueNow = money(j, "amount_due_now");
        p.tax = taxQuote(j);
        p.unitPrice = money(j, "unit_price");
        p.recurringAmount = money(j, "recurring_amount");
        p.monthlyValue = money(j, "monthly_value");
        p.renewsOn = str(j, "renews_on");
        return p;
    });
}

std::string encodeRenewal(const std::string& action, int licenses) {
    json j{{"action", action}};
    if (action == "renew_with_count") j["licenses"] = licenses;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeSeatCap(std::optional<int> cap) {
    json j{{"max_licenses", cap ? json(*cap) : json(nullptr)}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<TransferToken> decodeTransferToken(const std::string& body) {
    using namespace json_read;
    return decode<TransferToken>(body, [](const json& j) {
        TransferToken t{str(j, "token"), str(j, "expires_at")};
        if (t.token.empty()) throw ShapeError{"token is empty"};
        return t;
    });
}

std::string encodeTransferToken(const std::string& token) {
    return json{{"token", validate::trim(token)}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<TransferPreview> decodeTransferPreview(const std::string& body) {
    using namespace json_read;
    return decode<TransferPreview>(body, [](const json& j) {
        TransferPreview p;
        const json& c = member(j, "customer");
        p.customerName = str(c, "name");
        p.organization = str(c, "organization");
        p.googleDomain = str(c, "google_domain");
        p.email = str(c, "email");
        p.fromReseller = str(member(j, "from_reseller"), "name");
        const json& s = member(j, "subscription");
        p.plan = str(s, "plan");
        p.billingCycle = str(s, "billing_cycle");
        p.status = str(s, "status");
        p.licenses = count(s, "licenses");
        p.termEnd = str(s, "term_end");
        p.renewsOn = optStr(s, "renews_at");
        const json& after = member(j, "after");
        p.unitPrice = money(after, "unit_price");
        p.recurringAmount = money(after, "recurring_amount");
        p.monthlyValue = money(after, "monthly_value");
        p.invoicesStaying = count(j, "invoices_staying");
        p.tokenExpiresAt = str(j, "token_expires_at");
        return p;
    });
}

Result<TransferOutcome> decodeTransferOutcome(const std::string& body) {
    using namespace json_read;
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("customer")) return badResponse("no customer in the transfer's answer");
    auto customer = decodeCustomer(j["customer"].dump());
    if (!customer.ok()) return customer.error();
    return decode<TransferOutcome>(body, [&](const json& all) {
        return TransferOutcome{customer.value(), str(member(all, "from_reseller"), "name")};
    });
}

bool plausibleTransferToken(const std::string& typed) {
    static const std::string kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    int n = 0;
    for (char ch : validate::trim(typed)) {
        if (ch == ' ' || ch == '-') continue;
        char c = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (c == 'O') c = '0';
        if (c == 'I' || c == 'L') c = '1';
        if (kAlphabet.find(c) == std::string::npos) return false;
        ++n;
    }
    return n == 20;
}

}  // namespace rc::codec
