// The store's lifecycle slice (issue 23): the actions of a customer's whole life on the customer's
// page, each with its own dialog state in CustomerPageState. So far: Edit customer (name, contact
// email, organization; the Google domain only while the invitation is open), sent with the
// details the dialog opened with (expected_*) so another member's change is never overwritten
// unseen; Suspend and Resume; Start paid plan now. None of them is queued offline: each says it
// needs a connection.
// Renewal settings and the seat cap: src/core/store/lifecycle_terms.cpp; transfers:
// src/core/store/lifecycle_transfer.cpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/store/context.h"

namespace rc {

class LifecycleSlice : public Slice {
public:
    explicit LifecycleSlice(StoreContext& ctx) : Slice(ctx) {}

    void openEdit();
    void editDraft(const CustomerDetails& draft);
    void saveEdit();
    void closeEdit();

    // Suspend (active subscriptions) and Resume (suspended ones): the dialog opens with the
    // server's preview; confirming sends one request with the dialog's Idempotency-Key.
    void openSuspend();
    void editSuspend(const std::string& reason, const std::string& note);
    void confirmSuspend();
    void closeSuspend();
    void openResume();
    void confirmResume();
    void closeResume();

    // Start paid plan now (trials): the dialog opens with the trial's plan, cycle and count and
    // their preview; each choice asks again (only the newest answer lands); confirming sends one
    // request with the dialog's Idempotency-Key, and only for the choice that was priced.
    void openStartPaid();
    void chooseStartPaid(const std::string& plan, const std::string& cycle, int licenses);
    void confirmStartPaid();
    void closeStartPaid();

    // Renewal settings (annual plans): one of the four actions, with a count for renew_with_count;
    // sent (PUT) only when it differs from what the subscription has.
    void openRenewal();
    void editRenewal(const std::string& action, int licenses);
    bool renewalChanged() const;
    void saveRenewal();
    void closeRenewal();
    // The seat cap (flexible plans): set to a count no lower than today's, or cleared.
    void openSeatCap();
    void editSeatCap(bool capped, int cap);
    bool seatCapChanged() const;
    void saveSeatCap();
    void closeSeatCap();

    // Transfer to another reseller (the customer's page; Sales or Admin): the dialog asks first,
    // then makes a one-time token with the dialog's key (a double click makes one) and shows it
    // once; closing forgets it. Revoking a live token asks to confirm first.
    void openTransferOut();
    void createTransferToken();
    void copyTransferToken();
    void closeTransferOut();
    void requestRevokeTransfer();
    void cancelRevokeTransfer();
    void revokeTransferToken();  // only after requestRevokeTransfer()

    // Take over a customer (the customer list; Sales or Admin): the token as typed, the server's
    // preview of exactly that token, then the move with the dialog's key; it opens the customer.
    void openTransferIn();
    void editTransferToken(const std::string& token);
    void previewTransfer();
    bool transferPreviewed() const;  // the preview on screen is the typed token's
    void confirmTransfer();
    void closeTransferIn();

private:
    void previewStartPaid();
    std::uint64_t transferPreviewRequest_ = 0;  // the newest transfer preview asked for
    std::uint64_t startPaidRequest_ = 0;  // the newest preview asked for

    // Offline: the request is not sent, and `error` says it needs a connection.
    bool refuseOffline(std::optional<ApiError>& error);
};

}  // namespace rc
