#include "core/lifecycle_codec.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "core/validation.h"

namespace rc::codec {

using json = nlohmann::json;

namespace {
// What the server would store for what was typed (it trims; a domain is lower case).
CustomerDetails normalized(const CustomerDetails& d) {
    CustomerDetails n{validate::trim(d.name), validate::trim(d.email), validate::trim(d.organization), validate::trim(d.googleDomain)};
    for (char& c : n.googleDomain) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return n;
}

json changes(const CustomerDetails& seen, const CustomerDetails& draft, bool withDomain) {
    CustomerDetails n = normalized(draft);
    json j = json::object();
    if (n.name != seen.name) j["name"] = n.name;
    if (n.email != seen.email) j["email"] = n.email;
    if (n.organization != seen.organization) j["organization"] = n.organization;
    if (withDomain && n.googleDomain != seen.googleDomain) j["google_domain"] = n.googleDomain;
    return j;
}
}  // namespace

std::string encodeCustomerEdit(const CustomerDetails& seen, const CustomerDetails& draft, bool withDomain) {
    json j = changes(seen, draft, withDomain);
    j["expected_name"] = seen.name;
    j["expected_email"] = seen.email;
    j["expected_organization"] = seen.organization;
    j["expected_google_domain"] = seen.googleDomain;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool customerEditChanges(const CustomerDetails& seen, const CustomerDetails& draft, bool withDomain) {
    return !changes(seen, draft, withDomain).empty();
}

}  // namespace rc::codec
