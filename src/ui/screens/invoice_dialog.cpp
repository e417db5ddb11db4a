#include "ui/screens/invoice_dialog.h"

#include <algorithm>

#include "core/format.h"
#include "core/i18n.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/gated.h"
#include "ui/kit/offline_widgets.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {

void InvoiceDialog::draw(Store& store) {
    const AppState& st = store.state();
    const InvoiceDetailState& d = st.invoice;
    bool close = false;
    std::string title = d.invoice ? format::fill(tr(Text::InvoiceTitle), d.invoice->number) : tr(Text::MenuInvoices);
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
        ImGui::Dummy(ImVec2(0, 4));
        float w = ImGui::GetContentRegionAvail().x;
        bool narrow = w < 520;
        ImGui::BeginGroup();
        text(tr(Text::InvoiceBilledTo), color::TextMuted, fonts().small, "label");
        text(inv.customerOrganization, color::Text, fonts().medium, "text");
        text(inv.customerName, color::TextMuted, nullptr, "text");
        ImGui::EndGroup();
        if (narrow) ImGui::Dummy(ImVec2(0, 4));
        else ImGui::SameLine(w * 0.55f);
        ImGui::BeginGroup();
        keyValue(tr(Text::InvoiceIssued), format::date(inv.issuedAt.substr(0, 10)));
        keyValue(tr(Text::InvoiceDue), format::date(inv.dueAt.substr(0, 10)), inv.status == "overdue" ? color::Danger : 0);
        if (!inv.paidAt.empty()) keyValue(tr(Text::InvoicePaid), format::date(inv.paidAt.substr(0, 10)));
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, 8));
        if (narrow) {
            // On a phone each line is two lines: what, then how many at what price, and the amount.
            for (const InvoiceLine& l : inv.lines) {
                ImGui::PushTextWrapPos(0);
                text(l.description, color::Text, nullptr, "cell");
                ImGui::PopTextWrapPos();
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
                text(l.description, color::Text, nullptr, "cell");
                ImGui::PopTextWrapPos();
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
        total(tr(Text::Tax), inv.tax, false);
        total(tr(Text::Total), inv.total, true);
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
}

}  // namespace rc::ui
