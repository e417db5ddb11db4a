// The table column model: columns share space by content, drop out in a fixed order, never cut
// a name while a droppable column is shown, and respect the reseller's widths and hidden columns.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "ui/kit/columns.h"

using namespace rc::ui;

namespace {

// The customer table's columns (as customers_view.cpp declares them), by content width.
std::vector<ColumnSpec> customerColumns() {
    return {
        {"customer", 0, 140, 0, true, true, false},
        {"domain", 5, 110, 280, true, false, true, 3},
        {"status", 6, 100, 0, false, false, true},
        {"plan", 3, 90, 0, false, false, true},
        {"licenses", 4, 72, 0, false, false, true},
        {"renewal", 2, 96, 0, false, false, true},
        {"monthly", 1, 90, 0, false, false, true},
        {"actions", 0, 96, 0, false, false, false},
    };
}

std::vector<ColumnNeed> needs(float name, float domain, float status, float plan, float licenses, float renewal, float monthly,
                              float actions) {
    std::vector<ColumnNeed> n(8);
    const float c[] = {name, domain, status, plan, licenses, renewal, monthly, actions};
    for (int i = 0; i < 8; ++i) n[static_cast<std::size_t>(i)].content = c[i];
    return n;
}

std::vector<std::string> keys(const std::vector<ColumnSpec>& specs, const std::vector<ColumnPlacement>& p) {
    std::vector<std::string> out;
    for (const auto& x : p) out.push_back(specs[static_cast<std::size_t>(x.column)].key);
    return out;
}

const ColumnPlacement* find(const std::vector<ColumnSpec>& specs, const std::vector<ColumnPlacement>& p, const std::string& key) {
    for (const auto& x : p)
        if (specs[static_cast<std::size_t>(x.column)].key == key) return &x;
    return nullptr;
}

}  // namespace

TEST_CASE("wide: every column, names whole, spare room to the text columns, not to status and plan") {
    auto specs = customerColumns();
    // German content widths (measured from the demo data at 15 px Roboto plus cell padding).
    auto n = needs(230, 230, 130, 150, 95, 120, 110, 120);
    auto p = fitColumns(specs, n, 1300);
    CHECK(p.size() == 8);
    CHECK_FALSE(find(specs, p, "customer")->cut);
    CHECK_FALSE(find(specs, p, "domain")->cut);
    CHECK(find(specs, p, "status")->w == doctest::Approx(130));
    CHECK(find(specs, p, "plan")->w == doctest::Approx(150));
    CHECK(find(specs, p, "customer")->w > 230);
    float right = p.back().x + p.back().w;
    CHECK(right == doctest::Approx(1300));
    for (std::size_t i = 1; i < p.size(); ++i) CHECK(p[i].x == doctest::Approx(p[i - 1].x + p[i - 1].w));
}

TEST_CASE("narrower: monthly value, renewal and plan drop out in that order; names (and domains) are never cut while they are shown") {
    auto specs = customerColumns();
    auto n = needs(230, 230, 130, 150, 95, 120, 110, 120);
    float all = 230 + 230 + 130 + 150 + 95 + 120 + 110 + 120;  // the domain whole while plan and later show
    auto p = fitColumns(specs, n, all - 1);
    CHECK(keys(specs, p) == std::vector<std::string>{"customer", "domain", "status", "plan", "licenses", "renewal", "actions"});
    p = fitColumns(specs, n, all - 111);
    CHECK(keys(specs, p) == std::vector<std::string>{"customer", "domain", "status", "plan", "licenses", "actions"});
    p = fitColumns(specs, n, all - 231);
    CHECK(keys(specs, p) == std::vector<std::string>{"customer", "domain", "status", "licenses", "actions"});
    for (float width = 500; width <= 1400; width += 10) {
        CAPTURE(width);
        auto q = fitColumns(specs, n, width);
        bool droppableShown = std::any_of(q.begin(), q.end(), [&](const ColumnPlacement& x) {
            return specs[static_cast<std::size_t>(x.column)].dropOrder > 0;
        });
        if (droppableShown) CHECK_FALSE(find(specs, q, "customer")->cut);
        // Domains get their room before plan, renewal and monthly value do.
        if (find(specs, q, "plan") && find(specs, q, "domain")) CHECK_FALSE(find(specs, q, "domain")->cut);
        CHECK(q.back().x + q.back().w <= width + 0.5f);
        // The fixed order holds at every width: a column is only shown if those after it in
        // the drop order... are shown too (monthly goes first, so it is only there with all).
        if (find(specs, q, "monthly")) CHECK(find(specs, q, "renewal"));
        if (find(specs, q, "renewal")) CHECK(find(specs, q, "plan"));
    }
}

TEST_CASE("the domain gives way before the name when room is short") {
    auto specs = customerColumns();
    auto n = needs(230, 260, 130, 150, 95, 120, 110, 120);
    auto p = fitColumns(specs, n, 230 + 180 + 130 + 95 + 120);
    REQUIRE(find(specs, p, "domain"));
    CHECK(find(specs, p, "domain")->cut);
    CHECK_FALSE(find(specs, p, "customer")->cut);
}

TEST_CASE("the reseller's widths and hidden columns are kept; the name and actions cannot be hidden") {
    auto specs = customerColumns();
    auto n = needs(230, 230, 130, 150, 95, 120, 110, 120);
    n[3].userHidden = true;  // plan
    n[0].userHidden = true;  // customer: not hideable
    n[1].userWidth = 320;    // domain dragged wider
    auto p = fitColumns(specs, n, 1300);
    CHECK(find(specs, p, "plan") == nullptr);
    CHECK(find(specs, p, "customer") != nullptr);
    CHECK(find(specs, p, "domain")->w == doctest::Approx(320));  // exactly as dragged: spare room goes elsewhere
    n[5].userWidth = 10;  // a width below the floor is raised to it
    p = fitColumns(specs, n, 1300);
    CHECK(find(specs, p, "renewal")->w >= specs[5].minWidth);
}
