#include "ui/screens/invoices_view.h"

#include <optional>

#include "core/format.h"
#include "core/i18n.h"
#include "imgui_internal.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/date_picker.h"
#include "ui/kit/gated.h"
#include "ui/kit/layout.h"
#include "ui/kit/list_cards.h"
#include "ui/kit/offline_widgets.h"
#include "ui/kit/paged_table.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/text/shown_text.h"

namespace rc::ui {
namespace {

constexpr float kRowHeight = 46.0f;
constexpr float kCardHeight = 92.0f;  // on phones

// A date field's text as the day the API takes: "" for an empty field, nullopt for no day.
// Typed as the reader writes it (01.11.2026, Nov 1, 2026) or ISO (format::parseDay).
std::optional<std::string> dayOf(const std::string& draft) {
    if (draft.find_first_not_of(' ') == std::string::npos) return std::string();
    return format::parseDay(draft);
}

// The customer (organization) is never cut while a date shows; issued and due drop out first.
enum Col { kNumber, kCustomer, kIssued, kDue, kStatus, kTotal, kColumnCount };

// A credit note (Rechnungskorrektur) is called so where an invoice shows its status.
void creditOrStatus(const Invoice& inv) {
    if (inv.isCreditNote()) pill(tr(Text::CreditNote), color::Accent, color::AccentSoft);
    else invoiceBadge(inv.status);
}

const std::string& invoiceCustomer(const Invoice& inv) { return inv.customerOrganization.empty() ? inv.customerName : inv.customerOrganization; }

// The invoice list's rows, as the paged table asks for them.
class InvoiceRows final : public ListRows<Invoice, InvoiceFilter> {
public:
    explicit InvoiceRows(Store& store) : ListRows(store, store.state().invoices, store.state().invoiceColumns) {
        covered = store.state().route.invoiceId != 0;  // the invoice open over the list takes the keys
    }
    void openRow(const Invoice& inv) override { store_.invoices().open(inv.id); }
    void empty() override {
        const InvoiceFilter& f = store_.state().route.invoices;
        bool filtered = f.customerId || !f.status.empty() || !f.from.empty() || !f.to.empty();
        emptyState(icon::Invoices, tr(Text::NoInvoicesTitle), filtered ? tr(Text::NoInvoicesMatch) : tr(Text::NoInvoicesBody));
    }
    void view(std::int64_t first, std::int64_t last) override { store_.invoices().view(first, last); }
    void reload() override { store_.invoices().reload(); }
    void retry() override { store_.invoices().retry(); }

private:
    void measureRow(FittedColumns& cols, const Invoice& inv) const override {
        auto width = [](ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, shownC(s)).x; };
        cols.measure(kNumber, width(fonts().medium, inv.number));
        cols.measure(kCustomer, width(fonts().body, invoiceCustomer(inv)));
        cols.measure(kIssued, width(fonts().body, format::date(inv.issuedAt.substr(0, 10))));
        cols.measure(kDue, width(fonts().body, format::date(inv.dueAt.substr(0, 10))));
        cols.measure(kStatus, width(fonts().medium, inv.isCreditNote() ? tr(Text::CreditNote) : invoiceStatusLabel(inv.status)) + 30);
        cols.measure(kTotal, width(fonts().medium, format::money(inv.total)));
    }

    bool drawRow(const TableRow& row, const Invoice& inv) override {
        ImVec2 start = row.start();
        ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + row.textY()));
        cellText(inv.number, color::Accent, fonts().medium);
        if (row.cell(kCustomer)) cellText(invoiceCustomer(inv), color::Text);
        if (row.cell(kIssued)) cellText(format::date(inv.issuedAt.substr(0, 10)), color::Text);
        // A credit note is due from nobody: the column says what it is instead.
        // A credit note is due from nobody and settled when issued: its status says what it is.
        if (row.cell(kDue)) cellText(inv.isCreditNote() ? std::string(tr(Text::Dash)) : format::date(inv.dueAt.substr(0, 10)),
                                     inv.status == "overdue" ? color::Danger : color::Text);
        if (row.cell(kStatus, -3)) creditOrStatus(inv);
        if (row.cell(kTotal)) cellRight(format::money(inv.total), color::Text, fonts().medium);
        return false;
    }

    // On phones: number and total, the customer, then status and due date.
    bool drawCard(const Invoice& inv, float width) override {
        ImVec2 at;
        bool clicked = cardFrame("##invoice-card", inv.number, width, kCardHeight, at);
        float inner = width - 2 * kCardPad;
        std::string total = format::money(inv.total);
        float totalW = fonts().medium->CalcTextSizeA(fonts().medium->FontSize, FLT_MAX, 0, total.c_str()).x;
        cardLine(inv.number, at.x + kCardPad, at.y + 14, inner - totalW - 12, color::Accent, fonts().medium);
        // A little slack: the measured width and the drawn one may differ by a fraction of a pixel.
        cardLine(total, at.x + width - kCardPad - totalW, at.y + 14, totalW + 2, color::Text, fonts().medium);
        cardLine(inv.customerOrganization.empty() ? inv.customerName : inv.customerOrganization, at.x + kCardPad, at.y + 36, inner,
             color::Text, fonts().body);
        ImGui::SetCursorScreenPos(ImVec2(at.x + kCardPad, at.y + 58));
        creditOrStatus(inv);
        if (!inv.isCreditNote()) {
            ImGui::SameLine(0, 12);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 3);
            std::string due = format::fill(tr(Text::InvoiceDueOn), format::date(inv.dueAt.substr(0, 10)));
            text(due, inv.status == "overdue" ? color::Danger : color::TextMuted, fonts().small, "cell");
        }
        endListCard(at, kCardHeight);
        return clicked;
    }

};

}  // namespace

// The table, as for customers (screens/customers_view.cpp says what each field is).
PagedTableSpec InvoicesView::tableSpec() {
    return {"invoices", Text::MenuInvoices, Text::LoadingInvoices, Text::InvoicesRange, Text::InvoicesCount,
            Text::CouldNotLoadInvoices, Table::Invoices, kRowHeight, kCardHeight, {
        {{"number", 0, 110, 0, false, false, false}, Text::ColNumber},
        {{"customer", 0, 140, 0, true, true, false}, Text::ColCustomer},
        {{"issued", 1, 96, 0, false, false, true}, Text::ColIssued},
        {{"due", 2, 96, 0, false, false, true}, Text::ColDue},
        {{"status", 3, 96, 0, false, false, true}, Text::ColStatus},
        {{"total", 0, 96, 0, false, false, false}, Text::ColTotal, true},
    }};
}

void InvoicesView::draw(Store& store) {
    const AppState& st = store.state();
    const InvoiceListState& list = st.invoices;
    const InvoiceFilter& filter = st.route.invoices;
    float width = ImGui::GetContentRegionAvail().x;

    std::string exportLabel = std::string(tr(Text::ExportCsv)) + "##export-csv";
    PageTitle title(tr(Text::MenuInvoices), tr(Text::InvoicesSubtitle), exportLabel.c_str());
    bool exporting = st.download.loading && !st.invoice.id;
    // Exports need the Buyer or Admin role, and the network.
    Gate exportGate = gate(store, Capability::ExportBilling, /*needsNetwork=*/true);
    if (gatedButton(exportLabel.c_str(), exportGate, ButtonStyle::Secondary, title.actionSize(), exporting)) store.invoices().exportCsv();
    if (title.beside() && !exportGate.open()) title.under(50, gateNotesWidth());
    gateNotes();
    title.end();

    // Filters: status, dates, and the customer when one is chosen.
    const char* statuses[] = {"", "open", "paid", "overdue", "void"};
    const char* labels[] = {tr(Text::FilterAll), tr(Text::InvOpen), tr(Text::InvPaid), tr(Text::InvOverdue), tr(Text::InvVoid)};
    int selected = 0;
    for (int i = 0; i < 5; ++i)
        if (filter.status == statuses[i]) selected = i;
    int clicked = segmented("invoice-status", labels, 5, selected);
    if (clicked >= 0 && clicked != selected) {
        InvoiceFilter f = filter;
        f.status = statuses[clicked];
        store.invoices().setFilter(f);
    }
    if (lastRouteFrom_ != filter.from || lastRouteTo_ != filter.to || draftsFromRoute_) {
        // Shown as the reader writes a day (31.12.2026 | Dec 31, 2026); the address keeps ISO.
        fromDraft_ = format::date(filter.from), toDraft_ = format::date(filter.to);
        lastRouteFrom_ = filter.from, lastRouteTo_ = filter.to;
        draftsFromRoute_ = false;
    }
    // The dates follow the status where they fit, else on the next line (label, field, label, field).
    float labelW = std::max(ImGui::CalcTextSize(tr(Text::FilterFrom)).x, ImGui::CalcTextSize(tr(Text::FilterTo)).x);
    float pickerW = ImGui::GetFrameHeight();  // the calendar button, square beside its field
    if (shell().tapTarget > 0) pickerW = tappable(pickerW);
    float datesW = 2 * (labelW + ImGui::GetStyle().ItemSpacing.x + 130 + 4 + pickerW) + 12;
    sameLineIfFits(datesW, 20);
    // On a phone the two dates do not fit on one line either: "From" and "To" each get one.
    bool datesStacked = datesW > width;
    // Its label, the field framed in red while the text is not a day, and the calendar beside
    // it (a day picked there is written into the field as the reader writes it); true: not a day.
    auto dateField = [&](const char* id, Text label, std::string& draft) {
        ImGui::AlignTextToFramePadding();
        textMuted(tr(label));
        float indent = labelW + ImGui::GetStyle().ItemSpacing.x;
        ImGui::SameLine(datesStacked ? indent : 0);
        bool bad = !dayOf(draft);
        if (bad) ImGui::PushStyleColor(ImGuiCol_Border, color::Danger);
        inputText(id, tr(label), draft, datesStacked ? width - indent - 4 - pickerW : 130, tr(Text::DateHint));
        if (bad) ImGui::PopStyleColor();
        ImGui::SameLine(0, 4);
        if (std::optional<std::string> day = datePicker(id, tr(label), dayOf(draft).value_or(""), pickerW)) {
            draft = format::date(*day);
            bad = false;
        }
        return bad;
    };
    bool fromBad = dateField("##from", Text::FilterFrom, fromDraft_);
    if (!datesStacked) ImGui::SameLine(0, 12);
    bool toBad = dateField("##to", Text::FilterTo, toDraft_);
    std::string from = dayOf(fromDraft_).value_or(""), to = dayOf(toDraft_).value_or("");
    bool orderBad = !from.empty() && !to.empty() && to < from;
    // Only complete, sensible dates reach the server (the rows shown stay until then); the rest
    // is explained here.
    if (!fromBad && !toBad && !orderBad && (from != filter.from || to != filter.to)) {
        InvoiceFilter f = filter;
        f.from = from;
        f.to = to;
        lastRouteFrom_ = f.from, lastRouteTo_ = f.to;
        store.invoices().setFilter(f);
    }
    if (filter.customerId) {
        std::string name;
        for (std::int64_t i = list.first; i <= list.last && name.empty(); ++i)
            if (const Invoice* inv = list.rows.row(i); inv && inv->customerId == filter.customerId) name = inv->customerOrganization;
        if (name.empty() && st.customer.customer && st.customer.id == filter.customerId) name = st.customer.customer->organization;
        if (name.empty()) name = "#" + std::to_string(filter.customerId);
        std::string chip = format::fill(tr(Text::FilterCustomer), name) + "  \xc3\x97##customer-chip";
        sameLineIfFits(buttonWidth(chip.c_str()), 20);
        if (button(chip.c_str(), ButtonStyle::Secondary)) {
            InvoiceFilter f = filter;
            f.customerId = 0;
            store.invoices().setFilter(f);
        }
    }
    if (fromBad || toBad) fieldError(tr(Text::ErrDate));
    else if (orderBad) fieldError(tr(Text::ErrDateOrder));
    ImGui::Dummy(ImVec2(0, 2));

    activityBar(width, list.remote.loading);
    InvoiceRows rows(store);
    table_.draw(store, rows, width);
}

}  // namespace rc::ui
