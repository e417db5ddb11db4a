#include "ui/screens/invoices_view.h"

#include "core/format.h"
#include "core/i18n.h"
#include "imgui_internal.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/list_scroller.h"
#include "ui/kit/offline_widgets.h"
#include "ui/kit/fitted_columns.h"
#include "ui/kit/layout.h"
#include "ui/kit/list_cards.h"
#include "ui/text/shown_text.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {
namespace {

constexpr float kRowHeight = 46.0f;

bool isDay(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    int m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

void rightText(const std::string& s, ImU32 col = 0, ImFont* f = nullptr) {
    if (f) ImGui::PushFont(f);
    float w = ImGui::CalcTextSize(shownC(s)).x;
    if (f) ImGui::PopFont();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
    text(s, col, f, "cell");
}

// The customer (organization) is never cut while a date shows; issued and due drop out first.
enum Col { kNumber, kCustomer, kIssued, kDue, kStatus, kTotal, kColumnCount };

std::vector<TableColumn> invoiceColumns() {
    // key, drop order, min width, max width, grows, whole, hideable
    return {
        {{"number", 0, 110, 0, false, false, false}, Text::ColNumber},
        {{"customer", 0, 140, 0, true, true, false}, Text::ColCustomer},
        {{"issued", 1, 96, 0, false, false, true}, Text::ColIssued},
        {{"due", 2, 96, 0, false, false, true}, Text::ColDue},
        {{"status", 3, 96, 0, false, false, true}, Text::ColStatus},
        {{"total", 0, 96, 0, false, false, false}, Text::ColTotal, true},
    };
}

const std::string& invoiceCustomer(const Invoice& inv) { return inv.customerOrganization.empty() ? inv.customerName : inv.customerOrganization; }

void measureRow(FittedColumns& cols, const Invoice& inv) {
    auto width = [](ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, shownC(s)).x; };
    cols.measure(kNumber, width(fonts().medium, inv.number));
    cols.measure(kCustomer, width(fonts().body, invoiceCustomer(inv)));
    cols.measure(kIssued, width(fonts().body, format::date(inv.issuedAt.substr(0, 10))));
    cols.measure(kDue, width(fonts().body, format::date(inv.dueAt.substr(0, 10))));
    cols.measure(kStatus, width(fonts().medium, invoiceStatusLabel(inv.status)) + 30);
    cols.measure(kTotal, width(fonts().medium, format::money(inv.total)));
}

}  // namespace

InvoicesView::InvoicesView() : columns_(invoiceColumns()) {}

void InvoicesView::draw(Store& store) {
    const AppState& st = store.state();
    const InvoiceListState& list = st.invoices;
    const InvoiceFilter& filter = st.route.invoices;
    float width = ImGui::GetContentRegionAvail().x;

    ImVec2 top = ImGui::GetCursorPos();
    heading(tr(Text::MenuInvoices), tr(Text::InvoicesSubtitle));
    ImVec2 below = ImGui::GetCursorPos();
    std::string exportLabel = std::string(tr(Text::ExportCsv)) + "##export-csv";
    ImGui::PushFont(fonts().medium);
    float exportW = ImGui::CalcTextSize(exportLabel.c_str(), nullptr, true).x + 36;
    ImGui::PopFont();
    float titleW = headingWidth(tr(Text::MenuInvoices), tr(Text::InvoicesSubtitle));
    bool exporting = st.download.loading && !st.invoice.id;
    if (titleW + 24 + exportW <= width) {
        ImGui::SetCursorPos(ImVec2(top.x + width - exportW, top.y + (shell().shortScreen ? -2 : 6)));  // level with the title alone on short screens
        if (button(exportLabel.c_str(), ButtonStyle::Secondary, ImVec2(exportW, 40), exporting, store.offline().isOffline()))
            store.invoices().exportCsv();
        if (store.offline().isOffline()) {
            ImGui::PushFont(fonts().small);
            float noteW = ImGui::CalcTextSize(tr(Text::NeedsNetwork)).x;
            ImGui::PopFont();
            ImGui::SetCursorPos(ImVec2(top.x + width - noteW, top.y + 50));
            needsNetworkNote(store);
        }
        ImGui::SetCursorPos(below);
    } else {
        if (button(exportLabel.c_str(), ButtonStyle::Secondary, ImVec2(width, 40), exporting, store.offline().isOffline()))
            store.invoices().exportCsv();
        needsNetworkNote(store);
    }
    ImGui::Dummy(ImVec2(0, 4));

    // Filters: status, dates, and the customer when one is chosen.
    const char* statuses[] = {"", "open", "paid", "overdue", "void"};
    const char* labels[] = {tr(Text::FilterAll), tr(Text::InvOpen), tr(Text::InvPaid), tr(Text::InvOverdue), tr(Text::InvVoid)};
    int selected = 0;
    for (int i = 0; i < 5; ++i)
        if (filter.status == statuses[i]) selected = i;
    int clicked = segmented("invoice-status", labels, 5, selected);
    if (clicked >= 0 && clicked != selected) {
        InvoiceFilter f = filter;
        f.status = statuses[clicked];
        store.invoices().setFilter(f);
    }
    if (lastRouteFrom_ != filter.from || lastRouteTo_ != filter.to || draftsFromRoute_) {
        fromDraft_ = filter.from, toDraft_ = filter.to;
        lastRouteFrom_ = filter.from, lastRouteTo_ = filter.to;
        draftsFromRoute_ = false;
    }
    // The dates follow the status where they fit, else on the next line (label, field, label, field).
    float labelW = std::max(ImGui::CalcTextSize(tr(Text::FilterFrom)).x, ImGui::CalcTextSize(tr(Text::FilterTo)).x);
    float datesW = 2 * (labelW + ImGui::GetStyle().ItemSpacing.x + 130) + 12;
    sameLineIfFits(datesW, 20);
    // On a phone the two dates do not fit on one line either: "From" and "To" each get one.
    bool datesStacked = datesW > width;
    ImGui::AlignTextToFramePadding();
    textMuted(tr(Text::FilterFrom));
    ImGui::SameLine(datesStacked ? labelW + ImGui::GetStyle().ItemSpacing.x : 0);
    bool fromBad = !fromDraft_.empty() && !isDay(fromDraft_);
    if (fromBad) ImGui::PushStyleColor(ImGuiCol_Border, color::Danger);
    inputText("##from", tr(Text::FilterFrom), fromDraft_, datesStacked ? width - labelW - ImGui::GetStyle().ItemSpacing.x : 130,
              tr(Text::DateHint));
    if (fromBad) ImGui::PopStyleColor();
    if (!datesStacked) ImGui::SameLine(0, 12);
    ImGui::AlignTextToFramePadding();
    textMuted(tr(Text::FilterTo));
    ImGui::SameLine(datesStacked ? labelW + ImGui::GetStyle().ItemSpacing.x : 0);
    bool toBad = !toDraft_.empty() && !isDay(toDraft_);
    if (toBad) ImGui::PushStyleColor(ImGuiCol_Border, color::Danger);
    inputText("##to", tr(Text::FilterTo), toDraft_, datesStacked ? width - labelW - ImGui::GetStyle().ItemSpacing.x : 130,
              tr(Text::DateHint));
    if (toBad) ImGui::PopStyleColor();
    bool orderBad = isDay(fromDraft_) && isDay(toDraft_) && toDraft_ < fromDraft_;
    // Only complete, sensible dates reach the server; the rest is explained here.
    if (!fromBad && !toBad && !orderBad && (fromDraft_ != filter.from || toDraft_ != filter.to)) {
        InvoiceFilter f = filter;
        f.from = fromDraft_;
        f.to = toDraft_;
        lastRouteFrom_ = f.from, lastRouteTo_ = f.to;
        store.invoices().setFilter(f);
    }
    if (filter.customerId) {
        std::string name;
        for (std::int64_t i = list.first; i <= list.last && name.empty(); ++i)
            if (const Invoice* inv = list.rows.row(i); inv && inv->customerId == filter.customerId) name = inv->customerOrganization;
        if (name.empty() && st.customer.customer && st.customer.id == filter.customerId) name = st.customer.customer->organization;
        if (name.empty()) name = "#" + std::to_string(filter.customerId);
        std::string chip = format::fill(tr(Text::FilterCustomer), name) + "  \xc3\x97##customer-chip";
        sameLineIfFits(buttonWidth(chip.c_str()), 20);
        if (button(chip.c_str(), ButtonStyle::Secondary)) {
            InvoiceFilter f = filter;
            f.customerId = 0;
            store.invoices().setFilter(f);
        }
    }
    if (fromBad || toBad) fieldError(tr(Text::ErrDate));
    else if (orderBad) fieldError(tr(Text::ErrDateOrder));
    ImGui::Dummy(ImVec2(0, 2));

    activityBar(width, list.remote.loading);
    if (list.remote.error && !list.loaded) {
        if (errorBanner(std::string(tr(Text::CouldNotLoadInvoices)) + ": " + describeError(*list.remote.error), true))
            store.invoices().reload();
        return;
    }

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    float footer = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y * 2 + 4;
    bool cards = cardList(shell());  // phones: one card per invoice instead of the table
    bool bare = cards && list.loaded && list.rows.total() > 0;  // cards draw their own frames
    if (bare) ImGui::PushStyleColor(ImGuiCol_ChildBg, 0u);
    ImGui::BeginChild("###invoices-card", ImVec2(width, ImGui::GetContentRegionAvail().y - footer),
                      bare ? ImGuiChildFlags_None : ImGuiChildFlags_Border, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (bare) ImGui::PopStyleColor();
    bool filtered = filter.customerId || !filter.status.empty() || !filter.from.empty() || !filter.to.empty();
    const auto& rows = list.rows;
    if (list.filter != shownFilter_) {
        shownFilter_ = list.filter;
        scroller_.toTop();
    }
    if (!list.loaded) {
        listLoading(tr(Text::LoadingInvoices));
    } else if (rows.settled() && rows.total() == 0) {
        emptyState(icon::Invoices, tr(Text::NoInvoicesTitle), filtered ? tr(Text::NoInvoicesMatch) : tr(Text::NoInvoicesBody));
    } else {
        // As for customers: the scroll bar spans every invoice of the filter; rows on screen
        // are fetched in blocks, placeholders until they arrive.
        ImVec2 cardMin = ImGui::GetWindowPos(), cardSize = ImGui::GetWindowSize();
        const float headerH = cards ? 0.0f : 40.0f;
        const float rowH = cards ? kInvoiceCardHeight : kRowHeight;
        int visible = std::max(1, static_cast<int>((cardSize.y - headerH) / rowH));
        bool keys = !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) && !st.route.invoiceId;
        float barX = cardMin.x + cardSize.x - ListScroller::kBarWidth - 2;
        scroller_.followTouch(ImVec2(cardMin.x, cardMin.y + headerH), ImVec2(cardMin.x + cardSize.x, cardMin.y + cardSize.y));
        scroller_.reveal(a11y::takeReveal(tr(Text::MenuInvoices)));  // a row the keyboard moved to
        scroller_.update(rows.total(), visible, rowH, ImVec2(barX, cardMin.y + 2),
                         ImVec2(barX + ListScroller::kBarWidth, cardMin.y + cardSize.y - 2),
                         ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows), keys);
        std::int64_t first = scroller_.first();
        std::int64_t last = std::min<std::int64_t>(rows.total(), first + visible + 1) - 1;
        if (first != list.first || last != list.last || rows.blocksHeld() == 0) store.invoices().view(first, std::max(first, last));
        ImGui::SetCursorScreenPos(cardMin);
        if (cards) {
            float cardW = cardSize.x - ListScroller::kBarWidth - 6;
            cardRows(tr(Text::MenuInvoices), rows, first, last, cardW, kInvoiceCardHeight, [&](const Invoice& inv) {
                if (invoiceCard(inv, cardW)) store.invoices().open(inv.id);
            });
        }
        float tableW = cardSize.x - ListScroller::kBarWidth - 4;
        if (!cards) {
            // Columns share the width by what the rows on screen hold, and by what the reseller chose.
            columns_.beginMeasure(list.filter != measuredFilter_);
            measuredFilter_ = list.filter;
            for (std::int64_t i = first; i <= last; ++i)
                if (const Invoice* inv = rows.row(i)) measureRow(columns_, *inv);
            columns_.fit(st.invoiceColumns, tableW);
        }
        int shownCount = static_cast<int>(columns_.placed().size());
        if (!cards) a11y::beginGrid(tr(Text::MenuInvoices), rows.total() + 1, shownCount);
        if (!cards && ImGui::BeginTable("###invoices", shownCount, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX,
                              ImVec2(tableW, 0))) {
            columns_.setupTable();
            ImGui::TableNextRow(ImGuiTableRowFlags_Headers, headerH);
            a11y::beginRow(1, true);
            for (const ColumnPlacement& p : columns_.placed()) {
                ImGui::TableSetColumnIndex(columns_.at(p.column));
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
                const char* title = tr(columns_.column(p.column).title);
                if (columns_.column(p.column).right) rightText(title, color::TextMuted, fonts().small);
                else text(title, color::TextMuted, fonts().small, "header");
            }
            a11y::end();
            for (std::int64_t i = first; i <= last; ++i) {
                const Invoice* row = rows.row(i);
                ImGui::PushID(static_cast<int>(i % 100000));
                if (!row) {
                    placeholderRow(kRowHeight, shownCount);
                    ImGui::PopID();
                    continue;
                }
                const Invoice& inv = *row;
                ImGui::TableNextRow(0, kRowHeight);
                a11y::beginRow(i + 2);
                float dy = (kRowHeight - ImGui::GetTextLineHeight()) * 0.5f - ImGui::GetStyle().CellPadding.y;
                auto next = [&](int col, float shift = 0) {
                    if (!columns_.shown(col)) return false;
                    ImGui::TableSetColumnIndex(columns_.at(col));
                    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + dy + shift);
                    return true;
                };
                ImGui::TableSetColumnIndex(columns_.at(kNumber));
                ImVec2 rowStart = ImGui::GetCursorScreenPos();
                if (auto* reg = currentRegistry()) reg->setNextKind("row");
                bool open = ImGui::Selectable("##row", false, ImGuiSelectableFlags_SpanAllColumns,
                                              ImVec2(0, kRowHeight - ImGui::GetStyle().CellPadding.y * 2));
                a11y::rowAction();
                if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                ImGui::SetCursorScreenPos(ImVec2(rowStart.x, rowStart.y + dy));
                text(inv.number, color::Accent, fonts().medium, "cell");
                if (next(kCustomer)) text(invoiceCustomer(inv), color::Text, nullptr, "cell");
                if (next(kIssued)) text(format::date(inv.issuedAt.substr(0, 10)), color::Text, nullptr, "cell");
                if (next(kDue)) text(format::date(inv.dueAt.substr(0, 10)), inv.status == "overdue" ? color::Danger : color::Text, nullptr, "cell");
                if (next(kStatus, -3)) invoiceBadge(inv.status);
                if (next(kTotal)) rightText(format::money(inv.total), color::Text, fonts().medium);
                a11y::end();
                ImGui::PopID();
                if (open) store.invoices().open(inv.id);
            }
            ImGui::EndTable();
            ImVec2 after = ImGui::GetCursorScreenPos();
            if (auto done = columns_.resizeHandles(cardMin, headerH)) applyColumnChange(store, Table::Invoices, *done);
            ImGui::SetCursorScreenPos(after);
            ImGui::Dummy(ImVec2(0, 0));
        }
        if (!cards) a11y::end();
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    if (list.loaded && !cards) {
        // The Columns menu at the end of the line under the table.
        ImVec2 line = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(line.x + width - 120, line.y));
        ImGui::PushID("invoice-columns");
        if (auto change = columns_.columnsMenu(st.invoiceColumns)) applyColumnChange(store, Table::Invoices, *change);
        ImGui::PopID();
        ImGui::SetCursorPos(line);
    }
    if (list.loaded) {
        std::int64_t total = rows.total(), from = std::min(total, scroller_.first() + 1),
                     to = std::min(total, scroller_.first() + scroller_.whole());
        std::string count = total == 0 ? format::fill(tr(Text::InvoicesCount), "0", "0")
                                       : format::fill(tr(Text::InvoicesRange), format::integer(from), format::integer(to), format::integer(total));
        if (listFooter(count, list.remote.error)) store.invoices().retry();
    }
}

}  // namespace rc::ui
