#include "core/store/customer_page.h"

#include "core/access.h"
#include "core/store.h"

namespace rc {

void CustomerPageSlice::show(std::int64_t customerId) {
    auto& page = state().customer;
    if (page.id == customerId && page.customer) return;
    CustomerPageState fresh;
    fresh.id = customerId;
    page = std::move(fresh);
    reload();
}

void CustomerPageSlice::reload() {
    auto& page = state().customer;
    if (!signedIn() || !page.id) return;
    page.remote = Remote{true, std::nullopt};
    std::uint64_t request = ++request_;
    std::int64_t id = page.id;
    api().customer(id, ctx_.answer<Customer>(
        Landing::on(page.remote).onlyIf([this, request, id] { return request == request_ && state().customer.id == id; }),
        [this, id](Customer c) {
            auto& page = state().customer;
            page.customer = std::move(c);
            // The list shows the same customer: keep its row current.
            state().customers.rows.forEachLoaded([&](Customer& row) {
                if (row.id == id) row = *page.customer;
            });
        }));
    loadExtras();
    if (!state().plans) loadPlans();
}

void CustomerPageSlice::loadExtras() {
    auto& page = state().customer;
    std::int64_t id = page.id;
    auto samePage = [this, id] { return state().customer.id == id; };
    page.activityRemote = Remote{true, std::nullopt};
    api().activity(id, 20, ctx_.answer<ActivityPage>(Landing::on(page.activityRemote).onlyIf(samePage), [this](ActivityPage p) {
        state().customer.activity = std::move(p.items);
    }));
    page.invoicesRemote = Remote{true, std::nullopt};
    InvoiceFilter filter;
    filter.customerId = id;
    api().listInvoices(filter, {}, 20, ctx_.answer<InvoicesPage>(Landing::on(page.invoicesRemote).onlyIf(samePage), [this](InvoicesPage p) {
        state().customer.invoices = std::move(p.items);
    }));
}

void CustomerPageSlice::loadPlans() {
    api().plans(ctx_.answer<PlanCatalog>(Landing::quiet(), [this](PlanCatalog c) { state().plans = std::move(c); }));
}

void CustomerPageSlice::resendInvitation() {
    if (!allowed(state(), Capability::ManageCustomers)) return;
    action<Customer>(
        [this](std::int64_t id, const std::string& key, ApiClient::Callback<Customer> done) {
            api().resendInvitation(id, key, std::move(done));
        },
        [this](Customer c) {
            auto& page = state().customer;
            page.customer = std::move(c);
            ctx_.toast(ToastKind::Success, Text::ToastInvitationResent, {MessageArg::plain(page.customer->email)});
            loadExtras();
        });
}

void CustomerPageSlice::revokeInvitation() {
    auto& page = state().customer;
    if (!page.confirmingRevoke || page.actionPending || !allowed(state(), Capability::ManageCustomers)) return;
    page.confirmingRevoke = false;
    action<Customer>(
        [this](std::int64_t id, const std::string& key, ApiClient::Callback<Customer> done) {
            api().revokeInvitation(id, key, std::move(done));
        },
        [this](Customer c) {
            state().customer.customer = std::move(c);
            ctx_.changed(Change::InvitationRevoked);
            ctx_.toast(ToastKind::Info, Text::ToastInvitationRevoked);
            loadExtras();
        });
}

void CustomerPageSlice::inviteAgain() {
    if (!allowed(state(), Capability::ManageCustomers)) return;
    action<Customer>(
        [this](std::int64_t id, const std::string& key, ApiClient::Callback<Customer> done) {
            api().inviteAgain(id, key, std::move(done));
        },
        [this](Customer c) {
            auto& page = state().customer;
            page.customer = std::move(c);
            ctx_.changed(Change::InvitedAgain);
            ctx_.toast(ToastKind::Success, Text::ToastInvitationResent, {MessageArg::plain(page.customer->email)});
            loadExtras();
        });
}

void CustomerPageSlice::copyInvitationLink() {
    const auto& c = state().customer.customer;
    if (!c || !c->invitation || c->invitation->url.empty()) return;
    platform().copyText(c->invitation->url);
    ctx_.toast(ToastKind::Success, Text::ToastLinkCopied);
}

}  // namespace rc
