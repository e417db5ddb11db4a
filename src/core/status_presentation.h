// One truth for how a customer's status reads everywhere: the badge, the list's status column,
// the status filter and the dashboard's counts all ask here. Issue 25 (the German review) extends
// these functions ("Gekündigt zum 20.08.2027") rather than writing its own.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"

namespace rc {

enum class StatusTone { Success, Warning, Danger, Neutral };

struct StatusPresentation {
    CustomerStatus status = CustomerStatus::Unknown;
    StatusTone tone = StatusTone::Neutral;
    std::string label;   // the badge: "Suspended" | "Gesperrt"
    std::string detail;  // beside or under it: "Trial · 12 days left"; empty: nothing more to say
};

// The day (YYYY-MM-DD, UTC, as the server counts days) of a moment in ms since 1970.
std::string isoDay(double epochMillis);
// Days from one YYYY-MM-DD to another (negative when `to` is earlier); 0 for a malformed day.
int daysBetween(const std::string& from, const std::string& to);
// Days of a trial left counting today, as the server's dashboard counts them (1 on its last
// day); -1 when the subscription is not in a trial (or its end is past).
int trialDaysLeft(const Subscription& s, const std::string& today);

StatusTone statusTone(CustomerStatus status);
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
