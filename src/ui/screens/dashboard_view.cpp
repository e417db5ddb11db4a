#include "ui/screens/dashboard_view.h"

#include <cmath>

#include "core/format.h"
#include "core/i18n.h"
#include "core/status_presentation.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {
namespace {

constexpr float kFigureHeight = 118.0f;

// How much taller than one line a figure's detail needs at this card width (it wraps).
float detailExtra(const std::string& detail, float cardW) {
    if (detail.empty()) return 0;
    ImFont* f = fonts().small;
    float one = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "A").y;
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, cardW - 40, detail.c_str()).y - one;
}

void figureCard(const char* id, const char* label, const std::string& value, const std::string& detail, ImU32 accent, float w,
                float h, ImU32 detailColor = color::TextMuted) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 16));
    ImGui::BeginChild(id, ImVec2(w, h), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImVec2 p = ImGui::GetWindowPos();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x + 1, p.y + 1), ImVec2(p.x + 5, p.y + h - 1), accent, 10,
                                              ImDrawFlags_RoundCornersLeft);
    ImGui::PushTextWrapPos(w - 20);
    text(label, color::TextMuted, fonts().body, "label");
    text(value, color::Text, fonts().huge, "figure");
    if (!detail.empty()) paragraph(detail, detailColor, fonts().small);
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

// `pinned`: the month a tap chose (a finger cannot hover); its amount stays shown until the next tap.
void revenueChart(const Dashboard& d, float w, float h, int& pinned) {
    beginCard("###revenue-card", nullptr, ImVec2(w, h), false);
    text(tr(Text::RevenueChartTitle), color::Text, fonts().medium, "heading");
    text(tr(Text::RevenueChartNote), color::TextMuted, fonts().small, "text");
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(avail);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::int64_t maxAmount = 0;
    for (const auto& m : d.revenueByMonth) maxAmount = std::max(maxAmount, m.amount.amount);
    // Four gridlines at a round step (1, 2, 2.5 or 5 times a power of ten, whole currency units).
    double quarter = std::max<double>(1.0, static_cast<double>(maxAmount) / 100.0 / 4.0);
    double magnitude = std::pow(10.0, std::floor(std::log10(quarter)));
    double r = quarter / magnitude;
    double step = r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10;
    double axisMax = 4 * step * magnitude;
    const float labelW = 58, bottom = 22;
    float plotX = origin.x + labelW, plotW = avail.x - labelW, plotH = avail.y - bottom - 8;
    float plotY = origin.y + 8;
    std::string currency = d.revenueByMonth.empty() ? "USD" : d.revenueByMonth.front().amount.currency;
    for (int g = 0; g <= 4; ++g) {
        float y = plotY + plotH - plotH * static_cast<float>(g) / 4.0f;
        dl->AddLine(ImVec2(plotX, y), ImVec2(plotX + plotW, y), g == 0 ? color::Border : color::rgb(241, 243, 246));
        Money tick{static_cast<std::int64_t>(axisMax * 100.0 * g / 4.0), currency};
        std::string label = format::moneyCompact(tick);
        ImVec2 ts = fonts().small->CalcTextSizeA(fonts().small->FontSize, FLT_MAX, 0, label.c_str());
        dl->AddText(fonts().small, fonts().small->FontSize, ImVec2(plotX - 8 - ts.x, y - ts.y * 0.5f), color::TextFaint, label.c_str());
    }
    std::size_t n = d.revenueByMonth.size();
    if (n == 0) {
        endCard();
        return;
    }
    float slot = plotW / static_cast<float>(n);
    float barW = std::min(36.0f, slot * 0.56f);
    // Month names under every bar where they fit, else under every second or third one.
    float widestMonth = 0;
    for (const auto& m : d.revenueByMonth)
        widestMonth = std::max(widestMonth, fonts().small->CalcTextSizeA(fonts().small->FontSize, FLT_MAX, 0,
                                                                         format::monthShort(m.month).c_str()).x);
    std::size_t labelEvery = static_cast<std::size_t>(std::ceil((widestMonth + 6) / slot));
    ImVec2 mouse = ImGui::GetIO().MousePos;
    int hovered = -1;
    for (std::size_t i = 0; i < n; ++i) {
        const MonthAmount& m = d.revenueByMonth[i];
        float cx = plotX + slot * (static_cast<float>(i) + 0.5f);
        float bh = axisMax > 0 ? plotH * static_cast<float>(m.amount.amount / 100.0 / axisMax) : 0;
        bool last = i + 1 == n;
        bool hover = mouse.x >= cx - slot * 0.5f && mouse.x < cx + slot * 0.5f && mouse.y >= plotY && mouse.y <= plotY + plotH &&
                     ImGui::IsWindowHovered();
        if (hover) hovered = static_cast<int>(i);
        if (hover && ImGui::IsMouseClicked(0)) pinned = pinned == static_cast<int>(i) ? -1 : static_cast<int>(i);
        bool marked = shell().touch ? pinned == static_cast<int>(i) : hover;
        ImU32 col = marked ? color::AccentHover : (last ? color::Accent : color::rgb(160, 194, 245));
        if (bh > 0.5f)
            dl->AddRectFilled(ImVec2(cx - barW * 0.5f, plotY + plotH - bh), ImVec2(cx + barW * 0.5f, plotY + plotH), col, 4,
                              ImDrawFlags_RoundCornersTop);
        std::string label = format::monthShort(m.month);
        ImVec2 ts = fonts().small->CalcTextSizeA(fonts().small->FontSize, FLT_MAX, 0, label.c_str());
        if ((n - 1 - i) % std::max<std::size_t>(1, labelEvery) == 0)  // the current month always has its name
            dl->AddText(fonts().small, fonts().small->FontSize, ImVec2(cx - ts.x * 0.5f, plotY + plotH + 6), color::TextMuted,
                        label.c_str());
        if (auto* reg = currentRegistry())
            reg->record(label + " " + format::money(m.amount), "bar", cx - barW * 0.5f, plotY + plotH - bh, barW, std::max(bh, 1.0f));
    }
    int shown = shell().touch ? pinned : hovered;
    if (shown >= 0 && shown < static_cast<int>(n)) {
        const MonthAmount& m = d.revenueByMonth[static_cast<std::size_t>(shown)];
        if (shell().touch) {
            // Beside the bar, not under the finger.
            float cx = plotX + slot * (static_cast<float>(shown) + 0.5f);
            ImGui::SetNextWindowPos(ImVec2(std::min(cx + 12, plotX + plotW - 120), plotY));
        }
        ImGui::BeginTooltip();
        text(format::monthShort(m.month) + " " + m.month.substr(0, 4), color::TextMuted, fonts().small);
        text(format::money(m.amount), color::Text, fonts().medium);
        ImGui::EndTooltip();
    }
    endCard();
}

// Whose changes the recent activity shows: everyone's, the member's own, or one member's (a
// Team screen's "Activity" link). The names come from the entries (or the address's email).
void activityFilter(Store& store, const DashboardState& dash) {
    const AppState& st = store.state();
    std::string mine = st.me ? st.me->member.email : std::string();
    const std::string& actor = st.route.actor;
    bool someoneElse = !actor.empty() && actor != mine;
    std::string other;
    if (someoneElse) {
        other = actor;
        for (const ActivityEntry& a : dash.recent)
            if (a.actor.email == actor && !a.actor.name.empty()) other = a.actor.name;
        other = format::fill(tr(Text::ActivityBy), other);
    }
    std::string everyone = std::string(tr(Text::ActivityEveryone)) + "##everyone";
    std::string own = std::string(tr(Text::ActivityMine)) + "##mine";
    std::string theirs = other + "##theirs";
    const char* labels[] = {everyone.c_str(), own.c_str(), theirs.c_str()};
    int count = someoneElse ? 3 : (mine.empty() ? 1 : 2);
    int selected = actor.empty() ? 0 : someoneElse ? 2 : 1;
    int clicked = segmented("activity-filter", labels, count, selected);
    if (clicked == 0) store.dashboard().filterActivity({});
    if (clicked == 1) store.dashboard().filterActivity(mine);
}

void activityList(const DashboardState& dash, float w, float h, Store& store) {
    const std::vector<ActivityEntry>& items = dash.recent;
    beginCard("###recent-activity", tr(Text::RecentActivity), ImVec2(w, h), false);
    activityFilter(store, dash);
    ImGui::Dummy(ImVec2(0, 2));
    if (dash.recentRemote.loading && items.empty()) spinner(8, color::Accent);
    else if (dash.recentRemote.error && items.empty()) paragraph(describeError(*dash.recentRemote.error), color::Danger);
    else if (items.empty()) textMuted(tr(Text::NoActivity));
    if (!items.empty()) a11y::beginList(tr(Text::RecentActivity));
    for (std::size_t i = 0; i < items.size(); ++i) {
        const ActivityEntry& a = items[i];
        ImGui::PushID(static_cast<int>(i));
        a11y::beginListItem(static_cast<std::int64_t>(i) + 1, static_cast<std::int64_t>(items.size()));
        ImVec2 at = ImGui::GetCursorScreenPos();
        float rw = ImGui::GetContentRegionAvail().x;
        if (auto* reg = currentRegistry()) reg->setNextKind("row");
        // As tall as its sentence (it wraps on narrow cards), and never shorter than a tap.
        ImGui::PushFont(fonts().body);
        float sentenceH = ImGui::CalcTextSize(activitySentence(a).c_str(), nullptr, false, rw).y;
        ImGui::PopFont();
        float rowH = std::max(tappable(40), sentenceH + 22);
        bool clicked = a.customerId && ImGui::Selectable("##a", false, 0, ImVec2(rw, rowH));
        // The entry opens its customer: a link in the mirror, named by its sentence.
        if (auto* reg = currentRegistry(); reg && a.customerId) reg->record(activitySentence(a), "row", at.x, at.y, rw, rowH);
        if (!a.customerId) ImGui::Dummy(ImVec2(rw, rowH));
        if (a.customerId && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + 2));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + rw);
        text(activitySentence(a), color::Text, fonts().body, "text");
        ImGui::PopTextWrapPos();
        // Where, when, and who did it.
        text((a.customerName.empty() ? std::string() : a.customerName + " · ") + format::dateTime(a.createdAt) + " · " +
                 activityActor(a),
             color::TextMuted, fonts().small, "text");
        ImGui::SetCursorScreenPos(ImVec2(at.x, std::max(ImGui::GetCursorScreenPos().y, at.y + rowH + 4)));
        ImGui::Dummy(ImVec2(0, 0));
        a11y::end();
        ImGui::PopID();
        if (clicked) store.openCustomer(a.customerId);
    }
    if (!items.empty()) a11y::end();
    endCard();
}

void renewalsList(const Dashboard& d, float w, Store& store) {
    beginCard("###renewals", tr(Text::UpcomingRenewals), ImVec2(w, 0), true);
    if (d.renewalItems.empty()) textMuted(tr(Text::NoRenewals));
    float rw = ImGui::GetContentRegionAvail().x;
    // Four columns where they fit; on narrow screens two lines: who, then what, when and how much.
    bool stacked = rw < 600;
    float rowH = tappable(stacked ? 52 : 30);
    const std::size_t shown = std::min<std::size_t>(d.renewalItems.size(), 8);
    if (shown) a11y::beginList(tr(Text::UpcomingRenewals));
    for (std::size_t i = 0; i < shown; ++i) {
        const Renewal& r = d.renewalItems[i];
        ImGui::PushID(static_cast<int>(i));
        a11y::beginListItem(static_cast<std::int64_t>(i) + 1, static_cast<std::int64_t>(shown));
        ImVec2 at = ImGui::GetCursorScreenPos();
        std::string who = r.organization.empty() ? r.customerName : r.organization;
        if (auto* reg = currentRegistry()) reg->setNextKind("row");
        if (ImGui::Selectable("##r", false, 0, ImVec2(rw, rowH))) store.openCustomer(r.customerId);
        // A link in the mirror, named by whose subscription renews.
        if (auto* reg = currentRegistry()) reg->record(who, "row", at.x, at.y, rw, rowH);
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        std::string what = std::string(planLabel(r.plan)) + " · " + format::integer(r.licenses) + " " + tr(Text::ColLicenses);
        std::string amount = format::money(r.recurringAmount);
        float amountW = ImGui::CalcTextSize(amount.c_str()).x;
        if (stacked) {
            ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + (rowH - 42) * 0.5f));
            text(who, color::Text, fonts().medium, "cell");
            ImGui::SameLine(rw - amountW);
            text(amount, color::Text, nullptr, "cell");
            ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + (rowH - 42) * 0.5f + 22));
            text(what + " · " + format::date(r.renewsAt), color::TextMuted, fonts().small, "cell");
        } else {
            ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + (rowH - 18) * 0.5f));
            text(who, color::Text, fonts().medium, "cell");
            ImGui::SameLine(rw * 0.42f);
            text(what, color::TextMuted, nullptr, "cell");
            ImGui::SameLine(rw * 0.72f);
            text(format::date(r.renewsAt), color::Text, nullptr, "cell");
            ImGui::SameLine(rw - amountW);
            text(amount, color::Text, nullptr, "cell");
        }
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + rowH + 4));
        ImGui::Dummy(ImVec2(0, 0));
        a11y::end();
        ImGui::PopID();
    }
    if (shown) a11y::end();
    endCard();
}

}  // namespace

void DashboardView::draw(Store& store) {
    const AppState& st = store.state();
    const DashboardState& dash = st.dashboard;
    heading(tr(Text::MenuDashboard), tr(Text::DashboardSubtitle));
    ImGui::Dummy(ImVec2(0, 8));
    float width = ImGui::GetContentRegionAvail().x;
    activityBar(width, dash.remote.loading);
    if (dash.remote.error && !dash.data) {
        if (errorBanner(std::string(tr(Text::CouldNotLoadDashboard)) + ": " + describeError(*dash.remote.error), true))
            store.dashboard().load();
        return;
    }
    if (!dash.data) return;
    const Dashboard& d = *dash.data;

    pageScrollStartsAtTop("###dashboard-scroll");
    ImGui::BeginChild("###dashboard-scroll", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    a11y::scrollArea();
    width = ImGui::GetContentRegionAvail().x - 4;
    const float gap = 16;
    const int columns = figureColumns(width);
    float cardW = std::floor((width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns));
    // Customers by status: "5 invited · 29 active · 2 suspended · 3 revoked · 4 cancelled".
    std::string byStatus;
    // Every status the filter offers (core/status_presentation.h); the ones since issue 23
    // (suspended, declined) only when there are any.
    for (const StatusChoice& choice : statusChoices()) {
        const CustomerStatus status = choice.status;
        const std::int64_t count = dashboardCount(d, status);
        if (count == 0 && (status == CustomerStatus::Suspended || status == CustomerStatus::Declined)) continue;
        std::string label = presentStatus(status).label;
        if (!label.empty() && label[0] >= 'A' && label[0] <= 'Z') label[0] = static_cast<char>(label[0] - 'A' + 'a');
        byStatus += (byStatus.empty() ? "" : " · ") + format::integer(count) + " " + label;
    }
    if (d.trials > 0) {  // of the active ones, how many are still in their trial
        std::string label = tr(Text::DashboardTrials);
        if (!label.empty() && label[0] >= 'A' && label[0] <= 'Z') label[0] = static_cast<char>(label[0] - 'A' + 'a');
        byStatus += " · " + format::integer(d.trials) + " " + label;
    }
    std::string overdue = d.overdueInvoices.count
                              ? format::fill(tr(Text::FigOverdueDetail), format::integer(d.overdueInvoices.count),
                                             format::money(d.overdueInvoices.amount))
                              : std::string(tr(Text::FigNoneOverdue));
    std::string openDetail = format::fill(tr(Text::FigOpenCount), format::integer(d.openInvoices.count)) + " · " + overdue;
    // Six figures, as many per row as the width holds (layout.h), all as tall as the longest detail needs.
    float cardH = kFigureHeight;
    for (const std::string& detail : {byStatus, openDetail, std::string(tr(Text::FigPendingDetail)), std::string(tr(Text::FigMrrDetail))})
        cardH = std::max(cardH, kFigureHeight + detailExtra(detail, cardW));
    int placed = 0;
    auto figure = [&](const char* id, const char* label, const std::string& value, const std::string& detail, ImU32 accent,
                      ImU32 detailColor = color::TextMuted) {
        if (placed % columns != 0) ImGui::SameLine(0, gap);
        else if (placed > 0) ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y * 2));
        figureCard(id, label, value, detail, accent, cardW, cardH, detailColor);
        ++placed;
    };
    figure("###fig-customers", tr(Text::FigCustomers), format::integer(d.customersTotal), byStatus, color::Accent);
    figure("###fig-licenses", tr(Text::FigLicenses), format::integer(d.licensesTotal), {}, color::rgb(124, 77, 255));
    figure("###fig-mrr", tr(Text::FigMrr), format::money(d.monthlyRecurringRevenue), tr(Text::FigMrrDetail), color::rgb(0, 137, 123));
    figure("###fig-open", tr(Text::FigOpenInvoices), format::money(d.openInvoices.amount), openDetail, color::Warning,
           d.overdueInvoices.count ? color::Danger : color::TextMuted);
    figure("###fig-renewals", tr(Text::FigRenewals), format::integer(d.renewals.count), format::money(d.renewals.amount),
           color::rgb(3, 155, 229));
    figure("###fig-pending", tr(Text::FigPendingInvitations), format::integer(d.invited), tr(Text::FigPendingDetail),
           color::rgb(242, 153, 0));
    ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));

    if (twoColumns(width)) {
        float chartW = std::floor((width - gap) * 0.6f);
        revenueChart(d, chartW, 320, pinnedMonth_);
        ImGui::SameLine(0, gap);
        activityList(dash, width - gap - chartW, 320, store);
    } else {
        revenueChart(d, width, width < 520 ? 260 : 300, pinnedMonth_);
        ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y * 2));
        activityList(dash, width, 380, store);
    }
    ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
    renewalsList(d, width, store);
    ImGui::Dummy(ImVec2(0, 8));
    ImGui::EndChild();
}

}  // namespace rc::ui
