#include "ui/customers_view.h"

#include "core/format.h"
#include "core/i18n.h"
#include "imgui_internal.h"
#include "ui/item_registry.h"
#include "ui/list_scroller.h"
#include "ui/offline_widgets.h"
#include "ui/layout.h"
#include "ui/list_cards.h"
#include "ui/shown_text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

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

struct Column {
    Text title;
    const char* sortKey;  // nullptr: not sortable
    float width;          // 0: stretch
    float stretch;
    bool right;
};

// Name and organization share the first column on two lines, so both stay readable on a laptop.
const Column kColumns[] = {
    {Text::ColCustomer, "name", 0, 1.7f, false},
    {Text::ColDomain, nullptr, 0, 1.1f, false},
    {Text::ColStatus, nullptr, 100, 0, false},
    {Text::ColPlan, nullptr, 156, 0, false},
    {Text::ColLicenses, "licenses", 72, 0, true},
    {Text::ColRenewal, "renews_at", 100, 0, false},
    {Text::ColMonthly, nullptr, 96, 0, true},
    {Text::ColActions, nullptr, 84, 0, true},
};
constexpr int kColumnCount = static_cast<int>(sizeof(kColumns) / sizeof(kColumns[0]));

// Header cell: muted, and for sortable columns a click target with an arrow.
void headerCell(Store& store, const Column& col, const CustomerFilter& filter) {
    const char* name = tr(col.title);
    std::string arrow;
    bool sortable = col.sortKey != nullptr;
    bool active = sortable && (filter.sort == col.sortKey || filter.sort == std::string("-") + col.sortKey);
    bool descending = active && filter.sort[0] == '-';
    if (active) arrow = std::string("  ") + (descending ? icon::CaretDown : icon::CaretUp);
    std::string label = name + arrow;
    ImGui::PushFont(fonts().small);
    ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    float avail = ImGui::GetContentRegionAvail().x;
    if (col.right && avail > ts.x) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - ts.x);
    ImVec2 p = ImGui::GetCursorScreenPos();
    if (sortable) {
        std::string id = std::string("##sort-") + col.sortKey;
        if (ImGui::InvisibleButton(id.c_str(), ts)) {
            CustomerFilter f = filter;
            // First click sorts ascending (names A-Z, fewest licenses, soonest renewal); the next one flips.
            f.sort = active && !descending ? std::string("-") + col.sortKey : col.sortKey;
            store.setCustomerFilter(f);
        }
        bool hovered = ImGui::IsItemHovered();
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::GetWindowDrawList()->AddText(p, active || hovered ? color::Text : color::TextMuted, label.c_str());
        if (auto* reg = currentRegistry()) reg->record(name, "header", p.x, p.y, ts.x, ts.y);
    } else {
        text(label, color::TextMuted, fonts().small, "header");
    }
    ImGui::PopFont();
}

void customerRow(Store& store, const Customer& c) {
    ImGui::TableNextRow(ImGuiTableRowFlags_None, kRowHeight);
    const float textY = (kRowHeight - ImGui::GetTextLineHeight()) * 0.5f - ImGui::GetStyle().CellPadding.y;
    auto next = [&](int col, float dy = 0) {
        ImGui::TableSetColumnIndex(col);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + textY + dy);
    };
    // The whole row opens the customer; the Manage button says so in words.
    ImGui::TableSetColumnIndex(0);
    ImVec2 rowStart = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, color::rgb(246, 248, 251));
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, color::rgb(238, 242, 248));
    if (auto* reg = currentRegistry()) reg->setNextKind("row");
    bool rowClicked = ImGui::Selectable("##row", false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap,
                                        ImVec2(0, kRowHeight - ImGui::GetStyle().CellPadding.y * 2));
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetCursorScreenPos(ImVec2(rowStart.x, rowStart.y + textY - 9));
    cellClipped(c.name, color::Text, fonts().medium);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + 3);
    cellClipped(c.organization, color::TextMuted, fonts().small);
    next(1);
    cellClipped(c.googleDomain, color::TextMuted);
    next(2, -3);
    statusBadge(c.status);
    const Subscription* s = c.subscription ? &*c.subscription : nullptr;
    next(3);
    if (s) {
        std::string plan = planLabel(s->plan);
        if (s->status == "trial") plan += std::string(" · ") + tr(Text::SubTrial);
        cellClipped(plan);
    } else {
        cell(tr(Text::Dash), color::TextFaint);
    }
    next(4);
    cellRight(s ? format::integer(s->licenses) : tr(Text::Dash), s ? 0 : color::TextFaint);
    next(5);
    bool renews = s && !s->renewsAt.empty();
    cell(renews ? format::date(s->renewsAt) : tr(Text::Dash), renews ? 0 : color::TextFaint);
    next(6);
    bool paying = s && !s->isCancelled();
    cellRight(paying ? format::money(s->monthlyValue) : tr(Text::Dash), paying ? 0 : color::TextFaint);
    ImGui::TableSetColumnIndex(7);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (kRowHeight - 32) * 0.5f - ImGui::GetStyle().CellPadding.y);
    float avail = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(fonts().medium);
    std::string manage = std::string(tr(Text::Manage)) + "##manage";
    float manageW = ImGui::CalcTextSize(manage.c_str(), nullptr, true).x + 24;
    ImGui::PopFont();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, avail - manageW));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, 6));
    bool manageClicked = button(manage.c_str(), ButtonStyle::Secondary, ImVec2(manageW, 32));
    ImGui::PopStyleVar();
    if (rowClicked || manageClicked) store.openCustomer(c.id);
}

}  // namespace

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
        ImGui::SetCursorPos(ImVec2(top.x + width - newW, top.y + 6));
        if (button(newLabel.c_str(), ButtonStyle::Primary, ImVec2(newW, 40))) store.openNewCustomer();
        ImGui::SetCursorPos(below);
    } else if (button(newLabel.c_str(), ButtonStyle::Primary, ImVec2(width, 40))) {
        store.openNewCustomer();
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
    bool oneLine = width - filterW - 16 >= 260;
    float searchW = oneLine ? std::min(460.0f, width - filterW - 16) : width;
    inputText("##customer-search", tr(Text::SearchCustomers), search, searchW, hint.c_str());
    if (focusSearch_ && (ImGui::IsItemActive() || ++focusAttempts_ > 5)) focusSearch_ = false, focusAttempts_ = 0;
    if (search != filter.search) {
        CustomerFilter f = filter;
        f.search = search;
        store.setCustomerFilter(f);
    }
    if (oneLine) ImGui::SameLine(0, 16);
    int selected = 0;
    for (int i = 0; i < statusCount; ++i)
        if (filter.status == statuses[i]) selected = i;
    int clicked = segmented("status-filter", labels, statusCount, selected);
    if (clicked >= 0 && clicked != selected) {
        CustomerFilter f = filter;
        f.status = statuses[clicked];
        store.setCustomerFilter(f);
    }
    ImGui::Dummy(ImVec2(0, 2));

    activityBar(width, list.remote.loading);
    waitingInvitations(store);
    if (list.remote.error && !list.loaded) {
        if (errorBanner(std::string(tr(Text::CouldNotLoadCustomers)) + ": " + describeError(*list.remote.error), true))
            store.reloadCustomers();
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
            store.setCustomerFilter(f);
        }
    } else if (rows.settled() && rows.total() == 0) {
        if (emptyState(icon::Customers, tr(Text::NoCustomersTitle), tr(Text::NoCustomersBody), tr(Text::NewCustomer)))
            store.openNewCustomer();
    } else {
        // Every row of the result has its place under the scroll bar; only those on screen are
        // drawn (rows of the table, or cards on phones), and the store fetches their blocks
        // (placeholders until they arrive).
        ImVec2 cardMin = ImGui::GetWindowPos(), cardSize = ImGui::GetWindowSize();
        const float headerH = cards ? 0.0f : 40.0f;
        const float rowH = cards ? kCustomerCardHeight : kRowHeight;
        int visible = std::max(1, static_cast<int>((cardSize.y - headerH) / rowH));
        bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
        bool keys = !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId);
        float barX = cardMin.x + cardSize.x - ListScroller::kBarWidth - 2;
        scroller_.followTouch(ImVec2(cardMin.x, cardMin.y + headerH), ImVec2(cardMin.x + cardSize.x, cardMin.y + cardSize.y));
        scroller_.update(rows.total(), visible, rowH, ImVec2(barX, cardMin.y + 2),
                         ImVec2(barX + ListScroller::kBarWidth, cardMin.y + cardSize.y - 2), hovered, keys);
        std::int64_t first = scroller_.first();
        std::int64_t last = std::min<std::int64_t>(rows.total(), first + visible + 1) - 1;
        if (first != list.first || last != list.last || rows.blocksHeld() == 0) store.viewCustomers(first, std::max(first, last));
        ImGui::SetCursorScreenPos(cardMin);
        if (cards) {
            float cardW = cardSize.x - ListScroller::kBarWidth - 6;
            for (std::int64_t i = first; i <= last; ++i) {
                ImGui::PushID(static_cast<int>(i % 100000));
                if (const Customer* c = rows.row(i)) {
                    if (customerCard(*c, cardW)) store.openCustomer(c->id);
                } else {
                    placeholderCard(cardW, kCustomerCardHeight);
                }
                ImGui::PopID();
            }
        }
        ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
        if (!cards && ImGui::BeginTable("###customers", kColumnCount, flags, ImVec2(cardSize.x - ListScroller::kBarWidth - 4, 0))) {
            for (const Column& col : kColumns) {
                if (col.width > 0) ImGui::TableSetupColumn(tr(col.title), ImGuiTableColumnFlags_WidthFixed, col.width);
                else ImGui::TableSetupColumn(tr(col.title), ImGuiTableColumnFlags_WidthStretch, col.stretch);
            }
            ImGui::TableNextRow(ImGuiTableRowFlags_Headers, headerH);
            for (int i = 0; i < kColumnCount; ++i) {
                ImGui::TableSetColumnIndex(i);
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
                ImGui::PushID(i);
                headerCell(store, kColumns[i], filter);
                ImGui::PopID();
            }
            for (std::int64_t i = first; i <= last; ++i) {
                ImGui::PushID(static_cast<int>(i % 100000));
                if (const Customer* c = rows.row(i)) customerRow(store, *c);
                else placeholderRow(kRowHeight, kColumnCount - 1);
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();

    if (list.loaded) {
        std::int64_t shown = std::min<std::int64_t>(rows.total(), list.last + 1);
        std::string count = format::fill(tr(Text::CustomersCount), format::integer(shown), format::integer(rows.total()));
        if (listFooter(count, list.remote.error)) store.retryCustomers();
    }
}

}  // namespace rc::ui
