#include "core/store/team.h"

#include <utility>

#include "core/access.h"
#include "core/codec.h"
#include "core/store.h"
#include "core/validation.h"

namespace rc {
namespace {

bool isRole(const std::string& role) { return role == "admin" || role == "buyer" || role == "sales" || role == "viewer"; }

}  // namespace

void TeamSlice::show() {
    const TeamState& t = state().team;
    if (!t.loaded && !t.remote.loading) load();
}

void TeamSlice::load() {
    // A role without manage_team sees the screen say so; nothing is asked that would be refused.
    if (!signedIn() || !allowed(state(), Capability::ManageTeam)) return;
    auto& t = state().team;
    t.remote = Remote{true, std::nullopt};
    api().teamMembers(ctx_.answer<std::vector<TeamMember>>(Landing::on(t.remote), [this](std::vector<TeamMember> members) {
        auto& t = state().team;
        t.members = std::move(members);
        t.loaded = true;
    }));
}

// --- adding a member

void TeamSlice::openAdd() {
    auto& f = state().team.add;
    if (f.open || !allowed(state(), Capability::ManageTeam)) return;
    // Reopening after a failure keeps what was typed; after a success the form starts empty.
    f.open = true;
    f.error.reset();
    if (f.idempotencyKey.empty()) f.idempotencyKey = platform().newIdempotencyKey();
}

void TeamSlice::closeAdd() {
    if (state().team.add.submitting) return;
    state().team.add.open = false;
}

void TeamSlice::editAdd(const std::string& email, const std::string& name, const std::string& role) {
    auto& f = state().team.add;
    if (f.submitting) return;
    if (f.email == email && f.name == name && (f.role == role || !isRole(role))) return;
    bool hadProblem = f.error.has_value() || !f.fieldErrors.empty();
    if (f.email != email) f.fieldErrors.erase("email");
    if (f.name != name) f.fieldErrors.erase("name");
    if (f.role != role) f.fieldErrors.erase("role");
    // Other details are another member: a new key, so the server does not answer with the first attempt.
    if (hadProblem) f.idempotencyKey = platform().newIdempotencyKey();
    f.error.reset();
    f.email = email;
    f.name = name;
    if (isRole(role)) f.role = role;
}

void TeamSlice::checkField(const std::string& field) {
    auto& f = state().team.add;
    if (!f.open || f.submitting) return;
    const std::string& value = field == "email" ? f.email : f.name;
    if (field != "email" && field != "name") return;
    if (validate::trim(value).empty()) return;  // leaving a field empty is not yet a mistake
    auto problem = field == "email" ? validate::email(value) : validate::name(value);
    if (problem) f.fieldErrors[field] = *problem;
    else f.fieldErrors.erase(field);
}

void TeamSlice::submitAdd() {
    auto& f = state().team.add;
    if (!f.open || f.submitting || !signedIn()) return;  // a double click adds once
    f.fieldErrors.clear();
    if (auto e = validate::email(f.email)) f.fieldErrors["email"] = *e;
    if (auto e = validate::name(f.name)) f.fieldErrors["name"] = *e;
    if (!f.fieldErrors.empty()) return;
    f.submitting = true;
    f.error.reset();
    std::string body = codec::encodeNewMember(validate::trim(f.email), validate::trim(f.name), f.role);
    api().addTeamMember(body, f.idempotencyKey, ctx_.answer<TeamMember>(
        Landing::on(f.submitting),
        [this](TeamMember m) {
            ctx_.toast(ToastKind::Success, Text::ToastMemberAdded, {MessageArg::plain(m.name), MessageArg::roles({m.role})});
            state().team.add = AddMemberForm{};
            memberChanged(m.id);
        },
        [this](const ApiError& e) {
            auto& f = state().team.add;
            if (e.code == "member_exists") f.fieldErrors["email"] = describeError(e);
            else if (!e.fields.empty())
                for (const auto& [field, message] : e.fields) f.fieldErrors[field] = message;
            else f.error = e;
        }));
}

// --- changing a role, removing a member

void TeamSlice::askRoleChange(std::int64_t memberId) {
    const TeamMember* m = state().team.member(memberId);
    if (!m || state().team.change.memberId || !allowed(state(), Capability::ManageTeam)) return;
    MemberChange c;
    c.memberId = memberId;
    c.role = m->role;
    c.idempotencyKey = platform().newIdempotencyKey();
    state().team.change = std::move(c);
}

void TeamSlice::chooseRole(const std::string& role) {
    auto& c = state().team.change;
    if (!c.memberId || c.removing || c.submitting || !isRole(role)) return;
    if (c.role != role) c.error.reset();
    c.role = role;
}

void TeamSlice::askRemove(std::int64_t memberId) {
    if (!state().team.member(memberId) || state().team.change.memberId || !allowed(state(), Capability::ManageTeam)) return;
    MemberChange c;
    c.memberId = memberId;
    c.removing = true;
    c.idempotencyKey = platform().newIdempotencyKey();
    state().team.change = std::move(c);
}

void TeamSlice::closeChange() {
    if (state().team.change.submitting) return;
    state().team.change = MemberChange{};
}

void TeamSlice::confirmChange() {
    auto& c = state().team.change;
    const TeamMember* m = state().team.member(c.memberId);
    if (!m || c.submitting || !signedIn()) return;  // a double click sends once
    if (!c.removing && c.role == m->role) return;   // nothing to change
    c.submitting = true;
    c.error.reset();
    std::int64_t id = c.memberId;
    std::string name = m->name;
    // Changing one's own role, or removing oneself, ends this session too (the next answer is a 401).
    auto wanted = [this, id] { return state().team.change.memberId == id; };
    if (c.removing) {
        api().removeTeamMember(id, c.idempotencyKey, ctx_.answer<Unit>(
            Landing::on(c.submitting, &c.error).onlyIf(wanted),
            [this, id, name](Unit) {
                ctx_.toast(ToastKind::Success, Text::ToastMemberRemoved, {MessageArg::plain(name)});
                state().team.change = MemberChange{};
                memberChanged(id);
            }));
        return;
    }
    std::string role = c.role;
    api().changeMemberRole(id, role, c.idempotencyKey, ctx_.answer<TeamMember>(
        Landing::on(c.submitting, &c.error).onlyIf(wanted),
        [this, id](TeamMember m) {
            ctx_.toast(ToastKind::Success, Text::ToastRoleChanged, {MessageArg::plain(m.name), MessageArg::roles({m.role})});
            state().team.change = MemberChange{};
            memberChanged(id);
        }));
}

void TeamSlice::memberChanged(std::int64_t memberId) {
    ctx_.changed(Change::TeamChanged);
    load();
    // The Admin changed themselves: GET /me says what this session may do now (a 401 if it ended).
    if (state().me && state().me->member.id == memberId) store().session().loadMe();
}

}  // namespace rc
