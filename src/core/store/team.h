// The store's team slice: the Team screen (Admins only): the members with their role and last
// sign-in, adding a member, changing a member's role, removing one. A role change or removal is
// asked first (the dialog is the confirmation); the server ends that member's sessions at once.
#pragma once
#include <cstdint>
#include <string>

#include "core/store/context.h"

namespace rc {

class TeamSlice : public Slice {
public:
    explicit TeamSlice(StoreContext& ctx) : Slice(ctx) {}

    // Shown: loaded unless the members are here or on their way (and only for a role that may).
    void show();
    void load();

    void openAdd();
    void closeAdd();
    void editAdd(const std::string& email, const std::string& name, const std::string& role);
    void checkField(const std::string& field);  // a field the Admin left is checked at once
    void submitAdd();

    // Opens the confirmation for a new role, or for removing the member.
    void askRoleChange(std::int64_t memberId);
    void chooseRole(const std::string& role);
    void askRemove(std::int64_t memberId);
    void closeChange();
    void confirmChange();

    // --- for the store
    void forget() { state().team = TeamState{}; }

private:
    void memberChanged(std::int64_t memberId);
};

}  // namespace rc
