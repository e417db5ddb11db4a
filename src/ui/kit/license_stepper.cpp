#include "ui/kit/license_stepper.h"

#include <algorithm>
#include <cstdlib>

#include "core/i18n.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {

namespace {
// An icon button is named for the mirror ("-" / "+" as the item registry's label, the words as its name).
void nameLast(const char* label, Text name) {
    if (auto* reg = currentRegistry()) {
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        reg->record(label, "button", a.x, a.y, b.x - a.x, b.y - a.y);
    }
    a11y::lastName(tr(name));
}
}  // namespace

int licenseStepper(const char* id, const std::string& name, int value, int lo, int hi, bool disabled) {
    int chosen = -1;
    ImGui::PushID(id);
    std::string minus = std::string(icon::Minus) + "##minus";
    if (button(minus.c_str(), ButtonStyle::Secondary, ImVec2(48, 48), false, disabled || value <= lo)) chosen = value - 1;
    nameLast("-", Text::LicenseFewer);
    ImGui::SameLine(0, 8);
    std::string count = std::to_string(value);
    ImGui::PushFont(fonts().title);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(14, 10));
    ImGui::BeginDisabled(disabled);
    inputText("##license-count", name, count, 140, nullptr, ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_AutoSelectAll);
    ImGui::EndDisabled();
    const ImGuiID field = ImGui::GetItemID();
    const bool edited = ImGui::IsItemEdited();
    a11y::lastSpin(lo, hi, value);
    ImGui::PopStyleVar();
    if (edited && !count.empty()) {
        long v = std::strtol(count.c_str(), nullptr, 10);
        if (v > 0) chosen = static_cast<int>(std::min<long>(v, hi));
        // Typed past the most allowed (the plan's limit, a seat cap): the field shows the most,
        // as the count it orders, while it still has the focus.
        if (v > hi) replaceActiveText(field, std::to_string(hi));
    }
    ImGui::PopFont();
    ImGui::SameLine(0, 8);
    std::string plus = std::string(icon::Plus) + "##plus";
    if (button(plus.c_str(), ButtonStyle::Secondary, ImVec2(48, 48), false, disabled || value >= hi)) chosen = value + 1;
    nameLast("+", Text::LicenseMore);
    ImGui::PopID();
    return chosen;
}

}  // namespace rc::ui
