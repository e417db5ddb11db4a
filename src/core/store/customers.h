// The store's customer-list slice: the reseller's customers for a search, status and sort,
// as long as the server's whole result, fetched in blocks around the rows on screen
// (view, retry and reload come from ListSlice).
#pragma once
#include <set>
#include <string>
#include <vector>

#include "core/store/list_slice.h"

namespace rc {

class CustomersSlice : public ListSlice<Customer, CustomerFilter, CustomersPage> {
public:
    explicit CustomersSlice(StoreContext& ctx);

    // A new search waits for a pause in typing (one request per pause); status and sort apply at once.
    void setFilter(const CustomerFilter& filter);

    // Export what you see (issue 19): every customer of the list's search, status and sort as a
    // CSV download; excelDe: semicolons, decimal commas and a byte-order mark (German Excel).
    // Needs export_billing and the network; a second click while one runs does nothing.
    void exportCsv(bool excelDe);
    // The export's columns (the API's names) for the list's hidden columns; empty: all of them.
    static std::vector<std::string> exportColumns(const std::set<std::string>& hidden);

    // --- for the store
    // Shown with the address's filter: fetched unless its rows are here and fresh.
    void show(const CustomerFilter& filter);
    // Sends a search whose pause is over; returns when the waiting one is due (0: none waits).
    double runSearchTimer();
    void forgetSearch() { searchPending_ = false; }

    static constexpr double kSearchPause = 0.3;  // seconds without typing before a search is sent

private:
    bool searchPending_ = false;  // a search waits for a pause in typing
    CustomerFilter pendingSearch_;
    double searchDueAt_ = 0;
};

}  // namespace rc
