// What the store needs from the page it runs in: storage, the address bar, the clipboard,
// file downloads, Google's sign-in library and a clock. The browser implementation is in
// src/web; native tests use a fake.
#pragma once
#include <functional>
#include <string>

#include <optional>

#include "core/http.h"
#include "core/model.h"

namespace rc {

class Platform {
public:
    virtual ~Platform() = default;

    // The signed-in session, kept across reloads (empty string: none).
    virtual void saveSession(const std::string& json) = 0;
    virtual std::string loadSession() = 0;

    // The address bar's #fragment. push=false replaces the current history entry.
    virtual void setRoute(const std::string& hash, bool push) = 0;

    virtual void copyText(const std::string& text) = 0;

    // Downloads the answer to `request` as a file called `filename` (a real browser download).
    // `done` is called later, from the main queue, with nothing on success or what went wrong
    // (a 401 among them, so an expired session still sends the reseller to sign in).
    using DownloadDone = std::function<void(const std::optional<ApiError>& error)>;
    virtual void download(const HttpRequest& request, const std::string& filename, DownloadDone done) = 0;

    // Stops Google from signing the reseller straight back in after a sign-out.
    virtual void googleSignedOut() = 0;

    // Seconds since some fixed point; only differences matter (toast lifetimes).
    virtual double now() = 0;

    // A fresh unguessable key for Idempotency-Key headers.
    virtual std::string newIdempotencyKey() = 0;
};

}  // namespace rc
