// The store's kiosk slice: signing in to the demo account by itself, the idle clock's
// decisions (src/core/kiosk.h) applied to the state, and starting over for the next visitor.
#pragma once
#include "core/store/context.h"

namespace rc {

class KioskSlice : public Slice {
public:
    explicit KioskSlice(StoreContext& ctx) : Slice(ctx) {}

    // Any touch, click or key: the visitor is there (and "Still there?" goes away).
    void input();
    // Applies what is due now (the notice, or starting over); returns when to look again
    // (platform clock, 0: nothing pending). Cheap: the loop calls it every frame.
    double tick();
    // Starts over for the next visitor: dialogs closed, typed text and scroll positions gone,
    // back to the dashboard, and the server asked to put the demo data back. Answers to
    // anything asked before are dropped.
    void startOver();
    // Opens the customer's invitation page in this window; it links back to this customer.
    void openInvitationPage();

    // --- for the other slices
    void signIn();
};

}  // namespace rc
