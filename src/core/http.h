// The transport boundary: the store and API client speak these plain types; the browser
// implementation uses emscripten_fetch, native tests use a fake.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace rc {

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

struct HttpResponse {
    int status = 0;  // 0: no answer (network error, timeout, aborted)
    std::string body;
    std::string statusText;
    // An answer kept for offline use standing in for one the server could not give: when it
    // was fresh (milliseconds since 1970). 0: the answer came from the server just now.
    std::int64_t cachedAt = 0;
    // The server's Date header (milliseconds since 1970; 0: none or unreadable): the console
    // counts days (a trial's days left) by the server's clock, not the device's.
    std::int64_t serverDate = 0;
};

class Transport {
public:
    using Completion = std::function<void(const HttpResponse&)>;
    virtual ~Transport() = default;
    // Must call `done` later from the main thread's queue, never synchronously inside send().
    virtual void send(const HttpRequest& request, Completion done) = 0;
};

}  // namespace rc
