#include "ui/screens/license_order_dialog.h"

#include <algorithm>

#include "core/format.h"
#include "core/i18n.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/license_stepper.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/screens/billing_parts.h"

namespace rc::ui {

void LicenseOrderDialog::draw(Store& store) {
    const AppState& st = store.state();
    const CustomerPageState& page = st.customer;
    const LicenseOrderState& o = page.licenses;
    bool close = false;
    std::string who = page.customer ? page.customer->organization : std::string();
    if (!beginDialog("###licenses", format::fill(tr(Text::LicensesTitle), who), 560, o.open && page.customer.has_value(), close))
        return;
    const Subscription& sub = *page.customer->subscription;
    const auto [lo, planHi] = licenseRange(st.plans);
    // A flexible plan's seat cap (issue 23) is the most an order may reach.
    const bool capped = !sub.isAnnual() && sub.maxLicenses && *sub.maxLicenses < planHi;
    const int hi = capped ? std::max(lo, *sub.maxLicenses) : planHi;

    if (!o.confirming) {
        text(format::fill(tr(Text::LicensesCurrent), format::integer(sub.licenses)) + " · " + planLabel(sub.plan) + ", " +
                 cycleLabel(sub.billingCycle),
             color::TextMuted);
        ImGui::Dummy(ImVec2(0, 4));
        fieldLabel(tr(Text::LicensesNew));
        // − [count] +, and the count can be typed.
        int chosen = licenseStepper("licenses", tr(Text::LicensesNew), o.target, lo, hi, o.ordering);
        if (chosen >= 0) store.subscription().setLicenseTarget(chosen);

        // The rules, before the reseller runs into them.
        ImGui::Dummy(ImVec2(0, 2));
        ImGui::PushFont(fonts().small);
        std::string renewal = format::date(sub.renewsAt.empty() ? sub.termEnd : sub.renewsAt);
        bool blocked = !sub.canReduceLicensesNow() && o.target < sub.licenses;
        if (sub.status == "trial") paragraph(tr(Text::TrialRule));
        else if (sub.isAnnual())
            paragraph(blocked ? format::fill(tr(Text::AnnualRuleBlocked), format::integer(sub.licenses), renewal)
                              : format::fill(tr(Text::AnnualRule), renewal),
                      blocked ? color::Danger : color::TextMuted);
        else paragraph(tr(Text::FlexibleRule));
        if (capped) paragraph(format::fill(tr(Text::SeatCapRule), format::integer(hi)), o.target >= hi ? color::Danger : color::TextMuted);
        paragraph(format::fill(tr(Text::LimitRule), format::integer(lo), format::integer(planHi)), color::TextFaint);
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(0, 6));

        if (store.offline().isOffline()) {
            // No price without the server: the order waits for the network, with its key.
            previewBox("###license-preview", 0);
            paragraph(tr(Text::OrderOfflineNote));
            if (o.orderError) paragraph(describeError(*o.orderError), color::Danger);
            endPreviewBox();
            std::string queue = std::string(tr(Text::OrderWhenOnline)) + "##order-offline";
            int c = dialogButtons(queue.c_str(), ButtonStyle::Primary, o.ordering, o.target == sub.licenses || blocked, tr(Text::Cancel));
            if (c == 1) store.offline().queueLicenseOrder();
            if (c == 2 || close) store.subscription().closeLicenseOrder();
            endDialog();
            return;
        }
        if (o.orderError && o.orderError->code == "licenses_changed") {
            // Back from the confirmation: the count moved under the reseller; the line above shows it.
            errorBanner(describeError(*o.orderError), false);
            ImGui::Dummy(ImVec2(0, 4));
        }
        previewBox("###license-preview", 0);
        if (previewWaiting(o.previewRemote)) {
            if (o.previewRemote.error && button(tr(Text::Retry), ButtonStyle::Secondary)) store.subscription().setLicenseTarget(o.target);
        } else if (o.preview && o.preview->licenses == o.target) {
            const LicensePreview& p = *o.preview;
            std::string span = p.prorationFrom.empty() ? std::string()
                                                       : format::fill(tr(Text::PreviewProrated), format::date(p.prorationFrom),
                                                                      format::date(p.prorationTo));
            previewDueRows(span, p.proratedAmount, p.tax, p.credit);
            ImGui::Dummy(ImVec2(0, 4));
            previewRow(tr(Text::PreviewRecurring), format::money(p.unitPrice) + " " + perUnit(sub.billingCycle),
                       format::money(p.recurringAmount) + " " + perPeriod(sub.billingCycle), false);
        } else {
            paragraph(blocked ? format::fill(tr(Text::PreviewBlocked), format::integer(sub.licenses)) : std::string(tr(Text::PreviewUnchanged)));
        }
        endPreviewBox();

        bool ready = o.preview && o.preview->licenses == o.target && !o.previewRemote.loading;
        std::string orderLabel = std::string(tr(Text::OrderNow)) + "##order-now";
        int clicked = dialogButtons(orderLabel.c_str(), ButtonStyle::Primary, false, !ready, tr(Text::Cancel));
        if (clicked == 1 || (ready && ImGui::IsKeyPressed(ImGuiKey_Enter, false) && !ImGui::IsAnyItemActive()))
            store.subscription().requestOrderConfirmation();
        if (clicked == 2 || close) store.subscription().closeLicenseOrder();
    } else {
        // Second step: say exactly what will happen, then order.
        const LicensePreview& p = *o.preview;
        text(tr(Text::ConfirmOrderTitle), color::Text, fonts().medium, "heading");
        // "Lizenzanzahl … auf 45 erhöhen? Es werden jetzt … in Rechnung gestellt." / "… verringern?"
        if (o.target < sub.licenses)
            paragraph(format::fill(tr(Text::ConfirmOrderFewer), page.customer->organization, format::integer(o.target)), color::Text);
        else
            paragraph(format::fill(tr(Text::ConfirmOrderText), page.customer->organization, format::integer(o.target),
                                   format::money(p.proratedAmount)),
                      color::Text);
        ImGui::Dummy(ImVec2(0, 4));
        previewBox("###confirm-preview", 0);
        previewDueRows({}, p.proratedAmount, p.tax, p.credit);
        ImGui::Dummy(ImVec2(0, 4));
        previewRow(tr(Text::PreviewRecurring), {}, format::money(p.recurringAmount) + " " + perPeriod(sub.billingCycle), false);
        endPreviewBox();
        if (o.orderError) {
            ImGui::Dummy(ImVec2(0, 4));
            errorBanner(std::string(tr(Text::OrderFailed)) + ": " + describeError(*o.orderError), false);
            ImGui::PushFont(fonts().small);
            paragraph(tr(Text::OrderRetryNote));
            ImGui::PopFont();
        }
        std::string label = std::string(o.ordering ? tr(Text::Ordering) : (o.orderError ? tr(Text::Retry) : tr(Text::ConfirmOrder))) +
                            "##confirm-order";
        int clicked = dialogButtons(label.c_str(), ButtonStyle::Primary, o.ordering, false, tr(Text::Back));
        if (clicked == 1 || (!o.ordering && ImGui::IsKeyPressed(ImGuiKey_Enter, false))) store.subscription().placeLicenseOrder();
        if (clicked == 2) store.subscription().cancelOrderConfirmation();
        if (close) store.subscription().closeLicenseOrder();
    }
    endDialog();
}

}  // namespace rc::ui
