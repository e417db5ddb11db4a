#include "ui/kit/dialog_parts.h"

#include <algorithm>

#include "core/i18n.h"
#include "imgui_internal.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/gated.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/text/shown_text.h"

namespace rc::ui {

bool beginDialog(const char* id, const std::string& title, float width, bool open, bool& closeRequested) {
    closeRequested = false;
    if (open && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    if (!open) {
        if (ImGui::IsPopupOpen(id)) {
            // The store closed it: close the popup too.
            if (ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoDecoration)) {
                ImGui::CloseCurrentPopup();
                ImGui::EndPopup();
            }
        }
        return false;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    bool fullScreen = shell().dialogsFullScreen;
    if (fullScreen) {
        // Phones: the dialog is the screen (it scrolls when taller), nothing spills off the edge.
        ImGui::SetNextWindowPos(vp->Pos);
        ImGui::SetNextWindowSize(vp->Size);
    } else {
        float w = std::min(width, vp->Size.x - 32);
        float top = std::max(24.0f, vp->Size.y * 0.12f);
        // A dialog taller than the room under that (German Start paid plan now at 1440x900) moves up
        // first, to 24 px from the top, and only then scrolls: its buttons stay in sight.
        if (const ImGuiWindow* last = ImGui::FindWindowByName(id)) {
            float wanted = last->ContentSizeIdeal.y + 2 * 24.0f;  // the padding set below
            if (wanted > vp->Size.y - top - 24) top = std::max(24.0f, vp->Size.y - 24 - wanted);
        }
        ImGui::SetNextWindowSize(ImVec2(w, 0));
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + top), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
        // At most down to 24 px above the bottom: a taller dialog scrolls instead of running off the screen
        // (Start paid plan now at 1440x900 had its buttons under the edge).
        ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, vp->Size.y - top - 24));
    }
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, fullScreen ? ImVec2(16, 16) : ImVec2(28, 24));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, fullScreen ? 0 : 12);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1);
    bool visible = ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                           ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar(3);
    if (!visible) return false;
    // The backdrop at once, not faded in: a fade needs frames drawn while the console is otherwise
    // idle, and one stopped early left a dialog at 768 px over an undimmed page.
    ImGui::GetCurrentContext()->DimBgRatio = 1.0f;
    a11y::beginDialog(title);
    // Tab past the last control drawn (200 % zoom, a phone held sideways): most of a screen on.
    if (std::int64_t page = a11y::takeReveal(title); page >= 0)
        ImGui::SetScrollY(ImGui::GetScrollY() + (page == 1 ? 0.8f : -0.8f) * ImGui::GetWindowHeight());
    // Title and a close button on the right.
    ImVec2 start = ImGui::GetCursorPos();
    float inner = ImGui::GetContentRegionAvail().x;
    float closeSize = tappable(32);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner - closeSize - 8);
    ImGui::PushFont(fonts().title);
    ImGui::PushStyleColor(ImGuiCol_Text, color::Text);
    ImGui::TextWrapped("%s", shownC(title));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    if (auto* reg = currentRegistry()) {
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        reg->record(title, "heading", a.x, a.y, b.x - a.x, b.y - a.y);
    }
    ImVec2 after = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(start.x + inner - closeSize, start.y - 2 - (closeSize - 32) * 0.5f));
    std::string closeId = std::string("\xc3\x97##close-") + id;  // ×
    ImGui::PushFont(fonts().title);
    if (auto* reg = currentRegistry()) reg->setNextKind("button");
    ImGui::PushStyleColor(ImGuiCol_Button, 0u);
    ImGui::PushStyleColor(ImGuiCol_Border, 0u);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(6, 0));
    if (ImGui::Button(closeId.c_str(), ImVec2(closeSize, closeSize))) closeRequested = true;
    if (auto* reg = currentRegistry()) {
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        reg->record(tr(Text::Close), "button", a.x, a.y, b.x - a.x, b.y - a.y);
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(after.x, std::max(after.y, start.y + 34)));
    ImGui::Dummy(ImVec2(0, 0));
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) closeRequested = true;
    return true;
}

void endDialog() {
    a11y::end();
    ImGui::EndPopup();
}

void fieldLabel(const char* s) { text(s, color::Text, fonts().medium, "label"); }

namespace {

int buttonRow(const char* primary, ButtonStyle primaryStyle, bool busy, bool primaryDisabled, const char* secondary,
              const Gate* gate) {
    ImGui::Dummy(ImVec2(0, 8));
    float w = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(fonts().medium);
    float pw = ImGui::CalcTextSize(primary, nullptr, true).x + 40;
    float sw = secondary ? ImGui::CalcTextSize(secondary, nullptr, true).x + 40 : 0;
    ImGui::PopFont();
    pw = std::max(pw, 150.0f);
    int result = 0;
    if (pw + (secondary ? sw + 12 : 0) > w) {
        // Too narrow for both side by side (a phone, German labels): full width, the action first.
        if (button(primary, primaryStyle, ImVec2(w, 44), busy, primaryDisabled)) result = 1;
        if (gate) gateLast(*gate);
        if (secondary && button(secondary, ButtonStyle::Secondary, ImVec2(w, 44), false, busy)) result = 2;
        return result;
    }
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + w - pw - (secondary ? sw + 12 : 0));
    if (secondary) {
        if (button(secondary, ButtonStyle::Secondary, ImVec2(sw, 42), false, busy)) result = 2;
        ImGui::SameLine(0, 12);
    }
    if (button(primary, primaryStyle, ImVec2(pw, 42), busy, primaryDisabled)) result = 1;
    if (gate) gateLast(*gate);
    return result;
}

}  // namespace

int dialogButtons(const char* primary, ButtonStyle primaryStyle, bool busy, bool primaryDisabled, const char* secondary) {
    return buttonRow(primary, primaryStyle, busy, primaryDisabled, secondary, nullptr);
}

int dialogButtons(const char* primary, ButtonStyle primaryStyle, bool busy, const Gate& gate, const char* secondary) {
    int clicked = buttonRow(primary, primaryStyle, busy && gate.open(), !gate.open(), secondary, &gate);
    gateNotes();
    return clicked == 1 && !gate.open() ? 0 : clicked;
}

bool field(const char* id, const char* label, std::string& value, const char* hint, const std::string* error, bool& enter,
           bool& left, bool focus, const char* help) {
    fieldLabel(label);
    if (focus) ImGui::SetKeyboardFocusHere();
    if (error) ImGui::PushStyleColor(ImGuiCol_Border, color::Danger);
    std::string before = value;
    bool pressed = inputText(id, label, value, ImGui::GetContentRegionAvail().x, hint, ImGuiInputTextFlags_EnterReturnsTrue);
    left = ImGui::IsItemDeactivatedAfterEdit();
    if (error) ImGui::PopStyleColor();
    if (pressed) enter = true;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 6);
    float lineTop = ImGui::GetCursorPosY();
    if (error) fieldError(*error);
    else if (help) paragraph(help, color::TextFaint, fonts().small);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y, lineTop + fonts().small->FontSize) + 2);
    ImGui::Dummy(ImVec2(0, 0));
    return value != before;
}

const std::string* errorFor(const std::map<std::string, std::string>& errors, const std::string& name) {
    auto it = errors.find(name);
    return it == errors.end() ? nullptr : &it->second;
}

std::string perUnit(const std::string& cycle) {
    return cycle == "annual_yearly" ? tr(Text::PerLicenseYear) : tr(Text::PerLicenseMonth);
}

std::string perPeriod(const std::string& cycle) { return cycle == "annual_yearly" ? tr(Text::PerYear) : tr(Text::PerMonth); }

void previewRow(const std::string& label, const std::string& sub, const std::string& value, bool strong) {
    float w = ImGui::GetContentRegionAvail().x;
    ImVec2 p = ImGui::GetCursorPos();
    text(label, color::Text, strong ? fonts().medium : fonts().body, "label");
    // The note under the label wraps (a German one ran off a phone's screen).
    if (!sub.empty()) paragraph(sub, color::TextMuted, fonts().small);
    ImVec2 end = ImGui::GetCursorPos();
    ImFont* f = strong ? fonts().title : fonts().medium;
    ImGui::PushFont(f);
    float vw = ImGui::CalcTextSize(shownC(value)).x;
    ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(p.x + w - vw, p.y - (strong ? 4 : 0)));
    text(value, color::Text, f, "figure");
    ImGui::SetCursorPos(ImVec2(end.x, std::max(end.y, ImGui::GetCursorPosY())));
    ImGui::Dummy(ImVec2(0, 0));
}

bool previewWaiting(const Remote& request) {
    if (request.loading) {
        spinner(8, color::Accent);
        ImGui::SameLine();
        textMuted(tr(Text::PreviewLoading));
        return true;
    }
    if (!request.error) return false;
    text(std::string(tr(Text::CouldNotPreview)) + ": " + describeError(*request.error), color::Danger, nullptr, "alert");
    return true;
}

void previewBox(const char* id, float height) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::rgb(248, 250, 252));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18, 16));
    ImGui::BeginChild(id, ImVec2(0, height), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding |
                                                 (height == 0 ? ImGuiChildFlags_AutoResizeY : 0));
}

void endPreviewBox() {
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

bool radioCard(const char* id, const std::string& title, const char* note, bool selected, bool disabled) {
    ImVec2 at = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x;
    float wrap = w - 58;
    ImFont* tf = fonts().medium;
    ImFont* nf = fonts().small;
    ImVec2 ts = tf->CalcTextSizeA(tf->FontSize, FLT_MAX, wrap, shownC(title));
    ImVec2 ns = nf->CalcTextSizeA(nf->FontSize, FLT_MAX, wrap, note);
    float h = std::max(tappable(56.0f), 9 + ts.y + 3 + ns.y + 9);
    ImGui::PushID(id);
    if (auto* reg = currentRegistry()) reg->setNextKind("radio");
    bool clicked = ImGui::InvisibleButton("##radio-card", ImVec2(w, h)) && !disabled;
    if (auto* reg = currentRegistry()) reg->record(title, "radio", at.x, at.y, w, h);
    a11y::lastSelected(selected);
    bool hovered = ImGui::IsItemHovered() && !shell().touch && !disabled;
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + w, at.y + h), selected ? color::rgb(246, 249, 255) : (hovered ? color::rgb(250, 251, 252) : color::Surface), 8);
    dl->AddRect(at, ImVec2(at.x + w, at.y + h), selected ? color::Accent : color::Border, 8, 0, selected ? 2.0f : 1.0f);
    ImVec2 dot(at.x + 22, at.y + h * 0.5f);
    dl->AddCircle(dot, 8, selected ? color::Accent : color::TextFaint, 20, 1.5f);
    if (selected) dl->AddCircleFilled(dot, 4.5f, color::Accent);
    dl->AddText(tf, tf->FontSize, ImVec2(at.x + 42, at.y + 9), color::Text, shownC(title), nullptr, wrap);
    dl->AddText(nf, nf->FontSize, ImVec2(at.x + 42, at.y + 12 + ts.y), color::TextMuted, note, nullptr, wrap);
    ImGui::Dummy(ImVec2(0, 2));
    return clicked;
}

}  // namespace rc::ui
