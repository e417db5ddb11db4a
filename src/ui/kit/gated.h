// A control that cannot be used now is shown disabled with the reason, never hidden: the
// member's role ("Needs the Buyer or Admin role", from GET /me's table, core/access.h) or the
// network ("Needs a connection — you are offline"). The reason is the control's tooltip, its
// accessible description in the mirror, and a small muted line under the row of controls.
//
//     Gate g = gate(store, Capability::ManageSubscriptions, /*needsNetwork=*/true);
//     if (gatedButton("Upgrade plan##change-plan", g)) store.subscription().openPlanChange();
//     ...                                   // more controls of the row
//     gateNotes();                          // under the row: each reason once
//
// A control drawn some other way (a link, a dialog's buttons) is drawn disabled while the gate is
// closed and followed by gateLast(g).
#pragma once
#include <string>

#include "core/access.h"
#include "core/store.h"
#include "imgui.h"
#include "ui/kit/widgets.h"

namespace rc::ui {

struct Gate {
    enum class Why { Open, Role, Network, Rule };  // Rule: the account's own rules (the last Admin)
    Why why = Why::Open;
    std::string reason;  // in the current language; empty while open
    bool open() const { return why == Why::Open; }
};

// The member's role allows it, else why not.
Gate roleGate(const Store& store, Capability capability);
// Offline: why a control that needs the network is off.
Gate networkGate(const Store& store);
// The role first, then (when `needsNetwork`) the network.
Gate gate(const Store& store, Capability capability, bool needsNetwork = false);
// `gate` if it is closed, else closed by a rule of the account when `applies` (the last Admin).
Gate unless(const Gate& gate, bool applies, const std::string& rule);

// A button that is disabled, with its reason, while the gate is closed (busy and disabled as button()).
bool gatedButton(const char* label, const Gate& gate, ButtonStyle style = ButtonStyle::Secondary, ImVec2 size = ImVec2(0, 0),
                 bool busy = false, bool disabled = false);
// The item drawn last is disabled by `gate`: its tooltip and accessible description say why, and
// the reason waits for gateNotes(). Nothing when the gate is open.
void gateLast(const Gate& gate);
// The same for a control that shows its reason itself (an empty state's action): tooltip and
// accessible description only.
void describeLast(const Gate& gate);
// Under a row of gated controls: each reason of the controls drawn since the last call, once,
// small and muted (a lock for the role). Returns whether it drew anything.
bool gateNotes();
// The width the widest of those lines takes (to place them under a page title's action).
float gateNotesWidth();

}  // namespace rc::ui
