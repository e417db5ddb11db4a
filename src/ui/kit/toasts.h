// The store's toasts at the bottom right, newest at the bottom: a coloured dot for their kind,
// their words in the language of this frame (a language switch re-words them) and a close
// button; an error is announced at once (role=alert).
#pragma once
#include "core/store.h"

namespace rc::ui {

void drawToasts(Store& store);

}  // namespace rc::ui
