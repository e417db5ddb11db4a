#include "ui/screens/cancel_dialog.h"

#include <algorithm>
#include <cctype>

#include "core/format.h"
#include "core/i18n.h"
#include "core/validation.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/text/shown_text.h"

namespace rc::ui {

void CancelDialog::draw(Store& store) {
    const CustomerPageState& page = store.state().customer;
    const CancelState& c = page.cancel;
    bool close = false;
    bool justOpened = c.open && !wasOpen_;
    wasOpen_ = c.open;
    std::string who = page.customer ? page.customer->organization : std::string();
    if (!beginDialog("###cancel", format::fill(tr(Text::CancelTitle), who), 580, c.open && page.customer.has_value(), close)) return;
    const Customer& customer = *page.customer;
    const Subscription& sub = *customer.subscription;
    paragraph(tr(Text::CancelIntro));
    ImGui::Dummy(ImVec2(0, 6));

    // Two options as radio cards.
    std::string when = c.when, reason = c.reason, typed = c.typedDomain;
    auto option = [&](const char* value, const std::string& title, const char* note) {
        bool selected = when == value;
        ImVec2 at = ImGui::GetCursorScreenPos();
        float w = ImGui::GetContentRegionAvail().x;
        // Title and note wrap inside the card on a narrow screen; the card grows with them.
        float wrap = w - 58;
        ImFont* tf = fonts().medium;
        ImFont* nf = fonts().small;
        ImVec2 ts = tf->CalcTextSizeA(tf->FontSize, FLT_MAX, wrap, shownC(title));
        ImVec2 ns = nf->CalcTextSizeA(nf->FontSize, FLT_MAX, wrap, note);
        float h = std::max(56.0f, 9 + ts.y + 3 + ns.y + 9);
        ImGui::PushID(value);
        if (auto* reg = currentRegistry()) reg->setNextKind("radio");
        if (ImGui::InvisibleButton("##opt", ImVec2(w, h)) && !c.submitting) when = value;
        if (auto* reg = currentRegistry()) reg->record(title, "radio", at.x, at.y, w, h);
        bool hovered = ImGui::IsItemHovered() && !shell().touch;
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
    };
    option("end_of_term", format::fill(tr(Text::CancelAtTermEnd), format::date(sub.termEnd)), tr(Text::CancelAtTermEndNote));
    option("now", tr(Text::CancelNow), tr(Text::CancelNowNote));
    ImGui::Dummy(ImVec2(0, 4));

    bool enter = false;
    fieldLabel(tr(Text::CancelReason));
    inputText("##cancel-reason", tr(Text::CancelReason), reason, ImGui::GetContentRegionAvail().x);
    ImGui::Dummy(ImVec2(0, 2));
    std::string prompt = format::fill(tr(Text::CancelTypeDomain), customer.googleDomain);
    fieldLabel(prompt.c_str());
    if (justOpened) ImGui::SetKeyboardFocusHere();
    enter = inputText("##cancel-domain", prompt, typed, ImGui::GetContentRegionAvail().x, customer.googleDomain.c_str(),
                      ImGuiInputTextFlags_EnterReturnsTrue);
    if (when != c.when || reason != c.reason || typed != c.typedDomain) store.subscription().editCancel(typed, when, reason);

    if (c.error) {
        ImGui::Dummy(ImVec2(0, 4));
        errorBanner(describeError(*c.error), false);
    }
    std::string t = validate::trim(c.typedDomain);
    for (char& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    bool matches = t == customer.googleDomain;
    std::string label = std::string(c.submitting ? tr(Text::Cancelling) : tr(Text::CancelSubscription)) + "##confirm-cancel";
    int clicked = dialogButtons(label.c_str(), ButtonStyle::Danger, c.submitting, !matches, tr(Text::KeepSubscription));
    // Enter submits the dialog from anywhere in it, once the domain matches.
    if (clicked == 1 || ((enter || ImGui::IsKeyPressed(ImGuiKey_Enter, false)) && matches)) store.subscription().confirmCancel();
    if (clicked == 2 || close) store.subscription().closeCancel();
    endDialog();
}

}  // namespace rc::ui
