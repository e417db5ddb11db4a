#include "ui/console_ui.h"

#include "core/i18n.h"
#include "ui/item_registry.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace rc::ui {
namespace {

constexpr float kSidebarWidth = 240.0f;
constexpr float kTopBarHeight = 64.0f;
constexpr ImGuiWindowFlags kPlain = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

bool menuEntry(const char* glyph, const char* label, bool selected, float width) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImVec2 size(width, 40);
    std::string id = std::string("##menu-") + label;
    if (auto* reg = currentRegistry()) reg->setNextKind("menu");
    bool clicked = ImGui::InvisibleButton(id.c_str(), size);
    // InvisibleButton registers its "##" id; the registry wants the words a person sees.
    if (auto* reg = currentRegistry()) reg->record(label, "menu", p.x, p.y, size.x, size.y);
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (selected || hovered)
        dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), selected ? color::AccentSoft : color::rgb(243, 245, 248), 8);
    ImU32 fg = selected ? color::Accent : color::rgb(60, 66, 78);
    ImFont* font = selected ? fonts().medium : fonts().body;
    float ty = p.y + (size.y - font->FontSize) * 0.5f;
    dl->AddText(font, font->FontSize, ImVec2(p.x + 14, ty), selected ? color::Accent : color::TextMuted, glyph);
    dl->AddText(font, font->FontSize, ImVec2(p.x + 44, ty), fg, label);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return clicked;
}

}  // namespace

void ConsoleUi::draw(Store& store) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("###console", nullptr, kPlain | ImGuiWindowFlags_NoScrollbar);
    const AppState& st = store.state();
    switch (st.phase) {
        case Phase::Booting:
        case Phase::ConfigFailed: drawBoot(store); break;
        case Phase::SignedOut: {
            ImGui::SetCursorPos(ImVec2(vp->Size.x - 140, 20));
            drawLanguageSwitch();
            ImGui::SetCursorPos(ImVec2(0, 0));
            signIn_.draw(store);
            break;
        }
        case Phase::SignedIn: {
            drawSidebar(store, vp->Size.y);
            ImGui::SetCursorPos(ImVec2(kSidebarWidth, 0));
            ImGui::BeginGroup();
            drawTopBar(store, vp->Size.x - kSidebarWidth);
            ImGui::SetCursorPos(ImVec2(kSidebarWidth + 32, kTopBarHeight + 28));
            ImGui::BeginChild("###screen", ImVec2(vp->Size.x - kSidebarWidth - 64, vp->Size.y - kTopBarHeight - 52),
                              ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
            switch (st.screen) {
                case Screen::Dashboard: dashboard_.draw(store); break;
                case Screen::Customers: customers_.draw(store); break;
                case Screen::Invoices: invoices_.draw(store); break;
            }
            ImGui::EndChild();
            ImGui::EndGroup();
            break;
        }
    }
    ImGui::End();
}

void ConsoleUi::drawBoot(Store& store) {
    const AppState& st = store.state();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    if (st.phase == Phase::Booting) {
        ImGui::SetCursorPos(ImVec2(avail.x * 0.5f - 14, avail.y * 0.45f));
        spinner(14, color::Accent);
        return;
    }
    float w = std::min(520.0f, avail.x - 48);
    ImGui::SetCursorPos(ImVec2((avail.x - w) * 0.5f, avail.y * 0.4f));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(w);
    std::string msg = std::string(tr(Text::ErrConfig)) + " " + describeError(*st.configError);
    ImGui::BeginChild("###boot-error", ImVec2(w, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NoBackground);
    if (errorBanner(msg, true)) store.retryStart();
    ImGui::EndChild();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
}

void ConsoleUi::drawSidebar(Store& store, float height) {
    ImGui::SetCursorPos(ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 20));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::BeginChild("###sidebar", ImVec2(kSidebarWidth, height), ImGuiChildFlags_AlwaysUseWindowPadding);
    ImVec2 wp = ImGui::GetWindowPos();
    // A child clips half its padding off its edges; the border sits on the edge itself.
    ImGui::PushClipRect(wp, ImVec2(wp.x + kSidebarWidth, wp.y + height), false);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(wp.x + kSidebarWidth - 0.5f, wp.y), ImVec2(wp.x + kSidebarWidth - 0.5f, wp.y + height),
                                        color::Border);
    ImGui::PopClipRect();
    // Brand: mark, product and console names.
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(p.x + 4, p.y), ImVec2(p.x + 36, p.y + 32), color::Accent, 8);
    ImGui::PushFont(fonts().medium);
    ImVec2 ts = ImGui::CalcTextSize("SC");
    dl->AddText(ImVec2(p.x + 4 + (32 - ts.x) * 0.5f, p.y + (32 - ts.y) * 0.5f), color::Surface, "SC");
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(p.x + 46, p.y - 1));
    text(tr(Text::AppName), color::Text, fonts().medium);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 46, p.y + 17));
    text(tr(Text::ProductName), color::TextMuted, fonts().small);
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + 64));

    const AppState& st = store.state();
    float w = kSidebarWidth - 32;
    if (menuEntry(icon::Dashboard, tr(Text::MenuDashboard), st.screen == Screen::Dashboard, w)) store.navigate(Screen::Dashboard);
    ImGui::Dummy(ImVec2(0, -6));
    if (menuEntry(icon::Customers, tr(Text::MenuCustomers), st.screen == Screen::Customers, w)) store.navigate(Screen::Customers);
    ImGui::Dummy(ImVec2(0, -6));
    if (menuEntry(icon::Invoices, tr(Text::MenuInvoices), st.screen == Screen::Invoices, w)) store.navigate(Screen::Invoices);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

void ConsoleUi::drawLanguageSwitch() {
    std::string label = std::string(icon::Globe) + "  " + tr(Text::SwitchLanguage) + "##language";
    if (button(label.c_str(), ButtonStyle::Ghost))
        setLanguage(language() == Language::English ? Language::German : Language::English);
}

void ConsoleUi::drawTopBar(Store& store, float width) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::BeginChild("###topbar", ImVec2(width, kTopBarHeight), ImGuiChildFlags_AlwaysUseWindowPadding);
    ImVec2 wp = ImGui::GetWindowPos();
    ImGui::PushClipRect(wp, ImVec2(wp.x + width, wp.y + kTopBarHeight), false);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(wp.x, wp.y + kTopBarHeight - 0.5f), ImVec2(wp.x + width, wp.y + kTopBarHeight - 0.5f),
                                        color::Border);
    ImGui::PopClipRect();
    const AppState& st = store.state();
    const Reseller& r = st.session->reseller;
    // Right-aligned: language switch, the reseller, sign out.
    ImGui::PushFont(fonts().medium);
    float nameW = std::max(ImGui::CalcTextSize(r.name.c_str()).x, 0.0f);
    ImGui::PopFont();
    ImGui::PushFont(fonts().small);
    nameW = std::max(nameW, ImGui::CalcTextSize(r.email.c_str()).x);
    ImGui::PopFont();
    std::string signOut = std::string(icon::SignOut) + "  " + tr(Text::SignOut) + "##sign-out";
    ImGui::PushFont(fonts().medium);
    float signOutW = ImGui::CalcTextSize(signOut.c_str(), nullptr, true).x + 24;
    ImGui::PopFont();
    float right = width - 24;
    float signOutX = right - signOutW;
    float nameX = signOutX - 24 - nameW;
    float langX = nameX - 36 - 130;

    ImGui::SetCursorPos(ImVec2(langX, 14));
    drawLanguageSwitch();
    ImGui::SetCursorPos(ImVec2(nameX, 12));
    text(r.name, color::Text, fonts().medium, "text");
    ImGui::SetCursorPos(ImVec2(nameX, 31));
    text(r.email, color::TextMuted, fonts().small, "text");
    ImGui::SetCursorPos(ImVec2(signOutX, 14));
    if (button(signOut.c_str(), ButtonStyle::Secondary, ImVec2(signOutW, 36))) store.signOut();
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

}  // namespace rc::ui
