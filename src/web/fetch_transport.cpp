#include "web/fetch_transport.h"

#include <emscripten.h>
#include <emscripten/fetch.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/http_date.h"
#include "ui/text/script_fonts.h"

// Whether web/prefetch.js made this GET ahead; it then answers under `id` (rc_on_prefetched),
// at once when the answer is in already.
EM_JS(int, rc_js_take_prefetched, (const char* url, const char* authorization, int id), {
    return rcWeb.prefetch && rcWeb.prefetch.take(UTF8ToString(url), UTF8ToString(authorization), id) ? 1 : 0;
});

namespace rc::web {
namespace {

// Lives from send() until the fetch has finished; owns the strings the fetch points into.
struct InFlight {
    MainQueue* queue;
    std::function<void()>* wake;
    Transport::Completion done;
    bool json = false;  // an API answer (Accept: application/json), not a font or a document
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
    // The server's clock: the console counts days by it (core/http_date.h).
    if (std::size_t n = emscripten_fetch_get_response_headers_length(fetch); n > 0 && n < 64 * 1024) {
        std::string raw(n + 1, '\0');
        emscripten_fetch_get_response_headers(fetch, raw.data(), raw.size());
        res.serverDate = parseHttpDate(dateHeaderOf(raw));
    }
    emscripten_fetch_close(fetch);
    if (ctx->json && res.status >= 200 && res.status < 300) ui::scriptFonts().arrived(res.body);
    auto done = std::move(ctx->done);
    ctx->queue->post([done = std::move(done), res = std::move(res)] { done(res); });
    (*ctx->wake)();
}

}  // namespace

void FetchTransport::send(const HttpRequest& request, Completion done) {
    std::string authorization, accept;
    for (const auto& [name, value] : request.headers) {
        if (name == "Authorization") authorization = value;
        if (name == "Accept") accept = value;
    }
    // The page fetches JSON ahead only (a PDF or CSV at the same URL is another answer).
    if ((request.method.empty() || request.method == "GET") && request.body.empty() && accept == "application/json") {
        int id = ++lastPrefetchId_;
        prefetched_[id] = std::move(done);
        if (rc_js_take_prefetched(request.url.c_str(), authorization.c_str(), id)) return;
        done = std::move(prefetched_[id]);
        prefetched_.erase(id);
    }
    auto ctx = std::make_unique<InFlight>();
    ctx->queue = &queue_;
    ctx->wake = &wake_;
    ctx->done = std::move(done);
    ctx->json = accept == "application/json";
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

void FetchTransport::deliverPrefetched(int id, int status, const std::string& body) {
    auto it = prefetched_.find(id);
    if (it == prefetched_.end()) return;
    Completion done = std::move(it->second);
    prefetched_.erase(it);
    HttpResponse res;
    res.status = status;
    res.body = body;
    if (status >= 200 && status < 300) ui::scriptFonts().arrived(res.body);  // the page fetched JSON only
    queue_.post([done = std::move(done), res = std::move(res)] { done(res); });
    wake_();
}

}  // namespace rc::web
