#include "core/access.h"

#include <algorithm>

#include "core/app_state.h"

namespace rc {

const char* capabilityName(Capability capability) {
    switch (capability) {
        case Capability::View: return "view";
        case Capability::ManageCustomers: return "manage_customers";
        case Capability::ManageSubscriptions: return "manage_subscriptions";
        case Capability::ExportBilling: return "export_billing";
        case Capability::ManageTeam: return "manage_team";
        case Capability::ManageAccount: return "manage_account";
    }
    return "view";
}

std::vector<std::string> rolesToName(const std::vector<std::string>& roles) {
    std::vector<std::string> out;
    for (const std::string& r : roles)
        if (r != "admin" && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
    if (std::find(roles.begin(), roles.end(), "admin") != roles.end()) out.push_back("admin");
    return out;
}

Permit permit(const AppState& state, Capability capability) {
    if (!state.me || state.me->capabilities.empty() || state.me->member.role.empty()) return {};
    auto it = state.me->capabilities.find(capabilityName(capability));
    if (it == state.me->capabilities.end()) return {};  // not in the server's table: the server decides
    const std::vector<std::string>& roles = it->second;
    if (std::find(roles.begin(), roles.end(), state.me->member.role) != roles.end()) return {};
    return Permit{false, Message{Text::NeedsRole, {MessageArg::roles(rolesToName(roles))}}};
}

bool allowed(const AppState& state, Capability capability) { return permit(state, capability).allowed; }

bool knownAllowed(const AppState& state, Capability capability) {
    if (capability == Capability::View) return true;
    if (!state.me || state.me->capabilities.empty() || state.me->member.role.empty()) return false;
    return permit(state, capability).allowed;
}

}  // namespace rc
