// Which change makes which other part of the state stale: one table (stale.cpp) instead of
// each intent remembering whom to tell. A stale list is fetched again when it is shown next; a
// stale dashboard drops its figures (they are asked for again when it is shown).
#pragma once
#include <cstdint>

namespace rc {

struct AppState;

// What happened on the server, in the reseller's words.
enum class Change {
    CustomerInvited,      // a new customer (sent now, or from the offline queue)
    InvitationRevoked,
    InvitedAgain,         // a revoked, declined, expired or cancelled customer is invited again
    CustomerEdited,       // name, contact email, organization or domain (the list and the history show them)
    SubscriptionChanged,  // licenses, plan, cancellation, reactivation
    TeamChanged,          // a member added, given another role or removed
    CustomerTransferred,  // taken over from another reseller, or a transfer code made or revoked
};

// The parts of the state a change can make stale, as bits.
enum StalePart : std::uint32_t {
    kStaleCustomerList = 1u << 0,
    kStaleDashboard = 1u << 1,
    kStaleInvoiceList = 1u << 2,
};

// The parts `change` makes stale.
std::uint32_t staleAfter(Change change);
// Marks them in the state.
void markStale(AppState& state, Change change);

}  // namespace rc
