// The store's session slice: start-up (the page's config), signing in (demo, Google) and out,
// a saved session used again after a reload, and what a 401 from any request does.
#pragma once
#include <string>

#include "core/store/context.h"

namespace rc {

class SessionSlice : public Slice {
public:
    explicit SessionSlice(StoreContext& ctx) : Slice(ctx) {}

    // `initialHash` is the address bar's fragment at load: a reload returns to the same screen.
    void start(std::string configUrl, std::string initialHash);
    void retryStart();
    void editEmail(std::string email);
    void signInDemo();
    void signInWithGoogle(const std::string& credential);
    // A person in several accounts (409 choose_reseller): the one they chose, or none.
    void chooseReseller(std::int64_t resellerId);
    void cancelChoice();
    void setGoogleStatus(GoogleStatus status);
    // The Sign out button (the sign-out slice asks first while writes wait).
    void signOut();

    // --- for the other slices
    // Back to sign-in, then back to the same screen (a kiosk signs in again by itself).
    bool handleAuth(const ApiError& error);
    // A request the member's role does not allow slipped through (the role changed meanwhile):
    // says so and asks GET /me again, so the controls show what the role allows now.
    void refusedByRole(const ApiError& error);
    // Asks GET /me again (after a sign-in, a refusal, the network coming back).
    void loadMe();
    void applyMe(Me me);
    // Every screen's data, open dialog and draft: gone (a new session, the next kiosk visitor).
    void forgetScreens();
    // Back to sign-in; `expired`: the server ended the session (it says so there).
    void ended(bool expired);

private:
    void afterConfig();
    void postGoogle(std::int64_t resellerId);
    void signedIn(Session session, bool restored);

    std::string configUrl_;
    std::string initialHash_;
};

}  // namespace rc
