#include "ui/screens/billing_parts.h"

#include <algorithm>

#include "core/access.h"
#include "core/countries.h"
#include "core/format.h"
#include "core/i18n.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/gated.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {
namespace {

// 1900 -> "19", 1550 -> "15.5" (German "15,5").
std::string rateText(int basisPoints) {
    std::string s = format::integer(basisPoints / 100);
    int rest = basisPoints % 100;
    if (rest) {
        s += language() == Language::German ? "," : ".";
        s += rest % 10 ? std::to_string(100 + rest).substr(1) : std::to_string(rest / 10);
    }
    return s;
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

}  // namespace

bool addressFields(const char* id, PostalAddress& a, const FieldErrors& errors, const std::string& prefix, bool& enter) {
    std::string base(id);
    bool left = false, changed = false;
    changed |= field((base + "-street").c_str(), tr(Text::FieldStreet), a.street, nullptr, errorFor(errors, prefix + "street"), enter, left);
    changed |= field((base + "-postal").c_str(), tr(Text::FieldPostalCode), a.postalCode, nullptr, errorFor(errors, prefix + "postal_code"),
                     enter, left);
    changed |= field((base + "-city").c_str(), tr(Text::FieldCity), a.city, nullptr, errorFor(errors, prefix + "city"), enter, left);
    std::string country = a.country;
    if (field((base + "-country").c_str(), tr(Text::FieldCountry), country, tr(Text::HintCountry), errorFor(errors, prefix + "country"),
              enter, left)) {
        a.country = upper(country);  // ISO 3166 codes are capitals; "de" is meant as DE
        changed = true;
    }
    return changed;
}

bool customerBillingFields(const char* id, CustomerBilling& b, const FieldErrors& errors, bool& enter) {
    std::string base(id);
    bool left = false;
    fieldLabel(tr(Text::BillingAddress));
    bool changed = addressFields((base + "-address").c_str(), b.address, errors, "billing.address.", enter);
    if (const std::string* e = errorFor(errors, "billing.address")) fieldError(*e);
    std::string vat = b.vatId;
    if (field((base + "-vat").c_str(), tr(Text::FieldVatId), vat, tr(Text::HintVatId), errorFor(errors, "billing.vat_id"), enter, left)) {
        b.vatId = upper(vat);
        changed = true;
    }
    fieldLabel(tr(Text::FieldInvoiceLanguage));
    const char* languages[] = {tr(Text::LanguageGerman), tr(Text::LanguageEnglish)};
    ImGui::PushID((base + "-language").c_str());
    int chosen = segmented("##invoice-language", languages, 2, b.language == "en" ? 1 : 0);
    ImGui::PopID();
    if (chosen >= 0) {
        std::string language = chosen == 1 ? "en" : "de";
        changed |= language != b.language;
        b.language = language;
    }
    ImGui::Dummy(ImVec2(0, 6));
    changed |= field((base + "-email").c_str(), tr(Text::FieldInvoiceEmail), b.email, nullptr, errorFor(errors, "billing.email"), enter,
                     left);
    changed |= field((base + "-reference").c_str(), tr(Text::FieldBuyerReference), b.buyerReference, nullptr,
                     errorFor(errors, "billing.buyer_reference"), enter, left);
    return changed;
}

std::string taxLabel(const std::string& rule, int rateBasisPoints) {
    if (rule == "reverse_charge") return tr(Text::TaxReverseCharge);
    if (rule == "not_taxable") return tr(Text::TaxNotTaxable);
    if (rule == "not_subject") return tr(Text::TaxNotSubject);
    return format::fill(tr(Text::TaxRate), rateText(rateBasisPoints));
}

std::string taxNote(const std::string& rule) {
    if (rule == "reverse_charge") return tr(Text::ReverseChargeNote);
    if (rule == "not_taxable") return tr(Text::NotTaxableNote);
    return {};
}

std::string missingText(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) {
        Text t = n == "seller.address" ? Text::MissingSellerAddress
               : n == "seller.tax_id" ? Text::MissingSellerTaxId
               : n == "buyer.address" ? Text::MissingBuyerAddress
               : n == "seller.contact" ? Text::MissingSellerContact
               : n == "issued_before_e_invoices" ? Text::LegacyInvoiceNote
               : n == "legal_name" ? Text::FieldLegalName
               : n == "street" ? Text::FieldStreet
               : n == "postal_code" ? Text::FieldPostalCode
               : n == "city" ? Text::FieldCity
               : n == "country" ? Text::FieldCountry
               : n == "vat_id_or_tax_number" ? Text::VatIdOrTaxNumber
               : n == "email" ? Text::FieldInvoiceEmail
               : n == "phone" ? Text::FieldPhone
                              : Text::Count_;
        if (!out.empty()) out += ", ";
        out += t == Text::Count_ ? n : std::string(tr(t));
    }
    return out;
}

void previewDueRows(const std::string& sub, const Money& net, const std::optional<TaxQuote>& tax,
                    const std::optional<CreditQuote>& credit) {
    if (!tax) {
        previewRow(tr(Text::PreviewDueNow), sub, format::money(net), true);
    } else {
        // Subtotal, the tax by the customer's rule, and "Due now" with it: what the invoice will say.
        previewRow(tr(Text::Subtotal), sub, format::money(net), false);
        ImGui::Dummy(ImVec2(0, 4));
        previewRow(taxLabel(tax->rule, tax->rateBasisPoints), taxNote(tax->rule), format::money(tax->amount), false);
        ImGui::Dummy(ImVec2(0, 4));
        // "including VAT" only where there is some: under a 0 % line (reverse charge, not taxable) it misleads.
        previewRow(tr(Text::PreviewDueNow), tax->amount.amount != 0 ? tr(Text::PreviewTotalWithTax) : std::string(),
                   format::money(tax->total), true);
    }
    if (credit && credit->any()) {
        ImGui::Dummy(ImVec2(0, 4));
        previewRow(tr(Text::PreviewCredit), {}, format::money(credit->total), false);
    }
}

void billingDetailsCard(Store& store, const Customer& c) {
    beginCard("###billing-card", tr(Text::BillingDetailsCard));
    if (c.billing) {
        const CustomerBilling& b = *c.billing;
        const PostalAddress& a = b.address;
        if (!a.street.empty()) text(a.street, color::Text, nullptr, "text");
        std::string place = a.postalCode + (a.postalCode.empty() ? "" : " ") + a.city;
        if (!place.empty()) text(place, color::Text, nullptr, "text");
        if (!a.country.empty()) text(countryName(a.country), color::TextMuted, nullptr, "text");
        ImGui::Dummy(ImVec2(0, 4));
        if (!b.vatId.empty()) keyValue(tr(Text::FieldVatId), b.vatId);
        keyValue(tr(Text::FieldInvoiceLanguage), b.language == "en" ? tr(Text::LanguageEnglish) : tr(Text::LanguageGerman));
        if (!b.email.empty()) keyValue(tr(Text::FieldInvoiceEmail), b.email);
        if (!b.buyerReference.empty()) keyValue(tr(Text::FieldBuyerReference), b.buyerReference);
    } else {
        paragraph(tr(Text::NoBillingDetails), color::TextMuted);
    }
    ImGui::Dummy(ImVec2(0, 6));
    // Sales and Admins keep customers' details; the change needs the network (never queued).
    Gate edit = gate(store, Capability::ManageCustomers, /*needsNetwork=*/true);
    std::string label = std::string(tr(c.billing ? Text::EditBillingDetails : Text::AddBillingDetails)) + "##edit-billing";
    if (gatedButton(label.c_str(), edit, ButtonStyle::Secondary, ImVec2(0, 40))) store.billing().openDetails();
    gateNotes();
    endCard();
}

void BillingDetailsDialog::draw(Store& store) {
    const CustomerPageState& page = store.state().customer;
    const BillingDetailsEdit& e = page.billing;
    bool close = false;
    wasOpen_ = e.open;
    std::string who = page.customer ? (page.customer->organization.empty() ? page.customer->name : page.customer->organization)
                                    : std::string();
    if (!beginDialog("###billing-details", format::fill(tr(Text::BillingDetailsTitle), who), 600, e.open && page.customer, close))
        return;
    paragraph(tr(Text::BillingDetailsIntro), color::TextMuted);
    ImGui::Dummy(ImVec2(0, 6));
    if (e.error) errorBanner(describeError(*e.error), false);
    CustomerBilling draft = e.draft;
    bool enter = false;
    ImGui::BeginDisabled(e.submitting);
    bool changed = customerBillingFields("##cb", draft, e.fieldErrors, enter);
    ImGui::EndDisabled();
    if (changed) store.billing().editDetails(draft);
    std::string label = std::string(e.submitting ? tr(Text::Saving) : tr(Text::SaveChanges)) + "##save-billing";
    Gate g = gate(store, Capability::ManageCustomers, /*needsNetwork=*/true);
    int clicked = dialogButtons(label.c_str(), ButtonStyle::Primary, e.submitting, g, tr(Text::Cancel));
    if (clicked == 1 || (enter && g.open() && !e.submitting)) store.billing().saveDetails();
    if (clicked == 2 || close) store.billing().closeDetails();
    endDialog();
}

}  // namespace rc::ui
