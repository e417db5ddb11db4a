#include "ui/screens/sign_out_dialog.h"

#include "core/format.h"
#include "core/i18n.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/offline_widgets.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {
namespace {

std::string body(std::size_t n) {
    return n == 1 ? std::string(tr(Text::SignOutWaitingBodyOne))
                  : format::fill(tr(Text::SignOutWaitingBody), format::integer(static_cast<std::int64_t>(n)));
}

std::string what(const QueuedWrite& w) {
    if (w.kind == WriteKind::NewCustomer) return format::fill(tr(Text::SignOutRowInvitation), w.email);
    return format::fill(tr(Text::SignOutRowOrder), format::integer(w.licenses), w.customerName);
}

}  // namespace

void SignOutDialog::draw(Store& store) {
    const AppState& st = store.state();
    bool close = false;
    bool open = st.signOut.asking && st.session.has_value();
    if (!beginDialog("###sign-out-waiting", tr(Text::SignOutWaitingTitle), 560, open, close)) return;
    const auto& outbox = st.offline.outbox;
    paragraph(body(outbox.size()));
    ImGui::Dummy(ImVec2(0, 4));
    bool failed = false;
    for (const QueuedWrite& w : outbox) {
        ImGui::PushID(w.storageKey.c_str());
        text(what(w), color::Text, fonts().medium, "text");
        ImGui::SameLine(0, 12);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 2);
        writeStatus(w);
        if (w.error) paragraph(describeError(*w.error), color::Danger, fonts().small);
        failed = failed || w.state == WriteState::Failed;
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, 2));
    }
    std::size_t waiting = st.offline.waitingCount();
    if (st.signOut.sendingFirst && !st.offline.online) paragraph(tr(Text::SignOutWaitingOffline), color::TextMuted, fonts().small);
    else if (failed && !st.signOut.sendingFirst) paragraph(tr(Text::SignOutFailedLeft), color::TextMuted, fonts().small);
    // The safe choice on the right: send them (nothing waiting: just stay); the destructive one red.
    std::string discard = std::string(tr(Text::SignOutDiscard)) + "##sign-out-discard";
    std::string keep = waiting > 0 ? std::string(st.signOut.sendingFirst ? tr(Text::SignOutSending) : tr(Text::SignOutSendFirst)) +
                                         "##sign-out-send"
                                   : std::string(tr(Text::Cancel)) + "##sign-out-cancel";
    int clicked = dialogButtons(discard.c_str(), ButtonStyle::Danger, false, false, keep.c_str());
    if (clicked == 1) store.signOut().discardAndSignOut();
    if (clicked == 2) {
        if (waiting > 0) store.signOut().sendFirst();
        else store.signOut().cancel();
    }
    if (close) store.signOut().cancel();
    endDialog();
}

}  // namespace rc::ui
