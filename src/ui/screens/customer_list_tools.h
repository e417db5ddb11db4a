// The customer list's tools beside its search and filter (issue 19): Import (the import
// dialog) and Export CSV, a small menu of the two formats whose download carries the list's
// search, status and sort.
#pragma once
#include "core/store.h"

namespace rc::ui {

// The width both buttons take (to decide whether they share the filter line).
float listToolsWidth();
float listToolsWidth(const Store& store);  // with Select where it joins them (phones)
// On a phone the tools do not fit one line: Views and Select stay, and Import, Export CSV and
// Take over customer… go in a "More" menu, so the list under them keeps its room.
bool listToolsCompact(const Store& store, float width);
// Both buttons at the cursor, on one line; each disabled with the reason for roles that may
// not use it (Import: manage_customers; Export: export_billing) and while offline.
// As tall as the filter beside them, from the cursor to `right` on one line where they fit,
// else over as many lines as they need from `left`.
void listTools(Store& store, float height, float left, float right);

}  // namespace rc::ui
