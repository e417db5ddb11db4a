// The page's codes (codes.js) are generated from the C++ enums by src/toolchain/web_codes.py,
// which reads the headers as text. Here the compiler says what each enumerator is, and the
// generated codes must agree, member for member (tests/web/test_generators.py shows that a
// script naming a code the enums lack fails the build).
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/platform.h"
#include "core/store.h"
#include "ui/a11y/a11y_tree.h"
#include "web/page_codes.h"

namespace {

nlohmann::json generated() {
    std::ifstream in(WEB_CODES_JSON);
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str());
}

template <class E>
void same(const nlohmann::json& codes, const char* group, std::initializer_list<std::pair<const char*, E>> members) {
    INFO(group);
    REQUIRE(codes.contains(group));
    // Every enumerator the enum has, so one added there must be added here too.
    CHECK(codes.at(group).size() == members.size());
    for (const auto& member : members) {  // not a structured binding: clang 14's INFO cannot capture one
        INFO(member.first);
        REQUIRE(codes.at(group).contains(member.first));
        CHECK(codes.at(group).at(member.first).template get<long long>() == static_cast<long long>(member.second));
    }
}

}  // namespace

TEST_CASE("codes.js holds the numbers the compiler gives the enums") {
    nlohmann::json codes = generated();
    using rc::GoogleStatus;
    same<GoogleStatus>(codes, "GoogleStatus", {{"NotConfigured", GoogleStatus::NotConfigured}, {"Loading", GoogleStatus::Loading},
                                               {"Ready", GoogleStatus::Ready}, {"Unavailable", GoogleStatus::Unavailable}});
    using S = rc::Platform::StorageStatus;
    same<S>(codes, "StorageStatus", {{"Ok", S::Ok}, {"NotFound", S::NotFound}, {"Unavailable", S::Unavailable},
                                     {"QuotaExceeded", S::QuotaExceeded}, {"Failed", S::Failed}});
    using rc::web::PageEvent;
    same<PageEvent>(codes, "PageEvent", {{"Online", PageEvent::Online}, {"Offline", PageEvent::Offline},
                                         {"UpdateReady", PageEvent::UpdateReady}});
    same<rc::web::Preference>(codes, "Preference", {{"ReducedMotion", rc::web::ReducedMotion}, {"MoreContrast", rc::web::MoreContrast}});
    namespace a = rc::ui::a11y;
    same<a::State>(codes, "A11yState", {{"Disabled", a::Disabled}, {"Selected", a::Selected}, {"Invalid", a::Invalid},
                                        {"ReadOnly", a::ReadOnly}, {"Current", a::Current}, {"Assertive", a::Assertive},
                                        {"Modal", a::Modal}});
    CHECK(codes.size() == 5);
}
