#include "ui/screens/team_view.h"

#include <algorithm>

#include "core/access.h"
#include "core/format.h"
#include "core/i18n.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/gated.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {
namespace {

// A role as a badge: Admin stands out, the others are calm.
void roleBadge(const std::string& role) {
    std::string label = roleLabel(role);
    if (role == "admin") pill(label.c_str(), color::Accent, color::AccentSoft);
    else pill(label.c_str(), color::Neutral, color::NeutralSoft);
}

std::string lastSignIn(const TeamMember& m) {
    return m.lastSignInAt.empty() ? std::string(tr(Text::NeverSignedIn)) : format::dateTime(m.lastSignInAt);
}

// The member's actions: change the role, remove, and what they did (the history by them).
void memberActions(Store& store, const TeamMember& m, const Gate& manage, bool lastAdmin) {
    Gate g = unless(manage, lastAdmin, tr(Text::LastAdminReason));
    std::string change = std::string(tr(Text::ChangeRole)) + "##role-" + std::to_string(m.id);
    if (gatedButton(change.c_str(), g, ButtonStyle::Secondary, ImVec2(0, 34))) store.team().askRoleChange(m.id);
    std::string remove = std::string(tr(Text::RemoveMember)) + "##remove-" + std::to_string(m.id);
    sameLineIfFits(buttonWidth(remove.c_str()));
    if (gatedButton(remove.c_str(), g, ButtonStyle::DangerGhost, ImVec2(0, 34))) store.team().askRemove(m.id);
    float rowH = ImGui::GetItemRectSize().y;  // 34, or taller for a finger
    std::string activity = std::string(tr(Text::MemberActivity)) + "##activity-" + std::to_string(m.id);
    sameLineIfFits(ImGui::CalcTextSize(tr(Text::MemberActivity)).x + 16, 16);
    // The link's words level with the buttons' labels.
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (rowH - ImGui::GetTextLineHeight()) * 0.5f);
    if (link(activity.c_str())) {
        Route r;
        r.screen = Screen::Dashboard;
        r.actor = m.email;
        store.navigate(r);
    }
}

void memberList(Store& store, const TeamState& team, const Gate& manage) {
    const Me* me = store.state().me ? &*store.state().me : nullptr;
    float w = ImGui::GetContentRegionAvail().x;
    bool wide = w >= 760;
    a11y::beginList(tr(Text::MenuTeam));
    std::int64_t count = static_cast<std::int64_t>(team.members.size());
    for (std::size_t i = 0; i < team.members.size(); ++i) {
        const TeamMember& m = team.members[i];
        bool lastAdmin = m.role == "admin" && team.admins() <= 1;
        bool self = me && me->member.id == m.id;
        ImGui::PushID(static_cast<int>(m.id));
        a11y::beginListItem(static_cast<std::int64_t>(i) + 1, count);
        ImVec2 top = ImGui::GetCursorScreenPos();
        if (i > 0) ImGui::GetWindowDrawList()->AddLine(ImVec2(top.x, top.y - 6), ImVec2(top.x + w, top.y - 6), color::Border);
        ImGui::BeginGroup();
        text(m.name, color::Text, fonts().medium);
        if (self) {
            ImGui::SameLine(0, 10);
            pill(tr(Text::You), color::Success, color::SuccessSoft);
        }
        text(m.email, color::TextMuted, fonts().small);
        ImGui::EndGroup();
        if (wide) {
            // Who, their role, when they last signed in, and the actions, in four columns.
            ImGui::SameLine(w * 0.36f);
            ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, top.y + 8));
            roleBadge(m.role);
            ImGui::SameLine(w * 0.50f);
            ImGui::BeginGroup();
            text(tr(Text::ColLastSignIn), color::TextMuted, fonts().small, "label");
            text(lastSignIn(m), color::Text, fonts().small);
            ImGui::EndGroup();
            ImGui::SameLine(w * 0.68f);
            ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, top.y + 2));
            ImGui::BeginGroup();
            memberActions(store, m, manage, lastAdmin);
            ImGui::EndGroup();
        } else {
            ImGui::Dummy(ImVec2(0, 2));
            roleBadge(m.role);
            ImGui::SameLine(0, 12);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 3);
            text(std::string(tr(Text::ColLastSignIn)) + ": " + lastSignIn(m), color::TextMuted, fonts().small);
            ImGui::Dummy(ImVec2(0, 2));
            memberActions(store, m, manage, lastAdmin);
        }
        gateNotes();
        ImGui::Dummy(ImVec2(0, 10));
        a11y::end();
        ImGui::PopID();
    }
    a11y::end();
}

void rolesCard(float width) {
    beginCard("###roles-card", tr(Text::RolesCard), ImVec2(width, 0));
    const std::pair<const char*, Text> roles[] = {{"admin", Text::RoleAdminNote}, {"buyer", Text::RoleBuyerNote},
                                                  {"sales", Text::RoleSalesNote}, {"viewer", Text::RoleViewerNote}};
    float w = ImGui::GetContentRegionAvail().x;
    bool side = w >= 520;
    for (const auto& [role, note] : roles) {
        ImGui::BeginGroup();
        roleBadge(role);
        if (side) ImGui::SameLine(130);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (side ? 3 : 0));
        paragraph(tr(note), color::TextMuted);
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, 2));
    }
    endCard();
}

}  // namespace

void TeamView::draw(Store& store) {
    const AppState& st = store.state();
    const TeamState& team = st.team;
    std::string addLabel = std::string("+  ") + tr(Text::AddMember) + "##add-member";
    Gate role = roleGate(store, Capability::ManageTeam);
    if (!role.open()) {
        // Other roles reach #/team only by its address: they are told who manages the team.
        heading(tr(Text::MenuTeam), tr(Text::TeamSubtitle));
        std::string body = format::fill(tr(Text::TeamAdminsOnlyBody), roleLabel(st.me ? st.me->member.role : std::string()));
        emptyState(icon::Lock, tr(Text::TeamAdminsOnly), body.c_str());
        return;
    }
    Gate manage = gate(store, Capability::ManageTeam, /*needsNetwork=*/true);
    PageTitle title(tr(Text::MenuTeam), tr(Text::TeamSubtitle), addLabel.c_str());
    bool add = gatedButton(addLabel.c_str(), manage, ButtonStyle::Primary, title.actionSize());
    a11y::lastName(tr(Text::AddMember));  // said without the "+" drawn before it
    if (add) store.team().openAdd();
    if (title.beside() && !manage.open()) title.under(50, gateNotesWidth());
    gateNotes();
    title.end();

    float width = ImGui::GetContentRegionAvail().x;
    activityBar(width, team.remote.loading);
    if (team.remote.error && !team.loaded) {
        if (errorBanner(std::string(tr(Text::CouldNotLoadTeam)) + ": " + describeError(*team.remote.error), true))
            store.team().load();
        return;
    }
    if (!team.loaded) return;

    pageScrollStartsAtTop("###team-scroll");
    ImGui::BeginChild("###team-scroll", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    a11y::scrollArea();
    width = ImGui::GetContentRegionAvail().x - 4;
    beginCard("###team-card", format::fill(tr(Text::TeamCount), format::integer(static_cast<std::int64_t>(team.members.size()))).c_str(),
              ImVec2(width, 0));
    memberList(store, team, manage);
    endCard();
    ImGui::Dummy(ImVec2(0, 8));
    rolesCard(width);
    ImGui::Dummy(ImVec2(0, 8));
    ImGui::EndChild();
}

}  // namespace rc::ui
