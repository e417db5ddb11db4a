// The UI fonts' bytes (Roboto, the icons), by path. In the browser the page fetches them beside
// app.wasm (a cache-first file of the service worker's) and hands them over before main();
// elsewhere (native tests) they are read from the disk once. The atlas reads them from here.
#pragma once
#include <string>

namespace rc::ui {

// Bytes for `path` from now on (the page's download of that font).
void provideFontFile(const std::string& path, std::string bytes);
// The bytes of `path`: provided, else read from the disk once; nullptr when neither has them.
const std::string* fontFile(const std::string& path);

}  // namespace rc::ui
