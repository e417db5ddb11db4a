// The customer list's tools beside its search and filter (issue 19): Import (the import
// dialog) and Export CSV, a small menu of the two formats whose download carries the list's
// search, status and sort.
#pragma once
#include "core/store.h"

namespace rc::ui {

// The width both buttons take (to decide whether they share the filter line).
float listToolsWidth();
// Both buttons at the cursor, on one line; each disabled with the reason for roles that may
// not use it (Import: manage_customers; Export: export_billing) and while offline.
void listTools(Store& store, float height);  // as tall as the filter beside them

}  // namespace rc::ui
