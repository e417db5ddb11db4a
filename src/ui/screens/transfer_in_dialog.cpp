#include "ui/screens/transfer_in_dialog.h"

#include "core/format.h"
#include "core/i18n.h"
#include "core/status_presentation.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/gated.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {

namespace {
// A refusal in words: an unknown code is the typist's to check; the rest as everywhere.
std::string refusal(const ApiError& e) { return e.status == 404 ? std::string(tr(Text::TransferRefusedUnknown)) : describeError(e); }

bool aboutTheToken(const ApiError& e) {
    for (const auto& [field, message] : e.fields)
        if (field == "token") return true;
    return false;
}

void previewRows(const Store& store, const TransferPreview& p) {
    previewBox("###transfer-preview", 0);
    keyValue(tr(Text::ColCustomer), p.organization.empty() ? p.customerName : p.organization + " · " + p.customerName);
    keyValue(tr(Text::ColDomain), p.googleDomain);
    keyValue(tr(Text::TransferFrom), p.fromReseller);
    // The subscription as its status reads everywhere (a trial with its last day, a suspension).
    Subscription s;
    s.plan = p.plan, s.billingCycle = p.billingCycle, s.status = p.status, s.licenses = p.licenses, s.termEnd = p.termEnd;
    if (p.status == "trial") s.trialEndsOn = p.termEnd;
    keyValue(tr(Text::TransferSubscription), planWithCycle(p.plan, p.billingCycle) + " · " + presentSubscription(s, store.today()).label);
    keyValue(tr(Text::TermsLicenses), format::integer(p.licenses));
    keyValue(tr(p.status == "trial" ? Text::TermsFirstBill : Text::TermsRenews), p.renewsOn.empty() ? std::string(tr(Text::Dash))
                                                                                                  : format::date(p.renewsOn));
    ImGui::Dummy(ImVec2(0, 4));
    previewRow(tr(Text::TermsRecurring),
               format::fill(tr(Text::TransferAtYourPrices), format::money(p.unitPrice), perUnit(p.billingCycle)),
               format::money(p.recurringAmount) + " " + perPeriod(p.billingCycle), true);
    endPreviewBox();
    ImGui::Dummy(ImVec2(0, 2));
    paragraph(format::fill(tr(Text::TransferInvoicesStay), format::integer(p.invoicesStaying), p.fromReseller), color::TextMuted);
}
}  // namespace

void TransferInDialog::draw(Store& store) {
    const TransferInState& t = store.state().transferIn;
    bool close = false;
    bool justOpened = t.open && !wasOpen_;
    wasOpen_ = t.open;
    if (!beginDialog("###transfer-in", tr(Text::TransferInTitle), 640, t.open, close)) return;
    paragraph(tr(Text::TransferInIntro), color::TextMuted);
    ImGui::Dummy(ImVec2(0, 6));

    // The code as typed; a malformed one is said under the field.
    std::string fieldError;
    if (t.error && aboutTheToken(*t.error)) fieldError = describeError(*t.error);
    std::string token = t.token;
    bool enter = false, left = false;
    ImGui::BeginDisabled(t.submitting);
    if (field("##transfer-token", tr(Text::TransferCodeLabel), token, tr(Text::TransferCodeHint), fieldError.empty() ? nullptr : &fieldError,
              enter, left, justOpened))
        store.lifecycle().editTransferToken(token);
    ImGui::EndDisabled();

    bool previewed = store.lifecycle().transferPreviewed();
    if (t.previewRemote.loading) {
        previewBox("###transfer-preview", 0);
        previewWaiting(t.previewRemote);
        endPreviewBox();
    } else if (t.previewRemote.error) {
        errorBanner(refusal(*t.previewRemote.error), false);
    } else if (previewed) {
        previewRows(store, *t.preview);
    }
    if (t.error && !aboutTheToken(*t.error)) {
        ImGui::Dummy(ImVec2(0, 4));
        errorBanner(refusal(*t.error), false);
    }

    // Sales or Admin, and the network: first the preview of the code, then the move.
    Gate g = gate(store, Capability::ManageCustomers, /*needsNetwork=*/true);
    std::string label = previewed ? std::string(t.submitting ? tr(Text::TakingOver) : tr(Text::ConfirmTransferIn)) + "##confirm-transfer"
                                  : std::string(t.previewRemote.loading ? tr(Text::CheckingTransferCode) : tr(Text::CheckTransferCode)) +
                                        "##check-transfer-code";
    bool busy = t.submitting || t.previewRemote.loading;
    bool empty = t.token.find_first_not_of(" -") == std::string::npos;
    int clicked = g.open() ? dialogButtons(label.c_str(), ButtonStyle::Primary, busy, !previewed && empty, tr(Text::Cancel))
                           : dialogButtons(label.c_str(), ButtonStyle::Primary, busy, g, tr(Text::Cancel));
    // Enter checks the code; taking the customer over is a click (or Space) on the button.
    if ((clicked == 1 && !previewed) || (enter && g.open() && !previewed && !busy && !empty)) store.lifecycle().previewTransfer();
    else if (clicked == 1 && previewed) store.lifecycle().confirmTransfer();
    if (clicked == 2 || close) store.lifecycle().closeTransferIn();
    endDialog();
}

}  // namespace rc::ui
