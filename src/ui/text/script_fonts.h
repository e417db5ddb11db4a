// Fonts for names in other scripts (Latin Extended, Greek, Cyrillic, Hebrew, Arabic, CJK): which per-script file
// (assets/script_fonts.txt) a drawn character needs, fetching it once through the transport,
// and which of its characters go into the glyph atlas. Text in Latin-1 never fetches anything.
#pragma once
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/http.h"
#include "imgui.h"

namespace rc::ui {

enum class FontWeight { Regular, Medium };

struct ScriptFontFile {
    const char* name;       // dist/fonts/<name>.ttf
    FontWeight weight;
    bool wholeInAtlas;      // all its characters go into the atlas once it loads (small alphabets)
    const ImWchar* coverage;  // the characters it answers for: pairs, zero-terminated
};

class ScriptFonts {
public:
    ScriptFonts();
    ~ScriptFonts();

    // Notes the characters of a text being drawn or typed. Cheap for text seen before and for ASCII.
    void need(std::string_view utf8);
    // Notes the characters of data that arrived (an API answer's JSON, its \\uXXXX escapes too):
    // the small alphabets' files (Latin Extended, Greek, Cyrillic, Hebrew) that draw them, both
    // weights, are fetched with the next fetchWanted, so a name seen online is drawn offline
    // even if it was not drawn then. Large files (Arabic, CJK) still wait until drawn.
    void arrived(std::string_view json);
    // Asks the transport for every file a drawn character waits for (a file that failed is asked
    // again after `retrySeconds`). `now` is in seconds on any steady clock.
    void fetchWanted(Transport& transport, double now, const std::string& baseUrl = "fonts/");
    // A file's bytes arrived (or a test provides them); false when they are not a font.
    bool accept(const std::string& name, std::string bytes);
    void failed(const std::string& name, double now);

    // New characters can be drawn since the atlas was last built: rebuild it.
    bool atlasStale() const { return stale_; }
    // The base fonts' characters for the atlas (glyph ranges, zero-terminated): kTextGlyphs.
    const ImWchar* baseRanges() const;
    // Merges the loaded files of `weight` (Medium falls back to Regular files) into the font
    // ImGui added last, scaled so that their em matches the base font's (`baseHeightPerEm`:
    // the base font's ascent minus descent, in ems, which ImGui sizes fonts by).
    void mergeInto(ImFontAtlas& atlas, FontWeight weight, float size, float density, float baseHeightPerEm);
    void atlasBuilt() { stale_ = false; }

    // The file that draws `cp` at `weight` (its name), "" while none does yet.
    std::string drawnBy(char32_t cp, FontWeight weight) const;
    // Files requested and not answered yet, by name.
    std::vector<std::string> inFlight() const;
    void reset();  // tests: forget everything

    static float heightPerEm(const std::string& fontBytes);  // 0 when not a font

private:
    struct File;
    void place();
    bool placeOne(char32_t cp, FontWeight weight);
    std::vector<std::unique_ptr<File>> files_;
    std::vector<bool> seen_;                        // every BMP code point noted so far
    std::set<std::pair<char32_t, int>> waiting_;    // (code point, weight) not placed yet
    bool stale_ = false;
    double retryAfter_ = 10.0;
};

ScriptFonts& scriptFonts();

}  // namespace rc::ui
