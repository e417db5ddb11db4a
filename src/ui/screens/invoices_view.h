#pragma once
#include "core/store.h"
#include "ui/kit/paged_table.h"
#include "ui/screens/view.h"

namespace rc::ui {

// Invoices across customers: filter by customer, status and date range; open one; export CSV.
class InvoicesView : public View {
public:
    void draw(Store& store) override;
    // A kiosk's next visitor starts without the last one's half-typed dates, at the top.
    void forgetVisitor() override { fromDraft_.clear(), toDraft_.clear(), draftsFromRoute_ = true, table_.toTop(); }

private:
    // Dates typed but not yet valid stay here until they are (the filter holds only valid ones).
    std::string fromDraft_, toDraft_;
    bool draftsFromRoute_ = true;
    std::string lastRouteFrom_, lastRouteTo_;
    static PagedTableSpec tableSpec();  // its columns and what it says
    PagedList<Invoice, InvoiceFilter> table_{tableSpec()};
};

}  // namespace rc::ui
