#include "ui/kit/list_cards.h"

#include "core/format.h"
#include "core/i18n.h"
#include "imgui_internal.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/text/shown_text.h"

namespace rc::ui {

bool cardFrame(const char* id, const std::string& name, float width, float height, ImVec2& at) {
    at = ImGui::GetCursorScreenPos();
    ImVec2 size(width, height - kCardGap);
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, color::rgb(246, 248, 251));
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, color::rgb(238, 242, 248));
    if (auto* reg = currentRegistry()) reg->setNextKind("row");
    bool clicked = ImGui::Selectable(id, false, ImGuiSelectableFlags_AllowOverlap, size);
    if (auto* reg = currentRegistry()) reg->record(name, "row", at.x, at.y, size.x, size.y);
    ImGui::PopStyleColor(2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), color::Border, 10);
    return clicked;
}

void endListCard(ImVec2 at, float height) {
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + height - ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(0, 0));
}

void cardLine(const std::string& s, float x, float y, float maxW, ImU32 col, ImFont* font) {
    const std::string& d = shown(s);
    ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, d.c_str());
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), ImVec2(x, y), ImVec2(x + maxW, y + size.y), x + maxW, x + maxW, d.c_str(),
                              nullptr, &size);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (auto* reg = currentRegistry()) reg->record(s, "cell", x, y, std::min(size.x, maxW), size.y, size.x > maxW + 0.5f);
}

void placeholderCard(float width, float height) {
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRect(at, ImVec2(at.x + width, at.y + height - kCardGap), color::Border, 10);
    const ImU32 bar = color::rgb(236, 239, 243);
    dl->AddRectFilled(ImVec2(at.x + kCardPad, at.y + 16), ImVec2(at.x + kCardPad + width * 0.45f, at.y + 30), bar, 6);
    dl->AddRectFilled(ImVec2(at.x + kCardPad, at.y + 40), ImVec2(at.x + kCardPad + width * 0.3f, at.y + 52), bar, 6);
    ImGui::Dummy(ImVec2(width, height - ImGui::GetStyle().ItemSpacing.y));
}

}  // namespace rc::ui
