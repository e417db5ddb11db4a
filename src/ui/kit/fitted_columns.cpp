#include "ui/kit/fitted_columns.h"

#include <algorithm>

#include "imgui_internal.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {
namespace {

constexpr float kSortArrow = 18;  // room for a sorted column's arrow beside its title

}  // namespace

float cellPadding() { return ImGui::GetStyle().CellPadding.x; }

FittedColumns::FittedColumns(std::vector<TableColumn> columns)
    : columns_(std::move(columns)), content_(columns_.size(), 0.0f), shownAt_(columns_.size(), -1) {}

void FittedColumns::beginMeasure(bool otherResult) {
    if (!otherResult && language() == measuredIn_) return;
    measuredIn_ = language();
    std::fill(content_.begin(), content_.end(), 0.0f);
}

void FittedColumns::measure(int column, float textWidth) {
    float& c = content_[static_cast<std::size_t>(column)];
    c = std::max(c, textWidth + 2 * cellPadding() + 2);
}

void FittedColumns::fit(const TableColumns& user, float width) {
    std::vector<ColumnSpec> specs;
    std::vector<ColumnNeed> needs;
    ImFont* small = fonts().small;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        const TableColumn& c = columns_[i];
        specs.push_back(c.spec);
        if (c.spec.tapTarget) {  // a finger's width on touch screens (the tablet's checkbox column)
            specs.back().minWidth = tappable(c.spec.minWidth);
            if (c.spec.maxWidth > 0) specs.back().maxWidth = tappable(c.spec.maxWidth);
        }
        ColumnNeed n;
        float title = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, tr(c.title)).x + kSortArrow;
        n.content = std::max(content_[i], title + 2 * cellPadding());
        auto w = user.widths.find(c.spec.key);
        if (w != user.widths.end()) n.userWidth = w->second;
        if (dragging_ == static_cast<int>(i)) n.userWidth = dragWidth_;
        n.userHidden = user.hidden.count(c.spec.key) > 0;
        needs.push_back(n);
    }
    placed_ = fitColumns(specs, needs, width);
    std::fill(shownAt_.begin(), shownAt_.end(), -1);
    for (std::size_t t = 0; t < placed_.size(); ++t) shownAt_[static_cast<std::size_t>(placed_[t].column)] = static_cast<int>(t);
}

void FittedColumns::setupTable() const {
    for (std::size_t t = 0; t < placed_.size(); ++t) {
        const TableColumn& c = columns_[static_cast<std::size_t>(placed_[t].column)];
        // The first column takes what rounding leaves over; the others are exactly as placed.
        if (t == 0) ImGui::TableSetupColumn(tr(c.title), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        else ImGui::TableSetupColumn(tr(c.title), ImGuiTableColumnFlags_WidthFixed, std::max(1.0f, placed_[t].w - 2 * cellPadding()));
    }
}

std::optional<ColumnChange> FittedColumns::resizeHandles(ImVec2 top, float headerHeight) {
    std::optional<ColumnChange> done;
    ImGuiIO& io = ImGui::GetIO();
    float grip = shell().touch ? 20.0f : 9.0f;
    // Every edge but the last column's (the table's own right edge).
    for (std::size_t t = 0; t + 1 < placed_.size(); ++t) {
        const ColumnPlacement& p = placed_[t];
        const TableColumn& c = columns_[static_cast<std::size_t>(p.column)];
        float edge = top.x + p.x + p.w;
        ImGui::SetCursorScreenPos(ImVec2(edge - grip * 0.5f, top.y));
        ImGui::PushID(c.spec.key.c_str());
        ImGui::InvisibleButton("##resize", ImVec2(grip, headerHeight));
        bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
        if (ImGui::IsItemActivated()) {
            dragging_ = p.column;
            dragStartWidth_ = dragWidth_ = p.w;
            dragStartX_ = io.MousePos.x;
        }
        if (active && dragging_ == p.column) dragWidth_ = std::max(c.spec.minWidth, dragStartWidth_ + io.MousePos.x - dragStartX_);
        if (ImGui::IsItemDeactivated() && dragging_ == p.column) {
            if (dragWidth_ != dragStartWidth_) done = ColumnChange{ColumnChange::Width, c.spec.key, dragWidth_, false};
            dragging_ = -1;
        }
        if (hovered || active) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
            ImGui::GetWindowDrawList()->AddLine(ImVec2(edge, top.y + 8), ImVec2(edge, top.y + headerHeight - 8),
                                                active ? color::Accent : color::Border, 2.0f);
        }
        ImGui::PopID();
    }
    return done;
}

std::optional<ColumnChange> FittedColumns::columnsMenu(const TableColumns& user) {
    std::optional<ColumnChange> change;
    // A caret says it opens a menu (the items list keeps the word alone as the label).
    std::string label = std::string(tr(Text::Columns)) + "  " + icon::CaretDown + "##columns";
    float w = std::min(ImGui::GetContentRegionAvail().x, buttonWidth(label.c_str()));
    float avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8, 4));
    if (button(label.c_str(), ButtonStyle::Ghost, ImVec2(w, tappable(28)))) ImGui::OpenPopup("##columns-menu");
    ImGui::PopStyleVar();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 12));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, shell().touch ? 10.0f : 6.0f));
    if (ImGui::BeginPopup("##columns-menu")) {
        text(tr(Text::ColumnsShown), color::TextMuted, fonts().small, "label");
        for (const TableColumn& c : columns_) {
            if (!c.spec.hideable) continue;
            bool on = user.hidden.count(c.spec.key) == 0;
            std::string id = std::string(tr(c.title)) + "##show-" + c.spec.key;
            if (ImGui::Checkbox(id.c_str(), &on)) change = ColumnChange{ColumnChange::Hidden, c.spec.key, 0, !on};
        }
        ImGui::Separator();
        std::string reset = std::string(tr(Text::ColumnsReset)) + "##columns-reset";
        if (button(reset.c_str(), ButtonStyle::Secondary, ImVec2(0, tappable(32)))) {
            change = ColumnChange{ColumnChange::Reset, "", 0, false};
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
    return change;
}

void applyColumnChange(Store& store, Table table, const ColumnChange& change) {
    switch (change.kind) {
        case ColumnChange::Width: store.columns().setWidth(table, change.key, change.width); break;
        case ColumnChange::Hidden: store.columns().setHidden(table, change.key, change.hidden); break;
        case ColumnChange::Reset: store.columns().reset(table); break;
    }
}

}  // namespace rc::ui
