// Domain types as the partner API returns them, in the reseller's words.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rc {

// Integer minor units plus an ISO 4217 code; never a float.
struct Money {
    std::int64_t amount = 0;
    std::string currency = "USD";
};

struct Reseller {
    std::int64_t id = 0;
    std::string name;
    std::string email;
};

struct Session {
    std::string token;
    std::string expiresAt;  // ISO 8601 UTC
    Reseller reseller;
};

struct Invitation {
    std::string status;  // pending | accepted | expired | revoked
    std::string url;     // empty once accepted or revoked
    std::string sentAt;
    std::string expiresAt;
    std::string acceptedAt;
};

struct Subscription {
    std::int64_t id = 0;
    std::string plan;          // basic | professional | enterprise
    std::string billingCycle;  // flexible | annual_monthly | annual_yearly
    int licenses = 0;
    std::string status;  // trial | active | pending_cancel | cancelled
    std::string termStart, termEnd, renewsAt;  // YYYY-MM-DD, renewsAt may be empty
    bool autoRenew = false;
    Money unitPrice;
    Money recurringAmount;
    Money monthlyValue;
};

enum class CustomerStatus { Invited, Active, Revoked, Cancelled, Unknown };

struct Customer {
    std::int64_t id = 0;
    std::string name;
    std::string email;
    std::string googleDomain;
    std::string organization;
    CustomerStatus status = CustomerStatus::Unknown;
    std::string createdAt;
    std::optional<Invitation> invitation;
    std::optional<Subscription> subscription;
};

struct CustomersPage {
    std::vector<Customer> items;
    std::int64_t total = 0;
    std::string nextCursor;  // empty: no further page
};

// Read from config.json beside index.html at start-up; never compiled in.
struct AppConfig {
    std::string apiBaseUrl = "/api/v1";
    std::string googleClientId;
    bool demoSignIn = false;
    std::string demoEmail;
};

// The one error type: what went wrong, in words the reseller can read.
struct ApiError {
    int status = 0;         // HTTP status; 0 when the request never got an answer
    std::string code;       // server's code, or network_error / bad_response
    std::string message;
    std::vector<std::pair<std::string, std::string>> fields;  // field -> message

    bool isNetwork() const { return status == 0; }
    bool isAuth() const { return status == 401; }
};

}  // namespace rc
