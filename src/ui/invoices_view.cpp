#include "ui/invoices_view.h"

#include "core/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace rc::ui {

void InvoicesView::draw(Store&) {
    heading(tr(Text::MenuInvoices), tr(Text::InvoicesSubtitle));
    ImGui::Dummy(ImVec2(0, 8));
    ImGui::BeginChild("###invoices-card", ImVec2(ImGui::GetContentRegionAvail().x, 260), ImGuiChildFlags_Border);
    emptyState(icon::Invoices, tr(Text::InvoicesUnavailableTitle), tr(Text::InvoicesUnavailableBody));
    ImGui::EndChild();
}

}  // namespace rc::ui
