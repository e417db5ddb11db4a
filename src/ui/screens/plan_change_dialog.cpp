#include "ui/screens/plan_change_dialog.h"

#include <algorithm>

#include "core/format.h"
#include "core/i18n.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/screens/billing_parts.h"

namespace rc::ui {
namespace {

// When the change takes effect and what is charged for it, in one sentence.
std::string effectiveSentence(const PlanChangePreview& pv) {
    if (pv.effective != "now") return format::fill(tr(Text::EffectiveRenewal), format::date(pv.effectiveOn));
    if (!pv.prorationTo.empty()) return format::fill(tr(Text::EffectiveNowProrated), format::date(pv.prorationTo));
    if (pv.proratedAmount.amount > 0) return tr(Text::EffectiveNewTerm);  // a trial bought, a year committed to
    return tr(Text::EffectiveNow);
}

// Per license and month, so annual-yearly prices compare with monthly ones.
std::int64_t monthlyDiff(const PlanPrice& to, const std::string& toCycle, const PlanPrice& from, const std::string& fromCycle) {
    auto monthly = [](const PlanPrice& pp, const std::string& cycle) {
        return cycle == "annual_yearly" ? pp.yours.amount / 12 : pp.yours.amount;
    };
    return monthly(to, toCycle) - monthly(from, fromCycle);
}

// "prorated 07.12.2026 – 20.12.2026" under the amount due, as the license dialog says it.
std::string prorationSpan(const PlanChangePreview& pv) {
    if (pv.prorationFrom.empty() || pv.prorationTo.empty()) return {};
    return format::fill(tr(Text::PreviewProrated), format::date(pv.prorationFrom), format::date(pv.prorationTo));
}

}  // namespace

void PlanChangeDialog::draw(Store& store) {
    const AppState& st = store.state();
    const CustomerPageState& page = st.customer;
    const PlanChangeState& p = page.plan;
    bool close = false;
    std::string who = page.customer ? page.customer->organization : std::string();
    if (!beginDialog("###plan", format::fill(tr(Text::PlanTitle), who), 820, p.open && page.customer.has_value(), close)) return;
    const Subscription& sub = *page.customer->subscription;

    if (!st.plans) {
        spinner(10, color::Accent);
        ImGui::SameLine();
        textMuted(tr(Text::Loading));
        endDialog();
        return;
    }
    const PlanCatalog& cat = *st.plans;

    if (p.confirming && p.preview) {
        drawConfirmation(store, sub, *p.preview, close);
        endDialog();
        return;
    }

    fieldLabel(tr(Text::BillingCycle));
    const char* cycles[] = {"flexible", "annual_monthly", "annual_yearly"};
    const char* cycleLabels[] = {tr(Text::CycleFlexible), tr(Text::CycleAnnualMonthly), tr(Text::CycleAnnualYearly)};
    int sel = 0;
    for (int i = 0; i < 3; ++i)
        if (p.billingCycle == cycles[i]) sel = i;
    int c = segmented("cycle", cycleLabels, 3, sel);
    if (c >= 0 && c != sel && !p.submitting) store.subscription().choosePlan(p.plan, cycles[c]);
    ImGui::Dummy(ImVec2(0, 8));

    // Side by side: the three editions, price per license for the chosen cycle, difference to today.
    const PlanOffer* current = cat.find(sub.plan);
    const PlanPrice* currentPrice = current ? current->price(sub.billingCycle) : nullptr;
    float gap = 14;
    float availW = ImGui::GetContentRegionAvail().x;
    std::size_t plans = std::max<std::size_t>(1, cat.plans.size());
    // Side by side where each card has room for its price; one under the other on a phone.
    bool stacked = (availW - gap * static_cast<float>(plans - 1)) / static_cast<float>(plans) < 170;
    float cardW = stacked ? availW : (availW - gap * static_cast<float>(plans - 1)) / static_cast<float>(plans);
    const float cardH = 176;  // room for the price difference on two lines
    ImVec2 row = ImGui::GetCursorScreenPos();
    for (std::size_t i = 0; i < cat.plans.size(); ++i) {
        const PlanOffer& offer = cat.plans[i];
        const PlanPrice* price = offer.price(p.billingCycle);
        bool isCurrent = offer.plan == sub.plan && p.billingCycle == sub.billingCycle;
        bool chosen = offer.plan == p.plan;
        float fi = static_cast<float>(i);
        ImGui::SetCursorScreenPos(stacked ? ImVec2(row.x, row.y + fi * (cardH + 10)) : ImVec2(row.x + fi * (cardW + gap), row.y));
        ImGui::PushID(static_cast<int>(i));
        // The whole card is the choice: one button under a hand-drawn card (a child window
        // would take the mouse away from it).
        ImVec2 at = ImGui::GetCursorScreenPos();
        std::string choose = std::string(planLabel(offer.plan)) + "##choose";
        if (auto* reg = currentRegistry()) reg->setNextKind("option");
        if (ImGui::InvisibleButton(choose.c_str(), ImVec2(cardW, cardH)) && !p.submitting) store.subscription().choosePlan(offer.plan, p.billingCycle);
        bool hovered = ImGui::IsItemHovered() && !shell().touch;
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImVec2 end = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(at, ImVec2(at.x + cardW, at.y + cardH), chosen ? color::rgb(246, 249, 255) : (hovered ? color::rgb(250, 251, 252) : color::Surface), 10);
        dl->AddRect(at, ImVec2(at.x + cardW, at.y + cardH), chosen ? color::Accent : (hovered ? color::rgb(200, 206, 214) : color::Border), 10, 0,
                    chosen ? 2.0f : 1.0f);
        ImGui::SetCursorScreenPos(ImVec2(at.x + 18, at.y + 16));
        ImGui::BeginGroup();
        text(planLabel(offer.plan), color::Text, fonts().title, "heading");
        if (isCurrent) {
            ImGui::SameLine();
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
            pill(tr(Text::CurrentPlanTag), color::Neutral, color::NeutralSoft);
        } else if (chosen) {
            ImGui::SameLine();
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
            pill(tr(Text::SelectedTag), color::Accent, color::AccentSoft);
        }
        if (price) {
            text(format::money(price->yours), color::Text, fonts().huge, "figure");
            text(perUnit(p.billingCycle), color::TextMuted, fonts().small, "text");
            text(format::fill(tr(Text::ListPrice), format::money(price->list)), color::TextFaint, fonts().small, "text");
            if (currentPrice && !isCurrent && monthlyDiff(*price, p.billingCycle, *currentPrice, sub.billingCycle) != 0) {
                std::int64_t diff = monthlyDiff(*price, p.billingCycle, *currentPrice, sub.billingCycle);
                Money d{diff < 0 ? -diff : diff, price->yours.currency};
                // "+0,17 $ pro Lizenz und Monat mehr als bisher", wrapped inside the card (a
                // tablet's three cards are narrow).
                ImGui::PushTextWrapPos(at.x + cardW - 14 - ImGui::GetWindowPos().x);
                text(format::fill(tr(diff > 0 ? Text::PriceMore : Text::PriceLess), (diff > 0 ? "+" : "−") + format::money(d)),
                     diff > 0 ? color::Warning : color::Success, fonts().small, "text");
                ImGui::PopTextWrapPos();
            }
        }
        ImGui::EndGroup();
        ImGui::SetCursorScreenPos(end);
        ImGui::Dummy(ImVec2(0, 0));
        ImGui::PopID();
    }
    float rowsH = stacked ? static_cast<float>(cat.plans.size()) * (cardH + 10) - 10 : cardH;
    ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + rowsH));
    ImGui::Dummy(ImVec2(0, 8));

    previewBox("###plan-preview", 0);
    if (previewWaiting(p.previewRemote)) {
        // Said in the box; the reseller can pick again.
    } else if (!p.preview) {
        paragraph(tr(Text::ChoosePlanNote), color::TextMuted);  // wraps on a phone
    } else {
        const PlanChangePreview& pv = *p.preview;
        paragraph(effectiveSentence(pv), color::Text);
        ImGui::Dummy(ImVec2(0, 4));
        previewDueRows(prorationSpan(pv), pv.proratedAmount, pv.tax, pv.credit);
        ImGui::Dummy(ImVec2(0, 4));
        previewRow(tr(Text::PreviewRecurring), format::money(pv.unitPrice) + " " + perUnit(pv.billingCycle),
                   format::money(pv.recurringAmount) + " " + perPeriod(pv.billingCycle), false);
    }
    endPreviewBox();
    if (p.error) {
        ImGui::Dummy(ImVec2(0, 4));
        errorBanner(describeError(*p.error), false);
    }
    bool ready = p.preview && !p.previewRemote.loading;
    std::string label = std::string(p.submitting ? tr(Text::ChangingPlan) : tr(Text::ConfirmPlanChange)) + "##confirm-plan";
    int clicked = dialogButtons(label.c_str(), ButtonStyle::Primary, p.submitting, !ready, tr(Text::Cancel));
    // First step: nothing is charged yet; the confirmation says what will be.
    if (clicked == 1 || (ready && !p.submitting && ImGui::IsKeyPressed(ImGuiKey_Enter, false))) store.subscription().reviewPlanChange();
    if (clicked == 2 || close) store.subscription().closePlanChange();
    endDialog();
}

// Second step (issue 25): what changes, the amount due now, the new recurring amount and from
// when; only "Confirm plan change" sends it.
void PlanChangeDialog::drawConfirmation(Store& store, const Subscription& sub, const PlanChangePreview& pv, bool close) {
    const PlanChangeState& p = store.state().customer.plan;
    text(tr(Text::PlanConfirmTitle), color::Text, fonts().medium, "heading");
    ImGui::Dummy(ImVec2(0, 2));
    keyValue(tr(Text::CurrentPlanTag), planWithCycle(sub.plan, sub.billingCycle));
    keyValue(tr(Text::PlanNew), planWithCycle(pv.plan, pv.billingCycle));
    keyValue(tr(Text::PlanTakesEffect), pv.effective == "now" ? format::fill(tr(Text::PlanEffectiveToday), format::date(pv.effectiveOn))
                                                              : format::fill(tr(Text::PlanEffectiveRenewal), format::date(pv.effectiveOn)));
    ImGui::Dummy(ImVec2(0, 6));
    previewBox("###plan-confirm", 0);
    previewDueRows(prorationSpan(pv), pv.proratedAmount, pv.tax, pv.credit);
    ImGui::Dummy(ImVec2(0, 4));
    std::string since = pv.effective == "now" ? std::string() : format::fill(tr(Text::PlanRecurringFrom), format::date(pv.effectiveOn));
    previewRow(tr(Text::PreviewRecurring), since, format::money(pv.recurringAmount) + " " + perPeriod(pv.billingCycle), false);
    endPreviewBox();
    ImGui::Dummy(ImVec2(0, 2));
    const Money& due = pv.tax ? pv.tax->total : pv.proratedAmount;
    paragraph(due.amount > 0 ? format::fill(tr(Text::PlanChargedToday), format::money(due)) : std::string(tr(Text::PlanNothingNow)),
              color::TextMuted);
    if (p.error) {
        ImGui::Dummy(ImVec2(0, 4));
        errorBanner(describeError(*p.error), false);
    }
    std::string label = std::string(p.submitting ? tr(Text::ChangingPlan) : (p.error ? tr(Text::Retry) : tr(Text::PlanConfirm))) +
                        "##plan-confirmed";
    int clicked = dialogButtons(label.c_str(), ButtonStyle::Primary, p.submitting, false, tr(Text::Back));
    if (clicked == 1 || (!p.submitting && ImGui::IsKeyPressed(ImGuiKey_Enter, false))) store.subscription().confirmPlanChange();
    if (clicked == 2) store.subscription().backToPlanChoice();
    if (close) store.subscription().closePlanChange();
}

}  // namespace rc::ui
