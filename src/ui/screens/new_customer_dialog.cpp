#include "ui/screens/new_customer_dialog.h"

#include <algorithm>

#include "core/format.h"
#include "core/i18n.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/screens/billing_parts.h"

namespace rc::ui {

void NewCustomerDialog::draw(Store& store) {
    const NewCustomerForm& f = store.state().newCustomer;
    bool close = false;
    bool justOpened = f.open && !wasOpen_;
    wasOpen_ = f.open;
    if (!beginDialog("###new-customer", tr(Text::NewCustomerTitle), 560, f.open, close)) return;
    paragraph(tr(Text::NewCustomerIntro));
    ImGui::Dummy(ImVec2(0, 6));
    if (f.error) errorBanner(describeError(*f.error), false);

    std::string name = f.name, email = f.email, domain = f.googleDomain, org = f.organization;
    bool enter = false, changed = false;
    bool left[4] = {false, false, false, false};
    ImGui::BeginDisabled(f.submitting);
    changed |= field("##nc-name", tr(Text::FieldName), name, tr(Text::HintName), errorFor(f.fieldErrors, "name"), enter, left[0],
                     justOpened);
    changed |= field("##nc-email", tr(Text::FieldEmail), email, tr(Text::HintEmail), errorFor(f.fieldErrors, "email"), enter, left[1]);
    changed |= field("##nc-domain", tr(Text::FieldDomain), domain, tr(Text::HintDomain), errorFor(f.fieldErrors, "google_domain"),
                     enter, left[2], false, tr(Text::DomainHelp));
    changed |= field("##nc-org", tr(Text::FieldOrganization), org, tr(Text::HintOrganization), errorFor(f.fieldErrors, "organization"),
                     enter, left[3]);
    // Billing details: optional until the first invoice; the section opens on request.
    bool withBilling = f.withBilling;
    CustomerBilling billing = f.billing;
    bool billingChanged = false;
    std::string withLabel = std::string(tr(Text::WithBillingDetails)) + "##nc-with-billing";
    if (ImGui::Checkbox(withLabel.c_str(), &withBilling)) billingChanged = true;
    if (withBilling) {
        ImGui::Dummy(ImVec2(0, 4));
        billingChanged |= customerBillingFields("##nc-billing", billing, f.fieldErrors, enter);
    }
    ImGui::EndDisabled();
    if (changed) store.newCustomer().edit(name, email, domain, org);
    if (billingChanged) store.newCustomer().editBilling(withBilling, billing);
    // Inline: a field the reseller leaves is checked right away, with the server's own rules.
    const char* fields[] = {"name", "email", "google_domain", "organization"};
    for (int i = 0; i < 4; ++i)
        if (left[i]) store.newCustomer().checkField(fields[i]);

    std::string label = std::string(f.submitting ? tr(Text::Sending) : tr(Text::SendInvitation)) + "##send-invitation";
    int clicked = dialogButtons(label.c_str(), ButtonStyle::Primary, f.submitting, false, tr(Text::Cancel));
    if (clicked == 1 || ((enter || ImGui::IsKeyPressed(ImGuiKey_Enter, false)) && !f.submitting)) store.newCustomer().submit();
    if (clicked == 2 || close) store.newCustomer().close();
    endDialog();
}

}  // namespace rc::ui
