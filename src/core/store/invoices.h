// The store's invoices slice: the invoice list (by customer, status and dates; view, retry and
// reload come from ListSlice), one invoice open over it or over a customer's page, and the downloads (an invoice's PDF,
// the list as CSV).
#pragma once
#include <cstdint>
#include <string>

#include "core/store/list_slice.h"

namespace rc {

class InvoicesSlice : public ListSlice<Invoice, InvoiceFilter, InvoicesPage> {
public:
    explicit InvoicesSlice(StoreContext& ctx);

    void setFilter(const InvoiceFilter& filter);
    void open(std::int64_t id);
    void close();
    void downloadPdf();        // Factur-X: the PDF with the e-invoice inside
    void downloadXRechnung();  // the XRechnung (CII) XML, for public-sector customers
    void exportCsv();

    // --- for the store
    // Shown at `route`: the list for its filter, and the invoice it names (if any) over it.
    void show(const Route& route);
    // The invoice `route` names (over the list or a customer's page) is the one open, or none.
    void follow(const Route& route);
    // Fresh data wanted: the list again, and the open invoice.
    void refresh();

private:
    void load(std::int64_t id);
    void download(const HttpRequest& request, const std::string& filename);
};

}  // namespace rc
