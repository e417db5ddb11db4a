// The page, for native tests: storage, address bar, clipboard and downloads are recorded.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/main_queue.h"
#include "core/platform.h"

namespace rc::test {

class FakePlatform : public Platform {
public:
    explicit FakePlatform(MainQueue& queue) : queue_(queue) {}

    void saveSession(const std::string& json) override { session = json; }
    std::string loadSession() override { return session; }
    void setRoute(const std::string& hash, bool push) override {
        route = hash;
        if (push) history.push_back(hash);
    }
    void copyText(const std::string& text) override { clipboard = text; }
    void download(const HttpRequest& request, const std::string& filename, DownloadDone done) override {
        downloads.push_back({request, filename, std::move(done)});
    }
    void googleSignedOut() override { ++googleSignOuts; }
    double now() override { return clock; }
    std::string newIdempotencyKey() override { return "key-" + std::to_string(++keys); }

    // Finishes download `index` through the main queue, as the browser does (status 200: done).
    void finishDownload(std::size_t index, int status, const std::string& code = {}) {
        auto done = downloads.at(index).done;
        std::optional<ApiError> error;
        if (status != 200) error = ApiError{status, code, "", {}};
        queue_.post([done, error] { done(error); });
    }

    struct Download {
        HttpRequest request;
        std::string filename;
        DownloadDone done;
    };

    std::string session;
    std::string route;
    std::vector<std::string> history;
    std::string clipboard;
    std::vector<Download> downloads;
    int googleSignOuts = 0;
    double clock = 1000.0;
    int keys = 0;

private:
    MainQueue& queue_;
};

}  // namespace rc::test
