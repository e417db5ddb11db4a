#include <doctest/doctest.h>

#include <cstdio>
#include <cstring>
#include <set>
#include <string>

#include "core/codec.h"
#include "core/i18n.h"
#include "german_texts_file.h"
#include "fake_transport.h"

using namespace rc;

TEST_CASE("every text has an English and a German version") {
    for (std::size_t i = 0; i < static_cast<std::size_t>(Text::Count_); ++i) {
        auto id = static_cast<Text>(i);
        CAPTURE(i);
        CHECK(std::strlen(tr(id, Language::English)) > 0);
        CHECK(std::strlen(tr(id, Language::German)) > 0);
    }
}

TEST_CASE("German texts are translated, not copied from English, except names") {
    // Product and plan names stay the same in both languages; everything else must differ.
    const std::set<Text> sameInBoth = {Text::ProductName, Text::ColName, Text::ColStatus, Text::TermsStatus,
                                       Text::PlanBasic, Text::PlanProfessional, Text::PlanEnterprise, Text::Dash,
                                       Text::SearchShortcutMac, Text::Decrease, Text::Increase,
                                       Text::KioskRibbon, Text::KioskSeconds,  // "Demo" and "s" are German too
                                       Text::RoleAdmin, Text::MenuTeam, Text::MemberName,  // "Admin", "Team", "Name" too
                                       // Codes and names: IBAN, BIC, XRechnung, an example country code and VAT ID.
                                       Text::FieldIban, Text::FieldBic, Text::DownloadXRechnung, Text::HintCountry,
                                       Text::HintVatId,
                                       // Months and weekdays German writes alike; a pattern of two names.
                                       Text::MonthApril, Text::MonthAugust, Text::MonthSeptember, Text::MonthNovember,
                                       Text::WeekdayMondayShort, Text::WeekdayFridayShort, Text::WeekdaySaturdayShort,
                                       Text::LinePlanWhat};
    for (std::size_t i = 0; i < static_cast<std::size_t>(Text::Count_); ++i) {
        auto id = static_cast<Text>(i);
        if (sameInBoth.count(id)) continue;
        CAPTURE(tr(id, Language::English));
        CHECK(std::string(tr(id, Language::English)) != tr(id, Language::German));
    }
}

TEST_CASE("the browser's language tag picks the language") {
    CHECK(languageFromTag("de") == Language::German);
    CHECK(languageFromTag("de-AT") == Language::German);
    CHECK(languageFromTag("DE_ch") == Language::German);
    CHECK(languageFromTag("en-US") == Language::English);
    CHECK(languageFromTag("dev") == Language::English);
    CHECK(languageFromTag("") == Language::English);
}

TEST_CASE("activity entries are told in the reseller's language, from their before/after snapshots") {
    auto page = rc::codec::decodeActivityPage(rc::test::readContract("activity_page.json"));
    REQUIRE(page.ok());
    REQUIRE_FALSE(page.value().items.empty());
    bool sawLicenses = false;
    for (const auto& a : page.value().items) {
        CAPTURE(a.action);
        CHECK_FALSE(activitySentence(a).empty());
        if (a.action == "subscription.licenses_ordered") {
            sawLicenses = true;
            setLanguage(Language::German);
            std::string de = activitySentence(a);
            setLanguage(Language::English);
            CHECK(de.find("Lizenzanzahl von") == 0);
            CHECK(de.find(std::to_string(a.licensesAfter)) != std::string::npos);
        }
    }
    CHECK(sawLicenses);
}

TEST_CASE("an issued invoice is told with its number from the server's sentence") {
    setLanguage(Language::English);
    ActivityEntry a;
    a.action = "invoice.issued";
    a.summary = "Issued INV- draft, then INV-000042 for 30 licenses.";
    CHECK(activitySentence(a) == "Invoice INV-000042 issued.");
    a.summary = "No number here.";
    CHECK(activitySentence(a) == a.summary);
    a.summary = "Ends with INV-";
    CHECK(activitySentence(a) == a.summary);
    // The billing clock's sentence, with the number the reseller's prefix makes.
    setLanguage(Language::German);
    a.summary = "Invoice RE-2026-000163 issued for the next billing period.";
    CHECK(activitySentence(a) == "Rechnung RE-2026-000163 für den nächsten Abrechnungszeitraum ausgestellt.");
    a.summary = "Invoice RE/7 issued.";
    CHECK(activitySentence(a) == "Rechnung RE/7 ausgestellt.");
    setLanguage(Language::English);
}

TEST_CASE("history says whether licenses went up or down, the plan with its term, and the cancellation's reason") {
    setLanguage(Language::German);
    ActivityEntry a;
    a.action = "subscription.licenses_ordered";
    a.licensesBefore = 40, a.licensesAfter = 45;
    CHECK(activitySentence(a) == "Lizenzanzahl von 40 auf 45 erhöht.");
    a.licensesBefore = 45, a.licensesAfter = 40;
    CHECK(activitySentence(a) == "Lizenzanzahl von 45 auf 40 verringert.");
    ActivityEntry plan;
    plan.action = "subscription.plan_changed";
    plan.planAfter = "basic", plan.cycleAfter = "annual_monthly";
    CHECK(activitySentence(plan) == "Tarif auf Basic (Jahresvertrag, monatliche Zahlung) umgestellt.");
    ActivityEntry cancel;
    cancel.action = "subscription.cancelled";
    cancel.statusAfter = "pending_cancel";
    cancel.cancelReason = "Wechsel zu einem anderen Anbieter";
    CHECK(activitySentence(cancel) == "Zum Ende der Laufzeit gekündigt. Grund: Wechsel zu einem anderen Anbieter");
    setLanguage(Language::English);
}

TEST_CASE("a cancellation's reason is read from the snapshot, or from the sentence of older entries") {
    auto page = codec::decodeActivityPage(R"({"items": [
        {"id": 1, "created_at": "2026-12-01T10:00:00Z", "actor": "system", "action": "subscription.cancelled",
         "summary": "Set the subscription to cancel at the end of its term (2027-08-20).",
         "after": {"plan": "basic", "billing_cycle": "flexible", "licenses": 5, "status": "pending_cancel",
                   "cancel_reason": "Too expensive"}},
        {"id": 2, "created_at": "2026-12-01T10:00:00Z", "actor": "system", "action": "subscription.cancelled",
         "summary": "Cancelled the subscription with immediate effect. Reason: Moving away",
         "after": {"plan": "basic", "billing_cycle": "flexible", "licenses": 5, "status": "cancelled"}}],
        "next_cursor": null})");
    REQUIRE(page.ok());
    CHECK(page.value().items[0].cancelReason == "Too expensive");
    CHECK(page.value().items[1].cancelReason == "Moving away");
    CHECK(activitySentence(page.value().items[1]) == "Cancelled with immediate effect. Reason: Moving away");
}

TEST_CASE("lifecycle, transfer and billing entries are told in German from their snapshots, not in the server's English") {
    auto entry = [](const std::string& action, const std::string& before, const std::string& after) {
        std::string body = R"({"items": [{"id": 1, "created_at": "2026-12-07T10:00:00Z", "actor": {"kind": "member", "email": "a@b.example", "name": "A"},
            "action": ")" + action + R"(", "summary": "English words", "customer_id": 2, "customer_name": "Jonas Weber",
            "before": )" + before + R"(, "after": )" + after + R"(}], "next_cursor": null})";
        auto page = rc::codec::decodeActivityPage(body);
        REQUIRE(page.ok());
        return activitySentence(page.value().items.at(0));
    };
    setLanguage(Language::German);
    const std::string sub = R"({"plan": "professional", "billing_cycle": "annual_monthly", "licenses": 12, "status": "active")";
    CHECK(entry("invitation.declined", R"({"status": "invited"})", R"({"status": "declined"})") == "Einladung abgelehnt.");
    CHECK(entry("customer.invited_again", "null", "null") == "Jonas Weber erneut eingeladen.");
    CHECK(entry("subscription.suspended", sub + "}", sub + R"(, "reason": "non_payment"})") == "Abonnement wegen Zahlungsverzug gesperrt.");
    CHECK(entry("subscription.suspended", sub + "}", sub + R"(, "reason": "customer_request"})") ==
          "Abonnement auf Wunsch des Kunden gesperrt.");
    CHECK(entry("subscription.resumed", sub + "}", sub + "}") == "Abonnement fortgesetzt.");
    CHECK(entry("subscription.started_paid", sub + "}", sub + "}") ==
          "Testphase vorzeitig beendet, kostenpflichtiger Tarif begonnen: Professional (Jahresvertrag, monatliche Zahlung) mit 12 Lizenzen.");
    CHECK(entry("subscription.seat_cap_changed", R"({"max_licenses": null})", R"({"max_licenses": 1500})") ==
          "Höchste Lizenzanzahl auf 1.500 festgelegt.");
    CHECK(entry("subscription.seat_cap_changed", R"({"max_licenses": 50})", R"({"max_licenses": null})") == "Höchste Lizenzanzahl aufgehoben.");
    CHECK(entry("subscription.renewal_changed", sub + R"(, "renewal": "auto_renew"})", sub + R"(, "renewal": "renew_with_count", "renewal_licenses": 8})") ==
          "Verlängert sich zum Ende der Laufzeit mit 8 Lizenzen.");
    CHECK(entry("subscription.renewal_changed", sub + "}", sub + R"(, "renewal": "cancel_at_end", "renewal_licenses": null})") ==
          "Endet zum Ende der Laufzeit.");
    CHECK(entry("customer.transfer_token_created", "null", "null") == "Transfercode angelegt.");
    CHECK(entry("customer.transferred_in", R"({"reseller": "Alte Partner GmbH"})", sub + R"(, "reseller": "Northwind"})") ==
          "Kunden von Alte Partner GmbH übernommen.");
    CHECK(entry("customer.transferred_out", R"({"reseller": "Northwind"})", R"({"reseller": "Neue Partner AG"})") ==
          "Der Kunde ist zu Neue Partner AG gewechselt; die bisherigen Rechnungen bleiben hier.");
    CHECK(entry("billing_profile.updated", R"({"iban": null})", R"({"iban": "DE89"})") == "Rechnungsprofil geändert.");
    // Without what the sentence needs, the server's words.
    CHECK(entry("subscription.renewal_changed", "null", "null") == "English words");
    CHECK(entry("customer.transferred_in", "null", "null") == "English words");
    setLanguage(Language::English);
    CHECK(entry("subscription.seat_cap_changed", R"({"max_licenses": null})", R"({"max_licenses": 1500})") ==
          "Maximum number of licenses set to 1,500.");
}


TEST_CASE("texts-de.bin, which the browser's German readers fetch, holds every German text compiled in, in order") {
    const std::string file = test::germanTextsFile();  // the texts point into it
    std::vector<const char*> texts;
    REQUIRE(parseGermanTexts(file, texts));
    REQUIRE(texts.size() == static_cast<std::size_t>(Text::Count_));
    for (std::size_t i = 0; i < texts.size(); ++i) {
        INFO("text " << i << ": " << std::string(tr(static_cast<Text>(i), Language::English)));
        CHECK(std::string(texts[i]) == tr(static_cast<Text>(i), Language::German));
    }
}

TEST_CASE("a German text file of another build, or a damaged one, is refused") {
    const std::string good = test::germanTextsFile();
    std::vector<const char*> texts;
    REQUIRE(parseGermanTexts(good, texts));
    auto refused = [&](std::string bytes) { return !parseGermanTexts(bytes, texts) && texts.empty(); };
    std::string otherMagic = good;
    otherMagic[3] = '2';
    CHECK(refused(otherMagic));
    std::string otherCount = good;
    otherCount[4] = static_cast<char>(otherCount[4] + 1);
    CHECK(refused(otherCount));
    std::string otherIds = good;  // another order or set of ids
    otherIds[8] = static_cast<char>(otherIds[8] ^ 1);
    CHECK(refused(otherIds));
    CHECK(refused(good.substr(0, good.size() - 1)));  // the last text cut off
    CHECK(refused(good.substr(0, good.size() - 3)));
    CHECK(refused(good + "x"));  // bytes after the last text
    std::string oneTooFew = good.substr(0, good.size() - 1);
    oneTooFew = oneTooFew.substr(0, oneTooFew.rfind('\0') + 1);
    CHECK(refused(oneTooFew));
    CHECK(refused(""));
    CHECK(refused(good.substr(0, 12)));
    CHECK_FALSE(loadGermanTexts(good + "x"));
}
