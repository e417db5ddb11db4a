// The partner API's rules for a new customer, applied as the reseller types. They mirror the
// server's (src/partner_api/validation.py); tests/contract/validation_cases.json holds cases
// that both sides' tests check, so the two cannot drift apart.
#pragma once
#include <optional>
#include <string>

#include "core/i18n.h"

namespace rc::validate {

// Each returns the problem in the reseller's language, or nothing when the value is fine.
std::optional<std::string> name(const std::string& value);  // also used for the organization
std::optional<std::string> email(const std::string& value);
std::optional<std::string> googleDomain(const std::string& value);

bool isDomain(const std::string& lowercaseDomain);
std::string trim(const std::string& s);
std::size_t codePoints(const std::string& utf8);

}  // namespace rc::validate
