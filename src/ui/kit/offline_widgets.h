// The pieces of the console that speak about offline use: the notices under the top bar
// (offline with the data's time, a new version, storage not usable) and the "Waiting to send"
// rows where queued writes belong. A button that needs the network is gated (kit/gated.h).
#pragma once
#include <cstdint>

#include "core/store.h"

namespace rc::ui {

// The notices at the top of the screen area; returns the height they took (0: none). Signed
// out, only the new-version notice: the rest is about a reseller's data.
float offlineNotices(Store& store, float width);

// The state of one queued write as a badge: waiting, on its way, not sent.
void writeStatus(const QueuedWrite& write);

// Queued invitations, above the customer table (nothing when there are none).
void waitingInvitations(Store& store);
// Queued license orders for one customer, on their page.
void waitingLicenseOrders(Store& store, std::int64_t customerId);

// Why a part of a screen has no data: offline and never saved, a calm muted line ("Not saved
// for offline use"); otherwise the error itself, in red, wrapped.
void loadError(const Store& store, const ApiError& error);

}  // namespace rc::ui
