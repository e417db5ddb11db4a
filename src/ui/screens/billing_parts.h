// Billing pieces the screens share (issue 18): address and billing-detail fields, the customer's
// Billing details card and its dialog, and how a tax rule and what an invoice lacks are said.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/store.h"
#include "ui/screens/view.h"

namespace rc::ui {

using FieldErrors = std::map<std::string, std::string>;

// Street, postal code, city and country; errors by API name under `prefix` ("billing.address.").
// Returns whether anything changed; `enter` when Enter was pressed in one of them.
bool addressFields(const char* id, PostalAddress& address, const FieldErrors& errors, const std::string& prefix, bool& enter);
// A customer's billing details: address, VAT ID, invoice language, email, buyer reference.
bool customerBillingFields(const char* id, CustomerBilling& billing, const FieldErrors& errors, bool& enter);

// The tax of a preview or an invoice in words: "VAT 19%", "Reverse charge (0%)"...
std::string taxLabel(const std::string& rule, int rateBasisPoints);
// The note the rule asks for on a document ("" for none).
std::string taxNote(const std::string& rule);
// What the server names as missing, in the reseller's words, joined.
std::string missingText(const std::vector<std::string>& names);

// A price preview's amount due now: with the server's tax, the subtotal (`sub` under it), the tax by
// the customer's rule and the total with it; without (an older server), "Due now" alone. Then
// what a reduction credits (a credit note).
void previewDueRows(const std::string& sub, const Money& net, const std::optional<TaxQuote>& tax,
                    const std::optional<CreditQuote>& credit);

// The Billing details card on a customer's page (Edit behind manage_customers and the network).
void billingDetailsCard(Store& store, const Customer& customer);

class BillingDetailsDialog : public View {
public:
    void draw(Store& store) override;

private:
    bool wasOpen_ = false;
};

}  // namespace rc::ui
