// Customers and invoices as cards, for phones: one card per row of the list, as tall as
// kCustomerCardHeight / kInvoiceCardHeight so a windowed list can place them like table rows.
// The whole card opens the customer or invoice; the customer card's Manage says so in words.
#pragma once
#include "core/store.h"

namespace rc::ui {

constexpr float kCustomerCardHeight = 112;
constexpr float kInvoiceCardHeight = 92;

// Draws at the cursor, `width` wide; returns true when it was tapped.
bool customerCard(const Customer& c, float width);
bool invoiceCard(const Invoice& inv, float width);
// A card whose row is on its way (the list's block has not arrived).
void placeholderCard(float width, float height);

}  // namespace rc::ui
