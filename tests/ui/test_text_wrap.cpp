// Word wrap: a line breaks at blanks only, never inside a date or an amount after one of its
// dots or commas (Dear ImGui's own rule also breaks after . , ; ! ? " inside a word; the build
// compiles it without that, CMakeLists.txt).
#include <doctest/doctest.h>

#include <string>

#include "imgui.h"

namespace {

struct FontContext {
    FontContext() {
        ImGui::CreateContext();
        ImGui::GetIO().Fonts->AddFontDefault();
        unsigned char* pixels;
        int w, h;
        ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    }
    ~FontContext() { ImGui::DestroyContext(); }
    ImFont* font() const { return ImGui::GetIO().Fonts->Fonts[0]; }
    float width(const std::string& s) const { return font()->CalcTextSizeA(font()->FontSize, 1e9f, 0, s.c_str()).x; }
    // The first line of `text` wrapped at `wrapWidth`.
    std::string firstLine(const std::string& text, float wrapWidth) const {
        const char* eol = font()->CalcWordWrapPositionA(1.0f, text.c_str(), text.c_str() + text.size(), wrapWidth);
        return std::string(text.c_str(), eol);
    }
};

}  // namespace

TEST_CASE("a wrapped line breaks at a blank, not after a dot or comma inside a date or an amount") {
    FontContext f;
    // Room for "ab 23." and a little more, not for the whole date.
    struct Case { const char* text; const char* fits; };
    for (const Case& c : {Case{"ab 23.12.2026 läuft", "ab 23."}, Case{"für 1.392,19 € pro Monat", "für 1."},
                          Case{"total 1,392.19 a month", "total 1,"}, Case{"Liste Kunden;Rechnungen", "Liste Kunden;"}}) {
        INFO(c.text);
        std::string line = f.firstLine(c.text, f.width(c.fits) + 1);
        std::string word(c.fits);
        word = word.substr(0, word.find(' '));
        CHECK(line.find_first_not_of(' ') != std::string::npos);
        // The line ends before the token that holds the dot or comma.
        CHECK(line.size() <= word.size() + 1);
    }
    // A blank is still where a line breaks, and a word longer than the line is still cut.
    CHECK(f.firstLine("Testphase endet heute", f.width("Testphase endet") + 2) == "Testphase endet");
    std::string longWord = "Lizenzanzahlfestlegungsdialog";
    CHECK(f.firstLine(longWord, f.width("Lizenz") + 1).size() < longWord.size());
}
