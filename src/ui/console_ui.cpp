#include "ui/console_ui.h"

#include "core/i18n.h"
#include "ui/item_registry.h"
#include "ui/offline_widgets.h"
#include "ui/shown_text.h"
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
    hideGoogleButtonSlot();
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
            drawLanguageSwitch(store);
            ImGui::SetCursorPos(ImVec2(0, 0));
            signIn_.draw(store);
            // A new version can be ready before anyone signs in.
            ImGui::SetCursorPos(ImVec2(24, 16));
            offlineNotices(store, std::max(0.0f, vp->Size.x - 188));
            break;
        }
        case Phase::SignedIn: {
            handleShortcuts(store);
            drawSidebar(store, vp->Size.y);
            ImGui::SetCursorPos(ImVec2(kSidebarWidth, 0));
            ImGui::BeginGroup();
            drawTopBar(store, vp->Size.x - kSidebarWidth);
            ImGui::SetCursorPos(ImVec2(kSidebarWidth + 32, kTopBarHeight + 20));
            // Offline, a new version, storage trouble: calm notices above the screen.
            float notices = offlineNotices(store, vp->Size.x - kSidebarWidth - 64);
            ImGui::SetCursorPos(ImVec2(kSidebarWidth + 32, kTopBarHeight + 28 + notices));
            ImGui::BeginChild("###screen", ImVec2(vp->Size.x - kSidebarWidth - 64, vp->Size.y - kTopBarHeight - 52 - notices),
                              ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
            switch (st.route.screen) {
                case Screen::Dashboard: dashboard_.draw(store); break;
                case Screen::Customers: customers_.draw(store); break;
                case Screen::Customer: customer_.draw(store); break;
                case Screen::Invoices: invoices_.draw(store); break;
            }
            ImGui::EndChild();
            ImGui::EndGroup();
            // Dialogs float over whatever screen opened them.
            newCustomer_.draw(store);
            licenseOrder_.draw(store);
            planChange_.draw(store);
            cancel_.draw(store);
            invoice_.draw(store);
            break;
        }
    }
    ImGui::End();
    drawToasts(store);
}

void ConsoleUi::handleShortcuts(Store& store) {
    // Ctrl+K (Cmd+K on a Mac): jump to the customer search from anywhere.
    if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_K) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        if (store.state().route.screen != Screen::Customers) {
            Route r;
            r.screen = Screen::Customers;
            r.customers = store.state().customers.filter;
            store.navigate(r);
        }
        customers_.focusSearch();
    }
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
    std::string msg = std::string(tr(Text::ErrConfig)) + " " + describeError(*st.configError);
    ImGui::BeginChild("###boot-error", ImVec2(w, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NoBackground);
    if (errorBanner(msg, true)) store.retryStart();
    ImGui::EndChild();
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
    Screen s = st.route.screen;
    auto go = [&](Screen screen) {
        Route r;
        r.screen = screen;
        // Coming back to a list keeps its search and filters.
        r.customers = st.customers.filter;
        r.invoices = st.invoices.filter;
        store.navigate(r);
    };
    if (menuEntry(icon::Dashboard, tr(Text::MenuDashboard), s == Screen::Dashboard, w)) go(Screen::Dashboard);
    ImGui::Dummy(ImVec2(0, -6));
    if (menuEntry(icon::Customers, tr(Text::MenuCustomers), s == Screen::Customers || s == Screen::Customer, w)) go(Screen::Customers);
    ImGui::Dummy(ImVec2(0, -6));
    if (menuEntry(icon::Invoices, tr(Text::MenuInvoices), s == Screen::Invoices, w)) go(Screen::Invoices);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

void ConsoleUi::drawLanguageSwitch(Store& store) {
    std::string label = std::string(icon::Globe) + "  " + tr(Text::SwitchLanguage) + "##language";
    if (button(label.c_str(), ButtonStyle::Ghost)) {
        setLanguage(language() == Language::English ? Language::German : Language::English);
        store.dismissAllToasts();
    }
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
    ImGui::PushFont(fonts().medium);
    float nameW = ImGui::CalcTextSize(shownC(r.name)).x;
    ImGui::PopFont();
    ImGui::PushFont(fonts().small);
    nameW = std::max(nameW, ImGui::CalcTextSize(shownC(r.email)).x);
    ImGui::PopFont();
    std::string signOut = std::string(icon::SignOut) + "  " + tr(Text::SignOut) + "##sign-out";
    ImGui::PushFont(fonts().medium);
    float signOutW = ImGui::CalcTextSize(signOut.c_str(), nullptr, true).x + 24;
    ImGui::PopFont();
    float right = width - 24;
    float signOutX = right - signOutW;
    float nameX = signOutX - 24 - nameW;
    float langX = nameX - 36 - 120;

    // Left: where the customer search is, with its shortcut.
    ImGui::SetCursorPos(ImVec2(24, 22));
    std::string hint = std::string(tr(Text::SearchCustomers));
    std::string shortcut = ImGui::GetIO().ConfigMacOSXBehaviors ? tr(Text::SearchShortcutMac) : tr(Text::SearchShortcut);
    if (langX > 420) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        float w = std::min(360.0f, langX - 60);
        if (ImGui::InvisibleButton("##search-jump", ImVec2(w, 36))) {
            Route rt;
            rt.screen = Screen::Customers;
            rt.customers = st.customers.filter;
            store.navigate(rt);
            customers_.focusSearch();
        }
        if (auto* reg = currentRegistry()) reg->record(hint, "search", p.x, p.y - 8, w, 36);
        bool hovered = ImGui::IsItemHovered();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(p.x, p.y - 8), ImVec2(p.x + w, p.y + 28), hovered ? color::rgb(241, 243, 246) : color::rgb(246, 247, 249), 8);
        dl->AddText(ImVec2(p.x + 14, p.y), color::TextFaint, hint.c_str());
        ImGui::PushFont(fonts().small);
        ImVec2 ks = ImGui::CalcTextSize(shortcut.c_str());
        dl->AddRect(ImVec2(p.x + w - ks.x - 22, p.y - 2), ImVec2(p.x + w - 8, p.y + 20), color::Border, 4);
        dl->AddText(ImVec2(p.x + w - ks.x - 15, p.y + 1), color::TextMuted, shortcut.c_str());
        ImGui::PopFont();
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }

    ImGui::SetCursorPos(ImVec2(langX, 14));
    drawLanguageSwitch(store);
    ImGui::SetCursorPos(ImVec2(nameX, 12));
    text(r.name, color::Text, fonts().medium, "text");
    ImGui::SetCursorPos(ImVec2(nameX, 31));
    text(r.email, color::TextMuted, fonts().small, "text");
    ImGui::SetCursorPos(ImVec2(signOutX, 14));
    if (button(signOut.c_str(), ButtonStyle::Secondary, ImVec2(signOutW, 36))) store.signOut();
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

void ConsoleUi::drawToasts(Store& store) {
    const auto& toasts = store.state().toasts;
    if (toasts.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float y = vp->Pos.y + vp->Size.y - 24;
    // Newest at the bottom, stacked upwards.
    for (auto it = toasts.rbegin(); it != toasts.rend(); ++it) {
        const Toast& t = *it;
        ImU32 accent = t.kind == ToastKind::Error ? color::Danger : t.kind == ToastKind::Info ? color::Accent : color::Success;
        const float w = 380;
        ImGui::PushFont(fonts().body);
        ImVec2 ts = ImGui::CalcTextSize(shownC(t.text), nullptr, false, w - 76);
        ImGui::PopFont();
        float h = std::max(52.0f, ts.y + 30);
        y -= h;
        std::string id = "###toast-" + std::to_string(t.id);
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - w - 24, y));
        ImGui::SetNextWindowSize(ImVec2(w, h));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, color::rgb(32, 36, 45));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 10);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 15));
        ImGui::Begin(id.c_str(), nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                              ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
        ImVec2 p = ImGui::GetWindowPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + 22, p.y + h * 0.5f), 5, accent);
        ImGui::SetCursorPos(ImVec2(38, (h - ts.y) * 0.5f));
        ImGui::PushTextWrapPos(w - 40);
        ImGui::PushStyleColor(ImGuiCol_Text, color::rgb(240, 242, 246));
        ImGui::TextUnformatted(shownC(t.text));
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        if (auto* reg = currentRegistry()) {
            ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            reg->record(t.text, "toast", a.x, a.y, b.x - a.x, b.y - a.y);
        }
        ImGui::SetCursorPos(ImVec2(w - 34, (h - 24) * 0.5f));
        ImGui::PushStyleColor(ImGuiCol_Button, 0u);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::rgb(60, 66, 78));
        ImGui::PushStyleColor(ImGuiCol_Text, color::rgb(180, 186, 196));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
        if (ImGui::Button("\xc3\x97##dismiss", ImVec2(24, 24))) store.dismissToast(t.id);
        ImGui::PopStyleVar(2);
        ImGui::PopStyleColor(3);
        ImGui::End();
        ImGui::PopStyleVar(2);
        ImGui::PopStyleColor();
        y -= 10;
    }
}

}  // namespace rc::ui
