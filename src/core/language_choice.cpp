#include "core/language_choice.h"

namespace rc {

Language LanguageChoice::atStart(const std::string& browserTag) {
    std::string saved = platform_.loadSetting(kSettingKey);
    // Only what this code wrote counts: anything else (an old or edited value) is the browser's.
    kept_ = languageFromTag(saved == "de" || saved == "en" ? saved : browserTag);
    return kept_;
}

void LanguageChoice::keep() {
    Language now = wantedLanguage();  // German while its texts download: what the reseller chose
    if (now == kept_) return;  // nothing chosen since the start, or already kept
    kept_ = now;
    platform_.saveSetting(kSettingKey, now == Language::German ? "de" : "en");
}

}  // namespace rc
