// What the store's slices share: the state, the API client, the page, which session an answer
// belongs to, and the three things any intent may need beyond its own slice: landing an answer
// (answer()), a toast, and marking other parts stale. Views never see it.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <utility>

#include "core/api_client.h"
#include "core/app_state.h"
#include "core/message.h"
#include "core/platform.h"
#include "core/store/stale.h"

namespace rc {

class Store;

// Where an answer lands: the busy flag it clears, where a failure shows, and whether it is
// still wanted (another customer's page is open, a newer request of the same kind was sent).
struct Landing {
    bool* busy = nullptr;                    // loading, submitting, ordering...: false when it lands
    std::optional<ApiError>* error = nullptr;  // set on failure (not for a 401: that ends the session)
    std::function<bool()> wanted;            // empty: wanted while the session lasts
    std::function<void()> sessionEnded;      // the answer was a 401 and ended the session

    static Landing quiet() { return {}; }
    static Landing on(Remote& remote) { return {&remote.loading, &remote.error, {}, {}}; }
    static Landing on(bool& busy, std::optional<ApiError>* error = nullptr) { return {&busy, error, {}, {}}; }
    Landing& onlyIf(std::function<bool()> stillWanted) {
        wanted = std::move(stillWanted);
        return *this;
    }
    Landing& onSessionEnded(std::function<void()> fn) {
        sessionEnded = std::move(fn);
        return *this;
    }
};

class StoreContext {
public:
    StoreContext(Store& store, AppState& state, ApiClient& api, Platform& platform)
        : store(store), state(state), api(api), platform(platform) {}

    Store& store;
    AppState& state;
    ApiClient& api;
    Platform& platform;

    // Answers to requests made before a sign-in, sign-out or kiosk start-over are dropped:
    // each of those starts a new generation.
    std::uint64_t generation() const { return generation_; }
    void newGeneration() { ++generation_; }
    bool isCurrent(std::uint64_t generation) const { return generation == generation_; }

    // The callback for one request, made when it is sent: it drops an answer from an earlier
    // session or one no longer wanted, clears the busy flag, ends the session on a 401 (then
    // nothing else happens), shows a failure where the landing says, and hands the rest to
    // onValue / onError.
    template <class T, class OnValue>
    ApiClient::Callback<T> answer(Landing landing, OnValue onValue) {
        return answer<T>(std::move(landing), std::move(onValue), [](const ApiError&) {});
    }
    template <class T, class OnValue, class OnError>
    ApiClient::Callback<T> answer(Landing landing, OnValue onValue, OnError onError) {
        return [this, g = generation_, landing = std::move(landing), onValue = std::move(onValue),
                onError = std::move(onError)](Result<T> r) mutable {
            if (!land(g, landing, r.ok() ? nullptr : &r.error())) return;
            if (r.ok()) onValue(std::move(r.value()));
            else onError(r.error());
        };
    }
    // The same for a browser download, which answers with an error or nothing.
    Platform::DownloadDone downloaded(Landing landing, std::function<void()> onDone,
                                      std::function<void(const ApiError&)> onError);
    // The browser downloads `request` as `filename` into state.download; a toast says how it went.
    void downloadFile(const HttpRequest& request, const std::string& filename);

    // A 401 anywhere: back to sign-in (a kiosk signs in again by itself), then back to the
    // same screen. False for any other error, or when no one is signed in.
    bool handleAuth(const ApiError& error);

    void toast(ToastKind kind, Text text, std::vector<MessageArg> args = {});
    void changed(Change change) { markStale(state, change); }

    // The screen registry's work for the route on screen (core/screen_registry.h): what to
    // load when it is shown, and when fresh data is wanted.
    void enterRoute();
    void refreshScreen();

private:
    // Whether an answer is still to be applied (see answer()); error is null for a success.
    bool land(std::uint64_t generation, const Landing& landing, const ApiError* error);

    std::uint64_t generation_ = 0;
};

// A slice of the store: its intents, reading and writing its part of the state.
class Slice {
protected:
    explicit Slice(StoreContext& ctx) : ctx_(ctx) {}
    AppState& state() const { return ctx_.state; }
    ApiClient& api() const { return ctx_.api; }
    Platform& platform() const { return ctx_.platform; }
    Store& store() const { return ctx_.store; }
    bool signedIn() const { return ctx_.state.session.has_value(); }

    StoreContext& ctx_;
};

}  // namespace rc
