// The language chosen in the console survives a reload on this device.
#include <doctest/doctest.h>

#include "core/language_choice.h"
#include "core/main_queue.h"
#include "fake_platform.h"

using namespace rc;

TEST_CASE("a language switched to is kept, and the next start begins in it whatever the browser says") {
    MainQueue queue;
    test::FakePlatform platform{queue};
    LanguageChoice choice{platform};
    setLanguage(choice.atStart("de-DE"));
    CHECK(language() == Language::German);
    choice.keep();
    CHECK(platform.settings.empty());  // nothing chosen yet: the browser's language is not written down

    setLanguage(Language::English);  // the switch in the top bar
    choice.keep();
    CHECK(platform.settings[LanguageChoice::kSettingKey] == "en");

    LanguageChoice afterReload{platform};
    CHECK(afterReload.atStart("de-DE") == Language::English);
    setLanguage(Language::German);
    afterReload.keep();
    CHECK(platform.settings[LanguageChoice::kSettingKey] == "de");
    setLanguage(Language::English);
}

TEST_CASE("a kept value this code did not write is ignored: the browser's language applies") {
    MainQueue queue;
    test::FakePlatform platform{queue};
    platform.settings[LanguageChoice::kSettingKey] = "fr";
    LanguageChoice choice{platform};
    CHECK(choice.atStart("de") == Language::German);
    platform.settings[LanguageChoice::kSettingKey] = "";
    CHECK(choice.atStart("en-GB") == Language::English);
}
