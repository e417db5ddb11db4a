#include "ui/console_ui.h"

#include <cfloat>

#include "core/access.h"
#include "core/format.h"
#include "core/i18n.h"
#include "imgui_internal.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/offline_widgets.h"
#include "ui/kit/shell_parts.h"
#include "ui/kit/theme.h"
#include "ui/kit/toasts.h"
#include "ui/kit/widgets.h"
#include "ui/screens/customers_view.h"
#include "ui/screens/kiosk_notice.h"
#include "ui/text/shown_text.h"

namespace rc::ui {
namespace {

// Who is signed in, as the account area says it: the member's name, then their role and the
// account ("Buyer · Northwind Cloud Partners"). Before GET /me (a session from before teams):
// the account's name and email.
struct AccountLines {
    std::string name, role, account;  // role: "Buyer · ", empty when not known
    std::string detail() const { return role + account; }
};
AccountLines accountLines(const AppState& st) {
    const Reseller& r = st.session->reseller;
    if (!st.me || st.me->member.name.empty()) return {r.name, {}, r.email};
    const Member& m = st.me->member;
    return {m.name, roleLabel(m.role) + " · ", r.name};
}

constexpr ImGuiWindowFlags kPlain = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

std::string kioskIdleText(int seconds) {
    if (seconds % 60 == 0) return format::fill(tr(Text::KioskMinutes), format::integer(seconds / 60));
    return format::fill(tr(Text::KioskSeconds), format::integer(seconds));
}

}  // namespace

void ConsoleUi::draw(Store& store) {
    hideGoogleButtonSlot();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const AppState& st = store.state();
    if (touch_ != touchStyle_) {
        applyTheme(touch_);
        touchStyle_ = touch_;
    }
    ShellInputs in;
    in.width = vp->Size.x;
    in.height = vp->Size.y;
    in.touch = touch_;
    in.bannerHeight = bannerHeight_;
    in.kiosk = st.kiosk.enabled && st.phase == Phase::SignedIn;
    layout_ = layoutShell(in);
    setShell(layout_);
    if (layout_.navigation != Navigation::MenuButton) menuOpen_ = false;
    if (st.kiosk.startOvers != startOversSeen_) {
        startOversSeen_ = st.kiosk.startOvers;
        forgetVisitor();
    }
    touchScroll_.update();

    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("###console", nullptr, kPlain | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    switch (st.phase) {
        case Phase::Booting:
        case Phase::ConfigFailed: drawBoot(store); break;
        case Phase::SignedOut: {
            ImGui::PushFont(fonts().medium);
            float langW = ImGui::CalcTextSize(tr(Text::SwitchLanguage)).x + 64;
            ImGui::PopFont();
            ImGui::SetCursorPos(ImVec2(vp->Size.x - langW - 12, 12));
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
            drawRibbon(store);
            a11y::beginLandmark(a11y::Landmark::Navigation);
            drawNavigation(store);
            a11y::end();
            a11y::beginLandmark(a11y::Landmark::Banner);
            drawTopBar(store);
            a11y::end();
            const Box& c = layout_.content;
            // Offline, a new version, storage trouble: calm notices above the screen.
            ImGui::SetCursorScreenPos(ImVec2(vp->Pos.x + c.x, vp->Pos.y + c.y - 8));
            float notices = offlineNotices(store, c.w);
            ImGui::SetCursorScreenPos(ImVec2(vp->Pos.x + c.x, vp->Pos.y + c.y + notices));
            ImGui::BeginChild("###screen", ImVec2(c.w, c.h - notices), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
            a11y::beginLandmark(a11y::Landmark::Main);
            views_.screen(st.route.screen).draw(store);
            a11y::end();
            ImGui::EndChild();
            // Dialogs float over whatever screen opened them.
            for (const auto& dialog : views_.dialogs()) dialog->draw(store);
            break;
        }
    }
    ImGui::End();
    if (st.phase == Phase::SignedIn && menuOpen_) {
        a11y::beginLandmark(a11y::Landmark::Navigation);
        drawMenuDrawer(store);
        a11y::end();
    }
    drawToasts(store);
    kioskNotice(store);
}

void ConsoleUi::forgetVisitor() {
    menuOpen_ = false;
    views_.forgetVisitor();
    ImGui::ClearActiveID();  // a field being typed in lets go of its text
    ImGuiContext& g = *GImGui;
    for (ImGuiWindow* w : g.Windows) {
        w->Scroll = ImVec2(0, 0);
        w->ScrollTarget = ImVec2(FLT_MAX, FLT_MAX);
    }
}

void ConsoleUi::go(Store& store, Screen screen) {
    const AppState& st = store.state();
    Route r;
    r.screen = screen;
    // Coming back to a list keeps its search and filters.
    r.customers = st.customers.filter;
    r.invoices = st.invoices.filter;
    store.navigate(r);
    menuOpen_ = false;
}

void ConsoleUi::focusCustomerSearch() {
    if (auto* customers = views_.find<CustomersView>()) customers->focusSearch();
}

void ConsoleUi::handleShortcuts(Store& store) {
    // Ctrl+K (Cmd+K on a Mac): jump to the customer search from anywhere.
    if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_K) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        if (store.state().route.screen != Screen::Customers) go(store, Screen::Customers);
        focusCustomerSearch();
    }
    if (menuOpen_ && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) menuOpen_ = false;
}

void ConsoleUi::drawBoot(Store& store) {
    const AppState& st = store.state();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    if (st.phase == Phase::Booting) {
        ImGui::SetCursorPos(ImVec2(avail.x * 0.5f - 14, avail.y * 0.45f));
        spinner(14, color::Accent);
        return;
    }
    float w = std::min(520.0f, avail.x - 32);
    ImGui::SetCursorPos(ImVec2((avail.x - w) * 0.5f, avail.y * 0.4f));
    std::string msg = std::string(tr(Text::ErrConfig)) + " " + describeError(*st.configError);
    ImGui::BeginChild("###boot-error", ImVec2(w, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NoBackground);
    if (errorBanner(msg, true)) store.session().retryStart();
    ImGui::EndChild();
}

void ConsoleUi::drawRibbon(Store& store) {
    const Box& b = layout_.ribbon;
    if (b.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(b.x, b.y), ImVec2(b.right(), b.bottom()), color::rgb(255, 244, 214));
    dl->AddLine(ImVec2(b.x, b.bottom() - 0.5f), ImVec2(b.right(), b.bottom() - 0.5f), color::rgb(240, 214, 150));
    // "DEMO" as a small tag, then what it means; on a phone the tag alone if the sentence does not fit.
    ImFont* tagFont = fonts().medium;
    ImFont* noteFont = fonts().small;
    std::string tag = tr(Text::KioskRibbon);
    std::string note = format::fill(tr(Text::KioskRibbonNote), kioskIdleText(store.state().config.kiosk.idleSeconds));
    ImVec2 tagSize = tagFont->CalcTextSizeA(13, FLT_MAX, 0, tag.c_str());
    ImVec2 noteSize = noteFont->CalcTextSizeA(noteFont->FontSize, FLT_MAX, 0, note.c_str());
    float pillW = tagSize.x + 20;
    bool withNote = pillW + 10 + noteSize.x + 32 <= b.w;
    float total = pillW + (withNote ? 10 + noteSize.x : 0);
    float x = b.x + (b.w - total) * 0.5f;
    float cy = b.y + b.h * 0.5f;
    dl->AddRectFilled(ImVec2(x, cy - 10), ImVec2(x + pillW, cy + 10), color::Warning, 10);
    dl->AddText(tagFont, 13, ImVec2(x + 10, cy - tagSize.y * 0.5f), color::Surface, tag.c_str());
    if (auto* reg = currentRegistry()) reg->record(tag, "ribbon", x, cy - 10, pillW, 20);
    if (withNote) {
        dl->AddText(noteFont, noteFont->FontSize, ImVec2(x + pillW + 10, cy - noteSize.y * 0.5f), color::rgb(120, 72, 0), note.c_str());
        if (auto* reg = currentRegistry()) reg->record(note, "text", x + pillW + 10, cy - noteSize.y * 0.5f, noteSize.x, noteSize.y);
    }
}

void ConsoleUi::drawNavigation(Store& store) {
    const Box& b = layout_.nav;
    if (b.empty()) return;
    bool rail = layout_.navigation == Navigation::Rail;
    beginRegion("###sidebar", b, rail ? ImVec2(6, 16) : ImVec2(16, 20), true, false);
    ImVec2 p = ImGui::GetCursorScreenPos();
    float inner = b.w - (rail ? 12 : 32);
    if (rail) {
        productMark(ImVec2(p.x + (inner - 36) * 0.5f, p.y), 36);
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + 60));
    } else {
        productMark(ImVec2(p.x + 4, p.y), 32);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 46, p.y - 1));
        text(tr(Text::AppName), color::Text, fonts().medium);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 46, p.y + 17));
        text(tr(Text::ProductName), color::TextMuted, fonts().small);
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + 64));
    }
    navigationEntries(store, rail, inner, rail ? 0 : -6);
    endRegion();
}

void ConsoleUi::navigationEntries(Store& store, bool rail, float width, std::optional<float> gap) {
    Screen lit = screenLine(store.state().route.screen).navigation;
    bool first = true;
    for (const ScreenLine& line : screenLines()) {
        if (!line.inNavigation() || !knownAllowed(store.state(), line.offeredTo)) continue;
        if (!first && gap) ImGui::Dummy(ImVec2(0, *gap));
        first = false;
        if (navEntry(line.icon, tr(line.label), line.screen == lit, rail ? EntryStyle::Rail : EntryStyle::Row, width))
            go(store, line.screen);
    }
}

// Toasts on screen stay: they are put into words as they are drawn, in the new language.
void ConsoleUi::drawLanguageSwitch(Store&) {
    std::string label = std::string(icon::Globe) + "  " + tr(Text::SwitchLanguage) + "##language";
    ImGui::PushFont(fonts().medium);
    float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 28;
    ImGui::PopFont();
    if (button(label.c_str(), ButtonStyle::Ghost, ImVec2(w, tappable(36))))
        setLanguage(language() == Language::English ? Language::German : Language::English);
}

void ConsoleUi::drawTopBar(Store& store) {
    const Box& b = layout_.topBar;
    const AppState& st = store.state();
    bool phone = layout_.navigation == Navigation::MenuButton;
    float padX = phone ? 12 : 24;
    beginRegion("###topbar", b, ImVec2(padX, 0), false, true);
    ImVec2 origin = ImGui::GetWindowPos();
    float controlH = tappable(36);
    float controlY = (b.h - controlH) * 0.5f;

    // Measure the right-hand side first: sign out, the account, the language switch.
    AccountLines account = accountLines(st);
    bool canSignOut = !st.kiosk.enabled;
    std::string signOut = std::string(icon::SignOut) + "  " + tr(Text::SignOut) + "##sign-out";
    ImGui::PushFont(fonts().medium);
    float signOutW = canSignOut && !phone ? ImGui::CalcTextSize(signOut.c_str(), nullptr, true).x + 24 : 0;
    float nameW = layout_.showAccount ? ImGui::CalcTextSize(shownC(account.name)).x : 0;
    float langW = ImGui::CalcTextSize((std::string(icon::Globe) + "  " + tr(Text::SwitchLanguage)).c_str()).x + 28;
    ImGui::PopFont();
    if (layout_.showAccount) {
        ImGui::PushFont(fonts().small);
        nameW = std::max(nameW, ImGui::CalcTextSize(shownC(account.detail())).x);
        ImGui::PopFont();
    }
    float right = b.w - padX;
    float signOutX = right - signOutW;
    float nameX = signOutX - (signOutW > 0 ? 20 : 0) - nameW;
    float langX = nameX - (nameW > 0 ? 20 : 0) - langW;

    float left = padX;
    if (phone) {
        // The menu button opens the navigation as a drawer.
        ImGui::SetCursorPos(ImVec2(left - 4, (b.h - kTapTarget) * 0.5f));
        ImVec2 at = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##menu-button", ImVec2(kTapTarget, kTapTarget))) menuOpen_ = !menuOpen_;
        if (auto* reg = currentRegistry()) reg->record(tr(Text::Menu), "button", at.x, at.y, kTapTarget, kTapTarget);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (int i = 0; i < 3; ++i) {
            float y = at.y + 15 + i * 7.0f;
            dl->AddRectFilled(ImVec2(at.x + 12, y), ImVec2(at.x + 32, y + 2), color::Text, 1);
        }
        left += kTapTarget + 4;
        productMark(ImVec2(origin.x + left, origin.y + (b.h - 30) * 0.5f), 30);
        ImGui::SetCursorPos(ImVec2(left + 40, (b.h - fonts().medium->FontSize) * 0.5f));
        if (langX - (left + 40) > ImGui::CalcTextSize(tr(Text::AppName)).x + 8) text(tr(Text::AppName), color::Text, fonts().medium);
    } else if (layout_.showSearchJump && langX - left > 300) {
        // Where the customer search is, with its shortcut.
        std::string hint = tr(Text::SearchCustomers);
        std::string shortcut = ImGui::GetIO().ConfigMacOSXBehaviors ? tr(Text::SearchShortcutMac) : tr(Text::SearchShortcut);
        ImGui::SetCursorPos(ImVec2(left, controlY));
        ImVec2 p = ImGui::GetCursorScreenPos();
        float w = std::min(360.0f, langX - left - 40);
        if (ImGui::InvisibleButton("##search-jump", ImVec2(w, controlH))) {
            go(store, Screen::Customers);
            focusCustomerSearch();
        }
        if (auto* reg = currentRegistry()) reg->record(hint, "search", p.x, p.y, w, controlH);
        bool hovered = ImGui::IsItemHovered();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + controlH), hovered ? color::rgb(241, 243, 246) : color::rgb(246, 247, 249), 8);
        float ty = p.y + (controlH - ImGui::GetFontSize()) * 0.5f;
        ImGui::PushFont(fonts().small);
        ImVec2 ks = ImGui::CalcTextSize(shortcut.c_str());
        ImGui::PopFont();
        ImGui::PushClipRect(p, ImVec2(p.x + w - ks.x - 30, p.y + controlH), true);
        dl->AddText(ImVec2(p.x + 14, ty), color::TextFaint, hint.c_str());
        ImGui::PopClipRect();
        ImGui::PushFont(fonts().small);
        float ky = p.y + (controlH - 22) * 0.5f;
        dl->AddRect(ImVec2(p.x + w - ks.x - 22, ky), ImVec2(p.x + w - 8, ky + 22), color::Border, 4);
        dl->AddText(ImVec2(p.x + w - ks.x - 15, ky + 3), color::TextMuted, shortcut.c_str());
        ImGui::PopFont();
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }

    ImGui::SetCursorPos(ImVec2(langX, controlY));
    drawLanguageSwitch(store);
    if (layout_.showAccount) {
        float textTop = (b.h - 37) * 0.5f;
        ImGui::SetCursorPos(ImVec2(nameX, textTop));
        text(account.name, color::Text, fonts().medium, "text");
        ImGui::SetCursorPos(ImVec2(nameX, textTop + 19));
        // The role and the account as two items: the account's name reads alone too.
        if (!account.role.empty()) {
            text(account.role, color::TextMuted, fonts().small, "text");
            ImGui::SameLine(0, 0);
        }
        text(account.account, color::TextMuted, fonts().small, "text");
    }
    if (signOutW > 0) {
        ImGui::SetCursorPos(ImVec2(signOutX, controlY));
        if (button(signOut.c_str(), ButtonStyle::Secondary, ImVec2(signOutW, controlH))) store.session().signOut();
    }
    endRegion();
}

void ConsoleUi::drawMenuDrawer(Store& store) {
    const Box& d = layout_.drawer;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // The page behind dims; a tap on it closes the menu.
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + d.y));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, d.h));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::rgb(15, 23, 42, 90));
    ImGui::Begin("###menu-backdrop", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    if (ImGui::InvisibleButton("##close-menu", ImGui::GetContentRegionAvail())) menuOpen_ = false;
    ImGui::End();

    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + d.x, vp->Pos.y + d.y));
    ImGui::SetNextWindowSize(ImVec2(d.w, d.h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 16));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::Surface);
    ImGui::Begin("###menu-drawer", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    const AppState& st = store.state();
    float inner = ImGui::GetContentRegionAvail().x;
    ImVec2 p = ImGui::GetCursorScreenPos();
    productMark(p, 32);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 44, p.y - 1));
    text(tr(Text::AppName), color::Text, fonts().medium);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 44, p.y + 17));
    text(tr(Text::ProductName), color::TextMuted, fonts().small);
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + 52));
    navigationEntries(store, false, inner, std::nullopt);
    ImGui::Dummy(ImVec2(0, 8));
    ImVec2 line = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(line, ImVec2(line.x + inner, line.y), color::Border);
    ImGui::Dummy(ImVec2(0, 8));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    if (st.me && !st.me->member.name.empty()) {
        // The member, their email, their role, and the account they are in.
        text(st.me->member.name, color::Text, fonts().medium, "text");
        text(st.me->member.email, color::TextMuted, fonts().small, "text");
        text(format::fill(tr(Text::YourRole), roleLabel(st.me->member.role)), color::TextMuted, fonts().small, "text");
        text(st.session->reseller.name, color::TextMuted, fonts().small, "text");
    } else {
        text(st.session->reseller.name, color::Text, fonts().medium, "text");
        text(st.session->reseller.email, color::TextMuted, fonts().small, "text");
    }
    ImGui::PopTextWrapPos();
    if (!st.kiosk.enabled) {
        ImGui::Dummy(ImVec2(0, 4));
        std::string signOut = std::string(icon::SignOut) + "  " + tr(Text::SignOut) + "##sign-out";
        if (button(signOut.c_str(), ButtonStyle::Secondary, ImVec2(inner, tappable(40)))) {
            menuOpen_ = false;
            store.session().signOut();
        }
    }
    ImGui::End();
}

}  // namespace rc::ui
