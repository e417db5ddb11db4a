#include "core/store/session.h"

#include <utility>

#include "core/codec.h"
#include "core/store.h"
#include "core/validation.h"

namespace rc {

void SessionSlice::start(std::string configUrl, std::string initialHash) {
    configUrl_ = std::move(configUrl);
    if (!initialHash.empty()) initialHash_ = std::move(initialHash);
    state().phase = Phase::Booting;
    state().configError.reset();
    api().fetchConfig(configUrl_, [this](Result<AppConfig> r) {
        if (!r.ok()) {
            state().phase = Phase::ConfigFailed;
            state().configError = r.error();
            return;
        }
        state().config = r.value();
        afterConfig();
    });
}

void SessionSlice::retryStart() { start(configUrl_, {}); }

void SessionSlice::afterConfig() {
    AppState& st = state();
    api().setBaseUrl(st.config.apiBaseUrl);
    if (st.signIn.email.empty() || st.config.kiosk.enabled) st.signIn.email = st.config.demoEmail;
    if (st.config.kiosk.enabled) {
        st.kiosk.enabled = true;
        st.kiosk.lastInput = st.kiosk.lastStart = platform().now();
        platform().enterKioskMode();
    }
    st.signIn.google = st.config.googleClientId.empty() ? GoogleStatus::NotConfigured : GoogleStatus::Loading;
    if (!st.config.googleClientId.empty()) platform().startGoogleSignIn(st.config.googleClientId);
    st.route = Route::fromHash(initialHash_);
    store().signOut().endOwedSessions();  // a Sign out made offline before this visit
    // A session saved before a reload is used again until it expires; the server has the last word.
    auto saved = codec::decodeSession(platform().loadSession());
    if (saved.ok()) {
        signedIn(saved.value(), /*restored=*/true);
        return;
    }
    st.phase = Phase::SignedOut;
    if (st.kiosk.enabled) store().kiosk().signIn();
}

void SessionSlice::editEmail(std::string email) {
    state().signIn.email = std::move(email);
    state().signIn.error.reset();
}

void SessionSlice::signInDemo() {
    auto& s = state().signIn;
    if (s.pending || state().phase != Phase::SignedOut) return;  // a double click signs in once
    s.pending = true;
    s.error.reset();
    api().signInDemo(validate::trim(s.email), ctx_.answer<Session>(Landing::on(s.pending, &s.error), [this](Session session) {
        signedIn(std::move(session), false);
    }));
}

void SessionSlice::signInWithGoogle(const std::string& credential) {
    auto& s = state().signIn;
    if (s.pending || state().phase != Phase::SignedOut || credential.empty()) return;
    s.credential = credential;
    s.choices.clear();
    postGoogle(0);
}

void SessionSlice::postGoogle(std::int64_t resellerId) {
    auto& s = state().signIn;
    s.pending = true;
    s.error.reset();
    api().signInGoogle(s.credential, resellerId, ctx_.answer<Session>(
        Landing::on(s.pending),
        [this](Session session) {
            state().signIn.credential.clear();
            state().signIn.choices.clear();
            signedIn(std::move(session), false);
        },
        [this](const ApiError& e) {
            auto& s = state().signIn;
            // Several accounts: the console asks which, then posts the same credential again.
            if (e.code == "choose_reseller" && !e.resellerChoices.empty()) {
                s.choices = e.resellerChoices;
                return;
            }
            s.credential.clear();
            s.choices.clear();
            s.error = e;
        }));
}

void SessionSlice::chooseReseller(std::int64_t resellerId) {
    auto& s = state().signIn;
    if (s.pending || state().phase != Phase::SignedOut || s.credential.empty()) return;
    bool offered = false;
    for (const auto& c : s.choices) offered = offered || c.id == resellerId;
    if (!offered) return;
    postGoogle(resellerId);
}

void SessionSlice::cancelChoice() {
    auto& s = state().signIn;
    if (s.pending) return;
    s.choices.clear();
    s.credential.clear();
}

void SessionSlice::setGoogleStatus(GoogleStatus status) {
    if (state().config.googleClientId.empty()) return;
    state().signIn.google = status;
}

void SessionSlice::signedIn(Session session, bool restored) {
    AppState& st = state();
    ctx_.newGeneration();
    api().setToken(session.token);
    if (!restored) platform().saveSession(codec::encodeSession(session));
    // What the session knows of the member until GET /me answers (a reload: the last answer's table).
    st.me = Me{session.member.value_or(Member{}), session.reseller, session.capabilities};
    st.session = std::move(session);
    st.phase = Phase::SignedIn;
    st.signIn.sessionEnded = false;
    st.signIn.writesCleared = 0;
    st.signIn.error.reset();
    forgetScreens();
    st.plans.reset();
    store().offline().signedIn();
    platform().setRoute(st.route.toHash(), false);
    ctx_.enterRoute();
    loadMe();
    store().importer().resume();  // an import a reload or a closed tab interrupted goes on
    store().bulk().resume();      // and a bulk job this device started is followed again
    if (!restored) store().signOut().endOwedSessions();  // the network is evidently there
}

void SessionSlice::loadMe() {
    if (!state().session) return;
    api().me(ctx_.answer<Me>(Landing::quiet(), [this](Me me) { applyMe(std::move(me)); }));
}

void SessionSlice::applyMe(Me me) {
    AppState& st = state();
    if (!st.session) return;
    Session& s = *st.session;
    // A server from before teams names no member: the one the session knows stays.
    if (!me.member.id && s.member) me.member = *s.member;
    std::string roleBefore = st.me ? st.me->member.role : std::string();
    bool changed = s.reseller.id != me.reseller.id || s.reseller.name != me.reseller.name || s.reseller.email != me.reseller.email ||
                   (me.member.id && (!s.member || !(*s.member == me.member))) ||
                   (!me.capabilities.empty() && me.capabilities != s.capabilities);
    s.reseller = me.reseller;
    if (me.member.id) s.member = me.member;
    if (!me.capabilities.empty()) s.capabilities = me.capabilities;
    // Kept with the session: a reload knows the member's role before GET /me answers again.
    if (changed) platform().saveSession(codec::encodeSession(s));
    if (me.capabilities.empty()) me.capabilities = s.capabilities;
    bool roleChanged = !roleBefore.empty() && !me.member.role.empty() && roleBefore != me.member.role;
    std::string role = me.member.role;
    st.me = std::move(me);
    if (roleChanged) ctx_.toast(ToastKind::Info, Text::RoleNowIs, {MessageArg::roles({role})});
}

void SessionSlice::refusedByRole(const ApiError& error) {
    if (!state().session) return;
    ctx_.toast(ToastKind::Error, Text::RoleRefused, {MessageArg::failure(error)});
    loadMe();
}

void SessionSlice::forgetScreens() {
    AppState& st = state();
    store().customers().forgetSearch();  // a search still being typed
    st.dashboard = DashboardState{};
    st.customers = CustomerListState{};
    st.customer = CustomerPageState{};
    st.transferIn = TransferInState{};
    st.invoices = InvoiceListState{};
    st.invoice = InvoiceDetailState{};
    st.newCustomer = NewCustomerForm{};
    st.billingProfile = BillingProfileState{};
    store().team().forget();
}

void SessionSlice::signOut() { store().signOut().request(); }

void SessionSlice::ended(bool expired) {
    AppState& st = state();
    ctx_.newGeneration();
    store().offline().signedOut();
    store().importer().signedOut();
    store().bulk().signedOut();
    store().views().signedOut();
    api().setToken({});
    platform().saveSession("");
    st.session.reset();
    st.me.reset();
    st.signOut = SignOutState{};
    st.phase = Phase::SignedOut;
    st.signIn.sessionEnded = expired;
    st.signIn.pending = false;
    // st.route stays: signing in again returns to where the reseller was.
}

bool SessionSlice::handleAuth(const ApiError& error) {
    if (!error.isAuth() || !state().session) return false;
    // Expired or revoked: the member's data goes from this browser as on Sign out.
    store().signOut().sessionDied();
    ended(true);
    // A kiosk signs in again by itself and returns to the same screen.
    if (state().kiosk.enabled) store().kiosk().signIn();
    return true;
}

}  // namespace rc
