#include "core/i18n.h"

#include <cctype>

namespace rc {
namespace {

struct Entry {
    const char* en;
    const char* de;
};

constexpr Entry kTexts[] = {
#define RC_TEXT_ENTRY(id, en, de) {en, de},
    RC_TEXTS(RC_TEXT_ENTRY)
#undef RC_TEXT_ENTRY
};
static_assert(sizeof(kTexts) / sizeof(kTexts[0]) == static_cast<std::size_t>(Text::Count_));

Language gLanguage = Language::English;

}  // namespace

Language language() { return gLanguage; }
void setLanguage(Language lang) { gLanguage = lang; }

Language languageFromTag(const std::string& tag) {
    if (tag.size() >= 2 && std::tolower(static_cast<unsigned char>(tag[0])) == 'd' &&
        std::tolower(static_cast<unsigned char>(tag[1])) == 'e' && (tag.size() == 2 || tag[2] == '-' || tag[2] == '_'))
        return Language::German;
    return Language::English;
}

const char* tr(Text id, Language lang) {
    const Entry& e = kTexts[static_cast<std::size_t>(id)];
    return lang == Language::German ? e.de : e.en;
}

const char* tr(Text id) { return tr(id, gLanguage); }

const char* statusLabel(CustomerStatus status) {
    switch (status) {
        case CustomerStatus::Invited: return tr(Text::StatusInvited);
        case CustomerStatus::Active: return tr(Text::StatusActive);
        case CustomerStatus::Revoked: return tr(Text::StatusRevoked);
        case CustomerStatus::Cancelled: return tr(Text::StatusCancelled);
        case CustomerStatus::Unknown: break;
    }
    return tr(Text::StatusUnknown);
}

const char* planLabel(const std::string& plan) {
    if (plan == "basic") return tr(Text::PlanBasic);
    if (plan == "professional") return tr(Text::PlanProfessional);
    if (plan == "enterprise") return tr(Text::PlanEnterprise);
    return tr(Text::StatusUnknown);
}

std::string describeError(const ApiError& error) {
    if (error.code == "network_error" || error.status == 0) return tr(Text::ErrNetwork);
    if (error.code == "bad_response") return tr(Text::ErrBadResponse);
    if (error.code == "session_expired") return tr(Text::SessionEnded);
    if (error.code == "unauthorized") return tr(Text::ErrUnauthorized);
    if (error.status >= 500) return tr(Text::ErrServer);
    // The server writes English; German readers get it as is rather than nothing.
    if (!error.message.empty()) return error.message;
    return tr(Text::ErrServer);
}

}  // namespace rc
