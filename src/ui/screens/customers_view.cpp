#include "ui/screens/customers_view.h"

#include "core/format.h"
#include "core/i18n.h"
#include "imgui_internal.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/gated.h"
#include "ui/kit/layout.h"
#include "ui/kit/list_cards.h"
#include "ui/kit/offline_widgets.h"
#include "ui/kit/paged_table.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/screens/customer_list_tools.h"
#include "ui/screens/customer_selection.h"
#include "ui/text/shown_text.h"

namespace rc::ui {
namespace {

constexpr float kRowHeight = 56.0f;
constexpr float kCardHeight = 112.0f;  // on phones

// Name and organization share the first column on two lines, so both stay readable on a laptop.
// Columns drop out as room runs short: monthly value, renewal, plan, licenses, domain, status.
// The selection's checkbox comes first and always stays (issue 19).
enum Col { kSelect, kCustomer, kDomain, kStatus, kPlan, kLicenses, kRenewal, kMonthly, kActions, kColumnCount };

// The plan, and for a trial its days left (the status presentation's detail, as everywhere):
// the days left go on a second, smaller line, so the column grows no wider than the plan did
// and the monthly value keeps its room (German at 1280 px lost it). The status column says the
// trial and its last day.
std::string planText(const Customer& c) { return planLabel(c.subscription->plan); }
std::string planDetail(const Customer& c, const std::string& today) { return presentStatus(c, today).detail; }

std::string manageLabel() { return std::string(tr(Text::Manage)) + "##manage"; }

float manageWidth() {
    ImGui::PushFont(fonts().medium);
    float w = ImGui::CalcTextSize(manageLabel().c_str(), nullptr, true).x + 24;
    ImGui::PopFont();
    return w;
}

// The customer list's rows, as the paged table asks for them.
class CustomerRows final : public ListRows<Customer, CustomerFilter> {
public:
    explicit CustomerRows(Store& store) : ListRows(store, store.state().customers, store.state().customerColumns) {
        sortedBy = store.state().route.customers.sort;
    }
    // A tap on a card in select mode (phones) picks it; otherwise the row opens the customer.
    void openRow(const Customer& c) override {
        if (selectingCards(store_)) store_.bulk().toggle(c.id);
        else store_.openCustomer(c.id);
    }
    bool headerControl(int column, float headerHeight) override {
        if (column != kSelect) return false;
        selectPageBox(store_, headerHeight);
        return true;
    }
    void empty() override {
        const CustomerFilter& shown = store_.state().route.customers;
        if (!shown.search.empty() || !shown.status.empty()) {
            if (emptyState(icon::Customers, tr(Text::NoMatchesTitle), tr(Text::NoMatchesBody), tr(Text::ClearFilters))) {
                CustomerFilter f;
                f.sort = shown.sort;
                store_.customers().setFilter(f);
            }
        } else if (Gate invite = gate(store_, Capability::ManageCustomers);
                   emptyState(icon::Customers, tr(Text::NoCustomersTitle), tr(Text::NoCustomersBody), tr(Text::NewCustomer), &invite)) {
            store_.newCustomer().open();
        }
    }
    void view(std::int64_t first, std::int64_t last) override { store_.customers().view(first, last); }
    void reload() override { store_.customers().reload(); }
    void retry() override { store_.customers().retry(); }
    void sort(const std::string& by) override {
        CustomerFilter f = store_.state().route.customers;
        f.sort = by;
        store_.customers().setFilter(f);
    }

private:
    // The widths a row's cells need, for the columns to share the room by content.
    void measureRow(FittedColumns& cols, const Customer& c) const override {
        auto width = [](ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, shownC(s)).x; };
        cols.measure(kSelect, selectBoxWidth());
        cols.measure(kCustomer, std::max(width(fonts().medium, c.name), width(fonts().small, c.organization)));
        cols.measure(kDomain, width(fonts().body, c.googleDomain));
        cols.measure(kStatus, width(fonts().medium, presentStatus(c, store_.today()).label) + 30);
        if (const Subscription* s = c.subscription ? &*c.subscription : nullptr) {
            cols.measure(kPlan, std::max(width(fonts().body, planText(c)), width(fonts().small, planDetail(c, store_.today()))));
            cols.measure(kLicenses, width(fonts().body, format::integer(s->licenses)));
            if (!s->renewsAt.empty()) cols.measure(kRenewal, width(fonts().body, format::date(s->renewsAt)));
            cols.measure(kMonthly, width(fonts().body, format::money(s->monthlyValue)));
        }
        cols.measure(kActions, manageWidth());
    }

    // The row's cells; the whole row opens the customer, and Manage says so in words.
    bool drawRow(const TableRow& row, const Customer& c) override {
        if (row.cellTop(kSelect)) selectBox(store_, c, kRowHeight);
        // Name and organization share a column on two lines.
        row.cellTop(kCustomer);
        ImVec2 start = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + row.textY() - 9));
        cellClipped(c.name, color::Text, fonts().medium);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + 3);
        cellClipped(c.organization, color::TextMuted, fonts().small);
        if (row.cell(kDomain)) cellClipped(c.googleDomain, color::TextMuted);
        if (row.cell(kStatus, -3)) statusBadge(presentStatus(c, store_.today()));
        const Subscription* s = c.subscription ? &*c.subscription : nullptr;
        std::string detail = s ? planDetail(c, store_.today()) : std::string();
        if (row.cell(kPlan, detail.empty() ? 0 : -9)) {
            if (s) cellClipped(planText(c));
            else cellText(tr(Text::Dash), color::TextFaint);
            if (!detail.empty()) {  // under the plan, as the organization under the name
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + 3);
                cellClipped(detail, color::TextMuted, fonts().small);
            }
        }
        if (row.cell(kLicenses)) cellRight(s ? format::integer(s->licenses) : tr(Text::Dash), s ? 0 : color::TextFaint);
        bool renews = s && !s->renewsAt.empty();
        if (row.cell(kRenewal)) cellText(renews ? format::date(s->renewsAt) : tr(Text::Dash), renews ? 0 : color::TextFaint);
        bool paying = s && !s->isCancelled();
        if (row.cell(kMonthly)) cellRight(paying ? format::money(s->monthlyValue) : tr(Text::Dash), paying ? 0 : color::TextFaint);
        row.cellTop(kActions);
        float manageH = tappable(32);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (kRowHeight - manageH) * 0.5f - ImGui::GetStyle().CellPadding.y);
        float avail = ImGui::GetContentRegionAvail().x;
        float manageW = manageWidth();
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, avail - manageW));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, 6));
        bool manageClicked = button(manageLabel().c_str(), ButtonStyle::Secondary, ImVec2(manageW, manageH));
        ImGui::PopStyleVar();
        return manageClicked;
    }

    // On phones: name and organization on the left, Manage on the right; status and licenses below.
    bool drawCard(const Customer& c, float width) override {
        ImVec2 at;
        bool clicked = cardFrame("##customer-card", c.name, width, kCardHeight, at);
        float inner = width - 2 * kCardPad;
        std::string manage = std::string(tr(Text::Manage)) + "##manage";
        // In select mode a checkbox takes Manage's place (a tap anywhere on the card picks it).
        bool selecting = selectingCards(store_);
        float manageW = selecting ? tappable(ImGui::GetFrameHeight()) : buttonWidth(manage.c_str());
        // Name and organization on the left, Manage on the right; status and licenses below.
        cardLine(c.name, at.x + kCardPad, at.y + 14, inner - manageW - 12, color::Text, fonts().medium);
        cardLine(c.organization, at.x + kCardPad, at.y + 36, inner - manageW - 12, color::TextMuted, fonts().small);
        ImGui::SetCursorScreenPos(ImVec2(at.x + kCardPad, at.y + 64));
        StatusPresentation status = presentStatus(c, store_.today());
        statusBadge(status);
        if (c.subscription) {
            ImGui::SameLine(0, 12);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 3);
            std::string line = format::integer(c.subscription->licenses) + " " + tr(Text::ColLicenses);
            if (!status.detail.empty()) line += " · " + status.detail;  // a trial's days left
            text(line, color::TextMuted, fonts().small, "cell");
        }
        bool manageClicked = false;
        if (selecting) {
            selectCardBox(store_, c, ImVec2(at.x + width - kCardPad - manageW * 0.5f, at.y + (kCardHeight - kCardGap) * 0.5f));
        } else {
            float manageH = tappable(36);
            ImGui::SetCursorScreenPos(ImVec2(at.x + width - kCardPad - manageW, at.y + (kCardHeight - kCardGap - manageH) * 0.5f));
            manageClicked = button(manage.c_str(), ButtonStyle::Secondary, ImVec2(manageW, manageH));
        }
        endListCard(at, kCardHeight);
        return clicked || manageClicked;
    }

};

}  // namespace

// The table: id, name, loading, footer range and none, load failed, column choices, row and card
// heights, then its columns: {key, drop order, min width, max width, grows, whole, hideable, whole
// while 1..N show}, title, right-aligned, the server's sort key, a control.
PagedTableSpec CustomersView::tableSpec() {
    return {"customers", Text::MenuCustomers, Text::LoadingCustomers, Text::CustomersRange, Text::CustomersCount,
            Text::CouldNotLoadCustomers, Table::Customers, kRowHeight, kCardHeight, {
        // A 20 px checkbox and its cell padding; the whole cell is its hit area (44 px wide on touch).
        {{"select", 0, 38, 38, false, false, false, 0, true}, Text::ColSelect},
        {{"customer", 0, 140, 0, true, true, false}, Text::ColCustomer, false, "name"},
        {{"domain", 5, 110, 280, true, false, true, 4}, Text::ColDomain},  // whole while licenses and later show
        {{"status", 6, 100, 0, false, false, true}, Text::ColStatus},
        {{"plan", 3, 90, 0, false, false, true}, Text::ColPlan},
        {{"licenses", 4, 72, 0, false, false, true}, Text::ColLicenses, true, "licenses"},
        {{"renewal", 2, 96, 0, false, false, true}, Text::ColRenewal, false, "renews_at"},
        {{"monthly", 1, 90, 0, false, false, true}, Text::ColMonthly, true},
        {{"actions", 0, 96, 0, false, false, false}, Text::ColActions, true, nullptr, true},
    }};
}

void CustomersView::draw(Store& store) {
    const AppState& st = store.state();
    const CustomerFilter& filter = st.route.customers;

    // Title on the left, "New customer" on the right.
    float width = ImGui::GetContentRegionAvail().x;
    std::string newLabel = std::string("+  ") + tr(Text::NewCustomer) + "##new-customer";
    PageTitle title(tr(Text::MenuCustomers), tr(Text::CustomersSubtitle), newLabel.c_str());
    // Inviting needs the Sales or Admin role (offline, the invitation waits in the queue).
    Gate invite = gate(store, Capability::ManageCustomers);
    bool add = gatedButton(newLabel.c_str(), invite, ButtonStyle::Primary, title.actionSize());
    a11y::lastName(tr(Text::NewCustomer));  // said without the "+" drawn before it
    if (add) store.newCustomer().open();
    // Issue 23: Take over customer… (a transfer in), beside New customer where both fit, else under the title.
    float left = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMin().x - ImGui::GetScrollX();
    std::string takeLabel = std::string(tr(Text::TakeOverCustomer)) + "##take-over";
    float takeW = buttonWidth(takeLabel.c_str());
    ImVec2 newAt = ImGui::GetItemRectMin();
    // On a phone it is in the list tools' More menu (listTools), not a full-width line of its own.
    const bool compact = listToolsCompact(store, width);
    bool takeBeside = !compact && title.beside() && newAt.x - 12 - takeW >= left + headingWidth(tr(Text::MenuCustomers), tr(Text::CustomersSubtitle)) + 24;
    Gate take = gate(store, Capability::ManageCustomers, /*needsNetwork=*/true);
    if (takeBeside) {
        ImGui::SetCursorScreenPos(ImVec2(newAt.x - 12 - takeW, newAt.y));
        if (gatedButton(takeLabel.c_str(), take, ButtonStyle::Secondary, ImVec2(takeW, title.actionSize().y))) store.lifecycle().openTransferIn();
    }
    if (title.beside() && (!invite.open() || (takeBeside && !take.open()))) title.under(50, gateNotesWidth());
    gateNotes();
    title.end();
    if (!takeBeside && !compact) {
        if (title.beside()) ImGui::SetCursorScreenPos(ImVec2(left + width - takeW, ImGui::GetCursorScreenPos().y));
        if (gatedButton(takeLabel.c_str(), take, ButtonStyle::Secondary, ImVec2(title.beside() ? takeW : width, 38)))
            store.lifecycle().openTransferIn();
        gateNotes();
    }

    // Search and status filter.
    std::string search = filter.search;
    // ImGui 1.90.1 only lands a focus request inside the focused window's focus scope, so this
    // child window is focused first; asked again until the field has the keyboard.
    if (focusSearch_) {
        ImGui::SetWindowFocus();
        ImGui::SetKeyboardFocusHere();
    }
    // The search and the status filter share a line where both fit, else each has its own.
    // Every status the server knows, from the one presentation (core/status_presentation.h).
    const auto& choices = statusChoices();
    int statusCount = static_cast<int>(choices.size()) + 1;
    std::vector<const char*> statuses{""}, labels{tr(Text::FilterAll)};
    std::vector<std::string> words;  // the labels' storage
    words.reserve(choices.size());
    for (const StatusChoice& choice : choices) {
        statuses.push_back(choice.apiName);
        words.push_back(presentStatus(choice.status).label);
        labels.push_back(words.back().c_str());
    }
    float filterW = segmentedWidth(labels.data(), statusCount);
    // Import and Export share the line where the search keeps its room, else go under it.
    float toolsW = listToolsWidth(store);
    float besideW = filterW + 16 + (width - filterW - toolsW - 32 >= 260 ? toolsW + 16 : 0);
    // On a short screen a narrower search shares the line: rows of the list stay in sight.
    bool oneLine = width - besideW >= (shell().shortScreen ? 200 : 260);
    float searchW = oneLine ? std::min(460.0f, width - besideW) : width;
    // The keyboard shortcut is worth saying where there is a keyboard, and where the field holds
    // it whole (the German hint is longer: "(Strg+K)" was cut at 1440 px).
    std::string hint = tr(Text::SearchCustomers);
    std::string withShortcut =
        hint + "   (" + (ImGui::GetIO().ConfigMacOSXBehaviors ? tr(Text::SearchShortcutMac) : tr(Text::SearchShortcut)) + ")";
    if (!shell().touch && ImGui::CalcTextSize(withShortcut.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x <= searchW) hint = withShortcut;
    ImGuiIO& io = ImGui::GetIO();
    if (searchActive_ && !heldChars_.empty()) {  // the held letters first, then what came since
        // (Copied by hand: ImVector's copy passes a null pointer to memcpy when it is empty.)
        std::vector<ImWchar> since(io.InputQueueCharacters.begin(), io.InputQueueCharacters.end());
        io.InputQueueCharacters.resize(0);
        for (unsigned c : heldChars_) io.InputQueueCharacters.push_back(static_cast<ImWchar>(c));
        for (ImWchar c : since) io.InputQueueCharacters.push_back(c);
        heldChars_.clear();
    } else if (focusSearch_) {
        for (ImWchar c : io.InputQueueCharacters) heldChars_.push_back(c);
        io.InputQueueCharacters.resize(0);
    }
    inputText("##customer-search", tr(Text::SearchCustomers), search, searchW, hint.c_str());
    searchActive_ = ImGui::IsItemActive();
    if (focusSearch_ && (searchActive_ || ++focusAttempts_ > 5)) {
        focusSearch_ = false, focusAttempts_ = 0;
        if (!searchActive_) heldChars_.clear();  // the field never took the keyboard
    }
    if (!heldChars_.empty()) requestAnimation();  // they go in on the next frame
    if (search != filter.search) {
        CustomerFilter f = filter;
        f.search = search;
        store.customers().setFilter(f);
    }
    if (oneLine) ImGui::SameLine(0, 16);
    int selected = 0;
    for (int i = 0; i < statusCount; ++i)
        if (filter.status == statuses[static_cast<std::size_t>(i)]) selected = i;
    int clicked = segmented("status-filter", labels.data(), statusCount, selected);
    if (clicked >= 0 && clicked != selected) {
        CustomerFilter f = filter;
        f.status = statuses[static_cast<std::size_t>(clicked)];
        store.customers().setFilter(f);
    }
    // Import and Export: at the line's right end where they fit, else right-aligned under it.
    float lineLeft = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMin().x - ImGui::GetScrollX();
    if (ImGui::GetItemRectMax().x + 16 + toolsW <= lineLeft + width) ImGui::SameLine(0, 0);
    ImGui::SetCursorScreenPos(ImVec2(std::max(lineLeft, lineLeft + width - toolsW), ImGui::GetCursorScreenPos().y));
    listTools(store, ImGui::GetFrameHeight(), lineLeft, lineLeft + width);  // the filter's height
    gateNotes();
    ImGui::Dummy(ImVec2(0, 2));

    activityBar(width, st.customers.remote.loading);
    waitingInvitations(store);
    selectionBar(store, width);
    CustomerRows rows(store);
    table_.draw(store, rows, width);
}

}  // namespace rc::ui
