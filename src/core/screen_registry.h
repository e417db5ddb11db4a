// The core half of the screen registry: one line per screen with its address (#/path and its
// parameters, read and written here), what the store loads when it is shown and when fresh
// data is wanted, and whether a write sent from the offline queue refreshes it. Route,
// Store::navigate and the offline slice read it instead of switching on Screen. The UI half
// (icon, label, view) is in src/ui and keys on the same Screen. No ImGui here.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/route.h"

namespace rc {

class Store;

// A #/... address taken apart: its path's parts and its decoded query parameters.
struct Address {
    std::vector<std::string> parts;  // "customers", "42"
    std::vector<std::pair<std::string, std::string>> params;
    std::string param(const char* name) const;  // "" when absent
};

struct ScreenSpec {
    Screen screen;
    const char* path;  // the address's first part: #/customers...
    // Reads the rest of the address into `route`; false: the address is not this screen's.
    bool (*parse)(const Address& address, Route& route);
    // The route's address: #/path?query.
    std::string (*format)(const Route& route);
    // Shown: the store loads what is missing, stale or for other parameters.
    void (*enter)(Store& store, const Route& route);
    // Fresh data wanted (back online, a queued write went through).
    void (*refresh)(Store& store, const Route& route);
    // A queued write for `customerId` (0: a new customer) went through while this is shown:
    // is the screen refreshed?
    bool (*refreshAfterWrite)(const Route& route, std::int64_t customerId);
};

// Every screen, in the order addresses are tried.
const std::vector<ScreenSpec>& screenRegistry();
const ScreenSpec& screenSpec(Screen screen);

}  // namespace rc
