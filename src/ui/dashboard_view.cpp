#include "ui/dashboard_view.h"

#include <cstdio>

#include "core/format.h"
#include "core/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace rc::ui {
namespace {

void figureCard(const char* id, const char* label, const std::string& value, ImU32 accent, float w) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 18));
    ImGui::BeginChild(id, ImVec2(w, 112), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    ImVec2 p = ImGui::GetWindowPos();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x + 1, p.y + 1), ImVec2(p.x + 5, p.y + 111), accent, 10,
                                              ImDrawFlags_RoundCornersLeft);
    text(label, color::TextMuted, fonts().body, "label");
    ImGui::Dummy(ImVec2(0, 2));
    text(value, color::Text, fonts().huge, "figure");
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

}  // namespace

void DashboardView::draw(Store& store) {
    const AppState& st = store.state();
    const CustomerListState& list = st.customers;
    heading(tr(Text::MenuDashboard), tr(Text::DashboardSubtitle));
    ImGui::Dummy(ImVec2(0, 8));

    if (list.error && !list.loaded) {
        if (errorBanner(std::string(tr(Text::CouldNotLoadCustomers)) + ": " + describeError(*list.error), true))
            store.reloadCustomers();
        return;
    }
    float width = ImGui::GetContentRegionAvail().x;
    activityBar(width, list.loading);
    if (!list.loaded) return;

    int active = 0, invited = 0, licenses = 0;
    Money mrr;
    bool first = true;
    for (const Customer& c : list.items) {
        if (c.status == CustomerStatus::Active) ++active;
        if (c.status == CustomerStatus::Invited) ++invited;
        if (c.subscription && c.subscription->status != "cancelled") {
            licenses += c.subscription->licenses;
            if (first) mrr.currency = c.subscription->monthlyValue.currency, first = false;
            if (c.subscription->monthlyValue.currency == mrr.currency) mrr.amount += c.subscription->monthlyValue.amount;
        }
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    float cardW = (width - gap * 4) / 5;
    figureCard("###fig-customers", tr(Text::TotalCustomers), format::integer(list.total), color::Accent, cardW);
    ImGui::SameLine();
    figureCard("###fig-active", tr(Text::ActiveCustomers), format::integer(active), color::Success, cardW);
    ImGui::SameLine();
    figureCard("###fig-invited", tr(Text::PendingInvitations), format::integer(invited), color::Warning, cardW);
    ImGui::SameLine();
    figureCard("###fig-licenses", tr(Text::LicensesTotal), format::integer(licenses), color::rgb(124, 77, 255), cardW);
    ImGui::SameLine();
    figureCard("###fig-mrr", tr(Text::MonthlyRevenue), format::money(mrr), color::rgb(0, 137, 123), cardW);

    if (static_cast<std::int64_t>(list.items.size()) < list.total) {
        char buf[160];
        std::snprintf(buf, sizeof buf, tr(Text::DashboardFromLoaded), static_cast<int>(list.items.size()));
        ImGui::Dummy(ImVec2(0, 4));
        textMuted(buf);
    }
}

}  // namespace rc::ui
