#include "core/store/invoices.h"

#include "core/access.h"

namespace rc {

InvoicesSlice::InvoicesSlice(StoreContext& ctx)
    : ListSlice(ctx, &AppState::invoices, Screen::Invoices, &Route::invoices, &ApiClient::listInvoicesAt) {}

void InvoicesSlice::setFilter(const InvoiceFilter& filter) {
    keepInAddress(filter);
    apply(filter);
}

void InvoicesSlice::show(const Route& r) {
    if (needsLoad(r.invoices)) setFilter(r.invoices);
    follow(r);
}

void InvoicesSlice::follow(const Route& r) {
    if (r.invoiceId && state().invoice.id != r.invoiceId) load(r.invoiceId);
    if (!r.invoiceId) state().invoice = InvoiceDetailState{};
}

void InvoicesSlice::refresh() {
    reload();
    if (state().invoice.id) load(state().invoice.id);
}

void InvoicesSlice::open(std::int64_t id) {
    if (!signedIn() || id <= 0) return;
    Route& route = state().route;
    // Over the invoice list or a customer's page, with an address of its own: Back closes it,
    // Forward opens it again. From anywhere else it opens over the list.
    bool over = route.screen == Screen::Invoices || route.screen == Screen::Customer;
    if (!over || route.invoiceId != id) {
        Route r = route;
        if (!over) r = Route{}, r.screen = Screen::Invoices;
        r.invoiceId = id;
        route = r;
        platform().setRoute(r.toHash(), true);
        if (r.screen == Screen::Invoices && needsLoad(r.invoices)) setFilter(r.invoices);
    }
    load(id);
}

void InvoicesSlice::load(std::int64_t id) {
    auto& d = state().invoice;
    d = InvoiceDetailState{};
    d.id = id;
    d.remote.loading = true;
    api().invoice(id, ctx_.answer<Invoice>(Landing::on(d.remote).onlyIf([this, id] { return state().invoice.id == id; }),
                                           [this](Invoice v) { state().invoice.invoice = std::move(v); }));
}

void InvoicesSlice::close() {
    state().invoice = InvoiceDetailState{};
    Route& route = state().route;
    if (route.invoiceId) {
        route.invoiceId = 0;
        // Closing replaces the invoice's address, so Back goes to where the invoice was opened from.
        platform().setRoute(route.toHash(), false);
    }
}

void InvoicesSlice::downloadPdf() {
    const auto& inv = state().invoice.invoice;
    if (!inv || state().download.loading || !allowed(state(), Capability::ExportBilling)) return;
    download(api().invoicePdfRequest(inv->id), inv->number + ".pdf");
}

void InvoicesSlice::downloadXRechnung() {
    const auto& inv = state().invoice.invoice;
    if (!inv || state().download.loading || !allowed(state(), Capability::ExportBilling)) return;
    download(api().invoiceXRechnungRequest(inv->id), inv->number + "-xrechnung.xml");
}

void InvoicesSlice::exportCsv() {
    if (!signedIn() || state().download.loading || !allowed(state(), Capability::ExportBilling)) return;
    download(api().invoicesCsvRequest(state().invoices.filter), "invoices.csv");
}

void InvoicesSlice::download(const HttpRequest& request, const std::string& filename) { ctx_.downloadFile(request, filename); }

}  // namespace rc
