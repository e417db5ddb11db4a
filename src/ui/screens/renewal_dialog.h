// Renewal settings (issue 23) for an annual plan: the four choices Google offers (renew with the
// count then, renew with a count chosen now, switch to flexible at renewal, cancel at the end of
// the term), each shown with the day and what the subscription costs from then. And the seat cap
// of a flexible plan: set or cleared, never below today's count.
#pragma once
#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

class RenewalDialog : public View {
public:
    void draw(Store& store) override;
};

class SeatCapDialog : public View {
public:
    void draw(Store& store) override;
};

// The subscription card's line for what happens at renewal: "Renews on 12.03.2027 with 15
// licenses · 144,00 $ pro Jahr" (empty when there is nothing to say).
std::string renewalSummary(const Subscription& sub);

}  // namespace rc::ui
