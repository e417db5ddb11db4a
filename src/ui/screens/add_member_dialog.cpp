#include "ui/screens/add_member_dialog.h"

#include <algorithm>

#include "core/format.h"
#include "core/i18n.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/gated.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/text/shown_text.h"

namespace rc::ui {
namespace {

constexpr const char* kRoles[] = {"admin", "buyer", "sales", "viewer"};

Text roleNote(const std::string& role) {
    if (role == "admin") return Text::RoleAdminNote;
    if (role == "buyer") return Text::RoleBuyerNote;
    if (role == "sales") return Text::RoleSalesNote;
    return Text::RoleViewerNote;
}

}  // namespace

bool roleOption(const std::string& role, bool selected, bool disabled) {
    return radioCard(role.c_str(), roleLabel(role), tr(roleNote(role)), selected, disabled);
}

void AddMemberDialog::draw(Store& store) {
    const AddMemberForm& f = store.state().team.add;
    bool close = false;
    bool justOpened = f.open && !wasOpen_;
    wasOpen_ = f.open;
    if (!beginDialog("###add-member", tr(Text::AddMemberTitle), 560, f.open, close)) return;
    paragraph(tr(Text::AddMemberIntro));
    ImGui::Dummy(ImVec2(0, 6));
    if (f.error) errorBanner(describeError(*f.error), false);

    std::string email = f.email, name = f.name, role = f.role;
    bool enter = false, leftEmail = false, leftName = false;
    ImGui::BeginDisabled(f.submitting);
    bool changed = field("##member-email", tr(Text::MemberEmail), email, tr(Text::HintMemberEmail), errorFor(f.fieldErrors, "email"),
                         enter, leftEmail, justOpened);
    changed |= field("##member-name", tr(Text::MemberName), name, tr(Text::HintMemberName), errorFor(f.fieldErrors, "name"), enter,
                     leftName);
    fieldLabel(tr(Text::ChooseRole));
    for (const char* r : kRoles)
        if (roleOption(r, role == r, f.submitting)) role = r;
    if (const std::string* e = errorFor(f.fieldErrors, "role")) fieldError(*e);
    ImGui::EndDisabled();
    if (changed || role != f.role) store.team().editAdd(email, name, role);
    if (leftEmail) store.team().checkField("email");
    if (leftName) store.team().checkField("name");

    std::string label = std::string(f.submitting ? tr(Text::Adding) : tr(Text::AddMember)) + "##confirm-add-member";
    // Adding needs the network (a team change is never queued).
    int clicked = dialogButtons(label.c_str(), ButtonStyle::Primary, f.submitting, networkGate(store), tr(Text::Cancel));
    if (clicked == 1 || (enter && !f.submitting && networkGate(store).open())) store.team().submitAdd();
    if (clicked == 2 || close) store.team().closeAdd();
    endDialog();
}

void MemberChangeDialog::draw(Store& store) {
    const TeamState& team = store.state().team;
    const MemberChange& c = team.change;
    const TeamMember* m = team.member(c.memberId);
    bool close = false;
    std::string name = m ? m->name : std::string();
    std::string title = format::fill(tr(c.removing ? Text::RemoveTitle : Text::ChangeRoleTitle), name);
    if (!beginDialog("###member-change", title, 560, m != nullptr, close)) return;
    bool self = store.state().me && store.state().me->member.id == m->id;
    if (c.removing) {
        paragraph(self ? std::string(tr(Text::RemoveOwnNote)) : format::fill(tr(Text::RemoveNote), name));
    } else {
        paragraph(self ? std::string(tr(Text::ChangeOwnRoleNote)) : format::fill(tr(Text::ChangeRoleNote), name));
        ImGui::Dummy(ImVec2(0, 4));
        fieldLabel(tr(Text::ChooseRole));
        for (const char* r : kRoles)
            if (roleOption(r, c.role == r, c.submitting)) store.team().chooseRole(r);
    }
    if (c.error) {
        ImGui::Dummy(ImVec2(0, 4));
        errorBanner(describeError(*c.error), false);
    }
    int clicked;
    if (c.removing) {
        std::string label = std::string(c.submitting ? tr(Text::Removing) : tr(Text::RemoveMember)) + "##confirm-remove";
        clicked = dialogButtons(label.c_str(), ButtonStyle::Danger, c.submitting, networkGate(store), tr(Text::Cancel));
    } else {
        std::string label = std::string(c.submitting ? tr(Text::Changing) : tr(Text::ChangeRole)) + "##confirm-role";
        // The same role again changes nothing: the button waits for another one.
        Gate g = networkGate(store);
        clicked = c.role == m->role && g.open()
                      ? dialogButtons(label.c_str(), ButtonStyle::Primary, c.submitting, true, tr(Text::Cancel))
                      : dialogButtons(label.c_str(), ButtonStyle::Primary, c.submitting, g, tr(Text::Cancel));
    }
    if (clicked == 1) store.team().confirmChange();
    if (clicked == 2 || close) store.team().closeChange();
    endDialog();
}

}  // namespace rc::ui
