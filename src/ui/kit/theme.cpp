#include "ui/kit/theme.h"

#include <cstdio>
#include <cstdlib>

#include "imgui_internal.h"
#include "ui/text/font_files.h"
#include "ui/text/glyph_ranges.h"
#include "ui/text/script_fonts.h"

namespace rc::ui {
namespace {

Fonts gFonts;

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

const Fonts& fonts() { return gFonts; }

namespace {
bool gHighContrast = false;
}

bool highContrast() { return gHighContrast; }

void setHighContrast(bool on) {
    using namespace color;
    gHighContrast = on;
    Page = on ? rgb(255, 255, 255) : rgb(246, 247, 249);
    Border = on ? rgb(110, 116, 128) : rgb(228, 231, 236);
    Text = on ? rgb(0, 0, 0) : rgb(23, 28, 38);
    TextMuted = on ? rgb(45, 50, 60) : rgb(88, 96, 110);
    TextFaint = on ? rgb(55, 60, 70) : rgb(104, 111, 124);
    Accent = on ? rgb(0, 64, 160) : rgb(20, 96, 214);
    AccentHover = on ? rgb(0, 52, 135) : rgb(17, 84, 190);
    AccentActive = on ? rgb(0, 42, 110) : rgb(14, 72, 165);
    Danger = on ? rgb(150, 20, 18) : rgb(197, 34, 31);
    Success = on ? rgb(10, 80, 34) : rgb(19, 115, 51);
    Warning = on ? rgb(110, 58, 0) : rgb(158, 84, 0);
    Neutral = on ? rgb(50, 54, 60) : rgb(95, 99, 104);
}

void applyTheme(bool touch) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    s.WindowPadding = ImVec2(0, 0);
    s.WindowRounding = 0;
    s.WindowBorderSize = 0;
    s.ChildRounding = 10;
    s.ChildBorderSize = 1;
    s.PopupRounding = 8;
    s.PopupBorderSize = 1;
    s.FramePadding = ImVec2(12, 9);
    s.FrameRounding = 7;
    s.FrameBorderSize = 1;
    s.ItemSpacing = ImVec2(12, 10);
    s.ItemInnerSpacing = ImVec2(8, 6);
    s.CellPadding = ImVec2(14, 12);
    s.ScrollbarSize = 12;
    s.ScrollbarRounding = 6;
    s.GrabRounding = 6;
    s.SelectableTextAlign = ImVec2(0, 0.5f);
    if (touch) {
        // A 15 px font in a 44 px frame: every field and button is a comfortable tap.
        s.FramePadding = ImVec2(14, 14.5f);
        s.ItemSpacing = ImVec2(12, 12);
    }
    s.ButtonTextAlign = ImVec2(0.5f, 0.5f);

    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = v4(color::Text);
    c[ImGuiCol_TextDisabled] = v4(color::TextFaint);
    c[ImGuiCol_WindowBg] = v4(color::Page);
    c[ImGuiCol_ChildBg] = v4(color::Surface);
    c[ImGuiCol_PopupBg] = v4(color::Surface);
    c[ImGuiCol_Border] = v4(color::Border);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = v4(color::Surface);
    c[ImGuiCol_FrameBgHovered] = v4(color::rgb(250, 251, 252));
    c[ImGuiCol_FrameBgActive] = v4(color::Surface);
    c[ImGuiCol_Button] = v4(color::Surface);
    c[ImGuiCol_ButtonHovered] = v4(color::rgb(243, 245, 248));
    c[ImGuiCol_ButtonActive] = v4(color::rgb(232, 236, 241));
    c[ImGuiCol_Header] = v4(color::AccentSoft);
    c[ImGuiCol_HeaderHovered] = v4(color::rgb(241, 244, 248));
    c[ImGuiCol_HeaderActive] = v4(color::AccentSoft);
    c[ImGuiCol_TableHeaderBg] = v4(color::rgb(249, 250, 251));
    c[ImGuiCol_TableBorderStrong] = v4(color::Border);
    c[ImGuiCol_TableBorderLight] = v4(color::rgb(238, 240, 243));
    c[ImGuiCol_TableRowBg] = v4(color::Surface);
    c[ImGuiCol_TableRowBgAlt] = v4(color::Surface);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = v4(color::rgb(210, 214, 220));
    c[ImGuiCol_ScrollbarGrabHovered] = v4(color::rgb(190, 195, 203));
    c[ImGuiCol_ScrollbarGrabActive] = v4(color::rgb(170, 176, 186));
    c[ImGuiCol_Separator] = v4(color::Border);
    c[ImGuiCol_TextSelectedBg] = v4((color::Accent & 0x00FFFFFFu) | (60u << 24));
    c[ImGuiCol_NavHighlight] = v4(color::Accent);
    c[ImGuiCol_CheckMark] = v4(color::Accent);
    c[ImGuiCol_ModalWindowDimBg] = v4(color::rgb(15, 23, 42, 90));
}

Fonts loadFonts(const std::string& dir, float density) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // In the browser the page downloaded these beside app.wasm (web/console.js); else the disk.
    const std::string* regular = fontFile(dir + "/Roboto-Regular.ttf");
    const std::string* medium = fontFile(dir + "/Roboto-Medium.ttf");
    const std::string* icons = fontFile(dir + "/forkawesome-webfont.ttf");
    if (!regular || !medium) {
#ifdef __EMSCRIPTEN__
        // The page starts the program only once it has the fonts (web/console.js): ImGui's own
        // font is not linked into app.wasm (12 KB of data), so this is the page's error.
        std::fprintf(stderr, "loadFonts: the page handed over no UI fonts\n");
        std::abort();
#else
        ImFont* f = io.Fonts->AddFontDefault();
        gFonts = Fonts{f, f, f, f, f};
        return gFonts;
#endif
    }
    const ImWchar* textRanges = scriptFonts().baseRanges();
    const ImWchar* iconRanges = kIconGlyphs;
    // Script fonts (Greek, Hebrew, CJK...) are merged at the base font's em size.
    static float baseHeightPerEm = 0;
    if (baseHeightPerEm <= 0) baseHeightPerEm = ScriptFonts::heightPerEm(*regular);
    // The atlas grows with each script's characters: no rounding of its height up to a power of
    // two (WebGL 2 takes any height), which would double its memory for a few more glyphs.
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    // The bytes stay in font_files.cpp across atlas rebuilds: the atlas neither copies nor frees them.
    auto fromMemory = [&](const std::string& bytes, float size, ImFontConfig* cfg, const ImWchar* ranges) {
        cfg->FontDataOwnedByAtlas = false;
        return io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(bytes.data()), static_cast<int>(bytes.size()), size, cfg, ranges);
    };
    auto add = [&](const std::string& bytes, float size, FontWeight weight, bool names = true) {
        ImFontConfig cfg;
        cfg.RasterizerDensity = density;
        cfg.OversampleH = 2;
        cfg.OversampleV = 1;
        ImFont* font = fromMemory(bytes, size, &cfg, names ? textRanges : kFigureGlyphs);
        if (icons) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.RasterizerDensity = density;
            merge.GlyphMinAdvanceX = size;
            merge.GlyphOffset = ImVec2(0, 1);
            fromMemory(*icons, size * 0.95f, &merge, iconRanges);
        }
        if (names) scriptFonts().mergeInto(*io.Fonts, weight, size, density, baseHeightPerEm);
        return font;
    };
    gFonts.body = add(*regular, 15.0f, FontWeight::Regular);
    gFonts.medium = add(*medium, 15.0f, FontWeight::Medium);
    gFonts.small = add(*regular, 13.0f, FontWeight::Regular);
    gFonts.title = add(*medium, 24.0f, FontWeight::Medium);
    gFonts.huge = add(*medium, 30.0f, FontWeight::Medium, /*names=*/false);  // figures only, never names
    io.FontDefault = gFonts.body;
    // Built by stb_truetype straight away: ImFontAtlas::Build() would add ImGui's own font to an
    // empty atlas, and linking it keeps that font's 12 KB of data in app.wasm.
    ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(io.Fonts);
    scriptFonts().atlasBuilt();
    // A character whose script font is still on its way is left blank (its width held), not "?".
    for (ImFont* f : io.Fonts->Fonts)
        if (const ImFontGlyph* space = f->FindGlyphNoFallback(' ')) f->FallbackGlyph = space;
    return gFonts;
}

}  // namespace rc::ui
