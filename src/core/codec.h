// JSON <-> model. Every decoder checks types and turns anything unexpected into an ApiError
// with code "bad_response" instead of throwing past its caller.
#pragma once
#include <string>

#include "core/http.h"
#include "core/model.h"
#include "core/result.h"

namespace rc::codec {

Result<AppConfig> decodeConfig(const std::string& body);
Result<Session> decodeSession(const std::string& body);
Result<CustomersPage> decodeCustomersPage(const std::string& body);
Result<Customer> decodeCustomer(const std::string& body);

// The error for a non-2xx answer: the server's {"error": {...}} when it sent one, otherwise
// a sentence built from the status (proxies and dropped connections send no JSON).
ApiError decodeError(const HttpResponse& response);

CustomerStatus customerStatusFromString(const std::string& s);

std::string encodeDemoSignIn(const std::string& email);

}  // namespace rc::codec
