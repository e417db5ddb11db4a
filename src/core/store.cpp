#include "core/store.h"

#include <algorithm>
#include <utility>

#include "core/codec.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/validation.h"

namespace rc {
namespace {

constexpr double kToastSeconds = 5.0;

}  // namespace

// ---------------------------------------------------------------------------------------------
// Start-up and session

void Store::start(std::string configUrl, std::string initialHash) {
    configUrl_ = std::move(configUrl);
    loadColumns();
    if (!initialHash.empty()) initialHash_ = std::move(initialHash);
    state_.phase = Phase::Booting;
    state_.configError.reset();
    api_.fetchConfig(configUrl_, [this](Result<AppConfig> r) {
        if (!r.ok()) {
            state_.phase = Phase::ConfigFailed;
            state_.configError = r.error();
            return;
        }
        state_.config = r.value();
        afterConfig();
    });
}

void Store::retryStart() { start(configUrl_); }

void Store::restore(AppState saved) {
    ++sessionGeneration_;  // answers to this store's own requests no longer apply
    auto idle = [](Remote& r) { r.loading = false; };
    idle(saved.dashboard.remote);
    idle(saved.customers.remote);
    saved.customers.rows.forgetInFlight();
    saved.invoices.rows.forgetInFlight();
    idle(saved.customer.remote);
    idle(saved.customer.activityRemote);
    idle(saved.customer.invoicesRemote);
    idle(saved.customer.licenses.previewRemote);
    idle(saved.customer.plan.previewRemote);
    idle(saved.invoices.remote);
    idle(saved.invoice.remote);
    idle(saved.download);
    saved.signIn.pending = false;
    saved.newCustomer.submitting = false;
    saved.customer.actionPending = false;
    saved.customer.licenses.ordering = false;
    saved.customer.plan.submitting = false;
    saved.customer.cancel.submitting = false;
    saved.offline.probing = false;
    for (auto& w : saved.offline.outbox)
        if (w.state == WriteState::Sending) w.state = WriteState::Waiting;  // its answer went with the old store
    state_ = std::move(saved);
    api_.setBaseUrl(state_.config.apiBaseUrl);
    api_.setToken(state_.session ? state_.session->token : std::string());
}

void Store::afterConfig() {
    api_.setBaseUrl(state_.config.apiBaseUrl);
    if (state_.signIn.email.empty() || state_.config.kiosk.enabled) state_.signIn.email = state_.config.demoEmail;
    if (state_.config.kiosk.enabled) {
        state_.kiosk.enabled = true;
        state_.kiosk.lastInput = state_.kiosk.lastStart = platform_.now();
        platform_.enterKioskMode();
    }
    state_.signIn.google = state_.config.googleClientId.empty() ? GoogleStatus::NotConfigured : GoogleStatus::Loading;
    state_.route = Route::fromHash(initialHash_);
    // A session saved before a reload is used again until it expires; the server has the last word.
    auto saved = codec::decodeSession(platform_.loadSession());
    if (saved.ok()) {
        onSignedIn(saved.value(), /*restored=*/true);
        std::uint64_t generation = sessionGeneration_;
        api_.me([this, generation](Result<Reseller> r) {
            if (!isCurrentSession(generation)) return;
            if (!r.ok()) {
                handleAuth(r.error());
                return;
            }
            state_.session->reseller = r.value();
        });
        return;
    }
    state_.phase = Phase::SignedOut;
    if (state_.kiosk.enabled) kioskSignIn();
}

void Store::editSignInEmail(std::string email) {
    state_.signIn.email = std::move(email);
    state_.signIn.error.reset();
}

void Store::signInDemo() {
    if (state_.signIn.pending || state_.phase != Phase::SignedOut) return;  // a double click signs in once
    state_.signIn.pending = true;
    state_.signIn.error.reset();
    api_.signInDemo(validate::trim(state_.signIn.email), [this](Result<Session> r) {
        state_.signIn.pending = false;
        if (!r.ok()) {
            state_.signIn.error = r.error();
            return;
        }
        onSignedIn(std::move(r.value()), false);
    });
}

void Store::signInWithGoogle(const std::string& credential) {
    if (state_.signIn.pending || state_.phase != Phase::SignedOut || credential.empty()) return;
    state_.signIn.pending = true;
    state_.signIn.error.reset();
    api_.signInGoogle(credential, [this](Result<Session> r) {
        state_.signIn.pending = false;
        if (!r.ok()) {
            state_.signIn.error = r.error();
            return;
        }
        onSignedIn(std::move(r.value()), false);
    });
}

void Store::setGoogleStatus(GoogleStatus status) {
    if (state_.config.googleClientId.empty()) return;
    state_.signIn.google = status;
}

void Store::onSignedIn(Session session, bool restored) {
    ++sessionGeneration_;
    api_.setToken(session.token);
    if (!restored) platform_.saveSession(codec::encodeSession(session));
    state_.session = std::move(session);
    state_.phase = Phase::SignedIn;
    state_.signIn.sessionEnded = false;
    state_.signIn.error.reset();
    forgetScreens();
    state_.plans.reset();
    offlineSignedIn();
    platform_.setRoute(state_.route.toHash(), false);
    enterRoute();
}

void Store::forgetScreens() {
    searchPending_ = false;  // a search still being typed
    state_.dashboard = DashboardState{};
    state_.customers = CustomerListState{};
    state_.customer = CustomerPageState{};
    state_.invoices = InvoiceListState{};
    state_.invoice = InvoiceDetailState{};
    state_.newCustomer = NewCustomerForm{};
}

void Store::signOut() {
    if (!state_.session || state_.kiosk.enabled) return;  // a kiosk has no way out of its demo account
    // Ends the session on the server; locally it ends now whatever the answer.
    api_.signOut([](Result<Unit>) {});
    platform_.googleSignedOut();
    offlineSignedOut(/*dropData=*/true);  // the saved answers go; queued writes wait for this reseller
    endSession(false);
    state_.route = Route{};
    platform_.setRoute(state_.route.toHash(), true);
}

void Store::endSession(bool expired) {
    ++sessionGeneration_;
    offlineSignedOut(/*dropData=*/false);
    api_.setToken({});
    platform_.saveSession("");
    state_.session.reset();
    state_.phase = Phase::SignedOut;
    state_.signIn.sessionEnded = expired;
    state_.signIn.pending = false;
    // state_.route stays: signing in again returns to where the reseller was.
}

bool Store::handleAuth(const ApiError& error) {
    if (!error.isAuth() || !state_.session) return false;
    endSession(true);
    // A kiosk signs in again by itself and returns to the same screen.
    if (state_.kiosk.enabled) kioskSignIn();
    return true;
}

// ---------------------------------------------------------------------------------------------
// Navigation

void Store::navigate(const Route& route, bool push) {
    bool same = route == state_.route;
    state_.route = route;
    if (state_.phase != Phase::SignedIn) return;
    if (push && !same) platform_.setRoute(route.toHash(), true);
    enterRoute();
}

void Store::enterRoute() {
    const Route& r = state_.route;
    switch (r.screen) {
        case Screen::Dashboard:
            if (!state_.dashboard.data && !state_.dashboard.remote.loading) loadDashboard();
            break;
        case Screen::Customers:
            if (!state_.customers.loaded || state_.customers.stale || state_.customers.filter != r.customers)
                setCustomerFilter(r.customers);
            break;
        case Screen::Customer:
            if (state_.customer.id != r.customerId || !state_.customer.customer) {
                CustomerPageState fresh;
                fresh.id = r.customerId;
                state_.customer = std::move(fresh);
                reloadCustomer();
            }
            break;
        case Screen::Invoices:
            if (!state_.invoices.loaded || state_.invoices.stale || state_.invoices.filter != r.invoices)
                setInvoiceFilter(r.invoices);
            if (r.invoiceId && state_.invoice.id != r.invoiceId) openInvoice(r.invoiceId);
            if (!r.invoiceId) state_.invoice = InvoiceDetailState{};
            break;
    }
}

// ---------------------------------------------------------------------------------------------
// Dashboard

void Store::loadDashboard() {
    if (!state_.session) return;
    state_.dashboard.remote = Remote{true, std::nullopt};
    std::uint64_t generation = sessionGeneration_;
    api_.dashboard([this, generation](Result<Dashboard> r) {
        if (!isCurrentSession(generation)) return;
        state_.dashboard.remote.loading = false;
        if (!r.ok()) {
            if (!handleAuth(r.error())) state_.dashboard.remote.error = r.error();
            return;
        }
        state_.dashboard.data = std::move(r.value());
    });
    api_.activity(0, 8, [this, generation](Result<ActivityPage> r) {
        if (!isCurrentSession(generation) || !r.ok()) return;  // the figures above carry the error
        state_.dashboard.recent = std::move(r.value().items);
    });
}

// ---------------------------------------------------------------------------------------------
// Customers

void Store::setCustomerFilter(const CustomerFilter& filter) {
    auto& list = state_.customers;
    if (state_.route.screen == Screen::Customers && state_.route.customers != filter) {
        state_.route.customers = filter;
        platform_.setRoute(state_.route.toHash(), false);  // typing a search is not a history step
    }
    bool onlySearch = list.loaded && !list.stale && filter.status == list.filter.status && filter.sort == list.filter.sort &&
                      filter.search != list.filter.search;
    if (onlySearch) {
        // One request per pause in typing: each key moves the moment it is sent.
        searchPending_ = true;
        pendingSearch_ = filter;
        searchDueAt_ = platform_.now() + kSearchPause;
        return;
    }
    searchPending_ = false;
    applyCustomerFilter(filter);
}

void Store::applyCustomerFilter(const CustomerFilter& filter) {
    auto& list = state_.customers;
    if (list.filter != filter) list.first = list.last = 0;  // a new result starts at its top
    list.filter = filter;
    list.stale = false;
    list.rows.reset();  // answers for the old filter are dropped
    viewCustomers(list.first, list.last);
}

template <class Item, class Filter, class Page, class Fetch>
void Store::viewRows(ListState<Item, Filter> AppState::*member, std::int64_t first, std::int64_t last, Fetch fetch) {
    auto& list = state_.*member;
    list.first = first;
    list.last = last;
    if (!state_.session) return;
    std::uint64_t generation = sessionGeneration_;
    for (const auto& block : list.rows.view(first, last)) {
        fetch(list.filter, block.offset, block.limit, [this, member, generation, ticket = block.ticket](Result<Page> r) {
            if (!isCurrentSession(generation)) return;
            auto& list = state_.*member;
            if (!r.ok()) {
                if (handleAuth(r.error())) return;
                list.rows.fail(ticket, r.error());
            } else if (list.rows.receive(ticket, std::move(r.value().items), r.value().total)) {
                list.loaded = true;
            }
            list.remote = Remote{list.rows.loading(), list.rows.error()};
        });
    }
    list.remote = Remote{list.rows.loading(), list.rows.error()};
}

void Store::reloadCustomers() { applyCustomerFilter(state_.customers.filter); }

void Store::viewCustomers(std::int64_t first, std::int64_t last) {
    viewRows<Customer, CustomerFilter, CustomersPage>(
        &AppState::customers, first, last,
        [this](const CustomerFilter& f, std::int64_t offset, int limit, ApiClient::Callback<CustomersPage> done) {
            api_.listCustomersAt(f, offset, limit, std::move(done));
        });
}

void Store::retryCustomers() {
    state_.customers.rows.retryFailed();
    viewCustomers(state_.customers.first, state_.customers.last);
}

// ---------------------------------------------------------------------------------------------
// New customer

void Store::openNewCustomer() {
    auto& f = state_.newCustomer;
    if (f.open) return;
    // Reopening after a failure keeps what was typed; after a success the form starts empty.
    f.open = true;
    f.error.reset();
    if (f.idempotencyKey.empty()) f.idempotencyKey = platform_.newIdempotencyKey();
}

void Store::closeNewCustomer() {
    if (state_.newCustomer.submitting) return;
    state_.newCustomer.open = false;
}

void Store::editNewCustomer(const std::string& name, const std::string& email, const std::string& domain,
                            const std::string& organization) {
    auto& f = state_.newCustomer;
    if (f.submitting) return;
    bool hadProblem = f.error.has_value() || !f.fieldErrors.empty();
    auto changed = [&](const std::string& a, const std::string& b, const char* field) {
        if (a != b) f.fieldErrors.erase(field);
    };
    changed(f.name, name, "name");
    changed(f.email, email, "email");
    changed(f.googleDomain, domain, "google_domain");
    changed(f.organization, organization, "organization");
    if (f.name != name || f.email != email || f.googleDomain != domain || f.organization != organization) {
        // Different details are a different invitation: a new key, so the server does not answer
        // with the first attempt's result.
        if (hadProblem) f.idempotencyKey = platform_.newIdempotencyKey();
        f.error.reset();
    }
    f.name = name, f.email = email, f.googleDomain = domain, f.organization = organization;
}

void Store::checkNewCustomerField(const std::string& field) {
    auto& f = state_.newCustomer;
    if (!f.open || f.submitting) return;
    const std::string* value = field == "name" ? &f.name : field == "email" ? &f.email
                             : field == "google_domain" ? &f.googleDomain : field == "organization" ? &f.organization : nullptr;
    if (!value) return;
    if (validate::trim(*value).empty()) return;  // leaving a field empty is not yet a mistake
    std::optional<std::string> problem = field == "email" ? validate::email(*value)
                                       : field == "google_domain" ? validate::googleDomain(*value) : validate::name(*value);
    if (problem) f.fieldErrors[field] = *problem;
    else f.fieldErrors.erase(field);
}

void Store::submitNewCustomer() {
    auto& f = state_.newCustomer;
    if (!f.open || f.submitting || !state_.session) return;  // a double click sends one invitation
    f.fieldErrors.clear();
    if (auto e = validate::name(f.name)) f.fieldErrors["name"] = *e;
    if (auto e = validate::email(f.email)) f.fieldErrors["email"] = *e;
    if (auto e = validate::googleDomain(f.googleDomain)) f.fieldErrors["google_domain"] = *e;
    if (auto e = validate::name(f.organization)) f.fieldErrors["organization"] = *e;
    if (!f.fieldErrors.empty()) return;
    f.submitting = true;
    f.error.reset();
    if (f.idempotencyKey.empty()) f.idempotencyKey = platform_.newIdempotencyKey();
    std::uint64_t generation = sessionGeneration_;
    std::string body = codec::encodeNewCustomer(validate::trim(f.name), validate::trim(f.email),
                                                validate::trim(f.googleDomain), validate::trim(f.organization));
    if (offline()) {
        queueNewCustomer(body);
        return;
    }
    api_.createCustomer(body, f.idempotencyKey, [this, generation, body](Result<Customer> r) {
        if (!isCurrentSession(generation)) return;
        auto& f = state_.newCustomer;
        f.submitting = false;
        if (!r.ok()) {
            if (handleAuth(r.error())) return;
            // No answer: it waits for the network with the same key (if the server did get it,
            // the replay gets the first answer back and invites nobody twice).
            if (r.error().isNetwork() && canQueueWrites()) {
                f.submitting = true;
                queueNewCustomer(body);
                return;
            }
            const ApiError& e = r.error();
            if (e.code == "domain_taken") {
                f.fieldErrors["google_domain"] = tr(Text::ErrDomainTaken);
            } else if (!e.fields.empty()) {
                for (const auto& [field, message] : e.fields) f.fieldErrors[field] = message;
            } else {
                f.error = e;
            }
            return;
        }
        const Customer& c = r.value();
        toast(ToastKind::Success, format::fill(tr(Text::ToastInvitationSent), c.email));
        state_.newCustomer = NewCustomerForm{};
        // The new customer appears in the list; their page is one click away.
        state_.customers.stale = true;
        state_.dashboard.data.reset();
        if (state_.route.screen == Screen::Customers) reloadCustomers();
        openCustomer(c.id);
    });
}

// ---------------------------------------------------------------------------------------------
// One customer

void Store::reloadCustomer() {
    auto& page = state_.customer;
    if (!state_.session || !page.id) return;
    page.remote = Remote{true, std::nullopt};
    std::uint64_t request = ++customerRequest_;
    std::uint64_t generation = sessionGeneration_;
    std::int64_t id = page.id;
    api_.customer(id, [this, request, generation, id](Result<Customer> r) {
        if (!isCurrentSession(generation) || request != customerRequest_ || state_.customer.id != id) return;
        auto& page = state_.customer;
        page.remote.loading = false;
        if (!r.ok()) {
            if (!handleAuth(r.error())) page.remote.error = r.error();
            return;
        }
        page.customer = std::move(r.value());
        // The list shows the same customer: keep its row current.
        state_.customers.rows.forEachLoaded([&](Customer& row) {
            if (row.id == id) row = *page.customer;
        });
    });
    loadCustomerExtras();
    if (!state_.plans) loadPlans();
}

void Store::loadCustomerExtras() {
    std::uint64_t generation = sessionGeneration_;
    std::int64_t id = state_.customer.id;
    state_.customer.activityRemote = Remote{true, std::nullopt};
    api_.activity(id, 20, [this, generation, id](Result<ActivityPage> r) {
        if (!isCurrentSession(generation) || state_.customer.id != id) return;
        auto& page = state_.customer;
        page.activityRemote.loading = false;
        if (!r.ok()) {
            if (!handleAuth(r.error())) page.activityRemote.error = r.error();
            return;
        }
        page.activity = std::move(r.value().items);
    });
    state_.customer.invoicesRemote = Remote{true, std::nullopt};
    InvoiceFilter filter;
    filter.customerId = id;
    api_.listInvoices(filter, {}, 20, [this, generation, id](Result<InvoicesPage> r) {
        if (!isCurrentSession(generation) || state_.customer.id != id) return;
        auto& page = state_.customer;
        page.invoicesRemote.loading = false;
        if (!r.ok()) {
            if (!handleAuth(r.error())) page.invoicesRemote.error = r.error();
            return;
        }
        page.invoices = std::move(r.value().items);
    });
}

void Store::loadPlans() {
    std::uint64_t generation = sessionGeneration_;
    api_.plans([this, generation](Result<PlanCatalog> r) {
        if (!isCurrentSession(generation)) return;
        if (r.ok()) state_.plans = std::move(r.value());
        else handleAuth(r.error());
    });
}

// Resend, revoke, reactivate: one at a time per customer page; the answer lands only on the
// page (and session) it was asked for.
template <class T, class Call, class Done>
void Store::customerAction(Call call, Done onSuccess) {
    auto& page = state_.customer;
    if (!page.customer || page.actionPending) return;
    page.actionPending = true;
    page.actionError.reset();
    std::uint64_t generation = sessionGeneration_;
    std::int64_t id = page.id;
    call(id, platform_.newIdempotencyKey(), [this, generation, id, onSuccess](Result<T> r) {
        if (!isCurrentSession(generation) || state_.customer.id != id) return;
        auto& page = state_.customer;
        page.actionPending = false;
        if (!r.ok()) {
            if (!handleAuth(r.error())) page.actionError = r.error();
            return;
        }
        onSuccess(std::move(r.value()));
    });
}

void Store::resendInvitation() {
    customerAction<Customer>(
        [this](std::int64_t id, const std::string& key, ApiClient::Callback<Customer> done) {
            api_.resendInvitation(id, key, std::move(done));
        },
        [this](Customer c) {
            state_.customer.customer = std::move(c);
            toast(ToastKind::Success, format::fill(tr(Text::ToastInvitationResent), state_.customer.customer->email));
            loadCustomerExtras();
        });
}

void Store::revokeInvitation() {
    if (!state_.customer.confirmingRevoke || state_.customer.actionPending) return;
    state_.customer.confirmingRevoke = false;
    customerAction<Customer>(
        [this](std::int64_t id, const std::string& key, ApiClient::Callback<Customer> done) {
            api_.revokeInvitation(id, key, std::move(done));
        },
        [this](Customer c) {
            state_.customer.customer = std::move(c);
            state_.customers.stale = true;
            state_.dashboard.data.reset();
            toast(ToastKind::Info, tr(Text::ToastInvitationRevoked));
            loadCustomerExtras();
        });
}

void Store::copyInvitationLink() {
    const auto& c = state_.customer.customer;
    if (!c || !c->invitation || c->invitation->url.empty()) return;
    platform_.copyText(c->invitation->url);
    toast(ToastKind::Success, tr(Text::ToastLinkCopied));
}

void Store::applySubscription(const Subscription& s) {
    auto& page = state_.customer;
    if (page.customer) page.customer->subscription = s;
    // Status, figures and history all change with the subscription.
    state_.customers.stale = true;
    state_.dashboard.data.reset();
    state_.invoices.stale = true;
    reloadCustomer();
}

// --- licenses

void Store::openLicenseOrder() {
    auto& page = state_.customer;
    if (!page.customer || !page.customer->subscription || page.customer->subscription->isCancelled()) return;
    LicenseOrderState o;
    o.open = true;
    o.target = page.customer->subscription->licenses;
    o.idempotencyKey = platform_.newIdempotencyKey();
    page.licenses = std::move(o);
}

void Store::closeLicenseOrder() {
    if (state_.customer.licenses.ordering) return;
    state_.customer.licenses = LicenseOrderState{};
}

void Store::setLicenseTarget(int target) {
    auto& o = state_.customer.licenses;
    if (!o.open || o.ordering) return;
    int lo = state_.plans ? state_.plans->minLicenses : 1;
    int hi = state_.plans ? state_.plans->maxLicenses : 50000;
    target = std::clamp(target, lo, hi);
    if (target == o.target && (o.preview || o.previewRemote.loading)) return;
    o.target = target;
    o.confirming = false;
    o.orderError.reset();
    // A different count is a different order.
    o.idempotencyKey = platform_.newIdempotencyKey();
    requestLicensePreview();
}

void Store::requestLicensePreview() {
    auto& page = state_.customer;
    auto& o = page.licenses;
    const auto& sub = page.customer->subscription;
    if (!sub || o.target == sub->licenses) {
        o.preview.reset();
        o.previewRemote = Remote{};
        return;
    }
    if (!canReduceLicensesNow(*sub) && o.target < sub->licenses) {
        // Explained on screen before asking: annual plans only go down at renewal.
        o.preview.reset();
        o.previewRemote = Remote{};
        return;
    }
    o.previewRemote = Remote{true, std::nullopt};
    std::uint64_t request = ++previewRequest_;
    std::uint64_t generation = sessionGeneration_;
    std::int64_t id = page.id;
    api_.previewLicenses(id, o.target, [this, request, generation, id](Result<LicensePreview> r) {
        if (!isCurrentSession(generation) || request != previewRequest_ || state_.customer.id != id) return;
        auto& o = state_.customer.licenses;
        o.previewRemote.loading = false;
        if (!r.ok()) {
            if (!handleAuth(r.error())) o.previewRemote.error = r.error();
            o.preview.reset();
            return;
        }
        if (r.value().licenses == o.target) o.preview = std::move(r.value());
    });
}

void Store::requestOrderConfirmation() {
    auto& o = state_.customer.licenses;
    if (!o.open || !o.preview || o.preview->licenses != o.target || o.previewRemote.loading) return;
    o.confirming = true;
    o.orderError.reset();
}

void Store::cancelOrderConfirmation() {
    auto& o = state_.customer.licenses;
    if (o.ordering) return;
    o.confirming = false;
}

void Store::placeLicenseOrder() {
    auto& page = state_.customer;
    auto& o = page.licenses;
    if (!o.open || !o.confirming || o.ordering) return;  // a double click orders once
    o.ordering = true;
    o.orderError.reset();
    std::uint64_t generation = sessionGeneration_;
    std::int64_t id = page.id;
    int target = o.target;
    // The count the reseller saw: if someone else changed it meanwhile, nothing is ordered.
    int seen = page.customer && page.customer->subscription ? page.customer->subscription->licenses : 0;
    // The same key on a retry: if the first attempt reached the server, it answers with that order.
    api_.orderLicenses(id, target, seen, o.idempotencyKey, [this, generation, id, target](Result<OrderOutcome> r) {
        if (!isCurrentSession(generation) || state_.customer.id != id) return;
        auto& o = state_.customer.licenses;
        o.ordering = false;
        if (!r.ok()) {
            if (r.error().isNetwork() && canQueueWrites()) {
                queueLicenseOrder();  // the same key: a replay never bills twice
                return;
            }
            if (handleAuth(r.error())) return;
            o.orderError = r.error();
            if (r.error().code == "licenses_changed" && r.error().currentLicenses) onLicensesChanged(*r.error().currentLicenses);
            return;
        }
        std::string text = format::fill(tr(Text::ToastLicensesOrdered), format::integer(target));
        if (r.value().invoice) text += " " + format::fill(tr(Text::ToastInvoiceIssued), r.value().invoice->number);
        toast(ToastKind::Success, text);
        state_.customer.licenses = LicenseOrderState{};
        applySubscription(r.value().subscription);
    });
}

// Someone else changed the count: show the new one and ask again (the error stays on screen
// until the reseller picks a count); the next order is a new decision with a new key.
void Store::onLicensesChanged(int licenses) {
    auto& page = state_.customer;
    if (page.customer && page.customer->subscription) page.customer->subscription->licenses = licenses;
    auto& o = page.licenses;
    o.confirming = false;
    // The count picked was relative to the old one: start again from the new count, so a
    // hurried "Order now" can never turn an intended increase into a reduction.
    o.target = licenses;
    o.idempotencyKey = platform_.newIdempotencyKey();
    o.preview.reset();
    requestLicensePreview();
    reloadCustomer();
}

// --- plan

void Store::openPlanChange() {
    auto& page = state_.customer;
    if (!page.customer || !page.customer->subscription || page.customer->subscription->isCancelled()) return;
    PlanChangeState p;
    p.open = true;
    p.plan = page.customer->subscription->plan;
    p.billingCycle = page.customer->subscription->billingCycle;
    p.idempotencyKey = platform_.newIdempotencyKey();
    page.plan = std::move(p);
    if (!state_.plans) loadPlans();
}

void Store::closePlanChange() {
    if (state_.customer.plan.submitting) return;
    state_.customer.plan = PlanChangeState{};
}

void Store::choosePlan(const std::string& plan, const std::string& cycle) {
    auto& p = state_.customer.plan;
    if (!p.open || p.submitting) return;
    if (plan == p.plan && cycle == p.billingCycle && (p.preview || p.previewRemote.loading)) return;
    p.plan = plan;
    p.billingCycle = cycle;
    p.error.reset();
    p.idempotencyKey = platform_.newIdempotencyKey();
    requestPlanPreview();
}

void Store::requestPlanPreview() {
    auto& page = state_.customer;
    auto& p = page.plan;
    const auto& sub = page.customer->subscription;
    if (!sub || (p.plan == sub->plan && p.billingCycle == sub->billingCycle)) {
        p.preview.reset();
        p.previewRemote = Remote{};
        return;
    }
    p.previewRemote = Remote{true, std::nullopt};
    std::uint64_t request = ++previewRequest_;
    std::uint64_t generation = sessionGeneration_;
    std::int64_t id = page.id;
    api_.previewPlan(id, p.plan, p.billingCycle, [this, request, generation, id](Result<PlanChangePreview> r) {
        if (!isCurrentSession(generation) || request != previewRequest_ || state_.customer.id != id) return;
        auto& p = state_.customer.plan;
        p.previewRemote.loading = false;
        if (!r.ok()) {
            if (!handleAuth(r.error())) p.previewRemote.error = r.error();
            p.preview.reset();
            return;
        }
        p.preview = std::move(r.value());
    });
}

void Store::confirmPlanChange() {
    auto& page = state_.customer;
    auto& p = page.plan;
    if (!p.open || p.submitting || !p.preview || p.previewRemote.loading) return;
    if (!page.customer || !page.customer->subscription) return;
    p.submitting = true;
    p.error.reset();
    std::uint64_t generation = sessionGeneration_;
    std::int64_t id = page.id;
    std::string planName = planLabel(p.plan);
    const Subscription& seen = *page.customer->subscription;
    api_.changePlan(id, p.plan, p.billingCycle, seen.plan, seen.billingCycle, p.idempotencyKey,
                    [this, generation, id, planName](Result<OrderOutcome> r) {
        if (!isCurrentSession(generation) || state_.customer.id != id) return;
        auto& p = state_.customer.plan;
        p.submitting = false;
        if (!r.ok()) {
            if (handleAuth(r.error())) return;
            p.error = r.error();
            if (r.error().code == "plan_changed" && !r.error().currentPlan.empty()) onPlanChanged(r.error());
            return;
        }
        const Subscription& s = r.value().subscription;
        if (s.scheduledChange) toast(ToastKind::Success, format::fill(tr(Text::ToastPlanScheduled), planName, format::date(s.scheduledChange->effectiveOn)));
        else toast(ToastKind::Success, format::fill(tr(Text::ToastPlanChanged), planName));
        state_.customer.plan = PlanChangeState{};
        applySubscription(s);
    });
}

// Someone else changed the plan: show what it is now; the reseller chooses again.
void Store::onPlanChanged(const ApiError& error) {
    auto& page = state_.customer;
    if (page.customer && page.customer->subscription) {
        page.customer->subscription->plan = error.currentPlan;
        page.customer->subscription->billingCycle = error.currentBillingCycle;
    }
    auto& p = page.plan;
    p.idempotencyKey = platform_.newIdempotencyKey();
    p.preview.reset();
    requestPlanPreview();
    reloadCustomer();
}

// --- cancel

void Store::openCancel() {
    auto& page = state_.customer;
    if (!page.customer || !page.customer->subscription || page.customer->subscription->isCancelled()) return;
    CancelState c;
    c.open = true;
    c.idempotencyKey = platform_.newIdempotencyKey();
    page.cancel = std::move(c);
}

void Store::closeCancel() {
    if (state_.customer.cancel.submitting) return;
    state_.customer.cancel = CancelState{};
}

void Store::editCancel(const std::string& typedDomain, const std::string& when, const std::string& reason) {
    auto& c = state_.customer.cancel;
    if (c.submitting) return;
    if (c.when != when) c.idempotencyKey = platform_.newIdempotencyKey();
    c.typedDomain = typedDomain;
    c.when = when == "now" ? "now" : "end_of_term";
    c.reason = reason;
    c.error.reset();
}

void Store::confirmCancel() {
    auto& page = state_.customer;
    auto& c = page.cancel;
    if (!c.open || c.submitting || !page.customer) return;
    // Typing the domain is the confirmation: nothing is sent until it matches.
    std::string typed = validate::trim(c.typedDomain);
    std::transform(typed.begin(), typed.end(), typed.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    if (typed != page.customer->googleDomain) return;
    c.submitting = true;
    c.error.reset();
    std::uint64_t generation = sessionGeneration_;
    std::int64_t id = page.id;
    std::string when = c.when;
    api_.cancel(id, c.when, validate::trim(c.reason), c.idempotencyKey, [this, generation, id, when](Result<Subscription> r) {
        if (!isCurrentSession(generation) || state_.customer.id != id) return;
        auto& c = state_.customer.cancel;
        c.submitting = false;
        if (!r.ok()) {
            if (!handleAuth(r.error())) c.error = r.error();
            return;
        }
        if (when == "now") toast(ToastKind::Info, tr(Text::ToastCancelledNow));
        else toast(ToastKind::Info, format::fill(tr(Text::ToastCancelScheduled), format::date(r.value().termEnd)));
        state_.customer.cancel = CancelState{};
        applySubscription(r.value());
    });
}

void Store::reactivate() {
    customerAction<Subscription>(
        [this](std::int64_t id, const std::string& key, ApiClient::Callback<Subscription> done) {
            api_.reactivate(id, key, std::move(done));
        },
        [this](Subscription sub) {
            toast(ToastKind::Success, tr(Text::ToastReactivated));
            applySubscription(sub);
        });
}

// ---------------------------------------------------------------------------------------------
// Invoices

void Store::setInvoiceFilter(const InvoiceFilter& filter) {
    auto& list = state_.invoices;
    if (state_.route.screen == Screen::Invoices && state_.route.invoices != filter) {
        state_.route.invoices = filter;
        platform_.setRoute(state_.route.toHash(), false);
    }
    if (list.filter != filter) list.first = list.last = 0;
    list.filter = filter;
    list.stale = false;
    list.rows.reset();
    viewInvoices(list.first, list.last);
}

void Store::reloadInvoices() { setInvoiceFilter(state_.invoices.filter); }

void Store::viewInvoices(std::int64_t first, std::int64_t last) {
    viewRows<Invoice, InvoiceFilter, InvoicesPage>(
        &AppState::invoices, first, last,
        [this](const InvoiceFilter& f, std::int64_t offset, int limit, ApiClient::Callback<InvoicesPage> done) {
            api_.listInvoicesAt(f, offset, limit, std::move(done));
        });
}

void Store::retryInvoices() {
    state_.invoices.rows.retryFailed();
    viewInvoices(state_.invoices.first, state_.invoices.last);
}

void Store::openInvoice(std::int64_t id) {
    if (!state_.session || id <= 0) return;
    if (state_.route.screen != Screen::Invoices || state_.route.invoiceId != id) {
        Route r = state_.route;
        if (r.screen != Screen::Invoices) r = Route{}, r.screen = Screen::Invoices;
        r.invoiceId = id;
        state_.route = r;
        platform_.setRoute(r.toHash(), true);
        if (!state_.invoices.loaded || state_.invoices.stale || state_.invoices.filter != r.invoices)
            setInvoiceFilter(r.invoices);
    }
    auto& d = state_.invoice;
    d = InvoiceDetailState{};
    d.id = id;
    d.remote.loading = true;
    std::uint64_t generation = sessionGeneration_;
    api_.invoice(id, [this, generation, id](Result<Invoice> r) {
        if (!isCurrentSession(generation) || state_.invoice.id != id) return;
        auto& d = state_.invoice;
        d.remote.loading = false;
        if (!r.ok()) {
            if (!handleAuth(r.error())) d.remote.error = r.error();
            return;
        }
        d.invoice = std::move(r.value());
    });
}

void Store::closeInvoice() {
    state_.invoice = InvoiceDetailState{};
    if (state_.route.screen == Screen::Invoices && state_.route.invoiceId) {
        state_.route.invoiceId = 0;
        // Closing replaces the invoice's address, so Back goes to where the invoice was opened from.
        platform_.setRoute(state_.route.toHash(), false);
    }
}

void Store::downloadInvoicePdf() {
    const auto& inv = state_.invoice.invoice;
    if (!inv || state_.download.loading) return;
    state_.download = Remote{true, std::nullopt};
    std::uint64_t generation = sessionGeneration_;
    std::string number = inv->number;
    platform_.download(api_.invoicePdfRequest(inv->id), number + ".pdf",
                       [this, generation, number](const std::optional<ApiError>& error) {
                           if (isCurrentSession(generation)) onDownloaded(number + ".pdf", error);
                       });
}

void Store::exportInvoicesCsv() {
    if (!state_.session || state_.download.loading) return;
    state_.download = Remote{true, std::nullopt};
    std::uint64_t generation = sessionGeneration_;
    platform_.download(api_.invoicesCsvRequest(state_.invoices.filter), "invoices.csv",
                       [this, generation](const std::optional<ApiError>& error) {
                           if (isCurrentSession(generation)) onDownloaded("invoices.csv", error);
                       });
}

void Store::onDownloaded(const std::string& filename, const std::optional<ApiError>& error) {
    state_.download.loading = false;
    if (!error) {
        toast(ToastKind::Success, format::fill(tr(Text::ToastDownloaded), filename));
        return;
    }
    if (handleAuth(*error)) return;
    state_.download.error = error;
    std::string why = describeError(*error);
    // Without the server's own words, the status at least tells support what happened.
    if (error->message.empty() && error->status > 0) why += " (HTTP " + std::to_string(error->status) + ")";
    toast(ToastKind::Error, format::fill(tr(Text::ToastDownloadFailed), why));
}

// ---------------------------------------------------------------------------------------------
// Toasts

void Store::toast(ToastKind kind, std::string text) {
    state_.toasts.push_back(Toast{nextToastId_++, kind, std::move(text), platform_.now() + kToastSeconds});
    if (state_.toasts.size() > 4) state_.toasts.erase(state_.toasts.begin());
}

void Store::dismissToast(std::uint64_t id) {
    auto& t = state_.toasts;
    t.erase(std::remove_if(t.begin(), t.end(), [id](const Toast& x) { return x.id == id; }), t.end());
}

double Store::runTimers() {
    double next = expireToasts();
    if (searchPending_) {
        if (platform_.now() >= searchDueAt_) {
            searchPending_ = false;
            applyCustomerFilter(pendingSearch_);
        } else {
            next = next > 0 ? std::min(next, searchDueAt_) : searchDueAt_;
        }
    }
    return next;
}

double Store::expireToasts() {
    double now = platform_.now();
    auto& t = state_.toasts;
    t.erase(std::remove_if(t.begin(), t.end(), [now](const Toast& x) { return x.expiresAt <= now; }), t.end());
    double next = 0;
    for (const auto& x : t) next = next == 0 ? x.expiresAt : std::min(next, x.expiresAt);
    return next;
}

}  // namespace rc
