#include "core/i18n.h"

#include <cctype>
#include <cstddef>
#include <cstdint>

#include "core/access.h"
#include "core/format.h"

namespace rc {
namespace {

#ifdef RC_GERMAN_TEXTS_FILE
// The browser build: English only in app.wasm; the German texts come from texts-de.bin, fetched
// for German readers only (issue 21: about 10 KB brotli'd off every English first visit).
struct Entry {
    const char* en;
};
#define RC_TEXT_ENTRY(id, en, de) {en},
#else
struct Entry {
    const char* en;
    const char* de;
};
#define RC_TEXT_ENTRY(id, en, de) {en, de},
#endif

constexpr Entry kTexts[] = {RC_TEXTS(RC_TEXT_ENTRY)};
#undef RC_TEXT_ENTRY
static_assert(sizeof(kTexts) / sizeof(kTexts[0]) == static_cast<std::size_t>(Text::Count_));

// The ids in enum order, hashed as texts_table.py hashes them: a file of another build differs.
constexpr std::uint32_t fnv1a(const char* s, std::size_t n) {
    std::uint32_t h = 2166136261u;
    for (std::size_t i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(s[i])) * 16777619u;
    return h;
}
#define RC_TEXT_NAME(id, en, de) #id "\n"
constexpr char kIdNames[] = RC_TEXTS(RC_TEXT_NAME);
#undef RC_TEXT_NAME
constexpr std::uint32_t kIdsHash = fnv1a(kIdNames, sizeof kIdNames - 1);

std::uint32_t readU32(const std::string& s, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3])) << 24;
}

Language gLanguage = Language::English;
Language gWanted = Language::English;
// The loaded file's bytes and a pointer into them per text (empty: none loaded).
std::string gGermanBytes;
std::vector<const char*> gGerman;

const char* german(std::size_t at) {
    if (!gGerman.empty()) return gGerman[at];
#ifdef RC_GERMAN_TEXTS_FILE
    return kTexts[at].en;  // not in yet: never a blank label
#else
    return kTexts[at].de;
#endif
}

}  // namespace

Language language() { return gLanguage; }
Language wantedLanguage() { return gWanted; }
void setLanguage(Language lang) {
    gWanted = lang;
    if (lang == Language::English || germanTextsLoaded()) gLanguage = lang;
}

bool germanTextsLoaded() {
#ifdef RC_GERMAN_TEXTS_FILE
    return !gGerman.empty();
#else
    return true;
#endif
}

bool parseGermanTexts(const std::string& bytes, std::vector<const char*>& out) {
    constexpr std::size_t count = static_cast<std::size_t>(Text::Count_);
    out.clear();
    if (bytes.size() < 12 || bytes.compare(0, 4, "RCT1") != 0 || readU32(bytes, 4) != count || readU32(bytes, 8) != kIdsHash)
        return false;
    std::vector<const char*> texts;
    texts.reserve(count);
    std::size_t at = 12;
    while (at < bytes.size() && texts.size() < count) {
        std::size_t end = bytes.find('\0', at);
        if (end == std::string::npos) return false;  // the last text cut off
        texts.push_back(bytes.data() + at);
        at = end + 1;
    }
    if (texts.size() != count || at != bytes.size()) return false;  // too few texts, or bytes after them
    out = std::move(texts);
    return true;
}

bool loadGermanTexts(std::string bytes) {
    std::vector<const char*> texts;
    if (!parseGermanTexts(bytes, texts)) return false;  // a table loaded before stays
    gGermanBytes = std::move(bytes);
    parseGermanTexts(gGermanBytes, gGerman);  // the pointers, into the kept bytes
    if (gWanted == Language::German) gLanguage = Language::German;
    return true;
}

Language languageFromTag(const std::string& tag) {
    if (tag.size() >= 2 && std::tolower(static_cast<unsigned char>(tag[0])) == 'd' &&
        std::tolower(static_cast<unsigned char>(tag[1])) == 'e' && (tag.size() == 2 || tag[2] == '-' || tag[2] == '_'))
        return Language::German;
    return Language::English;
}

const char* tr(Text id, Language lang) {
    std::size_t at = static_cast<std::size_t>(id);
    return lang == Language::German ? german(at) : kTexts[at].en;
}

const char* tr(Text id) { return tr(id, gLanguage); }

const char* statusLabel(CustomerStatus status) {
    switch (status) {
        case CustomerStatus::Invited: return tr(Text::StatusInvited);
        case CustomerStatus::Active: return tr(Text::StatusActive);
        case CustomerStatus::Suspended: return tr(Text::StatusSuspended);
        case CustomerStatus::Revoked: return tr(Text::StatusRevoked);
        case CustomerStatus::Declined: return tr(Text::StatusDeclined);
        case CustomerStatus::Cancelled: return tr(Text::StatusCancelled);
        case CustomerStatus::Unknown: break;
    }
    return tr(Text::StatusUnknown);
}

const char* planLabel(const std::string& plan) {
    if (plan == "basic") return tr(Text::PlanBasic);
    if (plan == "professional") return tr(Text::PlanProfessional);
    if (plan == "enterprise") return tr(Text::PlanEnterprise);
    return tr(Text::StatusUnknown);
}

const char* cycleLabel(const std::string& c) {
    if (c == "flexible") return tr(Text::CycleFlexible);
    if (c == "annual_monthly") return tr(Text::CycleAnnualMonthly);
    if (c == "annual_yearly") return tr(Text::CycleAnnualYearly);
    return tr(Text::StatusUnknown);
}

const char* subscriptionStatusLabel(const std::string& s) {
    if (s == "trial") return tr(Text::SubTrial);
    if (s == "active") return tr(Text::SubActive);
    if (s == "pending_cancel") return tr(Text::SubPendingCancel);
    if (s == "suspended") return tr(Text::SubSuspended);
    if (s == "cancelled") return tr(Text::SubCancelled);
    return tr(Text::StatusUnknown);
}

const char* invoiceStatusLabel(const std::string& s) {
    if (s == "open") return tr(Text::InvOpen);
    if (s == "paid") return tr(Text::InvPaid);
    if (s == "overdue") return tr(Text::InvOverdue);
    if (s == "void") return tr(Text::InvVoid);
    return tr(Text::StatusUnknown);
}

std::string roleLabel(const std::string& role) {
    if (role == "admin") return tr(Text::RoleAdmin);
    if (role == "buyer") return tr(Text::RoleBuyer);
    if (role == "sales") return tr(Text::RoleSales);
    if (role == "viewer") return tr(Text::RoleViewer);
    return role;
}

std::string rolesSentence(const std::vector<std::string>& roles) {
    std::string out;
    for (std::size_t i = 0; i < roles.size(); ++i) {
        if (i > 0) out += i + 1 == roles.size() ? std::string(" ") + tr(Text::RoleOr) + " " : ", ";
        out += roleLabel(roles[i]);
    }
    return out;
}

std::string planWithCycle(const std::string& plan, const std::string& cycle) {
    return std::string(planLabel(plan)) + " (" + cycleLabel(cycle) + ")";
}

std::string activitySentence(const ActivityEntry& a) {
    const std::string& act = a.action;
    if (act == "customer.invited") return format::fill(tr(Text::ActInvited), a.customerName);
    if (act == "customer.updated") return tr(Text::ActUpdated);
    if (act == "invitation.resent") return tr(Text::ActResent);
    if (act == "invitation.revoked") return tr(Text::ActRevoked);
    if (act == "invitation.accepted") return tr(Text::ActAccepted);
    if (act == "subscription.licenses_ordered")
        return format::fill(tr(a.licensesAfter < a.licensesBefore ? Text::ActLicensesReduced : Text::ActLicenses),
                            format::integer(a.licensesBefore), format::integer(a.licensesAfter));
    if (act == "subscription.plan_changed") return format::fill(tr(Text::ActPlanChanged), planWithCycle(a.planAfter, a.cycleAfter));
    if (act == "subscription.plan_change_scheduled" && !a.scheduledPlan.empty())
        return format::fill(tr(Text::ActPlanScheduled), planWithCycle(a.scheduledPlan, a.scheduledCycle));
    if (act == "subscription.cancelled") {
        std::string what = a.statusAfter == "pending_cancel" ? tr(Text::ActCancelScheduled) : tr(Text::ActCancelledNow);
        return a.cancelReason.empty() ? what : what + " " + format::fill(tr(Text::ActCancelReason), a.cancelReason);
    }
    if (act == "subscription.reactivated") return tr(Text::ActReactivated);
    if (act == "subscription.ended") return tr(Text::ActEnded);
    if (act == "subscription.converted") return tr(Text::ActConverted);
    if (act == "subscription.renewed") return tr(Text::ActRenewed);
    auto licensesText = [](std::int64_t n) {
        return n == 1 ? std::string(tr(Text::LineLicenseOne)) : format::fill(tr(Text::LineLicenses), format::integer(n));
    };
    if (act == "invitation.declined") return tr(Text::ActDeclined);
    if (act == "customer.invited_again") return format::fill(tr(Text::ActInvitedAgain), a.customerName);
    if (act == "subscription.suspended")
        return tr(a.suspendReason == "non_payment"        ? Text::ActSuspendedNonPayment
                  : a.suspendReason == "customer_request" ? Text::ActSuspendedRequest
                                                          : Text::ActSuspended);
    if (act == "subscription.resumed") return tr(Text::ActResumed);
    if (act == "subscription.started_paid" && !a.planAfter.empty() && a.licensesAfter > 0)
        return format::fill(tr(Text::ActStartedPaid), planWithCycle(a.planAfter, a.cycleAfter),
                            licensesText(a.licensesAfter));
    if (act == "subscription.seat_cap_changed" && a.maxLicenses >= -1)
        return a.maxLicenses < 0 ? tr(Text::ActSeatCapCleared) : format::fill(tr(Text::ActSeatCapSet), format::integer(a.maxLicenses));
    if (act == "subscription.renewal_changed") {
        if (a.renewalAction == "auto_renew") return tr(Text::ActRenewalAuto);
        if (a.renewalAction == "cancel_at_end") return tr(Text::ActRenewalCancel);
        if (a.renewalAction == "switch_to_flexible") return tr(Text::ActRenewalFlexible);
        if (a.renewalAction == "renew_with_count" && a.renewalLicenses > 0)
            return format::fill(tr(Text::ActRenewalCount), licensesText(a.renewalLicenses));
    }
    if (act == "customer.transfer_token_created") return tr(Text::ActTransferCodeCreated);
    if (act == "customer.transfer_token_revoked") return tr(Text::ActTransferCodeRevoked);
    if (act == "customer.transferred_in" && !a.otherReseller.empty()) return format::fill(tr(Text::ActTransferredIn), a.otherReseller);
    if (act == "customer.transferred_out" && !a.otherReseller.empty()) return format::fill(tr(Text::ActTransferredOut), a.otherReseller);
    if (act == "billing_profile.updated") return tr(Text::ActBillingProfile);
    if (act == "team.member_added" && !a.roleAfter.empty())
        return format::fill(tr(Text::ActMemberAdded), a.memberName, roleLabel(a.roleAfter));
    if (act == "team.role_changed" && !a.roleAfter.empty())
        return format::fill(tr(Text::ActRoleChanged), a.memberName, roleLabel(a.roleBefore), roleLabel(a.roleAfter));
    if (act == "team.member_removed" && !a.memberName.empty()) return format::fill(tr(Text::ActMemberRemoved), a.memberName);
    if (act == "invoice.issued") {
        // "Invoice <number> issued for the next billing period.": the number has the prefix the
        // reseller chose (RE-2026-000163), so it is read from its place in the sentence.
        const std::string lead = "Invoice ", tail = " issued";
        if (a.summary.compare(0, lead.size(), lead) == 0) {
            std::size_t end = a.summary.find(tail, lead.size());
            std::string number = end == std::string::npos ? "" : a.summary.substr(lead.size(), end - lead.size());
            if (!number.empty() && number.size() <= 40 && number.find(' ') == std::string::npos) {
                bool period = a.summary.find("next billing period", end) != std::string::npos;
                return format::fill(tr(period ? Text::ActInvoicePeriod : Text::ActInvoice), number);
            }
        }
        // Older sentences: the first "INV-" followed by digits. (std::regex recursed once per digit: a long number
        // from the server overflowed the stack.)
        const std::string& text = a.summary;
        for (std::size_t at = text.find("INV-"); at != std::string::npos; at = text.find("INV-", at + 1)) {
            std::size_t end = at + 4;
            while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
            if (end > at + 4) return format::fill(tr(Text::ActInvoice), text.substr(at, end - at));
        }
    }
    return a.summary;
}

std::string activityActor(const ActivityEntry& a) {
    const Actor& who = a.actor;
    if (who.kind == ActorKind::System) return tr(Text::ActSystem);
    std::string name = who.name.empty() ? who.email : who.name;
    if (who.kind == ActorKind::Customer) return format::fill(tr(Text::ActByCustomer), name.empty() ? tr(Text::ActTheCustomer) : name);
    return name;
}

}  // namespace rc
