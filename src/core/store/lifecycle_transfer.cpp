// The lifecycle slice's transfers between resellers (issue 23). Out, on the customer's page: a
// one-time token made after a confirmation, shown once (only this state holds it; closing the
// dialog forgets it), and revoking a live one. In, from the customer list: the token as typed,
// the server's preview of exactly that token, then the move; the moved customer opens. Each
// dialog has one Idempotency-Key; nothing is sent offline.
#include "core/access.h"
#include "core/lifecycle_codec.h"
#include "core/store.h"
#include "core/store/lifecycle.h"

namespace rc {

namespace {
// A customer whose subscription runs (or waits, suspended): the server's table allows a transfer then.
bool transferable(const Customer& c) {
    if (!c.subscription) return false;
    const std::string& s = c.subscription->status;
    return s == "trial" || s == "active" || s == "pending_cancel" || s == "suspended";
}
}  // namespace

// --- Transfer out

void LifecycleSlice::openTransferOut() {
    auto& page = state().customer;
    if (!page.customer || page.transferOut.open || !allowed(state(), Capability::ManageCustomers) || !transferable(*page.customer))
        return;
    TransferOutState t;
    t.open = true;
    t.idempotencyKey = platform().newIdempotencyKey();
    page.transferOut = std::move(t);
    page.revokingTransfer = false;
    refuseOffline(page.transferOut.error);
}

void LifecycleSlice::createTransferToken() {
    auto& page = state().customer;
    auto& t = page.transferOut;
    // One token per dialog: a double click, or a click after it is shown, makes no second one
    // (the server makes a new token for every request, and a new one ends the last).
    if (!t.open || t.submitting || t.token || !allowed(state(), Capability::ManageCustomers)) return;
    if (refuseOffline(t.error)) return;
    t.submitting = true;
    t.error.reset();
    std::int64_t id = page.id;
    api().createTransferToken(id, t.idempotencyKey, ctx_.answer<TransferToken>(
        Landing::on(t.submitting, &t.error).onlyIf([this, id] { return state().customer.id == id && state().customer.transferOut.open; }),
        [this](TransferToken token) {
            state().customer.transferOut.token = std::move(token);
            ctx_.changed(Change::CustomerTransferred);  // the dashboard's history names it
            store().customerPage().reload();            // the page says a code is open
        }));
}

void LifecycleSlice::copyTransferToken() {
    const auto& t = state().customer.transferOut;
    if (!t.open || !t.token) return;
    platform().copyText(t.token->token);
    ctx_.toast(ToastKind::Success, Text::ToastCodeCopied);
}

void LifecycleSlice::closeTransferOut() {
    auto& t = state().customer.transferOut;
    if (t.submitting) return;
    t = TransferOutState{};
}

void LifecycleSlice::requestRevokeTransfer() {
    auto& page = state().customer;
    if (page.customer && page.customer->transferToken && !page.actionPending && allowed(state(), Capability::ManageCustomers))
        page.revokingTransfer = true;
}

void LifecycleSlice::cancelRevokeTransfer() { state().customer.revokingTransfer = false; }

void LifecycleSlice::revokeTransferToken() {
    auto& page = state().customer;
    if (!page.revokingTransfer || !page.customer || !page.customer->transferToken || !allowed(state(), Capability::ManageCustomers))
        return;
    if (refuseOffline(page.actionError)) return;
    store().customerPage().action<Unit>(
        [this](std::int64_t id, const std::string& key, ApiClient::Callback<Unit> done) { api().revokeTransferToken(id, key, std::move(done)); },
        [this](Unit) {
            auto& page = state().customer;
            page.revokingTransfer = false;
            if (page.customer) page.customer->transferToken.reset();
            ctx_.changed(Change::CustomerTransferred);
            ctx_.toast(ToastKind::Success, Text::ToastTransferRevoked);
            store().customerPage().reload();  // the history names it
        });
}

// --- Transfer in

void LifecycleSlice::openTransferIn() {
    auto& t = state().transferIn;
    if (!signedIn() || t.open || !allowed(state(), Capability::ManageCustomers)) return;
    t = TransferInState{};
    t.open = true;
    t.idempotencyKey = platform().newIdempotencyKey();
    refuseOffline(t.error);
}

void LifecycleSlice::editTransferToken(const std::string& token) {
    auto& t = state().transferIn;
    if (!t.open || t.submitting || token == t.token) return;
    t.token = token;
    t.error.reset();
    t.previewRemote.error.reset();
    // Another token is another request: the move's key must not stand for the last one's.
    t.idempotencyKey = platform().newIdempotencyKey();
}

void LifecycleSlice::previewTransfer() {
    auto& t = state().transferIn;
    if (!t.open || t.submitting || !allowed(state(), Capability::ManageCustomers)) return;
    t.error.reset();
    t.preview.reset();
    if (!codec::plausibleTransferToken(t.token)) {  // the server's rule, said before anything is sent
        ApiError e;
        e.status = 422;
        e.code = "validation_failed";
        e.fields.emplace_back("token", "");
        t.error = e;
        return;
    }
    if (refuseOffline(t.error)) return;
    t.previewRemote = Remote{true, std::nullopt};
    std::uint64_t request = ++transferPreviewRequest_;
    std::string token = t.token;
    api().previewTransfer(token, ctx_.answer<TransferPreview>(
        Landing::on(t.previewRemote).onlyIf([this, request] { return request == transferPreviewRequest_ && state().transferIn.open; }),
        [this, token](TransferPreview p) {
            auto& t = state().transferIn;
            if (t.token != token) return;  // typed on meanwhile: that is not what was priced
            t.preview = std::move(p);
            t.previewedToken = token;
        }));
}

bool LifecycleSlice::transferPreviewed() const {
    const auto& t = state().transferIn;
    return t.preview && t.previewedToken == t.token && !t.previewRemote.loading;
}

void LifecycleSlice::confirmTransfer() {
    auto& t = state().transferIn;
    // Only what was previewed, once: a double click moves the customer once.
    if (!t.open || t.submitting || !transferPreviewed() || !allowed(state(), Capability::ManageCustomers)) return;
    if (refuseOffline(t.error)) return;
    t.submitting = true;
    t.error.reset();
    api().transfer(t.token, t.idempotencyKey, ctx_.answer<TransferOutcome>(
        Landing::on(t.submitting).onlyIf([this] { return state().transferIn.open; }),
        [this](TransferOutcome out) {
            state().transferIn = TransferInState{};
            ctx_.changed(Change::CustomerTransferred);
            std::string name = out.customer.organization.empty() ? out.customer.name : out.customer.organization;
            ctx_.toast(ToastKind::Success, Text::ToastTransferredIn, {MessageArg::plain(name)});
            store().openCustomer(out.customer.id);
        },
        [this](const ApiError& e) {
            auto& t = state().transferIn;
            t.error = e;
            // Refused for good (used, revoked, gone meanwhile): the preview no longer stands.
            if (e.status == 404 || e.status == 409 || e.status == 410) t.preview.reset();
        }));
}

void LifecycleSlice::closeTransferIn() {
    auto& t = state().transferIn;
    if (t.submitting) return;
    t = TransferInState{};
}

}  // namespace rc
