#include "ui/screens/customer_selection.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/format.h"
#include "core/i18n.h"
#include "ui/a11y/a11y_tree.h"
#include "imgui_internal.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/gated.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {
namespace {

// The customers on screen (loaded rows only), as the list last heard which rows those are.
std::vector<std::int64_t> pageIds(const Store& store) {
    const CustomerListState& list = store.state().customers;
    std::vector<std::int64_t> ids;
    for (std::int64_t i = list.first; i <= list.last && i < list.rows.total(); ++i)
        if (const Customer* c = list.rows.row(i)) ids.push_back(c->id);
    return ids;
}

// The selection as it holds for the list on screen (one made under another filter is gone).
const BulkSelectionState* current(const Store& store) {
    const AppState& st = store.state();
    const BulkSelectionState& sel = st.bulk.selection;
    if (sel.q != st.customers.filter.search || sel.status != st.customers.filter.status) return nullptr;
    return &sel;
}

bool picked(const Store& store, std::int64_t id) {
    const BulkSelectionState* sel = current(store);
    return sel && sel->has(id);
}

std::string count(std::int64_t n) { return format::integer(n); }

// A table's checkbox: small, so the column costs the list as little room as it can (German at
// 1440 px kept its monthly value only so); a card's is a finger's size.
constexpr float kTableBox = 20;
// The column is narrower than the box and both cell paddings: the box moves into the left one.
constexpr float kIntoPadding = 5;

// A checkbox with no words beside it, its `box` px square drawn centred in the hit area `hit`
// (a table's whole cell: 38 x 56 px, 44 px wide on touch), so a pointer or finger that misses the
// small box by a little ticks it rather than opening the customer under it. The registry (and so
// the mirror) names it with the hit area as its bounds, ticked or not.
bool checkbox(const char* id, bool& on, const std::string& name, float box, ImVec2 at, ImVec2 hit) {
    ImGuiID itemId = ImGui::GetID(id);
    ImRect bb(at, ImVec2(at.x + hit.x, at.y + hit.y));
    // No ItemSize: the area reaches into the cell's padding, and the row must not grow by it.
    if (!ImGui::ItemAdd(bb, itemId)) return false;
    bool hovered = false, held = false;
    bool pressed = ImGui::ButtonBehavior(bb, itemId, &hovered, &held);
    if (pressed) {
        on = !on;
        ImGui::MarkItemEdited(itemId);
    }
    ImVec2 a(std::floor(at.x + (hit.x - box) * 0.5f), std::floor(at.y + (hit.y - box) * 0.5f)), b(a.x + box, a.y + box);
    ImGui::RenderNavHighlight(bb, itemId);
    ImGuiCol bg = held && hovered ? ImGuiCol_FrameBgActive : hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg;
    ImGui::RenderFrame(a, b, ImGui::GetColorU32(bg), true, ImGui::GetStyle().FrameRounding);
    if (on) {
        float pad = std::max(1.0f, std::floor(box / 6.0f));
        ImGui::RenderCheckMark(ImGui::GetWindowDrawList(), ImVec2(a.x + pad, a.y + pad), ImGui::GetColorU32(ImGuiCol_CheckMark),
                               box - pad * 2.0f);
    }
    if (auto* reg = currentRegistry()) reg->record(name, "checkbox", bb.Min.x, bb.Min.y, hit.x, hit.y, false, on);
    return pressed;
}

// The hit area of a table cell's checkbox: the whole cell, the cursor at its content's top left.
bool cellCheckbox(const char* id, bool& on, const std::string& name, float rowHeight) {
    ImVec2 pad = ImGui::GetStyle().CellPadding;
    ImVec2 content = ImGui::GetCursorScreenPos();
    ImVec2 at(content.x - pad.x, content.y - pad.y);
    return checkbox(id, on, name, kTableBox, at, ImVec2(ImGui::GetContentRegionAvail().x + 2 * pad.x, rowHeight));
}

}  // namespace

float selectBoxWidth() { return kTableBox - 2 * kIntoPadding; }

bool selectingCards(const Store& store) { return store.state().bulk.selection.selectMode && cardList(shell()); }

void selectBox(Store& store, const Customer& c, float rowHeight) {
    bool on = picked(store, c.id);
    if (cellCheckbox("##select", on, format::fill(tr(Text::SelectRow), c.name), rowHeight)) store.bulk().toggle(c.id);
}

void selectPageBox(Store& store, float headerHeight) {
    std::vector<std::int64_t> ids = pageIds(store);
    const BulkSelectionState* sel = current(store);
    bool on = !ids.empty() && sel && std::all_of(ids.begin(), ids.end(), [&](std::int64_t id) { return sel->has(id); });
    if (cellCheckbox("##select-page", on, tr(Text::SelectPage), headerHeight)) store.bulk().selectPage(ids, on);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Text::SelectPage));
}

void selectCardBox(Store& store, const Customer& c, ImVec2 centre) {
    // As large as a finger needs (the whole card picks it too).
    float h = tappable(ImGui::GetFrameHeight());
    bool on = picked(store, c.id);
    if (checkbox("##select", on, format::fill(tr(Text::SelectRow), c.name), h, ImVec2(centre.x - h * 0.5f, centre.y - h * 0.5f),
                 ImVec2(h, h)))
        store.bulk().toggle(c.id);
}

bool selectModeInTools(const Store& store) {
    const AppState& st = store.state();
    const BulkSelectionState* sel = current(store);
    return cardList(shell()) && st.customers.loaded && st.customers.rows.total() > 0 && !st.bulk.selection.selectMode &&
           !(sel && sel->count() > 0);
}

namespace {
std::string selectModeLabel(bool on) { return std::string(tr(on ? Text::SelectModeDone : Text::SelectMode)) + "##select-mode"; }
}  // namespace

float selectModeButtonWidth() { return buttonWidth(selectModeLabel(false).c_str()); }

void selectModeButton(Store& store, float height) {
    if (button(selectModeLabel(false).c_str(), ButtonStyle::Secondary, ImVec2(selectModeButtonWidth(), height)))
        store.bulk().setSelectMode(true);
}

void selectionBar(Store& store, float width) {
    const AppState& st = store.state();
    const CustomerListState& list = st.customers;
    const BulkSelectionState* sel = current(store);
    std::int64_t n = sel ? sel->count() : 0;
    bool cards = cardList(shell());
    bool selectMode = st.bulk.selection.selectMode;
    // Only a selection shows a bar, or select mode on a phone (Select itself is with the tools).
    if (n == 0 && !(cards && list.loaded && selectMode)) return;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImVec2 top = ImGui::GetCursorScreenPos();
    const float pad = 8;
    ImGui::SetCursorScreenPos(ImVec2(top.x + pad, top.y + pad));
    ImGui::BeginGroup();
    float h = tappable(ImGui::GetFrameHeight());
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, (h - ImGui::GetFontSize()) * 0.5f));
    bool first = true;
    auto next = [&](float w) {
        if (!first) sameLineIfFits(w, 12);
        first = false;
    };
    if (cards) {
        std::string mode = selectModeLabel(selectMode);
        next(buttonWidth(mode.c_str()));
        if (button(mode.c_str(), selectMode ? ButtonStyle::Primary : ButtonStyle::Secondary, ImVec2(buttonWidth(mode.c_str()), h)))
            store.bulk().setSelectMode(!selectMode);
        if (selectMode && n == 0) {
            ImGui::SameLine(0, 12);
            ImGui::AlignTextToFramePadding();
            text(tr(Text::SelectModeHint), color::TextMuted, fonts().small);
        }
    }
    if (n > 0) {
        std::string said = sel->allMatching ? format::fill(tr(Text::AllMatchingSelected), count(n))
                                            : format::fill(tr(Text::SelectedCount), count(n));
        ImGui::PushFont(fonts().medium);
        float tw = ImGui::CalcTextSize(said.c_str()).x;
        ImGui::PopFont();
        next(tw);
        ImGui::AlignTextToFramePadding();
        text(said, color::Text, fonts().medium, "status");
        // Every customer the search and filter match, not only those picked: the server acts by filter.
        std::int64_t total = list.rows.total();
        if (!sel->allMatching && total > n) {
            std::string all = format::fill(tr(Text::SelectAllMatching), count(total)) + "##select-all";
            next(buttonWidth(all.c_str()));
            if (button(all.c_str(), ButtonStyle::Ghost, ImVec2(buttonWidth(all.c_str()), h))) store.bulk().selectAllMatching();
        }
        std::string clear = std::string(tr(Text::ClearSelection)) + "##select-clear";
        next(buttonWidth(clear.c_str()));
        if (button(clear.c_str(), ButtonStyle::Ghost, ImVec2(buttonWidth(clear.c_str()), h))) store.bulk().clearSelection();

        // The actions: licenses need the Buyer or Admin role, invitations Sales or Admin; all the network.
        struct Action {
            BulkAction action;
            Text label;
            const char* id;
            Capability capability;
        };
        const Action actions[] = {
            {BulkAction::AddLicenses, Text::BulkAddLicenses, "##bulk-add", Capability::ManageSubscriptions},
            {BulkAction::SetLicenses, Text::BulkSetLicenses, "##bulk-set", Capability::ManageSubscriptions},
            {BulkAction::ResendInvitations, Text::BulkResend, "##bulk-resend", Capability::ManageCustomers},
            {BulkAction::RevokeInvitations, Text::BulkRevoke, "##bulk-revoke", Capability::ManageCustomers},
        };
        auto draw = [&](const Action& a, float w) {
            std::string label = std::string(tr(a.label)) + a.id;
            Gate g = gate(store, a.capability, /*needsNetwork=*/true);
            if (gatedButton(label.c_str(), g, ButtonStyle::Secondary, ImVec2(w > 0 ? w : buttonWidth(label.c_str()), h))) {
                store.bulk().open(a.action);
                if (ImGui::IsPopupOpen("##bulk-actions-menu")) ImGui::CloseCurrentPopup();
            }
        };
        if (!cards) {
            for (const Action& a : actions) {
                next(buttonWidth((std::string(tr(a.label)) + a.id).c_str()));
                draw(a, 0);
            }
        } else {
            // A phone: the four actions in one menu, so the cards keep the screen.
            std::string menu = std::string(tr(Text::BulkActions)) + "  " + icon::CaretDown + "##bulk-actions";
            next(buttonWidth(menu.c_str()));
            if (button(menu.c_str(), ButtonStyle::Primary, ImVec2(buttonWidth(menu.c_str()), h))) ImGui::OpenPopup("##bulk-actions-menu");
            a11y::lastName(tr(Text::BulkActions));
            ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + 4));
            ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 12));
            if (ImGui::BeginPopup("##bulk-actions-menu")) {
                float w = std::min(320.0f, ImGui::GetMainViewport()->WorkSize.x - 48);
                for (const Action& a : actions) draw(a, w);
                gateNotes();
                ImGui::EndPopup();
            }
            ImGui::PopStyleVar();
        }
    }
    ImGui::PopStyleVar();
    ImGui::EndGroup();
    ImVec2 bottom = ImGui::GetItemRectMax();
    dl->ChannelsSetCurrent(0);
    if (n > 0) dl->AddRectFilled(top, ImVec2(top.x + width, bottom.y + pad), color::rgb(237, 242, 252), 8);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom.y + pad));
    ImGui::Dummy(ImVec2(width, 0));
    gateNotes();
    ImGui::Dummy(ImVec2(0, 2));
}

}  // namespace rc::ui
