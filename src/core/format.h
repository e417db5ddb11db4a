// The one place numbers, money and dates become text, per language.
#pragma once
#include <cstdint>
#include <string>

#include "core/i18n.h"
#include "core/model.h"

namespace rc::format {

std::string integer(std::int64_t value, Language lang);        // 1,234 | 1.234
std::string money(const Money& m, Language lang);              // $1,234.56 | 1.234,56 $
std::string date(const std::string& isoDate, Language lang);   // Dec 31, 2026 | 31.12.2026; "" stays ""

inline std::string integer(std::int64_t v) { return integer(v, language()); }
inline std::string money(const Money& m) { return money(m, language()); }
inline std::string date(const std::string& d) { return date(d, language()); }

}  // namespace rc::format
