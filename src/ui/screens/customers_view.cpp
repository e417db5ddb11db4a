#include "ui/screens/customers_view.h"

#include "core/format.h"
#include "core/i18n.h"
#include "imgui_internal.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/list_scroller.h"
#include "ui/kit/offline_widgets.h"
#include "ui/kit/layout.h"
#include "ui/kit/list_cards.h"
#include "ui/text/shown_text.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {
namespace {

constexpr float kRowHeight = 56.0f;

void cell(const std::string& s, ImU32 col = 0, ImFont* font = nullptr) { text(s, col, font, "cell"); }

// Text that does not fit its column ends in "…"; items() still reports the whole text.
void cellClipped(const std::string& s, ImU32 col = 0, ImFont* font = nullptr) {
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

void cellRight(const std::string& s, ImU32 col = 0) {
    float w = ImGui::CalcTextSize(s.c_str()).x;
    float avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    cell(s, col);
}

// Name and organization share the first column on two lines, so both stay readable on a laptop.
// Columns drop out as room runs short: monthly value, renewal, plan, licenses, domain, status.
enum Col { kCustomer, kDomain, kStatus, kPlan, kLicenses, kRenewal, kMonthly, kActions, kColumnCount };

std::vector<TableColumn> customerColumns() {
    // key, drop order, min width, max width, grows, whole, hideable, whole while 1..N show
    return {
        {{"customer", 0, 140, 0, true, true, false}, Text::ColCustomer},
        {{"domain", 5, 110, 280, true, false, true, 4}, Text::ColDomain},  // whole while licenses and later show
        {{"status", 6, 100, 0, false, false, true}, Text::ColStatus},
        {{"plan", 3, 90, 0, false, false, true}, Text::ColPlan},
        {{"licenses", 4, 72, 0, false, false, true}, Text::ColLicenses, true},
        {{"renewal", 2, 96, 0, false, false, true}, Text::ColRenewal},
        {{"monthly", 1, 90, 0, false, false, true}, Text::ColMonthly, true},
        {{"actions", 0, 96, 0, false, false, false}, Text::ColActions, true},
    };
}

const char* const kSortKeys[kColumnCount] = {"name", nullptr, nullptr, nullptr, "licenses", "renews_at", nullptr, nullptr};

std::string planText(const Subscription& s) {
    std::string plan = planLabel(s.plan);
    if (s.status == "trial") plan += std::string(" · ") + tr(Text::SubTrial);
    return plan;
}

std::string manageLabel() { return std::string(tr(Text::Manage)) + "##manage"; }

float manageWidth() {
    ImGui::PushFont(fonts().medium);
    float w = ImGui::CalcTextSize(manageLabel().c_str(), nullptr, true).x + 24;
    ImGui::PopFont();
    return w;
}

// The widths a row's cells need, for the columns to share the room by content.
void measureRow(FittedColumns& cols, const Customer& c) {
    auto width = [](ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, shownC(s)).x; };
    cols.measure(kCustomer, std::max(width(fonts().medium, c.name), width(fonts().small, c.organization)));
    cols.measure(kDomain, width(fonts().body, c.googleDomain));
    cols.measure(kStatus, width(fonts().medium, statusLabel(c.status)) + 30);
    if (const Subscription* s = c.subscription ? &*c.subscription : nullptr) {
        cols.measure(kPlan, width(fonts().body, planText(*s)));
        cols.measure(kLicenses, width(fonts().body, format::integer(s->licenses)));
        if (!s->renewsAt.empty()) cols.measure(kRenewal, width(fonts().body, format::date(s->renewsAt)));
        cols.measure(kMonthly, width(fonts().body, format::money(s->monthlyValue)));
    }
    cols.measure(kActions, manageWidth());
}

// Header cell: muted, and for sortable columns a click target with an arrow.
void headerCell(Store& store, const TableColumn& col, const char* sortKey, const CustomerFilter& filter) {
    const char* name = tr(col.title);
    std::string arrow;
    bool sortable = sortKey != nullptr;
    bool active = sortable && (filter.sort == sortKey || filter.sort == std::string("-") + sortKey);
    bool descending = active && filter.sort[0] == '-';
    if (active) arrow = std::string("  ") + (descending ? icon::CaretDown : icon::CaretUp);
    std::string label = name + arrow;
    ImGui::PushFont(fonts().small);
    ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    float avail = ImGui::GetContentRegionAvail().x;
    if (col.right && avail > ts.x) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - ts.x);
    ImVec2 p = ImGui::GetCursorScreenPos();
    if (sortable) {
        std::string id = std::string("##sort-") + sortKey;
        if (ImGui::InvisibleButton(id.c_str(), ts)) {
            CustomerFilter f = filter;
            // First click sorts ascending (names A-Z, fewest licenses, soonest renewal); the next one flips.
            f.sort = active && !descending ? std::string("-") + sortKey : sortKey;
            store.customers().setFilter(f);
        }
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

void customerRow(Store& store, const Customer& c, const FittedColumns& cols, std::int64_t index) {
    ImGui::TableNextRow(ImGuiTableRowFlags_None, kRowHeight);
    a11y::beginRow(index + 2);
    const float textY = (kRowHeight - ImGui::GetTextLineHeight()) * 0.5f - ImGui::GetStyle().CellPadding.y;
    // False for a column that is not shown now.
    auto next = [&](int col, float dy = 0) {
        if (!cols.shown(col)) return false;
        ImGui::TableSetColumnIndex(cols.at(col));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + textY + dy);
        return true;
    };
    // The whole row opens the customer; the Manage button says so in words.
    ImGui::TableSetColumnIndex(cols.at(kCustomer));
    ImVec2 rowStart = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, color::rgb(246, 248, 251));
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, color::rgb(238, 242, 248));
    if (auto* reg = currentRegistry()) reg->setNextKind("row");
    bool rowClicked = ImGui::Selectable("##row", false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap,
                                        ImVec2(0, kRowHeight - ImGui::GetStyle().CellPadding.y * 2));
    a11y::rowAction();
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetCursorScreenPos(ImVec2(rowStart.x, rowStart.y + textY - 9));
    cellClipped(c.name, color::Text, fonts().medium);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + 3);
    cellClipped(c.organization, color::TextMuted, fonts().small);
    if (next(kDomain)) cellClipped(c.googleDomain, color::TextMuted);
    if (next(kStatus, -3)) statusBadge(c.status);
    const Subscription* s = c.subscription ? &*c.subscription : nullptr;
    if (next(kPlan)) {
        if (s) cellClipped(planText(*s));
        else cell(tr(Text::Dash), color::TextFaint);
    }
    if (next(kLicenses)) cellRight(s ? format::integer(s->licenses) : tr(Text::Dash), s ? 0 : color::TextFaint);
    bool renews = s && !s->renewsAt.empty();
    if (next(kRenewal)) cell(renews ? format::date(s->renewsAt) : tr(Text::Dash), renews ? 0 : color::TextFaint);
    bool paying = s && !s->isCancelled();
    if (next(kMonthly)) cellRight(paying ? format::money(s->monthlyValue) : tr(Text::Dash), paying ? 0 : color::TextFaint);
    ImGui::TableSetColumnIndex(cols.at(kActions));
    float manageH = tappable(32);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (kRowHeight - manageH) * 0.5f - ImGui::GetStyle().CellPadding.y);
    float avail = ImGui::GetContentRegionAvail().x;
    float manageW = manageWidth();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, avail - manageW));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, 6));
    bool manageClicked = button(manageLabel().c_str(), ButtonStyle::Secondary, ImVec2(manageW, manageH));
    ImGui::PopStyleVar();
    a11y::end();
    if (rowClicked || manageClicked) store.openCustomer(c.id);
}

}  // namespace

CustomersView::CustomersView() : columns_(customerColumns()) {}

void CustomersView::draw(Store& store) {
    const AppState& st = store.state();
    const CustomerListState& list = st.customers;
    const CustomerFilter& filter = st.route.customers;

    // Title on the left, "New customer" on the right.
    float width = ImGui::GetContentRegionAvail().x;
    ImVec2 top = ImGui::GetCursorPos();
    heading(tr(Text::MenuCustomers), tr(Text::CustomersSubtitle));
    ImVec2 below = ImGui::GetCursorPos();
    std::string newLabel = std::string("+  ") + tr(Text::NewCustomer) + "##new-customer";
    ImGui::PushFont(fonts().medium);
    float newW = ImGui::CalcTextSize(newLabel.c_str(), nullptr, true).x + 36;
    ImGui::PopFont();
    float titleW = headingWidth(tr(Text::MenuCustomers), tr(Text::CustomersSubtitle));
    // Beside the title where there is room, else under the subtitle.
    if (titleW + 24 + newW <= width) {
        ImGui::SetCursorPos(ImVec2(top.x + width - newW, top.y + (shell().shortScreen ? -2 : 6)));  // level with the title alone on short screens
        bool clicked = button(newLabel.c_str(), ButtonStyle::Primary, ImVec2(newW, 40));
        a11y::lastName(tr(Text::NewCustomer));  // said without the "+" drawn before it
        if (clicked) store.newCustomer().open();
        ImGui::SetCursorPos(below);
    } else {
        bool clicked = button(newLabel.c_str(), ButtonStyle::Primary, ImVec2(width, 40));
        a11y::lastName(tr(Text::NewCustomer));
        if (clicked) store.newCustomer().open();
    }
    ImGui::Dummy(ImVec2(0, 4));

    // Search and status filter.
    std::string search = filter.search;
    // ImGui 1.90.1 only lands a focus request inside the focused window's focus scope, so this
    // child window is focused first; asked again until the field has the keyboard.
    if (focusSearch_) {
        ImGui::SetWindowFocus();
        ImGui::SetKeyboardFocusHere();
    }
    // The keyboard shortcut is worth saying where there is a keyboard.
    std::string hint = tr(Text::SearchCustomers);
    if (!shell().touch)
        hint += std::string("   (") + (ImGui::GetIO().ConfigMacOSXBehaviors ? tr(Text::SearchShortcutMac) : tr(Text::SearchShortcut)) + ")";
    // The search and the status filter share a line where both fit, else each has its own.
    int statusCount = 5;
    const char* statuses[] = {"", "invited", "active", "revoked", "cancelled"};
    const char* labels[] = {tr(Text::FilterAll), tr(Text::StatusInvited), tr(Text::StatusActive), tr(Text::StatusRevoked),
                            tr(Text::StatusCancelled)};
    float filterW = segmentedWidth(labels, statusCount);
    // On a short screen a narrower search shares the line: rows of the list stay in sight.
    bool oneLine = width - filterW - 16 >= (shell().shortScreen ? 200 : 260);
    float searchW = oneLine ? std::min(460.0f, width - filterW - 16) : width;
    inputText("##customer-search", tr(Text::SearchCustomers), search, searchW, hint.c_str());
    if (focusSearch_ && (ImGui::IsItemActive() || ++focusAttempts_ > 5)) focusSearch_ = false, focusAttempts_ = 0;
    if (search != filter.search) {
        CustomerFilter f = filter;
        f.search = search;
        store.customers().setFilter(f);
    }
    if (oneLine) ImGui::SameLine(0, 16);
    int selected = 0;
    for (int i = 0; i < statusCount; ++i)
        if (filter.status == statuses[i]) selected = i;
    int clicked = segmented("status-filter", labels, statusCount, selected);
    if (clicked >= 0 && clicked != selected) {
        CustomerFilter f = filter;
        f.status = statuses[clicked];
        store.customers().setFilter(f);
    }
    ImGui::Dummy(ImVec2(0, 2));

    activityBar(width, list.remote.loading);
    waitingInvitations(store);
    if (list.remote.error && !list.loaded) {
        if (errorBanner(std::string(tr(Text::CouldNotLoadCustomers)) + ": " + describeError(*list.remote.error), true))
            store.customers().reload();
        return;
    }

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    float footer = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y * 2 + 4;
    bool cards = cardList(shell());  // phones: one card per customer instead of the table
    bool bare = cards && list.loaded && list.rows.total() > 0;  // cards draw their own frames
    if (bare) ImGui::PushStyleColor(ImGuiCol_ChildBg, 0u);
    ImGui::BeginChild("###customers-card", ImVec2(width, ImGui::GetContentRegionAvail().y - footer),
                      bare ? ImGuiChildFlags_None : ImGuiChildFlags_Border, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (bare) ImGui::PopStyleColor();
    bool filtered = !filter.search.empty() || !filter.status.empty();
    const auto& rows = list.rows;
    if (list.filter != shownFilter_) {
        shownFilter_ = list.filter;
        scroller_.toTop();  // a new result starts at its top
    }
    if (!list.loaded) {
        listLoading(tr(Text::LoadingCustomers));
    } else if (rows.settled() && rows.total() == 0 && filtered) {
        if (emptyState(icon::Customers, tr(Text::NoMatchesTitle), tr(Text::NoMatchesBody), tr(Text::ClearFilters))) {
            CustomerFilter f;
            f.sort = filter.sort;
            store.customers().setFilter(f);
        }
    } else if (rows.settled() && rows.total() == 0) {
        if (emptyState(icon::Customers, tr(Text::NoCustomersTitle), tr(Text::NoCustomersBody), tr(Text::NewCustomer)))
            store.newCustomer().open();
    } else {
        // Every row of the result has its place under the scroll bar; only those on screen are
        // drawn (rows of the table, or cards on phones), and the store fetches their blocks
        // (placeholders until they arrive).
        ImVec2 cardMin = ImGui::GetWindowPos(), cardSize = ImGui::GetWindowSize();
        const float headerH = cards ? 0.0f : tappable(40);
        const float rowH = cards ? kCustomerCardHeight : kRowHeight;
        int visible = std::max(1, static_cast<int>((cardSize.y - headerH) / rowH));
        bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
        bool keys = !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId);
        float barX = cardMin.x + cardSize.x - ListScroller::kBarWidth - 2;
        scroller_.followTouch(ImVec2(cardMin.x, cardMin.y + headerH), ImVec2(cardMin.x + cardSize.x, cardMin.y + cardSize.y));
        scroller_.reveal(a11y::takeReveal(tr(Text::MenuCustomers)));  // a row the keyboard moved to
        scroller_.update(rows.total(), visible, rowH, ImVec2(barX, cardMin.y + 2),
                         ImVec2(barX + ListScroller::kBarWidth, cardMin.y + cardSize.y - 2), hovered, keys);
        std::int64_t first = scroller_.first();
        std::int64_t last = std::min<std::int64_t>(rows.total(), first + visible + 1) - 1;
        if (first != list.first || last != list.last || rows.blocksHeld() == 0) store.customers().view(first, std::max(first, last));
        ImGui::SetCursorScreenPos(cardMin);
        if (cards) {
            float cardW = cardSize.x - ListScroller::kBarWidth - 6;
            cardRows(tr(Text::MenuCustomers), rows, first, last, cardW, kCustomerCardHeight, [&](const Customer& c) {
                if (customerCard(c, cardW)) store.openCustomer(c.id);
            });
        }
        float tableW = cardSize.x - ListScroller::kBarWidth - 4;
        if (!cards) {
            // Columns share the width by what the rows on screen hold, and by what the reseller chose.
            columns_.beginMeasure(list.filter != measuredFilter_);
            measuredFilter_ = list.filter;
            for (std::int64_t i = first; i <= last; ++i)
                if (const Customer* c = rows.row(i)) measureRow(columns_, *c);
            columns_.fit(st.customerColumns, tableW);
        }
        ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
        int shownCount = static_cast<int>(columns_.placed().size());
        // Phones show cards, not a table: the grid is the table's.
        if (!cards) a11y::beginGrid(tr(Text::MenuCustomers), rows.total() + 1, shownCount);
        if (!cards && ImGui::BeginTable("###customers", shownCount, flags, ImVec2(tableW, 0))) {
            columns_.setupTable();
            ImGui::TableNextRow(ImGuiTableRowFlags_Headers, headerH);
            a11y::beginRow(1, true);
            std::optional<ColumnChange> change;
            for (const ColumnPlacement& p : columns_.placed()) {
                ImGui::TableSetColumnIndex(columns_.at(p.column));
                ImGui::PushID(p.column);
                if (p.column == kActions) {
                    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (headerH - tappable(28)) * 0.5f - ImGui::GetStyle().CellPadding.y + 3);  // centred on the titles
                    change = columns_.columnsMenu(st.customerColumns);
                } else {
                    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (headerH - 40) * 0.5f + 4);
                    headerCell(store, columns_.column(p.column), kSortKeys[p.column], filter);
                }
                ImGui::PopID();
            }
            a11y::end();
            for (std::int64_t i = first; i <= last; ++i) {
                ImGui::PushID(static_cast<int>(i % 100000));
                if (const Customer* c = rows.row(i)) customerRow(store, *c, columns_, i);
                else placeholderRow(kRowHeight, shownCount - 1);
                ImGui::PopID();
            }
            ImGui::EndTable();
            ImVec2 after = ImGui::GetCursorScreenPos();
            if (auto done = columns_.resizeHandles(cardMin, headerH)) change = done;
            ImGui::SetCursorScreenPos(after);
            ImGui::Dummy(ImVec2(0, 0));
            if (change) applyColumnChange(store, Table::Customers, *change);
        }
        if (!cards) a11y::end();
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();

    if (list.loaded) {
        // The rows on screen, first to last, of all: "8–16 of 41 customers".
        std::int64_t total = rows.total(), from = std::min(total, scroller_.first() + 1),
                     to = std::min(total, scroller_.first() + scroller_.whole());
        std::string count = total == 0 ? format::fill(tr(Text::CustomersCount), "0", "0")
                                       : format::fill(tr(Text::CustomersRange), format::integer(from), format::integer(to), format::integer(total));
        if (listFooter(count, list.remote.error)) store.customers().retry();
    }
}

}  // namespace rc::ui
