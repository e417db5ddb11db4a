// The block list on its own: which blocks a view asks for and in what order, placeholders,
// the block limit, answers that no longer apply, failures and retries, a total that changes.
#include <doctest/doctest.h>

#include "core/block_list.h"

using namespace rc;
using Rows = BlockList<int>;

namespace {

std::vector<int> numbers(std::int64_t from, int count) {
    std::vector<int> out;
    for (int i = 0; i < count; ++i) out.push_back(static_cast<int>(from + i));
    return out;
}

}  // namespace

TEST_CASE("block list: the first view asks for one block, which tells the total; then the view and its margin") {
    Rows rows(10, 6, 1);
    auto first = rows.view(0, 4);
    REQUIRE(first.size() == 1);
    CHECK(first[0].offset == 0);
    CHECK(first[0].limit == 10);
    CHECK_FALSE(rows.known());
    CHECK(rows.state(3) == Rows::RowState::Loading);
    CHECK(rows.row(3) == nullptr);
    CHECK(rows.receive(first[0].ticket, numbers(0, 10), 95));
    CHECK(rows.settled());
    CHECK(*rows.row(3) == 3);
    auto more = rows.view(0, 4);  // the margin below
    REQUIRE(more.size() == 1);
    CHECK(more[0].offset == 10);
    CHECK(rows.loading());
    CHECK_FALSE(rows.loadingInView());  // read ahead: nothing on screen waits for it
    // A jump: the blocks on screen first, then one each side.
    auto jump = rows.view(52, 61);
    REQUIRE(jump.size() == 4);
    CHECK(jump[0].offset == 50);
    CHECK(jump[1].offset == 60);
    CHECK(jump[2].offset == 70);
    CHECK(jump[3].offset == 40);
    CHECK(rows.loadingInView());  // rows on screen wait for 50 and 60
    // The end: nothing past the last row is asked for, and the last block is short.
    auto end = rows.view(88, 94);
    for (const auto& r : end) CHECK(r.offset <= 90);
}

TEST_CASE("block list: at most the limit is held, never what is on screen, and dropped blocks' answers are ignored") {
    Rows rows(10, 5, 1);
    auto r0 = rows.view(0, 5);
    rows.receive(r0[0].ticket, numbers(0, 10), 1000);
    std::vector<Rows::Request> inFlight;
    for (std::int64_t at = 0; at < 1000; at += 37) {
        for (const auto& r : rows.view(at, at + 8)) inFlight.push_back(r);
        CHECK(rows.blocksHeld() <= 5);
        CHECK(rows.state(at) != Rows::RowState::Missing);  // on screen: kept
    }
    // Answers to blocks that were dropped meanwhile change nothing.
    int applied = 0;
    for (const auto& r : inFlight) applied += rows.receive(r.ticket, numbers(r.offset, 10), 1000);
    CHECK(applied <= 5);
    CHECK(rows.blocksHeld() <= 5);
    CHECK(*rows.row(997) == 997);
}

TEST_CASE("block list: after a reset the old answers are dropped and the old total stays a guess until the new one") {
    Rows rows(10, 6, 1);
    auto a = rows.view(0, 5);
    rows.receive(a[0].ticket, numbers(0, 10), 500);
    auto b = rows.view(200, 205);
    rows.reset();  // a new filter while block 20 is on its way
    CHECK(rows.total() == 500);
    CHECK_FALSE(rows.settled());
    CHECK_FALSE(rows.receive(b[0].ticket, numbers(200, 10), 500));
    auto c = rows.view(0, 5);
    REQUIRE(c.size() >= 1);
    CHECK(rows.receive(c[0].ticket, numbers(0, 3), 3));
    CHECK(rows.total() == 3);
    CHECK(rows.settled());
    CHECK(rows.row(4) == nullptr);
}

TEST_CASE("block list: a failed block stays failed until retried; a changed total drops the other blocks") {
    Rows rows(10, 6, 1);
    auto a = rows.view(0, 5);
    rows.receive(a[0].ticket, numbers(0, 10), 100);
    auto b = rows.view(30, 35);
    REQUIRE(b[0].offset == 30);
    CHECK(rows.fail(b[0].ticket, ApiError{503, "unavailable", "down", {}}));
    CHECK(rows.state(31) == Rows::RowState::Failed);
    REQUIRE(rows.error().has_value());
    for (const auto& r : rows.view(30, 35)) CHECK(r.offset != 30);
    rows.retryFailed();
    CHECK_FALSE(rows.error().has_value());
    auto again = rows.view(30, 35);
    REQUIRE_FALSE(again.empty());
    CHECK(again[0].offset == 30);
    // Someone added a customer: positions moved, so block 0 (loaded earlier) is dropped.
    CHECK(rows.receive(again[0].ticket, numbers(30, 10), 101));
    CHECK(rows.total() == 101);
    CHECK(rows.row(5) == nullptr);
    CHECK(*rows.row(31) == 31);
}
