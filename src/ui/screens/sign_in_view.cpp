#include "ui/screens/sign_in_view.h"

#include "core/format.h"
#include "core/i18n.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {
namespace {

GoogleButtonSlot gSlot;

void note(const char* s, ImU32 col = color::TextMuted) { paragraph(s, col, fonts().small); }

}  // namespace

const GoogleButtonSlot& googleButtonSlot() { return gSlot; }
void hideGoogleButtonSlot() { gSlot.visible = false; }

void SignInView::draw(Store& store) {
    const AppState& st = store.state();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    const float cardW = std::min(420.0f, avail.x - 32);
    bool phone = avail.x < 480;
    float x = std::max(16.0f, (avail.x - cardW) * 0.5f);
    // Below the language switch at the top right.
    float y = std::max(phone ? 68.0f : 24.0f, (avail.y - cardHeight_) * 0.42f);
    ImGui::SetCursorPos(ImVec2(x, y));

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, phone ? ImVec2(20, 24) : ImVec2(36, 32));
    ImGui::BeginChild("###signin-card", ImVec2(cardW, 0),
                      ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_AutoResizeY);
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
    paragraph(tr(Text::SignInSubtitle));
    ImGui::Dummy(ImVec2(0, 10));

    if (st.signIn.sessionEnded) errorBanner(tr(Text::SessionEnded), false);
    if (st.signIn.writesCleared > 0) {
        std::string cleared = st.signIn.writesCleared == 1
                                  ? std::string(tr(Text::WritesClearedOnEndOne))
                                  : format::fill(tr(Text::WritesClearedOnEnd), format::integer(st.signIn.writesCleared));
        note(cleared.c_str(), color::Danger);
    }
    if (st.signIn.error) errorBanner(describeError(*st.signIn.error), false);

    // A person in several accounts chooses one; the same Google sign-in is sent again with it.
    if (!st.signIn.choices.empty()) {
        gSlot.visible = false;
        text(tr(Text::ChooseAccountTitle), color::Text, fonts().medium, "heading");
        paragraph(tr(Text::ChooseAccountBody));
        ImGui::Dummy(ImVec2(0, 4));
        for (const ResellerChoice& c : st.signIn.choices) {
            ImGui::PushID(static_cast<int>(c.id));
            std::string label = c.name + "##choose";
            if (button(label.c_str(), ButtonStyle::Secondary, ImVec2(inner, 44), st.signIn.pending)) store.session().chooseReseller(c.id);
            note(format::fill(tr(Text::ChooseAccountRole), roleLabel(c.role)).c_str());
            ImGui::PopID();
            ImGui::Dummy(ImVec2(0, 2));
        }
        std::string other = std::string(tr(Text::ChooseAnotherGoogle)) + "##choose-other";
        if (button(other.c_str(), ButtonStyle::Ghost, ImVec2(inner, 40), false, st.signIn.pending)) store.session().cancelChoice();
        cardHeight_ = ImGui::GetWindowHeight();
        ImGui::EndChild();
        ImGui::PopStyleVar();
        return;
    }

    // Google's own button is a DOM element placed over this slot once its script has loaded.
    gSlot.visible = false;
    switch (st.signIn.google) {
        case GoogleStatus::Ready: {
            ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::Dummy(ImVec2(inner, 44));
            if (st.signIn.pending) {
                ImGui::SetCursorScreenPos(ImVec2(at.x + inner * 0.5f - 10, at.y + 12));
                spinner(10, color::Accent);
                ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + 44 + ImGui::GetStyle().ItemSpacing.y));
            } else {
                gSlot = GoogleButtonSlot{true, at.x, at.y, inner, 44};
            }
            break;
        }
        case GoogleStatus::Loading: {
            std::string label = std::string(icon::Google) + "  " + tr(Text::SignInWithGoogle) + "##google";
            button(label.c_str(), ButtonStyle::Secondary, ImVec2(inner, 44), true, false);
            note(tr(Text::GoogleLoading));
            break;
        }
        case GoogleStatus::Unavailable:
        case GoogleStatus::NotConfigured: {
            std::string label = std::string(icon::Google) + "  " + tr(Text::SignInWithGoogle) + "##google";
            button(label.c_str(), ButtonStyle::Secondary, ImVec2(inner, 44), false, true);
            note(st.signIn.google == GoogleStatus::Unavailable ? tr(Text::GoogleUnavailable) : tr(Text::GoogleNotConfigured),
                 st.signIn.google == GoogleStatus::Unavailable ? color::Danger : color::TextMuted);
            break;
        }
    }

    if (st.config.demoSignIn) {
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
        std::string email = st.signIn.email;
        bool enter = inputText("##demo-email", tr(Text::DemoEmailLabel), email, inner, "name@example.com",
                               ImGuiInputTextFlags_EnterReturnsTrue);
        if (email != st.signIn.email) store.session().editEmail(email);
        ImGui::Dummy(ImVec2(0, 2));
        const char* label = st.signIn.pending ? tr(Text::SigningIn) : tr(Text::DemoSignIn);
        std::string id = std::string(label) + "##demo-sign-in";
        bool clicked = button(id.c_str(), ButtonStyle::Primary, ImVec2(inner, 44), st.signIn.pending, st.signIn.email.empty());
        if ((clicked || enter) && !st.signIn.email.empty()) store.session().signInDemo();
        note(tr(Text::DemoNote));
    }
    cardHeight_ = ImGui::GetWindowHeight();  // centres the card from the next frame on
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

}  // namespace rc::ui
