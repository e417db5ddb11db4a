// The store's sign-out slice: a member leaving a shared computer. Sign out asks first while
// writes made offline still wait (send them first, or discard them), then removes that member's
// saved answers, queued writes and this device's settings from the browser. The server's
// session is ended even when Sign out was pressed offline: the token is kept on this device
// until the server has heard it (issue 24 defect 13). A session found dead (expired, revoked)
// clears the member's data the same way.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "core/store/context.h"

namespace rc {

class SignOutSlice : public Slice {
public:
    explicit SignOutSlice(StoreContext& ctx) : Slice(ctx) {}

    // The Sign out button: asks first while writes wait, else signs out.
    void request();
    void sendFirst();          // the warning's "Send them first": signs out once they are sent
    void discardAndSignOut();  // the warning's "Discard them and sign out"
    void cancel();

    // --- for the other slices
    // The session turned out dead (a 401): clears the member's data before it is forgotten.
    void sessionDied();
    // The offline queue has nothing waiting or on its way (after "Send them first").
    void writesSettled();
    // Sends the sign-outs the server has not heard yet (at start, when the network is back).
    void endOwedSessions();

    // The setting that holds the tokens of sessions still to be ended on the server.
    static constexpr const char* kOwedKey = "resellerConsole.signOutOwed";

private:
    void signOutNow();
    // Removes the member's saved answers, queued writes and this device's settings.
    // `expired`: the sign-in screen says how many queued writes went (they were never sent).
    void clearMemberData(bool expired);
    std::vector<std::string> owed() const;
    void saveOwed(const std::vector<std::string>& tokens);
    void endServerSession(const std::string& token);
    void scheduleRetry();

    std::set<std::string> sending_;  // owed sign-outs on their way
    bool retrying_ = false;          // a retry timer is set
};

}  // namespace rc
