// The browser's transport: emscripten_fetch, with every completion posted to the main queue. A
// GET the page already made while the program downloaded (web/prefetch.js: the first requests
// of a visit) is answered with that answer instead of being sent again.
#pragma once
#include <functional>
#include <map>
#include <string>

#include "core/http.h"
#include "core/main_queue.h"

namespace rc::web {

class FetchTransport : public Transport {
public:
    // `wake` is called whenever a completion is queued, so the main loop draws a frame.
    FetchTransport(MainQueue& queue, std::function<void()> wake) : queue_(queue), wake_(std::move(wake)) {}
    void send(const HttpRequest& request, Completion done) override;
    // The page's answer to a request it made ahead (rc_on_prefetched); status 0: none came.
    void deliverPrefetched(int id, int status, const std::string& body);
    // Requests the page is answering (made ahead, their answers not in yet).
    bool waitingForPage() const { return !prefetched_.empty(); }

private:
    MainQueue& queue_;
    std::function<void()> wake_;
    std::map<int, Completion> prefetched_;  // requests the page answers, by id
    int lastPrefetchId_ = 0;
};

}  // namespace rc::web
