// Numbers the page and the wasm exchange that are not the store's or a view's own types: the
// page's events and the browser's display preferences. web/codes.js is generated from these
// enums, and from the store's and the mirror's (src/toolchain/web_codes.py), so the two sides
// cannot drift apart; the page names them as codes.PageEvent.Online and so on.
#pragma once

namespace rc::web {

// What web/offline.js and web/pwa.js report through rc_on_offline_event.
enum class PageEvent { Online = 1, Offline = 2, UpdateReady = 3 };

// The browser's wishes, as bits (read at start-up, and from web/a11y.js when they change).
enum Preference : int { ReducedMotion = 1, MoreContrast = 2 };

}  // namespace rc::web
