// The browser's transport: emscripten_fetch, with every completion posted to the main queue.
#pragma once
#include <functional>

#include "core/http.h"
#include "core/main_queue.h"

namespace rc::web {

class FetchTransport : public Transport {
public:
    // `wake` is called whenever a completion is queued, so the main loop draws a frame.
    FetchTransport(MainQueue& queue, std::function<void()> wake) : queue_(queue), wake_(std::move(wake)) {}
    void send(const HttpRequest& request, Completion done) override;

private:
    MainQueue& queue_;
    std::function<void()> wake_;
};

}  // namespace rc::web
