#include "core/store/customers.h"

#include "core/access.h"
#include "core/store.h"

namespace rc {

CustomersSlice::CustomersSlice(StoreContext& ctx)
    : ListSlice(ctx, &AppState::customers, Screen::Customers, &Route::customers, &ApiClient::listCustomersAt) {}

void CustomersSlice::setFilter(const CustomerFilter& filter) {
    const auto& list = state().customers;
    // Another search, status or sort than the address's: the list no longer shows a saved view.
    if (filter != state().route.customers) store().views().leftView();
    keepInAddress(filter);
    bool onlySearch = list.loaded && !list.stale && filter.status == list.filter.status && filter.sort == list.filter.sort &&
                      filter.search != list.filter.search;
    if (onlySearch) {
        // One request per pause in typing: each key moves the moment it is sent.
        searchPending_ = true;
        pendingSearch_ = filter;
        searchDueAt_ = platform().now() + kSearchPause;
        return;
    }
    searchPending_ = false;
    store().bulk().filterChanged(filter.search, filter.status);
    apply(filter);
}

void CustomersSlice::show(const CustomerFilter& filter) {
    if (needsLoad(filter)) setFilter(filter);
}

double CustomersSlice::runSearchTimer() {
    if (!searchPending_) return 0;
    if (platform().now() < searchDueAt_) return searchDueAt_;
    searchPending_ = false;
    store().bulk().filterChanged(pendingSearch_.search, pendingSearch_.status);
    apply(pendingSearch_);
    return 0;
}

std::vector<std::string> CustomersSlice::exportColumns(const std::set<std::string>& hidden) {
    if (hidden.empty()) return {};  // every column, the server's order
    // The export's columns (the API's names, its order) and the list column that shows each;
    // nullptr: always exported (who the customer is, how to reach them, since when).
    static const std::pair<const char*, const char*> kColumns[] = {
        {"name", nullptr}, {"organization", nullptr}, {"email", nullptr}, {"google_domain", "domain"},
        {"status", "status"}, {"plan", "plan"}, {"billing_cycle", "plan"}, {"subscription_status", "status"},
        {"licenses", "licenses"}, {"renews_at", "renewal"}, {"monthly_value", "monthly"}, {"currency", "monthly"},
        {"created_at", nullptr}, {"id", nullptr}};
    std::vector<std::string> out;
    for (const auto& [api, shownBy] : kColumns)
        if (!shownBy || !hidden.count(shownBy)) out.emplace_back(api);
    return out;
}

void CustomersSlice::exportCsv(bool excelDe) {
    if (!signedIn() || state().download.loading || !allowed(state(), Capability::ExportBilling)) return;
    // The address's filter is what the search field and the filter show (a search in its typing
    // pause too), and the columns the reseller hid are left out: the file is what the list shows.
    ctx_.downloadFile(api().customersCsvRequest(state().route.customers, excelDe, exportColumns(state().customerColumns.hidden)),
                      excelDe ? "customers-excel.csv" : "customers.csv");
}

}  // namespace rc
