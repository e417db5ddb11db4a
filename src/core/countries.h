// Country names for an ISO 3166 code in the reader's language ("DE" -> Germany / Deutschland),
// for addresses on screen. The same table as the server's documents (documents/wording.py
// COUNTRY_NAMES): tests/server/test_country_names.py keeps the two equal.
#pragma once
#include <string>

namespace rc {

// The country's name in the current language; the code itself for one the table does not know.
std::string countryName(const std::string& code);

}  // namespace rc
