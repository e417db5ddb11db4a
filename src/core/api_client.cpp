#include "core/api_client.h"

#include <cstdio>

#include "core/codec.h"

namespace rc {

std::string ApiClient::encodeQueryValue(const std::string& value) {
    std::string out;
    for (unsigned char c : value) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

std::string ApiClient::customersPath(const CustomerQuery& q) {
    std::string path = "/customers?limit=" + std::to_string(q.limit);
    if (!q.sort.empty()) path += "&sort=" + encodeQueryValue(q.sort);
    if (!q.search.empty()) path += "&q=" + encodeQueryValue(q.search);
    if (!q.status.empty()) path += "&status=" + encodeQueryValue(q.status);
    if (!q.cursor.empty()) path += "&cursor=" + encodeQueryValue(q.cursor);
    return path;
}

HttpRequest ApiClient::request(const std::string& method, const std::string& path, std::string body) const {
    HttpRequest req;
    req.method = method;
    req.url = baseUrl_ + path;
    req.headers.emplace_back("Accept", "application/json");
    if (!body.empty()) req.headers.emplace_back("Content-Type", "application/json");
    if (!token_.empty()) req.headers.emplace_back("Authorization", "Bearer " + token_);
    req.body = std::move(body);
    return req;
}

template <class T>
void ApiClient::call(HttpRequest req, Result<T> (*decode)(const std::string&), Callback<T> done) {
    transport_.send(req, [decode, done = std::move(done)](const HttpResponse& res) {
        if (res.status >= 200 && res.status < 300) done(decode(res.body));
        else done(codec::decodeError(res));
    });
}

void ApiClient::fetchConfig(const std::string& url, Callback<AppConfig> done) {
    HttpRequest req;
    req.url = url;
    req.headers.emplace_back("Accept", "application/json");
    call<AppConfig>(std::move(req), &codec::decodeConfig, std::move(done));
}

void ApiClient::signInDemo(const std::string& email, Callback<Session> done) {
    call<Session>(request("POST", "/auth/demo", codec::encodeDemoSignIn(email)), &codec::decodeSession, std::move(done));
}

void ApiClient::signOut(Callback<Unit> done) {
    transport_.send(request("POST", "/auth/logout"), [done = std::move(done)](const HttpResponse& res) {
        if (res.status >= 200 && res.status < 300) done(Unit{});
        else done(codec::decodeError(res));
    });
}

void ApiClient::listCustomers(const CustomerQuery& query, Callback<CustomersPage> done) {
    call<CustomersPage>(request("GET", customersPath(query)), &codec::decodeCustomersPage, std::move(done));
}

}  // namespace rc
