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
        if (radioCard(value, title, note, when == value, c.submitting)) when = value;
    };
    // A suspended subscription can only end now (or be resumed): the server refuses the end of the term.
    if (!sub.isSuspended())
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
