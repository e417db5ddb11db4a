#include "core/status_presentation.h"

#include <cmath>
#include <cstdio>

#include "core/format.h"
#include "core/i18n.h"

namespace rc {
namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool parseDay(const std::string& s, std::int64_t& out) {
    int y = 0, m = 0, d = 0;
    if (s.size() < 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    out = daysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    return true;
}

}  // namespace

std::string isoDay(double epochMillis) {
    if (!(std::fabs(epochMillis) < 1e15)) return "";  // NaN, or a date no clock gives (year > 30,000)
    std::int64_t z = static_cast<std::int64_t>(std::floor(epochMillis / 86400000.0)) + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
    char buf[48];  // room for any year, month and day the types can hold
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    return buf;
}

int daysBetween(const std::string& from, const std::string& to) {
    std::int64_t a = 0, b = 0;
    if (!parseDay(from, a) || !parseDay(to, b)) return 0;
    return static_cast<int>(b - a);
}

int trialDaysLeft(const Subscription& s, const std::string& today) {
    if (s.trialEndsOn.empty()) return -1;
    int left = daysBetween(today, s.trialEndsOn) + 1;
    return left >= 1 ? left : -1;
}

StatusTone statusTone(CustomerStatus status) {
    switch (status) {
        case CustomerStatus::Active: return StatusTone::Success;
        case CustomerStatus::Invited:
        case CustomerStatus::Suspended: return StatusTone::Warning;
        case CustomerStatus::Cancelled:
        case CustomerStatus::Declined: return StatusTone::Danger;
        case CustomerStatus::Revoked:
        case CustomerStatus::Unknown: break;
    }
    return StatusTone::Neutral;
}

StatusPresentation presentStatus(CustomerStatus status) {
    StatusPresentation p;
    p.status = status;
    p.tone = statusTone(status);
    p.label = statusLabel(status);
    return p;
}

StatusPresentation presentSubscription(const Subscription& s, const std::string& today) {
    StatusPresentation p;
    p.status = CustomerStatus::Active;
    auto say = [&p](StatusTone tone, std::string label) {
        p.tone = tone;
        p.label = std::move(label);
        return p;
    };
    if (s.status == "trial") {
        // The trial's last day (the server's trial_ends_on; older servers: the term's end), the
        // day the reseller plans around, and how many days are left of it.
        const std::string& last = !s.trialEndsOn.empty() ? s.trialEndsOn : s.termEnd;
        int left = trialDaysLeft(s, today);
        if (left == 1) p.detail = tr(Text::TrialEndsToday);  // today is its last day
        else if (left > 1) p.detail = format::fill(tr(Text::TrialDaysLeft), format::integer(left));
        if (last.empty()) return say(StatusTone::Accent, tr(Text::SubTrial));
        return say(StatusTone::Accent, format::fill(tr(Text::StatusTrialUntil), format::date(last)));
    }
    if (s.status == "pending_cancel") {
        if (s.termEnd.empty()) return say(StatusTone::Warning, tr(Text::SubPendingCancel));
        return say(StatusTone::Warning, format::fill(tr(Text::StatusCancelsOn), format::date(s.termEnd)));
    }
    if (s.status == "active") return say(StatusTone::Success, tr(Text::SubActive));
    if (s.status == "suspended") {
        p.status = CustomerStatus::Suspended;
        return say(StatusTone::Warning, tr(Text::SubSuspended));
    }
    if (s.status == "cancelled") {
        p.status = CustomerStatus::Cancelled;
        return say(StatusTone::Danger, tr(Text::SubCancelled));
    }
    p.status = CustomerStatus::Unknown;
    return say(StatusTone::Neutral, tr(Text::StatusUnknown));
}

StatusPresentation presentStatus(const Customer& c, const std::string& today) {
    // While active (or in a state this console has no word for yet), the subscription says more
    // than the customer's word: its trial, its cancellation.
    if (c.subscription && (c.status == CustomerStatus::Active || c.status == CustomerStatus::Unknown)) {
        StatusPresentation p = presentSubscription(*c.subscription, today);
        if (c.status == CustomerStatus::Active) p.status = CustomerStatus::Active;
        return p;
    }
    return presentStatus(c.status);
}

const std::vector<StatusChoice>& statusChoices() {
    static const std::vector<StatusChoice> choices = {
        {CustomerStatus::Invited, "invited"},     {CustomerStatus::Active, "active"},
        {CustomerStatus::Suspended, "suspended"}, {CustomerStatus::Revoked, "revoked"},
        {CustomerStatus::Declined, "declined"},   {CustomerStatus::Cancelled, "cancelled"},
    };
    return choices;
}

std::int64_t dashboardCount(const Dashboard& d, CustomerStatus status) {
    switch (status) {
        case CustomerStatus::Invited: return d.invited;
        case CustomerStatus::Active: return d.active;
        case CustomerStatus::Suspended: return d.suspended;
        case CustomerStatus::Revoked: return d.revoked;
        case CustomerStatus::Declined: return d.declined;
        case CustomerStatus::Cancelled: return d.cancelled;
        case CustomerStatus::Unknown: break;
    }
    return 0;
}

}  // namespace rc
