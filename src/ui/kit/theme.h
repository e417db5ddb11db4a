// The console's look: a calm, light theme and the fonts, rasterised for the screen's pixel ratio.
#pragma once
#include <string>

#include "imgui.h"

namespace rc::ui {

struct Fonts {
    ImFont* body = nullptr;    // Roboto Regular 15
    ImFont* medium = nullptr;  // Roboto Medium 15
    ImFont* small = nullptr;   // Roboto Regular 13
    ImFont* title = nullptr;   // Roboto Medium 24
    ImFont* huge = nullptr;    // Roboto Medium 30, for figures on the dashboard
};

// Palette shared by every screen (ImU32 in ABGR, as ImGui wants). Every text and badge colour
// meets WCAG AA on the backgrounds it is drawn on (tests/ui/test_contrast.cpp computes it);
// setHighContrast() swaps in a stronger set when the browser asks for more contrast.
namespace color {
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) { return (a << 24) | (b << 16) | (g << 8) | r; }
inline ImU32 Page = rgb(246, 247, 249);
inline ImU32 Surface = rgb(255, 255, 255);
inline ImU32 Border = rgb(228, 231, 236);
inline ImU32 Text = rgb(23, 28, 38);
inline ImU32 TextMuted = rgb(88, 96, 110);
inline ImU32 TextFaint = rgb(104, 111, 124);
inline ImU32 Accent = rgb(20, 96, 214);
inline ImU32 AccentHover = rgb(17, 84, 190);
inline ImU32 AccentActive = rgb(14, 72, 165);
inline ImU32 AccentSoft = rgb(232, 240, 254);
inline ImU32 Danger = rgb(197, 34, 31);
inline ImU32 DangerSoft = rgb(252, 232, 230);
inline ImU32 Success = rgb(19, 115, 51);
inline ImU32 SuccessSoft = rgb(230, 244, 234);
inline ImU32 Warning = rgb(158, 84, 0);
inline ImU32 WarningSoft = rgb(254, 247, 224);
inline ImU32 Neutral = rgb(95, 99, 104);
inline ImU32 NeutralSoft = rgb(241, 243, 244);
}  // namespace color

// Icons from Fork Awesome, merged into the text fonts.
namespace icon {
constexpr const char* Dashboard = "\xef\x83\xa4";  // U+F0E4
constexpr const char* Customers = "\xef\x83\x80";  // U+F0C0
constexpr const char* Invoices = "\xef\x83\xb6";   // U+F0F6
constexpr const char* SignOut = "\xef\x82\x8b";    // U+F08B
constexpr const char* Google = "\xef\x86\xa0";     // U+F1A0
constexpr const char* Warning = "\xef\x81\xaa";    // U+F06A
constexpr const char* Inbox = "\xef\x80\x9c";      // U+F01C
constexpr const char* Globe = "\xef\x82\xac";      // U+F0AC
constexpr const char* Refresh = "\xef\x80\xa1";    // U+F021
constexpr const char* User = "\xef\x8a\xbd";       // U+F2BD
constexpr const char* Minus = "\xef\x81\xa8";      // U+F068
constexpr const char* Plus = "\xef\x81\xa7";       // U+F067
constexpr const char* ChevronLeft = "\xef\x81\x93";  // U+F053
constexpr const char* ChevronRight = "\xef\x81\x94";  // U+F054
constexpr const char* Calendar = "\xef\x81\xb3";  // U+F073
constexpr const char* CaretUp = "\xef\x83\x98";    // U+F0D8
constexpr const char* CaretDown = "\xef\x83\x97";  // U+F0D7
constexpr const char* Lock = "\xef\x80\xa3";       // U+F023
constexpr const char* Team = "\xef\x8b\x81";       // U+F2C1 (id-badge)
constexpr const char* Billing = "\xef\x86\x9c";    // U+F19C (a bank building)
}  // namespace icon

// `touch`: frames and spacing sized for fingers (44 px controls).
void applyTheme(bool touch = false);
// prefers-contrast: more — darker text, borders and accents (then applyTheme() again).
void setHighContrast(bool on);
bool highContrast();
// Loads the UI fonts from `fontDir` (Roboto + Fork Awesome); falls back to ImGui's built-in font
// when they are missing (native tests). `density` is the devicePixelRatio.
Fonts loadFonts(const std::string& fontDir, float density);
const Fonts& fonts();

}  // namespace rc::ui
