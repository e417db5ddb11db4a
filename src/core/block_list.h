// A long server-side list held as blocks of rows, after AG Grid's server-side row model: the
// list spans every row of the server's `total`, blocks are fetched for the rows on screen and
// a margin around them, a block on its way shows placeholders, and past a limit the blocks
// farthest from the view are dropped, so memory stays flat however far one scrolls. Plain
// data and decisions only: the store sends the requests it returns and hands back answers.
#pragma once
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "core/model.h"

namespace rc {

template <class Item>
class BlockList {
public:
    // One block to fetch: rows offset..offset+limit-1 of the sort.
    struct Request {
        std::uint64_t ticket;
        std::int64_t offset;
        int limit;
    };
    enum class RowState { Loaded, Loading, Failed, Missing };

    // 100 rows a block (one request), at most 8 blocks held, one block fetched beyond each end
    // of the view: at most 800 rows in memory, whatever the total.
    BlockList() : BlockList(100, 8, 1) {}
    BlockList(int blockRows, int maxBlocks, int marginBlocks)
        : blockRows_(blockRows), maxBlocks_(std::max(maxBlocks, 3 + 2 * marginBlocks)), margin_(marginBlocks) {}

    // A new filter or sort: every block goes; answers still on their way are dropped. The old
    // total stays as a guess (the scroll bar does not jump) until the first answer says.
    void reset() {
        blocks_.clear();
        tickets_.clear();
        provisional_ = true;
        error_.reset();
    }

    // Rows first..last are on screen. Returns the blocks to fetch: those on screen first, then
    // the margin. Blocks past the limit are dropped, farthest from the view first.
    std::vector<Request> view(std::int64_t first, std::int64_t last) {
        std::vector<Request> out;
        if (last < first) last = first;
        std::int64_t b0 = blockOf(std::max<std::int64_t>(0, first)), b1 = blockOf(std::max<std::int64_t>(0, last));
        if (known()) {
            std::int64_t lastBlock = total_ > 0 ? blockOf(total_ - 1) : -1;
            b1 = std::min(b1, lastBlock);
            b0 = std::min(b0, std::max<std::int64_t>(0, lastBlock));
        } else {
            b1 = b0;  // the size is not known yet: one block tells it
        }
        viewFirst_ = b0;
        viewLast_ = b1;
        std::int64_t lastBlock = known() ? (total_ > 0 ? blockOf(total_ - 1) : -1) : b0;
        auto want = [&](std::int64_t b) {
            if (b < 0 || b > lastBlock) return;
            auto it = blocks_.find(b);
            if (it != blocks_.end()) return;  // loaded, on its way, or failed (until retried)
            Block& block = blocks_[b];
            block.state = RowState::Loading;
            block.ticket = ++nextTicket_;
            tickets_[block.ticket] = b;
            out.push_back({block.ticket, b * blockRows_, blockRows_});
        };
        for (std::int64_t b = b0; b <= b1; ++b) want(b);
        if (known())
            for (int m = 1; m <= margin_; ++m) want(b1 + m), want(b0 - m);
        evict();
        return out;
    }

    // The answer to a request; false when it no longer applies (reset since, or dropped).
    bool receive(std::uint64_t ticket, std::vector<Item> items, std::int64_t total) {
        auto block = take(ticket);
        if (!block) return false;
        std::int64_t b = *block;
        // The list changed on the server (rows added or removed): positions moved, so the other
        // loaded blocks are dropped and fetched again where they are seen.
        if (known() && !provisional_ && total != total_) {
            for (auto it = blocks_.begin(); it != blocks_.end();)
                it = it->first == b || it->second.state == RowState::Loading ? std::next(it) : blocks_.erase(it);
        }
        total_ = total;
        provisional_ = false;
        error_.reset();
        Block& dst = blocks_[b];
        dst.state = RowState::Loaded;
        dst.rows = std::move(items);
        dst.error.reset();
        return true;
    }

    bool fail(std::uint64_t ticket, ApiError error) {
        auto block = take(ticket);
        if (!block) return false;
        Block& dst = blocks_[*block];
        dst.state = RowState::Failed;
        dst.error = error;
        error_ = std::move(error);
        return true;
    }

    // Failed blocks are fetched again by the next view().
    void retryFailed() {
        for (auto it = blocks_.begin(); it != blocks_.end();)
            it = it->second.state == RowState::Failed ? blocks_.erase(it) : std::next(it);
        error_.reset();
    }

    // Requests on their way are forgotten (a restored copy of the state has none in flight).
    void forgetInFlight() {
        for (auto it = blocks_.begin(); it != blocks_.end();)
            it = it->second.state == RowState::Loading ? blocks_.erase(it) : std::next(it);
        tickets_.clear();
    }

    // The total is known (perhaps still the last filter's, see settled()).
    bool known() const { return total_ >= 0; }
    // The total is the current filter's.
    bool settled() const { return known() && !provisional_; }
    std::int64_t total() const { return std::max<std::int64_t>(0, total_); }
    int blockRows() const { return blockRows_; }
    int blocksHeld() const { return static_cast<int>(blocks_.size()); }
    bool loading() const {
        return std::any_of(blocks_.begin(), blocks_.end(), [](const auto& b) { return b.second.state == RowState::Loading; });
    }
    // A block on screen is on its way (the margin read ahead is not something to wait for).
    bool loadingInView() const {
        return std::any_of(blocks_.begin(), blocks_.end(), [this](const auto& b) {
            return b.second.state == RowState::Loading && b.first >= viewFirst_ && b.first <= viewLast_;
        });
    }
    // The latest failure, until a block arrives or a retry.
    const std::optional<ApiError>& error() const { return error_; }

    RowState state(std::int64_t row) const {
        auto it = blocks_.find(blockOf(row));
        if (it == blocks_.end()) return RowState::Missing;
        if (it->second.state != RowState::Loaded) return it->second.state;
        return row - it->first * blockRows_ < static_cast<std::int64_t>(it->second.rows.size()) ? RowState::Loaded : RowState::Missing;
    }

    const Item* row(std::int64_t index) const {
        if (index < 0) return nullptr;
        auto it = blocks_.find(blockOf(index));
        if (it == blocks_.end() || it->second.state != RowState::Loaded) return nullptr;
        std::size_t at = static_cast<std::size_t>(index - it->first * blockRows_);
        return at < it->second.rows.size() ? &it->second.rows[at] : nullptr;
    }

    // Every loaded row, to keep one current after it changed elsewhere.
    template <class Fn>
    void forEachLoaded(Fn fn) {
        for (auto& [index, block] : blocks_)
            for (Item& item : block.rows) fn(item);
    }

private:
    struct Block {
        RowState state = RowState::Missing;
        std::uint64_t ticket = 0;
        std::vector<Item> rows;
        std::optional<ApiError> error;
    };

    std::int64_t blockOf(std::int64_t row) const { return row / blockRows_; }

    std::optional<std::int64_t> take(std::uint64_t ticket) {
        auto t = tickets_.find(ticket);
        if (t == tickets_.end()) return std::nullopt;
        std::int64_t b = t->second;
        tickets_.erase(t);
        auto it = blocks_.find(b);
        if (it == blocks_.end() || it->second.state != RowState::Loading || it->second.ticket != ticket) return std::nullopt;
        return b;
    }

    void evict() {
        while (static_cast<int>(blocks_.size()) > maxBlocks_) {
            auto far = blocks_.end();
            std::int64_t farthest = -1;
            for (auto it = blocks_.begin(); it != blocks_.end(); ++it) {
                std::int64_t d = it->first < viewFirst_ ? viewFirst_ - it->first : it->first > viewLast_ ? it->first - viewLast_ : 0;
                if (d > farthest) farthest = d, far = it;
            }
            if (far == blocks_.end() || farthest <= margin_) return;  // never what is on screen
            if (far->second.state == RowState::Loading) tickets_.erase(far->second.ticket);
            blocks_.erase(far);
        }
    }

    int blockRows_, maxBlocks_, margin_;
    std::int64_t total_ = -1;  // -1: not known yet
    bool provisional_ = false;  // total_ is the previous filter's
    std::map<std::int64_t, Block> blocks_;
    std::map<std::uint64_t, std::int64_t> tickets_;
    std::uint64_t nextTicket_ = 0;
    std::int64_t viewFirst_ = 0, viewLast_ = 0;
    std::optional<ApiError> error_;
};

}  // namespace rc
