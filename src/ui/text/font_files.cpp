#include "ui/text/font_files.h"

#include <cstdio>
#include <map>

namespace rc::ui {
namespace {

// Kept for the program's life: the atlas is rebuilt from these bytes (new characters, another
// pixel ratio) without copying them (ImFontConfig::FontDataOwnedByAtlas = false).
std::map<std::string, std::string>& files() {
    static std::map<std::string, std::string> instance;
    return instance;
}

bool readFile(const std::string& path, std::string& out) {
#ifdef __EMSCRIPTEN__
    (void)path, (void)out;
    return false;  // no file system in the browser (-sFILESYSTEM=0): the page provides them
#else
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    char buf[16384];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
    std::fclose(f);
    return !out.empty();
#endif
}

}  // namespace

void provideFontFile(const std::string& path, std::string bytes) { files()[path] = std::move(bytes); }

const std::string* fontFile(const std::string& path) {
    auto it = files().find(path);
    if (it != files().end()) return &it->second;
    std::string bytes;
    if (!readFile(path, bytes)) return nullptr;  // not cached: a test may provide it later
    return &(files()[path] = std::move(bytes));
}

}  // namespace rc::ui
