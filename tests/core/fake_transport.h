// A transport for native tests: records each request and answers only when the test says so,
// through the same main-thread queue the browser transport uses.
#pragma once
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/http.h"
#include "core/main_queue.h"

namespace rc::test {

class FakeTransport : public Transport {
public:
    explicit FakeTransport(MainQueue& queue) : queue_(queue) {}

    struct Sent {
        HttpRequest request;
        Completion done;
        bool answered = false;
    };

    void send(const HttpRequest& request, Completion done) override { sent.push_back({request, std::move(done)}); }

    // Queues the answer to request `index`; it is applied when the queue is drained.
    void respond(std::size_t index, int status, std::string body) {
        Sent& s = sent.at(index);
        REQUIRE_FALSE(s.answered);
        s.answered = true;
        HttpResponse res{status, std::move(body), ""};
        res.serverDate = serverDate;
        queue_.post([done = s.done, res] { done(res); });
    }

    std::size_t count(const std::string& urlPart, const std::string& method = {}) const {
        std::size_t n = 0;
        for (const auto& s : sent)
            if (s.request.url.find(urlPart) != std::string::npos && (method.empty() || s.request.method == method)) ++n;
        return n;
    }

    // Index of the newest request whose URL contains `urlPart` (fails the test when none).
    std::size_t last(const std::string& urlPart, const std::string& method = {}) const {
        for (std::size_t i = sent.size(); i-- > 0;)
            if (sent[i].request.url.find(urlPart) != std::string::npos && (method.empty() || sent[i].request.method == method))
                return i;
        FAIL("no request to " << urlPart);
        return 0;
    }

    // Answers the newest unanswered request to `urlPart`.
    void answer(const std::string& urlPart, int status, std::string body) {
        for (std::size_t i = sent.size(); i-- > 0;)
            if (!sent[i].answered && sent[i].request.url.find(urlPart) != std::string::npos) return respond(i, status, std::move(body));
        FAIL("no unanswered request to " << urlPart);
    }

    std::string header(std::size_t index, const std::string& name) const {
        for (const auto& [k, v] : sent.at(index).request.headers)
            if (k == name) return v;
        return {};
    }

    std::vector<Sent> sent;
    std::int64_t serverDate = 0;  // the Date every answer carries (ms since 1970; 0: none)

private:
    MainQueue& queue_;
};

inline std::string readContract(const std::string& name) {
    std::ifstream in(std::string(CONTRACT_DIR) + "/" + name, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "missing contract example tests/contract/" << name);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace rc::test
