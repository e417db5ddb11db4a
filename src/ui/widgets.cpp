#include "ui/widgets.h"

#include <cmath>

#include "core/i18n.h"
#include "imgui_internal.h"
#include "ui/item_registry.h"
#include "ui/theme.h"

namespace rc::ui {
namespace {

bool gAnimate = false;

void recordLast(const std::string& label, const char* kind) {
    if (auto* reg = currentRegistry()) {
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        reg->record(label, kind, a.x, a.y, b.x - a.x, b.y - a.y);
    }
}

int stringResize(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

}  // namespace

void requestAnimation() { gAnimate = true; }
bool takeAnimationRequest() {
    bool a = gAnimate;
    gAnimate = false;
    return a;
}

void text(const std::string& s, ImU32 color, ImFont* font, const char* kind) {
    if (font) ImGui::PushFont(font);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
    if (color) ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
    recordLast(s, kind);
}

void textMuted(const std::string& s) { text(s, color::TextMuted); }

void heading(const std::string& title, const std::string& subtitle) {
    text(title, color::Text, fonts().title, "heading");
    if (!subtitle.empty()) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        textMuted(subtitle);
    }
}

bool button(const char* label, ButtonStyle style, ImVec2 size, bool busy, bool disabled) {
    ImU32 bg = color::Surface, hover = color::rgb(243, 245, 248), active = color::rgb(232, 236, 241);
    ImU32 fg = color::Text, border = color::Border;
    switch (style) {
        case ButtonStyle::Primary:
            bg = color::Accent, hover = color::AccentHover, active = color::AccentActive;
            fg = color::Surface, border = color::Accent;
            break;
        case ButtonStyle::Danger:
            bg = color::Danger, hover = color::rgb(176, 30, 27), active = color::rgb(150, 25, 22);
            fg = color::Surface, border = color::Danger;
            break;
        case ButtonStyle::Ghost:
            bg = 0, hover = color::rgb(241, 243, 246), active = color::rgb(232, 236, 241);
            border = 0;
            break;
        case ButtonStyle::Secondary: break;
    }
    bool inert = busy || disabled;
    if (disabled) {
        bg = style == ButtonStyle::Ghost ? 0 : color::rgb(241, 243, 245);
        hover = active = bg;
        fg = color::TextFaint;
        border = style == ButtonStyle::Ghost ? 0 : color::Border;
    }
    ImGui::PushStyleColor(ImGuiCol_Button, bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, inert ? bg : hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, inert ? bg : active);
    ImGui::PushStyleColor(ImGuiCol_Text, busy ? ImU32(0) : fg);
    ImGui::PushStyleColor(ImGuiCol_Border, border);
    ImGui::PushFont(fonts().medium);
    if (inert) ImGui::BeginDisabled();
    // Disabled items are drawn at reduced alpha; the colours above already say "disabled".
    if (inert) ImGui::PushStyleVar(ImGuiStyleVar_DisabledAlpha, 1.0f);
    if (auto* reg = currentRegistry()) reg->setNextKind("button");
    bool pressed = ImGui::Button(label, size);
    if (inert) ImGui::PopStyleVar();
    if (inert) ImGui::EndDisabled();
    ImGui::PopFont();
    ImGui::PopStyleColor(5);
    if (busy) {
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImVec2 centre((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
        ImVec2 keep = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(centre.x - 8, centre.y - 8));
        spinner(8, fg);
        ImGui::SetCursorScreenPos(keep);
    }
    if (ImGui::IsItemHovered() && !inert) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return pressed && !inert;
}

bool inputText(const char* id, const std::string& name, std::string& value, float width, const char* hint,
               ImGuiInputTextFlags flags) {
    ImGui::SetNextItemWidth(width);
    flags |= ImGuiInputTextFlags_CallbackResize;
    // std::string keeps a terminating zero past size(), so capacity()+1 bytes are writable.
    bool result = hint ? ImGui::InputTextWithHint(id, hint, value.data(), value.capacity() + 1, flags, stringResize, &value)
                       : ImGui::InputText(id, value.data(), value.capacity() + 1, flags, stringResize, &value);
    recordLast(name, "input");
    return result;
}

void pill(const char* label, ImU32 fg, ImU32 bg) {
    ImGui::PushFont(fonts().medium);
    ImVec2 ts = ImGui::CalcTextSize(label);
    ImGui::PopFont();
    ImVec2 pad(10, 3);
    ImVec2 size(ts.x + pad.x * 2 + 10, ts.y + pad.y * 2);
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), bg, size.y * 0.5f);
    dl->AddCircleFilled(ImVec2(p.x + pad.x + 3, p.y + size.y * 0.5f), 3.0f, fg);
    ImGui::PushFont(fonts().medium);
    dl->AddText(ImVec2(p.x + pad.x + 10, p.y + pad.y), fg, label);
    ImGui::PopFont();
    ImGui::Dummy(size);
    recordLast(label, "badge");
}

void statusBadge(CustomerStatus status) {
    const char* label = statusLabel(status);
    switch (status) {
        case CustomerStatus::Active: return pill(label, color::Success, color::SuccessSoft);
        case CustomerStatus::Invited: return pill(label, color::Warning, color::WarningSoft);
        case CustomerStatus::Cancelled: return pill(label, color::Danger, color::DangerSoft);
        case CustomerStatus::Revoked:
        case CustomerStatus::Unknown: return pill(label, color::Neutral, color::NeutralSoft);
    }
}

void spinner(float radius, ImU32 col) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImVec2 c(p.x + radius, p.y + radius);
    float t = static_cast<float>(ImGui::GetTime()) * 6.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PathArcTo(c, radius - 1.5f, t, t + 4.2f, 24);
    dl->PathStroke(col, 0, 2.5f);
    ImGui::Dummy(ImVec2(radius * 2, radius * 2));
    requestAnimation();
}

void activityBar(float width, bool active) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = 3.0f;
    if (active) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        float t = static_cast<float>(std::fmod(ImGui::GetTime() * 0.8, 1.0));
        float seg = width * 0.3f;
        float x0 = p.x - seg + (width + seg) * t;
        dl->AddRectFilled(ImVec2(std::max(p.x, x0), p.y), ImVec2(std::min(p.x + width, x0 + seg), p.y + h),
                          color::Accent, 1.5f);
        requestAnimation();
    }
    ImGui::Dummy(ImVec2(width, h));
}

bool emptyState(const char* iconGlyph, const char* title, const char* body, const char* action) {
    float w = ImGui::GetContentRegionAvail().x;
    auto centred = [&](const char* s, ImFont* font, ImU32 col, const char* kind) {
        ImGui::PushFont(font);
        float tw = ImGui::CalcTextSize(s).x;
        ImGui::PopFont();
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (w - tw) * 0.5f));
        text(s, col, font, kind);
    };
    ImGui::Dummy(ImVec2(0, 24));
    centred(iconGlyph, fonts().huge, color::TextFaint, "icon");
    ImGui::Dummy(ImVec2(0, 4));
    centred(title, fonts().medium, color::Text, "text");
    centred(body, fonts().body, color::TextMuted, "text");
    bool clicked = false;
    if (action) {
        ImGui::Dummy(ImVec2(0, 6));
        ImGui::PushFont(fonts().medium);
        float bw = ImGui::CalcTextSize(action).x + 32;
        ImGui::PopFont();
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (w - bw) * 0.5f));
        clicked = button(action, ButtonStyle::Secondary, ImVec2(bw, 0));
    }
    ImGui::Dummy(ImVec2(0, 24));
    return clicked;
}

bool errorBanner(const std::string& message, bool offerRetry) {
    float w = ImGui::GetContentRegionAvail().x;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushFont(fonts().body);
    float textW = w - 48 - (offerRetry ? 140 : 0);
    ImVec2 ts = ImGui::CalcTextSize(message.c_str(), nullptr, false, textW);
    ImGui::PopFont();
    float h = std::max(ts.y, 20.0f) + 28;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), color::DangerSoft, 8);
    dl->AddRect(p, ImVec2(p.x + w, p.y + h), color::rgb(244, 199, 195), 8);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 16, p.y + 14));
    text(icon::Warning, color::Danger, nullptr, "icon");
    ImGui::SameLine(0, 10);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + textW);
    ImGui::PushStyleColor(ImGuiCol_Text, color::Danger);
    ImGui::TextWrapped("%s", message.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    recordLast(message, "alert");
    bool retry = false;
    if (offerRetry) {
        ImGui::SetCursorScreenPos(ImVec2(p.x + w - 136, p.y + (h - 36) * 0.5f));
        retry = button(tr(Text::Retry), ButtonStyle::Secondary, ImVec2(120, 36));
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
    ImGui::Dummy(ImVec2(w, 8));
    return retry;
}

}  // namespace rc::ui
