#include "ui/kit/widgets.h"

#include <cmath>
#include <cstring>
#include <ctime>
#include <unordered_map>
#include <vector>

#include "core/i18n.h"
#include "imgui_internal.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/gated.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/text/script_fonts.h"
#include "ui/text/shown_text.h"

namespace rc::ui {
namespace {

bool gAnimate = false;
bool gMotion = false;
bool gReducedMotion = false;

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

void setReducedMotion(bool on) { gReducedMotion = on; }
bool reducedMotion() { return gReducedMotion; }

void requestAnimation() { gAnimate = true; }

void requestMotion() { gMotion = true; }

bool takeMotionRequest() {
    bool m = gMotion;
    gMotion = false;
    return m;
}

bool ArrivalGuard::settled() {
    double now = ImGui::GetTime();
    if (shownAt < 0) shownAt = now;
    return now - shownAt >= kSeconds;
}
bool takeAnimationRequest() {
    bool a = gAnimate;
    gAnimate = false;
    return a;
}

void text(const std::string& s, ImU32 color, ImFont* font, const char* kind) {
    if (font) ImGui::PushFont(font);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    const std::string& d = shown(s);  // drawn in display order; recorded as written
    ImGui::TextUnformatted(d.c_str(), d.c_str() + d.size());
    if (color) ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
    recordLast(s, kind);
}

void textMuted(const std::string& s) { text(s, color::TextMuted); }

void paragraph(const std::string& s, ImU32 col, ImFont* font) {
    if (font) ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, col ? col : color::TextMuted);
    ImGui::PushTextWrapPos(0);
    const std::string& d = shown(s);
    ImGui::TextUnformatted(d.c_str(), d.c_str() + d.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
    recordLast(s, "text");
}

void heading(const std::string& title, const std::string& subtitle) {
    text(title, color::Text, fonts().title, "heading");
    // Little height (200 % zoom): the subtitle gives way to the content.
    if (!subtitle.empty() && !shell().shortScreen) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        // A long one (German, a phone) wraps rather than running off the screen.
        if (ImGui::CalcTextSize(subtitle.c_str()).x <= ImGui::GetContentRegionAvail().x) textMuted(subtitle);
        else paragraph(subtitle, color::TextMuted);
    }
}

float headingWidth(const std::string& title, const std::string& subtitle) {
    ImGui::PushFont(fonts().title);
    float w = ImGui::CalcTextSize(title.c_str()).x;
    ImGui::PopFont();
    return shell().shortScreen ? w : std::max(w, ImGui::CalcTextSize(subtitle.c_str()).x);
}

PageTitle::PageTitle(const std::string& title, const std::string& subtitle, const char* actionLabel) {
    width_ = ImGui::GetContentRegionAvail().x;
    top_ = ImGui::GetCursorPos();
    heading(title, subtitle);
    below_ = ImGui::GetCursorPos();
    ImGui::PushFont(fonts().medium);
    float w = ImGui::CalcTextSize(actionLabel, nullptr, true).x + 36;
    ImGui::PopFont();
    beside_ = headingWidth(title, subtitle) + 24 + w <= width_;
    actionW_ = beside_ ? w : width_;
    // Level with the title alone on short screens.
    if (beside_) ImGui::SetCursorPos(ImVec2(top_.x + width_ - w, top_.y + (shell().shortScreen ? -2 : 6)));
}

void PageTitle::under(float dy, float width) const { ImGui::SetCursorPos(ImVec2(top_.x + width_ - width, top_.y + dy)); }

void PageTitle::end() const {
    if (beside_) ImGui::SetCursorPos(below_);
    ImGui::Dummy(ImVec2(0, 4));
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
        case ButtonStyle::DangerGhost:
            bg = 0, hover = color::DangerSoft, active = color::rgb(250, 215, 212);
            fg = color::Danger, border = 0;
            break;
        case ButtonStyle::Secondary: break;
    }
    bool inert = busy || disabled;
    if (disabled) {
        bool ghost = style == ButtonStyle::Ghost || style == ButtonStyle::DangerGhost;
        bg = ghost ? 0 : color::rgb(241, 243, 245);
        hover = active = bg;
        fg = color::TextFaint;
        border = ghost ? 0 : color::Border;
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
    // On touch screens nothing tappable is smaller than a fingertip (44 x 44).
    if (shell().tapTarget > 0) {
        if (size.y > 0) size.y = tappable(size.y);
        if (size.x > 0) size.x = tappable(size.x);
    }
    bool pressed = ImGui::Button(label, size);
    if (inert) ImGui::PopStyleVar();
    if (inert) ImGui::EndDisabled();
    ImGui::PopFont();
    ImGui::PopStyleColor(5);
    if (busy) {
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        spinnerAt(ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f), 8, fg);
    }
    if (ImGui::IsItemHovered() && !inert) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return pressed && !inert;
}

float buttonWidth(const char* label) {
    ImGui::PushFont(fonts().medium);
    float w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::PopFont();
    return w;
}

void pageScrollStartsAtTop(const char* id, long long subject) {
    struct Seen {
        int frame;
        long long subject;
    };
    static std::unordered_map<ImGuiID, Seen> seen;
    ImGuiID key = ImGui::GetID(id);
    int now = ImGui::GetFrameCount();
    auto it = seen.find(key);
    // Frames are only built when something happens, so a page drawn without a break was drawn
    // in the frame before this one.
    if (it == seen.end() || it->second.frame != now - 1 || it->second.subject != subject)
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
    seen[key] = Seen{now, subject};
}

void sameLineIfFits(float width, float spacing) {
    float right = ImGui::GetItemRectMax().x + spacing + width;
    float limit = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (right <= limit + 0.5f) ImGui::SameLine(0, spacing);
}

void replaceActiveText(ImGuiID itemId, const std::string& value) {
    ImGuiContext& g = *GImGui;
    ImGuiInputTextState& st = g.InputTextState;
    if (g.ActiveId != itemId || st.ID != itemId) return;
    // ImGui edits its own copy of an active field's text: it gets the new text too, and the field
    // stays active (keys typed meanwhile are not lost).
    st.TextW.resize(static_cast<int>(value.size()) + 1);
    st.CurLenW = ImTextStrFromUtf8(st.TextW.Data, st.TextW.Size, value.c_str(), nullptr);
    st.TextA.resize(static_cast<int>(value.size()) + 1);
    std::memcpy(st.TextA.Data, value.c_str(), value.size() + 1);
    st.CurLenA = static_cast<int>(value.size());
    st.TextAIsValid = true;
    st.Stb.cursor = st.Stb.select_start = st.Stb.select_end = st.CurLenW;
}

bool inputText(const char* id, const std::string& name, std::string& value, float width, const char* hint,
               ImGuiInputTextFlags flags) {
    ImGui::SetNextItemWidth(width);
    flags |= ImGuiInputTextFlags_CallbackResize;
    // Text the accessibility mirror's field was given (a screen reader, dictation, fill()).
    ImGuiID itemId = ImGui::GetID(id);
    std::optional<std::string> given = a11y::takeText(itemId);
    if (given) {
        value = *given;
        replaceActiveText(itemId, value);
    }
    // std::string keeps a terminating zero past size(), so capacity()+1 bytes are writable.
    bool result = hint ? ImGui::InputTextWithHint(id, hint, value.data(), value.capacity() + 1, flags, stringResize, &value)
                       : ImGui::InputText(id, value.data(), value.capacity() + 1, flags, stringResize, &value);
    scriptFonts().need(value);  // typed or pasted Greek, Hangul...: fetch its font
    if (given) ImGui::GetCurrentContext()->LastItemData.StatusFlags |= ImGuiItemStatusFlags_Edited;
    recordLast(name, "input");
    a11y::lastField(value, hint, (flags & ImGuiInputTextFlags_ReadOnly) != 0);
    return result || (given && !(flags & ImGuiInputTextFlags_EnterReturnsTrue));
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

void statusBadge(CustomerStatus status) { statusBadge(presentStatus(status)); }

void statusBadge(const StatusPresentation& p) {
    // The tone from the one status presentation (core/status_presentation.h).
    const char* label = p.label.c_str();
    switch (p.tone) {
        case StatusTone::Success: return pill(label, color::Success, color::SuccessSoft);
        case StatusTone::Accent: return pill(label, color::Accent, color::AccentSoft);
        case StatusTone::Warning: return pill(label, color::Warning, color::WarningSoft);
        case StatusTone::Danger: return pill(label, color::Danger, color::DangerSoft);
        case StatusTone::Neutral: break;
    }
    pill(p.label.c_str(), color::Neutral, color::NeutralSoft);
}

std::string today() { return isoDay(static_cast<double>(std::time(nullptr)) * 1000.0); }

void spinnerAt(ImVec2 centre, float radius, ImU32 col) {
    // Reduced motion: a still, three-quarter ring says "working" without turning.
    float t = gReducedMotion ? -1.57f : static_cast<float>(ImGui::GetTime()) * 6.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PathArcTo(centre, radius - 1.5f, t, t + 4.2f, 24);
    dl->PathStroke(col, 0, 2.5f);
    if (!gReducedMotion) requestAnimation();
}

void spinner(float radius, ImU32 col) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    spinnerAt(ImVec2(p.x + radius, p.y + radius), radius, col);
    ImGui::Dummy(ImVec2(radius * 2, radius * 2));
}

void activityBar(float width, bool active) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = 3.0f;
    if (active && gReducedMotion) {
        // A still, pale bar across the whole width instead of a moving segment.
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + width, p.y + h), color::AccentSoft, 1.5f);
    } else if (active) {
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

bool emptyState(const char* iconGlyph, const char* title, const char* body, const char* action, const Gate* gate) {
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
        bool closed = gate && !gate->open();
        clicked = button(action, ButtonStyle::Secondary, ImVec2(bw, 0), false, closed);
        if (closed) {
            describeLast(*gate);
            ImGui::PushFont(fonts().small);
            centred(gate->reason.c_str(), fonts().small, color::TextMuted, "note");
            ImGui::PopFont();
        }
    }
    ImGui::Dummy(ImVec2(0, 24));
    return clicked;
}

bool errorBanner(const std::string& message, bool offerRetry) {
    float w = ImGui::GetContentRegionAvail().x;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushFont(fonts().body);
    float textW = w - 48 - (offerRetry ? 140 : 0);
    const std::string& shownMessage = shown(message);
    ImVec2 ts = ImGui::CalcTextSize(shownMessage.c_str(), nullptr, false, textW);
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
    ImGui::TextWrapped("%s", shownMessage.c_str());
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

void beginCard(const char* id, const char* title, ImVec2 size, bool autoHeight) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 18));
    ImGuiChildFlags flags = ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding;
    if (autoHeight) flags |= ImGuiChildFlags_AutoResizeY;
    ImGui::BeginChild(id, size, flags);
    if (title && *title) {
        text(title, color::Text, fonts().medium, "heading");
        ImGui::Dummy(ImVec2(0, 2));
    }
}

void endCard() {
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

float segmentedWidth(const char* const* labels, int count) {
    ImGui::PushFont(fonts().medium);
    float total = 8;
    for (int i = 0; i < count; ++i) total += ImGui::CalcTextSize(labels[i]).x + 28;
    ImGui::PopFont();
    return total;
}

int segmented(const char* id, const char* const* labels, int count, int selected) {
    ImGui::PushID(id);
    int clicked = -1;
    ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushFont(fonts().medium);
    // Each choice is a tap target; the tray around them is 3 px larger on each side.
    float tabH = tappable(ImGui::GetFrameHeight() - 6);
    float h = tabH + 6;
    float avail = std::max(ImGui::GetContentRegionAvail().x, 60.0f);
    // Choices flow into as many rows as the width needs (German labels on a phone take two).
    std::vector<int> rowOf(static_cast<std::size_t>(count));
    std::vector<float> widths(static_cast<std::size_t>(count));
    int rows = 1;
    float x = 4;
    for (int i = 0; i < count; ++i) {
        float w = ImGui::CalcTextSize(labels[i]).x + 28;
        if (x + w + 4 > avail && x > 4) ++rows, x = 4;
        widths[static_cast<std::size_t>(i)] = w;
        rowOf[static_cast<std::size_t>(i)] = rows - 1;
        x += w;
    }
    float trayW = rows > 1 ? avail : x + 4;
    dl->AddRectFilled(start, ImVec2(start.x + trayW, start.y + h + (rows - 1) * tabH), color::rgb(238, 240, 244), 8);
    x = 4;
    int row = 0;
    a11y::beginTabs();
    for (int i = 0; i < count; ++i) {
        float w = widths[static_cast<std::size_t>(i)];
        if (rowOf[static_cast<std::size_t>(i)] != row) row = rowOf[static_cast<std::size_t>(i)], x = 4;
        ImVec2 p(start.x + x, start.y + 3 + row * tabH);
        ImGui::SetCursorScreenPos(p);
        if (auto* reg = currentRegistry()) reg->setNextKind("tab");
        std::string sid = std::string(labels[i]) + "##seg" + std::to_string(i);
        if (ImGui::InvisibleButton(sid.c_str(), ImVec2(w, tabH))) clicked = i;
        bool hovered = ImGui::IsItemHovered() && !shell().touch;
        a11y::lastSelected(i == selected);
        if (i == selected) {
            dl->AddRectFilled(p, ImVec2(p.x + w, p.y + tabH), color::Surface, 6);
            dl->AddRect(p, ImVec2(p.x + w, p.y + tabH), color::Border, 6);
        }
        ImVec2 ts = ImGui::CalcTextSize(labels[i]);
        dl->AddText(ImVec2(p.x + (w - ts.x) * 0.5f, p.y + (tabH - ts.y) * 0.5f),
                    i == selected ? color::Text : (hovered ? color::Text : color::TextMuted), labels[i]);
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        x += w;
    }
    ImGui::PopFont();
    a11y::end();
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(trayW, h + (rows - 1) * tabH));
    ImGui::PopID();
    return clicked;
}

void keyValue(const std::string& key, const std::string& value, ImU32 valueColor) {
    float w = ImGui::GetContentRegionAvail().x;
    float column = std::min(230.0f, w * 0.45f);
    text(key, color::TextMuted, nullptr, "label");
    // A key longer than its column (German, a narrow card) puts its value on the next line. The
    // column is counted from the window's edge, as SameLine places it: the key starts after the
    // card's padding ("Laufzeit und Zahlung" ran into its value on a phone).
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 12 <= column) ImGui::SameLine(column);
    else ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y * 0.5f);
    ImGui::PushTextWrapPos(0);
    text(value, valueColor ? valueColor : color::Text, nullptr, "text");
    ImGui::PopTextWrapPos();
}

bool link(const char* label) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImVec2 ts = ImGui::CalcTextSize(label, nullptr, true);
    // The words stay where text would be; on touch screens the tappable area grows around them.
    ImVec2 size(tappable(ts.x), tappable(ts.y));
    float dy = (size.y - ts.y) * 0.5f;
    if (dy > 0) ImGui::SetCursorScreenPos(ImVec2(p.x, p.y - dy));
    if (auto* reg = currentRegistry()) reg->setNextKind("link");
    bool clicked = ImGui::InvisibleButton(label, size);
    bool hovered = ImGui::IsItemHovered() && !shell().touch;
    std::string visible = visibleLabel(label);
    ImGui::GetWindowDrawList()->AddText(p, hovered ? color::AccentHover : color::Accent, visible.c_str());
    if (hovered) {
        ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y + ts.y), ImVec2(p.x + ts.x, p.y + ts.y), color::AccentHover);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    return clicked;
}

void fieldError(const std::string& message) {
    ImGui::PushStyleColor(ImGuiCol_Text, color::Danger);
    ImGui::PushFont(fonts().small);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(shownC(message));
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::PopStyleColor();
    recordLast(message, "error");
}

void invoiceBadge(const std::string& status) {
    const char* label = invoiceStatusLabel(status);
    if (status == "paid") return pill(label, color::Success, color::SuccessSoft);
    if (status == "open") return pill(label, color::Accent, color::AccentSoft);
    if (status == "overdue") return pill(label, color::Danger, color::DangerSoft);
    pill(label, color::Neutral, color::NeutralSoft);
}

}  // namespace rc::ui
