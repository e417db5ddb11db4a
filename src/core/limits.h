// The partner API's limits the console applies before asking (the server enforces the same;
// src/partner_api and openapi.json state them). One place, read by validation, the store and
// the views, so a changed limit cannot be half changed.
#pragma once
#include <algorithm>
#include <cstddef>

namespace rc::limits {

// Licenses per subscription when the server has not said otherwise (GET /plans license_limits).
constexpr int kMinLicenses = 1;
constexpr int kMaxLicenses = 50000;

// Names and organizations, in characters (code points).
constexpr std::size_t kMaxNameChars = 200;
// A customer search, in characters (code points); a longer one is cut, never refused.
constexpr std::size_t kMaxSearchChars = 200;

// The license counts that may be ordered.
struct LicenseRange {
    int lo = kMinLicenses;
    int hi = kMaxLicenses;
    int clamp(int count) const { return std::clamp(count, lo, hi); }
};

}  // namespace rc::limits
