#include "ui/kit/date_picker.h"

#include <algorithm>
#include <unordered_map>

#include "core/calendar.h"
#include "core/format.h"
#include "core/i18n.h"
#include "imgui_internal.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {
namespace {

using calendar::Day;
using calendar::Move;

struct Picker {
    Day cursor;          // the day the keys move from; its month is the one shown
    bool focus = false;  // put ImGui's (and so the page's) focus on the cursor's day this frame
    bool ring = false;   // ...showing it: the keyboard moved it
};
std::unordered_map<ImGuiID, Picker> gPickers;

// The keys the calendar takes while it is open; Shift with Page Up/Down moves a year.
struct KeyMove {
    ImGuiKey key;
    Move move, shifted;
};
constexpr KeyMove kKeys[] = {
    {ImGuiKey_LeftArrow, Move::Left, Move::Left},        {ImGuiKey_RightArrow, Move::Right, Move::Right},
    {ImGuiKey_UpArrow, Move::Up, Move::Up},              {ImGuiKey_DownArrow, Move::Down, Move::Down},
    {ImGuiKey_PageUp, Move::PageUp, Move::YearUp},       {ImGuiKey_PageDown, Move::PageDown, Move::YearDown},
    {ImGuiKey_Home, Move::WeekStart, Move::WeekStart},   {ImGuiKey_End, Move::WeekEnd, Move::WeekEnd},
};

// A square button with an icon and a spoken name (month back and on).
bool iconButton(const char* icon, const char* id, const char* name, float size) {
    std::string label = std::string(icon) + "##" + id;
    bool pressed = button(label.c_str(), ButtonStyle::Ghost, ImVec2(size, size));
    a11y::lastName(name);
    return pressed;
}

}  // namespace

std::optional<std::string> datePicker(const char* id, const std::string& fieldName, const std::string& day, float size) {
    std::optional<std::string> picked;
    Language lang = language();
    ImGui::PushID(id);
    Picker& p = gPickers[ImGui::GetID("##picker")];
    std::string openLabel = std::string(icon::Calendar) + "##open";
    bool open = button(openLabel.c_str(), ButtonStyle::Secondary, ImVec2(size, size));
    a11y::lastName(format::fill(tr(Text::ChooseDateFor), fieldName));
    ImGuiID opener = ImGui::GetItemID();
    ImGuiWindow* openerWindow = ImGui::GetCurrentWindow();
    ImRect openerRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    std::optional<Day> chosen = calendar::fromIso(day);
    if (open) {
        p.cursor = chosen.value_or(calendar::fromIso(today()).value_or(Day{}));
        p.focus = true;
        // Opened from the keyboard or the mirror (no click this frame): the focus goes to the day, shown.
        p.ring = !ImGui::IsMouseReleased(ImGuiMouseButton_Left);
        ImGui::OpenPopup("##calendar");
    }

    float cell = std::max(36.0f, tappable(36));
    float pad = 12;
    float width = 7 * cell + 2 * pad;
    // Under the button, its right edge at the button's, on the screen.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float x = std::clamp(openerRect.Max.x - width, vp->Pos.x + 8, std::max(vp->Pos.x + 8, vp->Pos.x + vp->Size.x - width - 8));
    ImGui::SetNextWindowPos(ImVec2(x, openerRect.Max.y + 4));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, 10);
    ImGui::PushStyleVar(ImGuiStyleVar_PopupBorderSize, 1);
    // The calendar moves its day itself: ImGui's arrow navigation would jump between buttons.
    bool shown = ImGui::BeginPopup("##calendar", ImGuiWindowFlags_NoNavInputs | ImGuiWindowFlags_NoSavedSettings |
                                                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar(3);
    if (!shown) {
        ImGui::PopID();
        return picked;
    }
    a11y::beginDialog(tr(Text::ChooseDate));
    bool close = false;
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !open) {
        bool shift = ImGui::GetIO().KeyShift;
        for (const KeyMove& k : kKeys)
            if (ImGui::IsKeyPressed(k.key)) {
                p.cursor = calendar::move(p.cursor, shift ? k.shifted : k.move, lang);
                p.focus = p.ring = true;
            }
        if (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false) ||
            ImGui::IsKeyPressed(ImGuiKey_Space, false))
            picked = calendar::iso(p.cursor);
        if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) close = true;
    }

    // The month: back, its name, on.
    float top = ImGui::GetCursorPosY();
    if (iconButton(icon::ChevronLeft, "previous", tr(Text::PreviousMonth), cell)) p.cursor = calendar::addMonths(p.cursor, -1);
    std::string title = calendar::monthTitle(p.cursor.year, p.cursor.month, lang);
    ImGui::PushFont(fonts().medium);
    float titleW = ImGui::CalcTextSize(title.c_str()).x;
    ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(pad + (7 * cell - titleW) * 0.5f, top + (cell - ImGui::GetFontSize()) * 0.5f));
    text(title, color::Text, fonts().medium, "heading");
    ImGui::SetCursorPos(ImVec2(pad + 6 * cell, top));
    if (iconButton(icon::ChevronRight, "next", tr(Text::NextMonth), cell)) p.cursor = calendar::addMonths(p.cursor, 1);

    // The days, a row per week.
    int firstColumn = calendar::column(Day{p.cursor.year, p.cursor.month, 1}, lang);
    int days = calendar::daysInMonth(p.cursor.year, p.cursor.month);
    int rows = (firstColumn + days + 6) / 7;
    std::optional<Day> now = calendar::fromIso(today());
    a11y::beginCalendarGrid(title, rows + 1, 7);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(0, 0));  // the days touch: one tap target each
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 2));  // rows as tall as a day, not a day and a gap
    bool table = ImGui::BeginTable("##days", 7, ImGuiTableFlags_NoPadInnerX | ImGuiTableFlags_NoPadOuterX, ImVec2(7 * cell, 0));
    if (table) {
        for (int c = 0; c < 7; ++c) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, cell);
        ImGui::TableNextRow(0, 24);
        a11y::beginRow(1, true);
        for (int c = 0; c < 7; ++c) {
            ImGui::TableSetColumnIndex(c);
            const char* head = calendar::weekdayShort(c, lang);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (cell - ImGui::CalcTextSize(head).x) * 0.5f);
            text(head, color::TextMuted, fonts().small);
        }
        a11y::end();
        for (int r = 0; r < rows; ++r) {
            ImGui::TableNextRow(0, cell);
            a11y::beginRow(r + 2);
            for (int c = 0; c < 7; ++c) {
                int d = r * 7 + c - firstColumn + 1;
                ImGui::TableSetColumnIndex(c);
                if (d < 1 || d > days) continue;
                Day at{p.cursor.year, p.cursor.month, d};
                bool isPicked = chosen && *chosen == at;
                std::string label = std::to_string(d) + "##" + calendar::iso(at);
                ImGuiID dayId = ImGui::GetID(label.c_str());
                if (button(label.c_str(), isPicked ? ButtonStyle::Primary : ButtonStyle::Ghost, ImVec2(cell, cell))) {
                    picked = calendar::iso(at);
                    p.cursor = at;
                }
                a11y::lastName(calendar::spoken(at, lang));
                a11y::lastSelected(isPicked);
                if (at == p.cursor) a11y::lastCurrent();
                ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
                if (now && *now == at && !isPicked)  // today: a ring
                    ImGui::GetWindowDrawList()->AddCircle(ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f), cell * 0.42f, color::Accent, 0, 1.5f);
                // Only once the day is really drawn: a popup's first frame lays it out unseen.
                if (p.focus && at == p.cursor && ImGui::GetItemID() == dayId && ImGui::IsItemVisible()) {
                    ImGui::SetFocusID(dayId, ImGui::GetCurrentWindow());
                    // The page's focus follows ImGui's only when its highlight shows (a11y_tree.cpp).
                    if (p.ring) ImGui::GetCurrentContext()->NavDisableHighlight = false;
                    p.focus = false;
                }
            }
            a11y::end();
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar(2);
    if (p.focus) requestAnimation();  // the day is not drawn yet: the next frame puts the focus there
    a11y::end();  // grid
    if (picked || close) {
        ImGui::CloseCurrentPopup();
        // Back to the button, as a dialog gives the focus back to its opener.
        ImGui::SetFocusID(opener, openerWindow);
    }
    a11y::end();  // dialog
    ImGui::EndPopup();
    ImGui::PopID();
    return picked;
}

}  // namespace rc::ui
