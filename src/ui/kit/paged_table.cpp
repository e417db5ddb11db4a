#include "ui/kit/paged_table.h"

#include <algorithm>

#include "core/format.h"
#include "imgui_internal.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/layout.h"
#include "ui/kit/list_cards.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/text/shown_text.h"

namespace rc::ui {
namespace {

// The centred spinner while the first block loads.
void listLoading(const char* message) {
    ImGui::Dummy(ImVec2(0, 40));
    float w = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorPosX((w - 24) * 0.5f);
    spinner(12, color::Accent);
    ImGui::Dummy(ImVec2(0, 6));
    ImGui::SetCursorPosX((w - ImGui::CalcTextSize(message).x) * 0.5f);
    textMuted(message);
}

// The line under the list ("8–16 of 41 customers"), with the error and Retry when a later block
// failed; true: Retry.
bool listFooter(const std::string& countText, const std::optional<ApiError>& error) {
    ImGui::Dummy(ImVec2(0, 2));
    textMuted(countText);
    if (!error) return false;
    ImGui::SameLine();
    text(describeError(*error), color::Danger);
    ImGui::SameLine();
    return button(tr(Text::Retry), ButtonStyle::Ghost);
}

}  // namespace

void cellText(const std::string& s, ImU32 col, ImFont* font) { text(s, col, font, "cell"); }

void cellClipped(const std::string& s, ImU32 col, ImFont* font) {
    if (font) ImGui::PushFont(font);
    const std::string& d = shown(s);
    ImVec2 size = ImGui::CalcTextSize(d.c_str());
    float avail = ImGui::GetContentRegionAvail().x;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_Text, col ? col : color::Text);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), p, ImVec2(p.x + avail, p.y + size.y), p.x + avail, p.x + avail,
                              d.c_str(), nullptr, &size);
    ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
    ImGui::Dummy(ImVec2(std::min(size.x, avail), size.y));
    if (auto* reg = currentRegistry()) reg->record(s, "cell", p.x, p.y, std::min(size.x, avail), size.y, size.x > avail + 0.5f);
}

void cellRight(const std::string& s, ImU32 col, ImFont* font) {
    if (font) ImGui::PushFont(font);
    float w = ImGui::CalcTextSize(shownC(s)).x;
    if (font) ImGui::PopFont();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
    cellText(s, col, font);
}

bool TableRow::cell(int column, float dy) const {
    if (!columns_.shown(column)) return false;
    ImGui::TableSetColumnIndex(columns_.at(column));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + textY_ + dy);
    return true;
}

bool TableRow::cellTop(int column) const {
    if (!columns_.shown(column)) return false;
    ImGui::TableSetColumnIndex(columns_.at(column));
    return true;
}

PagedTable::PagedTable(PagedTableSpec spec) : spec_(std::move(spec)), columns_(spec_.columns) {}

bool PagedTable::hasControls() const {
    for (int c = 0; c < columns_.count(); ++c)
        if (columns_.column(c).control) return true;
    return false;
}

int PagedTable::textColumns() const {
    int n = 0;
    for (const ColumnPlacement& p : columns_.placed())
        if (!columns_.column(p.column).control) ++n;
    return n;
}

void PagedTable::draw(Store& store, PagedRows& rows, float width) {
    if (rows.newResult) toTop_ = remeasure_ = true;
    if (rows.error && !rows.loaded) {
        if (errorBanner(std::string(tr(spec_.loadFailed)) + ": " + describeError(*rows.error), true)) rows.reload();
        return;
    }

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    float footerH = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y * 2 + 4;
    bool cards = cardList(shell());  // phones: one card per row instead of the table
    bool bare = cards && rows.loaded && rows.total > 0;  // cards draw their own frames
    if (bare) ImGui::PushStyleColor(ImGuiCol_ChildBg, 0u);
    std::string card = std::string("###") + spec_.id + "-card";
    ImGui::BeginChild(card.c_str(), ImVec2(width, ImGui::GetContentRegionAvail().y - footerH),
                      bare ? ImGuiChildFlags_None : ImGuiChildFlags_Border, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (bare) ImGui::PopStyleColor();
    if (toTop_) {
        scroller_.toTop();  // a new result starts at its top
        toTop_ = false;
    }
    if (!rows.loaded) listLoading(tr(spec_.loading));
    else if (rows.settled && rows.total == 0) rows.empty();
    else drawRows(store, rows, cards);
    ImGui::EndChild();
    ImGui::PopStyleVar();

    if (rows.loaded && !cards && !hasControls()) {
        // No column of controls to hold it: the Columns menu at the end of the line under the table.
        ImVec2 line = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(line.x + width - 120, line.y));
        ImGui::PushID(spec_.id);
        if (auto change = columns_.columnsMenu(*rows.columns)) applyColumnChange(store, spec_.table, *change);
        ImGui::PopID();
        ImGui::SetCursorPos(line);
    }
    if (rows.loaded) footer(rows);
}

void PagedTable::drawRows(Store& store, PagedRows& rows, bool cards) {
    // Every row of the result has its place under the scroll bar; only those on screen are
    // drawn, and the store fetches their blocks (placeholders until they arrive).
    ImVec2 origin = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    // A header that holds controls (sortable titles, the Columns menu) is as tall as a tap target.
    bool headerControls = hasControls();
    for (int c = 0; c < columns_.count(); ++c) headerControls |= columns_.column(c).sortKey != nullptr;
    const float headerH = cards ? 0.0f : headerControls ? tappable(40) : 40.0f;
    const float rowH = cards ? spec_.cardHeight : spec_.rowHeight;
    int visible = std::max(1, static_cast<int>((size.y - headerH) / rowH));
    bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
    bool keys = !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) && !rows.covered;
    float barX = origin.x + size.x - ListScroller::kBarWidth - 2;
    scroller_.followTouch(ImVec2(origin.x, origin.y + headerH), ImVec2(origin.x + size.x, origin.y + size.y));
    const char* name = tr(spec_.name);
    scroller_.reveal(a11y::takeReveal(name));  // a row the keyboard moved to
    scroller_.update(rows.total, visible, rowH, ImVec2(barX, origin.y + 2), ImVec2(barX + ListScroller::kBarWidth, origin.y + size.y - 2),
                     hovered, keys);
    std::int64_t first = scroller_.first();
    std::int64_t last = std::min<std::int64_t>(rows.total, first + visible + 1) - 1;
    if (first != rows.viewFirst || last != rows.viewLast || !rows.blocksHeld) rows.view(first, std::max(first, last));
    ImGui::SetCursorScreenPos(origin);
    if (cards) {
        // One list for the mirror, an item per card (its place in the whole list).
        float cardW = size.x - ListScroller::kBarWidth - 6;
        a11y::beginList(name);
        for (std::int64_t i = first; i <= last; ++i) {
            ImGui::PushID(static_cast<int>(i % 100000));
            a11y::beginListItem(i + 1, rows.total);
            if (!rows.has(i)) placeholderCard(cardW, spec_.cardHeight);
            else if (rows.card(i, cardW)) rows.open(i);
            a11y::end();
            ImGui::PopID();
        }
        a11y::end();
        return;
    }
    drawTable(store, rows, first, last, origin, size.x - ListScroller::kBarWidth - 4, headerH);
}

void PagedTable::drawTable(Store& store, PagedRows& rows, std::int64_t first, std::int64_t last, ImVec2 origin, float width,
                           float headerH) {
    // Columns share the width by what the rows on screen hold, and by what the reseller chose.
    columns_.beginMeasure(remeasure_);
    remeasure_ = false;
    for (std::int64_t i = first; i <= last; ++i)
        if (rows.has(i)) rows.measure(columns_, i);
    columns_.fit(*rows.columns, width);
    int shown = static_cast<int>(columns_.placed().size());
    a11y::beginGrid(tr(spec_.name), rows.total + 1, shown);
    std::string id = std::string("###") + spec_.id;
    if (ImGui::BeginTable(id.c_str(), shown, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX,
                          ImVec2(width, 0))) {
        columns_.setupTable();
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers, headerH);
        a11y::beginRow(1, true);
        std::optional<ColumnChange> change;
        sortClicked_.reset();
        for (const ColumnPlacement& p : columns_.placed()) {
            ImGui::TableSetColumnIndex(columns_.at(p.column));
            ImGui::PushID(p.column);
            const TableColumn& column = columns_.column(p.column);
            if (column.control) {
                // Centred on the titles.
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (headerH - tappable(28)) * 0.5f - ImGui::GetStyle().CellPadding.y + 3);
                change = columns_.columnsMenu(*rows.columns);
            } else if (!rows.headerControl(p.column, headerH)) {
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (headerH - 40) * 0.5f + 4);
                headerCell(rows, column);
            }
            ImGui::PopID();
        }
        a11y::end();
        const float rowH = spec_.rowHeight;
        const float padY = ImGui::GetStyle().CellPadding.y;
        const bool controls = hasControls();
        for (std::int64_t i = first; i <= last; ++i) {
            ImGui::PushID(static_cast<int>(i % 100000));
            if (!rows.has(i)) {
                placeholderRow(rowH, textColumns());
                ImGui::PopID();
                continue;
            }
            ImGui::TableNextRow(ImGuiTableRowFlags_None, rowH);
            a11y::beginRow(i + 2);
            // The whole row opens it; a control in it (Manage) may say so in words.
            ImGui::TableSetColumnIndex(columns_.at(columns_.placed().front().column));
            ImVec2 start = ImGui::GetCursorScreenPos();
            // A row that holds a control is tinted lighter under the pointer, so the control stands out.
            if (controls) {
                ImGui::PushStyleColor(ImGuiCol_HeaderHovered, color::rgb(246, 248, 251));
                ImGui::PushStyleColor(ImGuiCol_HeaderActive, color::rgb(238, 242, 248));
            }
            if (auto* reg = currentRegistry()) reg->setNextKind("row");
            bool clicked = ImGui::Selectable("##row", false,
                                             ImGuiSelectableFlags_SpanAllColumns | (controls ? ImGuiSelectableFlags_AllowOverlap : 0),
                                             ImVec2(0, rowH - padY * 2));
            a11y::rowAction();
            if (controls) ImGui::PopStyleColor(2);
            if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::SetCursorScreenPos(start);
            TableRow row(columns_, (rowH - ImGui::GetTextLineHeight()) * 0.5f - padY, start);
            clicked |= rows.row(row, i);
            a11y::end();
            ImGui::PopID();
            if (clicked) rows.open(i);
        }
        ImGui::EndTable();
        ImVec2 after = ImGui::GetCursorScreenPos();
        if (auto done = columns_.resizeHandles(origin, headerH)) change = done;
        ImGui::SetCursorScreenPos(after);
        ImGui::Dummy(ImVec2(0, 0));
        if (change) applyColumnChange(store, spec_.table, *change);
        if (sortClicked_) rows.sort(*sortClicked_);
    }
    a11y::end();
}

// A column's title, muted; a sortable one is a click target with an arrow for the sort in force.
void PagedTable::headerCell(const PagedRows& rows, const TableColumn& column) {
    const char* name = tr(column.title);
    const char* key = column.sortKey;
    bool active = key && (rows.sortedBy == key || rows.sortedBy == std::string("-") + key);
    bool descending = active && rows.sortedBy[0] == '-';
    std::string label = name;
    if (active) label += std::string("  ") + (descending ? icon::CaretDown : icon::CaretUp);
    ImGui::PushFont(fonts().small);
    ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    float avail = ImGui::GetContentRegionAvail().x;
    if (column.right && avail > ts.x) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - ts.x);
    ImVec2 p = ImGui::GetCursorScreenPos();
    if (key) {
        std::string id = std::string("##sort-") + key;
        // First click sorts ascending (names A-Z, fewest licenses, soonest renewal); the next one flips.
        if (ImGui::InvisibleButton(id.c_str(), ts)) sortClicked_ = active && !descending ? std::string("-") + key : std::string(key);
        bool hovered = ImGui::IsItemHovered();
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::GetWindowDrawList()->AddText(p, active || hovered ? color::Text : color::TextMuted, label.c_str());
        if (auto* reg = currentRegistry()) reg->record(name, "header", p.x, p.y, ts.x, ts.y);
        if (active) a11y::lastSort(descending);
    } else {
        text(label, color::TextMuted, fonts().small, "header");
    }
    ImGui::PopFont();
}

void PagedTable::footer(PagedRows& rows) {
    // The rows on screen, first to last, of all: "8–16 of 41 customers".
    std::int64_t total = rows.total, from = std::min(total, scroller_.first() + 1), to = std::min(total, scroller_.first() + scroller_.whole());
    std::string count = total == 0 ? format::fill(tr(spec_.none), "0", "0")
                                   : format::fill(tr(spec_.range), format::integer(from), format::integer(to), format::integer(total));
    if (listFooter(count, rows.error)) rows.retry();
}

}  // namespace rc::ui
