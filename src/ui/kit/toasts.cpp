#include "ui/kit/toasts.h"

#include <algorithm>
#include <string>

#include "core/i18n.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/text/shown_text.h"

namespace rc::ui {

void drawToasts(Store& store) {
    const auto& toasts = store.state().toasts;
    if (toasts.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float margin = shell().size == SizeClass::Narrow ? 12 : 24;
    const float w = std::min(380.0f, vp->Size.x - 2 * margin);
    float y = vp->Pos.y + vp->Size.y - margin;
    const float closeSize = tappable(24);
    // Newest at the bottom, stacked upwards.
    for (auto it = toasts.rbegin(); it != toasts.rend(); ++it) {
        const Toast& t = *it;
        const std::string words = sentence(t.message);  // in the language of this frame
        ImU32 accent = t.kind == ToastKind::Error ? color::Danger : t.kind == ToastKind::Info ? color::Accent : color::Success;
        float textW = w - 54 - closeSize;
        ImGui::PushFont(fonts().body);
        ImVec2 ts = ImGui::CalcTextSize(shownC(words), nullptr, false, textW);
        ImGui::PopFont();
        float h = std::max(std::max(52.0f, closeSize + 12), ts.y + 30);
        y -= h;
        std::string id = "###toast-" + std::to_string(t.id);
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - w - margin, y));
        ImGui::SetNextWindowSize(ImVec2(w, h));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, color::rgb(32, 36, 45));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 10);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 15));
        ImGui::Begin(id.c_str(), nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                              ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
        ImVec2 p = ImGui::GetWindowPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + 22, p.y + h * 0.5f), 5, accent);
        ImGui::SetCursorPos(ImVec2(38, (h - ts.y) * 0.5f));
        ImGui::PushTextWrapPos(38 + textW);
        ImGui::PushStyleColor(ImGuiCol_Text, color::rgb(240, 242, 246));
        ImGui::TextUnformatted(shownC(words));
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        if (auto* reg = currentRegistry()) {
            ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            reg->record(words, "toast", a.x, a.y, b.x - a.x, b.y - a.y);
        }
        if (t.kind == ToastKind::Error) a11y::lastAssertive();
        ImGui::SetCursorPos(ImVec2(w - closeSize - 10, (h - closeSize) * 0.5f));
        ImGui::PushStyleColor(ImGuiCol_Button, 0u);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::rgb(60, 66, 78));
        ImGui::PushStyleColor(ImGuiCol_Text, color::rgb(180, 186, 196));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
        if (auto* reg = currentRegistry()) reg->setNextKind("button");
        if (ImGui::Button("\xc3\x97##dismiss", ImVec2(closeSize, closeSize))) store.toasts().dismiss(t.id);
        a11y::lastName(tr(Text::DismissToast));
        ImGui::PopStyleVar(2);
        ImGui::PopStyleColor(3);
        ImGui::End();
        ImGui::PopStyleVar(2);
        ImGui::PopStyleColor();
        y -= 10;
    }
}

}  // namespace rc::ui
