#include "ui/screens/transfer_out_dialog.h"

#include "core/format.h"
#include "core/i18n.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/gated.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {

void TransferOutDialog::draw(Store& store) {
    const CustomerPageState& page = store.state().customer;
    const TransferOutState& t = page.transferOut;
    bool close = false;
    bool shown = t.open && page.customer;
    std::string who = shown ? (page.customer->organization.empty() ? page.customer->name : page.customer->organization) : std::string();
    if (!beginDialog("###transfer-out", format::fill(tr(Text::TransferOutTitle), who), 620, shown, close)) return;
    if (!t.token) {
        paragraph(tr(Text::TransferOutIntro));
        ImGui::Dummy(ImVec2(0, 4));
        paragraph(tr(Text::TransferOutValidity), color::TextMuted);
        if (page.customer->transferToken) {  // a new code ends the open one
            ImGui::Dummy(ImVec2(0, 4));
            paragraph(format::fill(tr(Text::TransferOutReplaces), format::date(page.customer->transferToken->createdAt.substr(0, 10))),
                      color::Warning);
        }
        if (t.error) {
            ImGui::Dummy(ImVec2(0, 4));
            errorBanner(describeError(*t.error), false);
        }
        // Sales or Admin, and the network (a code is never made offline).
        Gate g = gate(store, Capability::ManageCustomers, /*needsNetwork=*/true);
        std::string label = std::string(t.submitting ? tr(Text::CreatingTransferCode) : tr(Text::CreateTransferCode)) + "##create-transfer-code";
        int clicked = g.open() ? dialogButtons(label.c_str(), ButtonStyle::Primary, t.submitting, false, tr(Text::Cancel))
                               : dialogButtons(label.c_str(), ButtonStyle::Primary, t.submitting, g, tr(Text::Cancel));
        if (clicked == 1) store.lifecycle().createTransferToken();
        if (clicked == 2 || close) store.lifecycle().closeTransferOut();
        endDialog();
        return;
    }
    // The code, once: in a read-only field (selectable) with Copy code beside it, or under it on a phone.
    paragraph(tr(Text::TransferCodeOnce), color::Warning);
    ImGui::Dummy(ImVec2(0, 4));
    fieldLabel(tr(Text::TransferCodeLabel));
    std::string code = t.token->token;
    float w = ImGui::GetContentRegionAvail().x;
    std::string copy = std::string(tr(Text::CopyCode)) + "##copy-transfer-code";
    float copyW = std::max(140.0f, buttonWidth(copy.c_str()));
    bool beside = w - copyW - 10 >= 300;
    ImGui::PushFont(fonts().medium);
    inputText("##transfer-code", tr(Text::TransferCodeLabel), code, beside ? w - copyW - 10 : w, nullptr, ImGuiInputTextFlags_ReadOnly);
    ImGui::PopFont();
    if (beside) ImGui::SameLine(0, 10);
    if (button(copy.c_str(), ButtonStyle::Secondary, ImVec2(copyW, 0))) store.lifecycle().copyTransferToken();
    ImGui::Dummy(ImVec2(0, 2));
    text(format::fill(tr(Text::TransferCodeValidUntil), format::date(t.token->expiresAt.substr(0, 10))), color::Text, fonts().medium, "text");
    ImGui::Dummy(ImVec2(0, 4));
    paragraph(tr(Text::TransferCodeNext), color::TextMuted);
    std::string done = std::string(tr(Text::TransferCodeDone)) + "##close-transfer-code";  // not "Close": the title bar's button is
    if (dialogButtons(done.c_str(), ButtonStyle::Primary, false, false, nullptr) == 1 || close) store.lifecycle().closeTransferOut();
    endDialog();
}

}  // namespace rc::ui
