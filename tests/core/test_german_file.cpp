// The browser build's text table: English in the program, German from texts-de.bin (written by
// src/toolchain/texts_table.py). This executable compiles src/core/i18n.cpp as the browser does
// (RC_GERMAN_TEXTS_FILE), so the waiting for the file is tested; core_tests checks the file
// against the German texts compiled in.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "core/i18n.h"
#include "german_texts_file.h"
#include "core/language_choice.h"
#include "core/main_queue.h"
#include "fake_platform.h"

using namespace rc;


TEST_CASE("German waits for its file: English stays on screen, the choice is kept, the file switches") {
    MainQueue queue;
    test::FakePlatform platform{queue};
    LanguageChoice choice{platform};
    REQUIRE_FALSE(germanTextsLoaded());
    setLanguage(choice.atStart("de-DE"));
    CHECK(language() == Language::English);
    CHECK(wantedLanguage() == Language::German);
    CHECK(std::string(tr(Text::AppName)) == "Reseller Console");
    CHECK(std::string(tr(Text::AppName, Language::German)) == "Reseller Console");  // never blank
    choice.keep();
    CHECK(platform.settings.empty());  // the browser's German, not a choice: nothing written

    setLanguage(Language::English);
    choice.keep();
    CHECK(platform.settings[LanguageChoice::kSettingKey] == "en");
    setLanguage(Language::German);  // the switch in the top bar, clicked before the file is in
    choice.keep();
    CHECK(language() == Language::English);
    CHECK(platform.settings[LanguageChoice::kSettingKey] == "de");  // the choice, not what shows

    std::string damaged = test::germanTextsFile();
    damaged.pop_back();
    CHECK_FALSE(loadGermanTexts(damaged));
    CHECK(language() == Language::English);

    REQUIRE(loadGermanTexts(test::germanTextsFile()));
    CHECK(germanTextsLoaded());
    CHECK(language() == Language::German);
    CHECK(std::string(tr(Text::AppName)) == "Reseller-Konsole");
    CHECK(std::string(tr(Text::AppName, Language::English)) == "Reseller Console");
    CHECK_FALSE(loadGermanTexts("RCT1"));  // a bad file later leaves the loaded one in use
    CHECK(std::string(tr(Text::Cancel)) == "Abbrechen");

    setLanguage(Language::English);
    CHECK(std::string(tr(Text::Cancel)) == "Cancel");
}
