// The language the reseller chose, kept on this device (Platform::saveSetting, localStorage in
// the browser) so a reload does not bring back the browser's language after a switch.
#pragma once
#include <string>

#include "core/i18n.h"
#include "core/platform.h"

namespace rc {

class LanguageChoice {
public:
    explicit LanguageChoice(Platform& platform) : platform_(platform) {}

    // The language to start in: the one chosen on this device before, else the browser's.
    Language atStart(const std::string& browserTag);
    // Called after each frame: keeps the current language when it differs from the kept one,
    // whichever control changed it.
    void keep();

    static constexpr const char* kSettingKey = "language";

private:
    Platform& platform_;
    Language kept_ = Language::English;  // the language at the start, or the last one kept
};

}  // namespace rc
