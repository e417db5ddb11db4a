#include "core/store/context.h"

#include "core/screen_registry.h"
#include "core/store.h"

namespace rc {

bool StoreContext::land(std::uint64_t generation, const Landing& landing, const ApiError* error) {
    if (generation != generation_ || (landing.wanted && !landing.wanted())) return false;
    if (landing.busy) *landing.busy = false;
    if (!error) return true;
    if (handleAuth(*error)) {
        if (landing.sessionEnded) landing.sessionEnded();
        return false;
    }
    // The role changed meanwhile: GET /me again, so the controls say what is allowed now.
    if (error->isForbiddenByRole()) store.session().refusedByRole(*error);
    if (landing.error) *landing.error = *error;
    return true;
}

Platform::DownloadDone StoreContext::downloaded(Landing landing, std::function<void()> onDone,
                                                std::function<void(const ApiError&)> onError) {
    return [this, g = generation_, landing = std::move(landing), onDone = std::move(onDone),
            onError = std::move(onError)](const std::optional<ApiError>& error) {
        if (!land(g, landing, error ? &*error : nullptr)) return;
        if (error) onError(*error);
        else onDone();
    };
}

void StoreContext::downloadFile(const HttpRequest& request, const std::string& filename) {
    state.download = Remote{true, std::nullopt};
    platform.download(request, filename,
                      downloaded(
                          Landing::on(state.download),
                          [this, filename] { toast(ToastKind::Success, Text::ToastDownloaded, {MessageArg::plain(filename)}); },
                          [this](const ApiError& e) {
                              toast(ToastKind::Error, Text::ToastDownloadFailed, {MessageArg::failure(e, /*withStatus=*/true)});
                          }));
}

bool StoreContext::handleAuth(const ApiError& error) { return store.session().handleAuth(error); }

void StoreContext::toast(ToastKind kind, Text text, std::vector<MessageArg> args) {
    store.toasts().show(kind, Message{text, std::move(args)});
}

void StoreContext::enterRoute() {
    Route route = state.route;  // a copy: entering may rewrite the route's filter
    // An invoice is open only while the address names it: Back from it to any screen closes it.
    if (!route.invoiceId) state.invoice = InvoiceDetailState{};
    screenSpec(route.screen).enter(store, route);
}

void StoreContext::refreshScreen() {
    if (state.phase != Phase::SignedIn) return;
    Route route = state.route;
    screenSpec(route.screen).refresh(store, route);
}

}  // namespace rc
