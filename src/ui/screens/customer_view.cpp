#include "ui/screens/customer_view.h"

#include <cmath>

#include "core/format.h"
#include "core/i18n.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/gated.h"
#include "ui/kit/layout.h"
#include "ui/kit/offline_widgets.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/screens/billing_parts.h"
#include "ui/screens/renewal_dialog.h"

namespace rc::ui {
namespace {

void invitationCard(Store& store, const Customer& c, bool busy) {
    const Invitation& inv = *c.invitation;
    beginCard("###invitation-card", tr(Text::InvitationCard));
    if (inv.status == "pending" || inv.status == "expired") {
        if (inv.status == "pending") {
            paragraph(tr(Text::InvitationPendingNote));
            ImGui::Dummy(ImVec2(0, 4));
        }
        keyValue(tr(Text::InvitationSent), format::dateTime(inv.sentAt));
        keyValue(inv.status == "expired" ? tr(Text::InvitationExpired) : tr(Text::InvitationExpires), format::dateTime(inv.expiresAt),
                 inv.status == "expired" ? color::Danger : 0);
        if (!inv.url.empty()) {
            ImGui::Dummy(ImVec2(0, 4));
            text(tr(Text::InvitationLink), color::TextMuted, nullptr, "label");
            // The link in a read-only field: selectable, and copied with one click.
            std::string url = inv.url;
            float w = ImGui::GetContentRegionAvail().x;
            std::string copy = std::string(tr(Text::CopyLink)) + "##copy-link";
            float copyW = std::max(140.0f, buttonWidth(copy.c_str()));
            // The link and its button side by side, or the button under it on a narrow card.
            bool beside = w - copyW - 10 >= 220;
            inputText("##invitation-url", tr(Text::InvitationLink), url, beside ? w - copyW - 10 : w, nullptr, ImGuiInputTextFlags_ReadOnly);
            if (beside) ImGui::SameLine(0, 10);
            if (button(copy.c_str(), ButtonStyle::Secondary, ImVec2(copyW, 0))) store.customerPage().copyInvitationLink();
            if (store.state().kiosk.enabled) {
                // A kiosk has no other window to paste the link into: it opens the page here.
                std::string open = std::string(tr(Text::OpenInvitationPage)) + "##open-invitation";
                sameLineIfFits(buttonWidth(open.c_str()));
                if (button(open.c_str(), ButtonStyle::Secondary, ImVec2(0, 38))) store.kiosk().openInvitationPage();
            }
        }
        ImGui::Dummy(ImVec2(0, 6));
        // Resend and revoke need the Sales or Admin role, and the network.
        Gate manage = gate(store, Capability::ManageCustomers, /*needsNetwork=*/true);
        if (store.state().customer.confirmingRevoke) {
            // Revoking cannot be undone: one more, explicit step.
            paragraph(tr(Text::RevokeQuestion), color::Danger);
            std::string yes = std::string(tr(Text::ConfirmRevoke)) + "##confirm-revoke";
            if (gatedButton(yes.c_str(), manage, ButtonStyle::Danger, ImVec2(0, 38), busy)) store.customerPage().revokeInvitation();
            std::string no = std::string(tr(Text::Cancel)) + "##cancel-revoke";
            sameLineIfFits(buttonWidth(no.c_str()));
            if (button(no.c_str(), ButtonStyle::Secondary, ImVec2(0, 38), false, busy)) store.customerPage().cancelRevoke();
        } else {
            std::string resend = std::string(tr(Text::Resend)) + "##resend";
            if (gatedButton(resend.c_str(), manage, ButtonStyle::Secondary, ImVec2(0, 38), busy)) store.customerPage().resendInvitation();
            std::string revoke = std::string(tr(Text::Revoke)) + "##revoke";
            sameLineIfFits(buttonWidth(revoke.c_str()));
            if (gatedButton(revoke.c_str(), manage, ButtonStyle::DangerGhost, ImVec2(0, 38), false, busy)) store.customerPage().requestRevoke();
        }
        gateNotes();
    } else if (inv.status == "accepted") {
        keyValue(tr(Text::InvitationSent), format::dateTime(inv.sentAt));
        keyValue(tr(Text::InvitationAccepted), format::dateTime(inv.acceptedAt), color::Success);
    } else if (inv.status == "declined") {
        paragraph(tr(Text::InvitationDeclinedNote), color::TextMuted);  // wraps on a phone
        keyValue(tr(Text::InvitationSent), format::dateTime(inv.sentAt));
        keyValue(tr(Text::InvitationDeclined), format::dateTime(inv.declinedAt), color::Danger);
    } else {
        paragraph(tr(Text::InvitationRevokedNote), color::TextMuted);
        keyValue(tr(Text::InvitationSent), format::dateTime(inv.sentAt));
    }
    // Issue 23: a revoked, declined or cancelled customer can be invited again (an expired link
    // is sent again above); Sales or Admin, and the network.
    if (c.status == CustomerStatus::Revoked || c.status == CustomerStatus::Declined || c.status == CustomerStatus::Cancelled) {
        ImGui::Dummy(ImVec2(0, 4));
        paragraph(tr(Text::InviteAgainNote), color::TextMuted);
        Gate manage = gate(store, Capability::ManageCustomers, /*needsNetwork=*/true);
        std::string again = std::string(tr(Text::InviteAgain)) + "##invite-again";
        if (gatedButton(again.c_str(), manage, ButtonStyle::Secondary, ImVec2(0, 38), busy)) store.customerPage().inviteAgain();
        gateNotes();
    }
    endCard();
}

void renewalButton(Store& store, const Gate& change) {
    std::string renewal = std::string(tr(Text::RenewalSettings)) + "##renewal";
    sameLineIfFits(buttonWidth(renewal.c_str()));
    if (gatedButton(renewal.c_str(), change, ButtonStyle::Secondary, ImVec2(0, 40))) store.lifecycle().openRenewal();
}

// Transfers (issue 23): a running subscription can move to another reseller with a one-time code;
// while one is open the card says so and offers to revoke it. Sales or Admin, and the network.
void transferSection(Store& store, const Customer& c, bool busy) {
    const std::string& st = c.subscription->status;
    if (st != "trial" && st != "active" && st != "pending_cancel" && st != "suspended") return;
    const CustomerPageState& page = store.state().customer;
    ImGui::Dummy(ImVec2(0, 6));
    Gate manage = gate(store, Capability::ManageCustomers, /*needsNetwork=*/true);
    const auto& code = c.transferToken;
    bool expired = code && code->expiresAt.substr(0, 10) < store.today();  // the server ends it at that moment; a day is enough here
    if (code && expired) {
        paragraph(format::fill(tr(Text::TransferExpiredNote), code->createdBy, format::date(code->expiresAt.substr(0, 10))), color::TextMuted);
    } else if (code) {
        paragraph(format::fill(tr(Text::TransferOutstanding), format::date(code->expiresAt.substr(0, 10)), code->createdBy), color::Warning);
        ImGui::Dummy(ImVec2(0, 2));
        if (page.revokingTransfer) {
            paragraph(tr(Text::RevokeTransferQuestion), color::Danger);
            std::string yes = std::string(tr(Text::ConfirmRevokeTransfer)) + "##confirm-revoke-transfer";
            if (gatedButton(yes.c_str(), manage, ButtonStyle::Danger, ImVec2(0, 38), busy)) store.lifecycle().revokeTransferToken();
            std::string no = std::string(tr(Text::Cancel)) + "##cancel-revoke-transfer";
            sameLineIfFits(buttonWidth(no.c_str()));
            if (button(no.c_str(), ButtonStyle::Secondary, ImVec2(0, 38), false, busy)) store.lifecycle().cancelRevokeTransfer();
        } else {
            std::string revoke = std::string(tr(Text::RevokeTransferCode)) + "##revoke-transfer";
            if (gatedButton(revoke.c_str(), manage, ButtonStyle::DangerGhost, ImVec2(0, 38), false, busy))
                store.lifecycle().requestRevokeTransfer();
        }
        gateNotes();
        return;
    }
    std::string out = std::string(tr(Text::TransferOut)) + "##transfer-out";
    if (gatedButton(out.c_str(), manage, ButtonStyle::Ghost, ImVec2(0, 38), false, busy)) store.lifecycle().openTransferOut();
    gateNotes();
}

void subscriptionCard(Store& store, const Customer& c, bool busy) {
    beginCard("###subscription-card", tr(Text::SubscriptionCard));
    if (!c.subscription) {
        paragraph(c.status == CustomerStatus::Revoked ? tr(Text::InvitationRevokedNote) : tr(Text::NoSubscriptionYet), color::TextMuted);
        endCard();
        return;
    }
    const Subscription& s = *c.subscription;
    keyValue(tr(Text::TermsPlan), planLabel(s.plan));
    keyValue(tr(Text::TermsCycle), cycleLabel(s.billingCycle));
    keyValue(tr(Text::TermsLicenses), format::integer(s.licenses));
    {
        float w = ImGui::GetContentRegionAvail().x;
        text(tr(Text::TermsStatus), color::TextMuted, nullptr, "label");
        ImGui::SameLine(std::min(230.0f, w * 0.45f));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 3);
        statusBadge(presentSubscription(s, store.today()));
    }
    keyValue(tr(Text::TermsTerm), format::date(s.termStart) + " – " + format::date(s.termEnd));
    if (s.status == "trial") keyValue(tr(Text::TermsTrialEnds), format::date(s.termEnd));
    // During a trial the next day is the first bill, not a renewal.
    keyValue(tr(s.status == "trial" ? Text::TermsFirstBill : Text::TermsRenews),
             s.renewsAt.empty() ? std::string(tr(Text::Dash)) : format::date(s.renewsAt));
    keyValue(tr(Text::TermsAutoRenew), s.autoRenew && s.status != "pending_cancel" ? tr(Text::Yes) : tr(Text::No));
    // Issue 23: an annual plan's renewal setting with its day and price; a flexible plan's seat cap.
    std::string atRenewal = renewalSummary(s);
    if (!atRenewal.empty()) keyValue(tr(Text::TermsAtRenewal), atRenewal);
    if (!s.isAnnual() && s.maxLicenses && !s.isCancelled())
        keyValue(tr(Text::SeatCap), format::fill(tr(Text::SeatCapLicenses), format::integer(*s.maxLicenses)));
    // An ended subscription bills nothing more: no price, no recurring amount.
    if (!s.isCancelled()) {
        std::string per = s.billingCycle == "annual_yearly" ? tr(Text::PerLicenseYear) : tr(Text::PerLicenseMonth);
        keyValue(tr(Text::TermsUnitPrice), format::money(s.unitPrice) + " " + per);
        std::string period = s.billingCycle == "annual_yearly" ? tr(Text::PerYear) : tr(Text::PerMonth);
        keyValue(tr(Text::TermsRecurring), format::money(s.recurringAmount) + " " + period);
    }

    if (s.scheduledChange) {
        ImGui::Dummy(ImVec2(0, 4));
        std::string what = planWithCycle(s.scheduledChange->plan, s.scheduledChange->billingCycle);
        text(format::fill(tr(Text::ScheduledChange), what, format::date(s.scheduledChange->effectiveOn)), color::Accent, nullptr, "text");
    }
    waitingLicenseOrders(store, c.id);
    ImGui::Dummy(ImVec2(0, 8));
    // Ordering needs the Buyer or Admin role (offline it waits in the queue); plan changes,
    // cancelling and undoing it need the network too.
    Gate order = gate(store, Capability::ManageSubscriptions);
    Gate change = gate(store, Capability::ManageSubscriptions, /*needsNetwork=*/true);
    if (s.status == "pending_cancel") {
        paragraph(format::fill(tr(Text::PendingCancelNote), format::date(s.termEnd)), color::Warning);
        ImGui::Dummy(ImVec2(0, 4));
        std::string undo = std::string(tr(Text::UndoCancel)) + "##reactivate";
        if (gatedButton(undo.c_str(), change, ButtonStyle::Primary, ImVec2(0, 40), busy)) store.subscription().reactivate();
        if (s.isAnnual()) renewalButton(store, change);
        gateNotes();
    } else if (s.isCancelled()) {
        paragraph(tr(Text::CancelledNote), color::TextMuted);
    } else if (s.isSuspended()) {
        // Issue 23: only Resume (with its preview) or cancelling; orders and plan changes wait.
        const char* why = s.suspension && s.suspension->reason == "customer_request" ? tr(Text::SuspendReasonCustomer)
                                                                                       : tr(Text::SuspendReasonNonPayment);
        std::string since = s.suspension ? format::date(s.suspension->since.substr(0, 10)) : std::string(tr(Text::Dash));
        paragraph(format::fill(tr(Text::SuspendedNote), since, why), color::Warning);
        ImGui::Dummy(ImVec2(0, 4));
        std::string resume = std::string(tr(Text::Resume)) + "##resume";
        if (gatedButton(resume.c_str(), change, ButtonStyle::Primary, ImVec2(0, 40), busy)) store.lifecycle().openResume();
        if (s.isAnnual()) renewalButton(store, change);
        std::string cancel = std::string(tr(Text::CancelSubscription)) + "##cancel-subscription";
        sameLineIfFits(buttonWidth(cancel.c_str()));
        if (gatedButton(cancel.c_str(), change, ButtonStyle::DangerGhost, ImVec2(0, 40))) store.subscription().openCancel();
        gateNotes();
    } else {
        // The actions in a row that wraps where the card is narrow.
        std::string add = std::string(tr(Text::AddLicenses)) + "##add-licenses";
        if (gatedButton(add.c_str(), order, ButtonStyle::Primary, ImVec2(0, 40))) store.subscription().openLicenseOrder();
        if (s.status == "trial") {  // issue 23: the paid plan now, with its preview
            std::string start = std::string(tr(Text::StartPaid)) + "##start-paid";
            sameLineIfFits(buttonWidth(start.c_str()));
            if (gatedButton(start.c_str(), change, ButtonStyle::Secondary, ImVec2(0, 40))) store.lifecycle().openStartPaid();
        }
        std::string plan = std::string(tr(Text::ChangePlan)) + "##change-plan";
        sameLineIfFits(buttonWidth(plan.c_str()));
        if (gatedButton(plan.c_str(), change, ButtonStyle::Secondary, ImVec2(0, 40))) store.subscription().openPlanChange();
        if (s.status == "active") {  // a paid subscription (not a trial) can be suspended (issue 23)
            std::string suspend = std::string(tr(Text::Suspend)) + "##suspend";
            sameLineIfFits(buttonWidth(suspend.c_str()));
            if (gatedButton(suspend.c_str(), change, ButtonStyle::Secondary, ImVec2(0, 40))) store.lifecycle().openSuspend();
        }
        if (s.isAnnual() && s.status == "active") renewalButton(store, change);
        if (!s.isAnnual()) {
            std::string cap = std::string(tr(Text::SeatCap)) + "##seat-cap";
            sameLineIfFits(buttonWidth(cap.c_str()));
            if (gatedButton(cap.c_str(), change, ButtonStyle::Secondary, ImVec2(0, 40))) store.lifecycle().openSeatCap();
        }
        std::string cancel = std::string(tr(Text::CancelSubscription)) + "##cancel-subscription";
        sameLineIfFits(buttonWidth(cancel.c_str()));
        if (gatedButton(cancel.c_str(), change, ButtonStyle::DangerGhost, ImVec2(0, 40))) store.subscription().openCancel();
        gateNotes();
    }
    transferSection(store, c, busy);
    endCard();
}

void invoicesCard(Store& store, const CustomerPageState& page) {
    beginCard("###customer-invoices", nullptr);
    float w = ImGui::GetContentRegionAvail().x;
    text(tr(Text::CustomerInvoices), color::Text, fonts().medium, "heading");
    float headingW = ImGui::GetItemRectSize().x;
    float linkW = ImGui::CalcTextSize(tr(Text::ViewAllInvoices)).x;
    if (headingW + 20 + linkW <= w) ImGui::SameLine(ImGui::GetCursorPosX() + w - linkW);
    std::string all = std::string(tr(Text::ViewAllInvoices)) + "##all-invoices";
    if (link(all.c_str())) {
        Route r;
        r.screen = Screen::Invoices;
        r.invoices.customerId = page.id;
        store.navigate(r);
    }
    ImGui::Dummy(ImVec2(0, 2));
    if (page.invoicesRemote.loading && page.invoices.empty()) {
        spinner(8, color::Accent);
    } else if (page.invoicesRemote.error) {
        loadError(store, *page.invoicesRemote.error);
    } else if (page.invoices.empty()) {
        textMuted(tr(Text::NoInvoicesForCustomer));
    } else {
        // One line each where the card is wide; number and total, then date and status, where not.
        bool stacked = w < 420;
        float rowH = tappable(stacked ? 50 : 30);
        for (std::size_t i = 0; i < page.invoices.size() && i < 8; ++i) {
            const Invoice& inv = page.invoices[i];
            ImGui::PushID(static_cast<int>(i));
            ImVec2 at = ImGui::GetCursorScreenPos();
            if (auto* reg = currentRegistry()) reg->setNextKind("row");
            if (ImGui::Selectable("##inv", false, 0, ImVec2(w, rowH))) store.invoices().open(inv.id);
            if (auto* reg = currentRegistry()) reg->record(inv.number, "row", at.x, at.y, w, rowH);
            if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            std::string total = format::money(inv.total);
            float totalW = ImGui::CalcTextSize(total.c_str()).x;
            if (stacked) {
                ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + (rowH - 44) * 0.5f));
                text(inv.number, color::Accent, fonts().medium, "cell");
                ImGui::SameLine(w - totalW);
                text(total, color::Text, nullptr, "cell");
                text(format::date(inv.issuedAt.substr(0, 10)), color::TextMuted, fonts().small, "cell");
                ImGui::SameLine(0, 12);
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 3);
                invoiceBadge(inv.status);
            } else {
                ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + (rowH - 18) * 0.5f));
                text(inv.number, color::Accent, fonts().medium, "cell");
                ImGui::SameLine(w * 0.32f);
                text(format::date(inv.issuedAt.substr(0, 10)), color::TextMuted, nullptr, "cell");
                ImGui::SameLine(w * 0.58f);
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 3);
                invoiceBadge(inv.status);
                ImGui::SameLine(w - totalW);
                text(total, color::Text, nullptr, "cell");
            }
            ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + rowH + 4));
            ImGui::Dummy(ImVec2(0, 0));
            ImGui::PopID();
        }
    }
    endCard();
}

void activityCard(const Store& store, const CustomerPageState& page) {
    beginCard("###customer-activity", tr(Text::ActivityCard));
    if (page.activityRemote.loading && page.activity.empty()) {
        spinner(8, color::Accent);
    } else if (page.activityRemote.error) {
        loadError(store, *page.activityRemote.error);
    } else if (page.activity.empty()) {
        textMuted(tr(Text::NoActivity));
    } else {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (std::size_t i = 0; i < page.activity.size() && i < 12; ++i) {
            const ActivityEntry& a = page.activity[i];
            ImVec2 at = ImGui::GetCursorScreenPos();
            dl->AddCircleFilled(ImVec2(at.x + 5, at.y + 9), 4, color::Accent);
            if (i + 1 < std::min<std::size_t>(page.activity.size(), 12))
                dl->AddLine(ImVec2(at.x + 5, at.y + 16), ImVec2(at.x + 5, at.y + 48), color::Border);
            ImGui::SetCursorScreenPos(ImVec2(at.x + 20, at.y));
            ImGui::BeginGroup();
            ImGui::PushTextWrapPos(0);
            text(activitySentence(a), color::Text, nullptr, "text");
            ImGui::PopTextWrapPos();
            text(format::dateTime(a.createdAt) + " · " + activityActor(a), color::TextMuted, fonts().small, "text");
            ImGui::EndGroup();
            ImGui::Dummy(ImVec2(0, 4));
        }
    }
    endCard();
}

}  // namespace

void CustomerView::draw(Store& store) {
    const AppState& st = store.state();
    const CustomerPageState& page = st.customer;
    std::string back = std::string(icon::ChevronLeft) + "  " + tr(Text::BackToCustomers) + "##back";
    if (link(back.c_str())) {
        Route r;
        r.screen = Screen::Customers;
        r.customers = st.customers.filter;
        store.navigate(r);
    }
    ImGui::Dummy(ImVec2(0, 4));
    float width = ImGui::GetContentRegionAvail().x;
    activityBar(width, page.remote.loading);

    if (!page.customer) {
        if (page.remote.error) {
            bool missing = page.remote.error->status == 404;
            std::string msg = missing ? std::string(tr(Text::CustomerNotFound))
                                      : std::string(tr(Text::CouldNotLoadCustomer)) + ": " + describeError(*page.remote.error);
            if (errorBanner(msg, !missing)) store.customerPage().reload();
        }
        return;
    }
    const Customer& c = *page.customer;

    // Header: name and status (and Edit customer on the right where it fits), then
    // organization · domain · email.
    const float headerX = ImGui::GetCursorPosX(), headerY = ImGui::GetCursorPosY();
    const float headerW = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(fonts().title);
    text(c.name, color::Text, fonts().title, "heading");
    ImGui::PopFont();
    ImGui::SameLine(0, 14);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
    StatusPresentation status = presentStatus(c, store.today());
    statusBadge(status);
    if (!status.detail.empty()) {  // a trial's days left, beside the badge
        ImGui::SameLine(0, 10);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 2);
        text(status.detail, color::TextMuted, fonts().small, "label");
    }
    // Edit customer: Sales or Admin, and the network (an edit is never queued).
    Gate manage = gate(store, Capability::ManageCustomers, /*needsNetwork=*/true);
    std::string editLabel = std::string(tr(Text::EditCustomer)) + "##edit-customer";
    const float editW = buttonWidth(editLabel.c_str());
    ImGui::SameLine(0, 0);
    const bool editBeside = ImGui::GetContentRegionAvail().x >= editW + 24;
    if (editBeside) {
        ImGui::SetCursorPos(ImVec2(headerX + headerW - editW, headerY - 2));
        if (gatedButton(editLabel.c_str(), manage, ButtonStyle::Secondary, ImVec2(editW, 36), page.edit.submitting))
            store.lifecycle().openEdit();
    } else {
        ImGui::NewLine();
    }
    // Organization, domain and email: one line where it fits, else broken between them, never
    // inside an address.
    std::string all = c.organization + "  ·  " + c.googleDomain + "  ·  " + c.email;
    std::string orgDomain = c.organization + "  ·  " + c.googleDomain;
    float room = ImGui::GetContentRegionAvail().x;
    if (ImGui::CalcTextSize(all.c_str()).x <= room) {
        text(all, color::TextMuted, nullptr, "text");
    } else if (ImGui::CalcTextSize(orgDomain.c_str()).x <= room) {
        text(orgDomain, color::TextMuted, nullptr, "text");
        text(c.email, color::TextMuted, nullptr, "text");
    } else {
        for (const std::string* part : {&c.organization, &c.googleDomain, &c.email}) text(*part, color::TextMuted, nullptr, "text");
    }
    if (!editBeside) {  // a phone: under the details
        ImGui::Dummy(ImVec2(0, 2));
        if (gatedButton(editLabel.c_str(), manage, ButtonStyle::Secondary, ImVec2(0, 38), page.edit.submitting))
            store.lifecycle().openEdit();
    }
    gateNotes();
    ImGui::Dummy(ImVec2(0, 8));
    if (page.actionError) {
        if (errorBanner(describeError(*page.actionError), true)) store.customerPage().reload();
    }

    // Two columns: the subscription (and invitation) on the left, invoices and history on the right.
    pageScrollStartsAtTop("###customer-scroll", page.id);
    ImGui::BeginChild("###customer-scroll", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    a11y::scrollArea();
    float gap = 20;
    float avail = ImGui::GetContentRegionAvail().x - 4;
    bool side = twoColumns(avail);  // else one column: the subscription first, then invoices and history
    float left = side ? std::floor((avail - gap) * 0.52f) : avail;
    float right = side ? avail - gap - left : avail;
    ImGui::BeginGroup();
    ImGui::PushItemWidth(left);
    const bool invitationMatters = c.status == CustomerStatus::Invited || c.status == CustomerStatus::Revoked ||
                                   c.status == CustomerStatus::Declined || c.status == CustomerStatus::Cancelled;
    if (c.invitation && invitationMatters) {
        ImGui::BeginChild("###inv-col", ImVec2(left, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NoBackground);
        invitationCard(store, c, page.actionPending);
        ImGui::EndChild();
        ImGui::Dummy(ImVec2(0, 4));
    }
    ImGui::BeginChild("###sub-col", ImVec2(left, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NoBackground);
    subscriptionCard(store, c, page.actionPending);
    ImGui::Dummy(ImVec2(0, 4));
    billingDetailsCard(store, c);
    ImGui::EndChild();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    if (side) ImGui::SameLine(0, gap);
    else ImGui::Dummy(ImVec2(0, 4));
    ImGui::BeginGroup();
    ImGui::BeginChild("###right-col", ImVec2(right, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NoBackground);
    invoicesCard(store, page);
    ImGui::Dummy(ImVec2(0, 4));
    activityCard(store, page);
    ImGui::EndChild();
    ImGui::EndGroup();
    ImGui::EndChild();
}

}  // namespace rc::ui
