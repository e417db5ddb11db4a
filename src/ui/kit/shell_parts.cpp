#include "ui/kit/shell_parts.h"

#include <cfloat>
#include <string>

#include "imgui_internal.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/theme.h"

namespace rc::ui {

bool navEntry(const char* glyph, const char* label, bool selected, EntryStyle style, float width) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImVec2 size = style == EntryStyle::Rail ? ImVec2(width, tappable(62)) : ImVec2(width, tappable(40));
    std::string id = std::string("##menu-") + label;
    bool clicked = ImGui::InvisibleButton(id.c_str(), size);
    // InvisibleButton registers its "##" id; the registry wants the words a person sees.
    if (auto* reg = currentRegistry()) reg->record(label, "menu", p.x, p.y, size.x, size.y);
    a11y::lastSelected(selected);
    bool hovered = ImGui::IsItemHovered() && !shell().touch;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 fg = selected ? color::Accent : color::rgb(60, 66, 78);
    ImFont* font = selected ? fonts().medium : fonts().body;
    if (style == EntryStyle::Rail) {
        // The pill behind the icon says where you are; the label stays readable under it.
        ImVec2 pill(p.x + (size.x - 52) * 0.5f, p.y + 6);
        if (selected || hovered)
            dl->AddRectFilled(pill, ImVec2(pill.x + 52, pill.y + 30), selected ? color::AccentSoft : color::rgb(241, 243, 246), 15);
        ImVec2 gs = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, glyph);
        dl->AddText(font, font->FontSize, ImVec2(pill.x + (52 - gs.x) * 0.5f, pill.y + (30 - gs.y) * 0.5f),
                    selected ? color::Accent : color::TextMuted, glyph);
        ImFont* small = fonts().small;
        ImVec2 ls = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, label);
        dl->AddText(small, small->FontSize, ImVec2(p.x + (size.x - ls.x) * 0.5f, pill.y + 34), fg, label);
    } else {
        if (selected || hovered)
            dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), selected ? color::AccentSoft : color::rgb(243, 245, 248), 8);
        float ty = p.y + (size.y - font->FontSize) * 0.5f;
        dl->AddText(font, font->FontSize, ImVec2(p.x + 14, ty), selected ? color::Accent : color::TextMuted, glyph);
        dl->AddText(font, font->FontSize, ImVec2(p.x + 44, ty), fg, label);
    }
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return clicked;
}

void productMark(ImVec2 p, float size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size, p.y + size), color::Accent, size * 0.25f);
    ImGui::PushFont(fonts().medium);
    ImVec2 ts = ImGui::CalcTextSize("SC");
    dl->AddText(ImVec2(p.x + (size - ts.x) * 0.5f, p.y + (size - ts.y) * 0.5f), color::Surface, "SC");
    ImGui::PopFont();
}

bool beginRegion(const char* id, const Box& box, ImVec2 padding, bool borderRight, bool borderBottom) {
    ImGui::SetCursorScreenPos(ImVec2(box.x, box.y));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 0);
    bool open = ImGui::BeginChild(id, ImVec2(box.w, box.h), ImGuiChildFlags_AlwaysUseWindowPadding,
                                  ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar(3);
    ImVec2 wp = ImGui::GetWindowPos();
    // A child clips half its padding off its edges; the border sits on the edge itself.
    ImGui::PushClipRect(wp, ImVec2(wp.x + box.w, wp.y + box.h), false);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (borderRight) dl->AddLine(ImVec2(wp.x + box.w - 0.5f, wp.y), ImVec2(wp.x + box.w - 0.5f, wp.y + box.h), color::Border);
    if (borderBottom) dl->AddLine(ImVec2(wp.x, wp.y + box.h - 0.5f), ImVec2(wp.x + box.w, wp.y + box.h - 0.5f), color::Border);
    ImGui::PopClipRect();
    return open;
}

void endRegion() { ImGui::EndChild(); }

}  // namespace rc::ui
