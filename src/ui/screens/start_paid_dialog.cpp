#include "ui/screens/start_paid_dialog.h"

#include "core/format.h"
#include "core/i18n.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/gated.h"
#include "ui/kit/license_stepper.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/screens/billing_parts.h"

namespace rc::ui {

namespace {
const char* const kPlans[] = {"basic", "professional", "enterprise"};
const char* const kCycles[] = {"flexible", "annual_monthly", "annual_yearly"};

int indexOf(const char* const* codes, const std::string& code) {
    for (int i = 0; i < 3; ++i)
        if (code == codes[i]) return i;
    return 0;
}

// What the trial becomes at its end if nobody acts (the subscription's renewal is its conversion).
std::string otherwise(const Subscription& sub) {
    const std::string ends = format::date(sub.trialEndsOn.empty() ? sub.termEnd : sub.trialEndsOn);
    const auto& r = sub.renewal;
    if (!r || r->action == "cancel_at_end" || r->plan.empty() || !r->recurringAmount)
        return format::fill(tr(Text::StartPaidOtherwiseEnds), ends);
    std::string then = format::fill(tr(Text::PlanLicensesPrice), planWithCycle(r->plan, r->billingCycle), format::integer(r->licenses),
                                    format::money(*r->recurringAmount) + " " + perPeriod(r->billingCycle));
    return format::fill(tr(Text::StartPaidOtherwise), ends, format::date(r->on), then);
}
}  // namespace

void StartPaidDialog::draw(Store& store) {
    const AppState& st = store.state();
    const CustomerPageState& page = st.customer;
    const StartPaidState& sp = page.startPaid;
    bool close = false;
    bool shown = sp.open && page.customer && page.customer->subscription;
    std::string who = shown ? (page.customer->organization.empty() ? page.customer->name : page.customer->organization) : std::string();
    if (!beginDialog("###start-paid", format::fill(tr(Text::StartPaidTitle), who), 760, shown, close)) return;
    const Subscription& sub = *page.customer->subscription;
    paragraph(tr(Text::StartPaidIntro));
    ImGui::Dummy(ImVec2(0, 6));

    const char* planLabels[] = {planLabel(kPlans[0]), planLabel(kPlans[1]), planLabel(kPlans[2])};
    const char* cycleLabels[] = {tr(Text::CycleFlexible), tr(Text::CycleAnnualMonthly), tr(Text::CycleAnnualYearly)};
    fieldLabel(tr(Text::TermsPlan));
    int plan = segmented("start-plan", planLabels, 3, indexOf(kPlans, sp.plan));
    ImGui::Dummy(ImVec2(0, 4));
    fieldLabel(tr(Text::TermsCycle));
    int cycle = segmented("start-cycle", cycleLabels, 3, indexOf(kCycles, sp.billingCycle));
    ImGui::Dummy(ImVec2(0, 4));
    fieldLabel(tr(Text::TermsLicenses));
    const auto [lo, hi] = licenseRange(st.plans);
    int licenses = licenseStepper("start-licenses", tr(Text::TermsLicenses), sp.licenses, lo, hi, sp.submitting);
    if ((plan >= 0 || cycle >= 0 || licenses >= 0) && !sp.submitting)
        store.lifecycle().chooseStartPaid(plan >= 0 ? kPlans[plan] : sp.plan, cycle >= 0 ? kCycles[cycle] : sp.billingCycle,
                                          licenses >= 0 ? licenses : sp.licenses);
    ImGui::Dummy(ImVec2(0, 6));

    previewBox("###start-paid-preview", 0);
    if (!previewWaiting(sp.previewRemote) && sp.preview) {
        const StartPaidPreview& p = *sp.preview;
        // From when: the first period (invoiced now) starts today; the recurring amount from the renewal.
        previewDueRows(format::fill(tr(Text::StartPaidPeriod), format::date(p.periodFrom), format::date(p.periodTo)), p.amountDueNow, p.tax,
                       std::nullopt);
        ImGui::Dummy(ImVec2(0, 4));
        previewRow(tr(Text::TermsRecurring),
                   format::fill(tr(Text::StartPaidRecurringFrom), format::money(p.unitPrice) + " " + perUnit(p.billingCycle),
                                format::date(p.renewsOn)),
                   format::money(p.recurringAmount) + " " + perPeriod(p.billingCycle), false);
    }
    endPreviewBox();
    ImGui::Dummy(ImVec2(0, 2));
    paragraph(otherwise(sub), color::TextMuted);
    if (sp.error) {
        ImGui::Dummy(ImVec2(0, 4));
        errorBanner(describeError(*sp.error), false);
    }
    Gate g = gate(store, Capability::ManageSubscriptions, /*needsNetwork=*/true);
    bool ready = sp.preview && !sp.previewRemote.loading;
    std::string label = std::string(sp.submitting ? tr(Text::StartingPaid) : tr(Text::StartPaidConfirm)) + "##confirm-start-paid";
    int clicked = g.open() ? dialogButtons(label.c_str(), ButtonStyle::Primary, sp.submitting, !ready, tr(Text::KeepTrial))
                           : dialogButtons(label.c_str(), ButtonStyle::Primary, sp.submitting, g, tr(Text::KeepTrial));
    if (clicked == 1) store.lifecycle().confirmStartPaid();
    if (clicked == 2 || close) store.lifecycle().closeStartPaid();
    endDialog();
}

}  // namespace rc::ui
