#include "ui/kit/offline_widgets.h"

#include <string>

#include "core/format.h"
#include "core/i18n.h"
#include "imgui_internal.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {
namespace {

constexpr float kNoticeHeight = 44.0f;

// One calm strip: an icon, a sentence, and an optional button on the right. Returns true when
// the button is clicked.
bool notice(const char* id, const char* glyph, const std::string& message, ImU32 fg, ImU32 bg, ImU32 edge, float width,
            const char* action) {
    ImGui::PushID(id);
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + kNoticeHeight), bg, 8);
    dl->AddRect(p, ImVec2(p.x + width, p.y + kNoticeHeight), edge, 8);
    float actionW = 0;
    if (action) {
        ImGui::PushFont(fonts().medium);
        actionW = ImGui::CalcTextSize(action, nullptr, true).x + 28;
        ImGui::PopFont();
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x + 16, p.y + (kNoticeHeight - ImGui::GetTextLineHeight()) * 0.5f));
    text(glyph, fg, nullptr, "icon");
    ImGui::SameLine(0, 10);
    // Long sentences (German, narrow windows) are cut with "…"; items() keeps the whole text.
    float room = width - 58 - (action ? actionW + 16 : 0);
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_Text, fg);
    ImVec2 size = ImGui::CalcTextSize(message.c_str());
    ImGui::RenderTextEllipsis(dl, at, ImVec2(at.x + room, at.y + size.y), at.x + room, at.x + room, message.c_str(), nullptr,
                              &size);
    ImGui::PopStyleColor();
    if (auto* reg = currentRegistry()) reg->record(message, "notice", at.x, at.y, std::min(size.x, room), size.y);
    bool clicked = false;
    if (action) {
        ImGui::SetCursorScreenPos(ImVec2(p.x + width - actionW - 6, p.y + 6));
        clicked = button(action, ButtonStyle::Secondary, ImVec2(actionW, kNoticeHeight - 12));
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + kNoticeHeight + 10));
    ImGui::Dummy(ImVec2(width, 0));
    ImGui::PopID();
    return clicked;
}

std::string waitingLine(const OfflineState& o) {
    std::size_t n = o.waitingCount();
    if (n == 0) return {};
    return "  ·  " + (n == 1 ? std::string(tr(Text::OfflineWaitingOne))
                             : format::fill(tr(Text::OfflineWaitingMany), format::integer(static_cast<std::int64_t>(n))));
}


// Retry and Discard for a failed write, Discard for a waiting one; none while it is on its way.
void writeActions(Store& store, const QueuedWrite& w) {
    if (w.state == WriteState::Sending) return;
    ImGui::PushID(w.storageKey.c_str());
    // One kept too long cannot be sent again safely: Discard only (its reason says why).
    if (w.state == WriteState::Failed && !(w.error && w.error->code == write_queue::kTooOldCode)) {
        std::string retry = std::string(tr(Text::Retry)) + "##retry-write";
        if (button(retry.c_str(), ButtonStyle::Secondary)) store.offline().retryWrite(w.storageKey);
        ImGui::SameLine(0, 8);
    }
    std::string discard = std::string(tr(Text::Discard)) + "##discard-write";
    if (button(discard.c_str(), ButtonStyle::DangerGhost)) store.offline().discardWrite(w.storageKey);
    ImGui::PopID();
}

}  // namespace

// The state of one queued write, as a badge (and the server's reason when it failed).
void writeStatus(const QueuedWrite& w) {
    if (w.state == WriteState::Sending) {
        pill(tr(Text::Sending), color::Accent, color::AccentSoft);
    } else if (w.state == WriteState::Failed) {
        pill(tr(Text::NotSent), color::Danger, color::DangerSoft);
    } else {
        pill(tr(Text::WaitingToSend), color::Warning, color::WarningSoft);
    }
}

float offlineNotices(Store& store, float width) {
    const AppState& st = store.state();
    const OfflineState& o = st.offline;
    float startY = ImGui::GetCursorPosY();
    if (o.updateReady) {
        std::string label = std::string(tr(Text::Reload)) + "##reload-update";
        if (notice("update", icon::Refresh, tr(Text::UpdateReady), color::Accent, color::AccentSoft, color::rgb(200, 218, 250),
                   width, label.c_str()))
            store.offline().applyUpdate();
    }
    if (st.phase != Phase::SignedIn) return ImGui::GetCursorPosY() - startY;
    if (!o.online) {
        std::string line = o.dataFrom ? format::fill(tr(Text::OfflineDataFrom),
                                                     format::localTime(o.dataFrom, o.utcOffsetMinutes, o.checkedAt, language()))
                                      : std::string(tr(Text::OfflineNoData));
        std::string retry = std::string(tr(Text::Retry)) + "##retry-connection";
        if (notice("offline", icon::Warning, line + waitingLine(o), color::rgb(70, 76, 88), color::NeutralSoft, color::Border,
                   width, retry.c_str()))
            store.offline().retryConnection();
    }
    if (o.offlineUseUnavailable() && !o.storageNoteDismissed) {
        std::string dismiss = std::string(tr(Text::Dismiss)) + "##dismiss-storage";
        if (notice("storage", icon::Warning,
                   tr(o.storage == OfflineStorage::Full ? Text::StorageFull : Text::StorageUnavailable), color::Warning,
                   color::WarningSoft, color::rgb(245, 225, 180), width, dismiss.c_str()))
            store.offline().dismissStorageNote();
    }
    return ImGui::GetCursorPosY() - startY;
}

void waitingInvitations(Store& store) {
    const auto& outbox = store.state().offline.outbox;
    bool any = false;
    for (const auto& w : outbox) any = any || w.kind == WriteKind::NewCustomer;
    if (!any) return;
    beginCard("###waiting-invitations", nullptr);
    float w = ImGui::GetContentRegionAvail().x;
    for (const auto& q : outbox) {
        if (q.kind != WriteKind::NewCustomer) continue;
        ImGui::PushID(q.storageKey.c_str());
        ImGui::BeginGroup();
        text(q.customerName, color::Text, fonts().medium, "cell");
        text(q.organization + "  ·  " + q.googleDomain + "  ·  " + q.email, color::TextMuted, fonts().small, "cell");
        ImGui::EndGroup();
        ImGui::SameLine(w * 0.55f);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 6);
        writeStatus(q);
        ImGui::SameLine(w - 210);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        writeActions(store, q);
        if (q.error) text(describeError(*q.error), color::Danger, fonts().small, "alert");
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, 2));
    }
    endCard();
    ImGui::Dummy(ImVec2(0, 4));
}

void waitingLicenseOrders(Store& store, std::int64_t customerId) {
    for (const auto& q : store.state().offline.outbox) {
        if (q.kind != WriteKind::LicenseOrder || q.customerId != customerId) continue;
        ImGui::PushID(q.storageKey.c_str());
        ImGui::Dummy(ImVec2(0, 4));
        text(format::fill(tr(Text::QueuedOrderRow), format::integer(q.licenses), format::integer(q.licensesBefore)), color::Text,
             fonts().medium, "text");
        ImGui::SameLine(0, 12);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 2);
        writeStatus(q);
        if (q.error) paragraph(describeError(*q.error), color::Danger);
        writeActions(store, q);
        ImGui::PopID();
    }
}

void loadError(const Store& store, const ApiError& error) {
    if (store.offline().isOffline() && error.isNetwork()) {
        textMuted(tr(Text::NotSavedOffline));
        return;
    }
    paragraph(describeError(error), color::Danger);
}

}  // namespace rc::ui
