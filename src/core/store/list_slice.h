// What both list slices (customers, invoices) share: a ListState in AppState, fetched in
// blocks around the rows on screen (core/block_list.h), its filter kept in the address bar.
// Each list slice derives from it and adds its own filter intents.
#pragma once
#include <cstdint>
#include <utility>

#include "core/store/context.h"

namespace rc {

template <class Item, class Filter, class Page>
class ListSlice : public Slice {
public:
    using State = ListState<Item, Filter>;
    using Fetch = void (ApiClient::*)(const Filter&, std::int64_t offset, int limit, ApiClient::Callback<Page>);

    // Fetches the rows for the same filter again, from where the view is.
    void reload() { apply(list().filter); }

    // Rows first..last are on screen: their blocks (and a margin) are fetched, far ones
    // dropped; answers for dropped blocks are dropped too.
    void view(std::int64_t first, std::int64_t last) {
        State& l = list();
        l.first = first;
        l.last = last;
        if (!signedIn()) return;
        for (const auto& block : l.rows.view(first, last)) {
            std::uint64_t ticket = block.ticket;
            (api().*fetch_)(l.filter, block.offset, block.limit,
                            ctx_.answer<Page>(
                                Landing::quiet(),
                                [this, ticket](Page page) {
                                    State& l = list();
                                    if (l.rows.receive(ticket, std::move(page.items), page.total)) l.loaded = true;
                                    settle();
                                },
                                [this, ticket](const ApiError& e) {
                                    list().rows.fail(ticket, e);
                                    settle();
                                }));
        }
        settle();
    }

    // The failed blocks again ("Retry" in the list).
    void retry() {
        State& l = list();
        l.rows.retryFailed();
        view(l.first, l.last);
    }

protected:
    // `member`: the list in AppState; `screen` / `routeFilter`: where the address bar keeps its filter.
    ListSlice(StoreContext& ctx, State AppState::*member, Screen screen, Filter Route::*routeFilter, Fetch fetch)
        : Slice(ctx), member_(member), screen_(screen), routeFilter_(routeFilter), fetch_(fetch) {}

    // Shown with `filter`: fetched unless its rows are here, fresh and for this filter.
    bool needsLoad(const Filter& filter) const {
        const State& l = list();
        return !l.loaded || l.stale || l.filter != filter;
    }

    // The address bar follows the filter without a history step (typing a search is not one).
    void keepInAddress(const Filter& filter) {
        Route& route = state().route;
        if (route.screen != screen_ || route.*routeFilter_ == filter) return;
        route.*routeFilter_ = filter;
        platform().setRoute(route.toHash(), false);
    }

    // Fetches the rows for `filter` again; a new filter starts at its top. Answers for the
    // old filter are dropped.
    void apply(const Filter& filter) {
        State& l = list();
        if (l.filter != filter) l.first = l.last = 0;
        l.filter = filter;
        l.stale = false;
        l.rows.reset();
        view(l.first, l.last);
    }

    State& list() const { return state().*member_; }

private:
    void settle() {
        State& l = list();
        // Only rows on screen that are on their way show as loading: the margin read ahead
        // moves nothing (its activity bar kept the first frame with rows from standing still).
        l.remote = Remote{l.rows.loadingInView(), l.rows.error()};
    }

    State AppState::*member_;
    Screen screen_;
    Filter Route::*routeFilter_;
    Fetch fetch_;
};

}  // namespace rc
