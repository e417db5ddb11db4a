// Customers and invoices as cards, for phones: one card per row of the list, as tall as
// kCustomerCardHeight / kInvoiceCardHeight so a windowed list can place them like table rows.
// The whole card opens the customer or invoice; the customer card's Manage says so in words.
#pragma once
#include <cstdint>
#include <string>

#include "core/store.h"
#include "imgui.h"
#include "ui/a11y/a11y_tree.h"

namespace rc::ui {

constexpr float kCustomerCardHeight = 112;
constexpr float kInvoiceCardHeight = 92;

// Draws at the cursor, `width` wide; returns true when it was tapped.
bool customerCard(const Customer& c, float width);
bool invoiceCard(const Invoice& inv, float width);
// A card whose row is on its way (the list's block has not arrived).
void placeholderCard(float width, float height);

// Rows first..last of a windowed list (kit/list_scroller.h) as cards at the cursor, one list for
// the accessibility mirror called `name` with an item per card (its place in the whole list);
// `card(row)` draws a loaded row's card, a placeholder stands in for the others.
template <class Rows, class Card>
void cardRows(const std::string& name, const Rows& rows, std::int64_t first, std::int64_t last, float width, float height, Card card) {
    a11y::beginList(name);
    for (std::int64_t i = first; i <= last; ++i) {
        ImGui::PushID(static_cast<int>(i % 100000));
        a11y::beginListItem(i + 1, rows.total());
        if (const auto* row = rows.row(i)) card(*row);
        else placeholderCard(width, height);
        a11y::end();
        ImGui::PopID();
    }
    a11y::end();
}

}  // namespace rc::ui
