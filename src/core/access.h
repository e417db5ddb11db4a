// What the signed-in member may do, read from GET /me's role x capability table (the server's
// one table; the console keeps no copy of the rules). A control the role does not allow is shown
// disabled with the reason — "Needs the Buyer or Admin role" — never hidden: the kit draws it
// (src/ui/kit/gated.h), this says whether and why.
#pragma once
#include <string>
#include <vector>

#include "core/message.h"
#include "core/model.h"

namespace rc {

struct AppState;

// The capabilities of the contract (tests/contract/me.json): a later endpoint names one of
// these, or a new one added here with its server name.
// ManageAccount (issue 18): the reseller's billing profile, Admins only.
enum class Capability { View, ManageCustomers, ManageSubscriptions, ExportBilling, ManageTeam, ManageAccount };
const char* capabilityName(Capability capability);

// Whether the member may use a control, and if not, why (a message, so a language switch
// re-words it).
struct Permit {
    bool allowed = true;
    Message reason;  // when not allowed: "Needs the {roles} role"
};

// From the member's role and GET /me's table. While the table is not known yet (the first
// answer is on its way) everything is allowed: the server decides, and a refusal refreshes it.
Permit permit(const AppState& state, Capability capability);
bool allowed(const AppState& state, Capability capability);
// Allowed, and known to be (GET /me has answered): what the navigation offers (Team for Admins).
bool knownAllowed(const AppState& state, Capability capability);

// The roles in the order a reason names them: the narrowest first, Admin last ("Buyer or Admin").
std::vector<std::string> rolesToName(const std::vector<std::string>& roles);

}  // namespace rc
