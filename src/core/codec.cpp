#include "core/codec.h"

#include <nlohmann/json.hpp>

namespace rc::codec {
namespace {

using nlohmann::json;

// Thrown inside this file only; each public decoder converts it into an ApiError.
struct ShapeError {
    std::string what;
};

const json& member(const json& obj, const char* key) {
    if (!obj.is_object()) throw ShapeError{std::string("expected an object around \"") + key + "\""};
    auto it = obj.find(key);
    if (it == obj.end()) throw ShapeError{std::string("missing \"") + key + "\""};
    return *it;
}

std::string str(const json& obj, const char* key) {
    const json& v = member(obj, key);
    if (!v.is_string()) throw ShapeError{std::string("\"") + key + "\" is not a string"};
    return v.get<std::string>();
}

std::string optStr(const json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return {};
    if (!it->is_string()) throw ShapeError{std::string("\"") + key + "\" is not a string"};
    return it->get<std::string>();
}

std::int64_t integer(const json& obj, const char* key) {
    const json& v = member(obj, key);
    if (!v.is_number_integer()) throw ShapeError{std::string("\"") + key + "\" is not an integer"};
    return v.get<std::int64_t>();
}

bool boolean(const json& obj, const char* key) {
    const json& v = member(obj, key);
    if (!v.is_boolean()) throw ShapeError{std::string("\"") + key + "\" is not a boolean"};
    return v.get<bool>();
}

Money money(const json& obj, const char* key) {
    const json& v = member(obj, key);
    Money m;
    m.amount = integer(v, "amount");
    m.currency = str(v, "currency");
    if (m.currency.size() != 3) throw ShapeError{std::string("\"") + key + "\" has a bad currency"};
    return m;
}

Reseller reseller(const json& j) {
    return Reseller{integer(j, "id"), str(j, "name"), str(j, "email")};
}

Invitation invitation(const json& j) {
    Invitation inv;
    inv.status = str(j, "status");
    inv.url = optStr(j, "url");
    inv.sentAt = optStr(j, "sent_at");
    inv.expiresAt = optStr(j, "expires_at");
    inv.acceptedAt = optStr(j, "accepted_at");
    return inv;
}

Subscription subscription(const json& j) {
    Subscription s;
    s.id = integer(j, "id");
    s.plan = str(j, "plan");
    s.billingCycle = str(j, "billing_cycle");
    s.licenses = static_cast<int>(integer(j, "licenses"));
    s.status = str(j, "status");
    s.termStart = optStr(j, "term_start");
    s.termEnd = optStr(j, "term_end");
    s.renewsAt = optStr(j, "renews_at");
    s.autoRenew = boolean(j, "auto_renew");
    s.unitPrice = money(j, "unit_price");
    s.recurringAmount = money(j, "recurring_amount");
    s.monthlyValue = money(j, "monthly_value");
    return s;
}

Customer customer(const json& j) {
    Customer c;
    c.id = integer(j, "id");
    c.name = str(j, "name");
    c.email = str(j, "email");
    c.googleDomain = str(j, "google_domain");
    c.organization = str(j, "organization");
    c.status = customerStatusFromString(str(j, "status"));
    c.createdAt = optStr(j, "created_at");
    auto inv = j.find("invitation");
    if (inv != j.end() && !inv->is_null()) c.invitation = invitation(*inv);
    auto sub = j.find("subscription");
    if (sub != j.end() && !sub->is_null()) c.subscription = subscription(*sub);
    return c;
}

ApiError badResponse(const std::string& detail) {
    ApiError e;
    e.status = 200;
    e.code = "bad_response";
    e.message = "The server sent an answer the console does not understand (" + detail + ").";
    return e;
}

// Parses, then runs `build`; malformed JSON and wrong shapes both come back as bad_response.
template <class T, class F>
Result<T> decode(const std::string& body, F build) {
    json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return badResponse("not JSON");
    try {
        return build(j);
    } catch (const ShapeError& e) {
        return badResponse(e.what);
    } catch (const json::exception& e) {
        return badResponse(e.what());
    }
}

}  // namespace

CustomerStatus customerStatusFromString(const std::string& s) {
    if (s == "invited") return CustomerStatus::Invited;
    if (s == "active") return CustomerStatus::Active;
    if (s == "revoked") return CustomerStatus::Revoked;
    if (s == "cancelled") return CustomerStatus::Cancelled;
    return CustomerStatus::Unknown;
}

Result<AppConfig> decodeConfig(const std::string& body) {
    return decode<AppConfig>(body, [](const json& j) {
        AppConfig c;
        c.apiBaseUrl = str(j, "api_base_url");
        c.googleClientId = optStr(j, "google_client_id");
        auto demo = j.find("demo_sign_in");
        c.demoSignIn = demo != j.end() && demo->is_boolean() && demo->get<bool>();
        c.demoEmail = optStr(j, "demo_email");
        while (!c.apiBaseUrl.empty() && c.apiBaseUrl.back() == '/') c.apiBaseUrl.pop_back();
        return c;
    });
}

Result<Session> decodeSession(const std::string& body) {
    return decode<Session>(body, [](const json& j) {
        Session s;
        s.token = str(j, "token");
        if (s.token.empty()) throw ShapeError{"empty token"};
        s.expiresAt = str(j, "expires_at");
        s.reseller = reseller(member(j, "reseller"));
        return s;
    });
}

Result<CustomersPage> decodeCustomersPage(const std::string& body) {
    return decode<CustomersPage>(body, [](const json& j) {
        CustomersPage page;
        const json& items = member(j, "items");
        if (!items.is_array()) throw ShapeError{"\"items\" is not a list"};
        page.items.reserve(items.size());
        for (const json& item : items) page.items.push_back(customer(item));
        page.total = integer(j, "total");
        page.nextCursor = optStr(j, "next_cursor");
        return page;
    });
}

Result<Customer> decodeCustomer(const std::string& body) {
    return decode<Customer>(body, [](const json& j) { return customer(j); });
}

ApiError decodeError(const HttpResponse& response) {
    ApiError e;
    e.status = response.status;
    json j = json::parse(response.body, nullptr, false);
    if (!j.is_discarded() && j.is_object()) {
        auto err = j.find("error");
        if (err != j.end() && err->is_object()) {
            auto code = err->find("code");
            auto message = err->find("message");
            if (code != err->end() && code->is_string()) e.code = code->get<std::string>();
            if (message != err->end() && message->is_string()) e.message = message->get<std::string>();
            auto fields = err->find("fields");
            if (fields != err->end() && fields->is_object()) {
                for (auto it = fields->begin(); it != fields->end(); ++it)
                    if (it->is_string()) e.fields.emplace_back(it.key(), it->get<std::string>());
            }
        }
    }
    if (e.code.empty()) {
        if (response.status == 0) e.code = "network_error";
        else if (response.status == 401) e.code = "unauthorized";
        else if (response.status >= 500) e.code = "server_error";
        else e.code = "http_" + std::to_string(response.status);
    }
    return e;
}

std::string encodeDemoSignIn(const std::string& email) {
    return json{{"email", email}}.dump();
}

}  // namespace rc::codec
