#include "ui/sign_in_view.h"

#include "core/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace rc::ui {

void SignInView::draw(Store& store) {
    const AppState& st = store.state();
    const float cardW = 420.0f;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float x = std::max(24.0f, (avail.x - cardW) * 0.5f);
    float y = std::max(24.0f, (avail.y - cardHeight_) * 0.42f);
    ImGui::SetCursorPos(ImVec2(x, y));

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(36, 32));
    ImGui::BeginChild("###signin-card", ImVec2(cardW, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_AutoResizeY);
    float inner = ImGui::GetContentRegionAvail().x;

    // Product mark: a rounded accent square with the add-on's initials.
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + 40, p.y + 40), color::Accent, 10);
    ImGui::PushFont(fonts().medium);
    ImVec2 ts = ImGui::CalcTextSize("SC");
    dl->AddText(ImVec2(p.x + (40 - ts.x) * 0.5f, p.y + (40 - ts.y) * 0.5f), color::Surface, "SC");
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(p.x + 52, p.y + 2));
    text(tr(Text::ProductName), color::Text, fonts().medium);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 52, p.y + 21));
    text(tr(Text::AppName), color::TextMuted, fonts().small);
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + 64));

    text(tr(Text::SignInTitle), color::Text, fonts().title, "heading");
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    ImGui::PushStyleColor(ImGuiCol_Text, color::TextMuted);
    ImGui::TextWrapped("%s", tr(Text::SignInSubtitle));
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 10));

    if (st.signIn.sessionEnded) {
        errorBanner(tr(Text::SessionEnded), false);
    }

    // Google sign-in arrives with the console issue; until then it says so instead of failing.
    std::string google = std::string(icon::Google) + "  " + tr(Text::SignInWithGoogle) + "##google";
    button(google.c_str(), ButtonStyle::Secondary, ImVec2(inner, 44), false, true);
    ImGui::PushStyleColor(ImGuiCol_Text, color::TextMuted);
    ImGui::PushFont(fonts().small);
    ImGui::TextWrapped("%s", tr(Text::GoogleNotConfigured));
    ImGui::PopFont();
    ImGui::PopStyleColor();

    if (st.config.demoSignIn) {
        // A divider with "or" in the middle.
        ImGui::Dummy(ImVec2(0, 6));
        ImVec2 d = ImGui::GetCursorScreenPos();
        const char* orText = tr(Text::Or);
        ImVec2 os = ImGui::CalcTextSize(orText);
        float mid = d.x + inner * 0.5f;
        dl->AddLine(ImVec2(d.x, d.y + os.y * 0.5f), ImVec2(mid - os.x * 0.5f - 12, d.y + os.y * 0.5f), color::Border);
        dl->AddLine(ImVec2(mid + os.x * 0.5f + 12, d.y + os.y * 0.5f), ImVec2(d.x + inner, d.y + os.y * 0.5f), color::Border);
        ImGui::SetCursorScreenPos(ImVec2(mid - os.x * 0.5f, d.y));
        text(orText, color::TextFaint);
        ImGui::Dummy(ImVec2(0, 6));

        text(tr(Text::DemoEmailLabel), color::Text, fonts().medium, "label");
        if (!ImGui::IsItemActive() && emailDraft_ != st.signIn.email && !ImGui::IsAnyItemActive()) emailDraft_ = st.signIn.email;
        bool enter = inputText("##demo-email", tr(Text::DemoEmailLabel), emailDraft_, inner, "name@example.com",
                               ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
        if (ImGui::IsItemEdited()) store.editSignInEmail(emailDraft_);
        if (st.signIn.error) {
            ImGui::PushStyleColor(ImGuiCol_Text, color::Danger);
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
            std::string msg = describeError(*st.signIn.error);
            ImGui::TextWrapped("%s", msg.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopStyleColor();
        }
        ImGui::Dummy(ImVec2(0, 2));
        const char* label = st.signIn.pending ? tr(Text::SigningIn) : tr(Text::DemoSignIn);
        std::string id = std::string(label) + "##demo-sign-in";
        bool clicked = button(id.c_str(), ButtonStyle::Primary, ImVec2(inner, 44), st.signIn.pending,
                              st.signIn.email.empty());
        if ((clicked || enter) && !st.signIn.email.empty()) store.signInDemo();
        ImGui::PushStyleColor(ImGuiCol_Text, color::TextMuted);
        ImGui::PushFont(fonts().small);
        ImGui::TextWrapped("%s", tr(Text::DemoNote));
        ImGui::PopFont();
        ImGui::PopStyleColor();
    }
    cardHeight_ = ImGui::GetWindowHeight();  // centres the card from the next frame on
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

}  // namespace rc::ui
