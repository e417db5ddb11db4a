#include "core/store.h"

#include <utility>

namespace rc {

void Store::start(std::string configUrl) {
    configUrl_ = std::move(configUrl);
    state_.phase = Phase::Booting;
    state_.configError.reset();
    api_.fetchConfig(configUrl_, [this](Result<AppConfig> r) {
        if (!r.ok()) {
            state_.phase = Phase::ConfigFailed;
            state_.configError = r.error();
            return;
        }
        state_.config = r.value();
        api_.setBaseUrl(state_.config.apiBaseUrl);
        if (state_.signIn.email.empty()) state_.signIn.email = state_.config.demoEmail;
        state_.phase = state_.session ? Phase::SignedIn : Phase::SignedOut;
    });
}

void Store::retryStart() { start(configUrl_); }

void Store::editSignInEmail(std::string email) {
    state_.signIn.email = std::move(email);
    state_.signIn.error.reset();
}

void Store::signInDemo() {
    if (state_.signIn.pending || state_.phase != Phase::SignedOut) return;  // a double click signs in once
    state_.signIn.pending = true;
    state_.signIn.error.reset();
    api_.signInDemo(state_.signIn.email, [this](Result<Session> r) {
        state_.signIn.pending = false;
        if (!r.ok()) {
            state_.signIn.error = r.error();
            return;
        }
        onSignedIn(std::move(r.value()));
    });
}

void Store::onSignedIn(Session session) {
    ++sessionGeneration_;
    api_.setToken(session.token);
    state_.session = std::move(session);
    state_.phase = Phase::SignedIn;
    state_.signIn.sessionEnded = false;
    state_.customers = CustomerListState{};
    reloadCustomers();
}

void Store::signOut() {
    if (!state_.session) return;
    // Ends the session on the server; locally it ends now whatever the answer.
    api_.signOut([](Result<Unit>) {});
    ++sessionGeneration_;
    api_.setToken({});
    state_.session.reset();
    state_.phase = Phase::SignedOut;
    state_.customers = CustomerListState{};
    state_.screen = Screen::Dashboard;
}

void Store::onAuthError(const ApiError&) {
    ++sessionGeneration_;
    api_.setToken({});
    state_.session.reset();
    state_.phase = Phase::SignedOut;
    state_.signIn.sessionEnded = true;
    state_.customers = CustomerListState{};
    // state_.screen stays, so signing in again returns to where the reseller was.
}

void Store::navigate(Screen screen) {
    state_.screen = screen;
    if ((screen == Screen::Customers || screen == Screen::Dashboard) && !state_.customers.loaded &&
        !state_.customers.loading)
        reloadCustomers();
}

void Store::reloadCustomers() {
    if (!state_.session) return;
    auto& list = state_.customers;
    list.loading = true;
    list.error.reset();
    std::uint64_t request = ++customersRequest_;
    std::uint64_t generation = sessionGeneration_;
    CustomerQuery query;
    api_.listCustomers(query, [this, request, generation](Result<CustomersPage> r) {
        if (!isCurrentSession(generation) || request != customersRequest_) return;  // a newer request owns the list
        auto& list = state_.customers;
        list.loading = false;
        if (!r.ok()) {
            if (r.error().isAuth()) return onAuthError(r.error());
            list.error = r.error();
            return;
        }
        list.items = std::move(r.value().items);
        list.total = r.value().total;
        list.nextCursor = r.value().nextCursor;
        list.loaded = true;
    });
}

void Store::loadMoreCustomers() {
    auto& list = state_.customers;
    if (!state_.session || list.loading || list.nextCursor.empty()) return;
    list.loading = true;
    list.error.reset();
    std::uint64_t request = ++customersRequest_;
    std::uint64_t generation = sessionGeneration_;
    CustomerQuery query;
    query.cursor = list.nextCursor;
    api_.listCustomers(query, [this, request, generation](Result<CustomersPage> r) {
        if (!isCurrentSession(generation) || request != customersRequest_) return;
        auto& list = state_.customers;
        list.loading = false;
        if (!r.ok()) {
            if (r.error().isAuth()) return onAuthError(r.error());
            list.error = r.error();
            return;
        }
        for (auto& c : r.value().items) list.items.push_back(std::move(c));
        list.total = r.value().total;
        list.nextCursor = r.value().nextCursor;
    });
}

}  // namespace rc
