// The last good answer to every API read, kept per reseller for offline use (network first):
// when the server cannot be reached, the saved answer stands in, marked with when it was fresh.
// Sits between the API client and the real transport; knows URLs, not screens.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/http.h"
#include "core/platform.h"

namespace rc {

class OfflineReads : public Transport {
public:
    // Every answer says whether it reached the server, and (for a stand-in) from when it is.
    struct Answer {
        bool reachedServer = false;
        std::int64_t cachedAt = 0;
    };
    // Storage: not asked yet, working, or not usable (then reads are not kept, and say so).
    enum class Storage { Unknown, Available, Unavailable, Full };

    OfflineReads(Transport& network, Platform& platform) : network_(network), platform_(platform) {}

    // Whose answers are kept and served (0: nobody's, signed out); loads that reseller's saved
    // answers from storage. `apiBase` is the prefix of the URLs that are API reads.
    void setReseller(std::int64_t resellerId, const std::string& apiBase);
    // Forgets a reseller's saved answers, in memory and in storage (sign-out).
    void drop(std::int64_t resellerId);

    void send(const HttpRequest& request, Completion done) override;

    std::function<void(const Answer&)> onAnswer;
    std::function<void(Storage)> onStorage;  // called when storage turns out (un)usable
    Storage storage() const { return storage_; }

    // Storage keys and the saved form of one answer (a versioned JSON envelope).
    static std::string keyPrefix(std::int64_t resellerId);
    static std::string encodeEntry(std::int64_t resellerId, const std::string& path, std::int64_t savedAt,
                                   const std::string& body);
    // The body and time of a saved answer, if it is whole, in this format, and this reseller's
    // for this path; anything else (corrupt, foreign, another format) is no answer at all.
    static bool decodeEntry(const std::string& stored, std::int64_t resellerId, const std::string& path,
                            std::int64_t& savedAt, std::string& body);

    // At most this many bytes of saved answers per reseller; the oldest go first.
    static constexpr std::size_t kMaxBytes = 4u << 20;

private:
    struct Saved {
        std::int64_t savedAt = 0;
        std::string body;
    };
    struct Waiting {
        std::string path;
        HttpResponse failure;
        Completion done;
    };
    bool cacheable(const HttpRequest& request, std::string& path) const;
    void remember(const std::string& path, const std::string& body);
    void answerFromCache(const std::string& path, const HttpResponse& failure, const Completion& done);
    void setStorage(Storage s);
    void trim();

    Transport& network_;
    Platform& platform_;
    std::int64_t reseller_ = 0;
    std::string apiBase_;
    bool loaded_ = false;
    std::uint64_t generation_ = 0;  // a load for an earlier reseller lands nowhere
    std::map<std::string, Saved> saved_;
    std::size_t bytes_ = 0;
    std::vector<Waiting> waiting_;  // failures that arrived before the saved answers were read
    Storage storage_ = Storage::Unknown;
};

}  // namespace rc
