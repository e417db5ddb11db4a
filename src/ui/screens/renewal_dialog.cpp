#include "ui/screens/renewal_dialog.h"

#include "core/format.h"
#include "core/i18n.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/gated.h"
#include "ui/kit/license_stepper.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {

namespace {
std::string whoOf(const Customer& c) { return c.organization.empty() ? c.name : c.organization; }

// What the subscription is from the renewal on, for `action` (the price from the plan catalog:
// the reseller's own price, as the server will bill it).
struct AtRenewal {
    std::string plan, cycle;
    int licenses = 0;
    std::optional<Money> recurring;
};

AtRenewal atRenewal(const Subscription& sub, const std::optional<PlanCatalog>& plans, const std::string& action, int count) {
    AtRenewal r;
    r.plan = sub.scheduledChange ? sub.scheduledChange->plan : sub.plan;
    r.cycle = action == "switch_to_flexible" ? "flexible"
                                             : (sub.scheduledChange && sub.scheduledChange->billingCycle != "flexible"
                                                    ? sub.scheduledChange->billingCycle
                                                    : sub.billingCycle);
    r.licenses = action == "renew_with_count" ? count : sub.licenses;
    if (plans)
        if (const PlanOffer* offer = plans->find(r.plan))
            if (const PlanPrice* price = offer->price(r.cycle))
                r.recurring = Money{price->yours.amount * r.licenses, price->yours.currency};
    return r;
}

std::string renewalDay(const Subscription& sub) {
    if (sub.renewal && !sub.renewal->on.empty()) return sub.renewal->on;
    return sub.renewsAt;
}
}  // namespace

std::string renewalSummary(const Subscription& sub) {
    if (!sub.isAnnual() || !sub.renewal || sub.isCancelled()) return {};
    const RenewalPlan& r = *sub.renewal;
    std::string day = format::date(r.on);
    std::string what;
    if (r.action == "cancel_at_end") return format::fill(tr(Text::RenewalSummaryCancel), format::date(sub.termEnd));
    if (r.action == "renew_with_count") what = format::fill(tr(Text::RenewalSummaryCount), day, format::integer(r.licenses));
    else if (r.action == "switch_to_flexible") what = format::fill(tr(Text::RenewalSummaryFlexible), day);
    else what = format::fill(tr(Text::RenewalSummaryAuto), day);
    if (r.recurringAmount) what += " · " + format::money(*r.recurringAmount) + " " + perPeriod(r.billingCycle);
    return what;
}

void RenewalDialog::draw(Store& store) {
    const AppState& st = store.state();
    const CustomerPageState& page = st.customer;
    const RenewalState& rs = page.renewal;
    bool close = false;
    bool shown = rs.open && page.customer && page.customer->subscription;
    if (!beginDialog("###renewal", format::fill(tr(Text::RenewalTitle), shown ? whoOf(*page.customer) : std::string()), 620, shown, close))
        return;
    const Subscription& sub = *page.customer->subscription;
    paragraph(format::fill(tr(Text::RenewalIntro), format::date(sub.termEnd)));
    ImGui::Dummy(ImVec2(0, 6));
    struct Choice {
        const char* action;
        Text title, note;
    };
    const Choice choices[] = {{"auto_renew", Text::RenewalAuto, Text::RenewalAutoNote},
                              {"renew_with_count", Text::RenewalCount, Text::RenewalCountNote},
                              {"switch_to_flexible", Text::RenewalFlexible, Text::RenewalFlexibleNote},
                              {"cancel_at_end", Text::RenewalCancel, Text::RenewalCancelNote}};
    std::string action = rs.action;
    int count = rs.licenses;
    for (const Choice& c : choices) {
        if (radioCard(c.action, tr(c.title), tr(c.note), action == c.action, rs.submitting)) action = c.action;
        if (std::string(c.action) == "renew_with_count" && action == "renew_with_count") {
            // The count sits under its own choice.
            ImGui::Indent(18);
            const auto [lo, hi] = licenseRange(st.plans);
            int chosen = licenseStepper("renewal-licenses", tr(Text::TermsLicenses), count, lo, hi, rs.submitting);
            if (chosen >= 0) count = chosen;
            ImGui::Unindent(18);
            ImGui::Dummy(ImVec2(0, 4));
        }
    }
    if (action != rs.action || count != rs.licenses) store.lifecycle().editRenewal(action, count);

    ImGui::Dummy(ImVec2(0, 4));
    previewBox("###renewal-preview", 0);
    if (rs.action == "cancel_at_end") {
        previewRow(tr(Text::RenewalEndsOn), tr(Text::RenewalCancelNote), format::date(sub.termEnd), true);
    } else {
        // One row, so the dialog fits a laptop's screen: "Enterprise (Annual contract, paid monthly)",
        // "26 licenses, from Apr 29, 2027", and what it costs then.
        AtRenewal r = atRenewal(sub, st.plans, rs.action, rs.licenses);
        std::string when = format::fill(tr(Text::StartPaidRecurringFrom), format::fill(tr(Text::SeatCapLicenses), format::integer(r.licenses)),
                                        format::date(renewalDay(sub)));
        previewRow(planWithCycle(r.plan, r.cycle), when, r.recurring ? format::money(*r.recurring) + " " + perPeriod(r.cycle) : std::string(),
                   true);
    }
    endPreviewBox();
    if (rs.error) {
        ImGui::Dummy(ImVec2(0, 4));
        errorBanner(describeError(*rs.error), false);
    }
    Gate g = gate(store, Capability::ManageSubscriptions, /*needsNetwork=*/true);
    std::string label = std::string(rs.submitting ? tr(Text::RenewalSaving) : tr(Text::RenewalSave)) + "##save-renewal";
    bool unchanged = !store.lifecycle().renewalChanged();
    int clicked = g.open() ? dialogButtons(label.c_str(), ButtonStyle::Primary, rs.submitting, unchanged, tr(Text::Cancel))
                           : dialogButtons(label.c_str(), ButtonStyle::Primary, rs.submitting, g, tr(Text::Cancel));
    if (clicked == 1) store.lifecycle().saveRenewal();
    if (clicked == 2 || close) store.lifecycle().closeRenewal();
    endDialog();
}

void SeatCapDialog::draw(Store& store) {
    const AppState& st = store.state();
    const CustomerPageState& page = st.customer;
    const SeatCapState& sc = page.seatCap;
    bool close = false;
    bool shown = sc.open && page.customer && page.customer->subscription;
    if (!beginDialog("###seat-cap", format::fill(tr(Text::SeatCapTitle), shown ? whoOf(*page.customer) : std::string()), 560, shown, close))
        return;
    const Subscription& sub = *page.customer->subscription;
    paragraph(format::fill(tr(Text::SeatCapIntro), format::integer(sub.licenses)));
    ImGui::Dummy(ImVec2(0, 6));
    bool capped = sc.capped;
    int cap = sc.cap;
    if (radioCard("no-cap", tr(Text::SeatCapNone), tr(Text::SeatCapNoneNote), !capped, sc.submitting)) capped = false;
    if (radioCard("at-most", tr(Text::SeatCapAtMost), tr(Text::SeatCapAtMostNote), capped, sc.submitting)) capped = true;
    if (capped) {
        ImGui::Indent(18);
        const auto [lo, hi] = licenseRange(st.plans);
        int chosen = licenseStepper("seat-cap", tr(Text::SeatCap), cap, std::max(lo, sub.licenses), hi, sc.submitting);
        if (chosen >= 0) cap = chosen;
        ImGui::Unindent(18);
    }
    if (capped != sc.capped || cap != sc.cap) store.lifecycle().editSeatCap(capped, cap);
    if (sc.error) {
        ImGui::Dummy(ImVec2(0, 4));
        errorBanner(describeError(*sc.error), false);
    }
    Gate g = gate(store, Capability::ManageSubscriptions, /*needsNetwork=*/true);
    std::string label = std::string(sc.submitting ? tr(Text::RenewalSaving) : tr(Text::SeatCapSave)) + "##save-seat-cap";
    bool unchanged = !store.lifecycle().seatCapChanged();
    int clicked = g.open() ? dialogButtons(label.c_str(), ButtonStyle::Primary, sc.submitting, unchanged, tr(Text::Cancel))
                           : dialogButtons(label.c_str(), ButtonStyle::Primary, sc.submitting, g, tr(Text::Cancel));
    if (clicked == 1) store.lifecycle().saveSeatCap();
    if (clicked == 2 || close) store.lifecycle().closeSeatCap();
    endDialog();
}

}  // namespace rc::ui
