#include "core/store/sign_out.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/store.h"

namespace rc {
namespace {

// While a sign-out is owed, the console asks the server again this often (the browser's
// "online" event alone is not enough: it may never come, or come before the server answers).
constexpr double kRetrySeconds = 20.0;
// A device keeps at most this many owed sign-outs (each a session of someone who left).
constexpr std::size_t kMaxOwed = 16;

}  // namespace

void SignOutSlice::request() {
    AppState& st = state();
    if (!st.session || st.kiosk.enabled) return;  // a kiosk has no way out of its demo account
    // Writes made offline are this member's: never left for the next person, never dropped unasked.
    if (!st.offline.outbox.empty()) {
        st.signOut.asking = true;
        return;
    }
    signOutNow();
}

void SignOutSlice::sendFirst() {
    AppState& st = state();
    if (!st.signOut.asking || st.offline.waitingCount() == 0) return;
    st.signOut.sendingFirst = true;
    if (!st.offline.online) store().offline().retryConnection();
    else store().offline().sendWaiting();
}

void SignOutSlice::discardAndSignOut() {
    if (!state().signOut.asking || !state().session) return;
    signOutNow();
}

void SignOutSlice::cancel() { state().signOut = SignOutState{}; }

void SignOutSlice::writesSettled() {
    AppState& st = state();
    if (!st.signOut.sendingFirst) return;
    st.signOut.sendingFirst = false;
    // All sent: out. Some failed: the warning stays open and says which remain.
    if (st.offline.outbox.empty()) signOutNow();
}

void SignOutSlice::signOutNow() {
    AppState& st = state();
    std::string token = st.session->token;
    st.signOut = SignOutState{};
    // Owed until the server has heard it: pressed offline, it is sent when the network is back.
    std::vector<std::string> tokens = owed();
    if (std::find(tokens.begin(), tokens.end(), token) == tokens.end()) tokens.push_back(token);
    saveOwed(tokens);
    endServerSession(token);
    platform().googleSignedOut();
    clearMemberData(false);
    store().session().ended(false);
    st.route = Route{};
    platform().setRoute(st.route.toHash(), true);
}

void SignOutSlice::sessionDied() {
    if (!state().session) return;
    clearMemberData(true);
}

void SignOutSlice::clearMemberData(bool expired) {
    AppState& st = state();
    st.signIn.writesCleared = 0;
    store().offline().forgetMember([this, expired](int removed) {
        // Said on the sign-in screen only while no one has signed in since.
        if (expired && state().phase == Phase::SignedOut) state().signIn.writesCleared += removed;
    });
    store().columns().forget();
    platform().forgetCachedAnswers();
}

// ---------------------------------------------------------------------------------------------
// Sign-outs the server has not heard yet

std::vector<std::string> SignOutSlice::owed() const {
    std::vector<std::string> tokens;
    nlohmann::json j = nlohmann::json::parse(platform().loadSetting(kOwedKey), nullptr, false);
    if (!j.is_array()) return tokens;
    for (const auto& t : j)
        if (t.is_string() && !t.get<std::string>().empty() && tokens.size() < kMaxOwed) tokens.push_back(t.get<std::string>());
    return tokens;
}

void SignOutSlice::saveOwed(const std::vector<std::string>& tokens) {
    std::vector<std::string> kept = tokens;
    if (kept.size() > kMaxOwed) kept.erase(kept.begin(), kept.end() - kMaxOwed);  // the oldest have expired anyway
    // Nothing at all when none is owed: no trace of anyone in the browser's storage.
    platform().saveSetting(kOwedKey, kept.empty() ? std::string() : nlohmann::json(kept).dump());
}

void SignOutSlice::endOwedSessions() {
    for (const std::string& token : owed()) endServerSession(token);
}

void SignOutSlice::endServerSession(const std::string& token) {
    if (!sending_.insert(token).second) return;  // already on its way
    api().signOutSession(token, [this, token](const HttpResponse& res) {
        sending_.erase(token);
        // No answer, or "try later": still owed. Any other answer ends it (a 401: it had ended).
        bool again = res.status == 0 || res.status == 408 || res.status == 429 || res.status >= 500;
        if (again) {
            scheduleRetry();
            return;
        }
        std::vector<std::string> tokens = owed();
        tokens.erase(std::remove(tokens.begin(), tokens.end(), token), tokens.end());
        saveOwed(tokens);
    });
}

void SignOutSlice::scheduleRetry() {
    if (retrying_) return;
    retrying_ = true;
    platform().after(kRetrySeconds, [this] {
        retrying_ = false;
        endOwedSessions();
    });
}

}  // namespace rc
