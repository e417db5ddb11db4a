// A kiosk's "Still there? Touch to continue", with the seconds until it starts over. Drawn over
// everything, dialogs included; the page holds back every touch, click and key from the console
// while it shows (src/web/kiosk_input.*), so the touch that answers it cannot also press what
// lies beneath.
#pragma once
#include "core/store.h"

namespace rc::ui {

void kioskNotice(const Store& store);

}  // namespace rc::ui
