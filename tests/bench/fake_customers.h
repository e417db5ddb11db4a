// The benchmarks' server for the customer list (ui_bench, raster_bench): `total` generated
// customers, answered block by block as the console asks for them through the fake transport.
#pragma once
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "../core/fake_transport.h"

namespace rc::bench {

// Rows from..from+n-1 (1-based ids) of a list of `total` customers, as the API answers.
inline std::string customersJson(long from, long n, long total) {
    std::string items;
    items.reserve(static_cast<std::size_t>(std::max(0L, n)) * 700);
    char buf[1024];
    for (long i = from + 1; i <= std::min(total, from + n); ++i) {
        const int k = static_cast<int>(i);
        std::snprintf(buf, sizeof buf,
                      R"(%s{"id": %d, "name": "Customer %06d", "email": "it@c%d.example", "google_domain": "c%d.example",
 "organization": "Organization %d GmbH", "status": "active", "created_at": "2026-01-01T00:00:00Z", "invitation": null,
 "subscription": {"id": %d, "plan": "professional", "billing_cycle": "flexible", "licenses": %d, "status": "active",
 "started_at": "2026-01-01T00:00:00Z", "term_start": "2026-11-01", "term_end": "2026-11-30", "renews_at": "2026-12-01",
 "auto_renew": true, "unit_price": {"amount": 103, "currency": "USD"}, "recurring_amount": {"amount": %d, "currency": "USD"},
 "monthly_value": {"amount": %d, "currency": "USD"}}})",
                      i == from + 1 ? "" : ",", k, k, k, k, k, k, 5 + k % 200, (5 + k % 200) * 103, (5 + k % 200) * 103);
        items += buf;
    }
    return R"({"items": [)" + items + R"(], "total": )" + std::to_string(total) + R"(, "next_cursor": null})";
}

inline long queryNumber(const std::string& url, const char* name) {
    for (const char* sep : {"?", "&"}) {
        std::size_t at = url.find(std::string(sep) + name + "=");
        if (at != std::string::npos) return std::atol(url.c_str() + at + std::strlen(name) + 2);
    }
    return 0;
}

// Every block the console asked for is answered from the generated customers.
inline void answerBlocks(test::FakeTransport& transport, long total) {
    for (std::size_t i = 0; i < transport.sent.size(); ++i) {
        const auto& s = transport.sent[i];
        if (s.answered || s.request.url.find("/customers?") == std::string::npos) continue;
        transport.respond(i, 200, customersJson(queryNumber(s.request.url, "offset"), queryNumber(s.request.url, "limit"), total));
    }
}

}  // namespace rc::bench
