// Invoice lines in the reader's language from what they are (the API's item), whatever language
// the invoice itself was issued in; the server's description where the console cannot say it.
#include <doctest/doctest.h>

#include "core/codec.h"
#include "core/i18n.h"
#include "core/invoice_text.h"
#include "fake_transport.h"

using namespace rc;

namespace {

struct Lang {
    explicit Lang(Language l) { setLanguage(l); }
    ~Lang() { setLanguage(Language::English); }
};

InvoiceLine lineOf(InvoiceLineItem item) {
    InvoiceLine l;
    l.description = "the server's words";
    l.item = std::move(item);
    return l;
}

}  // namespace

TEST_CASE("an invoice's line from the API: its item decoded, said in English and in German") {
    auto r = codec::decodeInvoice(test::readContract("invoice.json"));
    REQUIRE(r.ok());
    REQUIRE(r.value().lines.size() == 1);
    const InvoiceLine& line = r.value().lines[0];
    REQUIRE(line.item.has_value());
    CHECK(line.item->kind == "added");
    CHECK(line.item->count == 5);
    {
        Lang de(Language::German);
        CHECK(invoiceLineText(line) == "Professional: 5 zus\xc3\xa4tzliche Lizenzen, anteilig f\xc3\xbcr 25 von 30 Tagen");
    }
    CHECK(invoiceLineText(line) == "Professional: 5 additional licenses, prorated for 25 of 30 days");
    // The PDF's words stay as the invoice was issued (here English).
    CHECK(line.description == "Professional: 5 additional licenses, prorated for 25 of 30 days");
}

TEST_CASE("every kind of line in German, numbers and plans as the console writes them") {
    Lang de(Language::German);
    CHECK(invoiceLineText(lineOf({"period", "enterprise", "", "annual_monthly", 1200, -1, -1, -1})) ==
          "Enterprise (Jahresvertrag, monatliche Zahlung): 1.200 Lizenzen");
    CHECK(invoiceLineText(lineOf({"added", "basic", "", "", -1, 1, 14, 31, })) ==
          "Basic: 1 zus\xc3\xa4tzliche Lizenz, anteilig f\xc3\xbcr 14 von 31 Tagen");
    CHECK(invoiceLineText(lineOf({"removed", "professional", "", "", -1, 4, 25, 31})) ==
          "Professional: 4 Lizenzen entfernt, gutgeschrieben f\xc3\xbcr 25 von 31 Tagen");
    CHECK(invoiceLineText(lineOf({"upgrade", "enterprise", "professional", "", 30, -1, 25, 30})) ==
          "Tarifwechsel von Professional zu Enterprise f\xc3\xbcr 30 Lizenzen, anteilig f\xc3\xbcr 25 von 30 Tagen");
    CHECK(invoiceLineText(lineOf({"downgrade", "basic", "professional", "", 1, -1, 10, 30})) ==
          "Tarifwechsel von Professional zu Basic f\xc3\xbcr 1 Lizenz, Differenz gutgeschrieben f\xc3\xbcr 10 von 30 Tagen");
    CHECK(invoiceLineText(lineOf({"cancelled", "basic", "", "", 12, -1, 19, 28})) ==
          "Basic: mit sofortiger Wirkung gek\xc3\xbcndigt, 12 Lizenzen, gutgeschrieben f\xc3\xbcr die nicht genutzten 19 von 28 Tagen");
    CHECK(invoiceLineText(lineOf({"resumed", "professional", "", "flexible", 12, -1, 19, 28})) ==
          "Professional (Flexibel, monatlich k\xc3\xbcndbar): 12 Lizenzen nach der Fortsetzung, anteilig f\xc3\xbcr 19 von 28 Tagen");
}

TEST_CASE("a line the console cannot say keeps the server's description") {
    Lang de(Language::German);
    InvoiceLine old;
    old.description = "Enterprise, Flexible (monthly): 2 licenses";
    CHECK(invoiceLineText(old) == old.description);  // issued before lines kept their item
    CHECK(invoiceLineText(lineOf({"refund", "basic", "", "", 1, -1, 1, 30})) == "the server's words");
    CHECK(invoiceLineText(lineOf({"period", "platinum", "", "flexible", 2, -1, -1, -1})) == "the server's words");
    CHECK(invoiceLineText(lineOf({"period", "basic", "", "weekly", 2, -1, -1, -1})) == "the server's words");
    CHECK(invoiceLineText(lineOf({"added", "basic", "", "", -1, -1, 1, 30})) == "the server's words");  // no count
    CHECK(invoiceLineText(lineOf({"upgrade", "basic", "", "", 2, -1, 1, 30})) == "the server's words");  // from what?
}

TEST_CASE("a malformed item is a shape error, a null one is none") {
    std::string body = test::readContract("invoice.json");
    auto at = body.find("\"item\": {");
    REQUIRE(at != std::string::npos);
    std::string broken = body;
    broken.replace(at, 9, "\"item\": [], \"x\": {");
    CHECK_FALSE(codec::decodeInvoice(broken).ok());
    std::string noKind = body;
    noKind.replace(noKind.find("\"kind\": \"added\""), 15, "\"kind\": 3");
    CHECK_FALSE(codec::decodeInvoice(noKind).ok());
    std::string none = body;
    none.replace(at, 9, "\"item\": null, \"x\": {");
    auto r = codec::decodeInvoice(none);
    REQUIRE(r.ok());
    CHECK_FALSE(r.value().lines[0].item.has_value());
}
