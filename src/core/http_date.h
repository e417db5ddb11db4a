// The HTTP Date header (RFC 9110's IMF-fixdate, "Tue, 07 Dec 2026 17:00:00 GMT"): the server's
// clock as every answer carries it, for counting days by the server's date (Store::today()).
#pragma once
#include <cstdint>
#include <string>

namespace rc {

// Milliseconds since 1970 of an IMF-fixdate; 0 when the text is not one (the obsolete RFC 850
// and asctime forms included: the partner API never sends them).
std::int64_t parseHttpDate(const std::string& text);

// The Date header's value in a block of raw response headers ("Name: value\r\n..."), any case; empty: none.
std::string dateHeaderOf(const std::string& rawHeaders);

}  // namespace rc
