#include "ui/screens/suspend_dialog.h"

#include "core/format.h"
#include "core/i18n.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/gated.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/screens/billing_parts.h"

namespace rc::ui {

namespace {
std::string whoOf(const CustomerPageState& page) {
    if (!page.customer) return {};
    return page.customer->organization.empty() ? page.customer->name : page.customer->organization;
}
}  // namespace

void SuspendDialog::draw(Store& store) {
    const CustomerPageState& page = store.state().customer;
    const SuspendState& s = page.suspend;
    bool close = false;
    bool shown = s.open && page.customer && page.customer->subscription;
    if (!beginDialog("###suspend", format::fill(tr(Text::SuspendTitle), whoOf(page)), 580, shown, close)) return;
    paragraph(tr(Text::SuspendIntro));
    ImGui::Dummy(ImVec2(0, 6));
    std::string reason = s.reason, note = s.note;
    if (radioCard("non_payment", tr(Text::SuspendReasonNonPayment), tr(Text::SuspendReasonNonPaymentNote), reason == "non_payment",
                  s.submitting))
        reason = "non_payment";
    if (radioCard("customer_request", tr(Text::SuspendReasonCustomer), tr(Text::SuspendReasonCustomerNote),
                  reason == "customer_request", s.submitting))
        reason = "customer_request";
    ImGui::Dummy(ImVec2(0, 4));
    fieldLabel(tr(Text::SuspendNote));
    ImGui::BeginDisabled(s.submitting);
    inputText("##suspend-note", tr(Text::SuspendNote), note, ImGui::GetContentRegionAvail().x);
    ImGui::EndDisabled();
    if (reason != s.reason || note != s.note) store.lifecycle().editSuspend(reason, note);

    ImGui::Dummy(ImVec2(0, 4));
    previewBox("###suspend-preview", 0);
    if (!previewWaiting(s.previewRemote) && s.preview) {
        const SuspendPreview& p = *s.preview;
        previewRow(tr(Text::SuspendFrom), {}, format::date(p.suspendsOn), false);
        ImGui::Dummy(ImVec2(0, 4));
        previewRow(tr(Text::PaidThrough), {}, format::date(p.paidThrough), false);
        ImGui::Dummy(ImVec2(0, 4));
        if (p.accruesWhileSuspended)
            previewRow(tr(Text::WhileSuspended), tr(Text::AnnualBilledOn),
                       format::money(p.monthlyValueSuspended) + " " + perPeriod("flexible"), true);
        else
            previewRow(tr(Text::WhileSuspended), tr(Text::NothingWhileSuspended), format::money(p.monthlyValueSuspended), true);
    }
    endPreviewBox();
    if (s.error) {
        ImGui::Dummy(ImVec2(0, 4));
        errorBanner(describeError(*s.error), false);
    }
    Gate g = gate(store, Capability::ManageSubscriptions, /*needsNetwork=*/true);
    std::string label = std::string(s.submitting ? tr(Text::Suspending) : tr(Text::SuspendConfirm)) + "##confirm-suspend";
    int clicked = g.open() ? dialogButtons(label.c_str(), ButtonStyle::Danger, s.submitting, !s.preview, tr(Text::KeepActive))
                           : dialogButtons(label.c_str(), ButtonStyle::Danger, s.submitting, g, tr(Text::KeepActive));
    if (clicked == 1) store.lifecycle().confirmSuspend();
    if (clicked == 2 || close) store.lifecycle().closeSuspend();
    endDialog();
}

void ResumeDialog::draw(Store& store) {
    const CustomerPageState& page = store.state().customer;
    const ResumeState& r = page.resume;
    bool close = false;
    bool shown = r.open && page.customer && page.customer->subscription;
    if (!beginDialog("###resume", format::fill(tr(Text::ResumeTitle), whoOf(page)), 580, shown, close)) return;
    const Subscription& sub = *page.customer->subscription;
    paragraph(tr(Text::ResumeIntro));
    ImGui::Dummy(ImVec2(0, 6));
    previewBox("###resume-preview", 0);
    if (!previewWaiting(r.previewRemote) && r.preview) {
        const ResumePreview& p = *r.preview;
        previewRow(tr(Text::SuspendedSince), {}, format::date(p.suspendedSince.substr(0, 10)), false);
        ImGui::Dummy(ImVec2(0, 4));
        // The days charged, as the subscription card writes a term: "19.02.2027 – 09.03.2027 (19 von 28 Tagen)".
        std::string span = p.prorated ? format::date(p.prorationFrom) + " – " + format::date(p.prorationTo) + " (" +
                                            format::fill(tr(Text::ResumeDays), format::integer(p.prorationDays),
                                                         format::integer(p.periodDays)) + ")"
                                      : std::string(tr(Text::ResumeFree));
        previewDueRows(span, p.amountDueNow, p.tax, std::nullopt);
        ImGui::Dummy(ImVec2(0, 4));
        previewRow(tr(Text::TermsRecurring), format::money(p.unitPrice) + " " + perUnit(sub.billingCycle),
                   format::money(p.recurringAmount) + " " + perPeriod(sub.billingCycle), false);
        if (!p.renewsOn.empty()) {
            ImGui::Dummy(ImVec2(0, 4));
            previewRow(tr(Text::TermsRenews), {}, format::date(p.renewsOn), false);
        }
    }
    endPreviewBox();
    if (r.error) {
        ImGui::Dummy(ImVec2(0, 4));
        errorBanner(describeError(*r.error), false);
    }
    Gate g = gate(store, Capability::ManageSubscriptions, /*needsNetwork=*/true);
    std::string label = std::string(r.submitting ? tr(Text::Resuming) : tr(Text::ResumeConfirm)) + "##confirm-resume";
    int clicked = g.open() ? dialogButtons(label.c_str(), ButtonStyle::Primary, r.submitting, !r.preview, tr(Text::Cancel))
                           : dialogButtons(label.c_str(), ButtonStyle::Primary, r.submitting, g, tr(Text::Cancel));
    if (clicked == 1) store.lifecycle().confirmResume();
    if (clicked == 2 || close) store.lifecycle().closeResume();
    endDialog();
}

}  // namespace rc::ui
