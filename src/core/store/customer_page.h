// The store's customer-page slice: one customer with their invitation, activity and invoices,
// and the invitation's actions (resend, revoke, copy the link). The subscription's dialogs
// are the subscription slice's (store/subscription.h).
#pragma once
#include <cstdint>
#include <string>
#include <utility>

#include "core/access.h"
#include "core/store/context.h"

namespace rc {

class CustomerPageSlice : public Slice {
public:
    explicit CustomerPageSlice(StoreContext& ctx) : Slice(ctx) {}

    void reload();
    void resendInvitation();
    void requestRevoke() {
        auto& page = state().customer;
        if (page.customer && !page.actionPending && allowed(state(), Capability::ManageCustomers)) page.confirmingRevoke = true;
    }
    void cancelRevoke() { state().customer.confirmingRevoke = false; }
    void revokeInvitation();  // only after requestRevoke()
    // A new link for a revoked, declined, expired or cancelled customer; the old one stays dead.
    void inviteAgain();
    void copyInvitationLink();

    // --- for the store and the other slices
    // Shown: a fresh page for another customer; the same customer's page stays as it is.
    void show(std::int64_t customerId);
    void loadPlans();
    // Resend, revoke, reactivate: one at a time per customer page; the answer lands only on
    // the page (and session) it was asked for.
    template <class T, class Call, class Done>
    void action(Call call, Done onSuccess);

private:
    void loadExtras();

    std::uint64_t request_ = 0;  // the latest reload: older answers are dropped
};

template <class T, class Call, class Done>
void CustomerPageSlice::action(Call call, Done onSuccess) {
    auto& page = state().customer;
    if (!page.customer || page.actionPending) return;
    page.actionPending = true;
    page.actionError.reset();
    std::int64_t id = page.id;
    call(id, platform().newIdempotencyKey(),
         ctx_.answer<T>(Landing::on(page.actionPending, &page.actionError).onlyIf([this, id] { return state().customer.id == id; }),
                        std::move(onSuccess)));
}

}  // namespace rc
