#include "web/fetch_transport.h"

#include <emscripten/fetch.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace rc::web {
namespace {

// Lives from send() until the fetch has finished; owns the strings the fetch points into.
struct InFlight {
    MainQueue* queue;
    std::function<void()>* wake;
    Transport::Completion done;
    std::string body;
    std::vector<std::string> headerStrings;
    std::vector<const char*> headerPointers;
};

void finish(emscripten_fetch_t* fetch) {
    std::unique_ptr<InFlight> ctx(static_cast<InFlight*>(fetch->userData));
    HttpResponse res;
    res.status = fetch->status;
    if (fetch->data && fetch->numBytes > 0) res.body.assign(fetch->data, static_cast<std::size_t>(fetch->numBytes));
    res.statusText = fetch->statusText;
    emscripten_fetch_close(fetch);
    auto done = std::move(ctx->done);
    ctx->queue->post([done = std::move(done), res = std::move(res)] { done(res); });
    (*ctx->wake)();
}

}  // namespace

void FetchTransport::send(const HttpRequest& request, Completion done) {
    auto ctx = std::make_unique<InFlight>();
    ctx->queue = &queue_;
    ctx->wake = &wake_;
    ctx->done = std::move(done);
    ctx->body = request.body;
    for (const auto& [name, value] : request.headers) {
        ctx->headerStrings.push_back(name);
        ctx->headerStrings.push_back(value);
    }
    for (const auto& s : ctx->headerStrings) ctx->headerPointers.push_back(s.c_str());
    ctx->headerPointers.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, request.method.c_str(), sizeof(attr.requestMethod) - 1);
    // REPLACE: never answer from IndexedDB; every call goes to the server.
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY | EMSCRIPTEN_FETCH_REPLACE;
    attr.requestHeaders = ctx->headerPointers.data();
    if (!ctx->body.empty()) {
        attr.requestData = ctx->body.data();
        attr.requestDataSize = ctx->body.size();
    }
    attr.timeoutMSecs = 30000;
    attr.onsuccess = finish;
    attr.onerror = finish;  // 4xx/5xx, network errors (status 0) and timeouts; the body is still there
    attr.userData = ctx.release();
    emscripten_fetch(&attr, request.url.c_str());
}

}  // namespace rc::web
