#include "ui/screens/billing_view.h"

#include <algorithm>
#include <cmath>

#include "core/access.h"
#include "core/format.h"
#include "core/i18n.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/gated.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/screens/billing_parts.h"

namespace rc::ui {
namespace {

const std::string* errorFor(const FieldErrors& errors, const char* name) {
    auto it = errors.find(name);
    return it == errors.end() ? nullptr : &it->second;
}

// Whole days as typed; the field shows what was typed until it is a number again.
bool daysField(const char* id, int& days, const FieldErrors& errors, bool& enter) {
    static std::string typed;
    static int shown = -1;
    if (shown != days) typed = std::to_string(days), shown = days;
    bool left = false;
    std::string before = typed;
    const std::string* error = errorFor(errors, "payment_terms_days");
    bool bad = !typed.empty() && (typed.size() > 3 || !std::all_of(typed.begin(), typed.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
                                  std::stoi(typed) > 365);
    std::string problem = bad ? tr(Text::ErrPaymentTerms) : std::string();
    field(id, tr(Text::FieldPaymentTerms), typed, "14", bad ? &problem : error, enter, left);
    if (typed == before || bad || typed.empty()) return false;
    days = std::stoi(typed);
    shown = days;
    return true;
}

}  // namespace

void BillingView::draw(Store& store) {
    const AppState& st = store.state();
    const BillingProfileState& b = st.billingProfile;
    Gate save = gate(store, Capability::ManageAccount, /*needsNetwork=*/true);
    std::string saveLabel = std::string(b.saving ? tr(Text::Saving) : tr(Text::SaveChanges)) + "##save-profile";
    PageTitle title(tr(Text::MenuBilling), tr(Text::BillingSubtitle), saveLabel.c_str());
    bool clickedSave = gatedButton(saveLabel.c_str(), save, ButtonStyle::Primary, title.actionSize(), b.saving, !b.profile || !b.dirty);
    if (title.beside() && !save.open()) title.under(50, gateNotesWidth());
    gateNotes();
    title.end();

    float width = ImGui::GetContentRegionAvail().x;
    activityBar(width, b.remote.loading);
    if (!b.profile) {
        if (b.remote.error && errorBanner(std::string(tr(Text::CouldNotLoadBilling)) + ": " + describeError(*b.remote.error), true))
            store.billing().loadProfile();
        return;
    }
    if (b.error) errorBanner(describeError(*b.error), false);
    if (!b.profile->missing.empty())
        paragraph(format::fill(tr(Text::BillingMissing), missingText(b.profile->missing)), color::Warning);

    BillingProfile draft = b.draft;
    bool enter = false, left = false, changed = false;
    bool readOnly = !roleGate(store, Capability::ManageAccount).open() || b.saving;

    pageScrollStartsAtTop("###billing-scroll");
    ImGui::BeginChild("###billing-scroll", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    a11y::scrollArea();
    float gap = 20;
    float avail = ImGui::GetContentRegionAvail().x - 4;
    bool side = twoColumns(avail);
    float colW = side ? std::floor((avail - gap) * 0.5f) : avail;
    ImGui::BeginDisabled(readOnly);

    ImGui::BeginGroup();
    ImGui::BeginChild("###billing-left", ImVec2(colW, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NoBackground);
    beginCard("###billing-company", tr(Text::BillingCompanyCard));
    changed |= field("##bp-legal-name", tr(Text::FieldLegalName), draft.legalName, nullptr, errorFor(b.fieldErrors, "legal_name"), enter, left);
    changed |= addressFields("##bp-address", draft.address, b.fieldErrors, "address.", enter);
    if (const std::string* e = errorFor(b.fieldErrors, "address")) fieldError(*e);
    endCard();
    ImGui::Dummy(ImVec2(0, 4));
    beginCard("###billing-tax", tr(Text::BillingTaxCard));
    changed |= field("##bp-vat", tr(Text::FieldVatId), draft.vatId, tr(Text::HintVatId), errorFor(b.fieldErrors, "vat_id"), enter, left);
    changed |= field("##bp-tax-number", tr(Text::FieldTaxNumber), draft.taxNumber, nullptr, errorFor(b.fieldErrors, "tax_number"), enter,
                     left, false, tr(Text::HelpTaxIds));
    fieldLabel(tr(Text::FieldCurrency));
    const char* currencies[] = {"EUR", "USD"};
    ImGui::BeginDisabled(b.profile->currencyLocked);
    int chosen = segmented("##bp-currency", currencies, 2, draft.currency == "USD" ? 1 : 0);
    ImGui::EndDisabled();
    if (chosen >= 0 && !b.profile->currencyLocked && draft.currency != currencies[chosen]) {
        draft.currency = currencies[chosen];
        changed = true;
    }
    if (const std::string* e = errorFor(b.fieldErrors, "currency")) fieldError(*e);
    else if (b.profile->currencyLocked)
        paragraph(format::fill(tr(Text::CurrencyLockedNote), b.profile->currency), color::TextFaint, fonts().small);
    endCard();
    ImGui::EndChild();
    ImGui::EndGroup();
    if (side) ImGui::SameLine(0, gap);
    else ImGui::Dummy(ImVec2(0, 4));

    ImGui::BeginGroup();
    ImGui::BeginChild("###billing-right", ImVec2(colW, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NoBackground);
    beginCard("###billing-invoices", tr(Text::BillingInvoicesCard));
    std::string prefixHelp = format::fill(tr(Text::HelpInvoicePrefix), b.profile->nextInvoiceNumber);
    changed |= field("##bp-prefix", tr(Text::FieldInvoicePrefix), draft.invoicePrefix, "RE-{YYYY}-", errorFor(b.fieldErrors, "invoice_prefix"),
                     enter, left, false, prefixHelp.c_str());
    changed |= daysField("##bp-terms", draft.paymentTermsDays, b.fieldErrors, enter);
    changed |= field("##bp-email", tr(Text::FieldInvoiceEmail), draft.email, nullptr, errorFor(b.fieldErrors, "email"), enter, left);
    changed |= field("##bp-phone", tr(Text::FieldPhone), draft.phone, "+49 30 1234567", errorFor(b.fieldErrors, "phone"), enter, left);
    endCard();
    ImGui::Dummy(ImVec2(0, 4));
    beginCard("###billing-bank", tr(Text::BillingBankCard));
    changed |= field("##bp-iban", tr(Text::FieldIban), draft.iban, "DE89 3704 0044 0532 0130 00", errorFor(b.fieldErrors, "iban"), enter, left);
    changed |= field("##bp-bic", tr(Text::FieldBic), draft.bic, "COBADEFFXXX", errorFor(b.fieldErrors, "bic"), enter, left);
    endCard();
    ImGui::EndChild();
    ImGui::EndGroup();
    ImGui::EndDisabled();

    // Under the cards: discard what was typed (saving is at the top, beside the title).
    if (b.dirty && !readOnly) {
        ImGui::Dummy(ImVec2(0, 4));
        if (button((std::string(tr(Text::DiscardChanges)) + "##discard-profile").c_str(), ButtonStyle::Ghost)) store.billing().discardProfile();
    }
    ImGui::Dummy(ImVec2(0, 8));
    ImGui::EndChild();

    if (changed) store.billing().editProfile(draft);
    if ((clickedSave || (enter && save.open())) && b.dirty) store.billing().saveProfile();
}

}  // namespace rc::ui
