// Builds partner API requests and decodes their answers. Knows HTTP and JSON, not screens.
#pragma once
#include <functional>
#include <string>

#include "core/http.h"
#include "core/model.h"
#include "core/result.h"

namespace rc {

struct CustomerQuery {
    std::string search;
    std::string status;  // "" = all
    std::string sort = "name";
    int limit = 50;
    std::string cursor;
};

class ApiClient {
public:
    template <class T>
    using Callback = std::function<void(Result<T>)>;

    explicit ApiClient(Transport& transport) : transport_(transport) {}

    void setBaseUrl(std::string url) { baseUrl_ = std::move(url); }
    void setToken(std::string token) { token_ = std::move(token); }
    const std::string& baseUrl() const { return baseUrl_; }

    void fetchConfig(const std::string& url, Callback<AppConfig> done);
    void signInDemo(const std::string& email, Callback<Session> done);
    void signOut(Callback<Unit> done);
    void listCustomers(const CustomerQuery& query, Callback<CustomersPage> done);

    // Percent-encodes a query value (RFC 3986 unreserved characters stay as they are).
    static std::string encodeQueryValue(const std::string& value);
    static std::string customersPath(const CustomerQuery& query);

private:
    HttpRequest request(const std::string& method, const std::string& path, std::string body = {}) const;
    template <class T>
    void call(HttpRequest req, Result<T> (*decode)(const std::string&), Callback<T> done);

    Transport& transport_;
    std::string baseUrl_ = "/api/v1";
    std::string token_;
};

}  // namespace rc
