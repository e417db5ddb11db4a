#pragma once
#include "core/store.h"
#include "imgui.h"

namespace rc::ui {

// The customer list's selection (issue 19): a checkbox per row and "select this page" in the
// header; on phones a Select mode in which a tap on a card picks it; and above the list the
// selection bar: how many are selected, "Select all N matching" (the server then acts by the
// list's filter), Clear, and the bulk actions, each disabled with its reason for a role that may
// not use it or while offline. The checkboxes' states reach the mirror as aria-checked.

// A row's checkbox, centred in a row `rowHeight` tall (the cursor at the cell's top).
void selectBox(Store& store, const Customer& c, float rowHeight);
// The header's "select this page": ticked when every row on screen is picked.
void selectPageBox(Store& store, float headerHeight);
// A card's checkbox in select mode, centred at `centre`.
void selectCardBox(Store& store, const Customer& c, ImVec2 centre);
float selectBoxWidth();
// Whether a tap on a card picks it rather than opening the customer (phones, select mode).
bool selectingCards(const Store& store);

// The line above the list; nothing while no customer is picked and, on phones, select mode is off.
void selectionBar(Store& store, float width);
// Phones, nothing picked, select mode off: Select goes with the list's tools (the bar would be a
// line of its own for one button), `height` tall; false when it has no place now.
bool selectModeInTools(const Store& store);
float selectModeButtonWidth();
void selectModeButton(Store& store, float height);

}  // namespace rc::ui
