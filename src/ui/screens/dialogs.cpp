#include "ui/screens/dialogs.h"

#include <cstdlib>

#include "core/format.h"
#include "core/i18n.h"
#include "core/validation.h"
#include "imgui_internal.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/offline_widgets.h"
#include "ui/kit/layout.h"
#include "ui/text/shown_text.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {
namespace {

void fieldLabel(const char* s) { text(s, color::Text, fonts().medium, "label"); }

// Right-aligned buttons at the bottom of a dialog; returns which was clicked (0 none, 1 primary, 2 secondary).
int dialogButtons(const char* primary, ButtonStyle primaryStyle, bool busy, bool primaryDisabled, const char* secondary) {
    ImGui::Dummy(ImVec2(0, 8));
    float w = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(fonts().medium);
    float pw = ImGui::CalcTextSize(primary, nullptr, true).x + 40;
    float sw = secondary ? ImGui::CalcTextSize(secondary, nullptr, true).x + 40 : 0;
    ImGui::PopFont();
    pw = std::max(pw, 150.0f);
    int result = 0;
    if (pw + (secondary ? sw + 12 : 0) > w) {
        // Too narrow for both side by side (a phone, German labels): full width, the action first.
        if (button(primary, primaryStyle, ImVec2(w, 44), busy, primaryDisabled)) result = 1;
        if (secondary && button(secondary, ButtonStyle::Secondary, ImVec2(w, 44), false, busy)) result = 2;
        return result;
    }
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + w - pw - (secondary ? sw + 12 : 0));
    if (secondary) {
        if (button(secondary, ButtonStyle::Secondary, ImVec2(sw, 42), false, busy)) result = 2;
        ImGui::SameLine(0, 12);
    }
    if (button(primary, primaryStyle, ImVec2(pw, 42), busy, primaryDisabled)) result = 1;
    return result;
}

// A labelled text field with one line under it for its error (or a help text). The line is
// always there, so an error appearing never moves the buttons under the pointer mid-click.
// `enter` is set when Enter was pressed in it, `left` when the reseller moved on after typing.
bool field(const char* id, const char* label, std::string& value, const char* hint, const std::string* error, bool& enter,
           bool& left, bool focus = false, const char* help = nullptr) {
    fieldLabel(label);
    if (focus) ImGui::SetKeyboardFocusHere();
    if (error) ImGui::PushStyleColor(ImGuiCol_Border, color::Danger);
    std::string before = value;
    bool pressed = inputText(id, label, value, ImGui::GetContentRegionAvail().x, hint, ImGuiInputTextFlags_EnterReturnsTrue);
    left = ImGui::IsItemDeactivatedAfterEdit();
    if (error) ImGui::PopStyleColor();
    if (pressed) enter = true;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
    float lineTop = ImGui::GetCursorPosY();
    if (error) fieldError(*error);
    else if (help) paragraph(help, color::TextFaint, fonts().small);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y, lineTop + fonts().small->FontSize) + 2);
    ImGui::Dummy(ImVec2(0, 0));
    return value != before;
}

const std::string* errorFor(const std::map<std::string, std::string>& errors, const char* name) {
    auto it = errors.find(name);
    return it == errors.end() ? nullptr : &it->second;
}

std::string perUnit(const std::string& cycle) {
    return cycle == "annual_yearly" ? tr(Text::PerLicenseYear) : tr(Text::PerLicenseMonth);
}

std::string perPeriod(const std::string& cycle) { return cycle == "annual_yearly" ? tr(Text::PerYear) : tr(Text::PerMonth); }

// Two columns in a preview box: a label on the left, a figure on the right.
void previewRow(const std::string& label, const std::string& sub, const std::string& value, bool strong) {
    float w = ImGui::GetContentRegionAvail().x;
    ImVec2 p = ImGui::GetCursorPos();
    text(label, color::Text, strong ? fonts().medium : fonts().body, "label");
    if (!sub.empty()) text(sub, color::TextMuted, fonts().small, "text");
    ImVec2 end = ImGui::GetCursorPos();
    ImFont* f = strong ? fonts().title : fonts().medium;
    ImGui::PushFont(f);
    float vw = ImGui::CalcTextSize(shownC(value)).x;
    ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(p.x + w - vw, p.y - (strong ? 4 : 0)));
    text(value, color::Text, f, "figure");
    ImGui::SetCursorPos(ImVec2(end.x, std::max(end.y, ImGui::GetCursorPosY())));
    ImGui::Dummy(ImVec2(0, 0));
}

void previewBox(const char* id, float height) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::rgb(248, 250, 252));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18, 16));
    ImGui::BeginChild(id, ImVec2(0, height), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding |
                                                 (height == 0 ? ImGuiChildFlags_AutoResizeY : 0));
}

void endPreviewBox() {
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

}  // namespace

// ---------------------------------------------------------------------------------------------

void NewCustomerDialog::draw(Store& store) {
    const NewCustomerForm& f = store.state().newCustomer;
    bool close = false;
    bool justOpened = f.open && !wasOpen_;
    wasOpen_ = f.open;
    if (!beginDialog("###new-customer", tr(Text::NewCustomerTitle), 560, f.open, close)) return;
    paragraph(tr(Text::NewCustomerIntro));
    ImGui::Dummy(ImVec2(0, 6));
    if (f.error) errorBanner(describeError(*f.error), false);

    std::string name = f.name, email = f.email, domain = f.googleDomain, org = f.organization;
    bool enter = false, changed = false;
    bool left[4] = {false, false, false, false};
    ImGui::BeginDisabled(f.submitting);
    changed |= field("##nc-name", tr(Text::FieldName), name, tr(Text::HintName), errorFor(f.fieldErrors, "name"), enter, left[0],
                     justOpened);
    changed |= field("##nc-email", tr(Text::FieldEmail), email, tr(Text::HintEmail), errorFor(f.fieldErrors, "email"), enter, left[1]);
    changed |= field("##nc-domain", tr(Text::FieldDomain), domain, tr(Text::HintDomain), errorFor(f.fieldErrors, "google_domain"),
                     enter, left[2], false, tr(Text::DomainHelp));
    changed |= field("##nc-org", tr(Text::FieldOrganization), org, tr(Text::HintOrganization), errorFor(f.fieldErrors, "organization"),
                     enter, left[3]);
    ImGui::EndDisabled();
    if (changed) store.newCustomer().edit(name, email, domain, org);
    // Inline: a field the reseller leaves is checked right away, with the server's own rules.
    const char* fields[] = {"name", "email", "google_domain", "organization"};
    for (int i = 0; i < 4; ++i)
        if (left[i]) store.newCustomer().checkField(fields[i]);

    std::string label = std::string(f.submitting ? tr(Text::Sending) : tr(Text::SendInvitation)) + "##send-invitation";
    int clicked = dialogButtons(label.c_str(), ButtonStyle::Primary, f.submitting, false, tr(Text::Cancel));
    if (clicked == 1 || ((enter || ImGui::IsKeyPressed(ImGuiKey_Enter, false)) && !f.submitting)) store.newCustomer().submit();
    if (clicked == 2 || close) store.newCustomer().close();
    endDialog();
}

// ---------------------------------------------------------------------------------------------

void LicenseOrderDialog::draw(Store& store) {
    const AppState& st = store.state();
    const CustomerPageState& page = st.customer;
    const LicenseOrderState& o = page.licenses;
    bool close = false;
    std::string who = page.customer ? page.customer->organization : std::string();
    if (!beginDialog("###licenses", format::fill(tr(Text::LicensesTitle), who), 560, o.open && page.customer.has_value(), close))
        return;
    const Subscription& sub = *page.customer->subscription;
    const auto [lo, hi] = licenseRange(st.plans);

    if (!o.confirming) {
        text(format::fill(tr(Text::LicensesCurrent), format::integer(sub.licenses)) + " · " + planLabel(sub.plan) + ", " +
                 cycleLabel(sub.billingCycle),
             color::TextMuted);
        ImGui::Dummy(ImVec2(0, 4));
        fieldLabel(tr(Text::LicensesNew));
        // − [count] +, and the count can be typed.
        ImGui::PushFont(fonts().title);
        bool canDown = o.target > lo && !o.ordering;
        ImGui::PopFont();
        std::string minus = std::string(icon::Minus) + "##minus";
        if (button(minus.c_str(), ButtonStyle::Secondary, ImVec2(48, 48), false, !canDown)) store.subscription().setLicenseTarget(o.target - 1);
        if (auto* reg = currentRegistry()) {
            ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            reg->record("-", "button", a.x, a.y, b.x - a.x, b.y - a.y);
        }
        a11y::lastName(tr(Text::LicenseFewer));
        ImGui::SameLine(0, 8);
        std::string count = std::to_string(o.target);
        ImGui::PushFont(fonts().title);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(14, 10));
        inputText("##license-count", tr(Text::LicensesNew), count, 140, nullptr,
                  ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_AutoSelectAll);
        a11y::lastSpin(lo, hi, o.target);
        ImGui::PopStyleVar();
        if (ImGui::IsItemEdited() && !count.empty()) {
            long v = std::strtol(count.c_str(), nullptr, 10);
            if (v > 0) store.subscription().setLicenseTarget(static_cast<int>(std::min<long>(v, hi)));
        }
        ImGui::PopFont();
        ImGui::SameLine(0, 8);
        std::string plus = std::string(icon::Plus) + "##plus";
        if (button(plus.c_str(), ButtonStyle::Secondary, ImVec2(48, 48), false, o.target >= hi || o.ordering))
            store.subscription().setLicenseTarget(o.target + 1);
        if (auto* reg = currentRegistry()) {
            ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            reg->record("+", "button", a.x, a.y, b.x - a.x, b.y - a.y);
        }
        a11y::lastName(tr(Text::LicenseMore));

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
        paragraph(format::fill(tr(Text::LimitRule), format::integer(lo), format::integer(hi)), color::TextFaint);
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
        if (o.previewRemote.loading) {
            spinner(8, color::Accent);
            ImGui::SameLine();
            textMuted(tr(Text::PreviewLoading));
        } else if (o.previewRemote.error) {
            text(std::string(tr(Text::CouldNotPreview)) + ": " + describeError(*o.previewRemote.error), color::Danger, nullptr, "alert");
            if (button(tr(Text::Retry), ButtonStyle::Secondary)) store.subscription().setLicenseTarget(o.target);
        } else if (o.preview && o.preview->licenses == o.target) {
            const LicensePreview& p = *o.preview;
            std::string span = p.prorationFrom.empty() ? std::string()
                                                       : format::fill(tr(Text::PreviewProrated), format::date(p.prorationFrom),
                                                                      format::date(p.prorationTo));
            previewRow(tr(Text::PreviewDueNow), span, format::money(p.proratedAmount), true);
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
        paragraph(format::fill(tr(Text::ConfirmOrderText), page.customer->organization, format::integer(o.target),
                               format::money(p.proratedAmount)),
                  color::Text);
        ImGui::Dummy(ImVec2(0, 4));
        previewBox("###confirm-preview", 0);
        previewRow(tr(Text::PreviewDueNow), {}, format::money(p.proratedAmount), true);
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

// ---------------------------------------------------------------------------------------------

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
    const float cardH = 168;
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
            if (currentPrice && !isCurrent) {
                // Compare per month so annual-yearly prices compare with monthly ones.
                auto monthly = [](const PlanPrice& pp, const std::string& cycle) {
                    return cycle == "annual_yearly" ? pp.yours.amount / 12 : pp.yours.amount;
                };
                std::int64_t diff = monthly(*price, p.billingCycle) - monthly(*currentPrice, sub.billingCycle);
                Money d{diff, price->yours.currency};
                std::string sign = diff > 0 ? "+" : "";
                text(format::fill(tr(Text::PriceDifference), sign + format::money(d)),
                     diff > 0 ? color::Warning : color::Success, fonts().small, "text");
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
    if (p.previewRemote.loading) {
        spinner(8, color::Accent);
        ImGui::SameLine();
        textMuted(tr(Text::PreviewLoading));
    } else if (p.previewRemote.error) {
        text(std::string(tr(Text::CouldNotPreview)) + ": " + describeError(*p.previewRemote.error), color::Danger, nullptr, "alert");
    } else if (p.preview) {
        const PlanChangePreview& pv = *p.preview;
        paragraph(pv.effective == "now" ? std::string(tr(Text::EffectiveNow))
                                         : format::fill(tr(Text::EffectiveRenewal), format::date(pv.effectiveOn)),
                  color::Text);
        ImGui::Dummy(ImVec2(0, 4));
        previewRow(tr(Text::PreviewDueNow), {}, format::money(pv.proratedAmount), true);
        ImGui::Dummy(ImVec2(0, 4));
        previewRow(tr(Text::PreviewRecurring), format::money(pv.unitPrice) + " " + perUnit(pv.billingCycle),
                   format::money(pv.recurringAmount) + " " + perPeriod(pv.billingCycle), false);
    } else {
        textMuted(tr(Text::ChoosePlanNote));
    }
    endPreviewBox();
    if (p.error) {
        ImGui::Dummy(ImVec2(0, 4));
        errorBanner(describeError(*p.error), false);
    }
    bool ready = p.preview && !p.previewRemote.loading;
    std::string label = std::string(p.submitting ? tr(Text::ChangingPlan) : tr(Text::ConfirmPlanChange)) + "##confirm-plan";
    int clicked = dialogButtons(label.c_str(), ButtonStyle::Primary, p.submitting, !ready, tr(Text::Cancel));
    if (clicked == 1 || (ready && !p.submitting && ImGui::IsKeyPressed(ImGuiKey_Enter, false))) store.subscription().confirmPlanChange();
    if (clicked == 2 || close) store.subscription().closePlanChange();
    endDialog();
}

// ---------------------------------------------------------------------------------------------

void CancelDialog::draw(Store& store) {
    const CustomerPageState& page = store.state().customer;
    const CancelState& c = page.cancel;
    bool close = false;
    bool justOpened = c.open && !wasOpen_;
    wasOpen_ = c.open;
    std::string who = page.customer ? page.customer->organization : std::string();
    if (!beginDialog("###cancel", format::fill(tr(Text::CancelTitle), who), 580, c.open && page.customer.has_value(), close)) return;
    const Customer& customer = *page.customer;
    const Subscription& sub = *customer.subscription;
    paragraph(tr(Text::CancelIntro));
    ImGui::Dummy(ImVec2(0, 6));

    // Two options as radio cards.
    std::string when = c.when, reason = c.reason, typed = c.typedDomain;
    auto option = [&](const char* value, const std::string& title, const char* note) {
        bool selected = when == value;
        ImVec2 at = ImGui::GetCursorScreenPos();
        float w = ImGui::GetContentRegionAvail().x;
        // Title and note wrap inside the card on a narrow screen; the card grows with them.
        float wrap = w - 58;
        ImFont* tf = fonts().medium;
        ImFont* nf = fonts().small;
        ImVec2 ts = tf->CalcTextSizeA(tf->FontSize, FLT_MAX, wrap, shownC(title));
        ImVec2 ns = nf->CalcTextSizeA(nf->FontSize, FLT_MAX, wrap, note);
        float h = std::max(56.0f, 9 + ts.y + 3 + ns.y + 9);
        ImGui::PushID(value);
        if (auto* reg = currentRegistry()) reg->setNextKind("radio");
        if (ImGui::InvisibleButton("##opt", ImVec2(w, h)) && !c.submitting) when = value;
        if (auto* reg = currentRegistry()) reg->record(title, "radio", at.x, at.y, w, h);
        bool hovered = ImGui::IsItemHovered() && !shell().touch;
        ImGui::PopID();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(at, ImVec2(at.x + w, at.y + h), selected ? color::rgb(246, 249, 255) : (hovered ? color::rgb(250, 251, 252) : color::Surface), 8);
        dl->AddRect(at, ImVec2(at.x + w, at.y + h), selected ? color::Accent : color::Border, 8, 0, selected ? 2.0f : 1.0f);
        ImVec2 dot(at.x + 22, at.y + h * 0.5f);
        dl->AddCircle(dot, 8, selected ? color::Accent : color::TextFaint, 20, 1.5f);
        if (selected) dl->AddCircleFilled(dot, 4.5f, color::Accent);
        dl->AddText(tf, tf->FontSize, ImVec2(at.x + 42, at.y + 9), color::Text, shownC(title), nullptr, wrap);
        dl->AddText(nf, nf->FontSize, ImVec2(at.x + 42, at.y + 12 + ts.y), color::TextMuted, note, nullptr, wrap);
        ImGui::Dummy(ImVec2(0, 2));
    };
    option("end_of_term", format::fill(tr(Text::CancelAtTermEnd), format::date(sub.termEnd)), tr(Text::CancelAtTermEndNote));
    option("now", tr(Text::CancelNow), tr(Text::CancelNowNote));
    ImGui::Dummy(ImVec2(0, 4));

    bool enter = false;
    fieldLabel(tr(Text::CancelReason));
    inputText("##cancel-reason", tr(Text::CancelReason), reason, ImGui::GetContentRegionAvail().x);
    ImGui::Dummy(ImVec2(0, 2));
    std::string prompt = format::fill(tr(Text::CancelTypeDomain), customer.googleDomain);
    fieldLabel(prompt.c_str());
    if (justOpened) ImGui::SetKeyboardFocusHere();
    enter = inputText("##cancel-domain", prompt, typed, ImGui::GetContentRegionAvail().x, customer.googleDomain.c_str(),
                      ImGuiInputTextFlags_EnterReturnsTrue);
    if (when != c.when || reason != c.reason || typed != c.typedDomain) store.subscription().editCancel(typed, when, reason);

    if (c.error) {
        ImGui::Dummy(ImVec2(0, 4));
        errorBanner(describeError(*c.error), false);
    }
    std::string t = validate::trim(c.typedDomain);
    for (char& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    bool matches = t == customer.googleDomain;
    std::string label = std::string(c.submitting ? tr(Text::Cancelling) : tr(Text::CancelSubscription)) + "##confirm-cancel";
    int clicked = dialogButtons(label.c_str(), ButtonStyle::Danger, c.submitting, !matches, tr(Text::KeepSubscription));
    // Enter submits the dialog from anywhere in it, once the domain matches.
    if (clicked == 1 || ((enter || ImGui::IsKeyPressed(ImGuiKey_Enter, false)) && matches)) store.subscription().confirmCancel();
    if (clicked == 2 || close) store.subscription().closeCancel();
    endDialog();
}

// ---------------------------------------------------------------------------------------------

void InvoiceDialog::draw(Store& store) {
    const AppState& st = store.state();
    const InvoiceDetailState& d = st.invoice;
    bool close = false;
    std::string title = d.invoice ? format::fill(tr(Text::InvoiceTitle), d.invoice->number) : tr(Text::MenuInvoices);
    if (!beginDialog("###invoice", title, 720, d.id != 0, close)) return;
    if (d.remote.loading) {
        spinner(10, color::Accent);
        ImGui::SameLine();
        textMuted(tr(Text::Loading));
    } else if (d.remote.error) {
        if (errorBanner(std::string(tr(Text::CouldNotLoadInvoice)) + ": " + describeError(*d.remote.error), true))
            store.invoices().open(d.id);
    } else if (d.invoice) {
        const Invoice& inv = *d.invoice;
        invoiceBadge(inv.status);
        ImGui::Dummy(ImVec2(0, 4));
        float w = ImGui::GetContentRegionAvail().x;
        bool narrow = w < 520;
        ImGui::BeginGroup();
        text(tr(Text::InvoiceBilledTo), color::TextMuted, fonts().small, "label");
        text(inv.customerOrganization, color::Text, fonts().medium, "text");
        text(inv.customerName, color::TextMuted, nullptr, "text");
        ImGui::EndGroup();
        if (narrow) ImGui::Dummy(ImVec2(0, 4));
        else ImGui::SameLine(w * 0.55f);
        ImGui::BeginGroup();
        keyValue(tr(Text::InvoiceIssued), format::date(inv.issuedAt.substr(0, 10)));
        keyValue(tr(Text::InvoiceDue), format::date(inv.dueAt.substr(0, 10)), inv.status == "overdue" ? color::Danger : 0);
        if (!inv.paidAt.empty()) keyValue(tr(Text::InvoicePaid), format::date(inv.paidAt.substr(0, 10)));
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, 8));
        if (narrow) {
            // On a phone each line is two lines: what, then how many at what price, and the amount.
            for (const InvoiceLine& l : inv.lines) {
                ImGui::PushTextWrapPos(0);
                text(l.description, color::Text, nullptr, "cell");
                ImGui::PopTextWrapPos();
                std::string calc = format::integer(l.quantity) + " \xc3\x97 " + format::money(l.unitAmount);
                text(calc, color::TextMuted, fonts().small, "cell");
                std::string amount = format::money(l.amount);
                ImGui::SameLine(w - ImGui::CalcTextSize(amount.c_str()).x);
                text(amount, color::Text, nullptr, "cell");
                ImVec2 line = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddLine(line, ImVec2(line.x + w, line.y), color::Border);
                ImGui::Dummy(ImVec2(0, 2));
            }
        } else if (ImGui::BeginTable("###lines", 4, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn(tr(Text::LineDescription), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn(tr(Text::LineQuantity), ImGuiTableColumnFlags_WidthFixed, 60);
            ImGui::TableSetupColumn(tr(Text::LineUnit), ImGuiTableColumnFlags_WidthFixed, 100);
            ImGui::TableSetupColumn(tr(Text::LineAmount), ImGuiTableColumnFlags_WidthFixed, 110);
            ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
            for (int i = 0; i < 4; ++i) {
                ImGui::TableSetColumnIndex(i);
                const char* n = ImGui::TableGetColumnName(i);
                if (i > 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(n).x * 0.87f);
                text(n, color::TextMuted, fonts().small, "header");
            }
            auto right = [](const std::string& s, ImFont* f = nullptr) {
                if (f) ImGui::PushFont(f);
                float tw = ImGui::CalcTextSize(s.c_str()).x;
                if (f) ImGui::PopFont();
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - tw));
                text(s, color::Text, f, "cell");
            };
            for (const InvoiceLine& l : inv.lines) {
                ImGui::TableNextRow(0, 36);
                ImGui::TableSetColumnIndex(0);
                ImGui::PushTextWrapPos(0);
                text(l.description, color::Text, nullptr, "cell");
                ImGui::PopTextWrapPos();
                ImGui::TableSetColumnIndex(1);
                right(format::integer(l.quantity));
                ImGui::TableSetColumnIndex(2);
                right(format::money(l.unitAmount));
                ImGui::TableSetColumnIndex(3);
                right(format::money(l.amount));
            }
            ImGui::EndTable();
        }
        ImGui::Dummy(ImVec2(0, 6));
        auto total = [&](const char* label, const Money& m, bool strong) {
            ImFont* f = strong ? fonts().medium : fonts().body;
            std::string v = format::money(m);
            ImGui::PushFont(f);
            float vw = ImGui::CalcTextSize(v.c_str()).x;
            ImGui::PopFont();
            float left = ImGui::GetCursorPosX();
            ImGui::SetCursorPosX(left + std::max(0.0f, w - 280));
            text(label, strong ? color::Text : color::TextMuted, f, "label");
            ImGui::SameLine();
            ImGui::SetCursorPosX(left + w - vw);
            text(v, color::Text, f, "figure");
        };
        total(tr(Text::Subtotal), inv.subtotal, false);
        total(tr(Text::Tax), inv.tax, false);
        total(tr(Text::Total), inv.total, true);
        bool busy = st.download.loading;
        std::string label = std::string(busy ? tr(Text::Downloading) : tr(Text::DownloadPdf)) + "##download-pdf";
        int clicked = dialogButtons(label.c_str(), ButtonStyle::Primary, busy, store.offline().isOffline(), tr(Text::Close));
        needsNetworkNote(store);
        if (clicked == 1) store.invoices().downloadPdf();
        if (clicked == 2) close = true;
    }
    if (close) store.invoices().close();
    endDialog();
}

}  // namespace rc::ui
