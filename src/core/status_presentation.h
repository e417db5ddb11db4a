// One truth for how a customer's status reads everywhere: the header badge, the list's status
// column and cards, the subscription card, the status filter and the dashboard's counts all ask
// here, so a pending cancellation says "Gekündigt zum 20.08.2027" and a trial "Testphase bis
// 05.01.2027" everywhere instead of "Aktiv" in one place and the truth in another (issue 25).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"

namespace rc {

// How a status is coloured; the UI maps it to its palette (Accent: a trial).
enum class StatusTone { Success, Accent, Warning, Danger, Neutral };

struct StatusPresentation {
    CustomerStatus status = CustomerStatus::Unknown;
    StatusTone tone = StatusTone::Neutral;
    std::string label;   // the badge: "Gesperrt" | "Testphase bis 05.01.2027" | "Gekündigt zum 20.08.2027"
    std::string detail;  // beside or under it: "noch 12 Tage"; empty: nothing more to say
};

// The day (YYYY-MM-DD, UTC, as the server counts days) of a moment in ms since 1970.
std::string isoDay(double epochMillis);
// Days from one YYYY-MM-DD to another (negative when `to` is earlier); 0 for a malformed day.
int daysBetween(const std::string& from, const std::string& to);
// Days of a trial left counting today, as the server's dashboard counts them (1 on its last
// day); -1 when the subscription is not in a trial (or its end is past).
int trialDaysLeft(const Subscription& s, const std::string& today);

StatusTone statusTone(CustomerStatus status);
// A status on its own (the filter's choices, the dashboard's counts): its word and tone.
StatusPresentation presentStatus(CustomerStatus status);
// A subscription as it stands: Aktiv, Testphase bis <last trial day>, Gekündigt zum <last day>,
// Gesperrt, Beendet; during a trial the detail says the days left.
StatusPresentation presentSubscription(const Subscription& s, const std::string& today);
// A customer: the invitation's state until there is a subscription, then the subscription's
// while active (and for a state this console has no word for, a newer server's).
StatusPresentation presentStatus(const Customer& c, const std::string& today);

// The statuses the list's filter offers and the dashboard counts, in that order, each with the
// API's word for it (the filter's query and the dashboard's key).
struct StatusChoice {
    CustomerStatus status;
    const char* apiName;
};
const std::vector<StatusChoice>& statusChoices();
std::int64_t dashboardCount(const Dashboard& d, CustomerStatus status);

}  // namespace rc
