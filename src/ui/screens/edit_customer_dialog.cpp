#include "ui/screens/edit_customer_dialog.h"

#include "core/format.h"
#include "core/i18n.h"
#include "core/lifecycle_codec.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/gated.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {

void EditCustomerDialog::draw(Store& store) {
    const CustomerPageState& page = store.state().customer;
    const CustomerEdit& e = page.edit;
    bool close = false;
    bool justOpened = e.open && !wasOpen_;
    wasOpen_ = e.open;
    std::string who = page.customer ? page.customer->name : std::string();
    if (!beginDialog("###edit-customer", format::fill(tr(Text::EditCustomerTitle), who), 560, e.open && page.customer, close)) return;
    paragraph(tr(Text::EditCustomerIntro), color::TextMuted);
    ImGui::Dummy(ImVec2(0, 6));
    if (e.error) errorBanner(describeError(*e.error), false);

    CustomerDetails d = e.draft;
    bool enter = false, changed = false, left = false;
    ImGui::BeginDisabled(e.submitting);
    changed |= field("##ec-name", tr(Text::FieldName), d.name, tr(Text::HintName), errorFor(e.fieldErrors, "name"), enter, left,
                     justOpened);
    changed |= field("##ec-email", tr(Text::FieldEmail), d.email, tr(Text::HintEmail), errorFor(e.fieldErrors, "email"), enter, left);
    changed |= field("##ec-org", tr(Text::FieldOrganization), d.organization, tr(Text::HintOrganization),
                     errorFor(e.fieldErrors, "organization"), enter, left);
    if (e.domainEditable) {
        changed |= field("##ec-domain", tr(Text::FieldDomain), d.googleDomain, tr(Text::HintDomain),
                         errorFor(e.fieldErrors, "google_domain"), enter, left, false, tr(Text::DomainChangeNote));
    } else {
        // Shown, not editable: an accepted customer's domain is its Google Workspace.
        fieldLabel(tr(Text::FieldDomain));
        text(e.seen.googleDomain, color::Text, nullptr, "text");
        paragraph(tr(Text::DomainLockedNote), color::TextMuted, fonts().small);
        ImGui::Dummy(ImVec2(0, 4));
    }
    ImGui::EndDisabled();
    if (changed) store.lifecycle().editDraft(d);

    bool anything = codec::customerEditChanges(e.seen, e.draft, e.domainEditable);
    std::string label = std::string(e.submitting ? tr(Text::Saving) : tr(Text::SaveChanges)) + "##save-customer";
    // Sales or Admin, and the network (never queued: a later save could overwrite newer details).
    Gate g = gate(store, Capability::ManageCustomers, /*needsNetwork=*/true);
    // Nothing changed yet: Save waits, without a reason line (the form itself says it).
    int clicked = g.open() ? dialogButtons(label.c_str(), ButtonStyle::Primary, e.submitting, !anything, tr(Text::Cancel))
                           : dialogButtons(label.c_str(), ButtonStyle::Primary, e.submitting, g, tr(Text::Cancel));
    if (clicked == 1 || (enter && g.open() && anything && !e.submitting)) store.lifecycle().saveEdit();
    if (clicked == 2 || close) store.lifecycle().closeEdit();
    endDialog();
}

}  // namespace rc::ui
