#include "ui/customers_view.h"

#include <cstdio>

#include "core/format.h"
#include "core/i18n.h"
#include "imgui_internal.h"
#include "ui/item_registry.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace rc::ui {
namespace {

void cell(const std::string& s, ImU32 col = 0, ImFont* font = nullptr) { text(s, col, font, "cell"); }

// Text that does not fit its column ends in "…"; items() still reports the whole text.
void cellClipped(const std::string& s, ImU32 col = 0, ImFont* font = nullptr) {
    if (font) ImGui::PushFont(font);
    ImVec2 size = ImGui::CalcTextSize(s.c_str());
    float avail = ImGui::GetContentRegionAvail().x;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_Text, col ? col : color::Text);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), p, ImVec2(p.x + avail, p.y + size.y), p.x + avail, p.x + avail,
                              s.c_str(), nullptr, &size);
    ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
    ImGui::Dummy(ImVec2(std::min(size.x, avail), size.y));
    if (auto* reg = currentRegistry()) reg->record(s, "cell", p.x, p.y, std::min(size.x, avail), size.y);
}

void cellRight(const std::string& s, ImU32 col = 0) {
    float w = ImGui::CalcTextSize(s.c_str()).x;
    float avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    cell(s, col);
}

void customerRow(const Customer& c) {
    const float rowH = 44.0f;
    ImGui::TableNextRow(ImGuiTableRowFlags_None, rowH);
    const float textY = (rowH - ImGui::GetTextLineHeight()) * 0.5f - ImGui::GetStyle().CellPadding.y;
    auto next = [&](int col, float dy = 0) {
        ImGui::TableSetColumnIndex(col);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + textY + dy);
    };
    next(0);
    cellClipped(c.name, color::Text, fonts().medium);
    next(1);
    cellClipped(c.organization);
    next(2);
    cellClipped(c.googleDomain, color::TextMuted);
    next(3, -3);
    statusBadge(c.status);
    const Subscription* s = c.subscription ? &*c.subscription : nullptr;
    next(4);
    if (s) {
        std::string plan = planLabel(s->plan);
        if (s->status == "trial") plan += std::string(" · ") + tr(Text::SubTrial);
        cell(plan);
    } else {
        cell("—", color::TextFaint);
    }
    next(5);
    cellRight(s ? format::integer(s->licenses) : "—", s ? 0 : color::TextFaint);
    next(6);
    bool renews = s && !s->renewsAt.empty();
    cell(renews ? format::date(s->renewsAt) : "—", renews ? 0 : color::TextFaint);
    next(7);
    cellRight(s ? format::money(s->monthlyValue) : "—", s ? 0 : color::TextFaint);
}

}  // namespace

void CustomersView::draw(Store& store) {
    const AppState& st = store.state();
    const CustomerListState& list = st.customers;
    heading(tr(Text::MenuCustomers), tr(Text::CustomersSubtitle));
    ImGui::Dummy(ImVec2(0, 8));

    if (list.error && !list.loaded) {
        if (errorBanner(std::string(tr(Text::CouldNotLoadCustomers)) + ": " + describeError(*list.error), true))
            store.reloadCustomers();
        return;
    }

    float width = ImGui::GetContentRegionAvail().x;
    activityBar(width, list.loading);

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    // Room under the card for the count line (and its Retry button when a page failed).
    float footer = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y * 2 + 4;
    ImGui::BeginChild("###customers-card", ImVec2(width, ImGui::GetContentRegionAvail().y - footer), ImGuiChildFlags_Border);
    if (!list.loaded) {
        ImGui::Dummy(ImVec2(0, 40));
        float w = ImGui::GetContentRegionAvail().x;
        ImGui::SetCursorPosX((w - 24) * 0.5f);
        spinner(12, color::Accent);
        ImGui::Dummy(ImVec2(0, 6));
        const char* msg = tr(Text::LoadingCustomers);
        ImGui::SetCursorPosX((w - ImGui::CalcTextSize(msg).x) * 0.5f);
        textMuted(msg);
    } else if (list.items.empty()) {
        emptyState(icon::Customers, tr(Text::NoCustomersTitle), tr(Text::NoCustomersBody));
    } else {
        ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                                ImGuiTableFlags_PadOuterX;
        if (ImGui::BeginTable("###customers", 8, flags)) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn(tr(Text::ColName), ImGuiTableColumnFlags_WidthStretch, 1.5f);
            ImGui::TableSetupColumn(tr(Text::ColOrganization), ImGuiTableColumnFlags_WidthStretch, 1.6f);
            ImGui::TableSetupColumn(tr(Text::ColDomain), ImGuiTableColumnFlags_WidthStretch, 1.4f);
            ImGui::TableSetupColumn(tr(Text::ColStatus), ImGuiTableColumnFlags_WidthFixed, 104);
            ImGui::TableSetupColumn(tr(Text::ColPlan), ImGuiTableColumnFlags_WidthFixed, 136);
            ImGui::TableSetupColumn(tr(Text::ColLicenses), ImGuiTableColumnFlags_WidthFixed, 64);
            ImGui::TableSetupColumn(tr(Text::ColRenewal), ImGuiTableColumnFlags_WidthFixed, 100);
            ImGui::TableSetupColumn(tr(Text::ColMonthly), ImGuiTableColumnFlags_WidthFixed, 100);

            // Header row drawn by hand: muted, medium weight, right-aligned numbers.
            ImGui::TableNextRow(ImGuiTableRowFlags_Headers, 40);
            for (int col = 0; col < 8; ++col) {
                ImGui::TableSetColumnIndex(col);
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
                const char* name = ImGui::TableGetColumnName(col);
                ImGui::PushFont(fonts().small);
                if (col == 5 || col == 7) {
                    float w = ImGui::CalcTextSize(name).x;
                    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w);
                }
                text(name, color::TextMuted, fonts().small, "header");
                ImGui::PopFont();
            }

            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(list.items.size()), 44.0f);
            int lastShown = 0;
            while (clipper.Step()) {
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    ImGui::PushID(i);
                    customerRow(list.items[static_cast<std::size_t>(i)]);
                    ImGui::PopID();
                    lastShown = std::max(lastShown, i);
                }
            }
            // Fetch the next page before the reseller reaches the end, so scrolling never stops.
            if (!list.nextCursor.empty() && !list.loading && !list.error &&
                lastShown + 20 >= static_cast<int>(list.items.size()))
                store.loadMoreCustomers();
            ImGui::EndTable();
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();

    if (list.loaded) {
        ImGui::Dummy(ImVec2(0, 2));
        char buf[128];
        std::snprintf(buf, sizeof buf, tr(Text::CustomersCount), static_cast<int>(list.items.size()),
                      static_cast<int>(list.total));
        if (list.error) {
            textMuted(buf);
            ImGui::SameLine();
            text(describeError(*list.error), color::Danger);
            ImGui::SameLine();
            if (button(tr(Text::Retry), ButtonStyle::Ghost)) store.loadMoreCustomers();
        } else {
            textMuted(buf);
        }
    }
}

}  // namespace rc::ui
