#include "ui/screens/invoice_dialog.h"

#include <algorithm>

#include "core/countries.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/invoice_text.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/gated.h"
#include "ui/kit/offline_widgets.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/screens/billing_parts.h"

namespace rc::ui {
namespace {

// A line's service period, small, under its description (§ 14 (4) 6 UStG).
void servicePeriod(const InvoiceLine& l) {
    if (l.periodStart.empty()) return;
    std::string span = format::date(l.periodStart) + " – " + format::date(l.periodEnd);
    text(format::fill(tr(Text::ServicePeriod), span), color::TextMuted, fonts().small, "cell");
}

}  // namespace

void InvoiceDialog::draw(Store& store) {
    const AppState& st = store.state();
    const InvoiceDetailState& d = st.invoice;
    bool close = false;
    // Another invoice to open (a credit note's, the one it corrects): after drawing, since opening
    // replaces the invoice this frame is drawing from.
    std::int64_t openNext = 0;
    std::string title = !d.invoice ? std::string(tr(Text::MenuInvoices))
                        : format::fill(tr(d.invoice->isCreditNote() ? Text::CreditNoteTitle : Text::InvoiceTitle), d.invoice->number);
    if (!beginDialog("###invoice", title, 720, d.id != 0, close)) return;
    if (d.remote.loading) {
        spinner(10, color::Accent);
        ImGui::SameLine();
        textMuted(tr(Text::Loading));
    } else if (d.remote.error) {
        if (errorBanner(std::string(tr(Text::CouldNotLoadInvoice)) + ": " + describeError(*d.remote.error), true))
            store.invoices().open(d.id);
    } else if (d.invoice) {
        const Invoice& inv = *d.invoice;
        invoiceBadge(inv.status);
        if (inv.isCreditNote()) {
            ImGui::SameLine(0, 8);
            pill(tr(Text::CreditNote), color::Accent, color::AccentSoft);
        }
        if (inv.corrects) {
            // A credit note names the invoice it corrects; one click opens it.
            std::string what = format::fill(tr(Text::CorrectsInvoice), inv.corrects->number,
                                            format::date(inv.corrects->issuedAt.substr(0, 10)));
            if (link((what + "##corrects").c_str())) openNext = inv.corrects->id;
        }
        ImGui::Dummy(ImVec2(0, 4));
        float w = ImGui::GetContentRegionAvail().x;
        bool narrow = w < 520;
        ImGui::BeginGroup();
        text(tr(Text::InvoiceBilledTo), color::TextMuted, fonts().small, "label");
        if (inv.buyer) {
            // The buyer as the invoice was issued to them (later edits of the customer do not change it).
            const InvoiceParty& b = *inv.buyer;
            text(b.name.empty() ? inv.customerOrganization : b.name, color::Text, fonts().medium, "text");
            if (!b.contact.empty()) text(b.contact, color::TextMuted, nullptr, "text");
            if (!b.address.street.empty()) text(b.address.street, color::TextMuted, nullptr, "text");
            std::string place = b.address.postalCode + (b.address.postalCode.empty() ? "" : " ") + b.address.city;
            if (!b.address.country.empty()) place += (place.empty() ? "" : ", ") + countryName(b.address.country);
            if (!place.empty()) text(place, color::TextMuted, nullptr, "text");
            if (!b.vatId.empty()) text(format::fill(tr(Text::BuyerVatId), b.vatId), color::TextMuted, fonts().small, "text");
        } else {
            text(inv.customerOrganization, color::Text, fonts().medium, "text");
            text(inv.customerName, color::TextMuted, nullptr, "text");
        }
        ImGui::EndGroup();
        if (narrow) ImGui::Dummy(ImVec2(0, 4));
        else ImGui::SameLine(w * 0.55f);
        ImGui::BeginGroup();
        keyValue(tr(Text::InvoiceIssued), format::date(inv.issuedAt.substr(0, 10)));
        // A credit note is settled when issued: nothing falls due.
        if (!inv.isCreditNote())
            keyValue(tr(Text::InvoiceDue), format::date(inv.dueAt.substr(0, 10)), inv.status == "overdue" ? color::Danger : 0);
        if (!inv.paidAt.empty()) keyValue(tr(Text::InvoicePaid), format::date(inv.paidAt.substr(0, 10)));
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, 8));
        if (narrow) {
            // On a phone each line is two lines: what, then how many at what price, and the amount.
            for (const InvoiceLine& l : inv.lines) {
                ImGui::PushTextWrapPos(0);
                text(invoiceLineText(l), color::Text, nullptr, "cell");
                ImGui::PopTextWrapPos();
                servicePeriod(l);
                std::string calc = format::integer(l.quantity) + " \xc3\x97 " + format::money(l.unitAmount);
                text(calc, color::TextMuted, fonts().small, "cell");
                std::string amount = format::money(l.amount);
                ImGui::SameLine(w - ImGui::CalcTextSize(amount.c_str()).x);
                text(amount, color::Text, nullptr, "cell");
                ImVec2 line = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddLine(line, ImVec2(line.x + w, line.y), color::Border);
                ImGui::Dummy(ImVec2(0, 2));
            }
        } else if (ImGui::BeginTable("###lines", 4, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn(tr(Text::LineDescription), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn(tr(Text::LineQuantity), ImGuiTableColumnFlags_WidthFixed, 60);
            ImGui::TableSetupColumn(tr(Text::LineUnit), ImGuiTableColumnFlags_WidthFixed, 100);
            ImGui::TableSetupColumn(tr(Text::LineAmount), ImGuiTableColumnFlags_WidthFixed, 110);
            ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
            for (int i = 0; i < 4; ++i) {
                ImGui::TableSetColumnIndex(i);
                const char* n = ImGui::TableGetColumnName(i);
                if (i > 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(n).x * 0.87f);
                text(n, color::TextMuted, fonts().small, "header");
            }
            auto right = [](const std::string& s, ImFont* f = nullptr) {
                if (f) ImGui::PushFont(f);
                float tw = ImGui::CalcTextSize(s.c_str()).x;
                if (f) ImGui::PopFont();
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - tw));
                text(s, color::Text, f, "cell");
            };
            for (const InvoiceLine& l : inv.lines) {
                ImGui::TableNextRow(0, 36);
                ImGui::TableSetColumnIndex(0);
                ImGui::PushTextWrapPos(0);
                text(invoiceLineText(l), color::Text, nullptr, "cell");
                ImGui::PopTextWrapPos();
                servicePeriod(l);
                ImGui::TableSetColumnIndex(1);
                right(format::integer(l.quantity));
                ImGui::TableSetColumnIndex(2);
                right(format::money(l.unitAmount));
                ImGui::TableSetColumnIndex(3);
                right(format::money(l.amount));
            }
            ImGui::EndTable();
        }
        ImGui::Dummy(ImVec2(0, 6));
        auto total = [&](const char* label, const Money& m, bool strong) {
            ImFont* f = strong ? fonts().medium : fonts().body;
            std::string v = format::money(m);
            ImGui::PushFont(f);
            float vw = ImGui::CalcTextSize(v.c_str()).x;
            ImGui::PopFont();
            float left = ImGui::GetCursorPosX();
            ImGui::SetCursorPosX(left + std::max(0.0f, w - 280));
            text(label, strong ? color::Text : color::TextMuted, f, "label");
            ImGui::SameLine();
            ImGui::SetCursorPosX(left + w - vw);
            text(v, color::Text, f, "figure");
        };
        total(tr(Text::Subtotal), inv.subtotal, false);
        bool ruled = inv.taxRule && inv.taxRule->rule != "legacy";
        total(ruled ? taxLabel(inv.taxRule->rule, inv.taxRule->rateBasisPoints).c_str() : tr(Text::Tax), inv.tax, false);
        total(tr(Text::Total), inv.total, true);
        ImGui::Dummy(ImVec2(0, 4));
        ImGui::PushTextWrapPos(0);
        if (ruled && !taxNote(inv.taxRule->rule).empty()) paragraph(taxNote(inv.taxRule->rule), color::TextMuted, fonts().small);
        if (inv.paymentTermsDays >= 0 && !inv.isCreditNote())
            paragraph(format::fill(tr(Text::PayableWithin), format::integer(inv.paymentTermsDays)), color::TextMuted, fonts().small);
        ImGui::PopTextWrapPos();
        for (const InvoiceRef& credit : inv.correctedBy) {
            std::string what = format::fill(tr(Text::CorrectedBy), credit.number) + "##corrected-" + std::to_string(credit.id);
            if (link(what.c_str())) openNext = credit.id;
        }
        // The e-invoice: inside the PDF (Factur-X), and as XRechnung XML for public authorities.
        ImGui::Dummy(ImVec2(0, 6));
        ImGui::PushTextWrapPos(0);
        paragraph(inv.issuedAsEInvoice ? tr(Text::EInvoiceNote) : tr(Text::LegacyInvoiceNote), color::TextMuted, fonts().small);
        ImGui::PopTextWrapPos();
        Gate xml = unless(gate(store, Capability::ExportBilling, true), !inv.xrechnungMissing.empty() && inv.issuedAsEInvoice,
                          format::fill(tr(Text::EInvoiceLacks), missingText(inv.xrechnungMissing)));
        if (inv.issuedAsEInvoice) {
            std::string xmlLabel = std::string(tr(Text::DownloadXRechnung)) + "##download-xrechnung";
            if (gatedButton(xmlLabel.c_str(), xml, ButtonStyle::Secondary, ImVec2(0, 36), st.download.loading))
                store.invoices().downloadXRechnung();
            gateNotes();
        }
        bool busy = st.download.loading;
        std::string label = std::string(busy ? tr(Text::Downloading) : tr(Text::DownloadPdf)) + "##download-pdf";
        // Invoice documents need the Buyer or Admin role, and the network.
        int clicked = dialogButtons(label.c_str(), ButtonStyle::Primary, busy, gate(store, Capability::ExportBilling, true),
                                    tr(Text::Close));
        if (clicked == 1) store.invoices().downloadPdf();
        if (clicked == 2) close = true;
    }
    if (close) store.invoices().close();
    endDialog();
    if (openNext && !close) store.invoices().open(openNext);
}

}  // namespace rc::ui
